// <cas-connect> in an app's WebView (contract §14, issue 24): the mail providers refuse their
// consent page in embedded browsers, so `inbox` is left out there (read from the user agent,
// injected through CasConnectElement.userAgent) unless `allow-webview-inbox`; and `inbox` asked
// for without `redirect-url` gives one console warning per page, naming no personal data. Its
// own file: "once per page" is this page.
import { expect, fixture } from '@open-wc/testing';
import '../src/entries/connect.js';
import { CasConnectElement } from '../src/entries/connect.js';

const ALL = 'upload cdsl inbox mailback forward';

async function make(attrs: string): Promise<CasConnectElement> {
  const box = document.createElement('div');
  box.innerHTML = `<cas-connect token-url="/t" ${attrs}></cas-connect>`;
  return fixture<CasConnectElement>(box.firstElementChild as CasConnectElement);
}

const methods = (el: CasConnectElement) =>
  [...el.shadowRoot!.querySelectorAll('[part^=method-]')].map((b) => b.getAttribute('part')!.slice(7));

/** Embedded browsers of apps, each as its user agent reads. */
const WEBVIEWS: Record<string, string> = {
  'Android WebView (; wv)':
    'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UQ1A.240105.004; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36',
  'Android WebView, reduced UA (K; wv)':
    'Mozilla/5.0 (Linux; Android 10; K; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.0.0 Mobile Safari/537.36',
  'Android 4.4 WebView (Version/4.0 Chrome/)':
    'Mozilla/5.0 (Linux; Android 4.4; Nexus 5 Build/KRT16M) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/30.0.0.0 Mobile Safari/537.36',
  'Facebook in-app browser on Android':
    'Mozilla/5.0 (Linux; Android 13; SM-S911B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/442.0.0.33.113;]',
  'iPhone WKWebView':
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Instagram on iPhone':
    'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 307.0.0.34.111 (iPhone14,5; iOS 16_6; en_IN; en; scale=3.00; 1170x2532; 530083384)',
  'iPad WKWebView (desktop-class, says Macintosh)':
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
};

/** Browsers of their own (and SFSafariViewController, which says Safari's): `inbox` stays. */
const BROWSERS: Record<string, string> = {
  'Chrome for Android':
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
  'Samsung Internet':
    'Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
  'Firefox for Android': 'Mozilla/5.0 (Android 14; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0',
  'Safari on iPhone (and SFSafariViewController)':
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
  'Chrome for iOS':
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1',
  'Firefox for iOS':
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/121.0 Mobile/15E148 Safari/605.1.15',
  'Safari on a Mac or an iPad':
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  'Chrome on Windows':
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
};

describe("<cas-connect> in an app's WebView, and inbox without redirect-url", () => {
  const userAgent = CasConnectElement.userAgent;
  const warned: string[] = [];
  const original = console.warn;
  before(() => {
    console.warn = (...a: unknown[]) => void warned.push(a.map(String).join(' '));
  });
  after(() => {
    console.warn = original;
    CasConnectElement.userAgent = userAgent;
  });
  afterEach(() => {
    CasConnectElement.userAgent = userAgent;
  });

  it("reads this browser's own user agent by default (not a WebView: inbox offered)", async () => {
    expect(CasConnectElement.userAgent()).to.equal(navigator.userAgent);
    const el = await make(`redirect-url="/cb.html" methods="${ALL}"`);
    expect(methods(el)).to.deep.equal(['upload', 'cdsl', 'inbox', 'mailback', 'forward']);
  });

  for (const [name, ua] of Object.entries(WEBVIEWS)) {
    it(`${name}: inbox left out; allow-webview-inbox (attribute or property) brings it back`, async () => {
      CasConnectElement.userAgent = () => ua;
      const el = await make(`redirect-url="/cb.html" methods="${ALL}"`);
      expect(methods(el)).to.deep.equal(['upload', 'cdsl', 'mailback', 'forward']);
      el.allowWebviewInbox = true;
      await el.updateComplete;
      expect(methods(el)).to.deep.equal(['upload', 'cdsl', 'inbox', 'mailback', 'forward']);
      const forced = await make(`allow-webview-inbox redirect-url="/cb.html" methods="inbox forward"`);
      expect(forced.allowWebviewInbox).to.equal(true);
      expect(methods(forced)).to.deep.equal(['inbox', 'forward']);
    });
  }

  for (const [name, ua] of Object.entries(BROWSERS)) {
    it(`${name}: inbox offered`, async () => {
      CasConnectElement.userAgent = () => ua;
      const el = await make(`redirect-url="/cb.html" methods="${ALL}"`);
      expect(methods(el)).to.deep.equal(['upload', 'cdsl', 'inbox', 'mailback', 'forward']);
    });
  }

  it('in a WebView, methods="inbox" alone falls back to the default ways, as a list with no way known does', async () => {
    CasConnectElement.userAgent = () => WEBVIEWS['iPhone WKWebView'];
    const el = await make('redirect-url="/cb.html" methods="inbox"');
    expect(el.state).to.equal('idle');
    expect(methods(el)).to.deep.equal(['upload', 'cdsl', 'mailback', 'forward']);
  });

  it('no warning with redirect-url, in a WebView, or without inbox asked for', async () => {
    CasConnectElement.userAgent = () => WEBVIEWS['Android WebView (; wv)'];
    await make(`redirect-url="/cb.html" methods="${ALL}"`);
    await make('methods="upload cdsl mailback forward inboxes"');
    await make('');
    expect(warned).to.deep.equal([]);
  });

  it('inbox without redirect-url: left out, and one console warning per page that names no personal data', async () => {
    const el = await make('methods="upload inbox mailback"');
    el.prefill = { pan: 'ABCDE1234F', email: 'investor@example.in' };
    await el.updateComplete;
    expect(methods(el)).to.deep.equal(['upload', 'mailback']);
    expect(warned).to.have.length(1);
    expect(warned[0]).to.include('cas-connect').and.include('inbox').and.include('redirect-url');
    expect(warned[0]).to.not.include('ABCDE1234F').and.not.include('investor@example.in');
    await make('methods="inbox, mailback"');
    el.methods = 'inbox';
    await el.updateComplete;
    expect(warned, 'once per page').to.have.length(1);
  });
});

// End to end: <cas-connect> from the CDN file dist/cdn/cas-connect.js against real local HTTP
// servers (scripts/fault-servers.mjs): the token backend on this origin, the API on another
// origin with real CORS preflights, for the mailbox a real popup through the mock consent page
// to a return page that loads dist/cdn/cas-inbox-callback.js, and for forwarding the address
// made, polled (on an injected clock) and deleted, also by a page that goes. No msw.
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openSession, expectNoPageErrors, page, pdf, type Session } from './harness.js';
import type { Stats } from './servers.js';
import { type, fakeClock } from '../flow-helpers.js';

type El = HTMLElement & { state: string; updateComplete: Promise<unknown>; flow?: El | null };

const cdn = '/dist/cdn/cas-connect.js';
const REDIRECT = '/test/resilience/pages/inbox-callback.html';
const EMAIL = 'investor@example.com';
const PASSWORD = 'Remember2025';
const FILE = {
  message_id: 'm-1',
  message_date: '2025-11-04',
  cas_type: 'cams',
  sender_email: 'donotreply@camsonline.com',
  filename: 'inbox/cams.pdf',
  original_filename: 'CAMS_NOV2025.pdf',
  size: 1000,
  url: 'https://files.example/inbox.pdf',
  expires_in: 86400,
};

let ready: Promise<unknown>;
before(async () => {
  ({ ready } = (await import(/* @vite-ignore */ cdn)) as { ready: Promise<unknown> });
});

async function make(s: Session, methods = 'upload cdsl inbox mailback forward'): Promise<El> {
  const box = document.createElement('div');
  box.innerHTML = `<cas-connect token-url="${s.tokenUrl}" api-base="${s.apiBase}" redirect-url="${REDIRECT}" retry-delay="0" methods="${methods}"></cas-connect>`;
  return fixture<El>(box.firstElementChild as El);
}
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`[part~="${name}"]`)!;
async function wait(check: () => unknown, ms = 8000) {
  for (let t = 0; !check() && t < ms; t += 10) await new Promise((r) => setTimeout(r, 10));
  expect(check()).to.be.ok;
}
async function open(el: El, method: string, tag: string): Promise<El> {
  part(el, `method-${method}`).focus();
  await sendKeys({ press: 'Enter' });
  await wait(() => el.flow?.localName === tag);
  await el.flow!.updateComplete;
  return el.flow!;
}
async function upload(flow: El) {
  const input = part(flow, 'file-input');
  const dt = new DataTransfer();
  dt.items.add(pdf('cas.pdf'));
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await wait(() => flow.state === 'ready');
  await flow.updateComplete;
  type(flow, 'password-input', PASSWORD);
  part(flow, 'submit').click();
}

describe('<cas-connect> end to end (cas-connect.js, real HTTP servers)', () => {
  let s: Session | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
    expectNoPageErrors();
  });

  it('defines <cas-connect> at once and the five flows once `ready`', async () => {
    expect(customElements.get('cas-connect')).to.exist;
    await ready;
    for (const tag of ['cas-upload', 'cas-cdsl-fetch', 'cas-inbox', 'cas-mailback', 'cas-forward']) expect(customElements.get(tag), tag).to.exist;
  });

  it('upload: one listener on <cas-connect> gets the success', async () => {
    s = await openSession();
    const el = await make(s);
    const flow = await open(el, 'upload', 'cas-upload');
    const success = oneEvent(el, 'cas-upload-success');
    await upload(flow);
    const { detail } = await success;
    expect(detail.source).to.equal('upload');
    const stats = await s.stats();
    expect(stats.requests.map((r) => r.path)).to.deep.equal(['/v4/smart/parse']);
    expect(stats.requests[0].password).to.equal(PASSWORD);
    // The summary's list is cas-upload.summary.js beside cas-connect.js, imported from the flows'
    // chunk in chunks/: it arrives from the script's own folder.
    await wait(() => flow.shadowRoot!.querySelector('[part~="summary-list"]'));
    expect(performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)).to.include('/dist/cdn/cas-upload.summary.js');
  });

  it('cdsl: OTP, fetch and parse', async () => {
    const files = [{ filename: 'CDSL_CAS_NOV2025.pdf', url: 'https://files.example/nov.pdf' }];
    s = await openSession({ api: [{ body: { status: 'success', session_id: 'sess-c' } }, { body: { status: 'success', files } }, {}] });
    const el = await make(s);
    const flow = await open(el, 'cdsl', 'cas-cdsl-fetch');
    type(flow, 'pan-input', 'ABCDE1234F');
    type(flow, 'bo-id-input', '1208160000000001');
    type(flow, 'dob-input', '1990-01-15');
    part(flow, 'submit').click();
    await wait(() => flow.state === 'otp');
    await flow.updateComplete;
    type(flow, 'otp-input', '123456');
    const success = oneEvent(el, 'cas-upload-success');
    part(flow, 'submit').click();
    expect((await success).detail.source).to.equal('cdsl');
    expect((await s.stats()).requests.map((r) => r.path)).to.deep.equal(['/v4/cdsl/fetch', '/v4/cdsl/fetch/sess-c/verify', '/v4/smart/parse']);
  });

  it('mailback: the request, the sent event, then on to the upload of the e-mailed PDF', async () => {
    s = await openSession({ api: [{ body: { status: 'success', msg: 'CAS request submitted' } }, {}] });
    const el = await make(s);
    const flow = await open(el, 'mailback', 'cas-mailback');
    type(flow, 'email-input', EMAIL);
    type(flow, 'password-input', PASSWORD);
    type(flow, 'confirm-input', PASSWORD);
    const sent = oneEvent(el, 'cas-upload-mailback-sent');
    part(flow, 'submit').click();
    const { detail } = await sent;
    expect(detail.requestId).to.match(/^req_/);
    await flow.updateComplete;
    part(flow, 'upload').click();
    await wait(() => el.flow?.localName === 'cas-upload');
    const up = el.flow!;
    await up.updateComplete;
    const success = oneEvent(el, 'cas-upload-success');
    await upload(up);
    await success;
    const stats = await s.stats();
    expect(stats.requests.map((r) => r.path)).to.deep.equal(['/v4/generate', '/v4/smart/parse']);
    const { email, password, from_date, to_date } = stats.requests[0].json as Record<string, string>;
    expect([email, password, from_date]).to.deep.equal([EMAIL, PASSWORD, '1990-01-01']);
    expect(to_date).to.match(/^\d{4}-\d\d-\d\d$/);
    expect(stats.tokenRequests).to.equal(1);
    expect(page.console.join('\n')).to.not.include(EMAIL).and.not.include(PASSWORD);
  });

  it('inbox: a real popup, the consent page, the CDN return page, the list, the parse and the revoke', async function () {
    this.timeout(20000);
    const consent = `${location.origin}/demo/mock-consent.html?answer=allow&state={state}&redirect_uri={redirect_uri}`;
    s = await openSession({
      api: [
        { body: { status: 'success', oauth_url: consent, provider: 'gmail' } },
        { body: { status: 'success', count: 1, files: [FILE] } },
        {},
        { body: { status: 'success', msg: 'Email access revoked' } },
      ],
    });
    const el = await make(s);
    const flow = await open(el, 'inbox', 'cas-inbox');
    await new Promise((r) => setTimeout(r, 0));
    part(flow, 'connect').focus();
    await sendKeys({ press: 'Enter' });
    await wait(() => flow.state === 'choose');
    await flow.updateComplete;
    type(flow, 'password-input', 'ABCDE1234F');
    const success = oneEvent(el, 'cas-upload-success');
    part(flow, 'submit').click();
    const { detail } = await success;
    expect(detail.source).to.equal('inbox');
    expect(detail.file).to.deep.equal({ name: 'CAMS_NOV2025.pdf', size: null });
    expect(detail.disconnected, 'the revocation (no body, as the specification says) was accepted').to.equal(true);
    const stats = await s.until((x) => x.apiRequests === 4, 'four API requests', 3000);
    expect(stats.requests.map((r) => r.status)).to.deep.equal([200, 200, 200, 200]);
    expect(stats.requests[0].json!.provider).to.equal('gmail');
    expect(stats.requests.map((r) => r.path)).to.deep.equal(['/v4/inbox/connect', '/v4/inbox/cas', '/v4/smart/parse', '/v4/inbox/disconnect']);
    expect(stats.requests.map((r) => r.inboxToken)).to.deep.equal([null, INBOX_TOKEN_FROM_CONSENT, null, INBOX_TOKEN_FROM_CONSENT]);
    expect(stats.requests[0].json!.redirect_uri).to.equal(new URL(REDIRECT, location.href).href);
    expect(stats.requests[2].json).to.deep.equal({ pdf_url: FILE.url, password: 'ABCDE1234F' });
    expect(page.console.join('\n')).to.not.include(INBOX_TOKEN_FROM_CONSENT);
  });

  it('inbox: a list answered 401 requires_reconnect ends in inbox-error, with no new token and no second list call', async function () {
    this.timeout(20000);
    const consent = `${location.origin}/demo/mock-consent.html?answer=allow&state={state}&redirect_uri={redirect_uri}`;
    s = await openSession({
      api: [
        { body: { status: 'success', oauth_url: consent, provider: 'gmail' } },
        { status: 401, body: { status: 'failed', msg: 'Email access revoked. Please reconnect.', requires_reconnect: true } },
      ],
    });
    const el = await make(s, 'inbox upload');
    const flow = await open(el, 'inbox', 'cas-inbox');
    await new Promise((r) => setTimeout(r, 0));
    const error = oneEvent(el, 'cas-upload-error');
    part(flow, 'connect').focus();
    await sendKeys({ press: 'Enter' });
    const { detail } = await error;
    expect([detail.code, detail.status]).to.deep.equal(['inbox-error', 401]);
    await new Promise((r) => setTimeout(r, 200));
    const stats = await s.stats();
    expect(stats.requests.map((r) => r.path)).to.deep.equal(['/v4/inbox/connect', '/v4/inbox/cas']);
    expect(stats.tokenRequests).to.equal(1);
  });

  describe('forward: the address made, polled, parsed and deleted', () => {
    const ID = 'ie_e2e_0001';
    const ADDRESS = 'cas-e2e-7f3k@in.casparser.in';
    const CREATED = { body: { inbound_email_id: ID, email: ADDRESS, reference: null, allowed_sources: ['cams', 'kfintech'], status: 'active', created_at: '2026-12-04T10:00:00Z', updated_at: '2026-12-04T10:00:00Z' }, status: 201 };
    const NOTHING = { body: { status: 'success', files: [], count: 0, cursor: null } };
    const RECEIVED = '2026-12-04T10:01:02.123456Z';
    const ARRIVED = {
      body: {
        status: 'success',
        count: 1,
        cursor: RECEIVED,
        files: [{ message_id: 'm1', filename: 'f/cams.pdf', original_filename: 'CAMS_NOV2025.pdf', message_date: '2025-11-04', cas_type: 'cams', sender_email: 'donotreply@camsonline.com', size: 1000, url: 'https://files.example/forward.pdf', expires_in: 86400, received_at: RECEIVED }],
      },
    };
    const DELETED = { body: { status: 'success', msg: 'Inbound email deleted' } };
    const seen = (st: Stats) => st.requests.map((r) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ''}`);
    let Forward: { clock: unknown };
    let original: unknown;
    let clock: ReturnType<typeof fakeClock>;
    beforeEach(async () => {
      ({ CasForwardElement: Forward } = (await ready) as { CasForwardElement: { clock: unknown } });
      original = Forward.clock;
      Forward.clock = clock = fakeClock();
    });
    afterEach(() => (Forward.clock = original));

    /** Opens the way, presses Start and waits for the first poll. */
    async function started(s: Session, el: El): Promise<El> {
      const flow = await open(el, 'forward', 'cas-forward');
      part(flow, 'start').click();
      await wait(() => flow.state === 'waiting');
      await s.until((x) => x.apiRequests === 2, 'the address and the first poll');
      return flow;
    }

    it('one listener on <cas-connect>: forward-ready, the PAN first, success; the address deleted after it', async () => {
      s = await openSession({ api: [CREATED, NOTHING, ARRIVED, {}, DELETED] });
      const el = await make(s);
      Object.assign(el, { sources: 'cams kfintech', reference: 'user-42', prefill: { pan: 'ABCDE1234F' } });
      const ready = oneEvent(el, 'cas-upload-forward-ready');
      const flow = await started(s, el);
      expect((await ready).detail.address).to.equal(ADDRESS);
      expect(part(flow, 'address').textContent).to.equal(ADDRESS);
      const success = oneEvent(el, 'cas-upload-success');
      await clock.next();
      const { detail } = await success;
      expect(detail.source).to.equal('forward');
      expect(detail.file).to.deep.equal({ name: 'CAMS_NOV2025.pdf', size: null });
      const stats = await s.until((x) => x.apiRequests === 5, 'the DELETE after success');
      expect(seen(stats)).to.deep.equal([
        'POST /v4/inbound-email',
        `GET /v4/inbound-email/${ID}/files`,
        `GET /v4/inbound-email/${ID}/files`,
        'POST /v4/smart/parse',
        `DELETE /v4/inbound-email/${ID}`,
      ]);
      expect(stats.requests[0].json).to.deep.equal({ allowed_sources: ['cams', 'kfintech'], reference: 'user-42' });
      expect(stats.requests[3].json).to.deep.equal({ pdf_url: 'https://files.example/forward.pdf', password: 'ABCDE1234F' });
      expect(stats.requests.every((r) => r.keyIsIssued)).to.equal(true);
      expect(stats.preflights, 'CORS preflights for POST, GET and DELETE').to.be.at.least(3);
      expect(page.console.join('\n')).to.not.include('ABCDE1234F').and.not.include('files.example');
    });

    it('the next poll asks since the cursor', async () => {
      s = await openSession({ api: [CREATED, { body: { ...ARRIVED.body, files: [{ ...ARRIVED.body.files[0], cas_type: 'cdsl' }] } }, NOTHING] });
      const el = await make(s);
      const flow = await started(s, el);
      await wait(() => part(flow, 'password-input'));
      await clock.next();
      const stats = await s.until((x) => x.apiRequests === 3, 'the second poll');
      expect(stats.requests[2].query).to.equal(`since=${encodeURIComponent(RECEIVED)}`);
    });

    it('the element removed: the address deleted', async () => {
      s = await openSession({ api: [CREATED, NOTHING, DELETED] });
      const el = await make(s);
      await started(s, el);
      el.remove();
      const stats = await s.until((x) => x.apiRequests === 3, 'the DELETE');
      expect(seen(stats).at(-1)).to.equal(`DELETE /v4/inbound-email/${ID}`);
    });

    it('back to the choice: the address deleted', async () => {
      s = await openSession({ api: [CREATED, NOTHING, DELETED] });
      const el = await make(s);
      await started(s, el);
      part(el, 'back').click();
      await wait(() => el.state === 'idle');
      const stats = await s.until((x) => x.apiRequests === 3, 'the DELETE');
      expect(seen(stats).at(-1)).to.equal(`DELETE /v4/inbound-email/${ID}`);
    });

    it('the page goes (pagehide, a real navigation): the DELETE still reaches the API (keepalive)', async function () {
      this.timeout(15000);
      s = await openSession({ api: [CREATED, NOTHING, DELETED] });
      const session = s;
      const iframe = document.createElement('iframe');
      const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
      iframe.src = `/fault/page/csp?session=${session.id}&connect`;
      document.body.append(iframe);
      await loaded;
      try {
        const win = iframe.contentWindow as Window & typeof globalThis & { __probe: unknown };
        await win.customElements.whenDefined('cas-connect');
        const el = win.document.createElement('cas-connect') as El;
        for (const [k, v] of Object.entries({ methods: 'forward', 'token-url': session.tokenUrl, 'api-base': session.apiBase })) el.setAttribute(k, v);
        win.document.body.append(el);
        await wait(() => el.flow?.localName === 'cas-forward' && part(el.flow, 'start'));
        part(el.flow!, 'start').click();
        await session.until((x) => x.apiRequests === 2, 'the address and the first poll', 8000);
        expect(win.__probe).to.deep.equal({ violations: [], errors: [], console: [] });
        iframe.src = 'about:blank';
        const stats = await session.until((x) => x.requests.some((r) => r.method === 'DELETE'), 'the DELETE after pagehide', 8000);
        const last = stats.requests.find((r) => r.method === 'DELETE')!;
        expect(last.path).to.equal(`/v4/inbound-email/${ID}`);
        expect(last.keyIsIssued).to.equal(true);
        expect(last.aborted, 'the request was not cut when the page went').to.equal(false);
      } finally {
        iframe.remove();
      }
    });

    it('cas-forward.js alone defines <cas-forward> (not <cas-connect>), under the CSP, in Hindi', async () => {
      s = await openSession({ api: [CREATED, NOTHING] });
      const session = s;
      const iframe = document.createElement('iframe');
      const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
      iframe.src = `/fault/page/csp?session=${session.id}&forward`;
      document.body.append(iframe);
      await loaded;
      try {
        const win = iframe.contentWindow as Window & typeof globalThis & { __probe: unknown };
        await win.customElements.whenDefined('cas-forward');
        expect(win.customElements.get('cas-connect')).to.equal(undefined);
        const el = win.document.createElement('cas-forward') as El;
        for (const [k, v] of Object.entries({ lang: 'hi', 'token-url': session.tokenUrl, 'api-base': session.apiBase })) el.setAttribute(k, v);
        win.document.body.append(el);
        await wait(() => part(el, 'start')?.textContent === 'फ़ॉरवर्ड करने का पता लें');
        part(el, 'start').click();
        await wait(() => part(el, 'address')?.textContent === ADDRESS);
        expect(win.__probe).to.deep.equal({ violations: [], errors: [], console: [] });
      } finally {
        iframe.remove();
      }
    });
  });
});

/** The token demo/mock-consent.html hands back. */
const INBOX_TOKEN_FROM_CONSENT = 'itk_mock_5e3c9a1f7b2d4e6a';

describe('<cas-connect> under the CSP of contract §7, with Trusted Types', () => {
  it('the choice, then the mailback, in Hindi: no violation, no error, nothing logged', async () => {
    const s = await openSession({ api: [{ body: { status: 'success', msg: 'ok' } }] });
    const iframe = document.createElement('iframe');
    const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
    iframe.src = `/fault/page/csp?session=${s.id}&connect`;
    document.body.append(iframe);
    await loaded;
    try {
      const win = iframe.contentWindow as Window & typeof globalThis & { __probe: unknown };
      await win.customElements.whenDefined('cas-connect');
      const el = win.document.createElement('cas-connect') as El;
      for (const [k, v] of Object.entries({ lang: 'hi', 'token-url': s.tokenUrl, 'api-base': s.apiBase })) el.setAttribute(k, v);
      win.document.body.append(el);
      await wait(() => part(el, 'method-mailback')?.textContent?.includes('ई-मेल से पाएँ'));
      part(el, 'method-mailback').click();
      await wait(() => el.flow?.localName === 'cas-mailback' && part(el.flow, 'submit'));
      const flow = el.flow!;
      type(flow, 'email-input', EMAIL);
      type(flow, 'password-input', PASSWORD);
      type(flow, 'confirm-input', PASSWORD);
      part(flow, 'submit').click();
      await wait(() => flow.state === 'sent');
      expect((await s.stats()).requests.map((r) => r.path)).to.deep.equal(['/v4/generate']);
      expect(win.__probe).to.deep.equal({ violations: [], errors: [], console: [] });
    } finally {
      iframe.remove();
      await s.close();
    }
  });
});

describe('cas-connect.iife.js (classic script)', () => {
  it('sets window.CasConnect with every class and the client; after cas-connect.js on one page, nothing throws', async () => {
    const script = document.createElement('script');
    script.src = '/dist/cdn/cas-connect.iife.js';
    const loaded = new Promise((resolve, reject) => ((script.onload = resolve), (script.onerror = reject)));
    document.head.append(script);
    await loaded;
    const api = (window as unknown as { CasConnect: Record<string, unknown> }).CasConnect;
    for (const name of ['CasConnectElement', 'CasUploadElement', 'CasCdslFetchElement', 'CasInboxElement', 'CasMailbackElement', 'CasForwardElement', 'createForwardAddress', 'requestMailback', 'connectInbox', 'clearTokenCache', 'registerLanguage', 'version']) {
      expect(api[name], name).to.exist;
    }
    expectNoPageErrors();
  });
});

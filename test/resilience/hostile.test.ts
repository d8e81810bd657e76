/**
 * Hostile content and hostile pages, against the real local servers: HTML in a file name, in
 * a server message and in the parsed result is shown as text; the built CDN module runs an
 * upload under contract section 7's CSP (Trusted Types included) with no violation, and both
 * CDN files speak Hindi there (cas-upload.hi.js, imported from beside them); loading the CDN
 * module twice and the classic build twice leaves one working definition.
 */
import { expect, aTimeout, nextFrame, oneEvent } from '@open-wc/testing';
import '../../src/entries/index.js';
import { CasUploadElement, clearTokenCache } from '../../src/entries/index.js';
import { hi } from '../../src/upload/hi.js';
import { part } from '../helpers.js';
import { openSession, pdf, record, settle, secret, expectNoLeaks, expectNoPageErrors, type Session } from './harness.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b id="injected">bold</b>`;

/** Fails when markup from the payload became elements anywhere in the element or the page. */
async function expectInert(el: Element): Promise<void> {
  await nextFrame();
  await aTimeout(50); // an injected <img src=x> would have errored and run its handler by now
  expect(window.__pwned, 'no injected script ran').to.equal(undefined);
  expect(document.querySelectorAll('#injected, img[src="x"]').length, 'no injected element in the page').to.equal(0);
  expect(el.shadowRoot!.querySelectorAll('#injected, img, script').length, 'no injected element in the shadow tree').to.equal(0);
}

function makeElement(session: Session, extra: Record<string, string> = {}): CasUploadElement {
  const el = document.createElement('cas-upload') as CasUploadElement;
  for (const [k, v] of Object.entries({ 'token-url': session.tokenUrl, 'api-base': session.apiBase, 'retry-delay': '0', retries: '0', ...extra })) {
    el.setAttribute(k, v);
  }
  document.body.append(el);
  return el;
}

/** Loads a page of the fault servers in an iframe and waits for its `load`. */
async function frame(src: string): Promise<{ iframe: HTMLIFrameElement; win: Window & typeof globalThis; doc: Document }> {
  for (const file of ['/dist/cdn/cas-upload.js', '/dist/cdn/cas-upload.iife.js', '/dist/cdn/cas-upload.hi.js']) {
    expect((await fetch(file, { method: 'HEAD' })).status, `${file} is built (npm run build)`).to.equal(200);
  }
  const iframe = document.createElement('iframe');
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = src;
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as Window & typeof globalThis;
  return { iframe, win, doc: iframe.contentDocument! };
}

interface Probe {
  violations: string[];
  errors: string[];
  console: string[];
}

describe('hostile content (real local servers)', () => {
  let session: Session | undefined;
  const cleanup: Element[] = [];
  beforeEach(() => clearTokenCache());
  afterEach(async () => {
    for (const el of cleanup.splice(0)) el.remove();
    await session?.close();
    session = undefined;
    delete window.__pwned;
    expectNoPageErrors();
  });

  it('shows a file name with HTML and script as text', async () => {
    session = await openSession();
    const el = makeElement(session);
    cleanup.push(el);
    await el.updateComplete;
    const name = `${HOSTILE}.pdf`;
    const input = part(el, 'file-input') as HTMLInputElement;
    const dt = new DataTransfer();
    dt.items.add(pdf(name));
    input.files = dt.files;
    const selected = oneEvent(el, 'cas-upload-select');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await selected;
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(el.shadowRoot!.textContent, 'the name, literally').to.include(name);
    await expectInert(el);
    // And through a whole upload, to the success summary.
    const p = await settle(el.upload());
    expect(p.error).to.equal(undefined);
    // multipart/form-data escapes a quote in a file name as %22.
    expect((await session.stats()).requests[0].fileName, 'sent under its own name').to.equal(name.replace(/"/g, '%22'));
    await expectInert(el);
  });

  it('keeps a server message with HTML as text (apiMessage) and never renders it as markup', async () => {
    session = await openSession({ api: [{ status: 400, body: { status: 'failed', msg: `${HOSTILE} Unable to detect CAS type` } }] });
    const el = makeElement(session);
    cleanup.push(el);
    const events = record(el);
    const password = secret('pw-');
    const { error } = await settle(el.upload(pdf(), password));
    expect(error?.code).to.equal('parse-failed');
    const detail = events.find((e) => e.type === 'cas-upload-error')!.detail as { apiMessage: string; message: string };
    expect(detail.apiMessage, 'kept unchanged, as a string').to.equal(`${HOSTILE} Unable to detect CAS type`);
    await el.updateComplete;
    const shown = part(el, 'error')!;
    expect(shown.children.length, 'the error is plain text').to.equal(0);
    expect(shown.textContent!.trim()).to.equal(detail.message);
    await expectInert(el);
    expectNoLeaks([password, ...(await session.stats()).tokens], { events, errors: [error], el });
  });

  it('shows parsed values with HTML (the investor name) as text', async () => {
    session = await openSession({
      api: [{ status: 200, body: { investor: { name: HOSTILE }, summary: { total_value: 1 } } }],
    });
    const el = makeElement(session);
    cleanup.push(el);
    const { error } = await settle(el.upload(pdf(), 'pw'));
    expect(error).to.equal(undefined);
    await el.updateComplete;
    const summary = part(el, 'summary')!;
    expect(summary.textContent, 'the name, literally').to.include(HOSTILE);
    await expectInert(el);
  });
});

describe('the CDN build in a page of its own: CSP with Trusted Types, double registration', () => {
  let session: Session | undefined;
  let iframe: HTMLIFrameElement | undefined;
  afterEach(async () => {
    iframe?.remove();
    iframe = undefined;
    await session?.close();
    session = undefined;
    expectNoPageErrors();
  });

  it('uploads with no CSP violation, and the policy is really enforced', async function () {
    this.timeout(10000);
    session = await openSession();
    const f = await frame(`/fault/page/csp?session=${session.id}`);
    iframe = f.iframe;
    const { win, doc } = f;
    const probe = (win as unknown as { __probe: Probe }).__probe;
    const defined = await Promise.race([win.customElements.whenDefined('cas-upload').then(() => true), aTimeout(3000).then(() => false)]);
    expect(defined, `<cas-upload> defined under the CSP (${JSON.stringify(probe)})`).to.equal(true);
    const el = doc.createElement('cas-upload') as CasUploadElement;
    el.setAttribute('token-url', session.tokenUrl);
    el.setAttribute('api-base', session.apiBase);
    el.setAttribute('retry-delay', '0');
    doc.body.append(el);
    await el.updateComplete;
    expect(part(el, 'file-input'), 'rendered').to.not.equal(null);
    const password = secret('pw-');
    const file = new win.File(['%PDF-1.7\n%%EOF\n'], 'cas.pdf', { type: 'application/pdf' });
    let outcome: unknown;
    let failure: unknown;
    await el.upload(file, password).then(
      (v) => (outcome = v),
      (e) => (failure = e),
    );
    expect(failure, 'upload under CSP').to.equal(undefined);
    expect(outcome).to.be.an('object');
    await el.updateComplete;
    expect(el.state).to.equal('success');
    expect(part(el, 'summary'), 'summary rendered').to.not.equal(null);
    const stats = await session.stats();
    expect([stats.tokenRequests, stats.apiRequests]).to.deep.equal([1, 1]);
    expect(probe.violations, 'CSP violations').to.deep.equal([]);
    expect(probe.errors, 'errors on the CSP page').to.deep.equal([]);
    expect(probe.console, 'console errors and warnings on the CSP page').to.deep.equal([]);

    // The policy is in force: a string assigned to innerHTML is refused and reported.
    expect(() => {
      doc.body.innerHTML = '<b>x</b>';
    }).to.throw();
    await aTimeout(50);
    expect(probe.violations.some((v) => v.startsWith('require-trusted-types-for')), 'the probe sees violations').to.equal(true);
  });

  for (const [build, query] of [
    ['module', ''],
    ['classic script', '?classic'],
  ]) {
    it(`speaks Hindi under the CSP with the ${build}: cas-upload.hi.js imported from beside it, no violation`, async function () {
      this.timeout(10000);
      const f = await frame(`/fault/page/csp${query}`);
      iframe = f.iframe;
      const { win, doc } = f;
      const probe = (win as unknown as { __probe: Probe }).__probe;
      await win.customElements.whenDefined('cas-upload');
      const el = doc.createElement('cas-upload') as CasUploadElement;
      el.setAttribute('lang', 'hi');
      doc.body.append(el);
      const submit = () => el.shadowRoot && part(el, 'submit')?.textContent?.trim();
      for (let i = 0; i < 100 && submit() !== hi.submit; i++) await aTimeout(50);
      expect(submit(), `the Upload button in Hindi (${JSON.stringify(probe)})`).to.equal(hi.submit);
      expect(part(el, 'heading')!.textContent!.trim()).to.equal(hi.heading);
      const loaded = [...win.performance.getEntriesByType('resource')].map((e) => new URL(e.name).pathname);
      expect(loaded.filter((path) => path.endsWith('.hi.js')), 'from beside the script').to.deep.equal(['/dist/cdn/cas-upload.hi.js']);
      expect(probe.violations, 'CSP violations').to.deep.equal([]);
      expect(probe.errors, 'errors on the CSP page').to.deep.equal([]);
      expect(probe.console, 'console errors and warnings on the CSP page').to.deep.equal([]);
    });
  }

  it('the CDN module twice and the classic build twice: nothing thrown, one working definition', async function () {
    this.timeout(10000);
    session = await openSession();
    const f = await frame('/fault/page/double');
    iframe = f.iframe;
    const { win, doc } = f;
    const probe = (win as unknown as { __probe: Probe }).__probe;
    // Both module scripts (two URLs, so two evaluations) and the classic one ran.
    const loaded = [...win.performance.getEntriesByType('resource')].map((e) => new URL(e.name).pathname + new URL(e.name).search);
    expect(loaded).to.include.members([
      '/dist/cdn/cas-upload.js?first',
      '/dist/cdn/cas-upload.js?second',
      '/dist/cdn/cas-upload.iife.js',
      '/dist/cdn/cas-upload.iife.js?again',
    ]);
    expect(probe.errors, 'nothing thrown').to.deep.equal([]);
    const api = (win as unknown as { CasUpload?: { CasUploadElement: unknown; clearTokenCache: unknown; version: unknown } }).CasUpload;
    expect(typeof api === 'object' && api !== null, 'window.CasUpload').to.equal(true);
    expect(api!.clearTokenCache).to.be.a('function');
    expect(api!.version).to.be.a('string');
    const Registered = win.customElements.get('cas-upload')!;
    expect(Registered, 'defined').to.be.a('function');
    expect(api!.CasUploadElement, 'window.CasUpload names the class in use, after the classic script ran twice').to.equal(Registered);

    const el = doc.createElement('cas-upload') as CasUploadElement;
    el.setAttribute('token-url', session.tokenUrl);
    el.setAttribute('api-base', session.apiBase);
    doc.body.append(el);
    expect(el).to.be.instanceOf(Registered);
    await el.updateComplete;
    const file = new win.File(['%PDF-1.7\n%%EOF\n'], 'cas.pdf', { type: 'application/pdf' });
    let failure: unknown;
    await el.upload(file, 'pw').catch((e) => (failure = e));
    expect(failure, 'the definition works').to.equal(undefined);
    expect(el.state).to.equal('success');
    expect(probe.errors, 'nothing thrown').to.deep.equal([]);
    expect(probe.console, 'no console errors or warnings').to.deep.equal([]);
  });
});

// End to end: <cas-cdsl-fetch> from the CDN file dist/cdn/cas-connect.js against real local
// HTTP servers (scripts/fault-servers.mjs): the token backend on this origin, the API on another
// origin with real CORS preflights. No msw.
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { openSession, expectNoPageErrors, page, type Session } from './harness.js';
import { part } from '../helpers.js';
import { type, press, until } from '../flow-helpers.js';

const PAN = 'ABCDE1234F';
const FILES = [
  { filename: 'CDSL_CAS_1208160000000001_NOV2025.pdf', url: 'https://files.example/nov.pdf' },
  { filename: 'CDSL_CAS_1208160000000001_OCT2025.pdf', url: 'https://files.example/oct.pdf' },
];
const SESSION_ANSWER = { body: { status: 'success', session_id: 'sess-e2e-1', msg: 'OTP sent to registered mobile' } };
const FILES_ANSWER = { body: { status: 'success', msg: 'Fetched 2 CAS files', files: FILES } };

type Fetcher = HTMLElement & { state: string; cancel(): void; updateComplete: Promise<unknown> };

const cdn = '/dist/cdn/cas-connect.js';
before(async () => {
  // cas-connect.js defines <cas-connect> at once and the flows from chunks beside it (`ready`).
  await ((await import(/* @vite-ignore */ cdn)) as { ready: Promise<unknown> }).ready;
});

async function make(s: Session, attrs = ''): Promise<Fetcher> {
  const box = document.createElement('div');
  box.innerHTML = `<cas-cdsl-fetch token-url="${s.tokenUrl}" api-base="${s.apiBase}" retry-delay="0" ${attrs}></cas-cdsl-fetch>`;
  return fixture<Fetcher>(box.firstElementChild as Fetcher);
}

async function details(el: Fetcher) {
  type(el, 'pan-input', 'abcde1234f');
  type(el, 'bo-id-input', '1208160000000001');
  type(el, 'dob-input', '1990-01-15');
  await press(el, 'submit');
}

describe('<cas-cdsl-fetch> end to end (cas-connect.js, real HTTP servers)', () => {
  let s: Session | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
    expectNoPageErrors();
  });

  it('cas-connect.js defines <cas-upload> and <cas-cdsl-fetch>', () => {
    expect(customElements.get('cas-upload')).to.exist;
    expect(customElements.get('cas-cdsl-fetch')).to.exist;
  });

  it('cas-upload.js loaded after it on the same page changes nothing and throws nothing', async () => {
    const defined = customElements.get('cas-upload');
    const upload = '/dist/cdn/cas-upload.js';
    const mod = (await import(/* @vite-ignore */ upload)) as { CasUploadElement: unknown };
    expect(customElements.get('cas-upload')).to.equal(defined);
    expect(mod.CasUploadElement, 'it names the class in use').to.equal(defined);
  });

  it('fetches, verifies and parses: three JSON calls with the issued token, CORS and all', async () => {
    s = await openSession({ api: [SESSION_ANSWER, FILES_ANSWER, {}] });
    const el = await make(s);
    await details(el);
    await until(el, 'otp');
    type(el, 'otp-input', '123456');
    const success = oneEvent(el, 'cas-upload-success');
    await press(el, 'submit');
    const { detail } = await success;
    expect(detail.source).to.equal('cdsl');
    expect(detail.files).to.deep.equal(FILES);
    expect(detail.file).to.deep.equal({ name: FILES[0].filename, size: null });
    expect(detail.requestId).to.match(/^req_/);
    expect(detail.result.investor.name).to.equal('Test Investor');
    const stats = await s.stats();
    expect(stats.requests.map((r) => r.path)).to.deep.equal([
      '/v4/cdsl/fetch',
      '/v4/cdsl/fetch/sess-e2e-1/verify',
      '/v4/smart/parse',
    ]);
    expect(stats.requests.map((r) => r.json)).to.deep.equal([
      { pan: PAN, bo_id: '1208160000000001', dob: '1990-01-15' },
      { otp: '123456', num_periods: 1 },
      { pdf_url: FILES[0].url, password: PAN },
    ]);
    expect(stats.requests.every((r) => r.keyIsIssued)).to.equal(true);
    expect(stats.tokenRequests).to.equal(1);
    expect(stats.preflights).to.be.at.least(1);
    expect(page.console.join('\n')).to.not.include(PAN);
  });

  it('cancel while the OTP is asked for really aborts the request', async () => {
    s = await openSession({ api: [{ hang: true }] });
    const el = await make(s);
    await details(el);
    await s.until((x) => x.apiRequests === 1);
    const cancel = oneEvent(el, 'cas-upload-cancel');
    part(el, 'cancel')!.click();
    expect((await cancel).detail).to.deep.equal({ step: 'requesting' });
    const stats = await s.until((x) => x.apiAborted === 1);
    expect(stats.apiAborted).to.equal(1);
    expect(el.state).to.equal('idle');
  });

  it('the OTP request is not repeated after a 503 (retries="3")', async () => {
    s = await openSession({ api: [{ status: 503 }, SESSION_ANSWER] });
    const el = await make(s, 'retries="3"');
    const error = oneEvent(el, 'cas-upload-error');
    await details(el);
    expect((await error).detail.code).to.equal('server-error');
    await new Promise((r) => setTimeout(r, 100));
    expect((await s.stats()).apiRequests).to.equal(1);
  });

  it('speaks Hindi from the chunk beside cas-connect.js', async () => {
    s = await openSession();
    const box = document.createElement('div');
    box.lang = 'hi';
    box.innerHTML = `<cas-cdsl-fetch token-url="${s.tokenUrl}" api-base="${s.apiBase}"></cas-cdsl-fetch>`;
    await fixture(box);
    const el = box.firstElementChild as Fetcher;
    const heading = () => el.shadowRoot!.querySelector('[part~=heading]')?.textContent ?? '';
    for (let t = 0; !heading().includes('मँगाएँ') && t < 3000; t += 20) await new Promise((r) => setTimeout(r, 20));
    expect(heading()).to.include('अपना CDSL स्टेटमेंट मँगाएँ');
    const loaded = performance.getEntriesByType('resource').map((e) => e.name);
    expect(loaded.some((u) => /\/dist\/cdn\/chunks\/hi-[\w-]+\.js$/.test(u))).to.equal(true);
  });

  it('the whole flow, in Hindi, under the CSP of contract §7, with Trusted Types (cas-connect.js)', async () => {
    s = await openSession({ api: [SESSION_ANSWER, FILES_ANSWER, {}] });
    const iframe = document.createElement('iframe');
    const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
    iframe.src = `/fault/page/csp?session=${s.id}&connect`;
    document.body.append(iframe);
    await loaded;
    try {
      const win = iframe.contentWindow as Window & typeof globalThis & { __probe: { violations: string[]; errors: string[]; console: string[] } };
      await win.customElements.whenDefined('cas-cdsl-fetch');
      const el = win.document.createElement('cas-cdsl-fetch') as Fetcher;
      for (const [k, v] of Object.entries({ lang: 'hi', 'token-url': s.tokenUrl, 'api-base': s.apiBase })) el.setAttribute(k, v);
      win.document.body.append(el);
      for (let t = 0; part(el, 'submit')?.textContent !== 'OTP भेजें' && t < 3000; t += 20) await new Promise((r) => setTimeout(r, 20));
      await details(el);
      await until(el, 'otp');
      type(el, 'otp-input', '123456');
      await press(el, 'submit');
      await until(el, 'success');
      expect((await s.stats()).apiRequests).to.equal(3);
      expect(win.__probe).to.deep.equal({ violations: [], errors: [], console: [] });
    } finally {
      iframe.remove();
    }
  });

  it('a verify answered 404 (the session is unknown or over, as the specification says): session-expired, back to the details', async () => {
    s = await openSession({ api: [SESSION_ANSWER, { status: 404, body: { status: 'failed', msg: 'Session not found' } }] });
    const el = await make(s);
    await details(el);
    await until(el, 'otp');
    type(el, 'otp-input', '123456');
    const error = oneEvent(el, 'cas-upload-error');
    await press(el, 'submit');
    const { detail } = await error;
    expect([detail.code, detail.status]).to.deep.equal(['session-expired', 404]);
    await el.updateComplete;
    expect((part(el, 'pan-input') as HTMLInputElement).value, 'back at the details, as typed').to.equal('abcde1234f');
    expect((await s.stats()).apiRequests, 'the verify is not repeated').to.equal(2);
  });

  it('a revoked token on the OTP request: one fresh token, one more try', async () => {
    s = await openSession({ api: [SESSION_ANSWER], revokeFirstToken: true });
    const el = await make(s);
    await details(el);
    await until(el, 'otp');
    const stats = await s.stats();
    expect(stats.requests.map((r) => r.tokenIndex)).to.deep.equal([0, 1]);
    expect(stats.tokenRequests).to.equal(2);
  });
});

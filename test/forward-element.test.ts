// <cas-forward> (contract §17): the address made (201), shown with its copy button and the
// senders `sources` allows; the polling every 5 s on an injected clock (paused while the page is
// hidden, at once when shown again, Retry-After, backoff, the deadline of wait-minutes); the
// statements listed newest first and parsed by URL (the PAN first for CAMS/KFintech, else the
// password asked); the address deleted however the flow ends, and never with a host's
// inbound-email-id; secrets kept; Hindi; axe in every state. msw mocks the API only.
import { expect, fixture, oneEvent, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker } from 'msw/browser';
import { http } from 'msw';
import { createHandlers, createMockState, resetMockState, apiJson, TOKEN_URL, API_BASE, PARSE_RESPONSE } from './mocks/handlers.js';
import {
  createForwardHandlers,
  createForwardState,
  deliver,
  hostAddress,
  MOCK_FORWARD_FILES,
  MOCK_FORWARD_PAN,
  MOCK_FORWARD_PASSWORD,
  type ForwardScenario,
} from './mocks/forward.js';
import '../src/entries/forward.js';
import { CasForwardElement, FORWARD_POLL_MS } from '../src/entries/forward.js';
import { part, serveMocks } from './helpers.js';
import { record, type, press, until, waitFor, expectSecretsKept, fakeClock } from './flow-helpers.js';

const tokens = createMockState();
const mocks = createForwardState();
const worker = setupWorker(...createForwardHandlers(mocks), ...createHandlers(tokens));
const [CAMS, CDSL] = MOCK_FORWARD_FILES;
const SENDERS = {
  cdsl: 'eCAS@cdslstatement.com',
  nsdl: 'NSDL-CAS@nsdl.co.in',
  cams: 'donotreply@camsonline.com',
  kfintech: 'samfS@kfintech.com',
};

let clock = fakeClock();
const original = CasForwardElement.clock;

async function make(attrs = '', props: Partial<CasForwardElement> = {}): Promise<CasForwardElement> {
  const box = document.createElement('div');
  // `attrs` first: of an attribute written twice, the first counts.
  box.innerHTML = `<cas-forward ${attrs} token-url="${TOKEN_URL}" retry-delay="0"></cas-forward>`;
  const el = box.firstElementChild as CasForwardElement;
  Object.assign(el, props);
  return fixture<CasForwardElement>(el);
}

const calls = (method: string, path: RegExp) => mocks.requests.filter((r) => r.method === method && path.test(r.path));
/** `POST /v4/inbound-email`, and `GET` of the same path (the list of every address, never asked). */
const creates = () => calls('POST', /\/inbound-email$/);
const lists = () => calls('GET', /\/inbound-email$/);
const polls = () => calls('GET', /\/files$/);
/** The DELETEs of this test's addresses (an element of the test before may still be deleting its own). */
const deletes = () => calls('DELETE', /./).filter((r) => mocks.addresses.some((a) => r.path.endsWith(`/${a.inbound_email_id}`)));
const parses = () => mocks.requests.filter((r) => r.path.endsWith('/parse'));

/** Presses Start (scenario `scenario`) and waits for the address and the first poll, answered (the element sleeps). */
async function start(el: CasForwardElement, scenario: ForwardScenario = 'success') {
  mocks.scenario = scenario;
  const n = polls().length;
  await press(el, 'start');
  await until(el, 'waiting');
  await waitFor(() => polls().length > n && clock.pending() > 0, 'the first poll answered');
}

/** Moves the clock to the next poll and waits for it to be sent. */
async function nextPoll() {
  const n = polls().length;
  await clock.next();
  await waitFor(() => polls().length > n, 'the next poll');
}

/** The page hidden or shown, as the browser says it (`document.hidden`, `visibilitychange`). */
function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('<cas-forward>', () => {
  serveMocks(worker, () => {
    resetMockState(tokens);
    Object.assign(mocks, createForwardState());
  });
  beforeEach(() => {
    clock = fakeClock();
    CasForwardElement.clock = clock;
    mocks.now = clock.now;
  });
  afterEach(() => {
    CasForwardElement.clock = original;
    delete (document as { hidden?: boolean }).hidden;
    delete (document as { visibilityState?: string }).visibilityState;
    delete (navigator as { clipboard?: unknown }).clipboard;
  });

  it('is defined, idle, with a read-only state; a second define does not throw', async () => {
    expect(customElements.get('cas-forward')).to.equal(CasForwardElement);
    expect(() => CasForwardElement.define()).not.to.throw();
    const el = await make();
    expect(el.state).to.equal('idle');
    el.setAttribute('state', 'success');
    expect(el.getAttribute('state')).to.equal('idle');
    expect(part(el, 'start')!.textContent).to.equal('Get a forwarding address');
    expect(mocks.requests).to.have.length(0);
  });

  it('the whole flow: the address (201), the senders, the polls, the PAN first for CAMS, success, the address deleted', async () => {
    const el = await make('', { reference: 'user-42', prefill: { pan: 'abcde1234f' } });
    const events = record(el, ['success', 'error', 'cancel', 'forward-ready']);
    const states: string[] = [];
    new MutationObserver(() => states.push(el.getAttribute('state')!)).observe(el, { attributeFilter: ['state'] });
    const ready = oneEvent(el, 'cas-upload-forward-ready');
    await start(el);
    const [create] = creates();
    expect(create.body).to.deep.equal({ allowed_sources: ['cdsl', 'nsdl', 'cams', 'kfintech'], reference: 'user-42' });
    expect(create.apiKey).to.equal('at_demo_1');
    const address = mocks.addresses[0].email;
    expect((await ready).detail).to.deep.equal({ address, expiresAt: new Date(clock.now() + 30 * 60000).toISOString() });
    expect(part(el, 'address')!.textContent).to.equal(address);
    const senders = part(el, 'senders')!.textContent!;
    for (const sender of Object.values(SENDERS)) expect(senders).to.include(sender);
    expect(el.shadowRoot!.textContent).to.include('30 minutes');
    // The first poll: no cursor yet. Nothing arrived: every 5 s again.
    expect(polls()[0].path).to.equal(`/v4/inbound-email/${mocks.addresses[0].inbound_email_id}/files`);
    expect(polls()[0].search).to.equal('');
    expect(await clock.next()).to.equal(FORWARD_POLL_MS);
    await waitFor(() => polls().length === 2, 'second poll');
    expect(polls()[1].search).to.equal('');
    deliver(mocks, CAMS);
    const success = oneEvent(el, 'cas-upload-success');
    await nextPoll();
    const { detail } = await success;
    expect(parses()[0].body).to.deep.equal({ pdf_url: CAMS.url, password: MOCK_FORWARD_PAN });
    expect(detail.source).to.equal('forward');
    expect(detail.result).to.deep.equal(PARSE_RESPONSE);
    expect(detail.file).to.deep.equal({ name: CAMS.original_filename, size: null });
    expect(detail.files).to.deep.equal([{ filename: CAMS.original_filename, url: CAMS.url }]);
    await waitFor(() => deletes().length === 1, 'the address deleted after success');
    expect(deletes()[0].path).to.equal(`/v4/inbound-email/${mocks.addresses[0].inbound_email_id}`);
    // The mock records the request when it arrives and marks the address once it has read it.
    await waitFor(() => mocks.addresses[0].deleted, 'the address marked deleted');
    expect(states).to.deep.equal(['creating', 'waiting', 'parsing', 'success']);
    expect(events.map((e) => e.type)).to.deep.equal(['cas-upload-forward-ready', 'cas-upload-success']);
    // No more polls once the flow ended, and never the list of every address.
    const n = polls().length;
    clock.advance(60000);
    await aTimeout(50);
    expect(polls()).to.have.length(n);
    expect(lists()).to.have.length(0);
    expect(tokens.tokenRequests).to.equal(1);
  });

  it('sources: only those senders are named, and the address accepts only them', async () => {
    const el = await make('sources="kfintech, CAMS bogus"');
    await start(el);
    expect(creates()[0].body).to.deep.equal({ allowed_sources: ['cams', 'kfintech'] });
    const senders = [...part(el, 'senders')!.querySelectorAll('li')].map((li) => li.textContent);
    expect(senders).to.deep.equal([`CAMS: ${SENDERS.cams}`, `KFintech: ${SENDERS.kfintech}`]);
  });

  it('the cursor: each poll asks only for what arrived after the last one', async () => {
    const el = await make();
    await start(el);
    deliver(mocks, CDSL);
    await nextPoll();
    const cursor = mocks.addresses[0].files[0].received_at;
    expect(cursor).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    await until(el, 'waiting');
    await nextPoll();
    expect(polls().at(-1)!.search).to.equal(`?since=${encodeURIComponent(cursor)}`);
    expect(el.state).to.equal('waiting');
  });

  it('without a PAN: the password is asked; the list shows name, sender and date, newest first; another file can be parsed', async () => {
    const el = await make();
    await start(el);
    deliver(mocks, CDSL);
    clock.advance(1000);
    deliver(mocks, CAMS);
    await nextPoll();
    await waitFor(() => part(el, 'password-input'), 'the password asked');
    expect(el.state).to.equal('waiting');
    expect(parses()).to.have.length(0);
    const files = [...part(el, 'file-list')!.querySelectorAll('[part=file]')].map((b) => b.textContent);
    expect(files).to.deep.equal([
      `CAMS_CAS_NOV2025.pdf${SENDERS.cams} · 4 Nov 2025`,
      `CDSL_CAS_OCT2025.pdf${SENDERS.cdsl} · 5 Oct 2025`,
    ]);
    expect(el.shadowRoot!.textContent).to.include('Statement: CAMS_CAS_NOV2025.pdf');
    // The other one: the CDSL statement, with its own password.
    (part(el, 'file-list')!.querySelectorAll('[part=file]')[1] as HTMLElement).click();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.include('Statement: CDSL_CAS_OCT2025.pdf');
    type(el, 'password-input', MOCK_FORWARD_PASSWORD);
    const success = oneEvent(el, 'cas-upload-success');
    await press(el, 'submit');
    const { detail } = await success;
    expect(parses()[0].body).to.deep.equal({ pdf_url: CDSL.url, password: MOCK_FORWARD_PASSWORD });
    expect(detail.file.name).to.equal('CDSL_CAS_OCT2025.pdf');
    expect(detail.files.map((f: { filename: string }) => f.filename)).to.deep.equal(['CAMS_CAS_NOV2025.pdf', 'CDSL_CAS_OCT2025.pdf']);
    await waitFor(() => deletes().length === 1, 'deleted');
  });

  it('the password typed is emptied when another statement is chosen, and by reset() (typing renders nothing)', async () => {
    const el = await make();
    await start(el);
    deliver(mocks, CDSL);
    clock.advance(1000);
    deliver(mocks, CAMS);
    await nextPoll();
    await waitFor(() => part(el, 'password-input'), 'the password asked');
    type(el, 'password-input', 'TYPED');
    (part(el, 'file-list')!.querySelectorAll('[part=file]')[1] as HTMLElement).click();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.include('Statement: CDSL_CAS_OCT2025.pdf');
    expect((part(el, 'password-input') as HTMLInputElement).value, 'another statement, another password').to.equal('');
    type(el, 'password-input', 'TYPED');
    el.reset();
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('input')].map((i) => i.value)).to.not.include('TYPED');
  });

  it('the PAN refused: invalid-password in words that say so, then the password typed opens it', async () => {
    const el = await make('', { prefill: { pan: MOCK_FORWARD_PAN } });
    await start(el, 'pan-not-password');
    deliver(mocks, CAMS);
    const error = oneEvent(el, 'cas-upload-error');
    await nextPoll();
    const { detail } = await error;
    expect(detail.code).to.equal('invalid-password');
    expect(detail.message).to.equal('Your PAN does not open this statement. Please type its password.');
    await el.updateComplete;
    expect(part(el, 'password-input')!.getAttribute('aria-invalid')).to.equal('true');
    // "Show password" beside it (contract §18).
    (part(el, 'show-password') as HTMLInputElement).click();
    await el.updateComplete;
    expect((part(el, 'password-input') as HTMLInputElement).type).to.equal('text');
    // The flow goes on: the address is kept and still polled.
    expect(deletes()).to.have.length(0);
    await nextPoll();
    type(el, 'password-input', MOCK_FORWARD_PASSWORD);
    const success = oneEvent(el, 'cas-upload-success');
    await press(el, 'submit');
    await success;
    expect(parses().map((p) => p.body!.password)).to.deep.equal([MOCK_FORWARD_PAN, MOCK_FORWARD_PASSWORD]);
  });

  it('a forwarded file that is not a CAS: parse-failed; the list and the address stay for another statement', async () => {
    const el = await make('', { prefill: { pan: MOCK_FORWARD_PAN } });
    await start(el, 'not-a-cas');
    deliver(mocks, CAMS);
    const error = oneEvent(el, 'cas-upload-error');
    await nextPoll();
    expect((await error).detail.code).to.equal('parse-failed');
    await el.updateComplete;
    expect(part(el, 'file-list')).to.exist;
    expect(part(el, 'address')!.textContent).to.equal(mocks.addresses[0].email);
    deliver(mocks, CDSL);
    await nextPoll();
    await waitFor(() => part(el, 'file-list')!.querySelectorAll('[part=file]').length === 2, 'the new one listed');
    expect(deletes()).to.have.length(0);
  });

  it('a 400 on create: config-error with the API\'s message, no polling, Start again', async () => {
    const el = await make();
    mocks.scenario = 'refused';
    const error = oneEvent(el, 'cas-upload-error');
    await press(el, 'start');
    const { detail } = await error;
    expect(detail.code).to.equal('config-error');
    expect(detail.status).to.equal(400);
    expect(detail.apiMessage).to.equal('allowed_sources: only cdsl, nsdl, cams and kfintech are allowed');
    expect(detail.message).to.equal(`A forwarding address could not be made: ${detail.apiMessage}`);
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.equal(detail.message);
    expect(part(el, 'retry')!.getAttribute('part')).to.equal('start retry');
    expect(polls()).to.have.length(0);
    mocks.scenario = 'success';
    await press(el, 'retry');
    await until(el, 'waiting');
  });

  it('a 404 while polling (the address gone or expired): fetch-failed with Start again, nothing deleted', async () => {
    const el = await make();
    await start(el);
    mocks.scenario = 'expired';
    const error = oneEvent(el, 'cas-upload-error');
    await clock.next();
    const { detail } = await error;
    expect(detail.code).to.equal('fetch-failed');
    expect(detail.status).to.equal(404);
    expect(detail.message).to.equal('This forwarding address has expired or was removed. Please start again.');
    await el.updateComplete;
    expect(part(el, 'retry')!.textContent).to.equal('Start again');
    expect(part(el, 'address')).to.equal(null);
    await aTimeout(50);
    expect(deletes()).to.have.length(0);
  });

  it('wait-minutes: nothing within them ends in no-statements with a clear text; the address is deleted', async () => {
    const el = await make('wait-minutes="2"');
    const ready = oneEvent(el, 'cas-upload-forward-ready');
    mocks.scenario = 'no-file';
    await press(el, 'start');
    const t0 = clock.now();
    expect((await ready).detail.expiresAt).to.equal(new Date(t0 + 2 * 60000).toISOString());
    await waitFor(() => polls().length === 1, 'first poll');
    expect(el.shadowRoot!.textContent).to.include('2 minutes');
    const error = oneEvent(el, 'cas-upload-error');
    for (let i = 1; i < (2 * 60000) / FORWARD_POLL_MS; i++) await nextPoll();
    expect(el.state).to.equal('waiting');
    await clock.next();
    const { detail } = await error;
    expect(clock.now() - t0).to.equal(2 * 60000);
    expect(detail.code).to.equal('no-statements');
    expect(detail.message).to.equal('No statement arrived within 2 minutes. Please start again.');
    expect(polls()).to.have.length(24);
    await waitFor(() => deletes().length === 1, 'deleted');
    await el.updateComplete;
    expect(part(el, 'retry')!.getAttribute('part')).to.equal('start retry');
  });

  it('a 429 waits for Retry-After (on the clock), then polls again', async () => {
    const el = await make('retries="2" retry-delay="1000"');
    await start(el);
    worker.use(
      http.get(`${API_BASE}/v4/inbound-email/:id/files`, ({ request }) => {
        mocks.requests.push({ method: 'GET', path: new URL(request.url).pathname, search: '', apiKey: null, body: null, keepalive: false });
        return apiJson({ status: 'failed', msg: 'Rate limit exceeded' }, { status: 429, headers: { 'Retry-After': '7' } });
      }, { once: true }),
    );
    await nextPoll();
    expect(await clock.next(), 'Retry-After: 7').to.equal(7000);
    await waitFor(() => polls().length === 3, 'polled again after Retry-After');
    expect(el.state).to.equal('waiting');
  });

  it('5xx: backs off as retries and retry-delay say (500 too: a read), then server-error ends the flow', async () => {
    const el = await make('retries="2" retry-delay="1000"');
    await start(el);
    let failures = 0;
    worker.use(
      http.get(`${API_BASE}/v4/inbound-email/:id/files`, ({ request }) => {
        mocks.requests.push({ method: 'GET', path: new URL(request.url).pathname, search: '', apiKey: null, body: null, keepalive: false });
        return apiJson({ status: 'failed', msg: 'Internal server error' }, { status: [500, 503, 502][failures++] });
      }),
    );
    await nextPoll();
    const first = await clock.next()
    expect(first).to.be.within(1000, 1250);
    await waitFor(() => polls().length === 3, 'the first retry');
    const error = oneEvent(el, 'cas-upload-error');
    const second = await clock.next()
    expect(second).to.be.within(2000, 2250);
    const { detail } = await error;
    expect(failures).to.equal(3);
    expect(detail.code).to.equal('server-error');
    await waitFor(() => deletes().length === 1, 'deleted');
  });

  it('paused while the page is hidden; polls at once when it is visible again', async () => {
    const el = await make();
    await start(el);
    setHidden(true);
    // The pause ends, but nothing is sent while the page is hidden, however long.
    await clock.next();
    clock.advance(60000);
    await aTimeout(50);
    expect(polls()).to.have.length(1);
    expect(clock.pending(), 'not sleeping: waiting for the page').to.equal(0);
    setHidden(false);
    await waitFor(() => polls().length === 2, 'polled at once');
    // Hidden and shown again within the 5 s: at once too.
    await waitFor(() => clock.pending() === 1, 'the next pause');
    setHidden(true);
    setHidden(false);
    await waitFor(() => polls().length === 3, 'polled at once again');
    expect(el.state).to.equal('waiting');
  });

  describe('deletes the address it made however the flow ends', () => {
    it('cancel: cas-upload-cancel, idle, no more polls', async () => {
      const el = await make();
      await start(el);
      const cancel = oneEvent(el, 'cas-upload-cancel');
      await press(el, 'cancel');
      expect((await cancel).detail).to.deep.equal({ step: 'waiting' });
      expect(el.state).to.equal('idle');
      await waitFor(() => deletes().length === 1, 'deleted');
      expect(deletes()[0].keepalive).to.equal(true);
      clock.advance(60000);
      await aTimeout(50);
      expect(polls()).to.have.length(1);
    });
    it('reset', async () => {
      const el = await make();
      await start(el);
      el.reset();
      await waitFor(() => deletes().length === 1, 'deleted');
      expect(el.state).to.equal('idle');
    });
    it('the element removed', async () => {
      const el = await make();
      await start(el);
      el.remove();
      await waitFor(() => deletes().length === 1, 'deleted');
      clock.advance(60000);
      await aTimeout(50);
      expect(polls()).to.have.length(1);
    });
    it('the page goes (pagehide), with keepalive', async () => {
      const el = await make();
      await start(el);
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      await waitFor(() => deletes().length === 1, 'deleted');
      expect(deletes()[0].keepalive).to.equal(true);
      expect(el.state).to.equal('idle');
    });
    it('moved in the page: kept', async () => {
      const el = await make();
      await start(el);
      document.body.append(el);
      await aTimeout(50);
      expect(deletes()).to.have.length(0);
      expect(el.state).to.equal('waiting');
      el.remove();
    });
  });

  it('inbound-email-id (an address of the host): nothing made, nothing deleted, that id polled', async () => {
    const host = hostAddress(mocks);
    const el = await make(`inbound-email-id="${host.inbound_email_id}" address="${host.email}"`, { prefill: { pan: MOCK_FORWARD_PAN } });
    const ready = oneEvent(el, 'cas-upload-forward-ready');
    await press(el, 'start');
    expect((await ready).detail.address).to.equal(host.email);
    await waitFor(() => polls().length === 1, 'polled');
    expect(polls()[0].path).to.equal(`/v4/inbound-email/${host.inbound_email_id}/files`);
    expect(part(el, 'address')!.textContent).to.equal(host.email);
    deliver(mocks, CAMS, host.inbound_email_id);
    const success = oneEvent(el, 'cas-upload-success');
    await nextPoll();
    await success;
    // Again, then cancelled, then removed, then the page goes: never a DELETE.
    await press(el, 'another');
    await press(el, 'start');
    await until(el, 'waiting');
    await press(el, 'cancel');
    await press(el, 'start');
    await until(el, 'waiting');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    el.remove();
    await aTimeout(100);
    expect(creates()).to.have.length(0);
    expect(deletes()).to.have.length(0);
    expect(host.deleted).to.equal(false);
  });

  it('inbound-email-id without address, or no token source: config-error, no request', async () => {
    for (const attrs of ['inbound-email-id="ie_host_0001"', `inbound-email-id="ie_host_0001" address="a@b.in" token-url=""`]) {
      const el = await make(attrs);
      const error = oneEvent(el, 'cas-upload-error');
      await press(el, 'start');
      expect((await error).detail.code, attrs).to.equal('config-error');
    }
    expect(mocks.requests).to.have.length(0);
  });

  it('copy: the Clipboard API; where it is refused, the address is selected', async () => {
    const copied: string[] = [];
    let refuse = false;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => (refuse ? Promise.reject(new DOMException('denied', 'NotAllowedError')) : void copied.push(text)) },
    });
    const el = await make();
    await start(el);
    const address = mocks.addresses[0].email;
    await press(el, 'copy');
    await waitFor(() => el.shadowRoot!.textContent!.includes('Address copied.'), 'copied said');
    expect(copied).to.deep.equal([address]);
    refuse = true;
    getSelection()!.removeAllRanges();
    await press(el, 'copy');
    await waitFor(() => el.shadowRoot!.textContent!.includes('The address is selected'), 'selected said');
    const range = getSelection()!.getRangeAt(0);
    expect(range.toString()).to.equal(address);
    expect(part(el, 'address')!.contains(range.commonAncestorContainer)).to.equal(true);
  });

  it('the PAN, the password and the files\' URLs nowhere: attributes, console, storage (and the PAN and password in no event)', async () => {
    await expectSecretsKept([MOCK_FORWARD_PAN, MOCK_FORWARD_PASSWORD], async () => {
      const el = await make('', { prefill: { pan: MOCK_FORWARD_PAN } });
      const events = record(el, ['success', 'error', 'cancel', 'forward-ready']);
      await start(el, 'pan-not-password');
      deliver(mocks, CAMS);
      await nextPoll();
      await until(el, 'error');
      type(el, 'password-input', MOCK_FORWARD_PASSWORD);
      await press(el, 'submit');
      await until(el, 'success');
      const attrs = [el, ...el.shadowRoot!.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.value)).join(' ');
      expect(attrs).to.not.include(CAMS.url);
      expect(JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })).to.not.include(CAMS.url);
      return { el, events };
    });
  });

  it('speaks Hindi (loaded on demand)', async () => {
    const el = await make('lang="hi"');
    await waitFor(() => part(el, 'start')!.textContent === 'फ़ॉरवर्ड करने का पता लें', 'Hindi loaded');
    await start(el);
    expect(el.shadowRoot!.textContent).to.include('यह पता कॉपी करें');
    expect(part(el, 'copy')!.textContent).to.equal('पता कॉपी करें');
    mocks.scenario = 'expired';
    await clock.next();
    await until(el, 'error');
    expect(part(el, 'error')!.textContent).to.include('कृपया फिर से शुरू करें');
  });

  describe('accessibility (axe) in every state, light and dark; keyboard only', () => {
    for (const scheme of ['light', 'dark']) {
      it(`${scheme}: idle, creating, waiting, the password, wrong password, parsing, success, error`, async function () {
        this.timeout(20000);
        const el = await make(`style="color-scheme:${scheme}"`);
        await expect(el).to.be.accessible();
        mocks.stepMs = 300;
        part(el, 'start')!.focus();
        await sendKeys({ press: 'Enter' });
        await until(el, 'creating');
        await expect(el).to.be.accessible();
        await until(el, 'waiting');
        await waitFor(() => polls().length === 1, 'first poll');
        expect(el.shadowRoot!.activeElement).to.equal(part(el, 'copy'));
        await expect(el).to.be.accessible();
        mocks.stepMs = 0;
        deliver(mocks, CDSL);
        await nextPoll();
        await waitFor(() => part(el, 'password-input'), 'the password asked');
        await waitFor(() => el.shadowRoot!.activeElement === part(el, 'password-input'), 'focus on the password');
        await expect(el).to.be.accessible();
        await sendKeys({ type: 'WRONG' });
        await sendKeys({ press: 'Enter' });
        await until(el, 'error');
        expect(el.shadowRoot!.activeElement).to.equal(part(el, 'password-input'));
        await expect(el).to.be.accessible();
        mocks.stepMs = 300;
        await sendKeys({ type: MOCK_FORWARD_PASSWORD });
        await sendKeys({ press: 'Enter' });
        await until(el, 'parsing');
        await expect(el).to.be.accessible();
        await until(el, 'success');
        await expect(el).to.be.accessible();
        mocks.stepMs = 0;
        el.reset();
        await el.updateComplete;
        await start(el);
        mocks.scenario = 'expired';
        await clock.next();
        await until(el, 'error');
        await expect(el).to.be.accessible();
      });
    }
  });
});

// <cas-cdsl-fetch> (contract §11-§12) against the msw mocks of test/mocks/cdsl.ts: every state,
// error code and request body, the token refresh on each of the three calls, the OTP request
// never repeated, cancel at every step, secrets kept out of attributes, events, console and
// storage, axe in every state (light and dark), and Hindi.
import { expect, fixture, oneEvent, aTimeout } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { createHandlers, createMockState, resetMockState, TOKEN_URL, API_BASE, PARSE_RESPONSE } from './mocks/handlers.js';
import { createCdslHandlers, createCdslState, MOCK_OTP, MOCK_FILES, MOCK_STATEMENT_PASSWORD, type CdslScenario } from './mocks/cdsl.js';
import '../src/entries/cdsl-fetch.js';
import '../src/entries/index.js';
import { CasCdslFetchElement } from '../src/entries/cdsl-fetch.js';
import { part, serveMocks } from './helpers.js';
import { logLine, waitFor } from './flow-helpers.js';

const tokens = createMockState();
const cdsl = createCdslState();
const worker = setupWorker(...createCdslHandlers(cdsl), ...createHandlers(tokens));

const PAN = 'ABCDE1234F';
const BO = '1208160000000001';
const DOB = '1990-01-15';
const SECRETS = [PAN, PAN.toLowerCase(), BO, '1208 1600', DOB, MOCK_OTP, MOCK_STATEMENT_PASSWORD, 'WRONGPASS'];

async function make(attrs = ''): Promise<CasCdslFetchElement> {
  const box = document.createElement('div');
  box.innerHTML = `<cas-cdsl-fetch token-url="${TOKEN_URL}" retry-delay="0" ${attrs}></cas-cdsl-fetch>`;
  return fixture<CasCdslFetchElement>(box.firstElementChild as CasCdslFetchElement);
}

/** Records every cas-upload-* event, in order. */
function record(el: HTMLElement) {
  const seen: { type: string; detail: any }[] = [];
  for (const type of ['success', 'error', 'cancel', 'start', 'progress', 'select']) {
    el.addEventListener(`cas-upload-${type}`, (e) => {
      const ev = e as CustomEvent;
      expect(ev.bubbles && ev.composed, `${type} bubbles and is composed`).to.equal(true);
      seen.push({ type: ev.type, detail: ev.detail });
    });
  }
  return seen;
}

/** Types into a field as a visitor does. */
function type(el: HTMLElement, name: string, value: string) {
  const input = part(el, name) as HTMLInputElement;
  expect(input, name).to.exist;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function press(el: HTMLElement, name: string) {
  part(el, name)!.click();
  await (el as CasCdslFetchElement).updateComplete;
}

async function until(el: CasCdslFetchElement, state: string, ms = 5000) {
  for (let t = 0; el.state !== state && t < ms; t += 10) await aTimeout(10);
  expect(el.state).to.equal(state);
  await el.updateComplete;
}

async function details(el: CasCdslFetchElement, pan = PAN.toLowerCase(), bo = '1208 1600 0000 0001', dob = DOB) {
  type(el, 'pan-input', pan);
  type(el, 'bo-id-input', bo);
  type(el, 'dob-input', dob);
  await press(el, 'submit');
}

async function toOtp(el: CasCdslFetchElement) {
  await details(el);
  await until(el, 'otp');
}

/** Runs `scenario` to the OTP step, sends the OTP and waits for the error; returns it. */
async function errorAfterOtp(scenario: CdslScenario) {
  cdsl.scenario = scenario;
  const el = await make();
  await toOtp(el);
  type(el, 'otp-input', MOCK_OTP);
  const error = oneEvent(el, 'cas-upload-error');
  await press(el, 'submit');
  const { detail } = await error;
  await until(el, 'error');
  return { el, code: detail.code as string };
}

/** The visitor asks for an OTP again (`button`), now answered: a second OTP request, then the OTP step. */
async function askAgain(el: CasCdslFetchElement, button: 'submit' | 'retry') {
  cdsl.scenario = 'success';
  await press(el, button);
  await until(el, 'otp');
  expect(fetches()).to.have.length(2);
}

/** `pan-not-password` up to the password step (the PAN refused); returns the element and its events. */
async function toPasswordStep() {
  cdsl.scenario = 'pan-not-password';
  const el = await make();
  const events = record(el);
  await toOtp(el);
  type(el, 'otp-input', MOCK_OTP);
  await press(el, 'submit');
  await until(el, 'error');
  return { el, events };
}

const fetches = () => cdsl.requests.filter((r) => r.path.endsWith('/cdsl/fetch'));
const verifies = () => cdsl.requests.filter((r) => r.path.endsWith('/verify'));
const parses = () => cdsl.requests.filter((r) => r.path.endsWith('/parse'));

describe('<cas-cdsl-fetch>', () => {
  serveMocks(worker, () => {
    resetMockState(tokens);
    Object.assign(cdsl, createCdslState());
  });

  it('is defined as cas-cdsl-fetch; a second define does not throw; state is idle and read-only', async () => {
    expect(customElements.get('cas-cdsl-fetch')).to.equal(CasCdslFetchElement);
    expect(() => CasCdslFetchElement.define()).not.to.throw();
    const el = await make();
    expect(el.getAttribute('state')).to.equal('idle');
    el.setAttribute('state', 'success');
    expect(el.getAttribute('state')).to.equal('idle');
    for (const p of ['heading', 'pan-input', 'bo-id-input', 'dob-input', 'submit', 'status']) expect(part(el, p), p).to.exist;
    expect(part(el, 'dob-input')!.getAttribute('type')).to.equal('date');
  });

  it('the whole flow: states, request bodies, x-api-key, and the success detail', async () => {
    const el = await make('periods="2"');
    const events = record(el);
    const states: string[] = [];
    new MutationObserver(() => states.push(el.getAttribute('state')!)).observe(el, { attributeFilter: ['state'] });
    await toOtp(el);
    expect(fetches()).to.have.length(1);
    expect(fetches()[0].body).to.deep.equal({ pan: PAN, bo_id: BO, dob: DOB });
    expect(fetches()[0].apiKey).to.equal('at_demo_1');
    const otp = part(el, 'otp-input') as HTMLInputElement;
    expect(otp.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(otp.getAttribute('inputmode')).to.equal('numeric');
    for (const p of ['back', 'submit']) expect(part(el, p), p).to.exist;
    type(el, 'otp-input', MOCK_OTP);
    const success = oneEvent(el, 'cas-upload-success');
    await press(el, 'submit');
    const { detail } = await success;
    expect(verifies()[0].path).to.equal(`/v4/cdsl/fetch/${cdsl.sessions[0]}/verify`);
    expect(verifies()[0].body).to.deep.equal({ otp: MOCK_OTP, num_periods: 2 });
    expect(parses()[0].body).to.deep.equal({ pdf_url: MOCK_FILES[0].url, password: PAN });
    expect(parses()[0].path).to.equal('/v4/smart/parse');
    expect(Object.keys(detail).sort()).to.deep.equal(['durationMs', 'file', 'files', 'parser', 'requestId', 'result', 'source']);
    expect(detail.source).to.equal('cdsl');
    expect(detail.result).to.deep.equal(PARSE_RESPONSE);
    expect(detail.file).to.deep.equal({ name: MOCK_FILES[0].filename, size: null });
    expect(detail.files).to.deep.equal(MOCK_FILES);
    expect(detail.requestId).to.match(/^req_/);
    expect(states).to.deep.equal(['requesting', 'otp', 'verifying', 'parsing', 'success']);
    await until(el, 'success');
    expect(part(el, 'summary')!.textContent).to.include(MOCK_FILES[0].filename);
    expect(tokens.tokenRequests, 'one token for the three calls').to.equal(1);
    expect(events.map((e) => e.type)).to.deep.equal(['cas-upload-success']);
  });

  it('a total that JSON reads as Infinity (1e999) shows "—" in the summary, not "₹∞"', async () => {
    worker.use(
      http.post(`${API_BASE}/v4/smart/parse`, () => new HttpResponse('{"summary":{"total_value":1e999}}', { headers: { 'Content-Type': 'application/json' } })),
    );
    const el = await make();
    await toOtp(el);
    type(el, 'otp-input', MOCK_OTP);
    await press(el, 'submit');
    await until(el, 'success');
    const rows = [...el.shadowRoot!.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling!.textContent}`);
    expect(rows).to.deep.equal([`Statement: ${MOCK_FILES[0].filename}`, 'Total value: —']);
  });

  describe('checked before any request (invalid-details)', () => {
    for (const [what, pan, bo, dob, bad, named] of [
      ['a short PAN', 'ABCDE123', BO, DOB, 'pan-input', 'PAN'],
      ['a BO ID of 15 digits', PAN, '120816000000000', DOB, 'bo-id-input', 'BO ID (demat account number)'],
      ['a date of birth in the future', PAN, BO, '2099-01-01', 'dob-input', 'Date of birth'],
      ['no date of birth', PAN, BO, '', 'dob-input', 'Date of birth'],
    ] as const) {
      it(`${what}: no token, no request, the field marked and named, what was typed kept`, async () => {
        const el = await make();
        const error = oneEvent(el, 'cas-upload-error');
        await details(el, pan, bo, dob);
        const { detail } = await error;
        expect(detail.code).to.equal('invalid-details');
        expect(detail.status).to.equal(null);
        expect(el.state).to.equal('error');
        expect(cdsl.requests).to.have.length(0);
        expect(tokens.tokenRequests).to.equal(0);
        await el.updateComplete;
        expect(part(el, bad)!.getAttribute('aria-invalid')).to.equal('true');
        expect((part(el, 'pan-input') as HTMLInputElement).value).to.equal(pan);
        expect(part(el, 'error')!.textContent).to.equal(detail.message);
        expect(detail.message).to.equal(`Please check: ${named}.`);
      });
    }
  });

  const failures: [CdslScenario, string, string, string | null][] = [
    ['wrong-details', 'invalid-details', 'pan-input', 'submit'],
    ['captcha-failed', 'fetch-failed', 'pan-input', 'retry'],
  ];
  for (const [scenario, code, field, button] of failures) {
    it(`${scenario}: ${code} from step 1, back at the details with them kept`, async () => {
      cdsl.scenario = scenario;
      const el = await make();
      const error = oneEvent(el, 'cas-upload-error');
      await details(el);
      const { detail } = await error;
      expect(detail.code).to.equal(code);
      expect(detail.status).to.equal(400);
      expect(detail.apiMessage).to.be.a('string');
      await until(el, 'error');
      expect((part(el, field) as HTMLInputElement).value).to.equal(PAN.toLowerCase());
      expect(part(el, button!), button!).to.exist;
      expect(fetches()).to.have.length(1);
    });
  }

  it('fetch-failed: Retry asks again (the visitor’s own action), then the OTP step', async () => {
    cdsl.scenario = 'captcha-failed';
    const el = await make();
    await details(el);
    await until(el, 'error');
    await askAgain(el, 'retry');
  });

  for (const [what, answer] of [
    ['its answer lost (a network failure)', () => HttpResponse.error()],
    ['a 503', () => HttpResponse.json({ status: 'failed', msg: 'busy' }, { status: 503 })],
  ] as const) {
    it(`a verify that may have spent the OTP (${what}) is never sent again: back at the details, Retry asks for a new OTP`, async () => {
      let verified = 0;
      worker.use(http.post(`${API_BASE}/v4/cdsl/fetch/:session/verify`, () => (verified++, answer())));
      const el = await make('retries="3"');
      await toOtp(el);
      type(el, 'otp-input', MOCK_OTP);
      await press(el, 'submit');
      await until(el, 'error');
      await aTimeout(50);
      expect(verified, 'sent once').to.equal(1);
      expect(part(el, 'otp-input'), 'not the OTP step').to.equal(null);
      expect((part(el, 'pan-input') as HTMLInputElement).value, 'the details, kept').to.equal(PAN.toLowerCase());
      await askAgain(el, 'retry');
      expect(verified).to.equal(1);
    });
  }

  it('a wrong OTP keeps the session: the same session is verified again, then success', async () => {
    const { el, code } = await errorAfterOtp('wrong-otp-then-right');
    expect(code).to.equal('invalid-otp');
    const otp = part(el, 'otp-input') as HTMLInputElement;
    expect(otp.getAttribute('aria-invalid')).to.equal('true');
    expect(otp.value, 'the wrong OTP is cleared').to.equal('');
    type(el, 'otp-input', MOCK_OTP);
    const success = oneEvent(el, 'cas-upload-success');
    await press(el, 'submit');
    await success;
    expect(verifies().map((v) => v.path)).to.deep.equal([verifies()[0].path, verifies()[0].path]);
    expect(fetches(), 'no new OTP request').to.have.length(1);
  });

  it('an expired session goes back to the details with what was typed, then asks for a new OTP', async () => {
    const { el, code } = await errorAfterOtp('session-expired');
    expect(code).to.equal('session-expired');
    expect((part(el, 'pan-input') as HTMLInputElement).value).to.equal(PAN.toLowerCase());
    expect((part(el, 'bo-id-input') as HTMLInputElement).value).to.equal('1208 1600 0000 0001');
    expect((part(el, 'dob-input') as HTMLInputElement).value).to.equal(DOB);
    await askAgain(el, 'submit');
  });

  it('no statements: no-statements, back at the details', async () => {
    const { el, code } = await errorAfterOtp('no-statements');
    expect(code).to.equal('no-statements');
    expect(part(el, 'pan-input')).to.exist;
    expect(parses()).to.have.length(0);
  });

  it('the PAN first, then the password the investor types (a wrong one is invalid-password again)', async () => {
    const { el, events } = await toPasswordStep();
    expect(events.at(-1)!.detail.code).to.equal('invalid-password');
    expect(events.at(-1)!.detail.message).to.equal(el.shadowRoot!.querySelector('[part=error]')!.textContent);
    expect(events.at(-1)!.detail.message).to.include('PAN');
    const pw = part(el, 'password-input') as HTMLInputElement;
    expect(pw.type).to.equal('password');
    expect(el.shadowRoot!.activeElement).to.equal(pw);
    type(el, 'password-input', 'WRONGPASS');
    await press(el, 'submit');
    await until(el, 'error');
    expect(events.at(-1)!.detail.code).to.equal('invalid-password');
    expect(events.at(-1)!.detail.message).to.not.include('PAN');
    type(el, 'password-input', MOCK_STATEMENT_PASSWORD);
    const success = oneEvent(el, 'cas-upload-success');
    await press(el, 'submit');
    await success;
    expect(parses().map((p) => p.body!.password)).to.deep.equal([PAN, 'WRONGPASS', MOCK_STATEMENT_PASSWORD]);
    expect(verifies(), 'parsed again without a new verify').to.have.length(1);
  });

  it('Retry after a parse that failed for another reason than the password parses again with the PAN', async () => {
    let failed = 0;
    worker.use(
      http.post(`${API_BASE}/v4/smart/parse`, () =>
        failed++ ? undefined : HttpResponse.json({ status: 'failed', msg: 'Internal error' }, { status: 500 }),
      ),
    );
    const el = await make();
    await toOtp(el);
    type(el, 'otp-input', MOCK_OTP);
    await press(el, 'submit');
    await until(el, 'error');
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.not.include('PAN');
    expect(part(el, 'password-input'), 'no password asked: the PAN was not refused').to.equal(null);
    const success = oneEvent(el, 'cas-upload-success');
    await press(el, 'retry');
    await success;
    expect(failed).to.equal(2);
    expect(parses().map((p) => p.body!.password), 'the retry carries the PAN').to.deep.equal([PAN]);
  });

  it('"Fetch again" after success shows empty PAN, BO ID and date of birth', async () => {
    const el = await make();
    await toOtp(el);
    type(el, 'otp-input', MOCK_OTP);
    await press(el, 'submit');
    await until(el, 'success');
    await press(el, 'another');
    expect(el.state).to.equal('idle');
    for (const name of ['pan-input', 'bo-id-input', 'dob-input']) expect((part(el, name) as HTMLInputElement).value, name).to.equal('');
  });

  it('reset() empties every input typed, at each step (typing renders nothing: the inputs are compared with their own values)', async () => {
    const el = await make();
    const inputs = () => [...el.shadowRoot!.querySelectorAll('input')].map((i) => `${i.getAttribute('part')}=${i.value}`);
    type(el, 'pan-input', PAN);
    type(el, 'bo-id-input', BO);
    type(el, 'dob-input', DOB);
    el.reset();
    await el.updateComplete;
    expect(inputs(), 'the details').to.deep.equal(['pan-input=', 'bo-id-input=', 'dob-input=']);
    // After an error the same form stays: typed again, then reset.
    await details(el, 'ABC');
    await until(el, 'error');
    type(el, 'pan-input', PAN);
    el.reset();
    await el.updateComplete;
    expect(inputs(), 'the details after an error').to.deep.equal(['pan-input=', 'bo-id-input=', 'dob-input=']);
    // The OTP step and the password step: reset goes back to empty details.
    await toOtp(el);
    type(el, 'otp-input', '123');
    el.reset();
    await el.updateComplete;
    expect(inputs(), 'from the OTP step').to.deep.equal(['pan-input=', 'bo-id-input=', 'dob-input=']);
    const { el: other } = await toPasswordStep();
    type(other, 'password-input', 'TYPED');
    other.reset();
    await other.updateComplete;
    expect([...other.shadowRoot!.querySelectorAll('input')].map((i) => i.value), 'from the password step').to.deep.equal(['', '', '']);
  });

  it('removed while waiting and put back: the details again (kept), Cancel not stuck, and it asks again', async () => {
    cdsl.fetchMs = 2000;
    const el = await make();
    const events = record(el);
    await details(el);
    await until(el, 'requesting');
    const box = el.parentElement!;
    el.remove();
    await aTimeout(0);
    box.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('idle');
    expect(part(el, 'wait'), 'no wait view left').to.equal(null);
    expect((part(el, 'pan-input') as HTMLInputElement).value, 'what was typed kept').to.equal(PAN.toLowerCase());
    expect(events, 'no event for a removal').to.deep.equal([]);
    cdsl.fetchMs = 0;
    await press(el, 'submit');
    await until(el, 'otp');
    // And at a later step: removed while verifying, back at the details, the session dropped.
    cdsl.stepMs = 2000;
    type(el, 'otp-input', MOCK_OTP);
    await press(el, 'submit');
    await until(el, 'verifying');
    el.remove();
    await aTimeout(0);
    box.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('idle');
    expect(part(el, 'cancel'), 'no Cancel left').to.equal(null);
    expect(part(el, 'pan-input')).to.exist;
  });

  for (const call of ['fetch', 'verify', 'parse'] as const) {
    it(`a 403 on ${call} drops that token, fetches one fresh token and tries once more`, async () => {
      cdsl.rejectFirstToken = call;
      const el = await make();
      const success = oneEvent(el, 'cas-upload-success');
      await toOtp(el);
      type(el, 'otp-input', MOCK_OTP);
      await press(el, 'submit');
      await success;
      expect(tokens.tokenRequests).to.equal(2);
      const list = { fetch: fetches, verify: verifies, parse: parses }[call]();
      expect(list.map((r) => r.apiKey)).to.deep.equal(['at_demo_1', 'at_demo_2']);
    });
  }

  for (const [what, answer] of [
    ['503', () => HttpResponse.json({ status: 'failed', msg: 'busy' }, { status: 503 })],
    ['a network failure', () => HttpResponse.error()],
  ] as const) {
    it(`the OTP request is never repeated on its own (${what})`, async () => {
      let calls = 0;
      worker.use(http.post(`${API_BASE}/v4/cdsl/fetch`, () => (calls++, answer())));
      const el = await make('retries="3"');
      await details(el);
      await until(el, 'error');
      await aTimeout(50);
      expect(calls).to.equal(1);
      expect(part(el, 'retry'), 'offered to the visitor').to.exist;
    });
  }

  describe('cancel at every step', () => {
    it('while requesting: back to the details (kept), cas-upload-cancel, the late answer ignored', async () => {
      cdsl.fetchMs = 300;
      const el = await make();
      const events = record(el);
      await details(el);
      await until(el, 'requesting');
      expect(part(el, 'wait')!.textContent).to.match(/15 to 20 seconds/);
      await press(el, 'cancel');
      expect(el.state).to.equal('idle');
      expect(events.map((e) => e.type)).to.deep.equal(['cas-upload-cancel']);
      expect(events[0].detail).to.deep.equal({ step: 'requesting' });
      await aTimeout(400);
      expect(el.state).to.equal('idle');
      expect((part(el, 'pan-input') as HTMLInputElement).value).to.equal(PAN.toLowerCase());
    });

    for (const step of ['verifying', 'parsing'] as const) {
      it(`while ${step}`, async () => {
        const el = await make();
        await toOtp(el);
        cdsl.stepMs = 300;
        type(el, 'otp-input', MOCK_OTP);
        const events = record(el);
        await press(el, 'submit');
        await until(el, step);
        await press(el, 'cancel');
        expect(el.state).to.equal('idle');
        expect(events.map((e) => e.detail)).to.deep.equal([{ step }]);
        await aTimeout(700);
        expect(el.state).to.equal('idle');
      });
    }

    it('at the OTP step (Change details), and cancel() from the page', async () => {
      const el = await make();
      await toOtp(el);
      const cancel = oneEvent(el, 'cas-upload-cancel');
      await press(el, 'back');
      expect((await cancel).detail).to.deep.equal({ step: 'otp' });
      expect(el.state).to.equal('idle');
      await toOtp(el);
      el.cancel();
      expect(el.state).to.equal('idle');
    });
  });

  it('shows the seconds elapsed while waiting, from the injected clock', async () => {
    cdsl.fetchMs = 400;
    let now = 1_000_000;
    CasCdslFetchElement.now = () => now;
    try {
      const el = await make();
      await details(el);
      await until(el, 'requesting');
      now += 12_000;
      el.requestUpdate();
      await el.updateComplete;
      expect(part(el, 'wait')!.textContent).to.match(/12\s?s/);
    } finally {
      CasCdslFetchElement.now = () => Date.now();
    }
  });

  describe('prefill (contract §18): what the host knows, shown in the fields', () => {
    const value = (el: HTMLElement, name: string) => (part(el, name) as HTMLInputElement).value;

    it('PAN, BO ID and date of birth shown as given and editable; the OTP request sends what is shown', async () => {
      const el = await make();
      el.prefill = { pan: PAN.toLowerCase(), boId: BO, dob: DOB, email: 'investor@example.com' };
      await el.updateComplete;
      expect([value(el, 'pan-input'), value(el, 'bo-id-input'), value(el, 'dob-input')]).to.deep.equal([PAN.toLowerCase(), BO, DOB]);
      type(el, 'bo-id-input', '1208 1600 0000 0002');
      await press(el, 'submit');
      await until(el, 'otp');
      expect(fetches()[0].body).to.deep.equal({ pan: PAN, bo_id: '1208160000000002', dob: DOB });
    });

    it('typing wins: a later prefill fills only the fields not typed in; reset() goes back to prefill in every field', async () => {
      const el = await make();
      el.prefill = { pan: PAN, boId: BO };
      await el.updateComplete;
      type(el, 'pan-input', 'QWERT5678Y');
      el.prefill = { pan: 'ZZZZZ9999Z', boId: '1208160000000009', dob: '1985-05-05' };
      await el.updateComplete;
      expect([value(el, 'pan-input'), value(el, 'bo-id-input'), value(el, 'dob-input')]).to.deep.equal(['QWERT5678Y', '1208160000000009', '1985-05-05']);
      el.reset();
      await el.updateComplete;
      expect([value(el, 'pan-input'), value(el, 'bo-id-input'), value(el, 'dob-input')]).to.deep.equal(['ZZZZZ9999Z', '1208160000000009', '1985-05-05']);
      // After a reset, a new prefill fills every field again (nothing typed since).
      el.prefill = { pan: PAN };
      await el.updateComplete;
      expect([value(el, 'pan-input'), value(el, 'bo-id-input'), value(el, 'dob-input')]).to.deep.equal([PAN, '', '']);
      el.prefill = undefined;
      el.reset();
      await el.updateComplete;
      expect([value(el, 'pan-input'), value(el, 'bo-id-input'), value(el, 'dob-input')]).to.deep.equal(['', '', '']);
    });

    it('set before the element is on the page; invalid values shown as given, the checks on submit (no request)', async () => {
      const el = document.createElement('cas-cdsl-fetch') as CasCdslFetchElement;
      el.prefill = { pan: 'not a pan', boId: '12', dob: '15/01/1990' };
      el.setAttribute('token-url', TOKEN_URL);
      await fixture(el);
      expect(value(el, 'pan-input')).to.equal('not a pan');
      expect(value(el, 'bo-id-input')).to.equal('12');
      expect(value(el, 'dob-input'), 'a date field holds only YYYY-MM-DD').to.equal('');
      const error = oneEvent(el, 'cas-upload-error');
      await press(el, 'submit');
      expect((await error).detail.message).to.equal('Please check: PAN, BO ID (demat account number), Date of birth.');
      await el.updateComplete;
      for (const p of ['pan-input', 'bo-id-input', 'dob-input']) expect(part(el, p)!.getAttribute('aria-invalid'), p).to.equal('true');
      expect(cdsl.requests).to.have.length(0);
      expect(value(el, 'pan-input'), 'kept as given').to.equal('not a pan');
    });

    it('prefill is never an attribute, an event, a log line or stored, through the whole flow', async () => {
      const logged: string[] = [];
      const original = { ...console };
      for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) console[k] = (...a: unknown[]) => logged.push(logLine(a));
      try {
        const el = await make();
        const events = record(el);
        el.prefill = { pan: PAN.toLowerCase(), boId: BO, dob: DOB, email: 'investor@example.com' };
        await el.updateComplete;
        expect(el.getAttributeNames().some((n) => /prefill/i.test(n)), 'no prefill attribute').to.equal(false);
        await press(el, 'submit');
        await until(el, 'otp');
        type(el, 'otp-input', MOCK_OTP);
        await press(el, 'submit');
        await until(el, 'success');
        const attrs = [el, ...el.shadowRoot!.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.value)).join(' ');
        // The result and the files are the API's own answer (CDSL's file names hold the BO ID).
        const details = JSON.stringify(events.map(({ detail }) => ({ ...detail, result: undefined, files: undefined, file: undefined })));
        const storage = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie;
        for (const secret of [PAN, PAN.toLowerCase(), BO, DOB, 'investor@example.com']) {
          expect(attrs, `attributes: ${secret}`).to.not.include(secret);
          expect(el.outerHTML).to.not.include(secret);
          expect(details, `events: ${secret}`).to.not.include(secret);
          expect(logged.join('\n'), `console: ${secret}`).to.not.include(secret);
          expect(storage, `storage: ${secret}`).to.not.include(secret);
        }
      } finally {
        Object.assign(console, original);
      }
    });
  });

  it('no personal data or secret in attributes, events, console or storage', async () => {
    const logged: string[] = [];
    const original = { ...console };
    for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) console[k] = (...a: unknown[]) => logged.push(logLine(a));
    try {
      const { el, events } = await toPasswordStep();
      type(el, 'password-input', MOCK_STATEMENT_PASSWORD);
      await press(el, 'submit');
      await until(el, 'success');
      const attrs = [el, ...el.shadowRoot!.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.value)).join(' ');
      // The parsed result and the files are the API's own answer (the result names the PAN, CDSL's
      // file names hold the BO ID, as the API sends them): everything else is checked.
      const details = JSON.stringify(events.map(({ detail }) => ({ ...detail, result: undefined, files: undefined, file: undefined })));
      expect(events.at(-1)!.detail.file.size).to.equal(null);
      const storage = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie;
      for (const secret of SECRETS) {
        expect(attrs, `attributes: ${secret}`).to.not.include(secret);
        expect(el.outerHTML).to.not.include(secret);
        expect(details, `events: ${secret}`).to.not.include(secret);
        expect(logged.join('\n'), `console: ${secret}`).to.not.include(secret);
        expect(storage, `storage: ${secret}`).to.not.include(secret);
      }
    } finally {
      Object.assign(console, original);
    }
  });

  describe('accessibility (axe) in every state, light and dark', () => {
    for (const scheme of ['light', 'dark']) {
      it(`${scheme}: idle, error, requesting, otp, wrong otp, password, success`, async () => {
        cdsl.scenario = 'pan-not-password';
        const el = await make(`style="color-scheme:${scheme}"`);
        await expect(el).to.be.accessible();
        await details(el, 'x', 'y', '');
        await until(el, 'error');
        await expect(el).to.be.accessible();
        cdsl.fetchMs = 300;
        await details(el);
        await until(el, 'requesting');
        await expect(el).to.be.accessible();
        await until(el, 'otp');
        await expect(el).to.be.accessible();
        type(el, 'otp-input', '000000');
        await press(el, 'submit');
        await until(el, 'error');
        await expect(el).to.be.accessible();
        type(el, 'otp-input', MOCK_OTP);
        await press(el, 'submit');
        await until(el, 'error');
        expect(part(el, 'password-input')).to.exist;
        await expect(el).to.be.accessible();
        type(el, 'password-input', MOCK_STATEMENT_PASSWORD);
        await press(el, 'submit');
        await until(el, 'success');
        await expect(el).to.be.accessible();
      });
    }
  });

  it('focus follows the steps: the OTP field, then the summary', async () => {
    const el = await make();
    await toOtp(el);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'otp-input'));
    type(el, 'otp-input', MOCK_OTP);
    await press(el, 'submit');
    await until(el, 'success');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'summary'));
  });

  it('speaks Hindi (loaded on demand), errors included', async () => {
    const box = document.createElement('div');
    box.lang = 'hi';
    box.innerHTML = `<cas-cdsl-fetch token-url="${TOKEN_URL}"></cas-cdsl-fetch>`;
    const el = await fixture<CasCdslFetchElement>(box);
    const inner = box.firstElementChild as CasCdslFetchElement;
    for (let t = 0; !part(inner, 'heading')?.textContent!.includes('CDSL स्टेटमेंट') && t < 3000; t += 20) await aTimeout(20);
    expect(part(inner, 'heading')!.textContent).to.include('अपना CDSL स्टेटमेंट');
    expect(part(inner, 'submit')!.textContent).to.equal('OTP भेजें');
    const error = oneEvent(inner, 'cas-upload-error');
    await details(inner, 'x', BO, DOB);
    expect((await error).detail.message).to.equal('कृपया जाँचें: PAN।');
    expect(inner.shadowRoot!.querySelector('form')!.lang).to.equal('hi');
    void el;
  });

  it('disabled: nothing is sent', async () => {
    const el = await make('disabled');
    type(el, 'pan-input', PAN);
    (el.shadowRoot!.querySelector('form') as HTMLFormElement).requestSubmit();
    await aTimeout(20);
    expect(cdsl.requests).to.have.length(0);
    expect(el.state).to.equal('idle');
  });

  it('shares the token of <cas-upload> on the page (one token request)', async () => {
    const box = document.createElement('div');
    box.innerHTML = `<cas-upload token-url="${TOKEN_URL}"></cas-upload><cas-cdsl-fetch token-url="${TOKEN_URL}"></cas-cdsl-fetch>`;
    await fixture(box);
    const up = box.querySelector('cas-upload')!;
    const el = box.querySelector('cas-cdsl-fetch') as CasCdslFetchElement;
    await up.upload(new File(['%PDF-1.7\n'], 'a.pdf'), PAN);
    await toOtp(el);
    expect(tokens.tokenRequests).to.equal(1);
  });
});

describe('<cas-cdsl-fetch> OTP step: resend after 30 s, cancel, back from the SMS app (contract §18)', () => {
  serveMocks(worker, () => {
    resetMockState(tokens);
    Object.assign(cdsl, createCdslState());
  });
  let now = 5_000_000;
  beforeEach(() => {
    now = 5_000_000;
    CasCdslFetchElement.now = () => now;
  });
  afterEach(() => {
    CasCdslFetchElement.now = () => Date.now();
  });
  const resend = (el: HTMLElement) => part(el, 'resend') as HTMLButtonElement;
  const countdown = (el: HTMLElement) => el.shadowRoot!.querySelector('#rs')!.textContent!;
  async function later(el: CasCdslFetchElement, ms: number) {
    now += ms;
    el.requestUpdate();
    await el.updateComplete;
  }

  it('a new OTP is offered 30 s after the last, the seconds counted down from the clock; pressed early it sends nothing', async () => {
    const el = await make();
    await toOtp(el);
    expect(part(el, 'status')!.textContent).to.equal(
      'CDSL sent an OTP by SMS to the mobile number registered with your demat account. No SMS? You can ask for a new OTP in 30 seconds.',
    );
    expect(resend(el).getAttribute('aria-disabled')).to.equal('true');
    expect(resend(el).getAttribute('aria-describedby')).to.equal('rs');
    expect(countdown(el)).to.equal('No SMS? You can ask for a new OTP in 30 seconds.');
    await later(el, 12_000);
    expect(countdown(el)).to.equal('No SMS? You can ask for a new OTP in 18 seconds.');
    await press(el, 'resend');
    await aTimeout(50);
    expect(fetches(), 'nothing sent before 30 s').to.have.length(1);
    expect(el.state).to.equal('otp');
    // Never asked for on its own: at 30 s it is offered, said once in the live region.
    now += 18_000;
    await waitFor(() => resend(el).getAttribute('aria-disabled') === 'false', 'offered at 30 s');
    expect(countdown(el)).to.equal('No SMS? You can ask for a new OTP now.');
    expect(part(el, 'status')!.textContent).to.equal('No SMS? You can ask for a new OTP now.');
    await aTimeout(1100);
    expect(fetches(), 'never sent on its own').to.have.length(1);
    // Pressed: a new OTP request with the same details; the new session is the one verified.
    type(el, 'otp-input', '99');
    await press(el, 'resend');
    await until(el, 'otp');
    expect(fetches()).to.have.length(2);
    expect(fetches()[1].body).to.deep.equal(fetches()[0].body);
    expect((part(el, 'otp-input') as HTMLInputElement).value, 'the old OTP emptied').to.equal('');
    expect(resend(el).getAttribute('aria-disabled'), 'the 30 s start again').to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'otp-input'));
    type(el, 'otp-input', MOCK_OTP);
    await press(el, 'submit');
    await until(el, 'success');
    expect(verifies()).to.have.length(1);
    expect(verifies()[0].path).to.include(cdsl.sessions[1]);
  });

  it('Hindi: the countdown and its button', async () => {
    const el = await make('lang="hi"');
    await waitFor(() => part(el, 'submit')!.textContent!.includes('OTP भेजें'), 'Hindi');
    await toOtp(el);
    expect(resend(el).textContent!.trim()).to.equal('नया OTP भेजें');
    expect(countdown(el)).to.match(/^SMS नहीं आया\? 30 सेकंड बाद आप नया OTP माँग सकते हैं।$/);
  });

  it('Cancel on the OTP step: back to the details as typed, cas-upload-cancel, the countdown stopped', async () => {
    const el = await make();
    await toOtp(el);
    const cancel = oneEvent(el, 'cas-upload-cancel');
    await press(el, 'cancel');
    expect((await cancel).detail).to.deep.equal({ step: 'otp' });
    expect(el.state).to.equal('idle');
    expect((part(el, 'bo-id-input') as HTMLInputElement).value).to.equal('1208 1600 0000 0001');
    expect(part(el, 'resend')).to.equal(null);
  });

  it('switching to the SMS app and back (visibilitychange) and a page restored from the back/forward cache keep the step and the OTP typed; the countdown catches up at once', async () => {
    const el = await make();
    await toOtp(el);
    type(el, 'otp-input', '1234');
    try {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      now += 40_000;
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
      await el.updateComplete;
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    expect(el.state).to.equal('otp');
    expect((part(el, 'otp-input') as HTMLInputElement).value).to.equal('1234');
    expect(resend(el).getAttribute('aria-disabled'), 'caught up without waiting for a tick').to.equal('false');
    expect(part(el, 'status')!.textContent).to.equal('No SMS? You can ask for a new OTP now.');
    // A second OTP, then the page goes into the back/forward cache and comes back.
    await press(el, 'resend');
    await until(el, 'otp');
    type(el, 'otp-input', '5678');
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    now += 31_000;
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await el.updateComplete;
    expect(el.state).to.equal('otp');
    expect((part(el, 'otp-input') as HTMLInputElement).value).to.equal('5678');
    expect(resend(el).getAttribute('aria-disabled')).to.equal('false');
    type(el, 'otp-input', MOCK_OTP);
    await press(el, 'submit');
    await until(el, 'success');
    expect(verifies()[0].path).to.include(cdsl.sessions[1]);
  });

  it('"Show password" on the statement password step', async () => {
    cdsl.scenario = 'pan-not-password';
    const el = await make();
    await toOtp(el);
    type(el, 'otp-input', MOCK_OTP);
    await press(el, 'submit');
    await until(el, 'error');
    const pw = () => part(el, 'password-input') as HTMLInputElement;
    expect(pw().type).to.equal('password');
    (part(el, 'show-password') as HTMLInputElement).click();
    await el.updateComplete;
    expect(pw().type).to.equal('text');
    const box = part(el, 'show-password')!.getBoundingClientRect();
    expect(Math.min(box.width, box.height)).to.be.at.least(24);
    expect(part(el, 'show-password')!.closest('label')!.textContent!.trim()).to.equal('Show password');
    type(el, 'password-input', MOCK_STATEMENT_PASSWORD);
    await press(el, 'submit');
    await until(el, 'success');
    el.reset();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[type=text][part=password-input]')).to.equal(null);
  });
});

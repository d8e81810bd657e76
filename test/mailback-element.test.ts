// <cas-mailback> (contract §11, §13) against the msw mocks of test/mocks/connect.ts: defaults and
// presets, the checks before any request, the request body, states, error codes, the request
// never repeated (but a 429 with Retry-After), the way on to the upload, secrets kept out of
// attributes, events, console and storage, axe in every state (light and dark), and Hindi.
import { expect, fixture, oneEvent, aTimeout } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { createHandlers, createMockState, resetMockState, TOKEN_URL, API_BASE } from './mocks/handlers.js';
import { createConnectHandlers, createConnectState } from './mocks/connect.js';
import '../src/entries/mailback.js';
import { CasMailbackElement, mailbackEn, rangeOf } from '../src/entries/mailback.js';
import { checkMailbackDetails } from '../src/core/index.js';
import { part, serveMocks } from './helpers.js';
import { record, type, press, until, waitFor, expectSecretsKept } from './flow-helpers.js';

const tokens = createMockState();
const mocks = createConnectState();
const worker = setupWorker(...createConnectHandlers(mocks), ...createHandlers(tokens));

const EMAIL = 'investor@example.com';
const PASSWORD = 'Remember2025';
const TODAY = new Date(2025, 10, 20); // 20 Nov 2025

async function make(attrs = ''): Promise<CasMailbackElement> {
  const box = document.createElement('div');
  box.innerHTML = `<cas-mailback token-url="${TOKEN_URL}" retry-delay="0" ${attrs}></cas-mailback>`;
  return fixture<CasMailbackElement>(box.firstElementChild as CasMailbackElement);
}

async function fill(el: CasMailbackElement, over: Partial<Record<string, string>> = {}) {
  const v = { email: EMAIL, pan: '', password: PASSWORD, confirm: PASSWORD, ...over };
  type(el, 'email-input', v.email!);
  type(el, 'pan-input', v.pan!);
  type(el, 'password-input', v.password!);
  if (part(el, 'confirm-input')) type(el, 'confirm-input', v.confirm!);
  if (over.from) type(el, 'from-input', over.from);
  if (over.to) type(el, 'to-input', over.to);
  await el.updateComplete;
}

const generates = () => mocks.requests.filter((r) => r.path === '/v4/generate');

describe('<cas-mailback>', () => {
  serveMocks(worker, () => {
    resetMockState(tokens);
    Object.assign(mocks, createConnectState());
    CasMailbackElement.today = () => new Date(TODAY);
  });
  afterEach(() => {
    CasMailbackElement.today = () => new Date();
  });

  it('is defined, idle, read-only state; defaults: since the start until today; presets fill the dates', async () => {
    expect(customElements.get('cas-mailback')).to.equal(CasMailbackElement);
    expect(() => CasMailbackElement.define()).not.to.throw();
    const el = await make();
    expect(el.state).to.equal('idle');
    el.setAttribute('state', 'sent');
    expect(el.getAttribute('state')).to.equal('idle');
    for (const p of ['email-input', 'pan-input', 'range', 'from-input', 'to-input', 'password-input', 'confirm-input', 'show-password', 'submit']) {
      expect(part(el, p), p).to.exist;
    }
    expect((part(el, 'from-input') as HTMLInputElement).value).to.equal('1990-01-01');
    expect((part(el, 'to-input') as HTMLInputElement).value).to.equal('2025-11-20');
    const range = part(el, 'range') as HTMLSelectElement;
    range.value = 'lastFy';
    range.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect((part(el, 'from-input') as HTMLInputElement).value).to.equal('2024-04-01');
    expect((part(el, 'to-input') as HTMLInputElement).value).to.equal('2025-03-31');
    expect(rangeOf('thisFy', TODAY)).to.deep.equal(['2025-04-01', '2025-11-20']);
    expect(rangeOf('lastFy', new Date(2026, 1, 1))).to.deep.equal(['2024-04-01', '2025-03-31']);
    expect(rangeOf('lastYear', TODAY)).to.deep.equal(['2024-11-21', '2025-11-20']);
  });

  it('the two dates sit side by side, not drawn as an error (the error style is only the message\'s)', async () => {
    const el = await make();
    const dates = part(el, 'from-input')!.parentElement!.parentElement!;
    expect(dates.contains(part(el, 'to-input'))).to.equal(true);
    const style = getComputedStyle(dates);
    expect(style.display).to.equal('grid');
    expect(style.borderInlineStartWidth).to.equal('0px');
    expect(style.color).to.equal(getComputedStyle(el).color);
  });

  it('sends the request: body, x-api-key, states sending → sent, the sent detail, the sent text', async () => {
    const el = await make();
    const events = record(el);
    const states: string[] = [];
    new MutationObserver(() => states.push(el.getAttribute('state')!)).observe(el, { attributeFilter: ['state'] });
    await fill(el, { pan: 'abcde1234f' });
    const sent = oneEvent(el, 'cas-upload-mailback-sent');
    await press(el, 'submit');
    const { detail } = await sent;
    expect(generates()).to.have.length(1);
    expect(generates()[0].body).to.deep.equal({ email: EMAIL, from_date: '1990-01-01', to_date: '2025-11-20', password: PASSWORD, pan_no: 'ABCDE1234F' });
    expect(generates()[0].apiKey).to.equal('at_demo_1');
    expect(Object.keys(detail).sort()).to.deep.equal(['fromDate', 'requestId', 'toDate']);
    expect(detail).to.include({ fromDate: '1990-01-01', toDate: '2025-11-20' });
    expect(detail.requestId).to.match(/^req_/);
    await until(el, 'sent');
    expect(states).to.deep.equal(['sending', 'sent']);
    const summary = part(el, 'summary')!.textContent!;
    expect(summary).to.include(EMAIL).and.include('2 to 5 minutes').and.include('password you chose');
    expect(summary).to.not.include(PASSWORD);
    expect(events.map((e) => e.type)).to.deep.equal(['cas-upload-mailback-sent']);
  });

  it('without a PAN, no pan_no; shown password typed once', async () => {
    const el = await make();
    (part(el, 'show-password') as HTMLInputElement).click();
    await el.updateComplete;
    expect(part(el, 'confirm-input')).to.equal(null);
    expect(part(el, 'password-input')!.getAttribute('type')).to.equal('text');
    await fill(el);
    await press(el, 'submit');
    await until(el, 'sent');
    expect(generates()[0].body).to.not.have.property('pan_no');
  });

  describe('checked before any request (invalid-details)', () => {
    for (const [what, over, bad, message] of [
      ['an e-mail without @', { email: 'investor.example.com' }, 'email-input', 'Please check: E-mail.'],
      ['dates out of order', { from: '2025-05-01', to: '2025-04-01' }, 'to-input', 'Please check: End date.'],
      ['a date in the future', { to: '2025-12-01' }, 'to-input', 'Please check: End date.'],
      ['a short password', { password: 'short', confirm: 'short' }, 'password-input', 'Please check: PDF password.'],
      ['two different passwords', { confirm: 'Remember2024' }, 'confirm-input', mailbackEn.mismatch],
      ['a malformed PAN', { pan: 'ABC' }, 'pan-input', 'Please check: PAN.'],
    ] as const) {
      it(`${what}: the field marked and named`, async () => {
        const el = await make();
        const events = record(el);
        await fill(el, over);
        await press(el, 'submit');
        await until(el, 'error');
        expect(events.map((e) => [e.type, e.detail.code])).to.deep.equal([['cas-upload-error', 'invalid-details']]);
        expect(part(el, bad)!.getAttribute('aria-invalid'), bad).to.equal('true');
        expect(part(el, 'error')!.textContent).to.equal(message);
        expect(generates()).to.have.length(0);
        expect(tokens.tokenRequests).to.equal(0);
      });
    }
    it('every wrong field at once: each marked, all named in one message in form order, the passwords that differ among them (Hindi too)', async () => {
      const el = await make();
      const events = record(el);
      await fill(el, {
        email: 'investor.example.com',
        pan: 'ABC',
        password: 'short',
        confirm: 'shorter',
        from: '2025-05-01',
        to: '2025-04-01',
      });
      await press(el, 'submit');
      await until(el, 'error');
      expect(events.map((e) => [e.type, e.detail.code])).to.deep.equal([['cas-upload-error', 'invalid-details']]);
      const marked = ['email-input', 'pan-input', 'from-input', 'to-input', 'password-input', 'confirm-input'].filter(
        (p) => part(el, p)!.getAttribute('aria-invalid') === 'true',
      );
      expect(marked).to.deep.equal(['email-input', 'pan-input', 'to-input', 'password-input', 'confirm-input']);
      expect(part(el, 'error')!.textContent).to.equal(
        'Please check: E-mail, PAN, End date, PDF password, Password typed again (not the same).',
      );
      el.lang = 'hi';
      await waitFor(() => /कृपया जाँचें/.test(part(el, 'error')!.textContent!), 'Hindi');
      expect(part(el, 'error')!.textContent).to.equal(
        'कृपया जाँचें: ई-मेल, PAN, अंतिम तिथि, PDF पासवर्ड, दोबारा लिखा पासवर्ड (पहले जैसा नहीं)।',
      );
      expect(generates()).to.have.length(0);
      // Mended, the marks go at the next try.
      el.lang = 'en';
      await fill(el);
      type(el, 'from-input', '2025-04-01');
      type(el, 'to-input', '2025-05-01');
      await press(el, 'submit');
      await until(el, 'sent');
    });
    it('checkMailbackDetails: a real date, today allowed', () => {
      const ok = { email: EMAIL, fromDate: '2025-02-28', toDate: '2025-11-20', password: PASSWORD };
      expect(checkMailbackDetails(ok, TODAY).to_date).to.equal('2025-11-20');
      expect(() => checkMailbackDetails({ ...ok, fromDate: '2025-02-30' }, TODAY)).to.throw().with.property('code', 'invalid-details');
    });
    it('checkMailbackDetails: a range of one day (from = to) is accepted, one that ends before it starts is not', () => {
      const ok = { email: EMAIL, password: PASSWORD };
      for (const day of ['2025-03-31', '2025-11-20']) {
        const body = checkMailbackDetails({ ...ok, fromDate: day, toDate: day }, TODAY);
        expect([body.from_date, body.to_date], day).to.deep.equal([day, day]);
      }
      expect(() => checkMailbackDetails({ ...ok, fromDate: '2025-03-31', toDate: '2025-03-30' }, TODAY))
        .to.throw()
        .with.property('fields')
        .that.deep.equals(['toDate']);
    });
  });

  it('the API refuses the details (400): invalid-details with its message; never repeated', async () => {
    mocks.mailback = 'refused';
    const el = await make();
    await fill(el);
    const error = oneEvent(el, 'cas-upload-error');
    await press(el, 'submit');
    const { detail } = await error;
    expect(detail).to.include({ code: 'invalid-details', status: 400, apiMessage: 'Invalid email or PAN', retryable: false });
    expect(generates()).to.have.length(1);
  });

  it('the API echoes the e-mail and the PAN in its message: masked in apiMessage, in no event', async () => {
    worker.use(
      http.post(`${API_BASE}/v4/generate`, () =>
        HttpResponse.json({ status: 'failed', msg: `No folios for PAN abcde1234f at ${EMAIL}` }, { status: 400 }),
      ),
    );
    await expectSecretsKept([EMAIL, 'ABCDE1234F', 'abcde1234f'], async () => {
      const el = await make();
      const events = record(el);
      await fill(el, { pan: 'abcde1234f' });
      await press(el, 'submit');
      await until(el, 'error');
      expect(events.at(-1)!.detail.apiMessage).to.equal('No folios for PAN [PAN] at [e-mail]');
      return { el, events };
    });
  });

  it('a 500 is server-error (Retry offered) and a 429 without Retry-After rate-limited: each sent once', async () => {
    for (const [scenario, code] of [['server-error', 'server-error'], ['rate-limited', 'rate-limited']] as const) {
      mocks.requests = [];
      mocks.mailback = scenario;
      const el = await make('retries="3"');
      await fill(el);
      const error = oneEvent(el, 'cas-upload-error');
      await press(el, 'submit');
      expect((await error).detail.code).to.equal(code);
      await el.updateComplete;
      expect(generates(), scenario).to.have.length(1);
      expect(part(el, 'retry'), 'retry').to.exist;
    }
  });

  it('a 429 says what was refused: the statement request, not an upload (English and Hindi)', async () => {
    mocks.mailback = 'rate-limited';
    const el = await make();
    await fill(el);
    await press(el, 'submit');
    await until(el, 'error');
    const text = part(el, 'error')!.textContent!;
    expect(text).to.equal(
      'Too many statement requests just now: KFintech was not asked to send this one. Please wait a minute, then ask again.',
    );
    expect(text).to.not.include('upload');
    el.lang = 'hi';
    await waitFor(() => /KFintech से यह स्टेटमेंट/.test(part(el, 'error')!.textContent!), 'Hindi');
  });

  it('a 429 with Retry-After is waited out and sent again', async () => {
    let n = 0;
    worker.use(
      http.post(`${API_BASE}/v4/generate`, () =>
        ++n === 1
          ? HttpResponse.json({ status: 'failed', msg: 'slow down' }, { status: 429, headers: { 'retry-after': '0' } })
          : HttpResponse.json({ status: 'success', msg: 'ok' }),
      ),
    );
    const el = await make();
    await fill(el);
    await press(el, 'submit');
    await until(el, 'sent');
    expect(n).to.equal(2);
  });

  it('a 403 gets one fresh token and one more try', async () => {
    let n = 0;
    worker.use(
      http.post(`${API_BASE}/v4/generate`, () =>
        ++n === 1 ? HttpResponse.json({ status: 'failed', msg: 'expired' }, { status: 403 }) : HttpResponse.json({ status: 'success', msg: 'ok' }),
      ),
    );
    const el = await make();
    await fill(el);
    await press(el, 'submit');
    await until(el, 'sent');
    expect(n).to.equal(2);
    expect(tokens.tokenRequests).to.equal(2);
  });

  it('no token source: config-error without a request', async () => {
    const el = await fixture<CasMailbackElement>('<cas-mailback></cas-mailback>');
    await fill(el);
    const error = oneEvent(el, 'cas-upload-error');
    await press(el, 'submit');
    expect((await error).detail.code).to.equal('config-error');
    expect(generates()).to.have.length(0);
  });

  it('cancel aborts the request: idle, cas-upload-cancel, what was typed kept but the password', async () => {
    mocks.stepMs = 2000;
    const el = await make();
    const events = record(el);
    await fill(el);
    await press(el, 'submit');
    await until(el, 'sending');
    await press(el, 'cancel');
    expect(el.state).to.equal('idle');
    expect(events.map((e) => e.type)).to.deep.equal(['cas-upload-cancel']);
    expect(events[0].detail).to.deep.equal({ step: 'sending' });
    expect((part(el, 'email-input') as HTMLInputElement).value).to.equal(EMAIL);
    expect((part(el, 'password-input') as HTMLInputElement).value).to.equal('');
  });

  it('reset() empties every input typed or chosen (typing renders nothing: the inputs are compared with their own values)', async () => {
    const el = await make();
    await fill(el, { pan: 'abcde1234f' });
    const range = part(el, 'range') as HTMLSelectElement;
    range.value = 'lastYear';
    range.dispatchEvent(new Event('change'));
    await el.updateComplete;
    type(el, 'from-input', '2025-01-02');
    type(el, 'to-input', '2025-03-04');
    await el.updateComplete;
    const show = part(el, 'show-password') as HTMLInputElement;
    show.click();
    await el.updateComplete;
    el.reset();
    await el.updateComplete;
    const value = (name: string) => (part(el, name) as HTMLInputElement).value;
    expect(value('email-input'), 'e-mail').to.equal('');
    expect(value('pan-input'), 'PAN').to.equal('');
    expect(value('password-input'), 'password').to.equal('');
    expect(value('confirm-input'), 'password again').to.equal('');
    expect(value('from-input'), 'from').to.equal('1990-01-01');
    expect(value('to-input'), 'to').to.equal('2025-11-20');
    expect((part(el, 'range') as HTMLSelectElement).value, 'range').to.equal('sinceStart');
    expect((part(el, 'show-password') as HTMLInputElement).checked, 'show password').to.equal(false);
    // Typed again and reset again, from the same view (no re-render in between).
    await fill(el, { pan: 'abcde1234f' });
    range.value = 'thisFy';
    range.dispatchEvent(new Event('change'));
    el.reset();
    await el.updateComplete;
    expect([value('email-input'), value('pan-input'), value('password-input'), value('confirm-input')]).to.deep.equal(['', '', '', '']);
    expect((part(el, 'range') as HTMLSelectElement).value).to.equal('sinceStart');
  });

  it('removed while sending and put back: the form again (not a wait that never ends), and it sends', async () => {
    mocks.stepMs = 2000;
    const el = await make();
    const events = record(el);
    await fill(el);
    await press(el, 'submit');
    await until(el, 'sending');
    await waitFor(() => generates().length === 1, 'the request on its way');
    const box = el.parentElement!;
    el.remove();
    await aTimeout(0);
    box.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('idle');
    expect(part(el, 'cancel'), 'no Cancel left').to.equal(null);
    expect((part(el, 'email-input') as HTMLInputElement).value, 'what was typed kept').to.equal(EMAIL);
    expect(events, 'no event for a removal').to.deep.equal([]);
    mocks.stepMs = 0;
    await fill(el);
    await press(el, 'submit');
    await until(el, 'sent');
    expect(generates()).to.have.length(2);
  });

  it('the upload button fires cas-upload-mailback-upload (cancelable); another resets', async () => {
    const el = await make();
    await fill(el);
    await press(el, 'submit');
    await until(el, 'sent');
    const go = oneEvent(el, 'cas-upload-mailback-upload');
    await press(el, 'upload');
    const ev = await go;
    expect(ev.cancelable).to.equal(true);
    await press(el, 'another');
    expect(el.state).to.equal('idle');
    expect((part(el, 'email-input') as HTMLInputElement).value).to.equal('');
  });

  it('no e-mail, password or PAN in attributes, events, console or storage', async () => {
    await expectSecretsKept([EMAIL, PASSWORD, 'ABCDE1234F', 'abcde1234f'], async () => {
      const el = await make();
      const events = record(el);
      await fill(el, { pan: 'abcde1234f' });
      await press(el, 'submit');
      await until(el, 'sent');
      // The sent state names the address on screen (as text), not in attributes: every node of
      // the shadow root is checked.
      return { el, events };
    });
  });

  describe('prefill (contract §18): what the host knows, shown in the fields', () => {
    const value = (el: HTMLElement, name: string) => (part(el, name) as HTMLInputElement).value;

    it('e-mail and PAN shown as given and editable; the request sends what is shown; reset() goes back to prefill', async () => {
      const el = await make();
      el.prefill = { email: EMAIL, pan: 'abcde1234f', boId: '1208160000000001', dob: '1990-01-15' };
      await el.updateComplete;
      expect([value(el, 'email-input'), value(el, 'pan-input')]).to.deep.equal([EMAIL, 'abcde1234f']);
      type(el, 'email-input', 'other@example.com');
      // Typing wins: a later prefill fills only the field not typed in.
      el.prefill = { email: 'late@example.com', pan: 'ZZZZZ9999Z' };
      await el.updateComplete;
      expect([value(el, 'email-input'), value(el, 'pan-input')]).to.deep.equal(['other@example.com', 'ZZZZZ9999Z']);
      type(el, 'password-input', PASSWORD);
      type(el, 'confirm-input', PASSWORD);
      await press(el, 'submit');
      await until(el, 'sent');
      expect(generates()[0].body).to.include({ email: 'other@example.com', pan_no: 'ZZZZZ9999Z' });
      await press(el, 'another');
      expect([value(el, 'email-input'), value(el, 'pan-input')]).to.deep.equal(['late@example.com', 'ZZZZZ9999Z']);
      el.prefill = {};
      el.reset();
      await el.updateComplete;
      expect([value(el, 'email-input'), value(el, 'pan-input')]).to.deep.equal(['', '']);
    });

    it('invalid values shown as given; the checks run on submit (no request)', async () => {
      const el = document.createElement('cas-mailback') as CasMailbackElement;
      el.prefill = { email: 'not an address', pan: 'nope' };
      el.setAttribute('token-url', TOKEN_URL);
      await fixture(el);
      expect([value(el, 'email-input'), value(el, 'pan-input')]).to.deep.equal(['not an address', 'nope']);
      type(el, 'password-input', PASSWORD);
      type(el, 'confirm-input', PASSWORD);
      await press(el, 'submit');
      await until(el, 'error');
      expect(part(el, 'email-input')!.getAttribute('aria-invalid')).to.equal('true');
      expect(part(el, 'pan-input')!.getAttribute('aria-invalid')).to.equal('true');
      expect(generates()).to.have.length(0);
      expect(value(el, 'pan-input')).to.equal('nope');
    });

    it('prefill is never an attribute, an event, a log line or stored', async () => {
      await expectSecretsKept([EMAIL, 'ABCDE1234F', 'abcde1234f', '1208160000000001', '1990-01-15'], async () => {
        const el = await make();
        const events = record(el);
        el.prefill = { email: EMAIL, pan: 'abcde1234f', boId: '1208160000000001', dob: '1990-01-15' };
        await el.updateComplete;
        expect(el.getAttributeNames().some((n) => /prefill/i.test(n)), 'no prefill attribute').to.equal(false);
        type(el, 'password-input', PASSWORD);
        type(el, 'confirm-input', PASSWORD);
        await press(el, 'submit');
        await until(el, 'sent');
        expect(generates()[0].body).to.include({ email: EMAIL, pan_no: 'ABCDE1234F' });
        return { el, events };
      });
    });
  });

  it('speaks Hindi (loaded on demand)', async () => {
    const el = await make('lang="hi"');
    await aTimeout(0);
    for (let i = 0; i < 100 && !el.shadowRoot!.textContent!.includes('ई-मेल'); i++) await aTimeout(20);
    expect(part(el, 'submit')!.textContent).to.equal('मुझे मेरा स्टेटमेंट ई-मेल करें');
    await fill(el, { email: 'x' });
    await press(el, 'submit');
    await until(el, 'error');
    expect(part(el, 'error')!.textContent).to.equal('कृपया जाँचें: ई-मेल।');
  });

  describe('accessibility (axe) in every state, light and dark', () => {
    for (const scheme of ['light', 'dark']) {
      it(`${scheme}: idle, error, sending, sent`, async () => {
        const el = await make(`style="color-scheme:${scheme}"`);
        await expect(el).to.be.accessible();
        await fill(el, { email: 'x' });
        await press(el, 'submit');
        await until(el, 'error');
        await expect(el).to.be.accessible();
        mocks.stepMs = 300;
        await fill(el);
        await press(el, 'submit');
        await until(el, 'sending');
        await expect(el).to.be.accessible();
        await until(el, 'sent');
        await expect(el).to.be.accessible();
      });
    }
  });

  it('keyboard only: focus on the summary once sent', async () => {
    const el = await make();
    await fill(el);
    (part(el, 'submit') as HTMLButtonElement).focus();
    await press(el, 'submit');
    await until(el, 'sent');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'summary'));
  });
});

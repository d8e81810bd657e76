// <cas-connect> (contract §14, §17) against the msw mocks: the choice (methods, what each needs,
// inbox only with redirect-url), one method opened directly, every setting handed to the flow,
// every event reaching the host's listener, back while nothing is in flight (and never while
// something is), the mailback's way on to the upload, keyboard only, Hindi, axe light and dark.
import { expect, fixture, oneEvent, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker } from 'msw/browser';
import { createHandlers, createMockState, resetMockState, TOKEN_URL } from './mocks/handlers.js';
import { createCdslHandlers, createCdslState, MOCK_OTP } from './mocks/cdsl.js';
import { createConnectHandlers, createConnectState } from './mocks/connect.js';
import { createForwardHandlers, createForwardState, deliver, MOCK_FORWARD_PAN } from './mocks/forward.js';
import '../src/entries/connect.js';
import { CasConnectElement } from '../src/entries/connect.js';
import { part, serveMocks } from './helpers.js';
import { record, type, press, until, waitFor, fakeClock, logLine } from './flow-helpers.js';

const tokens = createMockState();
const cdsl = createCdslState();
const mocks = createConnectState({ consentUrl: '/demo/mock-consent.html?answer=allow' });
const forward = createForwardState();
const worker = setupWorker(...createForwardHandlers(forward), ...createConnectHandlers(mocks), ...createCdslHandlers(cdsl), ...createHandlers(tokens));

type Flow = HTMLElement & { state: string; updateComplete: Promise<unknown>; [k: string]: any };

async function make(attrs = ''): Promise<CasConnectElement> {
  const box = document.createElement('div');
  box.innerHTML = `<cas-connect token-url="${TOKEN_URL}" retry-delay="0" ${attrs}></cas-connect>`;
  return fixture<CasConnectElement>(box.firstElementChild as CasConnectElement);
}

/** The flow shown, once defined and rendered. */
async function flow(el: CasConnectElement, tag: string): Promise<Flow> {
  await waitFor(() => el.flow?.localName === tag && customElements.get(tag), `<${tag}> shown`);
  const f = el.flow as Flow;
  await f.updateComplete;
  return f;
}

const methods = (el: CasConnectElement) => [...el.shadowRoot!.querySelectorAll('[part^=method-]')].map((b) => b.getAttribute('part'));

describe('<cas-connect>', () => {
  serveMocks(worker, () => {
    resetMockState(tokens);
    Object.assign(cdsl, createCdslState());
    Object.assign(mocks, createConnectState({ consentUrl: '/demo/mock-consent.html?answer=allow' }));
    Object.assign(forward, createForwardState());
  });

  it('registers all six elements; the default choice: upload, cdsl, mailback, forward, each saying what it needs', async () => {
    for (const tag of ['cas-connect', 'cas-upload', 'cas-cdsl-fetch', 'cas-inbox', 'cas-mailback', 'cas-forward']) expect(customElements.get(tag), tag).to.exist;
    expect(() => CasConnectElement.define()).not.to.throw();
    const el = await make();
    expect(el.state).to.equal('idle');
    expect(methods(el)).to.deep.equal(['method-upload', 'method-cdsl', 'method-mailback', 'method-forward']);
    expect(part(el, 'method-forward')!.textContent).to.equal('Forward the e-mail you haveNeeds the e-mail with your statement.');
    expect(part(el, 'method-upload')!.textContent).to.include('your PDF and its password');
    expect(part(el, 'method-cdsl')!.textContent).to.include('PAN, BO ID and your phone');
    expect(part(el, 'method-mailback')!.textContent).to.include('your e-mail; the statement arrives in a few minutes');
    expect(part(el, 'flow')).to.equal(null);
  });

  it('methods: in the order written, unknown words ignored, inbox only with redirect-url', async () => {
    const el = await make('methods="inbox mailback nope upload"');
    expect(methods(el)).to.deep.equal(['method-mailback', 'method-upload']);
    el.redirectUrl = '/demo/inbox-callback.html';
    await el.updateComplete;
    expect(methods(el)).to.deep.equal(['method-inbox', 'method-mailback', 'method-upload']);
    expect(part(el, 'method-inbox')!.textContent).to.equal('Find it in your mailboxNeeds your Gmail, Outlook or Zoho Mail account.');
    el.providers = 'zoho outlook';
    await el.updateComplete;
    expect(part(el, 'method-inbox')!.textContent, 'the providers offered, not "Gmail" alone').to.include('Needs your Zoho Mail or Outlook account.');
    el.lang = 'hi';
    await waitFor(() => part(el, 'method-inbox')!.textContent!.includes('मेलबॉक्स'), 'Hindi');
    expect(part(el, 'method-inbox')!.textContent).to.include('आपका Zoho Mail या Outlook खाता चाहिए।');
  });

  it('methods: names of Object.prototype are unknown words too; open() refuses an unknown way (config-error) and stays on the choice', async () => {
    const el = await make('methods="toString constructor cdsl upload"');
    expect(methods(el)).to.deep.equal(['method-cdsl', 'method-upload']);
    for (const bad of ['email', 'toString']) {
      const error = await el.open(bad as 'upload').then(() => null, (e: { code?: string }) => e);
      expect(error?.code, bad).to.equal('config-error');
      expect(el.state).to.equal('idle');
      expect(methods(el)).to.deep.equal(['method-cdsl', 'method-upload']);
    }
  });

  it('one method opens directly, with no back', async () => {
    const el = await make('methods="cdsl"');
    const f = await flow(el, 'cas-cdsl-fetch');
    expect(el.state).to.equal('cdsl');
    expect(part(el, 'back')).to.equal(null);
    expect(methods(el)).to.deep.equal([]);
    type(f, 'pan-input', 'ABCDE1234F');
    el.reset();
    // Back at once to the one way, from its start: no choice shown, what was typed gone.
    const g = await flow(el, 'cas-cdsl-fetch');
    expect(el.state).to.equal('cdsl');
    expect(g.isConnected, 'the flow shown is in the page').to.equal(true);
    expect(g.state).to.equal('idle');
    expect((part(g, 'pan-input') as HTMLInputElement).value).to.equal('');
    expect(methods(el)).to.deep.equal([]);
    expect(part(el, 'back')).to.equal(null);
  });

  it('hands every setting to the flow', async () => {
    const provider = async () => 'at_x';
    const init = { headers: { 'x-csrf': '1' } };
    const el = await make(
      'api-base="https://api.example.in" timeout="5000" retries="1" token-method="POST" disabled redirect-url="/demo/inbox-callback.html" keep-connected providers="outlook" parser="cdsl" max-size="2048" allow-empty-password periods="3" sources="cams" inbound-email-id="ie_1" address="a@b.in" wait-minutes="5" methods="upload cdsl inbox mailback forward"',
    );
    const prefill = { pan: 'ABCDE1234F' };
    Object.assign(el, { prefill, reference: 'user-42' });
    el.tokenRequestInit = init;
    el.retryDelay = 7;
    const onInboxToken = () => {};
    el.onInboxToken = onInboxToken;
    el.inboxToken = 'itk_host';
    el.strings = { heading: 'Mine', back: 'Other ways, please', retry: 'Again' } as typeof el.strings;
    el.disabled = false;
    await el.updateComplete;
    for (const [method, tag] of [['upload', 'cas-upload'], ['cdsl', 'cas-cdsl-fetch'], ['inbox', 'cas-inbox'], ['mailback', 'cas-mailback'], ['forward', 'cas-forward']] as const) {
      await el.open(method);
      const f = await flow(el, tag);
      expect(f.tokenUrl, tag).to.equal(TOKEN_URL);
      expect(f.tokenMethod).to.equal('POST');
      expect(f.tokenRequestInit).to.equal(init);
      expect(f.apiBase).to.equal('https://api.example.in');
      expect([f.timeout, f.retries, f.retryDelay]).to.deep.equal([5000, 1, 7]);
      // Its own texts (heading, back) stay with <cas-connect>: in the flows they name other things.
      expect(f.strings).to.deep.equal({ retry: 'Again' });
      expect(f.disabled).to.equal(false);
      if (tag === 'cas-inbox') {
        expect([f.redirectUrl, f.keepConnected, f.providers]).to.deep.equal(['/demo/inbox-callback.html', true, 'outlook']);
        expect([f.inboxToken, f.onInboxToken]).to.deep.equal(['itk_host', onInboxToken]);
        expect(f.getAttribute('providers'), 'set as a property').to.equal(null);
      }
      if (tag === 'cas-upload') expect([f.parser, f.maxSize, f.allowEmptyPassword]).to.deep.equal(['cdsl', 2048, true]);
      if (tag === 'cas-cdsl-fetch') expect(f.periods).to.equal(3);
      if (tag === 'cas-forward') {
        expect([f.sources, f.reference, f.inboundEmailId, f.address, f.waitMinutes]).to.deep.equal(['cams', 'user-42', 'ie_1', 'a@b.in', 5]);
        expect(f.prefill).to.equal(prefill);
      }
    }
    el.tokenProvider = provider;
    el.disabled = true;
    await el.updateComplete;
    expect((el.flow as Flow).tokenProvider).to.equal(provider);
    expect((el.flow as Flow).disabled).to.equal(true);
  });

  it('prefill reaches each flow it opens: shown in the fields, editable, a later prefill in the fields not typed in, back to it after back, never an attribute or a log line', async () => {
    const logged: string[] = [];
    const original = { ...console };
    for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) console[k] = (...a: unknown[]) => logged.push(logLine(a));
    try {
      const el = await make('methods="cdsl mailback forward"');
      const prefill = { pan: 'abcde1234f', email: 'investor@example.com', boId: '1208160000000001', dob: '1990-01-15' };
      el.prefill = prefill;
      await el.updateComplete;
      const value = (f: Flow, name: string) => (part(f, name) as HTMLInputElement).value;
      const seen = () => [el, ...el.shadowRoot!.querySelectorAll('*'), ...el.flow!.shadowRoot!.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => `${a.name}=${a.value}`)).join(' ');

      part(el, 'method-cdsl')!.click();
      let f = await flow(el, 'cas-cdsl-fetch');
      expect([value(f, 'pan-input'), value(f, 'bo-id-input'), value(f, 'dob-input')]).to.deep.equal(['abcde1234f', '1208160000000001', '1990-01-15']);
      type(f, 'pan-input', 'QWERT5678Y');
      el.prefill = { ...prefill, boId: '1208160000000002' };
      await el.updateComplete;
      await f.updateComplete;
      expect([value(f, 'pan-input'), value(f, 'bo-id-input')], 'typing wins; the rest follows').to.deep.equal(['QWERT5678Y', '1208160000000002']);
      expect(seen()).to.not.include('1208160000000002').and.not.include('QWERT5678Y');
      await press(el as unknown as Flow, 'back');
      part(el, 'method-cdsl')!.click();
      f = await flow(el, 'cas-cdsl-fetch');
      expect(value(f, 'pan-input'), 'back resets the flow to prefill').to.equal('abcde1234f');

      await press(el as unknown as Flow, 'back');
      part(el, 'method-mailback')!.click();
      f = await flow(el, 'cas-mailback');
      expect([value(f, 'email-input'), value(f, 'pan-input')]).to.deep.equal(['investor@example.com', 'abcde1234f']);
      type(f, 'email-input', 'other@example.com');
      expect(value(f, 'email-input')).to.equal('other@example.com');
      expect(seen()).to.not.include('investor@example.com').and.not.include('abcde1234f');

      await press(el as unknown as Flow, 'back');
      part(el, 'method-forward')!.click();
      f = await flow(el, 'cas-forward');
      expect(f.prefill.pan, '<cas-forward> takes the PAN as its first password').to.equal('abcde1234f');
      for (const secret of Object.values(prefill)) {
        expect(el.outerHTML).to.not.include(secret);
        expect(logged.join('\n')).to.not.include(secret);
      }
    } finally {
      Object.assign(console, original);
    }
  });

  it('mailback end to end through <cas-connect>: events at the host, no back while sending, then on to the upload', async () => {
    mocks.stepMs = 300;
    const el = await make();
    const events = record(el);
    await press(el as unknown as Flow, 'method-mailback');
    const f = await flow(el, 'cas-mailback');
    expect(part(el, 'back')).to.exist;
    type(f, 'email-input', 'investor@example.com');
    type(f, 'password-input', 'Remember2025');
    type(f, 'confirm-input', 'Remember2025');
    await press(f, 'submit');
    await until(f, 'sending');
    await el.updateComplete;
    await aTimeout(0);
    expect(part(el, 'back'), 'no back while sending').to.equal(null);
    await until(f, 'sent');
    await el.updateComplete;
    await aTimeout(0);
    expect(part(el, 'back'), 'back once sent').to.exist;
    expect(events.map((e) => e.type)).to.deep.equal(['cas-upload-mailback-sent']);
    await press(f, 'upload');
    await flow(el, 'cas-upload');
    expect(el.state).to.equal('upload');
    expect(part(el, 'back')).to.exist;
  });

  it('cdsl through <cas-connect>: cas-upload-success at the host with source cdsl', async () => {
    const el = await make();
    await press(el as unknown as Flow, 'method-cdsl');
    const f = await flow(el, 'cas-cdsl-fetch');
    type(f, 'pan-input', 'ABCDE1234F');
    type(f, 'bo-id-input', '1208160000000001');
    type(f, 'dob-input', '1990-01-15');
    await press(f, 'submit');
    await until(f, 'otp');
    type(f, 'otp-input', MOCK_OTP);
    const success = oneEvent(el, 'cas-upload-success');
    await press(f, 'submit');
    expect((await success).detail.source).to.equal('cdsl');
  });

  it('forward through <cas-connect>: forward-ready and success at the host (source forward), back while waiting, not while creating', async () => {
    const Forward = customElements.get('cas-forward') as unknown as { clock: unknown };
    const original = Forward.clock;
    const clock = (Forward.clock = fakeClock());
    forward.now = clock.now;
    try {
      const el = await make('methods="upload forward"');
      el.prefill = { pan: MOCK_FORWARD_PAN };
      const events = record(el, ['success', 'error', 'forward-ready']);
      await press(el as unknown as Flow, 'method-forward');
      const f = await flow(el, 'cas-forward');
      forward.stepMs = 200;
      await press(f, 'start');
      await until(f, 'creating');
      await el.updateComplete;
      expect(part(el, 'back'), 'no back while the address is made').to.equal(null);
      await until(f, 'waiting');
      await el.updateComplete;
      expect(part(el, 'back'), 'back while waiting').to.exist;
      forward.stepMs = 0;
      await waitFor(() => clock.pending() > 0, 'the first poll answered');
      deliver(forward);
      const success = oneEvent(el, 'cas-upload-success');
      await clock.next();
      expect((await success).detail.source).to.equal('forward');
      expect(events.map((e) => e.type)).to.deep.equal(['cas-upload-forward-ready', 'cas-upload-success']);
      expect(forward.requests.find((r) => r.path.endsWith('/parse'))!.body!.password).to.equal(MOCK_FORWARD_PAN);
    } finally {
      Forward.clock = original;
    }
  });

  it('disabled: the ways and back take no input, so a disabled element never resets its flow', async () => {
    const el = await make('disabled');
    expect((part(el, 'method-cdsl') as HTMLButtonElement).disabled).to.equal(true);
    await el.open('cdsl');
    const f = await flow(el, 'cas-cdsl-fetch');
    expect(f.disabled).to.equal(true);
    expect((part(el, 'back') as HTMLButtonElement).disabled).to.equal(true);
    el.disabled = false;
    await el.updateComplete;
    expect((part(el, 'back') as HTMLButtonElement).disabled).to.equal(false);
  });

  it('back resets the flow (revoking a connected mailbox) and returns focus to its way', async () => {
    const el = await make('redirect-url="/demo/inbox-callback.html" methods="inbox upload"');
    part(el, 'method-inbox')!.focus();
    await sendKeys({ press: 'Enter' });
    const f = await flow(el, 'cas-inbox');
    await aTimeout(0);
    expect(f.shadowRoot!.activeElement, 'focus moves into the flow').to.equal(part(f, 'connect'));
    await sendKeys({ press: 'Enter' });
    await until(f, 'choose', 8000);
    await el.updateComplete;
    await press(el as unknown as Flow, 'back');
    await waitFor(() => mocks.requests.some((r) => r.path === '/v4/inbox/disconnect'), 'revoked');
    await el.updateComplete;
    await aTimeout(0);
    expect(el.state).to.equal('idle');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'method-inbox'));
  });

  it('keyboard only: Tab to a way, Enter opens it with focus on its first field', async () => {
    const el = await make();
    part(el, 'method-upload')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'method-cdsl'));
    await sendKeys({ press: 'Enter' });
    const f = await flow(el, 'cas-cdsl-fetch');
    await aTimeout(0);
    expect(f.shadowRoot!.activeElement).to.equal(part(f, 'pan-input'));
  });

  it('speaks Hindi, and so do its flows', async () => {
    const el = await make('lang="hi"');
    for (let i = 0; i < 100 && !part(el, 'method-upload')!.textContent!.includes('PDF अपलोड करें'); i++) await aTimeout(20);
    expect(part(el, 'method-upload')!.textContent).to.include('PDF अपलोड करें');
    expect(part(el, 'method-forward')!.textContent).to.equal('अपना ई-मेल फ़ॉरवर्ड करेंआपके स्टेटमेंट वाला ई-मेल चाहिए।');
    await press(el as unknown as Flow, 'method-mailback');
    const f = await flow(el, 'cas-mailback');
    for (let i = 0; i < 100 && !part(f, 'submit')!.textContent!.includes('ई-मेल'); i++) await aTimeout(20);
    expect(part(f, 'submit')!.textContent).to.equal('मुझे मेरा स्टेटमेंट ई-मेल करें');
    expect(part(el, 'back')!.textContent).to.include('दूसरे तरीके');
  });

  describe('parts of the flows (exportparts)', () => {
    const FLOWS = [
      ['upload', 'cas-upload'],
      ['cdsl', 'cas-cdsl-fetch'],
      ['inbox', 'cas-inbox'],
      ['mailback', 'cas-mailback'],
      ['forward', 'cas-forward'],
    ];
    const exported = (f: Element) => (f.getAttribute('exportparts') ?? '').split(',').map((p) => p.trim());

    it('a host rule cas-connect::part(submit) styles the submit button of the flow shown, as cas-upload::part(submit) styles <cas-upload>', async () => {
      const sheet = document.createElement('style');
      sheet.textContent =
        'cas-upload::part(submit), cas-connect::part(submit) { letter-spacing: 7px; } cas-connect::part(back) { word-spacing: 9px; } cas-connect::part(pan-input) { text-indent: 5px; }';
      document.head.append(sheet);
      try {
        const el = await make();
        await press(el as unknown as Flow, 'method-upload');
        const upload = await flow(el, 'cas-upload');
        expect(getComputedStyle(part(upload, 'submit')!).letterSpacing, 'cas-upload in cas-connect').to.equal('7px');
        const alone = await fixture<Flow>(Object.assign(document.createElement('cas-upload'), { tokenUrl: TOKEN_URL }));
        expect(getComputedStyle(part(alone, 'submit')!).letterSpacing, 'cas-upload alone').to.equal('7px');
        expect(getComputedStyle(part(el, 'back')!).wordSpacing, "cas-connect's own back").to.equal('9px');
        await press(el as unknown as Flow, 'back');
        await press(el as unknown as Flow, 'method-cdsl');
        const cdsl = await flow(el, 'cas-cdsl-fetch');
        expect(getComputedStyle(part(cdsl, 'submit')!).letterSpacing, 'cas-cdsl-fetch').to.equal('7px');
        expect(getComputedStyle(part(cdsl, 'pan-input')!).textIndent).to.equal('5px');
      } finally {
        sheet.remove();
      }
    });

    it("every part of every flow is exported by its own name and listed among <cas-connect>'s parts in custom-elements.json", async () => {
      const manifest = (await (await fetch('/custom-elements.json')).json()) as {
        modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[];
      };
      const parts = (tag: string) =>
        manifest.modules
          .flatMap((m) => m.declarations ?? [])
          .find((d) => d.tagName === tag)!
          .cssParts!.map((p) => p.name);
      const own = parts('cas-connect');
      const el = await make('redirect-url="/demo/inbox-callback.html" methods="upload cdsl inbox mailback forward"');
      for (const [method, tag] of FLOWS) {
        await press(el as unknown as Flow, `method-${method}`);
        const f = await flow(el, tag);
        const names = parts(tag);
        expect(names.length, tag).to.be.above(10);
        for (const name of names) {
          expect(exported(f), `${tag} exports ${name}`).to.include(name);
          expect(own, `<cas-connect> documents ${name}`).to.include(name);
        }
        // What the flow shows now carries only parts that are exported (and so documented).
        for (const node of f.shadowRoot!.querySelectorAll('[part]'))
          for (const name of node.getAttribute('part')!.split(/\s+/))
            expect(exported(f), `${tag}: ${name} shown`).to.include(name);
        await press(el as unknown as Flow, 'back');
      }
    });
  });

  describe('accessibility (axe), light and dark', () => {
    for (const scheme of ['light', 'dark']) {
      it(`${scheme}: the choice (five ways), a flow with back`, async () => {
        const el = await make(`style="color-scheme:${scheme}" redirect-url="/demo/inbox-callback.html" methods="upload cdsl inbox mailback forward"`);
        await expect(el).to.be.accessible();
        await press(el as unknown as Flow, 'method-upload');
        await flow(el, 'cas-upload');
        await expect(el).to.be.accessible();
        await press(el as unknown as Flow, 'back');
        await press(el as unknown as Flow, 'method-forward');
        await flow(el, 'cas-forward');
        await expect(el).to.be.accessible();
      });
    }
  });
});

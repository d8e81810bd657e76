// <cas-inbox> (contract §11, §13) with a real second window: the popup opened within the click,
// the mock consent page (demo/mock-consent.html) sending it back to the return page
// (demo/inbox-callback.html, which runs src/entries/inbox-callback.ts), the message checked (origin and
// state), the list, the password step, parsing by URL, the revoke call in every ending, secrets
// kept, axe in every state (light and dark), Hindi and the keyboard. msw mocks the API only.
import { expect, fixture, oneEvent, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker } from 'msw/browser';
import { createHandlers, createMockState, resetMockState, TOKEN_URL, PARSE_RESPONSE } from './mocks/handlers.js';
import {
  createConnectHandlers,
  createConnectState,
  MOCK_INBOX_TOKEN,
  MOCK_INBOX_PASSWORD,
  MOCK_INBOX_FILES,
  type InboxScenario,
} from './mocks/connect.js';
import '../src/entries/inbox.js';
import { CasInboxElement, listInboxStatements, inboxStatus, disconnectInbox } from '../src/entries/inbox.js';
import { part, serveMocks } from './helpers.js';
import { record, type, press, until, waitFor, expectSecretsKept } from './flow-helpers.js';

const tokens = createMockState();
const mocks = createConnectState();
const worker = setupWorker(...createConnectHandlers(mocks), ...createHandlers(tokens));
const REDIRECT = '/demo/inbox-callback.html';

async function make(attrs = ''): Promise<CasInboxElement> {
  const box = document.createElement('div');
  box.innerHTML = `<cas-inbox token-url="${TOKEN_URL}" redirect-url="${REDIRECT}" retry-delay="0" ${attrs}></cas-inbox>`;
  return fixture<CasInboxElement>(box.firstElementChild as CasInboxElement);
}

/** Presses `connect` with the real keyboard (a user activation, as a click is), so the popup may open. */
async function connect(el: CasInboxElement) {
  part(el, 'connect')!.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

/**
 * Runs `body` with `window.open` watched: the arguments of each call, and the window each
 * opened (a real popup, or `null` when `real` is false, as a blocked popup gives).
 */
async function withPopups<T>(real: boolean, body: (popups: (Window | null)[], opened: unknown[][]) => Promise<T>): Promise<T> {
  const open = window.open;
  const popups: (Window | null)[] = [];
  const opened: unknown[][] = [];
  window.open = (...args: Parameters<typeof open>) => {
    opened.push(args);
    const popup = real ? open.apply(window, args) : null;
    popups.push(popup);
    return popup;
  };
  try {
    return await body(popups, opened);
  } finally {
    window.open = open;
  }
}

const calls = (path: string) => mocks.requests.filter((r) => r.path === `/v4/inbox/${path}`);
/** The consent page in `popup`, once its script runs. */
async function consent(popup: () => Window | null) {
  await waitFor(() => popup()?.document?.body?.dataset.ready === '', 'consent page ready', 8000);
  return popup()!.document;
}

const parses = () => mocks.requests.filter((r) => r.path.endsWith('/parse'));

/** Connects with scenario `scenario` and waits for the list (or the state `to`). */
async function toList(el: CasInboxElement, scenario: InboxScenario = 'success', to = 'choose') {
  mocks.inbox = scenario;
  await connect(el);
  await until(el, to, 8000);
}

describe('<cas-inbox>', () => {
  serveMocks(worker, () => {
    resetMockState(tokens);
    Object.assign(mocks, createConnectState({ consentUrl: '/demo/mock-consent.html?answer=allow' }));
  });

  it('is defined, idle, read-only state; without redirect-url: config-error and no popup', async () => {
    expect(customElements.get('cas-inbox')).to.equal(CasInboxElement);
    expect(() => CasInboxElement.define()).not.to.throw();
    const el = await fixture<CasInboxElement>(`<cas-inbox token-url="${TOKEN_URL}"></cas-inbox>`);
    expect(el.state).to.equal('idle');
    el.setAttribute('state', 'success');
    expect(el.getAttribute('state')).to.equal('idle');
    const opened = await withPopups(false, async (_, opened) => {
      const error = oneEvent(el, 'cas-upload-error');
      await connect(el);
      expect((await error).detail.code).to.equal('config-error');
      return opened;
    });
    expect(opened).to.have.length(0);
    expect(mocks.requests).to.have.length(0);
  });

  it('no token source, or an api-base that is not allowed: config-error before any popup opens', async () => {
    for (const attrs of [`redirect-url="${REDIRECT}"`, `token-url="${TOKEN_URL}" redirect-url="${REDIRECT}" api-base="http://api.example.in"`]) {
      const el = await fixture<CasInboxElement>(`<cas-inbox ${attrs}></cas-inbox>`);
      const opened = await withPopups(false, async (_, opened) => {
        const error = oneEvent(el, 'cas-upload-error');
        await connect(el);
        expect((await error).detail.code, attrs).to.equal('config-error');
        return opened;
      });
      expect(opened, attrs).to.have.length(0);
      expect(el.state).to.equal('error');
    }
    expect(mocks.requests).to.have.length(0);
  });

  it('the whole flow in a real popup: states, request bodies, list newest first, password, success, revoke', async () => {
    const el = await make();
    const events = record(el);
    const states: string[] = [];
    new MutationObserver(() => states.push(el.getAttribute('state')!)).observe(el, { attributeFilter: ['state'] });
    await toList(el);
    const [c] = calls('connect');
    expect(c.body!.redirect_uri).to.equal(new URL(REDIRECT, location.href).href);
    expect(c.body!.state).to.match(/^[0-9a-f]{32}$/);
    expect(c.body!.provider, 'the first of the providers offered').to.equal('gmail');
    expect(c.apiKey).to.equal('at_demo_1');
    expect(calls('cas')[0].inboxToken).to.equal(MOCK_INBOX_TOKEN);
    expect(calls('cas')[0].body).to.have.keys('start_date', 'end_date');
    const buttons = [...part(el, 'file-list')!.querySelectorAll('[part=file]')];
    expect(buttons.map((b) => b.textContent)).to.deep.equal([
      'CAMS_CAS_NOV2025.pdfCAMS · 4 Nov 2025 · 234 kB',
      'CDSL_CAS_OCT2025.pdfCDSL · 5 Oct 2025 · 178 kB',
    ]);
    (buttons[0] as HTMLElement).click();
    await el.updateComplete;
    type(el, 'password-input', MOCK_INBOX_PASSWORD);
    const success = oneEvent(el, 'cas-upload-success');
    await press(el, 'submit');
    const { detail } = await success;
    expect(parses()[0].body).to.deep.equal({ pdf_url: MOCK_INBOX_FILES[1].url, password: MOCK_INBOX_PASSWORD });
    expect(detail.source).to.equal('inbox');
    expect(detail.result).to.deep.equal(PARSE_RESPONSE);
    expect(detail.file).to.deep.equal({ name: 'CAMS_CAS_NOV2025.pdf', size: null });
    expect(detail.files.map((f: { filename: string }) => f.filename)).to.deep.equal(['CAMS_CAS_NOV2025.pdf', 'CDSL_CAS_OCT2025.pdf']);
    // The success waits for the revocation's answer, and says it was accepted.
    expect(calls('disconnect')).to.have.length(1);
    expect(detail.disconnected, 'the revocation was accepted').to.equal(true);
    expect(calls('disconnect')[0].inboxToken).to.equal(MOCK_INBOX_TOKEN);
    expect(calls('disconnect')[0].text, 'no body: the specification declares none').to.equal('');
    expect(states).to.deep.equal(['connecting', 'listing', 'choose', 'parsing', 'success']);
    expect(events.map((e) => e.type)).to.deep.equal(['cas-upload-success']);
    expect(tokens.tokenRequests).to.equal(1);
  });

  it('one statement is chosen at once; a wrong password keeps the mailbox for another try', async () => {
    const el = await make();
    mocks.passwordRefused = false;
    await toList(el, 'wrong-password-then-right');
    mocks.inbox = 'one-statement';
    await el.updateComplete;
    // Two files in this scenario: choose one, then the wrong password.
    (part(el, 'file') as HTMLElement).click();
    await el.updateComplete;
    type(el, 'password-input', 'WRONG');
    mocks.inbox = 'wrong-password-then-right';
    await press(el, 'submit');
    await until(el, 'error');
    expect(part(el, 'password-input')).to.exist;
    // "Show password" beside it (contract §18).
    expect((part(el, 'password-input') as HTMLInputElement).type).to.equal('password');
    (part(el, 'show-password') as HTMLInputElement).click();
    await el.updateComplete;
    expect((part(el, 'password-input') as HTMLInputElement).type).to.equal('text');
    type(el, 'password-input', MOCK_INBOX_PASSWORD);
    await press(el, 'submit');
    await until(el, 'success');
    // The success waits for its revocation's answer: every request has arrived. The mailbox was
    // revoked once, at the end, not when the password was wrong.
    const after = mocks.requests.map((r) => r.path).filter((p) => /\/(parse|disconnect)$/.test(p));
    expect(after).to.deep.equal(['/v4/smart/parse', '/v4/smart/parse', '/v4/inbox/disconnect']);
    expect(parses().map((p) => p.body!.password)).to.deep.equal(['WRONG', MOCK_INBOX_PASSWORD]);
    const el2 = await make();
    await toList(el2, 'one-statement');
    expect(part(el2, 'file-list')).to.equal(null);
    expect(part(el2, 'password-input')).to.exist;
    expect(el2.shadowRoot!.textContent).to.include('CAMS_CAS_NOV2025.pdf');
  });

  it('consent refused: inbox-error, no list, a way to try again', async () => {
    const el = await make();
    const error = oneEvent(el, 'cas-upload-error');
    await toList(el, 'refused', 'error');
    const { detail } = await error;
    expect(detail.code).to.equal('inbox-error');
    expect(detail.apiMessage).to.equal('access_denied');
    expect(calls('cas')).to.have.length(0);
    expect(part(el, 'retry')!.getAttribute('part')).to.equal('connect retry');
  });

  describe('providers', () => {
    const buttons = (el: CasInboxElement) =>
      [...el.shadowRoot!.querySelectorAll('[part~=connect]')].map((b) => [b.getAttribute('part'), b.textContent!.trim()]);

    it('by default one button each for Gmail, Outlook and Zoho Mail; the one pressed is the provider asked for', async () => {
      const el = await make();
      expect(buttons(el)).to.deep.equal([
        ['connect provider-gmail', 'Connect Gmail'],
        ['connect provider-outlook', 'Connect Outlook'],
        ['connect provider-zoho', 'Connect Zoho Mail'],
      ]);
      part(el, 'provider-outlook')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(el, 'choose', 8000);
      expect(calls('connect')[0].body!.provider).to.equal('outlook');
      el.reset();
      await waitFor(() => calls('disconnect').length === 1, 'revoked');
    });

    it('providers="zoho nope gmail zoho": the known ones in that order, once each; one provider: one button that names it', async () => {
      const el = await make('providers="zoho nope gmail zoho"');
      expect(buttons(el).map(([p]) => p)).to.deep.equal(['connect provider-zoho', 'connect provider-gmail']);
      const one = await make('providers="outlook"');
      expect(buttons(one)).to.deep.equal([['connect provider-outlook', 'Connect Outlook']]);
      await connect(one);
      await until(one, 'choose', 8000);
      expect(calls('connect').map((c) => c.body!.provider)).to.deep.equal(['outlook']);
      const none = await make('providers="yahoo"');
      expect(buttons(none), 'none known: all three').to.have.length(3);
      one.reset();
      await waitFor(() => calls('disconnect').length === 1, 'revoked');
    });

    it('Hindi names each provider too', async () => {
      const el = await make('lang="hi" providers="gmail zoho"');
      await waitFor(() => part(el, 'connect')!.textContent!.includes('जोड़ें'), 'Hindi');
      expect(buttons(el).map(([, t]) => t)).to.deep.equal(['Gmail जोड़ें', 'Zoho Mail जोड़ें']);
    });
  });

  describe('a grant the API says is gone (401 requires_reconnect)', () => {
    it('inbox-error at once: no new access token, no second list call, nothing to revoke; retry connects again with a new popup and state', async () => {
      const el = await make();
      await withPopups(true, async (popups) => {
        const error = oneEvent(el, 'cas-upload-error');
        mocks.inbox = 'revoked';
        await connect(el);
        const { detail } = await error;
        expect([detail.code, detail.status]).to.deep.equal(['inbox-error', 401]);
        expect(detail.message).to.equal('The access to your mailbox has ended. Please connect it again.');
        expect(tokens.tokenRequests, 'no new access token').to.equal(1);
        expect(calls('cas'), 'the list is not asked again (each call is billed)').to.have.length(1);
        await aTimeout(100);
        expect(JSON.stringify(calls('disconnect')), 'nothing to revoke').to.equal('[]');
        mocks.inbox = 'success';
        part(el, 'retry')!.focus();
        await sendKeys({ press: 'Enter' });
        await until(el, 'choose', 8000);
        expect(popups, 'a new popup').to.have.length(2);
        const [a, b] = calls('connect').map((c) => c.body!.state);
        expect(a).to.not.equal(b);
        el.reset();
        await waitFor(() => calls('disconnect').length === 1, 'the new grant revoked');
      });
    });

    it('the list and the status calls of the core: the same 401 is inbox-error, sent once', async () => {
      const options = { token: { provider: async () => 'at_core' }, retryDelay: 0 };
      mocks.inbox = 'revoked';
      for (const call of [() => listInboxStatements(MOCK_INBOX_TOKEN, options), () => inboxStatus(MOCK_INBOX_TOKEN, options)]) {
        const err = await call().then(
          () => null,
          (e) => e,
        );
        expect([err?.code, err?.status]).to.deep.equal(['inbox-error', 401]);
      }
      expect([...calls('cas'), ...calls('status')].map((r) => r.path)).to.deep.equal(['/v4/inbox/cas', '/v4/inbox/status']);
      mocks.inbox = 'success';
      expect(await inboxStatus(MOCK_INBOX_TOKEN, options)).to.include({ valid: true, provider: 'gmail' });
      expect(calls('status').at(-1)!.text, 'status: no body').to.equal('');
      await disconnectInbox(MOCK_INBOX_TOKEN, options);
      expect(calls('disconnect')[0].text, 'disconnect: no body').to.equal('');
    });
  });

  it('listInboxStatements asks for the 12 months up to the injected today (exact dates), or from since', async () => {
    const options = { token: { provider: async () => 'at_core' }, retryDelay: 0 };
    await listInboxStatements(MOCK_INBOX_TOKEN, { ...options, today: new Date(2025, 10, 20) });
    await listInboxStatements(MOCK_INBOX_TOKEN, { ...options, today: new Date(2026, 0, 5) });
    await listInboxStatements(MOCK_INBOX_TOKEN, { ...options, today: new Date(2026, 0, 5), since: '2025-12-01' });
    expect(calls('cas').map((c) => c.body)).to.deep.equal([
      { start_date: '2024-11-20', end_date: '2025-11-20' },
      { start_date: '2025-01-05', end_date: '2026-01-05' },
      { start_date: '2025-12-01', end_date: '2026-01-05' },
    ]);
  });

  describe('keep-connected, inboxToken and onInboxToken', () => {
    it('onInboxToken receives the grant once per connect; nothing is revoked; disconnected: false', async () => {
      const el = await make('keep-connected');
      const given: string[] = [];
      el.onInboxToken = (t) => given.push(t);
      await toList(el);
      expect(given).to.deep.equal([MOCK_INBOX_TOKEN]);
      (part(el, 'file') as HTMLElement).click();
      await el.updateComplete;
      type(el, 'password-input', MOCK_INBOX_PASSWORD);
      const success = oneEvent(el, 'cas-upload-success');
      await press(el, 'submit');
      expect((await success).detail.disconnected).to.equal(false);
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await aTimeout(100);
      expect(calls('disconnect'), 'the host holds the grant: never revoked here').to.have.length(0);
      expect(given).to.have.length(1);
    });

    it('inboxToken: lists at once, no popup, no consent; with keep-connected never revoked', async () => {
      const el = await make('keep-connected');
      el.inboxToken = MOCK_INBOX_TOKEN;
      await el.updateComplete;
      expect(part(el, 'connect')!.textContent!.trim()).to.equal('Find my statements');
      const opened = await withPopups(false, async (_, opened) => {
        await connect(el);
        await until(el, 'choose');
        return opened;
      });
      expect(opened).to.have.length(0);
      expect(calls('connect')).to.have.length(0);
      expect(calls('cas').map((c) => c.inboxToken)).to.deep.equal([MOCK_INBOX_TOKEN]);
      el.reset();
      el.remove();
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await aTimeout(100);
      expect(calls('disconnect')).to.have.length(0);
    });

    it('a host inboxToken that is gone is dropped: inbox-error, then connect asks for a new consent', async () => {
      const el = await make('keep-connected');
      el.inboxToken = 'itk_old_revoked';
      await el.updateComplete;
      const error = oneEvent(el, 'cas-upload-error');
      await connect(el);
      expect((await error).detail.status).to.equal(401);
      expect(el.inboxToken).to.equal(undefined);
      expect(tokens.tokenRequests).to.equal(1);
    });

    it('keep-connected without onInboxToken: the grant lives as long as the page, a new search needs no consent, and pagehide revokes it with keepalive', async () => {
      const el = await make('keep-connected');
      await toList(el);
      el.reset();
      await el.updateComplete;
      expect(part(el, 'connect')!.textContent!.trim()).to.equal('Find my statements');
      await connect(el);
      await until(el, 'choose');
      expect(calls('connect'), 'one consent').to.have.length(1);
      expect(calls('cas')).to.have.length(2);
      el.remove();
      await aTimeout(100);
      expect(calls('disconnect'), 'not at removal').to.have.length(0);
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await waitFor(() => calls('disconnect').length === 1, 'revoked on pagehide');
      expect(calls('disconnect')[0]).to.include({ keepalive: true, text: '', inboxToken: MOCK_INBOX_TOKEN });
    });
  });

  it('the page goes (pagehide) while a mailbox is connected: revoked with keepalive, once', async () => {
    const el = await make();
    await toList(el);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    await waitFor(() => calls('disconnect').length === 1, 'revoked on pagehide');
    expect(calls('disconnect')[0]).to.include({ keepalive: true, text: '' });
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    el.reset();
    await aTimeout(100);
    expect(calls('disconnect'), 'once').to.have.length(1);
  });

  it('a revocation refused: the success says disconnected: false', async () => {
    const el = await make();
    await toList(el);
    mocks.inbox = 'revoked';
    (part(el, 'file') as HTMLElement).click();
    await el.updateComplete;
    type(el, 'password-input', MOCK_INBOX_PASSWORD);
    const success = oneEvent(el, 'cas-upload-success');
    await press(el, 'submit');
    expect((await success).detail.disconnected).to.equal(false);
  });

  it('the popup closed before consent: inbox-error; Try again opens it again', async () => {
    mocks.consentUrl = '/demo/mock-consent.html';
    const el = await make();
    const error = oneEvent(el, 'cas-upload-error');
    await withPopups(true, async (popups) => {
      await connect(el);
      await waitFor(() => calls('connect').length === 1 && popups[0], 'popup open');
      await aTimeout(200);
      popups[0]!.close();
      expect((await error).detail.code).to.equal('inbox-error');
      expect(part(el, 'error')!.textContent).to.include('closed');
      mocks.consentUrl = '/demo/mock-consent.html?answer=allow';
      part(el, 'retry')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(el, 'choose', 8000);
    });
  });

  it('two <cas-inbox> on a page open two popups: neither takes over the other\'s', async () => {
    mocks.consentUrl = '/demo/mock-consent.html';
    const [a, b] = [await make(), await make()];
    await withPopups(true, async (popups) => {
      try {
        await connect(a);
        await connect(b);
        await waitFor(() => calls('connect').length === 2, 'both connect requests');
        expect(popups).to.have.length(2);
        expect(popups[0], 'one window each').to.not.equal(popups[1]);
        expect(popups[0]!.closed || popups[1]!.closed).to.equal(false);
        expect([a.state, b.state]).to.deep.equal(['connecting', 'connecting']);
      } finally {
        a.remove();
        b.remove();
        for (const p of popups) p?.close();
      }
    });
  });

  it('the popup blocked: inbox-error with the way to try again', async () => {
    const el = await make();
    await withPopups(false, async () => {
      const error = oneEvent(el, 'cas-upload-error');
      await connect(el);
      expect((await error).detail.code).to.equal('inbox-error');
      expect(part(el, 'error')!.textContent).to.include('pop-ups');
      expect(part(el, 'retry')).to.exist;
      expect(calls('connect')).to.have.length(0);
    });
  });

  it('messages from another origin, or with another state, are ignored', async function () {
    this.timeout(20000);
    mocks.consentUrl = '/demo/mock-consent.html';
    const el = await make();
    await withPopups(true, async (popups) => {
      await connect(el);
      await waitFor(() => calls('connect').length === 1, 'connect called');
      const state = calls('connect')[0].body!.state as string;
      // Another state, from this origin (a real postMessage): ignored.
      window.postMessage({ inbox_token: 'itk_forged', state: 'f'.repeat(32) }, location.origin);
      // The right state from another origin: ignored.
      window.dispatchEvent(new MessageEvent('message', { data: { inbox_token: 'itk_forged', state }, origin: 'https://evil.example' }));
      // The right state and this origin, from a window that is not the element's popup (this
      // page, a frame of this origin): ignored.
      window.postMessage({ inbox_token: 'itk_forged', state }, location.origin);
      const frame = document.createElement('iframe');
      document.body.append(frame);
      (frame.contentWindow as Window & typeof globalThis).eval(`parent.postMessage(${JSON.stringify({ inbox_token: 'itk_forged', state })}, ${JSON.stringify(location.origin)})`);
      // The wrong state on the channel: ignored.
      const channel = new BroadcastChannel(`cas-inbox:${'f'.repeat(32)}`);
      channel.postMessage({ inbox_token: 'itk_forged', state: 'f'.repeat(32) });
      channel.close();
      await aTimeout(100);
      frame.remove();
      expect(el.state).to.equal('connecting');
      expect(calls('cas')).to.have.length(0);
      // The real answer, through the consent page in the popup.
      (await consent(() => popups[0])).getElementById('allow')!.click();
      await until(el, 'choose', 8000);
      expect(calls('cas').map((c) => c.inboxToken)).to.deep.equal([MOCK_INBOX_TOKEN]);
    });
  });

  it('a consent page that sends Cross-Origin-Opener-Policy cuts the popup off: the return page posts on the channel of the state, which is taken once', async function () {
    this.timeout(20000);
    // A consent page served with COOP same-origin (scripts/fault-servers.mjs): the popup loses
    // its link to this page (it reads as closed, and the return page has no opener).
    mocks.consentUrl = `/fault/page/coop-consent?token=${MOCK_INBOX_TOKEN}`;
    const el = await make();
    const events = record(el);
    await withPopups(true, async (popups) => {
      await connect(el);
      await until(el, 'choose', 8000);
      expect(calls('cas').map((c) => c.inboxToken)).to.deep.equal([MOCK_INBOX_TOKEN]);
      await waitFor(() => popups[0]!.closed, 'cut off (as seen from here)');
      // The same message again on the channel: taken once only.
      const state = calls('connect')[0].body!.state as string;
      const channel = new BroadcastChannel(`cas-inbox:${state}`);
      channel.postMessage({ inbox_token: 'itk_again', state });
      channel.close();
      await aTimeout(100);
      expect(calls('cas')).to.have.length(1);
      expect(el.state).to.equal('choose');
    });
    // At most, the window read as closed before the answer came (it cannot be told from a closed one).
    expect(events.filter((e) => e.type === 'cas-upload-error').every((e) => e.detail.code === 'inbox-error')).to.equal(true);
  });

  describe('revokes the access however the flow ends', () => {
    it('no statements (error)', async () => {
      const el = await make();
      const error = oneEvent(el, 'cas-upload-error');
      await toList(el, 'no-statements', 'error');
      expect((await error).detail.code).to.equal('no-statements');
      await waitFor(() => calls('disconnect').length === 1, 'revoked');
    });
    it('cancel', async () => {
      const el = await make();
      await toList(el);
      const cancel = oneEvent(el, 'cas-upload-cancel');
      await press(el, 'cancel');
      expect((await cancel).detail).to.deep.equal({ step: 'choose' });
      await waitFor(() => calls('disconnect').length === 1, 'revoked');
    });
    it('reset', async () => {
      const el = await make();
      await toList(el);
      el.reset();
      await waitFor(() => calls('disconnect').length === 1, 'revoked');
      expect(el.state).to.equal('idle');
    });
    it('the element removed', async () => {
      const el = await make();
      await toList(el);
      el.remove();
      await waitFor(() => calls('disconnect').length === 1, 'revoked');
    });
    it('not with keep-connected', async () => {
      const el = await make('keep-connected');
      await toList(el);
      el.remove();
      await aTimeout(200);
      expect(calls('disconnect')).to.have.length(0);
    });
  });

  it('reset() at the password step: the password typed is gone when a statement is chosen again', async () => {
    const el = await make('keep-connected');
    el.inboxToken = MOCK_INBOX_TOKEN;
    await el.updateComplete;
    for (const round of [1, 2]) {
      await connect(el);
      await until(el, 'choose');
      (part(el, 'file') as HTMLElement).click();
      await el.updateComplete;
      expect((part(el, 'password-input') as HTMLInputElement).value, `round ${round}`).to.equal('');
      type(el, 'password-input', 'TYPED');
      el.reset();
      await el.updateComplete;
      expect([...el.shadowRoot!.querySelectorAll('input')].map((i) => i.value), 'no input keeps it').to.not.include('TYPED');
    }
  });

  it('removed while listing and put back: idle again (no wait that never ends), and it connects again', async () => {
    const el = await make('keep-connected');
    el.inboxToken = MOCK_INBOX_TOKEN;
    await el.updateComplete;
    mocks.stepMs = 2000;
    const events = record(el);
    await connect(el);
    await until(el, 'listing');
    const box = el.parentElement!;
    el.remove();
    await aTimeout(0);
    box.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('idle');
    expect(part(el, 'wait'), 'no wait view left').to.equal(null);
    expect(part(el, 'connect'), 'the way to connect again').to.exist;
    expect(events, 'no event for a removal').to.deep.equal([]);
    mocks.stepMs = 0;
    el.inboxToken = MOCK_INBOX_TOKEN;
    await el.updateComplete;
    await connect(el);
    await until(el, 'choose');
  });

  it('the inbox token and the password nowhere: attributes, events, console, storage, address (also handed to onInboxToken)', async () => {
    await expectSecretsKept([MOCK_INBOX_TOKEN, MOCK_INBOX_PASSWORD], async () => {
      const el = await make();
      await toList(el);
      el.reset();
      return { el, events: record(el) };
    });
    await expectSecretsKept([MOCK_INBOX_TOKEN, MOCK_INBOX_PASSWORD], async () => {
      const el = await make('keep-connected');
      el.onInboxToken = () => {};
      const events = record(el);
      await toList(el);
      (part(el, 'file') as HTMLElement).click();
      await el.updateComplete;
      type(el, 'password-input', MOCK_INBOX_PASSWORD);
      await press(el, 'submit');
      await until(el, 'success');
      return { el, events };
    });
  });

  it('speaks Hindi (loaded on demand)', async () => {
    const el = await make('lang="hi"');
    for (let i = 0; i < 100 && !part(el, 'connect')!.textContent!.includes('Gmail जोड़ें'); i++) await aTimeout(20);
    expect(part(el, 'connect')!.textContent).to.equal('Gmail जोड़ें');
    await toList(el, 'refused', 'error');
    expect(part(el, 'error')!.textContent).to.equal('मेलबॉक्स की अनुमति नहीं दी गई।');
  });

  describe('accessibility (axe) in every state, light and dark; keyboard only', () => {
    for (const scheme of ['light', 'dark']) {
      it(`${scheme}: idle, connecting, choose (list, password), wrong password, parsing, success, error`, async function () {
        this.timeout(30000);
        mocks.consentUrl = '/demo/mock-consent.html';
        const el = await make(`style="color-scheme:${scheme}"`);
        await expect(el).to.be.accessible();
        await withPopups(true, async (popups) => {
          await connect(el);
          await until(el, 'connecting');
          await expect(el).to.be.accessible();
          (await consent(() => popups[0])).getElementById('allow')!.click();
        });
        await until(el, 'choose', 8000);
        await expect(el).to.be.accessible();
        // Keyboard: focus is on the first statement; Enter chooses it, the password takes focus.
        expect(el.shadowRoot!.activeElement).to.equal(part(el, 'file'));
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        await aTimeout(0);
        expect(el.shadowRoot!.activeElement).to.equal(part(el, 'password-input'));
        await expect(el).to.be.accessible();
        await sendKeys({ type: 'WRONG' });
        await sendKeys({ press: 'Enter' });
        await until(el, 'error');
        await expect(el).to.be.accessible();
        expect(el.shadowRoot!.activeElement).to.equal(part(el, 'password-input'));
        mocks.stepMs = 300;
        await sendKeys({ type: MOCK_INBOX_PASSWORD });
        await sendKeys({ press: 'Enter' });
        await until(el, 'parsing');
        await expect(el).to.be.accessible();
        await until(el, 'success');
        await expect(el).to.be.accessible();
        mocks.stepMs = 0;
        mocks.consentUrl = '/demo/mock-consent.html?answer=allow';
        el.reset();
        await el.updateComplete;
        await toList(el, 'no-statements', 'error');
        await expect(el).to.be.accessible();
      });
    }
  });
});

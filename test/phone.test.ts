// On a phone (contract §18): every element, walked through its states through the UI, at 320 and
// 360 CSS px wide, in English and Hindi, light and dark: the page never scrolls sideways, the
// element is no wider than its container and nothing of it reaches past its own border, nothing
// inside it scrolls sideways (but a holdings table the visitor asked to see whole), and every
// visible control is at least 24 × 24 px (WCAG 2.2 target size, checkboxes included). msw's
// service worker answers the API; the mailbox's consent runs in a real popup.
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { setupWorker } from 'msw/browser';
import { createHandlers, createMockState, resetMockState, setScenario, TOKEN_URL } from './mocks/handlers.js';
import { createCdslHandlers, createCdslState, MOCK_OTP, MOCK_STATEMENT_PASSWORD } from './mocks/cdsl.js';
import { createConnectHandlers, createConnectState, MOCK_INBOX_PASSWORD } from './mocks/connect.js';
import '../src/entries/index.js';
import '../src/entries/connect.js';
import '../src/entries/portfolio.js';
import type { CasUploadElement } from '../src/entries/index.js';
import type { CasConnectElement } from '../src/entries/connect.js';
import SAMPLE from './mocks/smart-parse-response.json';
import { part, pdf, serveMocks } from './helpers.js';
import { type, until, waitFor } from './flow-helpers.js';

const tokens = createMockState();
const cdsl = createCdslState();
const mocks = createConnectState();
const worker = setupWorker(...createConnectHandlers(mocks), ...createCdslHandlers(cdsl), ...createHandlers(tokens));

type El = HTMLElement & { updateComplete: Promise<unknown> };
type Flow = El & { state: string; cancel(): void };
const WIDTHS = [320, 360];
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** Every element in `root`'s shadow tree, nested shadow roots included. */
function deep(root: Element): HTMLElement[] {
  const inner = [...(root.shadowRoot?.querySelectorAll<HTMLElement>('*') ?? [])];
  return inner.flatMap((n) => [n, ...deep(n)]);
}
const shown = (n: Element) => n.getClientRects().length > 0 && n.checkVisibility({ visibilityProperty: true });
const name = (n: Element) => n.getAttribute('part') ?? `${n.localName}${n.id ? `#${n.id}` : ''}${n.className ? `.${n.className}` : ''}`;

/** The controls a visitor can press or type into. */
const CONTROLS = 'button, input:not([type=hidden]), select, textarea, summary, a[href]';

/**
 * What does not fit at the current width: the page scrolls sideways, the element is wider than
 * its container, a part reaches past its border, something inside scrolls sideways (other than
 * `allowed`), or a visible control is smaller than 24 × 24 px.
 */
function misfits(el: Element, allowed?: (n: Element) => boolean): string[] {
  const out: string[] = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth) out.push(`the page scrolls sideways (${page.scrollWidth} > ${page.clientWidth})`);
  const box = el.getBoundingClientRect();
  const room = el.parentElement!.getBoundingClientRect();
  if (box.right > room.right + 0.5 || box.left < room.left - 0.5) out.push(`${el.localName} is wider than its container (${box.width} > ${room.width})`);
  const nodes = [el, ...deep(el)].filter(shown);
  const clips = (n: Element) => n !== el && getComputedStyle(n).overflowX !== 'visible';
  const past: Element[] = [];
  for (const n of nodes) {
    // What a box clips (one that scrolls is reported as such) is no overflow; nor are the
    // insides of a part that was reported already.
    if (nodes.some((s) => s !== n && s.contains(n) && (clips(s) || past.includes(s)))) continue;
    const r = n.getBoundingClientRect();
    if (n !== el && (r.right > box.right + 0.5 || r.left < box.left - 0.5)) {
      past.push(n);
      out.push(`${name(n)} reaches past the border`);
    }
    const x = getComputedStyle(n).overflowX;
    if ((x === 'auto' || x === 'scroll') && n.scrollWidth > n.clientWidth + 1 && !allowed?.(n)) out.push(`${name(n)} scrolls sideways`);
  }
  for (const c of nodes.filter((n) => n.matches(CONTROLS))) {
    const r = c.getBoundingClientRect();
    if (r.width < 24 || r.height < 24) out.push(`${name(c)} is ${Math.round(r.width)} × ${Math.round(r.height)} px`);
  }
  return out;
}

/** The language `el` shows (every `lang` in its shadow trees agrees). */
const speaks = (el: Element) => [...new Set(deep(el).filter((n) => n.hasAttribute('lang')).map((n) => n.lang))];

/**
 * Checks `el` in its current state at each width, in English and Hindi, light and dark; `what`
 * names the state in the failures.
 */
async function fits(el: El, what: string, allowed?: (n: Element) => boolean): Promise<void> {
  const box = el.parentElement!;
  const found = new Map<string, string[]>();
  for (const width of WIDTHS) {
    await setViewport({ width, height: 740 });
    for (const lang of ['en', 'hi']) {
      box.lang = lang;
      await waitFor(() => speaks(el).every((l) => l === lang) && speaks(el).length, `${what} shown in ${lang}`);
      await el.updateComplete;
      for (const scheme of ['light', 'dark'] as const) {
        await emulateMedia({ colorScheme: scheme });
        await frame();
        for (const m of new Set(misfits(el, allowed))) found.set(m, [...(found.get(m) ?? []), `${width} ${lang} ${scheme}`]);
      }
    }
  }
  box.lang = 'en';
  await waitFor(() => speaks(el).every((l) => l === 'en'), `${what} back in English`);
  expect([...found].map(([m, where]) => `${what}: ${m} (${where.length < 8 ? where.join(', ') : 'everywhere'})`)).to.deep.equal([]);
}

/** `tag` with `attrs`, in a container of the page's width. */
async function make<E extends El>(tag: string, attrs = ''): Promise<E> {
  const box = document.createElement('div');
  box.lang = 'en';
  box.innerHTML = `<${tag} token-url="${TOKEN_URL}" retry-delay="0" retries="0" ${attrs}></${tag}>`;
  const wrap = await fixture<HTMLDivElement>(box);
  const el = wrap.firstElementChild as E;
  await el.updateComplete;
  return el;
}

async function press(el: El, p: string) {
  const button = part(el, p);
  expect(button, p).to.exist;
  button!.click();
  await el.updateComplete;
}

describe('on a phone: 320 and 360 px, English and Hindi, light and dark', function () {
  this.timeout(60000);
  serveMocks(worker, () => {
    resetMockState(tokens);
    Object.assign(cdsl, createCdslState());
    Object.assign(mocks, createConnectState({ consentUrl: '/demo/mock-consent.html?answer=allow' }));
  });
  before(() => document.documentElement.style.setProperty('color-scheme', 'light dark'));
  after(async () => {
    document.documentElement.style.removeProperty('color-scheme');
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 });
  });

  it('<cas-upload> in every state', async () => {
    const el = await make<CasUploadElement>('cas-upload');
    await fits(el, 'idle');
    await press(el, 'submit');
    expect(el.state, 'no file: the element asks for one').to.equal('idle');
    await fits(el, 'Upload pressed with no file');
    const input = part(el, 'file-input') as HTMLInputElement;
    const dt = new DataTransfer();
    dt.items.add(pdf('CAS_01012024-31122024_CP123456789_ABCDE1234F_statement.pdf'));
    input.files = dt.files;
    const selected = oneEvent(el, 'cas-upload-select');
    input.dispatchEvent(new Event('change'));
    await selected;
    await until(el, 'ready');
    await fits(el, 'ready');
    press(el, 'submit');
    await el.updateComplete;
    await fits(el, 'ready, no password');
    setScenario(tokens, 'wrong-password');
    type(el, 'password-input', 'WRONG');
    await press(el, 'submit');
    await until(el, 'error');
    await fits(el, 'invalid-password');
    setScenario(tokens, 'server-error');
    type(el, 'password-input', 'ABCDE1234F');
    await press(el, 'submit');
    await until(el, 'error');
    await fits(el, 'server-error');
    setScenario(tokens, 'slow');
    tokens.slowMs = 60000;
    press(el, 'retry');
    await until(el, 'uploading');
    await fits(el, 'uploading');
    el.cancel();
    await el.updateComplete;
    setScenario(tokens, 'success');
    type(el, 'password-input', 'ABCDE1234F');
    await press(el, 'submit');
    await until(el, 'success');
    await waitFor(() => part(el, 'summary-list'), 'the summary');
    await fits(el, 'success');
  });

  it('<cas-cdsl-fetch> in every state', async () => {
    const el = await make<Flow>('cas-cdsl-fetch');
    await fits(el, 'idle');
    type(el, 'pan-input', 'ABCDE123');
    await press(el, 'submit');
    await until(el, 'error');
    await fits(el, 'invalid-details');
    type(el, 'pan-input', 'abcde1234f');
    type(el, 'bo-id-input', '1208 1600 0000 0001');
    type(el, 'dob-input', '1990-01-15');
    cdsl.fetchMs = 60000;
    await press(el, 'submit');
    await until(el, 'requesting');
    await fits(el, 'requesting');
    el.cancel();
    await el.updateComplete;
    cdsl.fetchMs = 0;
    cdsl.scenario = 'pan-not-password';
    await press(el, 'submit');
    await until(el, 'otp');
    await fits(el, 'otp');
    type(el, 'otp-input', '000000');
    cdsl.scenario = 'wrong-otp-then-right';
    cdsl.otpRefused = false;
    await press(el, 'submit');
    await until(el, 'error');
    await fits(el, 'invalid-otp');
    cdsl.scenario = 'pan-not-password';
    cdsl.stepMs = 60000;
    type(el, 'otp-input', MOCK_OTP);
    await press(el, 'submit');
    await until(el, 'verifying');
    await fits(el, 'verifying');
    el.cancel();
    await el.updateComplete;
    cdsl.stepMs = 0;
    await press(el, 'submit');
    await until(el, 'otp');
    type(el, 'otp-input', MOCK_OTP);
    await press(el, 'submit');
    await until(el, 'error');
    await fits(el, 'the statement password');
    type(el, 'password-input', MOCK_STATEMENT_PASSWORD);
    await press(el, 'submit');
    await until(el, 'success');
    await fits(el, 'success');
  });

  it('<cas-mailback> in every state', async () => {
    const el = await make<Flow>('cas-mailback');
    await fits(el, 'idle');
    const range = part(el, 'range') as HTMLSelectElement;
    range.value = 'custom';
    range.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await fits(el, 'other dates');
    type(el, 'email-input', 'investor@example');
    type(el, 'password-input', 'short');
    await press(el, 'submit');
    await until(el, 'error');
    await fits(el, 'invalid-details');
    type(el, 'email-input', 'investor@example.com');
    type(el, 'password-input', 'Remember2025');
    type(el, 'confirm-input', 'Remember2025');
    mocks.mailback = 'rate-limited';
    await press(el, 'submit');
    await until(el, 'error');
    await fits(el, 'rate-limited');
    mocks.mailback = 'success';
    mocks.stepMs = 60000;
    type(el, 'password-input', 'Remember2025');
    type(el, 'confirm-input', 'Remember2025');
    await press(el, 'retry');
    await until(el, 'sending');
    await fits(el, 'sending');
    el.cancel();
    await el.updateComplete;
    mocks.stepMs = 0;
    const show = el.shadowRoot!.querySelector<HTMLInputElement>('[part~=show-password]')!;
    show.click();
    await el.updateComplete;
    type(el, 'password-input', 'Remember2025');
    await fits(el, 'password shown');
    await press(el, 'submit');
    await until(el, 'sent');
    await fits(el, 'sent');
  });

  it('<cas-inbox> in every state, its consent in a real popup', async () => {
    const el = await make<Flow>('cas-inbox', 'redirect-url="/demo/inbox-callback.html"');
    await fits(el, 'idle');
    const connect = async () => {
      el.shadowRoot!.querySelector<HTMLElement>('[part~=connect], [part*=provider-]')!.focus();
      await sendKeys({ press: 'Enter' });
    };
    mocks.inbox = 'refused';
    await connect();
    await until(el, 'error', 8000);
    await fits(el, 'consent refused');
    mocks.inbox = 'success';
    await connect();
    await until(el, 'choose', 8000);
    await fits(el, 'the list');
    (part(el, 'file') as HTMLElement).click();
    await el.updateComplete;
    await fits(el, 'the password');
    type(el, 'password-input', 'WRONG');
    await press(el, 'submit');
    await until(el, 'error');
    await fits(el, 'a wrong password');
    mocks.stepMs = 60000;
    type(el, 'password-input', MOCK_INBOX_PASSWORD);
    await press(el, 'submit');
    await until(el, 'parsing');
    await fits(el, 'parsing');
    el.cancel();
    await el.updateComplete;
    mocks.stepMs = 0;
    await connect();
    await until(el, 'choose', 8000);
    (part(el, 'file') as HTMLElement).click();
    await el.updateComplete;
    type(el, 'password-input', MOCK_INBOX_PASSWORD);
    await press(el, 'submit');
    await until(el, 'success');
    await fits(el, 'success');
  });

  it('<cas-connect>: the choice, and the back button above a flow', async () => {
    const el = await make<CasConnectElement>('cas-connect', 'methods="upload cdsl inbox mailback" redirect-url="/demo/inbox-callback.html"');
    await waitFor(() => part(el, 'method-upload'), 'the choice');
    await fits(el, 'the choice');
    await el.open('mailback');
    await waitFor(() => el.flow?.shadowRoot?.querySelector('[part~=submit]'), 'the mailback flow');
    await fits(el, 'mailback in connect');
  });

  it('<cas-portfolio>: the holdings as name and value, and a table asked to show whole', async () => {
    const box = await fixture<HTMLDivElement>(`<div lang="en"><cas-portfolio></cas-portfolio></div>`);
    const el = box.firstElementChild as El & { result: unknown };
    el.result = SAMPLE;
    await el.updateComplete;
    const tables = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=holdings] .x, [part=insurance] .x')];
    // Each table's box is laid out once on screen (content-visibility: auto).
    for (const x of tables()) (x.scrollIntoView(), await frame());
    await fits(el, 'narrow');
    const whole = el.shadowRoot!.querySelector<HTMLElement>('[part~=columns]');
    expect(whole, 'a way to see the whole table').to.exist;
    whole!.click();
    await el.updateComplete;
    for (const x of tables()) (x.scrollIntoView(), await frame());
    await fits(el, 'a table shown whole', (n) => n.matches('[part=holdings] .x:not(.t), [part=insurance] .x:not(.t)'));
  });
});

/** The accessible name of `el` as its text, without what is `aria-hidden` (enough for a button of text). */
function nameOf(el: Element): string {
  const walk = (n: Node): string =>
    n.nodeType === Node.TEXT_NODE
      ? n.textContent!
      : (n as Element).getAttribute?.('aria-hidden') === 'true'
        ? ''
        : [...n.childNodes].map(walk).join('');
  return el.getAttribute('aria-label') ?? walk(el).replace(/\s+/g, ' ').trim();
}

describe('headings and names', () => {
  serveMocks(worker, () => resetMockState(tokens));

  it("each flow's title is an h2 (part heading), its slot inside", async () => {
    for (const tag of ['cas-upload', 'cas-cdsl-fetch', 'cas-mailback', 'cas-inbox']) {
      const el = await make(tag);
      const heading = part(el, 'heading')!;
      expect(heading.localName, tag).to.equal('h2');
      expect(heading.querySelector('slot[name=heading]'), tag).to.exist;
      expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('aria-labelledby')).to.equal(heading.id);
    }
  });

  it('the back button of <cas-connect> is named "Other ways", its arrow hidden from assistive technology', async () => {
    const el = await make<CasConnectElement>('cas-connect');
    await el.open('cdsl');
    await waitFor(() => part(el, 'back'), 'the back button');
    const back = part(el, 'back')!;
    expect(back.textContent).to.include('←');
    expect(nameOf(back)).to.equal('Other ways');
  });
});

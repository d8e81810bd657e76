// A statement with `null` in every field (the live API sends nulls where the specification says
// numbers and strings), and one with every field absent: every view of a result shows it with no
// error and never the words "null", "NaN" or "undefined": <cas-upload>'s summary, the summary of
// each flow that parses (<cas-cdsl-fetch>, <cas-inbox>; <cas-forward> draws the same one), and
// <cas-portfolio> (its CSV too). msw answers the parse; the mocks follow the specification.
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { http } from 'msw';
import { createHandlers, createMockState, resetMockState, TOKEN_URL, API_BASE, apiJson } from './mocks/handlers.js';
import { createCdslHandlers, createCdslState, MOCK_OTP } from './mocks/cdsl.js';
import { createConnectHandlers, createConnectState, MOCK_INBOX_TOKEN, MOCK_INBOX_PASSWORD } from './mocks/connect.js';
import '../src/entries/index.js';
import '../src/entries/cdsl-fetch.js';
import '../src/entries/inbox.js';
import '../src/entries/portfolio.js';
import type { CasUploadElement } from '../src/entries/index.js';
import type { CasPortfolioElement } from '../src/entries/portfolio.js';
import { part, pdf, serveMocks } from './helpers.js';
import { type, press, until } from './flow-helpers.js';

const leaf = null;
const holding = { isin: leaf, name: leaf, units: leaf, value: leaf, transactions: [{ date: leaf, description: leaf, type: leaf, amount: leaf, units: leaf, nav: leaf, balance: leaf }], additional_info: { open_units: leaf, close_units: leaf } };
/** Every field of the schema, each `null` (the objects and lists there, their leaves null). */
export const NULL_LEAVES = {
  meta: { cas_type: leaf, statement_period: { from: leaf, to: leaf }, generated_at: leaf },
  investor: { name: leaf, pan: leaf, email: leaf, address: leaf, pincode: leaf, mobile: leaf, cas_id: leaf },
  summary: { total_value: leaf, accounts: { demat: { count: leaf, total_value: leaf }, mutual_funds: { count: leaf, total_value: leaf }, insurance: { count: leaf, total_value: leaf }, nps: { count: leaf, total_value: leaf } } },
  demat_accounts: [
    {
      demat_type: leaf, dp_id: leaf, dp_name: leaf, client_id: leaf, bo_id: leaf, value: leaf, linked_holders: [{ name: leaf, pan: leaf }],
      holdings: { equities: [holding], corporate_bonds: [holding], government_securities: [holding], aifs: [holding], demat_mutual_funds: [holding] },
      additional_info: leaf,
    },
  ],
  mutual_funds: [
    {
      folio_number: leaf, amc: leaf, registrar: leaf, value: leaf, linked_holders: leaf, additional_info: leaf,
      schemes: [{ isin: leaf, name: leaf, type: leaf, units: leaf, nav: leaf, value: leaf, cost: leaf, gain: { absolute: leaf, percentage: leaf }, transactions: leaf, nominees: leaf, additional_info: leaf }],
    },
  ],
  insurance: { life_insurance_policies: [{ policy_number: leaf, provider: leaf, policy_name: leaf, life_assured: leaf, status: leaf, premium_frequency: leaf, sum_assured: leaf, premium_amount: leaf, additional_info: leaf }] },
  nps: [{ pran: leaf, cra: leaf, value: leaf, funds: [{ name: leaf, units: leaf, nav: leaf, value: leaf, cost: leaf, additional_info: leaf }], linked_holders: leaf, additional_info: leaf }],
};
/** Every top-level field `null`. */
const NULL_TOP = { meta: null, investor: null, summary: null, demat_accounts: null, mutual_funds: null, insurance: null, nps: null };
/** `null` where a list holds its items, and where an account holds its lists. */
const NULL_ITEMS = {
  ...NULL_TOP,
  demat_accounts: [null, { holdings: null }, { holdings: { equities: [null], aifs: null } }],
  mutual_funds: [null, { schemes: null }, { schemes: [null] }],
  insurance: { life_insurance_policies: [null] },
  nps: [null, { funds: [null] }],
};
const RESULTS: [string, object][] = [
  ['null in every field', NULL_LEAVES],
  ['null items in every list', NULL_ITEMS],
  ['every top-level field null', NULL_TOP],
  ['every field absent', {}],
];

/** The text shown in `el` and every shadow root below it. */
function shown(el: Element): string {
  const texts: string[] = [];
  const walk = (root: Element | ShadowRoot) => {
    for (const node of root.querySelectorAll('*')) {
      for (const attr of ['title', 'aria-label', 'width', 'height', 'd', 'points', 'value', 'x', 'y']) {
        const v = node.getAttribute(attr);
        if (v) texts.push(v);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    texts.push(root.textContent ?? '');
  };
  walk(el.shadowRoot ?? el);
  return texts.join(' ');
}
const expectClean = (el: Element, what: string) => {
  const text = shown(el);
  expect(text.trim(), `${what}: something is shown`).to.not.equal('');
  for (const bad of ['null', 'NaN', 'undefined', 'Infinity']) expect(text, `${what}: "${bad}"`).to.not.include(bad);
};

const tokens = createMockState();
const cdsl = createCdslState();
const flows = createConnectState();
const worker = setupWorker(...createConnectHandlers(flows), ...createCdslHandlers(cdsl), ...createHandlers(tokens));
const parseWith = (result: object) => worker.use(http.post(`${API_BASE}/v4/:parser/parse`, () => apiJson(result)));

describe('a result of nulls, or of nothing, in every view', () => {
  const errors: string[] = [];
  const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push(String('message' in e ? e.message : e.reason));
  before(() => {
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
  });
  after(() => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onError);
  });
  serveMocks(worker, () => {
    resetMockState(tokens);
    Object.assign(cdsl, createCdslState());
    Object.assign(flows, createConnectState());
    errors.length = 0;
  });
  afterEach(() => expect(errors, 'nothing uncaught').to.deep.equal([]));

  for (const [what, result] of RESULTS) {
    it(`<cas-upload>'s summary: ${what}`, async () => {
      parseWith(result);
      const el = await fixture<CasUploadElement>(`<cas-upload token-url="${TOKEN_URL}" retries="0"></cas-upload>`);
      expect(await el.upload(pdf(), 'ABCDE1234F')).to.deep.equal(result);
      await until(el, 'success');
      for (let i = 0; i < 100 && !part(el, 'summary-list'); i++) await new Promise((r) => setTimeout(r, 10));
      await el.updateComplete;
      expect(part(el, 'summary'), 'the summary').to.exist;
      expectClean(el, what);
    });

    it(`<cas-cdsl-fetch>'s summary: ${what}`, async () => {
      parseWith(result);
      const el = await fixture<HTMLElement & { state: string; updateComplete: Promise<unknown> }>(`<cas-cdsl-fetch token-url="${TOKEN_URL}" retry-delay="0"></cas-cdsl-fetch>`);
      type(el, 'pan-input', 'ABCDE1234F');
      type(el, 'bo-id-input', '1208160000000001');
      type(el, 'dob-input', '1990-01-15');
      await press(el, 'submit');
      await until(el, 'otp');
      type(el, 'otp-input', MOCK_OTP);
      const success = oneEvent(el, 'cas-upload-success');
      await press(el, 'submit');
      expect((await success).detail.result).to.deep.equal(result);
      await until(el, 'success');
      expect(part(el, 'summary')).to.exist;
      expectClean(el, what);
    });

    it(`<cas-inbox>'s summary: ${what}`, async () => {
      parseWith(result);
      const el = await fixture<HTMLElement & { state: string; updateComplete: Promise<unknown>; inboxToken?: string }>(
        `<cas-inbox token-url="${TOKEN_URL}" redirect-url="/demo/inbox-callback.html" keep-connected retry-delay="0"></cas-inbox>`,
      );
      el.inboxToken = MOCK_INBOX_TOKEN; // a grant the host kept: no popup
      await el.updateComplete;
      await press(el, 'connect');
      await until(el, 'choose');
      (part(el, 'file') as HTMLElement).click();
      await el.updateComplete;
      type(el, 'password-input', MOCK_INBOX_PASSWORD);
      await press(el, 'submit');
      await until(el, 'success');
      expect(part(el, 'summary')).to.exist;
      expectClean(el, what);
    });

    it(`<cas-portfolio> and its CSV: ${what}`, async () => {
      const el = await fixture<CasPortfolioElement>('<cas-portfolio></cas-portfolio>');
      el.result = result as CasPortfolioElement['result'];
      await el.updateComplete;
      expectClean(el, what);
      const csv = el.toCSV();
      for (const bad of ['null', 'NaN', 'undefined']) expect(csv, `CSV: ${bad}`).to.not.include(bad);
    });
  }
});

// (6) <cas-portfolio>: first render of a statement of 2,000 schemes and 20,000 transactions,
// and re-sorting it, against the same rows as a plain <table> built with DOM calls.
import { median, medianInterval, ratioInterval } from './measure.mjs';

/**
 * The page of one measurement: `/cas-portfolio.js` and a script that makes the statement
 * (`shape`: one folio of 2,000 schemes, or 50 folios of 40), each scheme with 10
 * transactions, and exposes `bench.element()`, `bench.plain()` and `bench.sort()`.
 */
export const portfolioPage = () => `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title>
<body style="margin:0;width:1000px"><main id="out"></main>
<script type="module" src="/cas-portfolio.js"></script>
<script type="module">
const statement = (folios) => {
  const per = 2000 / folios;
  const transactions = Array.from({ length: 10 }, (_, i) => ({ date: '2026-01-0' + (i % 9 + 1), description: 'SIP Purchase', type: 'PURCHASE_SIP', amount: 5000, units: 12.345, nav: 405.02, balance: 100 + i }));
  return {
    meta: { cas_type: 'CAMS_KFINTECH', statement_period: { from: '2025-04-01', to: '2026-03-31' } },
    investor: { name: 'BENCH INVESTOR' },
    summary: { total_value: 0 },
    mutual_funds: Array.from({ length: folios }, (_, f) => ({
      folio_number: 'F' + f, amc: 'AMC ' + f + ' Mutual Fund', registrar: 'CAMS',
      schemes: Array.from({ length: per }, (_, s) => {
        const i = f * per + s, units = 1000 + ((i * 7919) % 10000) / 7, nav = 10 + ((i * 104729) % 9000) / 13, cost = units * nav * 0.9;
        return { isin: 'INF' + String(i).padStart(9, '0'), name: 'Scheme ' + i + ' Fund - Direct Plan - Growth', type: ['Equity', 'Debt', 'Hybrid', 'Other'][i % 4],
          units, nav, value: units * nav, cost, gain: { absolute: units * nav - cost, percentage: 11.11 }, transactions: structuredClone(transactions) };
      }),
    })),
  };
};
const out = document.getElementById('out');

// The plain table: the same columns, and the same Intl formatting, as <cas-portfolio>.
const nf = (o) => new Intl.NumberFormat('en-IN', o);
const money = nf({ style: 'currency', currency: 'INR' });
const fmt = { units: nf({ maximumFractionDigits: 4 }), price: nf({ style: 'currency', currency: 'INR', maximumFractionDigits: 4 }), value: money, cost: money,
  gain: nf({ style: 'currency', currency: 'INR', signDisplay: 'exceptZero' }), pct: nf({ style: 'percent', maximumFractionDigits: 2, signDisplay: 'exceptZero' }) };
function plainTable(result) {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const h of ['Name', 'ISIN', 'Type', 'Units', 'NAV/price', 'Value', 'Cost', 'Gain', 'Gain %']) head.appendChild(document.createElement('th')).textContent = h;
  const body = table.createTBody();
  for (const folio of result.mutual_funds) for (const s of folio.schemes) {
    const tr = body.insertRow();
    for (const text of [s.name, s.isin, s.type, fmt.units.format(s.units), fmt.price.format(s.nav), money.format(s.value), money.format(s.cost), fmt.gain.format(s.gain.absolute), fmt.pct.format(s.gain.percentage / 100)])
      tr.insertCell().textContent = text;
  }
  return table;
}

/** Clicks every "Show all" button of the element and waits for its update. */
async function showAll(el) {
  for (const b of el.shadowRoot.querySelectorAll('button.more')) b.click();
  await el.updateComplete;
}
/** Until two frames were rendered after the work (the first one lays out what is on screen). */
const frames = async () => {
  for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
};

let result;
window.bench = {
  /** Makes the statement, and for the element an empty connected one; not measured. */
  async prepare(fn, folios) {
    result = statement(folios);
    if (fn === 'element') {
      await customElements.whenDefined('cas-portfolio');
      const el = document.createElement('cas-portfolio');
      out.append(el);
      await el.updateComplete;
    }
    await frames();
  },
  /** First render: as shown (a table of more than 100 rows shows 100), or \`all\` rows at once. */
  async element(all, complete) {
    const el = out.querySelector('cas-portfolio');
    const rows = () => el.shadowRoot.querySelectorAll('[part=holdings] tbody tr').length;
    el.result = result;
    await el.updateComplete;
    if (all) await showAll(el);
    await frames();
    // Until the tables filled in idle time are all there too.
    if (complete) while (rows() < complete) await frames();
    return rows();
  },
  async plain() {
    out.append(plainTable(result));
    await frames();
    return out.querySelectorAll('tbody tr').length;
  },
  showAll: async () => (await showAll(out.querySelector('cas-portfolio')), frames()),
  /** Re-sorts the largest holdings table by its Value column (ascending, then the other way). */
  async sort() {
    const el = out.querySelector('cas-portfolio');
    const button = [...el.shadowRoot.querySelectorAll('[part=holdings] th button')].find((b) => b.textContent.startsWith('Value'));
    button.click();
    await el.updateComplete;
    await frames();
    return button.parentElement.getAttribute('aria-sort');
  },
};
document.documentElement.dataset.ready = '1';
</script>`;

async function fresh(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  /** Main-thread busy time (ms) while `fn` runs in the page, and what it returned. */
  const timed = async (fn, arg) => {
    const before = await busy();
    const value = await page.evaluate(fn, arg);
    return { ms: (await busy()) - before, value };
  };
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.origin}/portfolio.html`);
  await page.waitForFunction(() => document.documentElement.dataset.ready);
  const check = () => {
    if (errors.length) throw new Error(`page error in the portfolio bench: ${errors[0]}`);
  };
  return { context, page, check, timed };
}

/** The first renders measured: what, how, and how many table rows it must show. */
const CASES = [
  { id: 'element-50', fn: 'element', folios: 50, rows: [300, 2000] },
  { id: 'element-50-complete', fn: 'element', folios: 50, complete: 2000, rows: [2000, 2000] },
  { id: 'plain-50', fn: 'plain', folios: 50, rows: [2000, 2000] },
  { id: 'element-1', fn: 'element', folios: 1, rows: [100, 100] },
  { id: 'element-1-all', fn: 'element', folios: 1, all: true, rows: [2000, 2000] },
  { id: 'plain-1', fn: 'plain', folios: 1, rows: [2000, 2000] },
];

/**
 * Each first render in a new page (nothing warmed up), the cases in turn (their order rotating
 * run by run), `runs` of each; then `sorts` re-sorts of the 2,000-scheme folio in a page of its
 * own, as shown (100 rows) and with all its rows shown. Times are main-thread busy time from
 * the DevTools Performance domain (`TaskDuration`, thread ticks), so waiting for frames is not
 * counted and the work of those frames is.
 */
export async function measurePortfolio(browser, server, { runs = 10, sorts = 10 } = {}) {
  const times = Object.fromEntries(CASES.map((c) => [c.id, []]));
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < CASES.length; k++) {
      const c = CASES[(i + k) % CASES.length];
      const { context, page, check, timed } = await fresh(browser, server);
      try {
        await page.evaluate(([fn, folios]) => window.bench.prepare(fn, folios), [c.fn, c.folios]);
        const r = await timed(([fn, all, complete]) => window.bench[fn](all, complete), [c.fn, !!c.all, c.complete ?? 0]);
        check();
        if (r.value < c.rows[0] || r.value > c.rows[1]) throw new Error(`${c.id} shows ${r.value} rows, not ${c.rows.join('–')}`);
        times[c.id].push(r.ms);
      } finally {
        await context.close();
      }
    }
  }
  const stat = (id) => ({ ms: median(times[id]), interval: medianInterval(times[id]), all: times[id] });
  const ratio = (a, b) => ({ ratio: median(times[a]) / median(times[b]), interval: ratioInterval(times[a], times[b]) });
  const sort = {};
  for (const all of [false, true]) {
    const { context, page, check, timed } = await fresh(browser, server);
    const ms = [];
    try {
      await page.evaluate(async (a) => (await window.bench.prepare('element', 1), window.bench.element(a)), all);
      // One re-sort first, not counted (the first click also sorts from the statement's order).
      await page.evaluate(() => window.bench.sort());
      for (let i = 0; i < sorts; i++) ms.push((await timed(() => window.bench.sort())).ms);
      check();
    } finally {
      await context.close();
    }
    sort[all ? 'all' : 'first'] = { ms: median(ms), max: Math.max(...ms), n: sorts };
  }
  return {
    runs,
    render: Object.fromEntries(CASES.map((c) => [c.id, stat(c.id)])),
    ratio50: ratio('element-50', 'plain-50'),
    ratio1: ratio('element-1-all', 'plain-1'),
    sort,
  };
}

// (6) <cas-portfolio>: first render of a statement of 2,000 schemes and 20,000 transactions,
// and re-sorting it, against the same rows as a plain <table> built with DOM calls.
import { median, medianInterval, ratioInterval, spread } from './measure.mjs';

/**
 * The page of one measurement: `/cdn/cas-portfolio.js` (which loads its own copy of the element
 * from `/cdn/chunks/`) and a script that makes the statement
 * (`shape`: one folio of 2,000 schemes, or 50 folios of 40), each scheme with 10
 * transactions, and exposes `bench.element()`, `bench.plain()` and `bench.sort()`.
 */
export const portfolioPage = () => `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title>
<body style="margin:0;width:1000px"><main id="out"></main>
<script type="module" src="/cdn/cas-portfolio.js"></script>
<script type="module">
const statement = (folios, schemes = 2000) => {
  const per = schemes / folios;
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
/** The plain table; with \`keep\`, it also keeps each row with its value, for \`plainSort()\`. */
function plainTable(result, keep) {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const h of ['Name', 'ISIN', 'Type', 'Units', 'NAV/price', 'Value', 'Cost', 'Gain', 'Gain %']) head.appendChild(document.createElement('th')).textContent = h;
  const body = table.createTBody();
  for (const folio of result.mutual_funds) for (const s of folio.schemes) {
    const tr = body.insertRow();
    for (const text of [s.name, s.isin, s.type, fmt.units.format(s.units), fmt.price.format(s.nav), money.format(s.value), money.format(s.cost), fmt.gain.format(s.gain.absolute), fmt.pct.format(s.gain.percentage / 100)])
      tr.insertCell().textContent = text;
    if (keep) keep.push([s.value, tr]);
  }
  return table;
}
/** The rows of the table shown (the element's largest holdings table, or the plain one). */
const bodyRows = () => {
  const el = out.querySelector('cas-portfolio');
  return el ? el.shadowRoot.querySelectorAll('[part=holdings] tbody tr') : out.querySelectorAll('tbody tr');
};
/** Whether the Value column of the rows shown is in order (\`dir\` 1 ascending, -1 descending). */
function inOrder(dir) {
  const el = out.querySelector('cas-portfolio');
  const heads = [...(el ? el.shadowRoot.querySelector('[part=holdings] thead tr') : out.querySelector('thead tr')).children];
  const col = heads.findIndex((h) => h.textContent.startsWith('Value'));
  const values = [...bodyRows()].map((tr) => Number(tr.children[col].textContent.replace(/[^0-9.-]/g, '')));
  return values.every((v, i) => i == 0 || dir * (v - values[i - 1]) >= 0);
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
let kept = [];
let plainDir = 0;
window.bench = {
  /** Makes the statement, and for the element an empty connected one; not measured. */
  async prepare(fn, folios, schemes) {
    result = statement(folios, schemes);
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
    // Until the rows built in later frames or idle time are all there too.
    if (complete) while (rows() < complete) await frames();
    return rows();
  },
  /** The plain table of every row; \`keep\`: it keeps its rows and values, to be sorted. */
  async plain(keep) {
    out.append(plainTable(result, keep ? (kept = []) : null));
    await frames();
    return out.querySelectorAll('tbody tr').length;
  },
  /** The plain table re-sorted by value (ascending first, then the other way): its rows moved. */
  async plainSort() {
    plainDir = plainDir > 0 ? -1 : 1;
    const dir = plainDir;
    kept.sort((a, b) => dir * (a[0] - b[0]));
    out.querySelector('tbody').append(...kept.map((k) => k[1]));
    await frames();
    return dir > 0 ? 'ascending' : 'descending';
  },
  inOrder,
  rows: () => bodyRows().length,
  showAll: async () => (await showAll(out.querySelector('cas-portfolio')), frames()),
  /** Re-sorts the largest holdings table by its Value column (ascending, then the other way). */
  async sort(complete) {
    const el = out.querySelector('cas-portfolio');
    const button = [...el.shadowRoot.querySelectorAll('[part=holdings] th button')].find((b) => b.textContent.startsWith('Value'));
    button.click();
    await el.updateComplete;
    await frames();
    // Until every row is back in the table (when rows are moved in slices).
    if (complete) while (bodyRows().length < complete) await frames();
    return button.parentElement.getAttribute('aria-sort');
  },
};
document.documentElement.dataset.ready = '1';
</script>`;

async function fresh(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(180000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  /** Main-thread busy time (ms) while `fn` runs in the page, and what it returned. */
  const timed = async (fn, arg) => {
    const before = await busy();
    const value = await page.evaluate(fn, arg);
    return { ms: (await busy()) - before, value };
  };
  /** The JS heap in use after two full collections (bytes). */
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.origin}/portfolio.html`);
  await page.waitForFunction(() => document.documentElement.dataset.ready);
  const check = () => {
    if (errors.length) throw new Error(`page error in the portfolio bench: ${errors[0]}`);
  };
  return { context, page, check, timed, heap };
}

/** The first renders of the statement of 2,000 schemes: what, how, and how many rows it must show. */
const CASES = [
  { id: 'element-50', fn: 'element', folios: 50, rows: [300, 2000] },
  { id: 'element-50-complete', fn: 'element', folios: 50, complete: 2000, rows: [2000, 2000] },
  { id: 'plain-50', fn: 'plain', folios: 50, rows: [2000, 2000] },
  { id: 'element-1', fn: 'element', folios: 1, rows: [100, 100] },
];

/** The sizes of one folio whose "Show all" and re-sort are set against the plain table. */
export const PORTFOLIO_SIZES = [200, 2000, 20000];

/**
 * (a) Each first render of 2,000 schemes in a new page (nothing warmed up), the cases in turn,
 * `runs` of each; the re-sort of the 2,000-scheme folio as first shown (100 rows).
 * (b) At each of `sizes` (one folio): "Show all" at once vs the plain table of the same rows,
 * `runs` pairs each in new pages, taken in turn, with the JS heap each added (after two full
 * collections, over the page with the statement made); then `sorts` re-sorts with all rows
 * shown, the element's and the plain table's (its rows moved, as a hand-made sort would)
 * alternating in two pages open side by side.
 * Times are main-thread busy time from the DevTools Performance domain (`TaskDuration`, thread
 * ticks), so waiting for frames is not counted and the work of those frames is.
 */
export async function measurePortfolio(browser, server, { runs = 10, sorts = 10, sizes = PORTFOLIO_SIZES, first = true } = {}) {
  const out = { runs, sorts, sizes };
  if (first) {
    const times = Object.fromEntries(CASES.map((c) => [c.id, []]));
    for (let i = 0; i < runs; i++) {
      for (let k = 0; k < CASES.length; k++) {
        const c = CASES[(i + k) % CASES.length];
        const { context, page, check, timed } = await fresh(browser, server);
        try {
          await page.evaluate(([fn, folios]) => window.bench.prepare(fn, folios, 2000), [c.fn, c.folios]);
          const r = await timed(([fn, all, complete]) => window.bench[fn](all, complete), [c.fn, false, c.complete ?? 0]);
          check();
          if (r.value < c.rows[0] || r.value > c.rows[1]) throw new Error(`${c.id} shows ${r.value} rows, not ${c.rows.join('–')}`);
          times[c.id].push(r.ms);
        } finally {
          await context.close();
        }
      }
    }
    const stat = (id) => ({ ms: median(times[id]), interval: medianInterval(times[id]), all: times[id] });
    out.render = Object.fromEntries(CASES.map((c) => [c.id, stat(c.id)]));
    out.ratio50 = { ratio: median(times['element-50']) / median(times['plain-50']), interval: ratioInterval(times['element-50'], times['plain-50']) };
    const { context, page, check, timed } = await fresh(browser, server);
    const ms = [];
    try {
      await page.evaluate(async () => (await window.bench.prepare('element', 1, 2000), window.bench.element(false)));
      // One re-sort first, not counted (the first click also sorts from the statement's order).
      await page.evaluate(() => window.bench.sort());
      for (let i = 0; i < sorts; i++) ms.push((await timed(() => window.bench.sort())).ms);
      check();
    } finally {
      await context.close();
    }
    out.sortFirst = { ms: median(ms), max: Math.max(...ms), n: sorts };
  }

  out.bySize = {};
  for (const n of sizes) {
    console.log(`portfolio: ${n.toLocaleString('en')} schemes, "Show all" and the plain table (${runs} pairs), then ${sorts} re-sorts each…`);
    const samples = { element: [], plain: [] };
    for (let i = 0; i < runs; i++) {
      for (const kind of i % 2 ? ['plain', 'element'] : ['element', 'plain']) {
        const { context, page, check, timed, heap } = await fresh(browser, server);
        try {
          await page.evaluate(([kind, n]) => window.bench.prepare(kind, 1, n), [kind, n]);
          const before = await heap();
          const r = await timed(([kind, n]) => (kind === 'element' ? window.bench.element(true, n) : window.bench.plain(false)), [kind, n]);
          check();
          if (r.value !== n) throw new Error(`portfolio: ${kind} shows ${r.value} rows, not ${n}`);
          samples[kind].push({ ms: r.ms, heap: (await heap()) - before });
        } finally {
          await context.close();
        }
      }
    }
    // The re-sorts: both pages open, the sorts alternating between them.
    const pages = {};
    const sorted = { element: [], plain: [] };
    try {
      for (const kind of ['element', 'plain']) {
        pages[kind] = await fresh(browser, server);
        await pages[kind].page.evaluate(
          async ([kind, n]) => (await window.bench.prepare(kind, 1, n), kind === 'element' ? window.bench.element(true, n) : window.bench.plain(true)),
          [kind, n],
        );
      }
      const sortOnce = async (kind) => {
        const p = pages[kind];
        const r = await p.timed(([kind, n]) => (kind === 'element' ? window.bench.sort(n) : window.bench.plainSort()), [kind, n]);
        p.check();
        const ok = await p.page.evaluate(([dir, n]) => window.bench.rows() === n && window.bench.inOrder(dir), [r.value === 'ascending' ? 1 : -1, n]);
        if (!ok) throw new Error(`portfolio: the ${kind} table of ${n} rows is not in order after a re-sort`);
        return r.ms;
      };
      // One of each first, not counted (the first also sorts from the statement's order).
      await sortOnce('element');
      await sortOnce('plain');
      for (let i = 0; i < sorts; i++) for (const kind of i % 2 ? ['plain', 'element'] : ['element', 'plain']) sorted[kind].push(await sortOnce(kind));
    } finally {
      for (const p of Object.values(pages)) await p.context.close();
    }
    const pairs = (list, f) => spread(samples.element.map((e, i) => f(e, samples.plain[i])));
    out.bySize[n] = {
      showAll: {
        element: spread(samples.element.map((s) => s.ms)),
        plain: spread(samples.plain.map((s) => s.ms)),
        ratio: pairs(samples, (e, p) => e.ms / p.ms),
      },
      // The heap figures are nearly the same from page to page, but the plain table's is small
      // enough that a collection's leftovers move it: a ratio of the medians, not of each pair.
      heap: {
        element: spread(samples.element.map((s) => s.heap)),
        plain: spread(samples.plain.map((s) => s.heap)),
        ratio: { median: median(samples.element.map((s) => s.heap)) / median(samples.plain.map((s) => s.heap)) },
      },
      sort: {
        element: spread(sorted.element),
        plain: spread(sorted.plain),
        ratio: spread(sorted.element.map((e, i) => e / sorted.plain[i])),
      },
    };
  }
  return out;
}

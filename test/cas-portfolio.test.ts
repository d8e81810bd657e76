// <cas-portfolio>: what it shows for CDSL, NSDL and CAMS/KFintech statements, sorting by
// keyboard, the CSV, accessibility (axe, light and dark, forced colours, 320 px), text-only
// rendering of hostile strings, the `for` wiring (with a real <cas-upload> whose API is mocked
// in the page) and malformed or very large results.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/entries/portfolio.js';
import '../src/entries/index.js';
import type { CasPortfolioElement } from '../src/entries/portfolio.js';
import type { CasUploadElement } from '../src/entries/index.js';
import { network, api, success } from './mocks/in-page.js';
import SAMPLE from './mocks/smart-parse-response.json';
import CDSL from './portfolio/cdsl.json';
import NSDL from './portfolio/nsdl.json';
import CAMS from './portfolio/cams.json';

const root = (el: Element) => el.shadowRoot!;
const part = (el: Element, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const texts = (nodes: Iterable<Element>) => [...nodes].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
/** The allocation table as [class, value, share] rows. */
const allocation = (el: Element) =>
  [...part(el, 'allocation-table')!.querySelectorAll('tbody tr')].map((tr) => texts(tr.children));
/** Every holdings table: its heading and its rows' cells. */
const tables = (el: Element) =>
  [...root(el).querySelectorAll('[part=holdings] table, [part=insurance] table')].map((t) => ({
    title: root(el).getElementById(t.getAttribute('aria-labelledby')!)!.textContent,
    head: texts(t.querySelectorAll('thead th')).map((h) => h.replace(/[↕▲▼]/g, '').trim()),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => texts(tr.children)),
  }));

async function show(result: unknown, lang = 'en'): Promise<CasPortfolioElement> {
  const el = await fixture<CasPortfolioElement>(html`<cas-portfolio lang=${lang} .result=${result}></cas-portfolio>`);
  await waitUntil(() => root(el).querySelector('section, p')?.getAttribute('lang') === lang, `shown in ${lang}`);
  return el;
}

let emulated = false;
afterEach(async () => {
  if (emulated) await emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  await setViewport({ width: 800, height: 600 });
  emulated = false;
});

describe('<cas-portfolio> shows each kind of statement', () => {
  it('CDSL: investor, period, total, every demat asset class and a folio', async () => {
    const el = await show(CDSL);
    expect(part(el, 'heading')!.textContent).to.equal('MEERA IYER');
    expect(root(el).querySelector('section > p.m')!.textContent).to.equal('CDSL · Statement period: 1 May 2026 – 31 May 2026');
    expect(part(el, 'total')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Total value ₹14,24,800.00');
    expect(part(el, 'gain')!.textContent, 'over the holdings with a cost').to.equal('Gain +₹90,000.00 (+29.03%) on a cost of ₹3,10,000.00');
    expect(part(el, 'gain')!.className).to.equal('up');
    expect(allocation(el)).to.deep.equal([
      ['Equity mutual funds', '₹4,00,000.00', '28.1%'],
      ['Shares', '₹3,18,860.00', '22.4%'],
      ['AIFs', '₹2,50,000.00', '17.5%'],
      ['Government securities', '₹1,93,000.00', '13.5%'],
      ['Mutual funds in demat', '₹1,61,740.00', '11.4%'],
      ['Corporate bonds', '₹1,01,200.00', '7.1%'],
    ]);
    const [demat, folio] = tables(el);
    expect(demat.title).to.equal('HDFC SECURITIES LIMITED');
    expect(demat.head).to.deep.equal(['Name', 'ISIN', 'Type', 'Units', 'NAV/price', 'Value']);
    expect(demat.rows.map((r) => r[2])).to.deep.equal(['Shares', 'Shares', 'Corporate bonds', 'Government securities', 'AIFs', 'Mutual funds in demat']);
    expect(demat.rows[0]).to.deep.equal(['RELIANCE INDUSTRIES LTD', 'INE002A01018', 'Shares', '100', '₹1,478.35', '₹1,47,835.00']);
    expect(folio.title).to.equal('SBI Mutual Fund');
    expect(folio.head).to.deep.equal(['Name', 'ISIN', 'Type', 'Units', 'NAV/price', 'Value', 'Cost', 'Gain', 'Gain %']);
    expect(folio.rows[0]).to.deep.equal(['SBI Bluechip Fund - Direct Growth', 'INF200K01RJ1', 'Equity mutual funds', '4,200.5', '₹95.2268', '₹4,00,000.00', '₹3,10,000.00', '+₹90,000.00', '+29.03%']);
    expect(root(el).textContent).to.include('BO ID 1203320000998877 · CDSL · ₹10,24,800.00');
    expect(part(el, 'insurance')).to.equal(null, 'no policies, no insurance section');
  });

  it('NSDL: demat, NPS funds and an insurance policy, valued as the statement says', async () => {
    const el = await show(NSDL);
    expect(allocation(el)).to.deep.equal([
      ['NPS', '₹11,98,000.00', '53%'],
      ['Shares', '₹6,41,900.50', '28.4%'],
      ['Insurance', '₹2,50,000.00', '11.1%'],
      ['Government securities', '₹1,70,500.00', '7.5%'],
    ]);
    const [demat, nps, policies] = tables(el);
    expect(demat.title).to.equal('AXIS BANK LIMITED');
    expect(root(el).textContent).to.include('BO ID IN30012611223344 · NSDL');
    expect(nps.title).to.equal('NPS · Protean CRA');
    expect(nps.head).to.deep.equal(['Name', 'Units', 'NAV/price', 'Value', 'Cost', 'Gain', 'Gain %'], 'no type column: all NPS');
    expect(nps.rows[0]).to.deep.equal(['SBI Pension Fund Scheme E - Tier I', '21,000.25', '₹38.1122', '₹8,00,367.00', '₹6,10,000.00', '+₹1,90,367.00', '+31.21%']);
    expect(root(el).textContent).to.include('PRAN 110091234567');
    expect(policies.title).to.equal('Insurance');
    expect(policies.head).to.deep.equal(['Name', 'Insurer', 'Policy number', 'Status', 'Sum assured', 'Premium', 'Frequency']);
    expect(policies.rows).to.deep.equal([
      ['LIC New Jeevan Anand', 'Life Insurance Corporation of India', 'LIC-884422119', 'In force', '₹10,00,000.00', '₹42,180.00', 'Yearly'],
    ]);
  });

  it('CAMS/KFintech: folios with equity, debt, hybrid and other schemes, losses marked', async () => {
    const el = await show(CAMS);
    expect(part(el, 'heading')!.textContent).to.equal('प्रिया शर्मा');
    expect(root(el).querySelector('section > p.m')!.textContent).to.equal('CAMS/KFintech · Statement period: 1 Apr 2025 – 31 Mar 2026');
    expect(allocation(el).map((r) => r[0])).to.deep.equal(['Equity mutual funds', 'Hybrid mutual funds', 'Debt mutual funds', 'Other mutual funds']);
    const [, quant] = tables(el);
    expect(quant.rows[1].slice(-2)).to.deep.equal(['-₹8,000.00', '-13.33%']);
    const loss = root(el).querySelectorAll('[part=holdings] table')[1].querySelectorAll('tbody tr')[1].lastElementChild!;
    expect([...loss.classList]).to.include.members(['n', 'dn']);
    expect(root(el).querySelector('.up')).to.exist;
  });

  it('the fixture of the test suite (all of API-NOTES §1.2 that a CDSL CAS has)', async () => {
    const el = await show(SAMPLE);
    expect(part(el, 'total')!.textContent).to.include('₹17,08,126.56');
    expect(tables(el).map((t) => t.title)).to.deep.equal([
      'ZERODHA BROKING LIMITED',
      'ICICI BANK LIMITED',
      'HDFC Mutual Fund',
      'PPFAS Mutual Fund',
      'ICICI Prudential Mutual Fund',
      'Insurance',
    ]);
  });

  it('the chart: one labelled bar per class, its share as wide, and a name for screen readers', async () => {
    const el = await show(CDSL);
    const chart = part(el, 'chart')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.equal(
      'Allocation: Equity mutual funds 28.1%, Shares 22.4%, AIFs 17.5%, Government securities 13.5%, Mutual funds in demat 11.4%, Corporate bonds 7.1%',
    );
    const bars = [...chart.querySelectorAll('rect:not(.k)')].map((r) => parseFloat(r.getAttribute('width')!));
    expect(bars.map((w) => w.toFixed(1))).to.deep.equal(['28.1', '22.4', '17.5', '13.5', '11.4', '7.1']);
    // Labelled directly: every bar's class and share is text beside it, not a colour to match.
    expect(texts(chart.querySelectorAll('text')).slice(0, 4)).to.deep.equal(['Equity mutual funds', '28.1%', 'Shares', '22.4%']);
  });

  it('money in rupees with Indian grouping, in English and in Hindi', async () => {
    for (const lang of ['en', 'hi']) {
      const el = await show({ summary: { total_value: 1234567.89 } }, lang);
      expect(part(el, 'total')!.querySelector('b')!.textContent, lang).to.equal('₹12,34,567.89');
      expect(part(el, 'gain'), 'no cost, no gain').to.equal(null);
    }
    const el = await show(CDSL, 'hi');
    expect(part(el, 'total')!.querySelector('span')!.textContent).to.equal('कुल मूल्य');
    expect(part(el, 'gain')!.textContent).to.equal('₹3,10,000.00 की लागत पर लाभ +₹90,000.00 (+29.03%)');
    expect(allocation(el)[0]).to.deep.equal(['इक्विटी म्यूचुअल फ़ंड', '₹4,00,000.00', '28.1%']);
    expect(part(el, 'download')!.textContent).to.equal('CSV डाउनलोड करें');
  });

  it('follows a change of `lang` on an ancestor', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><cas-portfolio .result=${CDSL}></cas-portfolio></div>`);
    const el = wrap.firstElementChild as CasPortfolioElement;
    await el.updateComplete;
    wrap.lang = 'hi-IN';
    await waitUntil(() => part(el, 'total')?.textContent?.includes('कुल मूल्य'), 'Hindi');
  });
});

describe('<cas-portfolio> sorting', () => {
  it('sorts by any column from the keyboard, with aria-sort on the sorted header only', async () => {
    const el = await show(CDSL);
    const table = root(el).querySelector('[part=holdings] table')!;
    const header = (name: string) => [...table.querySelectorAll('thead th')].find((th) => th.textContent!.includes(name))!;
    const names = () => [...table.querySelectorAll('tbody tr')].map((tr) => tr.firstElementChild!.textContent);
    const values = () => [...table.querySelectorAll('tbody tr')].map((tr) => tr.lastElementChild!.textContent);
    expect([...table.querySelectorAll('[aria-sort]')]).to.have.length(0);

    header('Value').querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(header('Value').getAttribute('aria-sort')).to.equal('ascending');
    expect(values()).to.deep.equal(['₹1,01,200.00', '₹1,47,835.00', '₹1,61,740.00', '₹1,71,025.00', '₹1,93,000.00', '₹2,50,000.00']);

    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(header('Value').getAttribute('aria-sort')).to.equal('descending');
    expect(values()[0]).to.equal('₹2,50,000.00');

    // To the Name header with Shift+Tab (through ISIN, Type, Units, NAV/price).
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Shift+Tab' });
    expect(root(el).activeElement!.textContent).to.include('Name');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(header('Name').getAttribute('aria-sort')).to.equal('ascending');
    expect(header('Value').hasAttribute('aria-sort')).to.equal(false);
    expect(names()).to.deep.equal([
      'ALPHA GROWTH FUND CAT III',
      'HDFC LTD 7.80% NCD 2032',
      'NIPPON INDIA ETF NIFTY 50 BEES',
      'RELIANCE INDUSTRIES LTD',
      'SGB 2.50% 2031 SERIES III',
      'TATA CONSULTANCY SERVICES LTD',
    ]);
    expect(root(el).activeElement!.textContent, 'focus stays on the header').to.include('Name');
  });

  it('keeps blanks last both ways, and sorts numbers as numbers', async () => {
    const schemes = [
      { name: 'B', value: 9 },
      { name: 'A', value: null },
      { name: 'C', value: '10' },
      { name: 'D', value: -5 },
    ];
    const el = await show({ mutual_funds: [{ amc: 'X', schemes }] });
    const table = root(el).querySelector('[part=holdings] table')!;
    const names = () => [...table.querySelectorAll('tbody tr')].map((tr) => tr.firstElementChild!.textContent);
    const valueButton = [...table.querySelectorAll('thead button')].find((b) => b.textContent!.startsWith('Value')) as HTMLButtonElement;
    valueButton.click();
    await el.updateComplete;
    expect(names()).to.deep.equal(['D', 'B', 'C', 'A']);
    valueButton.click();
    await el.updateComplete;
    expect(names()).to.deep.equal(['C', 'B', 'D', 'A']);
  });

  it('a table of more than 100 holdings shows 100 until "Show all", and sorts them all', async () => {
    const schemes = Array.from({ length: 150 }, (_, i) => ({ name: `S${i}`, value: i }));
    const el = await show({ mutual_funds: [{ amc: 'Big', schemes }] });
    const rows = () => [...root(el).querySelectorAll('[part=holdings] tbody tr')].map((tr) => tr.firstElementChild!.textContent);
    expect(rows()).to.have.length(100);
    const more = root(el).querySelector<HTMLButtonElement>('button.more')!;
    expect(more.textContent).to.equal('Show all 150');
    const value = [...root(el).querySelectorAll<HTMLButtonElement>('thead button')].find((b) => b.textContent!.startsWith('Value'))!;
    value.click();
    value.click();
    await el.updateComplete;
    expect(rows().slice(0, 2), 'the largest of all 150 come first').to.deep.equal(['S149', 'S148']);
    expect(rows()).to.have.length(100);
    more.click();
    await el.updateComplete;
    expect(rows()).to.have.length(150);
    expect(rows().at(-1)).to.equal('S0');
    expect(root(el).querySelector('button.more')).to.equal(null);
    expect(el.toCSV().trim().split('\r\n')).to.have.length(151, 'the CSV has every holding');
  });

  it('a table still waiting to be filled in idle time sorts at once when asked', async () => {
    const mutual_funds = Array.from({ length: 10 }, (_, f) => ({
      amc: `AMC ${f}`,
      schemes: Array.from({ length: 40 }, (_, i) => ({ name: `F${f}-${i}`, value: (i * 7) % 40 })),
    }));
    // No task between the render and the checks: the idle callback cannot have run.
    const el = await fixture<CasPortfolioElement>(html`<cas-portfolio .result=${{ mutual_funds }}></cas-portfolio>`);
    const tables = root(el).querySelectorAll('[part=holdings] table');
    const last = tables[tables.length - 1];
    expect(last.querySelectorAll('tbody tr'), 'past the first 300 rows: not built yet').to.have.length(0);
    [...last.querySelectorAll<HTMLButtonElement>('thead button')].find((b) => b.textContent!.startsWith('Value'))!.click();
    await el.updateComplete;
    const values = [...last.querySelectorAll('tbody tr')].map((tr) => tr.lastElementChild!.textContent);
    expect(values).to.have.length(40);
    expect(values.slice(0, 2)).to.deep.equal(['₹0.00', '₹1.00']);
    await waitUntil(() => root(el).querySelectorAll('[part=holdings] tbody tr').length === 400, 'the rest in idle time');
  });
});

describe('<cas-portfolio> "Show all" of thousands of holdings', () => {
  // Frames are counted, not waited for: requestAnimationFrame queues its callbacks for the test
  // to run one by one, and the clock moves a millisecond each time it is read.
  const raf = window.requestAnimationFrame;
  const now = performance.now;
  let queued: FrameRequestCallback[] = [];
  let clock = 0;
  beforeEach(() => {
    queued = [];
    window.requestAnimationFrame = (f) => queued.push(f);
    performance.now = () => ++clock;
  });
  afterEach(() => {
    window.requestAnimationFrame = raf;
    performance.now = now;
  });
  /** Draws one frame, `ms` after the last (the page's own work): runs the callbacks queued before it. */
  const frame = (ms = 0) => {
    clock += ms;
    const run = queued;
    queued = [];
    for (const f of run) f(clock);
  };
  const big = (n: number, prefix = 'S') => ({
    mutual_funds: [{ amc: 'Big', schemes: Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i}`, value: (i * 7919) % n })) }],
  });
  const names = (el: Element) => [...root(el).querySelectorAll('[part=holdings] tbody tr')].map((tr) => tr.firstElementChild!.textContent!);

  it('builds the rows in slices, one per frame, in order, none twice', async () => {
    const el = await show(big(3000));
    expect(names(el)).to.have.length(100);
    root(el).querySelector<HTMLButtonElement>('button.more')!.click();
    await waitUntil(() => names(el).length > 100, 'the first slice at once');
    const counts = [names(el).length];
    expect(counts[0], 'not all in the first slice').to.be.below(3000);
    for (let i = 0; i < 100 && names(el).length < 3000; i++) frame(), counts.push(names(el).length);
    expect(counts.length, 'more than one frame').to.be.greaterThan(2);
    expect(counts.every((c, i) => i == 0 || c > counts[i - 1]), 'each frame adds rows').to.equal(true);
    expect(names(el)).to.deep.equal(Array.from({ length: 3000 }, (_, i) => `S${i}`));
    expect(queued, 'no frame asked for once all are there').to.have.length(0);
  });

  it('a slice after a long frame builds more rows (fewer frames while a large table grows)', async () => {
    const el = await show(big(9000));
    root(el).querySelector<HTMLButtonElement>('button.more')!.click();
    await waitUntil(() => names(el).length > 100, 'the first slice');
    const before = names(el).length;
    frame();
    const short = names(el).length - before;
    frame(40);
    const long = names(el).length - before - short;
    expect(short, 'a slice after a short frame').to.be.greaterThan(0);
    expect(long, 'a slice after a frame of 40 ms').to.be.greaterThan(short * 3);
    for (let i = 0; i < 100 && queued.length; i++) frame();
    expect(names(el)).to.deep.equal(Array.from({ length: 9000 }, (_, i) => `S${i}`));
  });

  it('a sort or a new statement while slices are left: every row once, in the new order', async () => {
    const el = await show(big(3000));
    root(el).querySelector<HTMLButtonElement>('button.more')!.click();
    await waitUntil(() => names(el).length > 100, 'the first slice');
    frame();
    const value = [...root(el).querySelectorAll<HTMLButtonElement>('thead button')].find((b) => b.textContent!.startsWith('Value'))!;
    value.click();
    await waitUntil(() => root(el).querySelector('[aria-sort]'), 'sorted');
    expect(names(el).length, 'still in slices').to.be.below(3000);
    for (let i = 0; i < 100 && queued.length; i++) frame();
    const shown = names(el);
    expect(shown).to.have.length(3000);
    expect(new Set(shown).size, 'no row twice').to.equal(3000);
    const values = [...root(el).querySelectorAll('[part=holdings] tbody tr')].map((tr) => Number(tr.lastElementChild!.textContent!.replace(/[^\d.]/g, '')));
    expect(values.every((v, i) => i == 0 || v >= values[i - 1]), 'ascending by value').to.equal(true);

    // Show all again on a new statement, and replace it while its slices are left.
    el.result = big(3000, 'T');
    await waitUntil(() => names(el)[0] == 'T0', 'the new statement');
    root(el).querySelector<HTMLButtonElement>('button.more')!.click();
    await waitUntil(() => names(el).length > 100, 'its first slice');
    el.result = big(150, 'U');
    await waitUntil(() => names(el)[0] == 'U0', 'the third statement');
    for (let i = 0; i < 100 && queued.length; i++) frame();
    expect(names(el)).to.deep.equal(Array.from({ length: 100 }, (_, i) => `U${i}`));
  });

  it('updateComplete resolves once every row asked for is in the table', async () => {
    window.requestAnimationFrame = raf;
    performance.now = now;
    const el = await show(big(5000));
    root(el).querySelector<HTMLButtonElement>('button.more')!.click();
    await el.updateComplete;
    expect(names(el)).to.have.length(5000);
  });

  it('rows far below the window are not rendered until scrolled to; the columns line up in every row', async () => {
    window.requestAnimationFrame = raf;
    performance.now = now;
    const el = await show(big(2000));
    root(el).querySelector<HTMLButtonElement>('button.more')!.click();
    await el.updateComplete;
    const rows = root(el).querySelectorAll('[part=holdings] tbody tr');
    const far = rows[1999];
    // A row with content-visibility:auto skips its cells while off screen.
    const cell = (tr: Element) => tr.firstElementChild!;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(cell(rows[0]).checkVisibility({ contentVisibilityAuto: true }), 'the first row').to.equal(true);
    expect(cell(far).checkVisibility({ contentVisibilityAuto: true }), 'the last of 2,000').to.equal(false);
    far.scrollIntoView();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(cell(far).checkVisibility({ contentVisibilityAuto: true }), 'scrolled to').to.equal(true);
    const head = [...root(el).querySelectorAll('[part=holdings] thead th')].map((th) => th.getBoundingClientRect().left);
    for (const tr of [rows[0], far]) expect([...tr.children].map((c) => c.getBoundingClientRect().left)).to.deep.equal(head);
    window.scrollTo(0, 0);
  });
});

describe('<cas-portfolio> columns wide enough for their figures', () => {
  it('no figure spills out of its cell, in English and in Hindi', async () => {
    for (const lang of ['en', 'hi']) {
      const el = await show(
        {
          mutual_funds: [
            {
              amc: 'Wide',
              schemes: [
                { name: 'A', isin: 'INF000000001', type: 'Hybrid', units: 123456789.1234, nav: 98765.4321, value: -987654321.12, cost: 12345678901.99, gain: { absolute: -123456789.55, percentage: -99.99 } },
                { name: 'B', isin: 'INF000000002', type: 'Equity', units: 0.0001, nav: 1, value: 1, cost: 1, gain: { absolute: 0, percentage: 0 } },
              ],
            },
          ],
        },
        lang,
      );
      for (const cell of root(el).querySelectorAll<HTMLElement>('[part=holdings] tbody :is(th,td), [part=holdings] thead th'))
        expect(cell.scrollWidth, `${lang}: ${cell.textContent}`).to.be.at.most(cell.clientWidth);
    }
  });
});

describe('<cas-portfolio> CSV', () => {
  const hostile = {
    meta: { statement_period: { to: '2026-06-30' } },
    mutual_funds: [
      {
        amc: 'Acme, "Best" Fund',
        folio_number: '12/34',
        schemes: [
          { name: '=HYPERLINK("http://evil.example","x")', isin: 'INF000000001', type: 'Equity', units: 1.5, nav: 10, value: 15, cost: 20, gain: { absolute: -5, percentage: -25 } },
          { name: '+1+2', isin: '-2+3', type: 'Debt', units: '2', value: '1,000.5' },
          { name: '@SUM(A1)', type: 'Hybrid' },
          { name: 'एचडीएफसी बैलेंस्ड फ़ंड, "ग्रोथ"', type: 'Other', value: 7 },
          { name: '\tTab\nand line', value: 0 },
        ],
      },
    ],
  };

  it('quotes text, doubles quotes, keeps Hindi, neutralises formulas, leaves numbers as numbers', async () => {
    const el = await show(hostile);
    const lines = el.toCSV().split('\r\n');
    expect(lines[0]).to.equal('\ufeff"Account","Name","ISIN","Type","Units","NAV/price","Value","Cost","Gain","Gain %"');
    const account = '"Acme, ""Best"" Fund · Folio 12/34"';
    expect(lines.slice(1)).to.deep.equal([
      `${account},"'=HYPERLINK(""http://evil.example"",""x"")","INF000000001","Equity mutual funds",1.5,10,15,20,-5,-25`,
      `${account},"'+1+2","'-2+3","Debt mutual funds",2,500.25,1000.5,,,`,
      `${account},"'@SUM(A1)",,"Hybrid mutual funds",,,,,,`,
      `${account},"एचडीएफसी बैलेंस्ड फ़ंड, ""ग्रोथ""",,"Other mutual funds",,,7,,,`,
      `${account},"Tab\nand line",,"Other mutual funds",,,0,,,`,
      '',
    ]);
  });

  it('neutralises a formula behind leading white space (names are trimmed)', async () => {
    const el = await show({ mutual_funds: [{ schemes: [{ name: ' \t=1+1' }] }] });
    expect(el.toCSV().split('\r\n')[1]).to.equal(`,"'=1+1",,"Other mutual funds",,,,,,`);
  });

  it('neutralises the full-width formula signs ＝ ＋ － ＠ as well', async () => {
    const el = await show({ mutual_funds: [{ schemes: ['＝1+1', '＋1', '－1', '＠SUM(A1)'].map((name) => ({ name })) }] });
    const names = el.toCSV().split('\r\n').slice(1, 5).map((l) => l.split(',')[1]);
    expect(names).to.deep.equal([`"'＝1+1"`, `"'＋1"`, `"'－1"`, `"'＠SUM(A1)"`]);
  });

  it('the download button saves exactly that text as portfolio-<date>.csv', async () => {
    const el = await show(hostile);
    const saved: { blob?: Blob; name?: string } = {};
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => ((saved.blob = blob), create.call(URL, blob));
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.name = this.download;
    };
    try {
      part(el, 'download')!.click();
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(saved.name).to.equal('portfolio-2026-06-30.csv');
    expect(saved.blob!.type).to.equal('text/csv;charset=utf-8');
    // Blob.text() would drop the byte order mark: compare the bytes.
    expect(new Uint8Array(await saved.blob!.arrayBuffer())).to.deep.equal(new TextEncoder().encode(el.toCSV()));
  });
});

describe('<cas-portfolio> accessibility and layout', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds no violations (${scheme})`, async () => {
      emulated = true;
      await emulateMedia({ colorScheme: scheme });
      for (const result of [SAMPLE, NSDL, CAMS, null]) {
        const el = await show(result);
        await expect(el).to.be.accessible();
      }
    });
  }

  it('axe finds no violations in Hindi', async () => {
    await expect(await show(SAMPLE, 'hi')).to.be.accessible();
  });

  it('fits 320 px without scrolling the page; a table shown whole scrolls inside itself', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await show(SAMPLE);
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    const scrolling = async () => {
      let scrolls = 0;
      // Each table's box is laid out once on screen (content-visibility: auto): look at each there.
      for (const x of root(el).querySelectorAll<HTMLElement>('.x')) {
        x.scrollIntoView();
        await frame();
        await frame();
        expect(x.getBoundingClientRect().right).to.be.at.most(320);
        if (x.scrollWidth > x.clientWidth) scrolls++;
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      return scrolls;
    };
    expect(await scrolling(), 'narrow, no table scrolls sideways').to.equal(0);
    for (const b of root(el).querySelectorAll<HTMLElement>('[part~=columns]')) b.click();
    await el.updateComplete;
    expect(await scrolling(), 'the tables shown whole scroll inside their boxes').to.be.at.least(5);
  });

  it('in forced-colours mode the bars take system colours, distinct from their tracks', async () => {
    emulated = true;
    await emulateMedia({ forcedColors: 'active' });
    const el = await show(CDSL);
    const chart = part(el, 'chart')!;
    const bar = getComputedStyle(chart.querySelector('rect:not(.k)')!);
    const track = getComputedStyle(chart.querySelector('rect.k')!);
    expect(bar.fill).to.not.equal(track.fill);
    expect(track.stroke).to.equal(bar.fill, 'the track is outlined in the bar colour');
  });
});

describe('<cas-portfolio> narrower than 480 px (a container query)', () => {
  /** The portfolio in a box `width` px wide on a desktop-wide page. */
  async function inBox(width: number): Promise<CasPortfolioElement> {
    const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px"><cas-portfolio .result=${SAMPLE}></cas-portfolio></div>`);
    const el = box.firstElementChild as CasPortfolioElement;
    await waitUntil(() => root(el).querySelector('section'), 'shown');
    return el;
  }
  /** The cells of the first holdings table a visitor sees: the text of each shown cell, by row. */
  const seen = (table: Element) =>
    [...table.querySelectorAll('tr')].map((tr) =>
      [...tr.children].filter((c) => c.getClientRects().length).map((c) => c.textContent!.replace(/[↕▲▼]/g, '').trim()),
    );
  const first = (el: Element, n = 0) => root(el).querySelectorAll<HTMLElement>('[part=holdings] table')[n]!;
  const toggle = (el: Element, n = 0) => root(el).querySelectorAll<HTMLElement>('[part~=columns]')[n]!;

  it('each holding is a row of its name and value, and gain where given; "All columns" shows the table whole', async () => {
    const el = await inBox(470);
    const demat = first(el);
    expect(seen(demat).slice(0, 2)).to.deep.equal([
      ['Name', 'Value'],
      ['RELIANCE INDUSTRIES LTD', '₹59,134.00'],
    ]);
    const row = demat.querySelector('tbody tr')!;
    // The row is laid out in the box: name and value on one line, nothing scrolls.
    expect(demat.parentElement!.scrollWidth).to.be.at.most(demat.parentElement!.clientWidth);
    const [name, value] = [row.querySelector('th')!, row.querySelector('.v')!].map((c) => c.getBoundingClientRect());
    expect(value.top).to.be.closeTo(name.top, 1);
    expect(value.left).to.be.greaterThan(name.left);
    // A mutual fund folio: the gain and its percent under the value.
    const fund = first(el, 2);
    expect(seen(fund)[1]).to.deep.equal(['HDFC Flexi Cap Fund - Direct Plan - Growth', '₹6,37,985.95', '+₹1,17,985.95', '+22.69%']);
    const cells = [...fund.querySelectorAll('tbody tr')[0].children].filter((c) => c.getClientRects().length);
    expect(cells[2].getBoundingClientRect().top, 'the gain under the value').to.be.greaterThan(cells[1].getBoundingClientRect().bottom - 1);
    // ISIN, units and price stay reachable: the table shown whole, on demand.
    const button = toggle(el);
    expect(button.textContent!.trim()).to.equal('All columns');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(seen(demat)[0]).to.deep.equal(['Name', 'ISIN', 'Type', 'Units', 'NAV/price', 'Value']);
    expect(seen(demat)[1]).to.include('INE002A01018');
    button.click();
    await el.updateComplete;
    expect(seen(demat)[0]).to.deep.equal(['Name', 'Value']);
  });

  it('a box of 560 px shows every column, with no toggle', async () => {
    const el = await inBox(560);
    expect(seen(first(el))[0]).to.deep.equal(['Name', 'ISIN', 'Type', 'Units', 'NAV/price', 'Value']);
    expect(toggle(el).getClientRects().length, 'no toggle').to.equal(0);
  });

  it('sorting and the CSV are the same narrow and wide', async () => {
    const wide = await inBox(560);
    const narrow = await inBox(470);
    for (const el of [wide, narrow]) {
      const value = [...first(el).querySelectorAll<HTMLElement>('thead button')].find((b) => b.textContent!.includes('Value'))!;
      value.click();
      await el.updateComplete;
      value.click();
      await el.updateComplete;
    }
    const names = (el: Element) => [...first(el).querySelectorAll('tbody th')].map((th) => th.textContent);
    expect(names(narrow)).to.deep.equal(names(wide));
    expect(names(narrow)[0], 'by value, largest first').to.equal('HDFC BANK LTD');
    expect(narrow.toCSV()).to.equal(wide.toCSV());
  });
});

describe('<cas-portfolio> renders everything as text', () => {
  const payloads = ['<img src=x onerror="window.__xss=1">', '<script>window.__xss=1</script>', '"><svg onload="window.__xss=1">'];

  /** A result with `payload` in every string field of the schema. */
  const everywhere = (x: string) => ({
    meta: { cas_type: x, statement_period: { from: x, to: x }, generated_at: x },
    investor: { name: x, pan: x, email: x, address: x, pincode: x, mobile: x, cas_id: x },
    demat_accounts: [
      {
        demat_type: x,
        dp_id: x,
        dp_name: x,
        client_id: x,
        bo_id: x,
        value: 1,
        linked_holders: [{ name: x, pan: x }],
        holdings: Object.fromEntries(
          ['equities', 'corporate_bonds', 'government_securities', 'aifs', 'demat_mutual_funds'].map((k) => [k, [{ isin: x, name: x, units: 1, value: 1 }]]),
        ),
        additional_info: { nominee: x },
      },
    ],
    mutual_funds: [
      {
        folio_number: x,
        amc: x,
        registrar: x,
        linked_holders: [{ name: x, pan: x }],
        schemes: [{ isin: x, name: x, type: x, units: 1, value: 1, nominees: [x], additional_info: { advisor: x } }],
      },
    ],
    insurance: { life_insurance_policies: [{ policy_number: x, provider: x, policy_name: x, life_assured: x, status: x, premium_frequency: x }] },
    nps: [{ pran: x, cra: x, funds: [{ name: x, value: 1 }] }],
  });

  for (const payload of payloads) {
    it(`shows ${payload} as text, wherever it is`, async () => {
      delete (window as { __xss?: number }).__xss;
      const el = await show(everywhere(payload));
      expect(root(el).querySelectorAll('img, script, svg [onload], [onerror]')).to.have.length(0);
      const shown = root(el).textContent!;
      // Name, period, account, holding and policy fields: each shown as the text it is.
      expect(shown.split(payload).length - 1).to.be.at.least(20);
      const chart = part(el, 'chart')!;
      expect(chart.querySelectorAll('text').length).to.be.greaterThan(0);
      expect(el.toCSV()).to.include(payload.replace(/"/g, '""'));
      await new Promise((r) => setTimeout(r, 50));
      expect((window as { __xss?: number }).__xss).to.equal(undefined);
    });
  }
});

describe('<cas-portfolio for>', () => {
  before(() => network.enable());
  after(() => network.disable());
  beforeEach(() => (api.answer = success));

  it('shows the result of the <cas-upload> it names, also one added to the page later', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><cas-portfolio for="up"></cas-portfolio></div>`);
    const el = page.querySelector('cas-portfolio')!;
    await el.updateComplete;
    expect(root(el).textContent).to.include('No statement to show yet.');
    page.insertAdjacentHTML('beforeend', '<cas-upload id="up"></cas-upload><cas-upload id="other"></cas-upload>');
    const [up, other] = page.querySelectorAll('cas-upload') as unknown as CasUploadElement[];
    up.tokenProvider = other.tokenProvider = async () => 'at_portfolio';
    // The host stops the event on its way up: the element hears it all the same.
    page.addEventListener('cas-upload-success', (e) => e.stopPropagation());

    await other.upload(new File(['%PDF-1.7\n'], 'a.pdf'), 'x');
    await el.updateComplete;
    expect(el.result, 'another uploader is not followed').to.equal(undefined);

    await up.upload(new File(['%PDF-1.7\n'], 'a.pdf'), 'x');
    await el.updateComplete;
    expect(el.result).to.deep.equal(SAMPLE);
    expect(part(el, 'total')!.textContent).to.include('₹17,08,126.56');
  });

  it('hears an element inside another shadow root through its host id (as <cas-connect>)', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><div id="connect"></div><cas-portfolio for="connect"></cas-portfolio></div>`);
    const inner = document.createElement('div');
    inner.id = 'connect'; // the same id inside the shadow root is not the one named
    page.querySelector('#connect')!.attachShadow({ mode: 'open' }).append(inner);
    const el = page.querySelector('cas-portfolio')!;
    inner.dispatchEvent(new CustomEvent('cas-upload-success', { bubbles: true, composed: true, detail: { result: CAMS } }));
    await el.updateComplete;
    expect(el.result).to.equal(CAMS);
    el.htmlFor = 'elsewhere';
    inner.dispatchEvent(new CustomEvent('cas-upload-success', { bubbles: true, composed: true, detail: { result: NSDL } }));
    expect(el.result).to.equal(CAMS);
  });

  it('stops listening once removed from the page', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><span id="src"></span><cas-portfolio for="src"></cas-portfolio></div>`);
    const el = page.querySelector('cas-portfolio')!;
    el.remove();
    page.firstElementChild!.dispatchEvent(new CustomEvent('cas-upload-success', { bubbles: true, composed: true, detail: { result: CAMS } }));
    expect(el.result).to.equal(undefined);
  });
});

describe('<cas-portfolio> with malformed or large results', () => {
  it('shows the empty message for anything that is not an object', async () => {
    for (const result of [undefined, null, 42, 'text', [], true]) {
      const el = await show(result);
      expect(root(el).textContent!.trim(), String(result)).to.equal('No statement to show yet.');
    }
  });

  it('reads numeric strings, ignores unknown fields, nulls and wrong types, and lists negative values', async () => {
    const el = await show({
      extra: { anything: [1, 2] },
      meta: { cas_type: null, statement_period: { from: '2026-13-45', to: null }, surprise: true },
      investor: { name: 42 },
      summary: { total_value: '1,00,000.50', accounts: null },
      demat_accounts: [null, 'x', { dp_name: null, holdings: { equities: [{ name: 'NEG', value: -2500, units: '10' }, null, 7], unknown: [{ name: 'IGNORED', value: 9 }] } }],
      mutual_funds: [{ schemes: [{ name: 'S', type: 'equity', value: '1000', units: 'ten', nav: {}, cost: '800' }] }, { schemes: null }],
      nps: [],
      insurance: { life_insurance_policies: [] },
    });
    expect(part(el, 'heading')!.textContent).to.equal('42');
    expect(root(el).querySelector('section > p.m')!.textContent).to.equal('Statement period: 2026-13-45');
    expect(part(el, 'total')!.textContent).to.include('₹1,00,000.50');
    // Negative value: listed with its figure, no share of the chart.
    expect(allocation(el)).to.deep.equal([
      ['Equity mutual funds', '₹1,000.00', '100%'],
      ['Shares', '-₹2,500.00', '0%'],
    ]);
    const [demat, folio] = tables(el);
    expect(demat.head).to.deep.equal(['Name', 'Type', 'Units', 'NAV/price', 'Value'], 'no ISIN column: none given');
    expect(demat.rows).to.deep.equal([['NEG', 'Shares', '10', '-₹250.00', '-₹2,500.00']]);
    expect(root(el).textContent).to.not.include('IGNORED');
    expect(folio.rows).to.deep.equal([['S', 'Equity mutual funds', '₹1,000.00', '₹800.00', '+₹200.00', '+25%']]);
    expect(part(el, 'insurance')).to.equal(null);
  });

  it("an account's own value is shown, not the sum of its holdings, when the statement gives one", async () => {
    const el = await show({
      demat_accounts: [{ bo_id: 'B1', value: 5000, holdings: { equities: [{ name: 'E', value: 3000 }] } }],
      mutual_funds: [{ folio_number: 'F1', value: '7,000', schemes: [{ name: 'S', type: 'equity', value: 1000 }] }],
      nps: [{ pran: 'P1', value: 9000, funds: [{ name: 'N', value: 2000 }] }],
    });
    const about = [...root(el).querySelectorAll('[part=holdings] h4 + p.m')].map((p) => p.textContent!.split(' · ').at(-1));
    expect(about).to.deep.equal(['₹5,000.00', '₹7,000.00', '₹9,000.00']);
    // And NPS counts in the allocation at its account's value.
    expect(allocation(el).find((r) => r[0] === 'NPS')?.[1]).to.equal('₹9,000.00');
  });

  it('a scheme type named like a property of every object (constructor, __proto__, toString) is "other"', async () => {
    const types = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
    const el = await show({ mutual_funds: [{ schemes: types.map((type, i) => ({ name: `S${i}`, type, value: i + 1 })) }] });
    expect(tables(el)[0].rows.map((r) => r[1])).to.deep.equal(types.map(() => 'Other mutual funds'));
    expect(root(el).textContent).to.not.include('function');
    expect(root(el).textContent).to.not.include('[native code]');
    expect(allocation(el)).to.deep.equal([['Other mutual funds', '₹10.00', '100%']]);
    expect(el.toCSV().split('\r\n').slice(1, 5).map((l) => l.split(',')[3])).to.deep.equal(types.map(() => '"Other mutual funds"'));
  });

  it('reads only finite decimal numbers ("0x10", "Infinity", "1e999" are no number), and shows "—" for a figure that overflows', async () => {
    const el = await show({
      mutual_funds: [
        {
          folio_number: 'F1',
          schemes: [
            { name: 'HEX', type: 'equity', value: '0x10', units: '0b11', nav: '0o7' },
            { name: 'INF', type: 'equity', value: 'Infinity', cost: '1e999' },
            // Each finite, their sum and gain are not.
            { name: 'BIG1', type: 'debt', value: 1.5e308, cost: -1.5e308 },
            { name: 'BIG2', type: 'debt', value: 1.5e308, units: 1e-300 },
            { name: 'OK', type: 'hybrid', value: '-1,234.5' },
          ],
        },
      ],
    });
    const shown = root(el).textContent!;
    for (const odd of ['∞', 'NaN', 'Infinity']) expect(shown, odd).to.not.include(odd);
    const [folio] = tables(el);
    const cell = (name: string, col: string) => folio.rows.find((r) => r[0] === name)![folio.head.indexOf(col)] ?? '';
    for (const col of ['Units', 'NAV/price', 'Value']) expect(cell('HEX', col), `HEX ${col}: "0x10", "0b11", "0o7" are no number`).to.equal('');
    for (const col of ['Value', 'Cost']) expect(cell('INF', col), `INF ${col}`).to.equal('');
    expect(cell('BIG1', 'Gain'), 'a gain that overflows').to.equal('');
    expect(cell('BIG2', 'NAV/price'), 'a price that overflows').to.equal('');
    expect(cell('OK', 'Value')).to.equal('-₹1,234.50');
    expect(part(el, 'total')!.querySelector('b')!.textContent, 'a total that overflows').to.equal('—');
    expect(allocation(el).find((r) => r[0] === 'Debt mutual funds')?.slice(1)).to.deep.equal(['—', '—']);
    for (const rect of part(el, 'chart')!.querySelectorAll('rect')) expect(rect.getAttribute('width')).to.match(/^\d+(\.\d+)?%$/);
    expect(part(el, 'chart')!.getAttribute('aria-label')).to.not.include('NaN');
    expect(el.toCSV()).to.not.match(/Infinity|NaN/);
  });

  it('renders a statement of 2,000 schemes and 20,000 transactions, without listing transactions', async () => {
    const transactions = Array.from({ length: 10 }, (_, i) => ({ date: '2026-01-01', description: `TXN-${i}`, type: 'PURCHASE', amount: 100, units: 1 }));
    const mutual_funds = Array.from({ length: 50 }, (_, f) => ({
      folio_number: `F${f}`,
      amc: `AMC ${f}`,
      schemes: Array.from({ length: 40 }, (_, s) => ({ name: `Scheme ${f}-${s}`, isin: `INF${f}X${s}`, type: 'Equity', units: s + 1, nav: 10, value: (s + 1) * 10, transactions })),
    }));
    const el = await show({ mutual_funds });
    const rows = () => root(el).querySelectorAll('[part=holdings] tbody tr').length;
    // The first tables at once, the others in idle time just after.
    expect(rows()).to.be.at.least(300);
    await waitUntil(() => rows() === 2000, 'every row built', { timeout: 5000 });
    expect(root(el).textContent).to.not.include('TXN-');
    expect(el.toCSV().split('\r\n')).to.have.length(2002);
  });
});

describe('<cas-portfolio> built files (dist/cdn, after npm run build)', () => {
  /** A page of `body` (after the CSP probe) in an iframe, once loaded and `cas-portfolio` defined. */
  async function page(body: string) {
    const iframe = document.createElement('iframe');
    const csp = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
    iframe.srcdoc = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}"></head>
      <body><script src="/test/portfolio/csp-probe.js"></script>${body}</body></html>`;
    const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
    document.body.append(iframe);
    await loaded;
    const win = iframe.contentWindow as Window & typeof globalThis & { litHtmlVersions?: string[]; __errors: string[]; __violations: string[] };
    await win.customElements.whenDefined('cas-portfolio');
    const scripts = () => win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((f) => f.endsWith('.js'));
    return { iframe, win, scripts };
  }

  for (const order of ['cas-connect.js first', 'cas-portfolio.js first']) {
    it(`cas-connect.js and cas-portfolio.js on one page (${order}): one copy of Lit, the portfolio's own code alone fetched, both elements drawn`, async () => {
      const tags = ['<script type="module" src="/dist/cdn/cas-connect.js"></script>', '<script type="module" src="/dist/cdn/cas-portfolio.js"></script>'];
      if (order !== 'cas-connect.js first') tags.reverse();
      const { iframe, win, scripts } = await page(
        `<cas-connect token-url="/token"></cas-connect><cas-portfolio></cas-portfolio>${tags.join('')}<script type="module" src="/test/portfolio/module-probe.js"></script>`,
      );
      try {
        await win.customElements.whenDefined('cas-connect');
        // Lit adds its version to this list once per copy that runs on the page.
        expect(win.litHtmlVersions, 'one Lit on the page').to.have.length(1);
        const files = scripts();
        expect(files).to.include('/dist/cdn/chunks/portfolio-on-connect.js');
        expect(files).to.not.include('/dist/cdn/chunks/portfolio-alone.js');
        const el = win.document.querySelector('cas-portfolio') as CasPortfolioElement;
        el.result = CDSL;
        await waitUntil(() => part(el, 'total')?.textContent?.includes('14,24,800.00'), 'the portfolio drawn', { timeout: 5000 });
        const connect = win.document.querySelector('cas-connect')!;
        await waitUntil(() => connect.shadowRoot?.querySelector('[part=method-upload]'), 'the choice drawn', { timeout: 5000 });
        const probe = win as unknown as { __portfolioModule?: Record<string, unknown> };
        await waitUntil(() => probe.__portfolioModule, 'the module imported by the host');
        expect(probe.__portfolioModule!.CasPortfolioElement, 'the module exports the class in use').to.equal(win.customElements.get('cas-portfolio'));
        expect(probe.__portfolioModule!.registerLanguage, "cas-connect.js's registry").to.be.a('function');
        expect(win.__errors).to.deep.equal([]);
        expect(win.__violations).to.deep.equal([]);
      } finally {
        iframe.remove();
      }
    });
  }

  it('cas-portfolio.js without cas-connect.js: its own copy (chunks/portfolio-alone.js), no cas-connect.js fetched, Hindi from beside the script', async () => {
    const { iframe, win, scripts } = await page('<cas-portfolio lang="hi"></cas-portfolio><script type="module" src="/dist/cdn/cas-portfolio.js"></script>');
    try {
      const el = win.document.querySelector('cas-portfolio') as CasPortfolioElement;
      el.result = CDSL;
      await waitUntil(() => root(el).querySelector('section')?.lang === 'hi', 'Hindi shown', { timeout: 5000 });
      const files = scripts();
      expect(files).to.include('/dist/cdn/chunks/portfolio-alone.js');
      expect(files.filter((f) => /cas-connect|portfolio-on-connect/.test(f))).to.deep.equal([]);
      expect(files.filter((f) => f.endsWith('.hi.js'))).to.deep.equal(['/dist/cdn/cas-portfolio.hi.js']);
      expect(win.litHtmlVersions).to.have.length(1);
      expect(win.__errors).to.deep.equal([]);
    } finally {
      iframe.remove();
    }
  });

  it('the classic script and the module on one page under the CSP of §7: one definition, window.CasPortfolio, Hindi from beside them', async () => {
    const iframe = document.createElement('iframe');
    const csp = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
    iframe.srcdoc = `<!doctype html><html lang="hi"><head><meta http-equiv="Content-Security-Policy" content="${csp}"></head>
      <body><script src="/test/portfolio/csp-probe.js"></script>
      <cas-portfolio></cas-portfolio>
      <script src="/dist/cdn/cas-portfolio.iife.js"></script><script type="module" src="/dist/cdn/cas-portfolio.js"></script></body></html>`;
    const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
    document.body.append(iframe);
    try {
      await loaded;
      const win = iframe.contentWindow as Window &
        typeof globalThis & { CasPortfolio?: { CasPortfolioElement: unknown }; __errors: string[]; __violations: string[] };
      await win.customElements.whenDefined('cas-portfolio');
      expect(win.CasPortfolio?.CasPortfolioElement, 'window.CasPortfolio names the class in use').to.equal(win.customElements.get('cas-portfolio'));
      const el = win.document.querySelector('cas-portfolio') as CasPortfolioElement;
      el.result = CDSL;
      await waitUntil(() => root(el).querySelector('section')?.lang === 'hi', 'Hindi shown', { timeout: 5000 });
      expect(part(el, 'total')!.textContent).to.equal('कुल मूल्य ₹14,24,800.00');
      const files = win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
      expect(files.filter((f) => f.endsWith('.hi.js')), 'Hindi from beside the script').to.deep.equal(['/dist/cdn/cas-portfolio.hi.js']);
      expect(win.__errors).to.deep.equal([]);
      expect(win.__violations).to.deep.equal([]);
    } finally {
      iframe.remove();
    }
  });
});

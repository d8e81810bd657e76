import { LitElement, html, svg, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { ParseResult } from '../core/types.js';
import { styles } from './styles.js';
import { en, type CasPortfolioStrings } from './en.js';
import { loadHi } from './load-hi.js';
import { catalog } from '../shared/catalog.js';
import { defineOnce, langOf, watchLang, awaitFiles } from '../shared/lang.js';
import { portfolio, type Account, type Line, type Lines, type Portfolio } from './model.js';
import { toCsv } from './csv.js';

type Key = keyof CasPortfolioStrings;
type Strings = CasPortfolioStrings;

/** The texts in every language: English built in, Hindi a file of its own loaded when first used. */
const strings = catalog<Strings>(en, { hi: loadHi }, 'cas-portfolio');

// Money and numbers are written the Indian way in every language: ₹12,34,567.89.
const nf = (o: Intl.NumberFormatOptions) => new Intl.NumberFormat('en-IN', o);
const inr = (o?: Intl.NumberFormatOptions) => nf({ style: 'currency', currency: 'INR', ...o });
const MONEY = inr();
const SHARE = nf({ style: 'percent', maximumFractionDigits: 1 });
/** How each number column is written. */
const NUMBERS: Record<string, Intl.NumberFormat> = {
  units: nf({ maximumFractionDigits: 4 }),
  price: inr({ maximumFractionDigits: 4 }),
  value: MONEY,
  cost: MONEY,
  gain: inr({ signDisplay: 'exceptZero' }),
  pct: nf({ style: 'percent', maximumFractionDigits: 2, signDisplay: 'exceptZero' }),
  sum: MONEY,
  premium: MONEY,
};
/** The columns of a holdings table and of the CSV, and of the policies table. */
const HOLDING = ['name', 'isin', 'type', 'units', 'price', 'value', 'cost', 'gain', 'pct'];
const POLICY = ['name', 'provider', 'number', 'status', 'sum', 'premium', 'freq'];
/**
 * The columns a narrow table (below 480 px) still shows beside the name, by their class: the
 * value (`v`, the sum assured of a policy), and under it the gain (`g`) and its percent (`p`).
 */
const NARROW: Record<string, string> = { value: 'v', sum: 'v', gain: 'g', pct: 'p' };
const dates: Record<string, Intl.DateTimeFormat> = {};
const collators: Record<string, Intl.Collator> = {};

/** A figure as `f` writes it, or "—" when it is not a finite number (a sum that overflowed). */
const figure = (f: Intl.NumberFormat, v: number): string => (Number.isFinite(v) ? f.format(v) : '—');
/** A cell as text: numbers formatted, asset classes named, text as it is. */
const text = (t: Strings, c: string, v: string | number | null): string =>
  v == null
    ? ''
    : typeof v == 'number'
      ? figure(NUMBERS[c], c == 'pct' ? v / 100 : v)
      : c == 'type'
        ? (t[v as Key] ?? v)
        : v;
const blank = (v: unknown) => v == null || v === '';
const join = (...parts: unknown[]) => parts.filter(Boolean).join(' · ');

/** Rows a table shows until the visitor asks for all of them. */
const FIRST = 100;
/** Rows one render builds at once (the first tables); later tables are filled in idle time. */
const EAGER = 300;
/** Milliseconds of row building per frame, when a table has more rows to show than that. */
const SLICE = 8;
/** Runs `f` when the page is idle (within 100 ms), or soon where there is no idle callback. */
const idle = (f: (d?: IdleDeadline) => void): true => (
  globalThis.requestIdleCallback?.(f, { timeout: 100 }) ?? setTimeout(f),
  true
);
/** Runs `f` before the next frame is drawn (or soon, where frames are not drawn: a hidden page). */
const frame = (f: () => void): unknown =>
  (!globalThis.document?.hidden && globalThis.requestAnimationFrame?.(f)) || setTimeout(f);

/**
 * A table body, its rows built with DOM calls when first shown and kept in it: sorting and
 * "show all" move them. Which line each row shows is its index in `lines` at the same position
 * of `order`; nothing else is kept per row.
 */
interface Body {
  t: Strings;
  el: HTMLTableSectionElement;
  /** The widths of the columns (`grid-template-columns`), set on the table. */
  widths: string;
  /** The lines of the rows in the body, in their order (indices into `lines`). */
  order: Uint32Array;
  /** What is shown or being shown: the order asked for (`null`: the statement's), and whether all of it. */
  shown?: [Uint32Array | null, boolean];
}

/**
 * `<cas-portfolio>`: shows a parsed CAS statement as people read a portfolio: the investor and
 * period, the total value, the allocation by asset class (a chart and a table with the same
 * figures), each demat account, mutual fund folio and NPS account with its holdings in tables
 * sortable by every column, insurance policies, and a CSV download of the holdings. Every field
 * of the statement is optional; what is absent is not shown. Everything is rendered as text.
 *
 * @summary Shows a parsed CAS statement: total, allocation, holdings, CSV.
 * @tagname cas-portfolio
 *
 * @csspart heading - The investor's name (or "Portfolio").
 * @csspart total - The total value.
 * @csspart gain - The gain over the holdings whose cost the statement gives.
 * @csspart chart - The allocation chart (`<svg>`).
 * @csspart allocation-table - The allocation table, beside the chart.
 * @csspart holdings - The accounts and folios, each with its holdings table.
 * @csspart insurance - The insurance policies.
 * @csspart download - The "Download CSV" button.
 * @csspart columns - Each holdings table's "All columns" toggle, shown while the element is narrower than 480 px (where a row shows the name, the value and the gain): pressed, the table shows every column and scrolls sideways in its box.
 *
 * @cssprop [--cas-upload-accent=#0b63ce] - Chart bars, buttons, focus ring (dark: #8ab4f8).
 * @cssprop [--cas-upload-text=#1a1d23] - Text colour (dark: #e8eaed).
 * @cssprop [--cas-upload-muted=#5b6270] - Secondary text colour (dark: #b2b8c2).
 * @cssprop [--cas-upload-background=#fff] - Background (dark: #1e2127).
 * @cssprop [--cas-upload-border=#8a919e] - Borders and chart tracks (dark: #6b7380).
 * @cssprop [--cas-upload-danger=#b3261e] - Losses (dark: #f2b8b5).
 * @cssprop [--cas-upload-success=#1b7a3a] - Gains (dark: #7fd49a).
 * @cssprop [--cas-upload-radius=10px] - Corner radius.
 * @cssprop [--cas-upload-spacing=16px] - Base spacing.
 * @cssprop [--cas-upload-font=1rem/1.5 system-ui, sans-serif] - The `font` shorthand.
 */
export class CasPortfolioElement extends LitElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    result: { attribute: false },
    htmlFor: { attribute: 'for' },
    strings: { attribute: false },
  };

  /**
   * Registers the element as `tag` (default `cas-portfolio`); does nothing when that tag is
   * already defined, so a second registration never throws.
   */
  static define(tag = 'cas-portfolio', registry?: CustomElementRegistry): void {
    defineOnce(this, tag, registry);
  }

  /** The parse result shown: the API's JSON body (`cas-upload-success` `detail.result`). */
  result?: ParseResult | null;
  /**
   * `id` of the `<cas-upload>` or `<cas-connect>` (in the same document or shadow root) whose
   * `cas-upload-success` result is shown; that element may appear later than this one.
   */
  htmlFor = '';
  /** Partial override of any UI text. */
  strings: Partial<CasPortfolioStrings> = {};

  #p: Portfolio | null = null;
  #root?: Node;
  #langs?: MutationObserver;
  #tc?: [Strings, Partial<Strings>, Strings];
  /** Per table: the column, the direction (1 ascending, -1 descending) and the lines in that order (indices). */
  #sorts = new WeakMap<Lines, [string, number, Uint32Array]>();
  #bodies = new WeakMap<Lines, Body>();
  /** Tables whose every row is shown. */
  #all = new WeakSet<Lines>();
  /** Tables shown whole (every column) on a narrow element. */
  #whole = new WeakSet<Lines>();
  /** Rows this render may still build at once; tables to fill in idle time; whether that is scheduled. */
  #budget = 0;
  #later: (() => void)[] = [];
  #idle = false;
  /** Rows still to be built in later frames, table by table, and when they all are. */
  #slices: ((ms: number) => boolean)[] = [];
  #sliced?: Promise<void>;
  #slicedDone?: () => void;
  /** The table bodies of the last render. */
  #shownBodies: Body[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    // Captured at the root, so that it is heard even where the host stops the event.
    (this.#root = this.getRootNode()).addEventListener('cas-upload-success', this.#heard, true);
    // `lang` here or on any ancestor: a change re-renders in that language.
    this.#langs = watchLang(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#root?.removeEventListener('cas-upload-success', this.#heard, true);
    this.#langs?.disconnect();
  }

  #heard = (e: Event) => {
    const id = this.htmlFor;
    if (id && e.composedPath().some((n) => n instanceof Element && n.id == id && n.getRootNode() == this.#root)) {
      this.result = (e as CustomEvent<{ result?: ParseResult }>).detail?.result;
    }
  };

  /**
   * The holdings as CSV text, as the download button saves it: a header line, then one line per
   * holding with its account; numbers unformatted, text quoted, formulas neutralised.
   */
  toCSV(): string {
    const t = this.#t;
    return toCsv([
      [t.account, ...HOLDING.map((c) => t[c as Key])],
      ...(this.#p?.accounts ?? []).flatMap((a) =>
        a.lines.all().map((l) => [
          join(a.title, a.id[1] && `${t[a.id[0]]} ${a.id[1]}`),
          ...HOLDING.map((c) => (c == 'type' ? text(t, c, l[c]) : l[c])),
        ]),
      ),
    ]);
  }

  #download() {
    const a = document.createElement('a');
    const to = this.#p?.to ?? '';
    a.href = URL.createObjectURL(new Blob([this.toCSV()], { type: 'text/csv;charset=utf-8' }));
    a.download = `portfolio${/^\d{4}-\d\d-\d\d$/.test(to) ? `-${to}` : ''}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1e4);
  }

  /**
   * Hindi is a separate file: the first render waits up to 1.5 s for it, later ones do not (the
   * element renders again when it arrives). A failed load is tried once more, then English.
   */
  protected override async scheduleUpdate(): Promise<void> {
    const loading = strings.loadStrings(langOf(this));
    if (loading) await awaitFiles(this, loading, !this.hasUpdated);
    super.scheduleUpdate();
  }

  /** The language shown: `lang` when its strings are loaded, else English. */
  get #speaks(): string {
    return strings.shownLanguage(langOf(this));
  }

  /** The locale for dates and sorting: the language shown, Indian unless a region is given. */
  get #locale(): string {
    const l = this.#speaks;
    return l.includes('-') ? l : `${l}-IN`;
  }

  get #t(): Strings {
    const base = strings.stringsFor(langOf(this));
    const c = this.#tc;
    return c && c[0] == base && c[1] == this.strings
      ? c[2]
      : (this.#tc = [base, this.strings, { ...base, ...this.strings }])[2];
  }

  #date(s: string): string {
    const d = /^\d{4}-\d\d-\d\d$/.test(s) ? new Date(`${s}T00:00Z`) : null;
    const l = this.#locale;
    return d && !isNaN(+d)
      ? (dates[l] ??= new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' })).format(d)
      : s;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new statement: the rows of the old one still to be built are not.
    if (changed.has('result')) (this.#p = portfolio(this.result)), (this.#slices = []);
  }

  // The templates are written without line breaks between tags: their text ships as is.
  protected override render() {
    this.#budget = EAGER;
    this.#shownBodies = [];
    const t = this.#t;
    const p = this.#p;
    if (!p) return html`<p class="m" lang=${this.#speaks}>${t.empty}</p>`;
    const dates = [p.from, p.to]
      .filter(Boolean)
      .map((d) => this.#date(d))
      .join(' – ');
    const about = join(p.source, dates && `${t.period}: ${dates}`);
    return html`<section lang=${this.#speaks} aria-labelledby="h">
      <h2 id="h" part="heading">${p.name || t.portfolio}</h2>
      ${
        about ? html`<p class="m">${about}</p>` : nothing
      }${p.total == null ? nothing : html`<p part="total"><span class="m">${t.total}</span> <b>${figure(MONEY, p.total)}</b></p>`}${
        p.cost
          ? html`<p part="gain" class=${p.gain > 0 ? 'up' : p.gain < 0 ? 'dn' : nothing}>${this.#gain(t, p)}</p>`
          : nothing
      }${p.classes.length ? this.#allocation(t, p) : nothing}${
        p.accounts.length
          ? html`<div part="holdings">
              <h3>${t.holdings}</h3>
              ${p.accounts.map((a, i) => this.#account(t, a, `h${i}`))}
            </div>`
          : nothing
      }${
        p.policies.length
          ? html`<div part="insurance">
              <h3 id="i">${t.insurance}</h3>
              ${this.#table(t, 'i', POLICY, p.policies)}
            </div>`
          : nothing
      }${
        p.accounts.some((a) => a.lines.length)
          ? html`<p><button part="download" @click=${this.#download}>${t.download}</button></p>`
          : nothing
      }
    </section>`;
  }

  /** "Gain +₹90,000.00 (+29.03%) on a cost of ₹3,10,000.00", in the UI language. */
  #gain(t: Strings, p: Portfolio): string {
    const v: Record<string, string> = {
      gain: figure(NUMBERS.gain, p.gain),
      pct: figure(NUMBERS.pct, p.gain / p.cost),
      cost: figure(MONEY, p.cost),
    };
    return t.gainOn.replace(/\{(\w+)\}/g, (m, k: string) => v[k] ?? m);
  }

  /** The chart (bars labelled with their class and share) and the table of the same figures. */
  #allocation(t: Strings, p: Portfolio) {
    // Shares of what is held; a negative value is listed but takes no share. A share of a sum
    // that overflowed is no number: "—", and no bar.
    const held = p.classes.reduce((s, c) => s + Math.max(c[1], 0), 0);
    const share = (v: number) => (held > 0 ? Math.max(v, 0) / held : 0);
    const rows = p.classes.map(([c, v]) => [t[c], figure(MONEY, v), figure(SHARE, share(v)), share(v) || 0] as const);
    const label = `${t.allocation}: ${rows.map((r) => `${r[0]} ${r[2]}`).join(', ')}`;
    const bars = rows.map(
      ([name, , pct, s], i) =>
        svg`<g transform="translate(0 ${i * 40})"><text y="15">${name}</text><text x="100%" y="15" text-anchor="end">${pct}</text><rect class="k" y="22" width="100%" height="10" rx="5"/><rect y="22" width=${`${s * 100}%`} height="10" rx="5"/></g>`,
    );
    const cells = rows.map(
      (r) =>
        html`<tr>
          <th scope="row">${r[0]}</th>
          <td class="n">${r[1]}</td>
          <td class="n">${r[2]}</td>
        </tr>`,
    );
    return html`<h3 id="a">${t.allocation}</h3>
      <div class="al">
        <svg part="chart" role="img" width="100%" height=${rows.length * 40} aria-label=${label}>${bars}</svg>
        <div class="x">
          <table part="allocation-table" aria-labelledby="a">
            <thead>
              <tr>
                <th scope="col">${t.class}</th>
                <th scope="col" class="n">${t.value}</th>
                <th scope="col" class="n">${t.share}</th>
              </tr>
            </thead>
            <tbody>
              ${cells}
            </tbody>
          </table>
        </div>
      </div>`;
  }

  #account(t: Strings, a: Account, id: string) {
    const [kind, key] = a.id;
    const ref = key && `${t[kind]} ${key}`;
    return html`<h4 id=${id}>${a.title || ref || t.holdings}</h4>
      <p class="m">${join(a.title && ref, a.sub, a.value != null && figure(MONEY, a.value))}</p>
      ${a.lines.length ? this.#table(t, id, HOLDING, a.lines) : nothing}`;
  }

  /** A table of `lines` with the `columns` that have a value, sortable by each. */
  #table(t: Strings, id: string, columns: string[], lines: Lines) {
    const st = lines.stats;
    const cols = columns.filter((c) => c == 'name' || (st[c] && (c != 'type' || st[c].types.some((v) => v != 'nps'))));
    const sorted = this.#sorts.get(lines);
    const head = cols.map((c) => {
      const dir = sorted?.[0] == c ? sorted[1] : 0;
      return html`<th
        scope="col"
        class=${c in NUMBERS ? `n ${NARROW[c] ?? ''}` : nothing}
        aria-sort=${dir ? (dir > 0 ? 'ascending' : 'descending') : nothing}
      >
        <button @click=${() => this.#sort(t, lines, c)}>
          ${t[c as Key]}<span aria-hidden="true">${dir > 0 ? '▲' : dir ? '▼' : '↕'}</span>
        </button>
      </th>`;
    });
    const more = lines.length > FIRST && !this.#all.has(lines);
    const whole = this.#whole.has(lines);
    // Narrow, a row shows the name and the value (and the gain); this button shows the table whole.
    return html`<button
        part="columns"
        class="w"
        aria-pressed=${whole}
        aria-describedby=${id}
        @click=${() => (whole ? this.#whole.delete(lines) : this.#whole.add(lines), this.requestUpdate())}
      >
        ${t.columns}
      </button>
      <div class=${whole ? 'x' : 'x t'}>
        <table class="g" aria-labelledby=${id}>
          <thead>
            <tr>
              ${head}
            </tr>
          </thead>
          ${this.#body(t, cols, lines)}
        </table>
      </div>
      ${
        more
          ? html`<p>
              <button class="more" @click=${() => (this.#all.add(lines), this.requestUpdate())}>
                ${t.more.replace('{n}', NUMBERS.units.format(lines.length))}
              </button>
            </p>`
          : nothing
      }`;
  }

  /**
   * The table body of `lines`. The first {@link EAGER} rows of a render are built at once; the
   * tables after them are filled in idle time, table by table, so that a large statement does
   * not hold the page up. A table asked to show more rows than a frame builds in
   * {@link SLICE} ms builds the rest in the frames after, in order.
   */
  #body(t: Strings, cols: string[], lines: Lines): HTMLTableSectionElement {
    let b = this.#bodies.get(lines);
    if (b?.t != t)
      this.#bodies.set(lines, (b = { t, el: document.createElement('tbody'), widths: widths(t, cols, lines), order: new Uint32Array(lines.length) }));
    const body = b;
    this.#shownBodies.push(body);
    const fill = () => {
      const order = this.#sorts.get(lines)?.[2] ?? null;
      const all = this.#all.has(lines);
      if (!body.shown || body.shown[0] != order || body.shown[1] != all) {
        const first = !body.shown;
        body.shown = [order, all];
        this.#place(t, cols, lines, body, order, all ? lines.length : Math.min(FIRST, lines.length), first);
      }
    };
    if (body.shown || this.#budget > 0) fill();
    else this.#later.push(() => this.#bodies.get(lines) == body && fill());
    return body.el;
  }

  /**
   * Puts in `body` the first `k` lines of `order` (the statement's order when `null`): the rows
   * already built are moved, the others built, as many as this render may still build (and at
   * least one frame's worth); the rest in later frames. A newer order or count replaces what is
   * left of an older one, so that no row is lost or shown twice.
   */
  #place(t: Strings, cols: string[], lines: Lines, body: Body, order: Uint32Array | null, k: number, first: boolean) {
    const el = body.el;
    const rows = el.children;
    const n = rows.length;
    // Where each line's row is now (-1: not built).
    const at = new Int32Array(lines.length).fill(-1);
    for (let j = 0; j < n; j++) at[body.order[j]] = j;
    const kept = Array.from(rows);
    const want = (i: number) => (order ? order[i] : i);
    const end = performance.now() + SLICE;
    // Rows go straight into a fragment: no list of them is kept while they are built.
    const next = document.createDocumentFragment();
    let i = 0;
    let built = 0;
    for (; i < k; i++) {
      const li = want(i);
      const j = at[li];
      if (j < 0) {
        if (built % 32 == 0 && built >= (first ? this.#budget : 0) && performance.now() > end) break;
        built++;
      }
      next.append(j < 0 ? row(t, cols, lines.at(li)) : kept[j]);
      body.order[i] = li;
    }
    el.replaceChildren(next);
    if (first) this.#budget -= built;
    if (i < k) {
      const shown = body.shown;
      const more = (ms: number) => {
        // Replaced by a newer order or count, or by a new statement or language: stop.
        if (body.shown != shown || this.#bodies.get(lines) != body) return false;
        const stop = performance.now() + ms;
        const add = document.createDocumentFragment();
        for (let m = 0; i < k && (m % 32 || performance.now() < stop); i++, m++) {
          const li = want(i);
          add.append(row(t, cols, lines.at(li)));
          body.order[i] = li;
        }
        el.append(add);
        return i < k;
      };
      this.#slices.push(more);
      this.#slice();
    }
  }

  /** Runs the waiting slices of rows, one frame at a time. */
  #slice() {
    if (this.#sliced) return;
    this.#sliced = new Promise((r) => (this.#slicedDone = r));
    let end = 0;
    const step = () => {
      // A slice takes as long as the page took since the last one (up to 50 ms, at least
      // SLICE): drawing a frame costs more as a table grows, and fewer frames then cost less.
      const start = performance.now();
      const ms = Math.min(Math.max(SLICE, end && start - end), 50);
      while (this.#slices.length && !this.#slices[0](ms)) this.#slices.shift();
      end = performance.now();
      if (this.#slices.length) frame(step);
      else (this.#sliced = undefined), this.#slicedDone!();
    };
    frame(step);
  }

  /** Resolves once rendered and every row asked for (the first rows, "Show all", a sort) is in its table. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#sliced) {
      await this.#sliced;
      done = (await super.getUpdateComplete()) && done;
    }
    return done;
  }

  protected override updated(): void {
    if (this.#later.length && !this.#idle) this.#idle = idle(this.#work);
    // Through the CSSOM, which a page's Content Security Policy allows (a style attribute it may not).
    for (const b of this.#shownBodies) b.el.parentElement?.style.setProperty('--c', b.widths);
  }

  /** Fills waiting tables for a few milliseconds at a time. */
  #work = (deadline?: IdleDeadline) => {
    const end = performance.now() + 8;
    do this.#later.shift()?.();
    while (this.#later.length && (deadline ? deadline.timeRemaining() : end - performance.now()) > 1);
    this.#idle = !!this.#later.length && idle(this.#work);
  };

  /** Sorts a table by column `c`: ascending first, then the other way; blanks stay last. */
  #sort(t: Strings, lines: Lines, c: string) {
    const was = this.#sorts.get(lines);
    const dir = was?.[0] == c ? -was[1] : 1;
    const l = this.#locale;
    const collator = (collators[l] ??= new Intl.Collator(l, { numeric: true, sensitivity: 'base' }));
    const keys = lines.all().map((x) => (c == 'type' ? text(t, c, x[c]) : x[c]));
    const sorted = Uint32Array.from(keys, (_, i) => i).sort((p, q) => {
      const a = keys[p];
      const b = keys[q];
      if (blank(a) || blank(b)) return +blank(a) - +blank(b);
      return dir * (typeof a == 'number' ? a - (b as number) : collator.compare(a as string, b as string)) || p - q;
    });
    this.#sorts.set(lines, [c, dir, sorted]);
    this.requestUpdate();
  }
}

/** A table row of `l`: the name as its row header, numbers aligned, gains marked. */
function row(t: Strings, cols: string[], l: Line): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const c of cols) {
    const v = l[c];
    const cell = c == 'name' ? tr.appendChild(document.createElement('th')) : tr.insertCell();
    cell.textContent = text(t, c, v);
    if (c == 'name') cell.scope = 'row';
    else if (typeof v == 'number')
      cell.className = `${(c == 'gain' || c == 'pct') && v ? (v > 0 ? 'n up' : 'n dn') : 'n'} ${NARROW[c] ?? ''}`;
  }
  return tr;
}

/**
 * The widths of a table's columns, from the longest text each can show (its header or a cell),
 * so that every row, laid out on its own, lines up with the others (no track depends on a
 * row's content). A number's column is as wide as the largest one (with the sign, and room for
 * the fraction digits of units and prices) and never wraps; the name and the other text
 * columns share what is left in proportion to their longest text (up to 24 characters),
 * wrapping, each at least as wide as its header (or its text, up to 15 characters).
 */
function widths(t: Strings, cols: string[], lines: Lines): string {
  const st = lines.stats;
  return cols
    .map((c) => {
      // The header: its label, bold, and the sort arrow.
      const head = Math.ceil(t[c as Key].length * 1.15) + 2;
      if (c == 'name') return `minmax(max(9em,${head}ch),24fr)`;
      const s = st[c];
      if (s && c in NUMBERS) {
        const chars = text(t, c, -s.lo > s.hi ? s.lo : s.hi).length + (c == 'units' || c == 'price' ? 5 : 0);
        return `calc(${Math.max(chars, head)}ch + .75em)`;
      }
      const chars = s ? Math.min(Math.ceil(Math.max(s.len, ...s.types.map((v) => text(t, c, v).length)) * 1.25), 24) : 0;
      // At least its header, or its longest text up to 15 characters (an ISIN, a policy number: one word).
      return `minmax(calc(${Math.max(head, Math.min(chars, 15))}ch + .75em),${Math.max(chars, head)}fr)`;
    })
    .join(' ');
}

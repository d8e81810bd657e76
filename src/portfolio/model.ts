// What `<cas-portfolio>` shows, read from a parse result (API-NOTES §1.2). Every field may be
// missing, null, of another type or negative: numbers may come as strings ("1,234.5"), text
// as numbers; anything else is left out. Unknown fields are ignored. Transactions are not read.

/** The asset classes, in the order the allocation lists them (before sorting by value). */
export const CLASSES = [
  'mfEquity',
  'mfDebt',
  'mfHybrid',
  'mfOther',
  'equities',
  'bonds',
  'gsecs',
  'aifs',
  'dematMf',
  'nps',
  'life',
] as const;

/** An asset class (its name is the string of that key). */
export type AssetClass = (typeof CLASSES)[number];

/** One line of a holdings or policies table: cells by column key; absent is `null` or `''`. */
export type Line = Record<string, string | number | null>;

/**
 * The lines of a table, read from the statement when asked for (`at(i)`, a new object each
 * time) rather than kept: a statement of thousands of holdings is held once, by the result.
 */
export class Lines {
  readonly #src: Obj[];
  readonly #read: (o: Obj, i: number) => Line;
  constructor(src: Obj[], read: (o: Obj, i: number) => Line) {
    this.#src = src;
    this.#read = read;
  }
  get length(): number {
    return this.#src.length;
  }
  at(i: number): Line {
    return this.#read(this.#src[i], i);
  }
  /** Every line, in the statement's order. */
  all(): Line[] {
    return this.#src.map(this.#read);
  }
  #stats?: Record<string, Stat>;
  /** Reads every line once, in order, handing each to `each`; keeps the figures of each column. */
  scan(each?: (l: Line) => void): Record<string, Stat> {
    const stats: Record<string, Stat> = {};
    for (let i = 0; i < this.#src.length; i++) {
      const l = this.at(i);
      for (const c in l) {
        const v = l[c];
        if (v == null || v === '') continue;
        const s = (stats[c] ??= { lo: 0, hi: 0, len: 0, types: [] });
        if (typeof v == 'number') (s.lo = Math.min(s.lo, v)), (s.hi = Math.max(s.hi, v));
        else if (c == 'type') s.types.includes(v) || s.types.push(v);
        else s.len = Math.max(s.len, v.length);
      }
      each?.(l);
    }
    return (this.#stats = stats);
  }
  /** Per column with a value: its smallest and largest number (and 0), its longest text, its types. */
  get stats(): Record<string, Stat> {
    return this.#stats ?? this.scan();
  }
}

/** What a column of a table holds (see {@link Lines.stats}). */
export interface Stat {
  lo: number;
  hi: number;
  len: number;
  types: string[];
}

/** A demat account, a mutual fund folio or an NPS account, with its holdings. */
export interface Account {
  /** What identifies it: `demat` (BO ID), `folio` or `pran`, and its value. */
  id: ['demat' | 'folio' | 'pran', string];
  /** Who keeps it: DP, AMC or CRA. */
  title: string;
  /** Depository, registrar. */
  sub: string;
  value: number | null;
  lines: Lines;
}

/** A parse result as `<cas-portfolio>` shows it. */
export interface Portfolio {
  name: string;
  source: string;
  from: string;
  to: string;
  total: number | null;
  /** Over the holdings whose cost the statement gives: their cost and their gain. */
  cost: number;
  gain: number;
  /** Value by asset class, largest first; only classes with a value. */
  classes: [AssetClass, number][];
  accounts: Account[];
  policies: Lines;
}

type Obj = Record<string, unknown>;

/** `n` when it is finite (a sum or a ratio may overflow); `null` otherwise. */
const fin = (n: number): number | null => (Number.isFinite(n) ? n : null);
/**
 * A finite number from a number or a decimal string (commas allowed: `"1,234.5"`, `"-2"`);
 * `null` otherwise: `"0x10"`, `"0b11"`, `"Infinity"` and `"1e999"` are no number.
 */
export const num = (v: unknown): number | null => {
  const s = typeof v == 'string' ? v.trim() : '';
  return fin(typeof v == 'number' ? v : /^[-+]?[\d,]*\.?\d+(e[-+]?\d+)?$/i.test(s) ? Number(s.replace(/,/g, '')) : NaN);
};
/** Text from a string or a finite number; `''` otherwise. */
const str = (v: unknown): string => (typeof v == 'string' ? v.trim() : typeof v == 'number' && isFinite(v) ? String(v) : '');
const obj = (v: unknown): Obj => (v && typeof v == 'object' && !Array.isArray(v) ? (v as Obj) : {});
const isObj = (x: unknown): x is Obj => !!x && typeof x == 'object';
/** The objects of a list (the list itself when it has nothing else). */
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v.every(isObj) ? v : v.filter(isObj)) : []);
const join = (...parts: unknown[]) => parts.map(str).filter(Boolean).join(' · ');

/** Demat holding lists → asset class. */
const DEMAT: Record<string, AssetClass> = {
  equities: 'equities',
  corporate_bonds: 'bonds',
  government_securities: 'gsecs',
  aifs: 'aifs',
  demat_mutual_funds: 'dematMf',
};
/** Mutual fund scheme type → asset class. */
const SCHEME = new Map<string, AssetClass>([
  ['equity', 'mfEquity'],
  ['debt', 'mfDebt'],
  ['hybrid', 'mfHybrid'],
]);

/** One holding: units, price (NAV, or value / units), value, cost and gain where given. */
function line(h: Obj, type: AssetClass): Line {
  const units = num(h.units);
  const value = num(h.value);
  const cost = num(h.cost);
  const g = obj(h.gain);
  const gain = num(g.absolute) ?? (cost != null && value != null ? fin(value - cost) : null);
  const price = num(h.nav) ?? (units && value != null ? fin(value / units) : null);
  return {
    name: str(h.name),
    isin: str(h.isin),
    type,
    units,
    price,
    value,
    cost,
    gain,
    pct: num(g.percentage) ?? (gain != null && cost ? fin((gain / cost) * 100) : null),
  };
}

/** Reads a parse result; `null` when it is not an object. */
export function portfolio(result: unknown): Portfolio | null {
  if (!result || typeof result != 'object' || Array.isArray(result)) return null;
  const r = result as Obj;
  const meta = obj(r.meta);
  const period = obj(meta.statement_period);
  const accounts: Account[] = [];

  for (const a of list(r.demat_accounts)) {
    const holdings = obj(a.holdings);
    const src: Obj[] = [];
    // Where each asset class's holdings end in `src`.
    const ends: [number, AssetClass][] = [];
    for (const k in DEMAT) {
      for (const h of list(holdings[k])) src.push(h);
      ends.push([src.length, DEMAT[k]]);
    }
    const lines = new Lines(src, (h, i) => line(h, ends.find((e) => i < e[0])![1]));
    accounts.push({
      id: ['demat', str(a.bo_id) || str(a.dp_id) + str(a.client_id)],
      title: str(a.dp_name),
      sub: str(a.demat_type),
      value: num(a.value),
      lines,
    });
  }
  for (const f of list(r.mutual_funds)) {
    const lines = new Lines(list(f.schemes), (s) => line(s, SCHEME.get(str(s.type).toLowerCase()) ?? 'mfOther'));
    accounts.push({ id: ['folio', str(f.folio_number)], title: str(f.amc), sub: str(f.registrar), value: num(f.value), lines });
  }
  for (const n of list(r.nps)) {
    const lines = new Lines(list(n.funds), (f) => line(f, 'nps'));
    accounts.push({ id: ['pran', str(n.pran)], title: join('NPS', n.cra), sub: '', value: num(n.value), lines });
  }

  const policies = new Lines(list(obj(r.insurance).life_insurance_policies), (p) => ({
    name: str(p.policy_name),
    provider: str(p.provider),
    number: str(p.policy_number),
    status: str(p.status),
    sum: num(p.sum_assured),
    premium: num(p.premium_amount),
    freq: str(p.premium_frequency),
  }));

  const by = new Map<AssetClass, number>();
  const add = (c: AssetClass, v: number | null) => v != null && by.set(c, (by.get(c) ?? 0) + v);
  // One reading of every holding, in order: each account's sum (where the statement gives no
  // value), the value by class and, over the holdings whose cost is given, cost and gain.
  let cost = 0;
  let gain = 0;
  for (const a of accounts) {
    let held: number | null = null;
    const pran = a.id[0] == 'pran';
    a.lines.scan((l) => {
      const v = l.value as number | null;
      if (v != null) (held = (held ?? 0) + v), pran || add(l.type as AssetClass, v);
      if (l.cost != null && l.gain != null) (cost += l.cost as number), (gain += l.gain as number);
    });
    a.value ??= held;
    if (pran) add('nps', a.value);
  }
  // A policy has a sum assured, not a value: insurance counts only as the statement values it.
  add('life', num(obj(obj(obj(r.summary).accounts).insurance).total_value) || null);
  const classes = CLASSES.filter((c) => by.get(c)).map((c): [AssetClass, number] => [c, by.get(c)!]);
  classes.sort((a, b) => b[1] - a[1]);

  const total = num(obj(r.summary).total_value) ?? (classes.length ? classes.reduce((s, c) => s + c[1], 0) : null);
  const investor = obj(r.investor);
  return {
    name: str(investor.name),
    source: str(meta.cas_type).replace(/_KFINTECH$/i, '/KFintech'),
    from: str(period.from),
    to: str(period.to),
    total,
    cost,
    gain,
    classes,
    accounts,
    policies,
  };
}

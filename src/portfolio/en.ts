/**
 * Every text `<cas-portfolio>` shows; its `strings` property may override any of them. The
 * asset-class names are also the values of the CSV's type column.
 */
export interface CasPortfolioStrings {
  /** Shown while there is no statement. */
  empty: string;
  /** The heading when the statement names no investor. */
  portfolio: string;
  /** Label of the statement period. */
  period: string;
  /** Label of the total value. */
  total: string;
  /** Below the total, over the holdings with a cost: `{gain}`, `{pct}`, `{cost}`. */
  gainOn: string;
  /** Heading of the allocation chart and table. */
  allocation: string;
  /** Allocation table headers. */
  class: string;
  share: string;
  /** Heading of the accounts and folios. */
  holdings: string;
  /** Column headers of the holdings tables (and of the CSV). */
  account: string;
  name: string;
  isin: string;
  type: string;
  units: string;
  price: string;
  value: string;
  cost: string;
  gain: string;
  pct: string;
  /** What identifies a demat account, a folio and an NPS account. */
  demat: string;
  folio: string;
  pran: string;
  /** Heading and column headers of the insurance policies. */
  insurance: string;
  provider: string;
  number: string;
  status: string;
  sum: string;
  premium: string;
  freq: string;
  /** The CSV button. */
  download: string;
  /** Below a table of more than 100 holdings, which shows the first 100: `{n}`, how many. */
  more: string;
  /** The toggle of a narrow table (below 480 px, name and value only) that shows every column. */
  columns: string;
  /** Asset classes: mutual funds by scheme type, then demat holdings, NPS and insurance. */
  mfEquity: string;
  mfDebt: string;
  mfHybrid: string;
  mfOther: string;
  equities: string;
  bonds: string;
  gsecs: string;
  aifs: string;
  dematMf: string;
  nps: string;
  life: string;
}

/** English, the default. */
export const en: CasPortfolioStrings = {
  empty: 'No statement to show yet.',
  portfolio: 'Portfolio',
  period: 'Statement period',
  total: 'Total value',
  gainOn: 'Gain {gain} ({pct}) on a cost of {cost}',
  allocation: 'Allocation',
  class: 'Asset class',
  share: 'Share',
  holdings: 'Holdings',
  account: 'Account',
  name: 'Name',
  isin: 'ISIN',
  type: 'Type',
  units: 'Units',
  price: 'NAV/price',
  value: 'Value',
  cost: 'Cost',
  gain: 'Gain',
  pct: 'Gain %',
  demat: 'BO ID',
  folio: 'Folio',
  pran: 'PRAN',
  insurance: 'Insurance',
  provider: 'Insurer',
  number: 'Policy number',
  status: 'Status',
  sum: 'Sum assured',
  premium: 'Premium',
  freq: 'Frequency',
  download: 'Download CSV',
  more: 'Show all {n}',
  columns: 'All columns',
  mfEquity: 'Equity mutual funds',
  mfDebt: 'Debt mutual funds',
  mfHybrid: 'Hybrid mutual funds',
  mfOther: 'Other mutual funds',
  equities: 'Shares',
  bonds: 'Corporate bonds',
  gsecs: 'Government securities',
  aifs: 'AIFs',
  dematMf: 'Mutual funds in demat',
  nps: 'NPS',
  life: 'Insurance',
};

import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import type { ParseResult } from '../core/types.js';
import type { CasUploadStrings } from './texts.js';

/** What the summary needs from the element; Lit's `html` and `nothing` are handed in, so this file imports nothing. */
export interface SummaryContext {
  html: typeof litHtml;
  nothing: typeof litNothing;
  result: ParseResult;
  t: CasUploadStrings;
  locale: string;
  fmt: (value: number, options?: Intl.NumberFormatOptions) => string;
}

/** Date formatters by locale: made once, not at every success view. */
const dates = new Map<string, Intl.DateTimeFormat>();

/**
 * The success summary's list: investor, statement period, total value in rupees, demat
 * accounts and mutual fund folios, each left out when the result does not have it. Not in the
 * first render's code: the element loads this file when an upload starts (in the script-tag
 * build `cas-upload.summary.js`, beside the script). Every field goes through `String()`: an
 * object in the result (even one shaped like a Lit template) is text; a number that is not
 * finite (`1e999` in JSON reads as `Infinity`) is "—".
 */
export function summaryList({ html, nothing, result: r, t, locale, fmt }: SummaryContext): TemplateResult {
  const s = r.summary;
  const period = r.meta?.statement_period;
  const f = dates.get(locale) ?? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  dates.set(locale, f);
  const date = (iso: string, d = new Date(`${iso}T00:00Z`)) => (isNaN(+d) ? iso : f.format(d));
  const rows = [
    [t.investor, r.investor?.name],
    [t.period, period?.from && period.to && `${date(period.from)} – ${date(period.to)}`],
    [t.total, s?.total_value, { style: 'currency', currency: 'INR' }],
    [t.demat, s?.accounts?.demat?.count ?? r.demat_accounts?.length],
    [t.folios, s?.accounts?.mutual_funds?.count ?? r.mutual_funds?.length],
  ] as const;
  return html`<dl part="summary-list">
    ${rows.map(([k, v, o]) =>
      v == null || v === ''
        ? nothing
        : html`<dt>${k}</dt>
            <dd>${typeof v === 'number' ? (isFinite(v) ? fmt(v, o) : '—') : String(v)}</dd>`,
    )}
  </dl>`;
}

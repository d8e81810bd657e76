import { css, html, type TemplateResult } from 'lit';

/**
 * The list of statements a flow found or received (part `file-list`, one button each, part
 * `file`), shared by `<cas-inbox>` and `<cas-forward>` (and only by them: the other flows do
 * not carry it). Its styles are written compactly: this text ships as is.
 */
export const fileListStyles = css`
[part=file-list]{display:grid;gap:.5em;padding:0;list-style:none}
[part=file-list] button{width:100%;display:grid;text-align:start;gap:.1em}
`;

/** One statement of the list: a button (part `file`) with its name and, under it, the `facts` given, as text. */
export function fileItem(name: string, facts: string[], click: () => void): TemplateResult {
  return html`<li>
    <button type="button" part="file" @click=${click}>
      <span>${name}</span><span class="m">${facts.filter(Boolean).join(' · ')}</span>
    </button>
  </li>`;
}

/** A day or a moment (as the API gives it) in `locale`, `medium` style; `''` when it is no date. */
export function day(value: string, locale: string): string {
  // A bare `YYYY-MM-DD` is that day wherever the visitor is (read as UTC, shown as UTC).
  const bare = /^\d{4}-\d\d-\d\d$/.test(value);
  const date = Date.parse(value);
  return isNaN(date) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: bare ? 'UTC' : undefined }).format(date);
}

/** A CSV cell: a number, text, or nothing. */
export type Cell = string | number | null;

/**
 * One field: a number as it is; text in quotes (inner quotes doubled), and text that a
 * spreadsheet would read as a formula (a leading `=`, `+`, `-`, `@`, their full-width forms, a
 * tab, a line break or other white space) kept as text by a leading `'`.
 */
const field = (v: Cell): string =>
  typeof v == 'number' ? String(v) : v ? `"${(/^[\s=+\-@\uff1d\uff0b\uff0d\uff20]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : '';

/**
 * RFC 4180 CSV of `rows` (CRLF line ends), with a byte order mark so that spreadsheet programs
 * read UTF-8 (Hindi names) as such.
 */
export const toCsv = (rows: Cell[][]): string => `\ufeff${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;

import { CasUploadError } from './errors.js';
import { flowMessages } from './flow-messages.js';
import { callApi, checkSource, apiUrl, postJson, type ApiOptions } from './request.js';
import { worded } from './cdsl.js';

/** The earliest statement date KFintech serves: the default start of a mailback. */
export const MAILBACK_EARLIEST = '1990-01-01';
/** The shortest PDF password KFintech takes. */
export const MAILBACK_MIN_PASSWORD = 8;

/** What the investor gives to have KFintech e-mail a statement. Personal data: never logged or stored. */
export interface MailbackDetails {
  /** Where the statement is sent: the e-mail address registered with the investor's folios. */
  email: string;
  /** First day of the statement, `YYYY-MM-DD`. */
  fromDate: string;
  /** Last day of the statement, `YYYY-MM-DD`; not in the future. */
  toDate: string;
  /** The password the investor chooses for the PDF (at least {@link MAILBACK_MIN_PASSWORD} characters). */
  password: string;
  /** PAN, optional (`AAAAA9999A`, in any case). */
  pan?: string;
}

/** Which of the details failed the checks of {@link checkMailbackDetails}. */
export type MailbackField = 'email' | 'fromDate' | 'toDate' | 'password' | 'pan';

/** The error of {@link checkMailbackDetails}: `invalid-details`, naming the fields that failed. */
export class MailbackDetailsError extends CasUploadError {
  /** The fields that failed the checks, in form order. */
  readonly fields: MailbackField[];
  constructor(fields: MailbackField[]) {
    super('invalid-details', flowMessages['invalid-details']);
    this.fields = fields;
  }
}

/** `YYYY-MM-DD` of a local date. */
export function isoDay(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** A real calendar day `YYYY-MM-DD`. */
function realDay(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return /^\d{4}-\d\d-\d\d$/.test(s) && date.getUTCDate() === d && date.getUTCMonth() === m - 1 && y >= 1900;
}

/**
 * Checks the details before any request and returns the request body: an e-mail address, real
 * dates in order and not after `today` (for tests), a password of at least
 * {@link MAILBACK_MIN_PASSWORD} characters, and a PAN when one is given (sent in capitals).
 * @throws {MailbackDetailsError} `invalid-details`
 */
export function checkMailbackDetails(
  details: MailbackDetails,
  today: Date = new Date(),
): { email: string; from_date: string; to_date: string; password: string; pan_no?: string } {
  const email = String(details.email ?? '').trim();
  const from_date = String(details.fromDate ?? '');
  const to_date = String(details.toDate ?? '');
  const password = String(details.password ?? '');
  const pan = String(details.pan ?? '').trim().toUpperCase();
  const now = isoDay(today);
  const bad: MailbackField[] = [];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) bad.push('email');
  const fromOk = realDay(from_date) && from_date <= now;
  if (!fromOk) bad.push('fromDate');
  if (!realDay(to_date) || to_date > now || (fromOk && to_date < from_date)) bad.push('toDate');
  if (password.length < MAILBACK_MIN_PASSWORD) bad.push('password');
  if (pan && !/^[A-Z]{5}\d{4}[A-Z]$/.test(pan)) bad.push('pan');
  if (bad.length) throw new MailbackDetailsError(bad);
  return { email, from_date, to_date, password, ...(pan ? { pan_no: pan } : {}) };
}

/**
 * Asks KFintech to e-mail a CAMS+KFintech mutual-fund statement to the investor
 * (`POST {api-base}/v4/generate` `{email, from_date, to_date, password, pan_no?}`).
 * It arrives within 2-5 minutes, protected with the chosen password; nothing comes back to
 * parse. Never repeated on its own (each sends an e-mail): only a 429 with `Retry-After` is
 * waited out, and a 401/403 tried once more with a fresh token. `today` (for tests) bounds the dates.
 * @throws {CasUploadError} `invalid-details` (checked before any request, or refused by the
 *   API), or a code of an upload (`token-error`, `auth-failed`, `timeout`, `network-error`,
 *   `aborted`, …)
 */
export async function requestMailback(
  details: MailbackDetails,
  options: ApiOptions & { today?: Date },
): Promise<{ requestId: string | null }> {
  const url = apiUrl(options.apiBase ?? undefined, '/v4/generate');
  checkSource(options.token);
  const body = checkMailbackDetails(details, options.today);
  const { requestId } = await callApi(
    {
      send: postJson(url, body, options),
      once: true,
      codeFor: (status) => (status == 400 || status == 422 ? 'invalid-details' : undefined),
    },
    options,
  ).catch(worded);
  return { requestId };
}

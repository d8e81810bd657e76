import { CasUploadError, type CasUploadErrorCode, type FlowErrorCode } from './errors.js';
import { flowMessages } from './flow-messages.js';
import { callApi, checkSource, apiUrl, postJson, type ApiOptions } from './request.js';
import { parseUrl, type UploadResult } from './upload.js';
import { positive } from './numbers.js';
import { systemClock } from './clock.js';
import type { ParseResult } from './types.js';

/** What the investor types to fetch a CDSL statement. Personal data: never logged or stored. */
export interface CdslDetails {
  /** PAN, `AAAAA9999A`, in any case. */
  pan: string;
  /** CDSL BO ID: 16 digits; spaces are ignored. */
  boId: string;
  /** Date of birth, `YYYY-MM-DD` (the value of an `<input type="date">`). */
  dob: string;
}

/** A statement the fetch returned: its file name and a short-lived download URL. */
export interface CdslFile {
  filename: string;
  url: string;
}

/** Which of the details failed the checks of {@link checkCdslDetails}. */
export type CdslField = 'pan' | 'boId' | 'dob';

/** The error of {@link checkCdslDetails}: `invalid-details`, naming the fields that failed. */
export class CdslDetailsError extends CasUploadError {
  /** The fields that failed the checks, in form order. */
  readonly fields: CdslField[];
  constructor(fields: CdslField[]) {
    super('invalid-details', flowMessages['invalid-details']);
    this.fields = fields;
  }
}

/**
 * Checks the details before any request and returns the request body of step 1: PAN
 * `AAAAA9999A` (sent in capitals), BO ID 16 digits (spaces dropped), a real date of birth in
 * the past (`today` for tests).
 * @throws {CdslDetailsError} `invalid-details`
 */
export function checkCdslDetails(details: CdslDetails, today: Date = new Date()): { pan: string; bo_id: string; dob: string } {
  const pan = String(details.pan ?? '').trim().toUpperCase();
  const bo_id = String(details.boId ?? '').replace(/\s+/g, '');
  const dob = String(details.dob ?? '');
  const [y, m, d] = dob.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const bad: CdslField[] = [];
  if (!/^[A-Z]{5}\d{4}[A-Z]$/.test(pan)) bad.push('pan');
  if (!/^\d{16}$/.test(bo_id)) bad.push('boId');
  if (
    !/^\d{4}-\d\d-\d\d$/.test(dob) ||
    date.getUTCDate() !== d ||
    date.getUTCMonth() !== m - 1 ||
    y < 1900 ||
    +date >= Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())
  ) {
    bad.push('dob');
  }
  if (bad.length) throw new CdslDetailsError(bad);
  return { pan, bo_id, dob };
}

/** @internal The error with the sentence of a flow code, keeping status, API message and request id. */
export function worded(err: unknown): never {
  const e = err as CasUploadError;
  const message = flowMessages[e.code as FlowErrorCode];
  throw message ? new CasUploadError(e.code, message, e) : e;
}

/**
 * The code of a 400/422 of the fetch endpoints, by its message, else `fetch-failed`; with
 * `session`, a 404 (an unknown session) is `session-expired`.
 */
function fetchCode(session: boolean) {
  return (status: number, msg: string | null): CasUploadErrorCode | undefined => {
    if (status == 404 && session) return 'session-expired';
    if (status != 400 && status != 422) return;
    const m = msg ?? '';
    return /expired|session/i.test(m)
      ? 'session-expired'
      : /otp/i.test(m)
        ? 'invalid-otp'
        : /\b(no|not found)\b.*\b(cas|files?|statements?)\b|\b(cas|files?|statements?)\b.*\bnot found/i.test(m)
          ? 'no-statements'
          : /\b(pan|bo.?id|dob|birth|details?)\b/i.test(m)
            ? 'invalid-details'
            : 'fetch-failed';
  };
}

/**
 * CDSL step 1: asks CDSL to send the investor an OTP by SMS (`POST {api-base}/v4/cdsl/fetch`
 * `{pan, bo_id, dob}`). Takes 15-20 s. Never repeated on its own (each sends an SMS): only a
 * 429 with `Retry-After` is waited out, and a 401/403 tried once more with a fresh token.
 * @returns the session of step 2
 * @throws {CasUploadError} `invalid-details` (checked before any request, or refused by the
 *   API), `fetch-failed` (CDSL could not be reached, for example "CAPTCHA failed"), or a code
 *   of an upload (`token-error`, `auth-failed`, `timeout`, `network-error`, `aborted`, …)
 */
export async function requestCdslOtp(
  details: CdslDetails,
  options: ApiOptions,
): Promise<{ sessionId: string; requestId: string | null }> {
  const url = apiUrl(options.apiBase ?? undefined, '/v4/cdsl/fetch');
  checkSource(options.token);
  const body = checkCdslDetails(details);
  const { body: answer, requestId } = await callApi(
    { send: postJson(url, body, options), once: true, codeFor: fetchCode(false) },
    options,
  ).catch(worded);
  const sessionId = answer.session_id;
  if (typeof sessionId != 'string' || !sessionId) throw new CasUploadError('server-error', undefined, { requestId });
  return { sessionId, requestId };
}

/**
 * CDSL step 2: sends the OTP (`POST {api-base}/v4/cdsl/fetch/{session_id}/verify`
 * `{otp, num_periods}`) and returns the statements CDSL made, newest first. Never repeated on
 * its own (the API may have used the OTP of a verify whose answer was lost): only a 429 with
 * `Retry-After` is waited out, and a 401/403 tried once more with a fresh token.
 * @throws {CasUploadError} `invalid-otp` (the same session may be tried again; also for an OTP
 *   that is not 4 to 8 digits, without a request), `session-expired` (start again from step 1),
 *   `no-statements`, `fetch-failed`, or a code of an upload
 */
export async function verifyCdslOtp(
  sessionId: string,
  otp: string,
  options: ApiOptions & { periods?: number },
): Promise<{ files: CdslFile[]; requestId: string | null }> {
  const url = apiUrl(options.apiBase ?? undefined, `/v4/cdsl/fetch/${encodeURIComponent(sessionId)}/verify`);
  checkSource(options.token);
  const code = String(otp ?? '').replace(/\s+/g, '');
  if (!/^\d{4,8}$/.test(code)) worded(new CasUploadError('invalid-otp'));
  const body = { otp: code, num_periods: Math.floor(positive(options.periods, 1)) };
  const { body: answer, requestId } = await callApi(
    // Never repeated on its own: a verify whose answer was lost may have used the OTP, which
    // sent again would read as wrong (only a 429 with Retry-After, or a refused token, is).
    { send: postJson(url, body, options), once: true, codeFor: fetchCode(true) },
    options,
  ).catch(worded);
  const files = (Array.isArray(answer.files) ? answer.files : []).filter(
    (f): f is CdslFile => typeof f?.url == 'string' && f.url !== '',
  );
  if (!files.length) worded(new CasUploadError('no-statements', undefined, { requestId }));
  return { files: newestFirst(files), requestId };
}

const MONTHS = 'JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC';

/** The statements, newest first by the month in the file name (`…_NOV2025.pdf`); unknown ones last, in their order. */
export function newestFirst(files: CdslFile[]): CdslFile[] {
  const when = (f: CdslFile) => {
    const m = /(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[-_]?(\d{4})/i.exec(f.filename ?? '');
    return m ? Number(m[2]) * 12 + MONTHS.indexOf(m[1].toUpperCase()) / 3 : -1;
  };
  return files.map((f, i) => ({ f, i, t: when(f) })).sort((a, b) => b.t - a.t || a.i - b.i).map((x) => x.f);
}

/**
 * Parses a statement by its URL (`POST {api-base}/v4/{parser}/parse` `{pdf_url, password}`),
 * as fetched by {@link verifyCdslOtp} or found in a mailbox. Retried like an upload.
 * @throws {CasUploadError} `invalid-password`, `parse-failed` and the other codes of an upload
 */
export async function parseCasUrl(
  pdfUrl: string,
  password: string,
  options: ApiOptions & { parser?: string },
): Promise<UploadResult> {
  const url = parseUrl(options.apiBase ?? undefined, options.parser ?? undefined);
  checkSource(options.token);
  const started = (options.clock ?? systemClock).now();
  const { body, requestId } = await callApi({ send: postJson(url, { pdf_url: pdfUrl, password }, options) }, options);
  return { result: body as ParseResult, requestId, durationMs: (options.clock ?? systemClock).now() - started };
}

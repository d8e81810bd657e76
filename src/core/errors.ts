/**
 * Every way an upload can end badly, as a stable code. These names are public API.
 */
export type CasUploadErrorCode = UploadErrorCode | FlowErrorCode;

/** The codes of Part I: every way an upload can end badly. */
export type UploadErrorCode =
  | 'config-error'
  | 'invalid-file'
  | 'file-too-large'
  | 'token-error'
  | 'invalid-password'
  | 'parse-failed'
  | 'quota-exceeded'
  | 'auth-failed'
  | 'rate-limited'
  | 'server-error'
  | 'network-error'
  | 'timeout'
  | 'aborted';

/** The codes only the flows without a PDF in hand use (CDSL fetch, mailback, inbox). */
export type FlowErrorCode =
  | 'invalid-details'
  | 'invalid-otp'
  | 'session-expired'
  | 'fetch-failed'
  | 'no-statements'
  | 'inbox-error';

/**
 * English sentence for each code of an upload: `CasUploadError.message`, and the element's
 * English text (upload/en.ts). The flows' own codes have theirs in {@link flowMessages}, apart,
 * so that a page that only uploads does not load them.
 */
export const defaultMessages: Record<UploadErrorCode, string> & Partial<Record<CasUploadErrorCode, string>> = {
  'config-error': 'The uploader is not set up correctly.',
  'invalid-file': 'This file is empty or not a PDF.',
  'file-too-large': 'This file is too large.',
  'token-error': 'Could not start a secure session.',
  'invalid-password': 'The password is not correct for this statement.',
  'parse-failed': 'This PDF could not be read as a CAS statement. Please upload the original PDF.',
  'quota-exceeded': 'The statement service is not available right now. Please try later.',
  'auth-failed': 'The statement service did not accept this session. Please reload the page.',
  'rate-limited': 'Too many uploads just now. Please wait a minute.',
  'server-error': 'The statement service had a problem.',
  'network-error': 'Could not reach the statement service. Please check your connection.',
  timeout: 'The statement service took too long to answer.',
  aborted: 'Upload cancelled.',
};

/** `token-error`, `timeout`, `rate-limited`, `server-error`, `network-error` and `fetch-failed`: no other code starts so. */
const RETRYABLE = /^([tr]|ser|ne|fe)/;

/** Extra facts about a failure, all optional. */
export interface CasUploadErrorInit {
  /** HTTP status of the response that caused it, or `null`. */
  status?: number | null;
  /** The API's own `msg` (or `detail`), or `null`. */
  apiMessage?: string | null;
  /** The response's `X-Request-ID`, or `null`. */
  requestId?: string | null;
  /** Whether trying again may help; defaults by code. */
  retryable?: boolean;
}

/**
 * The error every failed upload rejects with. `code` is one of {@link CasUploadErrorCode};
 * `message` is a sentence for people and never contains the password or the token.
 */
export class CasUploadError extends Error {
  /** Stable machine-readable reason. */
  readonly code: CasUploadErrorCode;
  /** HTTP status of the response that caused it, or `null`. */
  readonly status: number | null;
  /**
   * The API's own message (`msg` or `detail`), or `null`; what reads as a PAN (`[PAN]`) or an
   * e-mail address (`[e-mail]`) masked, as the API may echo what the investor typed.
   */
  readonly apiMessage: string | null;
  /** The response's `X-Request-ID` header, or `null`. */
  readonly requestId: string | null;
  /** Whether the same upload may succeed when tried again. */
  readonly retryable: boolean;

  constructor(code: CasUploadErrorCode, message?: string, init: CasUploadErrorInit = {}) {
    super(message ?? defaultMessages[code] ?? code);
    this.name = 'CasUploadError';
    this.code = code;
    this.status = init.status ?? null;
    this.apiMessage = init.apiMessage ? mask(init.apiMessage) : null;
    this.requestId = init.requestId ?? null;
    this.retryable = init.retryable ?? RETRYABLE.test(code);
  }
}

/** `text` with PAN-shaped (`AAAAA9999A`, any case) and e-mail-shaped substrings masked. */
const mask = (text: string): string =>
  text.replace(/\b[a-z]{5}\d{4}[a-z]\b/gi, '[PAN]').replace(/[\w.+-]+@[\w-]+\.[\w.-]*\w/g, '[e-mail]');

/**
 * Reads the API's own message from an error body: `msg`, else `detail` (string or list), else
 * `message` (as the token helper of `cas-upload/server` and many token endpoints answer).
 */
export function apiMessageOf(body: unknown): string | null {
  const { msg, detail, message } = (body ?? {}) as { msg?: unknown; detail?: unknown; message?: unknown };
  const m = (typeof msg == 'string' && msg) || detail || message;
  // A validation error list: `[{ loc, msg }, …]` or plain strings.
  const text = Array.isArray(m) ? m.map((d) => d?.msg ?? d).filter((t) => typeof t == 'string').join('; ') : m;
  return typeof text == 'string' && text ? text : null;
}

/**
 * Maps a final (non-retried) HTTP outcome of the parse endpoint to an error code.
 * 401/403 are handled by the caller (token refresh): a second 401 reaches here as
 * `auth-failed`; a second 403 is `quota-exceeded` (request.ts), since a fresh token rules out
 * the other cause of a 403, an expired token.
 */
export function codeForStatus(status: number, apiMessage: string | null): CasUploadErrorCode {
  if (status == 400 || status == 422) return /password/i.test(apiMessage ?? '') ? 'invalid-password' : 'parse-failed';
  return CODES[status] ?? 'server-error';
}

const CODES: Record<number, CasUploadErrorCode> = {
  401: 'auth-failed',
  403: 'auth-failed',
  402: 'quota-exceeded',
  408: 'timeout',
  413: 'file-too-large',
  429: 'rate-limited',
  404: 'config-error',
};

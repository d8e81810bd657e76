/**
 * Every way an upload can end badly, as a stable code. These names are public API.
 */
export type CasUploadErrorCode =
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

/** Default English sentence for each code; the element replaces it with the UI language's. */
export const defaultMessages: Record<CasUploadErrorCode, string> = {
  'config-error': 'The uploader is not set up correctly.',
  'invalid-file': 'Please choose a PDF file.',
  'file-too-large': 'This file is too large.',
  'token-error': 'Could not start a secure session. Please try again.',
  'invalid-password': 'The password is not correct for this statement.',
  'parse-failed': 'This PDF could not be read as a CAS statement.',
  'quota-exceeded': 'The statement service is not available right now.',
  'auth-failed': 'The statement service did not accept this session.',
  'rate-limited': 'Too many requests. Please wait a minute and try again.',
  'server-error': 'The statement service had a problem. Please try again.',
  'network-error': 'No connection to the statement service. Please check your connection.',
  timeout: 'The statement service took too long to answer.',
  aborted: 'The upload was cancelled.',
};

const RETRYABLE = new Set<CasUploadErrorCode>([
  'token-error',
  'rate-limited',
  'server-error',
  'network-error',
  'timeout',
]);

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
  /** The API's own message (`msg` or `detail`), or `null`. */
  readonly apiMessage: string | null;
  /** The response's `X-Request-ID` header, or `null`. */
  readonly requestId: string | null;
  /** Whether the same upload may succeed when tried again. */
  readonly retryable: boolean;

  constructor(code: CasUploadErrorCode, message?: string, init: CasUploadErrorInit = {}) {
    super(message ?? defaultMessages[code]);
    this.name = 'CasUploadError';
    this.code = code;
    this.status = init.status ?? null;
    this.apiMessage = init.apiMessage ?? null;
    this.requestId = init.requestId ?? null;
    this.retryable = init.retryable ?? RETRYABLE.has(code);
  }
}

/** Reads the API's own message from an error body: `msg`, else `detail` (string or list). */
export function apiMessageOf(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const { msg, detail } = body as { msg?: unknown; detail?: unknown };
  if (typeof msg === 'string' && msg) return msg;
  if (typeof detail === 'string' && detail) return detail;
  if (Array.isArray(detail)) {
    const parts = detail
      .map((d) => (d && typeof d === 'object' ? (d as { msg?: unknown }).msg : d))
      .filter((m): m is string => typeof m === 'string');
    if (parts.length) return parts.join('; ');
  }
  return null;
}

/**
 * Maps a final (non-retried) HTTP outcome of the parse endpoint to an error code.
 * 401/403 are handled by the caller (token refresh), and reach here only as `auth-failed`.
 */
export function codeForStatus(status: number, apiMessage: string | null): CasUploadErrorCode {
  if (status === 400 || status === 422) {
    return apiMessage && /password/i.test(apiMessage) ? 'invalid-password' : 'parse-failed';
  }
  if (status === 401 || status === 403) return 'auth-failed';
  if (status === 402) return 'quota-exceeded';
  if (status === 413) return 'file-too-large';
  if (status === 429) return 'rate-limited';
  if (status === 408) return 'timeout';
  if (status === 404 || status === 405) return 'config-error';
  return 'server-error';
}

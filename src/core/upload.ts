import { CasUploadError } from './errors.js';
import { checkPdf } from './pdf-check.js';
import { sendParseRequest, type ProgressDetail } from './parse-request.js';
import { systemClock } from './clock.js';
import { callApi, checkSource, apiUrl, DEFAULT_API_BASE, type ApiOptions } from './request.js';
import type { ParseResult } from './types.js';
import type { PdfPasswordVerdict } from './pdf-password.js';

/** The parsers the API offers; each is `POST /v4/{parser}/parse`. */
export const PARSERS = ['smart', 'cdsl', 'nsdl', 'cams_kfintech'] as const;
/** One of {@link PARSERS}. */
export type Parser = (typeof PARSERS)[number];

export { DEFAULT_API_BASE, MAX_RETRY_DELAY, retryAfterMs } from './request.js';

/** Everything one upload needs; only `file` and `token` are required. */
export interface UploadOptions extends Omit<ApiOptions, 'fetch'> {
  /** The PDF. */
  file: Blob;
  /** Its name in the multipart body; defaults to the `File`'s name. */
  fileName?: string;
  /** The PDF's password; sent as an empty string when absent. */
  password?: string;
  /** Which parser; default `smart`. */
  parser?: string;
  /** Multipart field of the file; default `pdf_file`. */
  fileField?: string;
  /** Largest accepted file in bytes; default 10 MiB. */
  maxSize?: number;
  /** ms to wait for each parse response once the bytes are sent (while sending: the longest pause in progress); default 60000. */
  timeout?: number;
  /** Called with upload progress, then once with `phase: 'parse'` when the bytes are sent. */
  onProgress?: (progress: ProgressDetail) => void;
  /**
   * Checks `password` against `file` on the device before any request (for example
   * `checkPdfPassword` of `cas-upload/core`): `'wrong'` ends the upload with
   * `invalid-password`, no token fetched and nothing sent; any other answer, or a rejection,
   * lets it go on. Default: no check (the API judges the password).
   */
  checkPassword?: (file: Blob, password: string) => Promise<PdfPasswordVerdict>;
  /** Called once after the checks passed, before any network request; `false` cancels (`aborted`). */
  onStart?: () => boolean | void;
  /** Seam for tests: makes the `XMLHttpRequest`. */
  createXhr?: () => XMLHttpRequest;
}

/** A successful parse. */
export interface UploadResult {
  /** The API's JSON body, unchanged. */
  result: ParseResult;
  /** The `X-Request-ID` header, or `null` when absent or not exposed. */
  requestId: string | null;
  /** Time from start to the parsed answer, in ms. */
  durationMs: number;
}

/**
 * Validates the settings and returns the parse endpoint URL.
 * @throws {CasUploadError} `config-error`
 */
export function parseUrl(apiBase: string = DEFAULT_API_BASE, parser: string = 'smart'): string {
  if (!(PARSERS as readonly string[]).includes(parser)) throw new CasUploadError('config-error');
  return apiUrl(apiBase, `/v4/${parser}/parse`);
}

/**
 * Uploads a CAS PDF and resolves with the API's parsed JSON. Checks the file first (and the
 * password, with `checkPassword`), fetches
 * (or reuses) an access token, refreshes it once on 401/403, and retries 429/502/503/504 and
 * network failures with exponential backoff (or `Retry-After`).
 * @throws {CasUploadError} with one of the contract's codes
 */
export async function uploadCas(options: UploadOptions): Promise<UploadResult> {
  const { signal } = options;
  const clock = options.clock ?? systemClock;
  const started = clock.now();
  const url = parseUrl(options.apiBase ?? undefined, options.parser ?? undefined);
  checkSource(options.token);
  await checkPdf(options.file, options.maxSize);
  // The password, on the device: only a certain `wrong` stops the upload.
  const verdict = await options.checkPassword?.(options.file, options.password ?? '').catch(() => {});
  if (verdict == 'wrong' && !signal?.aborted) throw new CasUploadError('invalid-password');
  // Cancelled while the file was checked: no start, no request.
  if (signal?.aborted || options.onStart?.() === false) throw new CasUploadError('aborted');

  const { body, requestId } = await callApi(
    {
      send: (token, timeout) =>
        sendParseRequest({ ...options, url, fileField: options.fileField ?? 'pdf_file', password: options.password ?? '', token, timeout }),
    },
    options,
  );
  return { result: body as ParseResult, requestId, durationMs: clock.now() - started };
}

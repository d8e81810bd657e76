import { CasUploadError, apiMessageOf, codeForStatus } from './errors.js';
import { checkPdf } from './pdf-check.js';
import { positive, delayOf, retryAfterMs } from './numbers.js';
import { sendParseRequest, type ProgressDetail, type RawResponse } from './parse-request.js';
import { sharedTokenCache, type TokenCache, type TokenSource } from './token-cache.js';
import { systemClock, type Clock } from './clock.js';
import type { ParseResult } from './types.js';

/** The parsers the API offers; each is `POST /v4/{parser}/parse`. */
export const PARSERS = ['smart', 'cdsl', 'nsdl', 'cams_kfintech'] as const;
/** One of {@link PARSERS}. */
export type Parser = (typeof PARSERS)[number];

/** The API origin used when none is given. */
export const DEFAULT_API_BASE = 'https://api.casparser.in';

/** Everything one upload needs; only `file` and `token` are required. */
export interface UploadOptions {
  /** The PDF. */
  file: Blob;
  /** Its name in the multipart body; defaults to the `File`'s name. */
  fileName?: string;
  /** The PDF's password; sent as an empty string when absent. */
  password?: string;
  /** Where the access token comes from. */
  token: TokenSource;
  /** API origin; `https:`, or `http:` on localhost only. */
  apiBase?: string;
  /** Which parser; default `smart`. */
  parser?: string;
  /** Multipart field of the file; default `pdf_file`. */
  fileField?: string;
  /** Largest accepted file in bytes; default 10 MiB. */
  maxSize?: number;
  /** ms to wait for each parse response once the bytes are sent (while sending: the longest pause in progress); default 60000. */
  timeout?: number;
  /** Extra attempts after 429, 502, 503, 504 or a network failure; default 2. */
  retries?: number;
  /** Base backoff in ms; default 1000. */
  retryDelay?: number;
  /** Aborts the whole upload, the request in flight included. */
  signal?: AbortSignal;
  /** Called with upload progress, then once with `phase: 'parse'` when the bytes are sent. */
  onProgress?: (progress: ProgressDetail) => void;
  /** Called once after the checks passed, before any network request; `false` cancels (`aborted`). */
  onStart?: () => boolean | void;
  /** Token cache; default the one shared by the page. */
  tokenCache?: TokenCache;
  /** Clock for backoff; default the real one. */
  clock?: Clock;
  /** Random number in [0, 1) for backoff jitter; default `Math.random`. */
  random?: () => number;
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

/** Longest wait between two attempts. */
export const MAX_RETRY_DELAY = 30000;
/** Answers worth another attempt. */
const RETRY_STATUSES = [429, 502, 503, 504];

/**
 * Validates the settings and returns the parse endpoint URL.
 * @throws {CasUploadError} `config-error`
 */
export function parseUrl(apiBase: string = DEFAULT_API_BASE, parser: string = 'smart'): string {
  try {
    const url = new URL(apiBase);
    const local = /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname);
    if (
      (PARSERS as readonly string[]).includes(parser) &&
      (url.protocol == 'https:' || (url.protocol == 'http:' && local)) &&
      // No credentials, query or fragment: the URL is its origin and path, nothing else.
      url.href == url.origin + url.pathname
    ) {
      return `${url.origin}${url.pathname.replace(/\/+$/, '')}/v4/${parser}/parse`;
    }
  } catch {
    /* not a URL */
  }
  throw new CasUploadError('config-error');
}

/**
 * Uploads a CAS PDF and resolves with the API's parsed JSON. Checks the file first, fetches
 * (or reuses) an access token, refreshes it once on 401/403, and retries 429/502/503/504 and
 * network failures with exponential backoff (or `Retry-After`).
 * @throws {CasUploadError} with one of the contract's codes
 */
export async function uploadCas(options: UploadOptions): Promise<UploadResult> {
  const { signal } = options;
  const source = options.token;
  const clock = options.clock ?? systemClock;
  const cache = options.tokenCache ?? sharedTokenCache;
  const started = clock.now();
  // A missing or malformed setting (a removed attribute, `timeout="abc"`) takes its default.
  const timeout = delayOf(options.timeout, 60000);
  const retries = options.retries === 0 ? 0 : Math.floor(positive(options.retries, 2));
  const url = parseUrl(options.apiBase ?? undefined, options.parser ?? undefined);
  // From JavaScript anything may come: a source needs a provider or a URL.
  const { provider, url: tokenUrl } = (source ?? {}) as { provider?: unknown; url?: unknown };
  if (!(provider || tokenUrl)) throw new CasUploadError('config-error');
  await checkPdf(options.file, options.maxSize);
  // Cancelled while the file was checked: no start, no request.
  if (signal?.aborted || options.onStart?.() === false) throw new CasUploadError('aborted');

  let refreshed = false;
  let attempt = 0;
  for (;;) {
    if (signal?.aborted) throw new CasUploadError('aborted');
    const token = await cache.get(source, signal, timeout);
    let res: RawResponse | undefined;
    try {
      res = await sendParseRequest({
        ...options,
        url,
        fileField: options.fileField ?? 'pdf_file',
        password: options.password ?? '',
        token,
        timeout,
      });
    } catch (err) {
      // A network failure is retried like a 502; anything else ends the upload.
      if ((err as CasUploadError).code != 'network-error' || attempt >= retries) throw err;
    }
    if (!res || (RETRY_STATUSES.includes(res.status) && attempt < retries)) {
      await backoff(++attempt, res?.retryAfter);
      continue;
    }
    const { status } = res;
    // 401/403: one fresh token and one more try; a second one is `auth-failed`.
    if ((status == 401 || status == 403) && !refreshed) {
      refreshed = true;
      cache.invalidate(source, token);
      continue;
    }
    if (status >= 200 && status < 300) {
      const body = json(res.body) as { status?: unknown } | null;
      // Not a JSON object: `server-error` (as for any status without a code of its own).
      if (body && typeof body == 'object' && !Array.isArray(body)) {
        if (body.status != 'failed') return { result: body as ParseResult, requestId: res.requestId, durationMs: clock.now() - started };
        // A 2xx that says it failed is judged like a 400 with that message.
        throw fromResponse({ ...res, status: 400 }, status);
      }
    }
    throw fromResponse(res);
  }

  function backoff(n: number, retryAfter?: string | null): Promise<void> {
    const base = options.retryDelay === 0 ? 0 : positive(options.retryDelay, 1000);
    const ms = retryAfterMs(retryAfter, clock.now()) ?? base * 2 ** (n - 1) + base * 0.25 * (options.random ?? Math.random)();
    return clock.sleep(Math.min(ms, MAX_RETRY_DELAY), signal).catch(() => {
      throw new CasUploadError('aborted');
    });
  }
}

/** The error for a final answer: its code from the status (and the API's message). */
function fromResponse(res: RawResponse, status = res.status): CasUploadError {
  const apiMessage = apiMessageOf(json(res.body));
  return new CasUploadError(codeForStatus(res.status, apiMessage), undefined, {
    status,
    apiMessage,
    requestId: res.requestId,
  });
}

/** The parsed JSON, or `undefined` when the text is not JSON. */
function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

import { CasUploadError, apiMessageOf, codeForStatus, type CasUploadErrorCode } from './errors.js';
import { positive, delayOf, retryAfterMs } from './numbers.js';
import { sharedTokenCache, type TokenCache, type TokenSource } from './token-cache.js';
import { systemClock, type Clock } from './clock.js';
import type { RawResponse } from './parse-request.js';
import { DEFAULT_API_BASE } from './api-base.js';

export type { RawResponse };
export { DEFAULT_API_BASE };

/** Longest wait between two attempts. */
export const MAX_RETRY_DELAY = 30000;
/** Answers worth another attempt. */
const RETRY_STATUSES = [429, 502, 503, 504];

/** The settings every API call shares; only `token` is required. */
export interface ApiOptions {
  /** Where the access token comes from. */
  token: TokenSource;
  /** API origin; `https:`, or `http:` on localhost only. */
  apiBase?: string;
  /** ms to wait for each answer; default 60000. */
  timeout?: number;
  /** Extra attempts after 429, 502, 503, 504 or a network failure (where the call may be repeated); default 2. */
  retries?: number;
  /** Base backoff in ms; default 1000. */
  retryDelay?: number;
  /** Aborts the call, the request in flight included. */
  signal?: AbortSignal;
  /** Token cache; default the one shared by the page. */
  tokenCache?: TokenCache;
  /** Clock for backoff; default the real one. */
  clock?: Clock;
  /** Random number in [0, 1) for backoff jitter; default `Math.random`. */
  random?: () => number;
  /** Seam for tests and special hosts: the `fetch` of JSON calls. */
  fetch?: typeof fetch;
  /**
   * Sends the JSON calls with `fetch`'s `keepalive`, so that a request started as the page goes
   * (`pagehide`) still reaches the API: for a clean-up (a forwarding address deleted).
   */
  keepalive?: boolean;
}

/** One call through {@link callApi}: how to send one attempt, and how to judge the answer. */
export interface ApiCall {
  /** Sends one attempt with `token`; resolves with any HTTP answer, rejects with `network-error`, `timeout` or `aborted`. */
  send: (token: string, timeout: number) => Promise<RawResponse>;
  /**
   * `true` for a request that must not be repeated (it sends the investor an SMS or an
   * e-mail, or spends a one-time code): only a 429 with `Retry-After` is waited out and tried
   * again. Otherwise 429, 502,
   * 503, 504 and network failures are tried again (`retries`).
   */
  once?: boolean;
  /**
   * Which answers are tried again (where the call may be repeated); default 429, 502, 503 and
   * 504. A read that changes nothing (polling) may also retry a 500, which for a parse is the
   * parser's own verdict.
   */
  retry?: number[];
  /**
   * The code for a final answer with this status and message when the endpoint has codes of
   * its own (`undefined`: the codes of an upload, `codeForStatus`).
   */
  codeFor?: (status: number, apiMessage: string | null) => CasUploadErrorCode | undefined;
}

/** A successful call: the JSON object the API answered. */
export interface ApiAnswer {
  body: Record<string, unknown>;
  /** The `X-Request-ID` header, or `null` when absent or not exposed. */
  requestId: string | null;
}

/**
 * Validates `apiBase` and returns `{api-base}{path}`.
 * @throws {CasUploadError} `config-error`
 */
export function apiUrl(apiBase: string = DEFAULT_API_BASE, path: string): string {
  try {
    const url = new URL(apiBase);
    const local = /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname);
    if (
      (url.protocol == 'https:' || (url.protocol == 'http:' && local)) &&
      // No credentials, query or fragment: the URL is its origin and path, nothing else.
      url.href == url.origin + url.pathname
    ) {
      return `${url.origin}${url.pathname.replace(/\/+$/, '')}${path}`;
    }
  } catch {
    /* not a URL */
  }
  throw new CasUploadError('config-error');
}

/**
 * Refuses a token source without a provider or a URL (from JavaScript anything may come).
 * @throws {CasUploadError} `config-error`
 */
export function checkSource(source: TokenSource | undefined): void {
  const { provider, url } = (source ?? {}) as { provider?: unknown; url?: unknown };
  if (!(provider || url)) throw new CasUploadError('config-error');
}

/** Whether the page was told once already that the API sent no answer. */
let told = false;

/**
 * An API request failed before any answer (`network-error`): once per page, a console warning
 * names the origin called (nothing else: no path, no token) and the likely causes, for the host's
 * developer; the element's own message ("check your connection") is for the visitor.
 */
function unanswered(apiBase?: string): void {
  if (told) return;
  told = true;
  console.warn(
    `cas-upload: no answer from ${new URL(apiBase || DEFAULT_API_BASE).origin}: likely CORS (allow headers x-api-key, content-type, x-inbox-token) or the network`,
  );
}

/**
 * The one request path of every API call: gets the token from the (shared) cache, sends the
 * attempt with it, drops that token and tries once more with a fresh one after a 401/403 (a
 * second 401 is `auth-failed`, a second 403 `quota-exceeded`; a token endpoint that answers the
 * refresh with 402 ends the call in `quota-exceeded` before anything is sent again),
 * waits and tries again where allowed (`repeat`), and judges the final answer: a 2xx JSON
 * object is the result (unless its `status` is `"failed"`, judged like a 400), anything else
 * a {@link CasUploadError} with its code, the API's message and the `X-Request-ID`.
 * @throws {CasUploadError}
 */
export async function callApi(call: ApiCall, options: ApiOptions): Promise<ApiAnswer> {
  const { signal, token: source } = options;
  const clock = options.clock ?? systemClock;
  const cache = options.tokenCache ?? sharedTokenCache;
  // A missing or malformed setting (a removed attribute, `timeout="abc"`) takes its default.
  const timeout = delayOf(options.timeout, 60000);
  const retries = options.retries === 0 ? 0 : Math.floor(positive(options.retries, 2));
  const all = !call.once;
  let refreshed = false;
  let attempt = 0;
  for (;;) {
    if (signal?.aborted) throw new CasUploadError('aborted');
    const token = await cache.get(source, signal, timeout);
    let res: RawResponse | undefined;
    try {
      res = await call.send(token, timeout);
    } catch (err) {
      // A network failure is retried like a 502 (where allowed); anything else ends the call.
      const failed = (err as CasUploadError).code == 'network-error';
      if (!failed || !all || attempt >= retries) {
        if (failed) unanswered(options.apiBase);
        throw err;
      }
    }
    const wait = res && retryAfterMs(res.retryAfter, clock.now());
    if (
      !res ||
      (attempt < retries &&
        (all ? (call.retry ?? RETRY_STATUSES).includes(res.status) : res.status == 429 && wait !== undefined))
    ) {
      await backoff(++attempt, wait);
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
        if (body.status != 'failed') return { body: body as Record<string, unknown>, requestId: res.requestId };
        // A 2xx that says it failed is judged like a 400 with that message.
        throw fromResponse({ ...res, status: 400 }, call, status);
      }
    }
    throw fromResponse(res, call);
  }

  function backoff(n: number, wait?: number): Promise<void> {
    const base = options.retryDelay === 0 ? 0 : positive(options.retryDelay, 1000);
    const ms = wait ?? base * 2 ** (n - 1) + base * 0.25 * (options.random ?? Math.random)();
    return clock.sleep(Math.min(ms, MAX_RETRY_DELAY), signal).catch(() => {
      throw new CasUploadError('aborted');
    });
  }
}

/**
 * One call with `fetch` that answers JSON, the transport of every call but the multipart upload
 * (which sends with `XMLHttpRequest` for its progress events): a `POST` of the JSON `body`, or a
 * `GET` or `DELETE` without one; with `keepalive` when the options say so.
 */
export function sendJson(
  url: string,
  body: object | undefined,
  options: ApiOptions,
  headers: Record<string, string> = {},
  method: 'POST' | 'GET' | 'DELETE' = 'POST',
) {
  return async (token: string, timeout: number): Promise<RawResponse> => {
    const limit = AbortSignal.timeout(timeout);
    const { signal } = options;
    try {
      const res = await (options.fetch ?? fetch)(url, {
        method,
        headers: { ...headers, 'content-type': 'application/json', accept: 'application/json', 'x-api-key': token },
        body: body && JSON.stringify(body),
        keepalive: options.keepalive,
        signal: signal ? AbortSignal.any([limit, signal]) : limit,
      });
      const h = res.headers;
      return { status: res.status, body: await res.text(), requestId: h.get('x-request-id'), retryAfter: h.get('retry-after') };
    } catch {
      throw new CasUploadError(signal?.aborted ? 'aborted' : limit.aborted ? 'timeout' : 'network-error');
    }
  };
}

/** One JSON `POST` ({@link sendJson}). */
export { sendJson as postJson };

/**
 * The error for a final answer: its code from the status (and the API's message). A final 403
 * came after the one refresh: a fresh token did not cure it, so it is not an expired token but
 * an exhausted quota (the API answers both with one 403). A second 401 stays `auth-failed`.
 */
function fromResponse(res: RawResponse, call: ApiCall, status = res.status): CasUploadError {
  const apiMessage = apiMessageOf(json(res.body));
  const code = res.status == 403 ? 'quota-exceeded' : (call.codeFor?.(res.status, apiMessage) ?? codeForStatus(res.status, apiMessage));
  return new CasUploadError(code, undefined, {
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

export { retryAfterMs };

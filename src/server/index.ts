/**
 * `cas-upload/server`: mints short-lived CAS Parser access tokens on the host's backend, so the
 * secret API key never reaches a browser. Written against the Fetch API (`Request` →
 * `Response`): Node 20+, Next.js route handlers, Hono, Bun, Deno, and Express or `node:http`
 * through {@link toNodeListener}. No dependencies, no console output.
 * @module
 */
export { toNodeListener } from './node.js';
export type { NodeListener, NodeRequestLike, NodeResponseLike } from './node.js';

/** Options of {@link createTokenHandler}. */
export interface TokenHandlerOptions {
  /** The secret CAS Parser API key (`sk_…`, or the sandbox key). Required; never sent anywhere but `apiBase`. */
  apiKey: string;
  /** API origin. Default `https://api.casparser.in`; must be `https:` (`http:` only on localhost). */
  apiBase?: string;
  /** Lifetime of minted tokens in minutes, an integer from 1 to 60. Default 60. */
  expiryMinutes?: number;
  /**
   * Reuse a minted token until shortly before it expires (`min(30 s, 10% of its lifetime)`),
   * with one mint in flight shared by concurrent requests. Failures are never cached. Default `true`.
   */
  reuse?: boolean;
  /**
   * Requests allowed per client id per window (fixed window); beyond it the answer is 429 with
   * `Retry-After` in seconds. `false` turns it off. Default `{ max: 30, windowMs: 60_000 }`.
   */
  rateLimit?: { max: number; windowMs: number } | false;
  /**
   * The rate-limit key of a request. Default: the first address of `X-Forwarded-For`, else
   * `X-Real-IP`, else `'anonymous'` (one bucket shared by all). Those headers are only
   * trustworthy behind a proxy that sets them; prefer a user or session id when you have one.
   */
  clientId?: (request: Request) => string;
  /**
   * Decides whether the caller may get a token (session check, CSRF check…). `true` allows;
   * a `Response` is returned as is; anything else answers 403 `forbidden`. Default: allow all.
   */
  authorize?: (request: Request) => boolean | Response | Promise<boolean | Response>;
  /** The `fetch` used to call the API (a seam for tests and special runtimes). Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Clock in epoch milliseconds, for token expiry and rate-limit windows (a seam for tests). Default `Date.now`. */
  now?: () => number;
  /** Milliseconds to wait for `POST /v1/token` before answering 504. Default 10 000. */
  timeoutMs?: number;
}

/** A Fetch API handler: `Request` in, `Response` out. It never rejects for API failures. */
export type TokenHandler = (request: Request) => Promise<Response>;

/** Body of a 200 answer; the `cas-upload` element reads it as a `TokenResponse`. */
export interface TokenHandlerSuccess {
  /** The short-lived access token, `at_…`. */
  access_token: string;
  /** Whole seconds until the token expires (less for a reused token). */
  expires_in: number;
}

/** `error` codes of the handler's error answers. */
export type TokenHandlerErrorCode =
  | 'method-not-allowed' // 405: not GET or POST
  | 'rate-limited' // 429: this client asked too often, or the API rate-limited the key
  | 'forbidden' // 403: `authorize` said no
  | 'upstream-auth' // 502: the API refused the host's key (a server misconfiguration)
  | 'upstream-timeout' // 504: the API did not answer within `timeoutMs`
  | 'upstream-error'; // 502: the API was unreachable, failed, or answered something unusable

/** Body of an error answer. It never contains the API key or the API's own error body. */
export interface TokenHandlerError {
  /** Machine-readable code. */
  error: TokenHandlerErrorCode;
  /** One English sentence for developers. */
  message: string;
  /** The API's `X-Request-ID`, when the API answered: quote it to CAS Parser support. */
  requestId?: string;
}

/** The API origin used when `apiBase` is not given. */
export const DEFAULT_API_BASE = 'https://api.casparser.in';

interface Token {
  value: string;
  expiresAt: number;
  skew: number;
}

/** A failure to report to the caller; thrown by `mint` and shared by concurrent callers. */
class Failure {
  constructor(
    readonly status: number,
    readonly body: TokenHandlerError,
    readonly headers: Record<string, string> = {},
  ) {}
}

const MAX_CLIENTS = 10_000;

/**
 * Creates a handler for the host's token endpoint. It mints tokens with
 * `POST {apiBase}/v1/token` and answers GET or POST with `200 {"access_token", "expires_in"}`,
 * or a JSON error `{"error", "message"}` (see {@link TokenHandlerErrorCode}).
 * @throws {TypeError} when an option is invalid (the message never contains the key)
 * @example
 * const handler = createTokenHandler({ apiKey: process.env.CASPARSER_API_KEY! });
 * export const GET = handler; // Next.js app router
 */
export function createTokenHandler(options: TokenHandlerOptions): TokenHandler {
  const { apiKey, expiryMinutes = 60, reuse = true, timeoutMs = 10_000, authorize } = options;
  const clientId = options.clientId ?? defaultClientId;
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const limit = options.rateLimit === false ? null : (options.rateLimit ?? { max: 30, windowMs: 60_000 });

  if (typeof apiKey !== 'string' || !apiKey.trim()) {
    throw new TypeError('cas-upload/server: `apiKey` is required (your secret CAS Parser API key).');
  }
  if (!Number.isInteger(expiryMinutes) || expiryMinutes < 1 || expiryMinutes > 60) {
    throw new TypeError('cas-upload/server: `expiryMinutes` must be an integer from 1 to 60.');
  }
  if (!(timeoutMs > 0)) throw new TypeError('cas-upload/server: `timeoutMs` must be a positive number.');
  if (limit && !(Number.isInteger(limit.max) && limit.max > 0 && limit.windowMs > 0)) {
    throw new TypeError('cas-upload/server: `rateLimit` needs a positive integer `max` and a positive `windowMs`.');
  }
  const tokenUrl = tokenEndpoint(options.apiBase ?? DEFAULT_API_BASE);

  let cached: Token | undefined;
  let inflight: Promise<Token> | undefined;
  const windows = new Map<string, { start: number; count: number }>();

  /** Seconds this client must wait, or 0 when the request is allowed (and counted). */
  function waitFor(id: string, windowMs: number, max: number): number {
    const t = now();
    let w = windows.get(id);
    if (!w || t >= w.start + windowMs) {
      windows.delete(id); // keeps the map ordered by window start
      for (const [key, old] of windows) {
        if (t < old.start + windowMs && windows.size < MAX_CLIENTS) break;
        windows.delete(key);
      }
      windows.set(id, (w = { start: t, count: 0 }));
    }
    return ++w.count > max ? Math.max(1, Math.ceil((w.start + windowMs - t) / 1000)) : 0;
  }

  async function mint(): Promise<Token> {
    const started = now();
    const signal = AbortSignal.timeout(timeoutMs);
    let requestId: string | undefined;
    const fail = (status: number, error: TokenHandlerErrorCode, message: string, headers?: Record<string, string>) =>
      new Failure(status, requestId ? { error, message, requestId } : { error, message }, headers);
    const api = 'The CAS Parser API';
    try {
      const res = await doFetch(tokenUrl, {
        method: 'POST',
        headers: { 'x-api-key': apiKey, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ expiry_minutes: expiryMinutes }),
        redirect: 'manual', // a redirect must not carry the key elsewhere
        signal,
      });
      requestId = /^[\w.-]{1,128}$/.exec(res.headers.get('x-request-id') ?? '')?.[0];
      if (!res.ok) {
        void res.body?.cancel().catch(() => {}); // error bodies are never read, so never echoed
        if (res.status === 401 || res.status === 403) {
          throw fail(502, 'upstream-auth', `${api} refused this server's API key; check its configuration.`);
        }
        if (res.status === 429) {
          const retry = res.headers.get('retry-after')?.trim() ?? '';
          const headers: Record<string, string> = /^\d{1,6}$/.test(retry) ? { 'retry-after': retry } : {};
          throw fail(429, 'rate-limited', `${api} is rate-limiting this server; try again shortly.`, headers);
        }
        throw fail(502, 'upstream-error', `${api} answered HTTP ${res.status} to the token request.`);
      }
      let body: { access_token?: unknown; expires_in?: unknown } | null;
      try {
        body = JSON.parse(await res.text());
      } catch (e) {
        if (signal.aborted) throw e;
        throw fail(502, 'upstream-error', `${api} answered the token request with something that is not JSON.`);
      }
      const value = body?.access_token;
      if (typeof value !== 'string' || !value) {
        throw fail(502, 'upstream-error', `${api} answered the token request without an access token.`);
      }
      if (value.startsWith('sk_') || value === apiKey) {
        throw fail(502, 'upstream-error', `${api} returned a secret key, not an access token; it was refused.`);
      }
      const given = body?.expires_in;
      const seconds = typeof given === 'number' && given > 0 ? given : expiryMinutes * 60;
      return { value, expiresAt: started + seconds * 1000, skew: Math.min(30_000, seconds * 100) };
    } catch (e) {
      if (e instanceof Failure) throw e;
      throw signal.aborted
        ? fail(504, 'upstream-timeout', `${api} did not answer the token request within ${timeoutMs} ms.`)
        : fail(502, 'upstream-error', `${api} could not be reached.`);
    }
  }

  function getToken(): Promise<Token> {
    if (!reuse) return mint();
    if (cached && now() < cached.expiresAt - cached.skew) return Promise.resolve(cached);
    return (inflight ??= mint()
      .then((token) => (cached = token))
      .finally(() => (inflight = undefined)));
  }

  return async function handleTokenRequest(request: Request): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'POST') {
      const message = 'Use GET or POST to request an access token.';
      return json(405, { error: 'method-not-allowed', message }, { allow: 'GET, POST' });
    }
    const wait = limit ? waitFor(clientId(request), limit.windowMs, limit.max) : 0;
    if (wait) {
      const message = 'Too many token requests; try again later.';
      return json(429, { error: 'rate-limited', message }, { 'retry-after': String(wait) });
    }
    if (authorize) {
      const verdict = await authorize(request);
      if (typeof verdict === 'object' && verdict) return verdict;
      if (verdict !== true) return json(403, { error: 'forbidden', message: 'You may not get an access token.' });
    }
    try {
      const token = await getToken();
      const body: TokenHandlerSuccess = {
        access_token: token.value,
        expires_in: Math.max(0, Math.floor((token.expiresAt - now()) / 1000)),
      };
      return json(200, body);
    } catch (e) {
      if (!(e instanceof Failure)) throw e;
      return json(e.status, e.body, e.headers);
    }
  };
}

/** First address of `X-Forwarded-For`, else `X-Real-IP`, else `'anonymous'`. */
function defaultClientId(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip')?.trim() || 'anonymous';
}

/** `{apiBase}/v1/token`, refusing a base that would send the key in clear text. */
function tokenEndpoint(apiBase: string): string {
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    throw new TypeError('cas-upload/server: `apiBase` must be an absolute URL.');
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new TypeError('cas-upload/server: `apiBase` must use https: (http: only on localhost).');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}/v1/token`;
}

function json(status: number, body: TokenHandlerSuccess | TokenHandlerError, headers = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });
}

import { CasUploadError, apiMessageOf } from './errors.js';
import { systemClock, type Clock } from './clock.js';
import { decimal, MAX_DELAY } from './numbers.js';
import { onAbort } from './signals.js';

/** What a token endpoint (or a `tokenProvider`) answers. Extra fields are ignored. */
export interface TokenResponse {
  /** The short-lived access token, `at_…`. Never an `sk_` secret key. */
  access_token: string;
  /** Lifetime in seconds, as `POST /v1/token` returns it. */
  expires_in?: number;
  /** Expiry as ISO 8601, or epoch seconds or milliseconds. */
  expires_at?: string | number;
  /** `api_key` from the API; ignored. */
  token_type?: string;
}

/**
 * A function that returns a token (or a full token response); replaces `token-url`. On the
 * refresh after a 401/403 it is called with `{ rejected }`, the token the API refused: pass it on
 * to a backend that reuses tokens (as the `x-cas-rejected-token` header), so it mints a new one.
 */
export type TokenProvider = (refresh?: { rejected: string }) => Promise<string | TokenResponse>;

/** Where tokens come from: the host's endpoint, or a function. */
export type TokenSource =
  | { url: string; method?: 'GET' | 'POST'; init?: RequestInit }
  | {
      provider: TokenProvider;
      /**
       * What the cache knows the source by; default the provider itself. A caller that makes
       * a new provider with the same behaviour (an inline function on every render) passes the
       * first one here, so that the new function costs no token request.
       */
      key?: object;
    };

/** Seams for tests and special hosts. */
export interface TokenCacheOptions {
  fetch?: typeof fetch;
  clock?: Clock;
}

/** Longest a token is kept when its response names no expiry: the API's longest lifetime. */
export const MAX_TOKEN_AGE = 3600000;
/** A token counts as expired this long (at most) before its stated expiry. */
export const MAX_SKEW = 30000;

/** One token source's token: being fetched (`staleAt` is `Infinity`), or held until `staleAt`. */
interface Entry {
  promise: Promise<string>;
  staleAt: number;
  token?: string;
  /** Callers waiting for it; when the last one leaves, a token still on its way is dropped. */
  waiters: number;
  /** Ends the token request (timed out, or nobody waits any more). */
  stop: AbortController;
}

/**
 * Tokens in memory only, one entry per token source. Concurrent callers share one request;
 * a failed request is never cached; a token is dropped on demand only if it is still the one
 * held (so many uploads that saw the same 401/403 cause a single refresh). The token request
 * (or provider) is given at most `timeout` ms, and one that every caller gave up waiting for
 * is dropped, so the next caller asks again. Expired tokens are evicted.
 */
export class TokenCache {
  /** By {@link keyOf}. */
  readonly #entries = new Map<unknown, Entry>();
  /** Per source, the token the API refused: the next load names it (`x-cas-rejected-token`). */
  readonly #rejected = new Map<unknown, string>();
  readonly #fetch?: typeof fetch;
  readonly #clock: Clock;

  constructor(options: TokenCacheOptions = {}) {
    this.#fetch = options.fetch;
    this.#clock = options.clock ?? systemClock;
  }

  /**
   * A valid token for the source: the cached one, the one being fetched, or a new one.
   * `signal` stops this caller waiting; the shared request goes on unless no caller waits for
   * it any more. `timeout` (ms) bounds the token request or the provider.
   * @throws {CasUploadError} `token-error` (also after `timeout`; retryable), `quota-exceeded` when the
   *   endpoint answers 402, or `aborted` when the signal fires
   */
  get(source: TokenSource, signal?: AbortSignal, timeout = 60000): Promise<string> {
    if (signal?.aborted) return Promise.reject(new CasUploadError('aborted'));
    const key = keyOf(source);
    const now = this.#clock.now();
    const map = this.#entries;
    // Expired tokens can no longer be used: evicted (with the provider functions they hold).
    for (const [k, e] of map) if (now >= e.staleAt) map.delete(k);
    let entry = map.get(key);
    if (!entry || now >= entry.staleAt) {
      const stop = new AbortController();
      const next: Entry = {
        staleAt: Infinity,
        waiters: 0,
        stop,
        promise: this.#load(source, stop, timeout, this.#rejected.get(key)).then(
          ({ token, staleAt }) => {
            // Kept until a load succeeds, so a failed refresh still names the refused token.
            this.#rejected.delete(key);
            next.token = token;
            next.staleAt = staleAt;
            return token;
          },
          (err) => {
            // A failed request is never cached.
            if (map.get(key) == next) map.delete(key);
            throw err;
          },
        ),
      };
      map.set(key, (entry = next));
    }
    const held = entry;
    held.waiters++;
    return raceAbort(held.promise, signal, () => {
      // The last caller gave up: a token still on its way is dropped, its request ended.
      if (!--held.waiters && !held.token && map.get(key) == held) {
        map.delete(key);
        held.stop.abort();
      }
    });
  }

  /**
   * Drops `token` for the source if the cache still holds that same token; the next request
   * for it then names the refused token (header `x-cas-rejected-token`, or `{ rejected }` for a
   * provider), so a backend that reuses tokens mints a new one.
   */
  invalidate(source: TokenSource, token: string): void {
    const key = keyOf(source);
    if (this.#entries.get(key)?.token === token) {
      this.#entries.delete(key);
      this.#rejected.set(key, token);
    }
  }

  /** Forgets every token. */
  clear(): void {
    this.#entries.clear();
    this.#rejected.clear();
  }

  async #load(source: TokenSource, stop: AbortController, timeout: number, rejected?: string): Promise<{ token: string; staleAt: number }> {
    const startedAt = this.#clock.now();
    let raw: unknown;
    let status: number | null = null;
    let apiMessage: string | null = null;
    let off = () => {};
    const timer = setTimeout(() => stop.abort(), Math.min(timeout, MAX_DELAY));
    try {
      if ('provider' in source) {
        // A provider may return the bare token; an endpoint must answer a JSON object.
        raw = await raceAbort(rejected ? source.provider({ rejected }) : source.provider(), stop.signal);
        if (typeof raw == 'string') raw = { access_token: raw };
      } else {
        const init = source.init ?? {};
        const headers = new Headers(init.headers);
        if (!headers.has('accept')) headers.set('accept', 'application/json');
        if (rejected) headers.set('x-cas-rejected-token', rejected);
        // The host's own signal (in `init`) ends the request too.
        off = onAbort(init.signal ?? undefined, () => stop.abort());
        const res = await (this.#fetch ?? fetch)(source.url, {
          credentials: 'same-origin',
          // Never the browser's HTTP cache: it could hand back the token just refused.
          cache: 'no-store',
          ...init,
          method: source.method ?? init.method ?? 'GET',
          headers,
          signal: stop.signal,
        });
        status = res.status;
        raw = await res.json().catch(() => null);
        if (!res.ok) {
          apiMessage = apiMessageOf(raw);
          throw 0;
        }
      }
    } catch {
      // The provider threw, the endpoint could not be reached, timed out or answered non-2xx;
      // a 402 says the API key's quota is exhausted (`cas-upload/server` answers so when asked
      // to replace a rejected token): no new token can help, and no upload should be sent.
      throw new CasUploadError(status == 402 ? 'quota-exceeded' : 'token-error', undefined, { status, apiMessage });
    } finally {
      off();
      clearTimeout(timer);
    }
    const response = (raw ?? {}) as Partial<TokenResponse>;
    const token = response.access_token;
    // Printable ASCII only (a header value), so empty, blank or odd tokens are refused too; and
    // never a secret key, which must not reach a browser.
    if (typeof token != 'string' || !/^[\x21-\x7e]+$/.test(token) || token.startsWith('sk_')) {
      throw new CasUploadError('token-error');
    }
    return { token, staleAt: startedAt + lifetimeOf(response, startedAt) };
  }
}

/** How long a token from this response may be used, in ms from `now`, skew applied. */
export function lifetimeOf({ expires_in: expiresIn, expires_at: expiresAt }: Partial<TokenResponse>, now: number): number {
  const life = Number.isFinite(expiresIn)
    ? expiresIn! * 1000
    : expiresAt?.toString() // neither null, undefined nor ''
      ? expiryOf(expiresAt) - now
      : NaN;
  // Never longer than the API's longest lifetime, whatever the response says.
  return isNaN(life) ? MAX_TOKEN_AGE : Math.min(MAX_TOKEN_AGE, Math.max(0, life - Math.min(MAX_SKEW, life * 0.1)));
}

/** `expires_at` as epoch ms: ISO 8601, or epoch seconds (until the year 33658) or milliseconds. */
function expiryOf(value: string | number): number {
  const n = typeof value == 'number' ? value : decimal(value);
  return isNaN(n) ? Date.parse(value as string) : n < 1e12 ? n * 1000 : n;
}

/**
 * The cache key of a source: its provider (or `key`); for a URL, what makes the request
 * different: method, the URL resolved against the page (a relative and an absolute URL of one
 * endpoint are one source), headers, body and the other `init` fields (`credentials`, …).
 */
function keyOf(source: TokenSource): string | object {
  if ('provider' in source) return source.key ?? source.provider;
  try {
    const { headers, body, signal, ...rest } = source.init ?? {};
    const text = body instanceof URLSearchParams ? String(body) : (body ?? '');
    // A body that is not text (`FormData`, `Blob`): a source of its own.
    if (typeof text != 'string') return {};
    return JSON.stringify([
      (source.method ?? rest.method ?? 'GET').toUpperCase(),
      new URL(source.url, globalThis.document?.baseURI).href,
      [...new Headers(headers)],
      text,
      Object.entries(rest).sort(),
    ]);
  } catch {
    // Not a URL, or headers the request would refuse anyway: a source of its own.
    return {};
  }
}

/** `promise`, or `aborted` once `signal` fires (then `onAbort` runs); leaves no listener behind. */
function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal, onStop?: () => void): Promise<T> {
  let off = () => {};
  const aborted = new Promise<never>((_, reject) => {
    off = onAbort(signal, () => {
      reject(new CasUploadError('aborted'));
      onStop?.();
    });
  });
  // The caller's signal may live long (many uploads): leave no listener behind.
  return Promise.race([promise, aborted]).finally(off);
}

/** The cache shared by every element on the page. */
export const sharedTokenCache: TokenCache = ((globalThis as Record<symbol, TokenCache>)[
  // One cache for the page, even when two copies of the library are loaded (a script tag and
  // a bundle): they share tokens, and `clearTokenCache()` from either clears both.
  Symbol.for('cas-upload.token-cache')
] ??= new TokenCache());

/** Forgets every cached access token on the page (for example, after the user signs out). */
export function clearTokenCache(): void {
  sharedTokenCache.clear();
}

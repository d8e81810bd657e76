import { CasUploadError, apiMessageOf } from './errors.js';
import { systemClock, type Clock } from './clock.js';

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

/** A function that returns a token (or a full token response); replaces `token-url`. */
export type TokenProvider = () => Promise<string | TokenResponse>;

/** Where tokens come from: the host's endpoint, or a function. */
export type TokenSource =
  | { url: string; method?: 'GET' | 'POST'; init?: RequestInit }
  | { provider: TokenProvider };

/** Seams for tests and special hosts. */
export interface TokenCacheOptions {
  fetch?: typeof fetch;
  clock?: Clock;
}

/** Longest a token is kept when its response names no expiry: the API's longest lifetime. */
export const MAX_TOKEN_AGE = 60 * 60 * 1000;
/** A token counts as expired this long (at most) before its stated expiry. */
export const MAX_SKEW = 30 * 1000;

interface Entry {
  token?: string;
  staleAt: number;
  pending?: Promise<string>;
}

/**
 * Tokens in memory only, one entry per token source. Concurrent callers share one request;
 * a failed request is never cached; a token is dropped on demand only if it is still the one
 * held (so many uploads that saw the same 401/403 cause a single refresh).
 */
export class TokenCache {
  readonly #entries = new Map<unknown, Entry>();
  readonly #fetch?: typeof fetch;
  readonly #clock: Clock;

  constructor(options: TokenCacheOptions = {}) {
    this.#fetch = options.fetch;
    this.#clock = options.clock ?? systemClock;
  }

  /**
   * A valid token for the source: the cached one, the one being fetched, or a new one.
   * `signal` stops this caller waiting, never the shared request. `timeout` (ms) bounds the
   * token request.
   * @throws {CasUploadError} `token-error`, or `aborted` when the signal fires
   */
  async get(source: TokenSource, signal?: AbortSignal, timeout = 60000): Promise<string> {
    const key = keyOf(source);
    let entry = this.#entries.get(key);
    if (entry?.token && this.#clock.now() < entry.staleAt) return entry.token;
    if (!entry?.pending) {
      const e: Entry = entry ?? { staleAt: 0 };
      e.token = undefined;
      e.pending = this.#load(source, timeout).then(
        ({ token, staleAt }) => {
          e.token = token;
          e.staleAt = staleAt;
          e.pending = undefined;
          return token;
        },
        (err) => {
          e.pending = undefined;
          if (!e.token) this.#entries.delete(key);
          throw err;
        },
      );
      this.#entries.set(key, e);
      entry = e;
    }
    return raceAbort(entry.pending!, signal);
  }

  /** Drops `token` for the source if the cache still holds that same token. */
  invalidate(source: TokenSource, token: string): void {
    const key = keyOf(source);
    const entry = this.#entries.get(key);
    if (entry?.token === token) {
      entry.token = undefined;
      entry.staleAt = 0;
      if (!entry.pending) this.#entries.delete(key);
    }
  }

  /** Forgets every token. */
  clear(): void {
    this.#entries.clear();
  }

  async #load(source: TokenSource, timeout: number): Promise<{ token: string; staleAt: number }> {
    const startedAt = this.#clock.now();
    let raw: unknown;
    if ('provider' in source) {
      try {
        raw = await source.provider();
      } catch {
        throw tokenError('The token provider failed.', null);
      }
    } else {
      raw = await this.#request(source, timeout);
    }
    // A provider may return the bare token; an endpoint must answer a JSON object.
    const response: Partial<TokenResponse> =
      typeof raw === 'string' && 'provider' in source
        ? { access_token: raw }
        : raw && typeof raw === 'object'
          ? raw
          : {};
    const token = response.access_token;
    if (typeof token !== 'string' || !token.trim()) {
      throw tokenError('The token response has no access_token.', null);
    }
    if (token.startsWith('sk_')) {
      throw tokenError('The token endpoint returned a secret API key; it must return an access token (at_…).', null);
    }
    if (/[^\x21-\x7e]/.test(token)) {
      throw tokenError('The access token contains characters that cannot be sent.', null);
    }
    return { token, staleAt: startedAt + lifetimeOf(response, startedAt) };
  }

  async #request(source: { url: string; method?: 'GET' | 'POST'; init?: RequestInit }, timeout: number) {
    const doFetch = this.#fetch ?? globalThis.fetch.bind(globalThis);
    const init = source.init ?? {};
    const headers = new Headers(init.headers);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    const signals = [AbortSignal.timeout(timeout)];
    if (init.signal) signals.push(init.signal);
    let res: Response;
    try {
      res = await doFetch(source.url, {
        credentials: 'same-origin',
        ...init,
        method: source.method ?? init.method ?? 'GET',
        headers,
        signal: AbortSignal.any(signals),
      });
    } catch (err) {
      const timedOut = (err as Error)?.name === 'TimeoutError';
      throw tokenError(timedOut ? 'The token endpoint did not answer in time.' : 'The token endpoint could not be reached.', null);
    }
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      throw tokenError(`The token endpoint answered ${res.status}.`, res.status, apiMessageOf(body));
    }
    try {
      return await res.json();
    } catch {
      throw tokenError('The token endpoint did not answer with JSON.', res.status);
    }
  }
}

function tokenError(message: string, status: number | null, apiMessage: string | null = null): CasUploadError {
  return new CasUploadError('token-error', message, { status, apiMessage });
}

/** How long a token from this response may be used, in ms from `now`, skew applied. */
export function lifetimeOf(response: Partial<TokenResponse>, now: number): number {
  let life: number | undefined;
  const { expires_in: expiresIn, expires_at: expiresAt } = response;
  if (typeof expiresIn === 'number' && Number.isFinite(expiresIn)) {
    life = expiresIn * 1000;
  } else if (expiresAt !== undefined && expiresAt !== null && expiresAt !== '') {
    const at = parseExpiresAt(expiresAt);
    if (at !== undefined) life = at - now;
  }
  if (life === undefined) return MAX_TOKEN_AGE;
  if (life <= 0) return 0;
  return life - Math.min(MAX_SKEW, life * 0.1);
}

function parseExpiresAt(value: string | number): number | undefined {
  let n = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (Number.isNaN(n)) {
    const t = Date.parse(value as string);
    return Number.isNaN(t) ? undefined : t;
  }
  // Epoch seconds until the year 33658; anything larger is milliseconds.
  return n < 1e12 ? n * 1000 : n;
}

function keyOf(source: TokenSource): unknown {
  if ('provider' in source) return source.provider;
  const url = new URL(source.url, globalThis.location?.href).href;
  return `${source.method ?? source.init?.method ?? 'GET'} ${url}`;
}

function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new CasUploadError('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CasUploadError('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The cache shared by every element on the page. */
export const sharedTokenCache = new TokenCache();

/** Forgets every cached access token on the page (for example, after the user signs out). */
export function clearTokenCache(): void {
  sharedTokenCache.clear();
}

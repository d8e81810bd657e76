/**
 * Where `createTokenHandler` keeps its rate-limit counters and the token it reuses. The default
 * is in memory (one process); `cas-upload/server/redis` gives one shared view to many instances.
 * @module
 */

/** The reused access token, as a store keeps it. */
export interface StoredToken {
  /** The access token, `at_…`. */
  value: string;
  /** When the API says it expires, epoch ms. */
  expiresAt: number;
  /** From when it is no longer handed out (shortly before `expiresAt`), epoch ms. */
  staleAt: number;
  /** When it was minted to replace a token the API rejected, epoch ms; absent otherwise. */
  replacedAt?: number;
}

/**
 * What the API's `POST /v1/credits` said about the key's quota, as a store keeps it (for at most
 * a minute: see `CREDITS_TTL_MS`).
 */
export interface StoredCredits {
  /** `true` when nothing is left: `remaining` was 0 and `is_unlimited` was `false`. */
  exhausted: boolean;
  /** When the quota starts again (the API's `resets_at`, ISO 8601), when it said. */
  resetsAt?: string;
}

/**
 * The state `createTokenHandler` shares between the requests it serves (and, with a shared
 * store, between instances). Every method may be asynchronous; a method that rejects makes the
 * handler reject (your framework answers 500).
 */
export interface TokenStore {
  /**
   * Counts one request for `key` in its fixed window of `windowMs` (the window starts with the
   * first request), atomically. Returns the count so far in this window, this one included, and
   * the milliseconds until the window ends. `max` is the handler's limit: a store that must drop
   * windows to bound its memory keeps those whose count is beyond it (the clients it is
   * limiting now).
   */
  hit(key: string, windowMs: number, max?: number): Promise<{ count: number; resetInMs: number }>;
  /** The reused token, or `undefined` when there is none (or it is stale). */
  getToken(): Promise<StoredToken | undefined>;
  /** Keeps `token` for reuse until its `staleAt`. */
  setToken(token: StoredToken): Promise<void>;
  /** Drops the reused token, only if it is still `value` (so a late drop never removes a newer one). */
  deleteToken(value: string): Promise<void>;
  /**
   * Optional, for stores shared by many instances: takes a lock for minting for at most `ttlMs`,
   * so one instance mints while the others wait for its token. Resolves with a function that
   * releases the lock, or `undefined` when another instance holds it.
   */
  lockMint?(ttlMs: number): Promise<(() => Promise<void>) | undefined>;
  /**
   * Optional: the quota answer kept by {@link TokenStore.setCredits}, or `undefined` when there is
   * none (or it expired). A store without the pair keeps it in this process only.
   */
  getCredits?(): Promise<StoredCredits | undefined>;
  /** Optional: keeps `credits` for `ttlMs`, for every instance that shares the store. */
  setCredits?(credits: StoredCredits, ttlMs: number): Promise<void>;
}

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Clock in epoch milliseconds (a seam for tests). Default `Date.now`. */
  now?: () => number;
  /**
   * Most rate-limit windows kept at once. When a new client comes and there are this many, the
   * windows that have ended are dropped first, then the live window with the fewest requests;
   * a window whose client has used its whole budget (it is limited now) is never dropped, so
   * the store may then hold more.
   * Default 10 000.
   */
  maxKeys?: number;
}

/**
 * The default store: counters and the token in this process's memory. Right for one instance;
 * with several, each counts and mints on its own (see `cas-upload/server/redis`).
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): TokenStore {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  // Insertion order is window-start order: the first entries are the oldest.
  const windows = new Map<string, { end: number; count: number; max: number }>();
  let token: StoredToken | undefined;
  let credits: { value: StoredCredits; until: number } | undefined;

  /**
   * Makes room for one more window: the ended ones go first, then the live one with the fewest
   * requests; never one whose client has used its whole budget (the next request is refused).
   */
  function makeRoom(t: number): void {
    for (const [key, { end }] of windows) if (t >= end) windows.delete(key);
    if (windows.size < maxKeys) return;
    let drop: string | undefined;
    let fewest = Infinity;
    for (const [key, { count, max }] of windows) {
      if (count < fewest && count < max) [drop, fewest] = [key, count];
    }
    if (drop !== undefined) windows.delete(drop);
  }

  return {
    async hit(key, windowMs, max = Infinity) {
      const t = now();
      let w = windows.get(key);
      if (!w || t >= w.end) {
        windows.delete(key);
        if (windows.size >= maxKeys) makeRoom(t);
        windows.set(key, (w = { end: t + windowMs, count: 0, max }));
      }
      w.max = max;
      return { count: ++w.count, resetInMs: w.end - t };
    },
    async getToken() {
      return token && now() < token.staleAt ? token : undefined;
    },
    async setToken(next) {
      token = next;
    },
    async deleteToken(value) {
      if (token?.value === value) token = undefined;
    },
    async getCredits() {
      return credits && now() < credits.until ? credits.value : undefined;
    },
    async setCredits(value, ttlMs) {
      credits = { value, until: now() + ttlMs };
    },
  };
}

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
 * The state `createTokenHandler` shares between the requests it serves (and, with a shared
 * store, between instances). Every method may be asynchronous; a method that rejects makes the
 * handler reject (your framework answers 500).
 */
export interface TokenStore {
  /**
   * Counts one request for `key` in its fixed window of `windowMs` (the window starts with the
   * first request), atomically. Returns the count so far in this window, this one included, and
   * the milliseconds until the window ends.
   */
  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
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
}

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Clock in epoch milliseconds (a seam for tests). Default `Date.now`. */
  now?: () => number;
  /** Most rate-limit windows kept at once; the oldest are dropped first. Default 10 000. */
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
  const windows = new Map<string, { end: number; count: number }>();
  let token: StoredToken | undefined;

  return {
    async hit(key, windowMs) {
      const t = now();
      let w = windows.get(key);
      if (!w || t >= w.end) {
        windows.delete(key);
        for (const [old, { end }] of windows) {
          if (t < end && windows.size < maxKeys) break;
          windows.delete(old);
        }
        windows.set(key, (w = { end: t + windowMs, count: 0 }));
      }
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
  };
}

/**
 * `cas-upload/server/redis`: a {@link TokenStore} in Redis, so that every instance of your
 * backend (containers, serverless functions) shares one rate limit and one reused token, and
 * mints one token at a time between them. It imports no Redis client: pass yours (a connected
 * `redis` client, or any object with `sendCommand(args)`).
 * @module
 */
import type { StoredToken, TokenStore } from './store.js';

export type { StoredToken, TokenStore } from './store.js';

/**
 * The one method the store needs from a Redis client: send a command, get its reply. A
 * connected client of the `redis` package (node-redis 4 or later) fits as is; for `ioredis`,
 * pass `{ sendCommand: (args) => client.call(args[0], ...args.slice(1)) }`.
 */
export interface RedisCommander {
  /** Sends one command, such as `['SET', key, value, 'PX', '1000']`, and resolves with its reply. */
  sendCommand(args: string[]): Promise<unknown>;
}

/** Options of {@link createRedisStore}. */
export interface RedisStoreOptions {
  /**
   * Prefix of every key the store writes. Default `'cas-upload:'`. Give each token handler
   * that has its own API key or settings a prefix of its own.
   */
  prefix?: string;
  /** Clock in epoch milliseconds, as given to `createTokenHandler` (a seam for tests). Default `Date.now`. */
  now?: () => number;
}

/** INCR then PEXPIRE on the first hit, atomically: `{count, ms until the window ends}`. */
const HIT = `local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/** Deletes the token only if it is still the one named. */
const DELETE_TOKEN = `local v = redis.call('GET', KEYS[1])
if v and cjson.decode(v).value == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Releases the mint lock only if this instance still holds it. */
const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * A store for `createTokenHandler({ store })` in Redis: rate-limit counters (INCR with an
 * expiry, in one Lua script), the reused token (with an expiry at its stale time; a rejected
 * token is dropped for every instance), and a short mint lock (SET NX PX) so one instance
 * mints while the others wait for its token.
 * @example
 * import { createClient } from 'redis';
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const handler = createTokenHandler({ apiKey, store: createRedisStore(redis) });
 */
export function createRedisStore(client: RedisCommander, options: RedisStoreOptions = {}): TokenStore {
  const prefix = options.prefix ?? 'cas-upload:';
  const now = options.now ?? Date.now;
  const tokenKey = `${prefix}token`;
  const lockKey = `${prefix}mint-lock`;
  const send = (...args: (string | number)[]) => client.sendCommand(args.map(String));

  return {
    async hit(key, windowMs) {
      const [count, ttl] = (await send('EVAL', HIT, 1, `${prefix}rate:${key}`, Math.ceil(windowMs))) as unknown[];
      return { count: Number(count), resetInMs: Number(ttl) };
    },
    async getToken() {
      const raw = await send('GET', tokenKey);
      let token: Partial<StoredToken> | undefined;
      try {
        token = typeof raw === 'string' ? JSON.parse(raw) : undefined;
      } catch {
        return undefined;
      }
      const { value, expiresAt, staleAt } = token ?? {};
      return typeof value === 'string' && typeof expiresAt === 'number' && typeof staleAt === 'number' && now() < staleAt
        ? { value, expiresAt, staleAt }
        : undefined;
    },
    async setToken(token) {
      const ttl = Math.floor(token.staleAt - now());
      if (ttl > 0) await send('SET', tokenKey, JSON.stringify(token), 'PX', ttl);
    },
    async deleteToken(value) {
      await send('EVAL', DELETE_TOKEN, 1, tokenKey, value);
    },
    async lockMint(ttlMs) {
      const id = crypto.randomUUID();
      const taken = await send('SET', lockKey, id, 'NX', 'PX', Math.ceil(ttlMs));
      if (taken !== 'OK') return undefined;
      return async () => void (await send('EVAL', UNLOCK, 1, lockKey, id));
    },
  };
}

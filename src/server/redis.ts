/**
 * `cas-upload/server/redis`: a {@link TokenStore} in Redis, so that every instance of your
 * backend (containers, serverless functions) shares one rate limit and one reused token, and
 * mints one token at a time between them. It imports no Redis client: pass yours (a connected
 * `redis` client, or any object with `sendCommand(args)`).
 * @module
 */
import type { StoredCredits, StoredToken, TokenStore } from './store.js';

export type { StoredCredits, StoredToken, TokenStore } from './store.js';

/**
 * The one method the store needs from a Redis client: send a command, get its reply. A
 * connected client of the `redis` package (node-redis 4 or later) fits as is; for `ioredis`,
 * pass `{ sendCommand: (args) => client.call(args[0], ...args.slice(1)) }`.
 */
export interface RedisCommander {
  /** Sends one command, such as `['SET', key, value, 'PX', '1000']`, and resolves with its reply. */
  sendCommand(args: string[]): Promise<unknown>;
  /**
   * Present on a node-redis client (an `EventEmitter`): the store reads
   * `listenerCount('error')` once and warns when it is 0, because such a client crashes the
   * process at the first lost connection.
   */
  listenerCount?(event: string): number;
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

/**
 * One hit in a fixed window, atomically: a window that has ended by the caller's clock
 * (`ARGV[2]`, epoch ms) starts again, ending at `ARGV[3]`, and expires in Redis `ARGV[1]` ms
 * later (a window is never extended by later hits). Returns `{count, ms until the window ends}`.
 */
const HIT = `local ends = tonumber(redis.call('HGET', KEYS[1], 'end'))
local now = tonumber(ARGV[2])
if not ends or ends <= now then
  redis.call('HSET', KEYS[1], 'end', ARGV[3], 'n', 0)
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ends = tonumber(ARGV[3])
end
return {redis.call('HINCRBY', KEYS[1], 'n', 1), ends - now}`;

/** Deletes the token only if it is still the one named. */
const DELETE_TOKEN = `local v = redis.call('GET', KEYS[1])
if v and cjson.decode(v).value == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Releases the mint lock only if this instance still holds it. */
const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Clients already warned about (one warning per client). */
const warned = new WeakSet<object>();

/**
 * A store for `createTokenHandler({ store })` in Redis: rate-limit counters (one Lua script
 * per hit, fixed windows), the reused token (with an expiry at its stale time; a rejected
 * token is dropped for every instance), a short mint lock (SET NX PX) so one instance mints
 * while the others wait for its token, and the last `POST /v1/credits` answer (for a minute).
 *
 * Give it a client with an `'error'` listener: node-redis emits `'error'` when the connection
 * drops, and an `EventEmitter` with no listener for it throws, which ends the process. Handed
 * a client without one, the store warns once (`console.warn`).
 * @example
 * import { createClient } from 'redis';
 * const redis = await createClient({ url: process.env.REDIS_URL })
 *   .on('error', (error) => console.error('Redis:', error.message)) // it reconnects by itself
 *   .connect();
 * const handler = createTokenHandler({ apiKey, store: createRedisStore(redis) });
 */
export function createRedisStore(client: RedisCommander, options: RedisStoreOptions = {}): TokenStore {
  const prefix = options.prefix ?? 'cas-upload:';
  const now = options.now ?? Date.now;
  const tokenKey = `${prefix}token`;
  const lockKey = `${prefix}mint-lock`;
  const creditsKey = `${prefix}credits`;
  const send = (...args: (string | number)[]) => client.sendCommand(args.map(String));
  if (typeof client.listenerCount === 'function' && client.listenerCount('error') === 0 && !warned.has(client)) {
    warned.add(client);
    console.warn(
      "cas-upload/server/redis: this Redis client has no 'error' listener, so a lost connection will crash the process. " +
        "Add one before connect(): createClient({ url }).on('error', (error) => …).",
    );
  }

  return {
    async hit(key, windowMs) {
      const t = Math.floor(now());
      const ms = Math.ceil(windowMs);
      const [count, left] = (await send('EVAL', HIT, 1, `${prefix}rate:${key}`, ms, t, t + ms)) as unknown[];
      return { count: Number(count), resetInMs: Math.min(ms, Number(left)) };
    },
    async getToken() {
      const token = parse<StoredToken>(await send('GET', tokenKey));
      const { value, expiresAt, staleAt, replacedAt } = token ?? {};
      if (!(typeof value === 'string' && typeof expiresAt === 'number' && typeof staleAt === 'number' && now() < staleAt)) {
        return undefined;
      }
      // Every field the handler relies on: `replacedAt` bounds how often a token is replaced.
      return typeof replacedAt === 'number' ? { value, expiresAt, staleAt, replacedAt } : { value, expiresAt, staleAt };
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
    async getCredits() {
      const credits = parse<StoredCredits & { until: number }>(await send('GET', creditsKey));
      const { exhausted, resetsAt, until } = credits ?? {};
      // Until its time by the clock, even before Redis expires it (as the token).
      if (typeof exhausted !== 'boolean' || !(typeof until === 'number' && now() < until)) return undefined;
      return typeof resetsAt === 'string' ? { exhausted, resetsAt } : { exhausted };
    },
    async setCredits(credits, ttlMs) {
      const ttl = Math.ceil(ttlMs);
      if (ttl > 0) await send('SET', creditsKey, JSON.stringify({ ...credits, until: now() + ttl }), 'PX', ttl);
    },
  };
}

/** A stored JSON object, or `undefined` when there is none or it is not JSON. */
function parse<T>(raw: unknown): Partial<T> | undefined {
  try {
    const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    return value && typeof value === 'object' ? (value as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}

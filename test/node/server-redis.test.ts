/// <reference types="node" />
// `cas-upload/server/redis` against a real redis-server (started here on a free localhost port,
// no persistence, stopped at the end) and a fake `POST /v1/token` on 127.0.0.1.
// Run: node --import tsx --test test/node/server-redis.test.ts (needs redis-server on the PATH;
// .ci/run installs it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { createTokenHandler, type TokenHandlerOptions } from '../../src/server/index.js';
import { createRedisStore } from '../../src/server/redis.js';
import { startRedis, type RedisServer } from './redis-server.js';

const KEY = 'sk_live_SECRET_redis_test_91b2';

let server: RedisServer;
let redis: RedisServer['client'];
let prefixes = 0;
/** A key prefix of its own for each test: the tests share one redis-server. */
const prefix = () => `test${++prefixes}:`;

before(async () => {
  server = await startRedis();
  redis = server.client;
});

after(() => server?.stop());

/** A fake token API: `at_<n>`, each answer held until `open()` when `gated`; `POST /v1/credits` says credits are left. */
async function fakeApi(t: { after(fn: () => unknown): void }, { gated = false, expiresIn = 3600 } = {}) {
  let release!: () => void;
  const gate = gated ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  let minted = 0;
  const api = http.createServer(async (req, res) => {
    for await (const _ of req);
    if (req.url === '/v1/credits') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ used: 1, remaining: 99, limit: 100, is_unlimited: false, resets_at: null, enabled_features: [] }));
      return;
    }
    const n = ++minted;
    await gate;
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_redis1' });
    res.end(JSON.stringify({ access_token: `at_${n}`, token_type: 'api_key', expires_in: expiresIn }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    api.closeAllConnections();
    return new Promise((resolve) => api.close(resolve));
  });
  return { base: `http://127.0.0.1:${(api.address() as net.AddressInfo).port}`, minted: () => minted, open: () => release?.() };
}

function make(base: string, p: string, options: Partial<TokenHandlerOptions> = {}) {
  return createTokenHandler({ apiKey: KEY, apiBase: base, rateLimit: false, store: createRedisStore(redis, { prefix: p }), ...options });
}

async function call(handler: ReturnType<typeof createTokenHandler>, headers: Record<string, string> = {}, clientAddress = '203.0.113.1') {
  const response = await handler(new Request('http://host.test/api/cas-token', { headers }), { clientAddress });
  const text = await response.text();
  assert.ok(!text.includes(KEY));
  return { status: response.status, body: JSON.parse(text), retryAfter: response.headers.get('retry-after') };
}

const ticks = async (n = 20) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

// ---- the store alone ---------------------------------------------------------------------------

test('hit counts atomically in a window that expires in Redis', async () => {
  const p = prefix();
  const store = createRedisStore(redis, { prefix: p });
  const counts = await Promise.all(Array.from({ length: 50 }, () => store.hit('ip:203.0.113.1', 60_000)));
  assert.deepEqual(
    counts.map((c) => c.count).sort((a, b) => a - b),
    Array.from({ length: 50 }, (_, i) => i + 1),
  );
  for (const { resetInMs } of counts) assert.ok(resetInMs > 59_000 && resetInMs <= 60_000, String(resetInMs));
  const ttl = await redis.pTTL(`${p}rate:ip:203.0.113.1`);
  assert.ok(ttl > 59_000 && ttl <= 60_000, `PTTL ${ttl}`);

  // A short window really ends: the next hit starts at 1 again.
  await store.hit('short', 50);
  assert.equal((await store.hit('short', 50)).count, 2);
  await new Promise((resolve) => setTimeout(resolve, 120));
  assert.equal((await store.hit('short', 50)).count, 1);
});

test('the token is kept until its stale time (as a Redis expiry), and deleted only if still the same', async () => {
  const p = prefix();
  let t = 1_700_000_000_000;
  const store = createRedisStore(redis, { prefix: p, now: () => t });
  assert.equal(await store.getToken(), undefined);
  const token = { value: 'at_1', expiresAt: t + 60_000, staleAt: t + 54_000 };
  await store.setToken(token);
  assert.deepEqual(await store.getToken(), token);
  const ttl = await redis.pTTL(`${p}token`);
  assert.ok(ttl > 53_000 && ttl <= 54_000, `PTTL ${ttl}`);

  await store.deleteToken('at_other');
  assert.deepEqual(await store.getToken(), token);
  await store.deleteToken('at_1');
  assert.equal(await store.getToken(), undefined);

  await store.setToken(token);
  t += 54_000; // stale by the clock, even before Redis expires it
  assert.equal(await store.getToken(), undefined);
});

test('the mint lock is taken by one caller at a time and free again once released', async () => {
  const store = createRedisStore(redis, { prefix: prefix() });
  const [a, b] = await Promise.all([store.lockMint!(5000), store.lockMint!(5000)]);
  assert.equal([a, b].filter(Boolean).length, 1);
  assert.equal(await store.lockMint!(5000), undefined);
  await (a ?? b)!();
  const c = await store.lockMint!(5000);
  assert.ok(c);
  await c();
});

// ---- two handler instances on one Redis ----------------------------------------------------------

test('two instances on one Redis mint one token for 20 concurrent requests', async (t) => {
  const api = await fakeApi(t, { gated: true });
  const p = prefix();
  const one = make(api.base, p);
  const two = make(api.base, p);
  const pending = Array.from({ length: 20 }, (_, i) => call(i % 2 ? one : two));
  while (api.minted() < 1) await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setTimeout(resolve, 300)); // the other instance waits, polling
  await ticks();
  api.open();
  const answers = await Promise.all(pending);
  assert.equal(api.minted(), 1);
  for (const r of answers) assert.equal(r.body.access_token, 'at_1');
  // Later requests on either instance reuse it.
  assert.equal((await call(one)).body.access_token, 'at_1');
  assert.equal((await call(two)).body.access_token, 'at_1');
  assert.equal(api.minted(), 1);
});

test('two instances on one Redis share one rate limit', async (t) => {
  const api = await fakeApi(t);
  const p = prefix();
  const limit = { rateLimit: { max: 3, windowMs: 60_000 } };
  const one = make(api.base, p, limit);
  const two = make(api.base, p, limit);
  assert.equal((await call(one)).status, 200);
  assert.equal((await call(two)).status, 200);
  assert.equal((await call(one)).status, 200);
  const limited = await call(two);
  assert.equal(limited.status, 429);
  assert.equal(limited.body.error, 'rate-limited');
  assert.equal(limited.retryAfter, '60');
  assert.equal((await call(one)).status, 429);
  assert.equal((await call(one, {}, '203.0.113.2')).status, 200, 'another client has its own budget');
});

test('a token rejected through one instance is dropped for every instance', async (t) => {
  const api = await fakeApi(t);
  const p = prefix();
  const one = make(api.base, p);
  const two = make(api.base, p);
  assert.equal((await call(one)).body.access_token, 'at_1');
  assert.equal((await call(two)).body.access_token, 'at_1');
  assert.equal((await call(one, { 'x-cas-rejected-token': 'at_1' })).body.access_token, 'at_2');
  assert.equal((await call(two)).body.access_token, 'at_2');
  // A late refresh through the other instance naming the old token mints nothing more.
  assert.equal((await call(two, { 'x-cas-rejected-token': 'at_1' })).body.access_token, 'at_2');
  assert.equal(api.minted(), 2);
});

test('when the instance holding the mint lock never stores a token, another mints after timeoutMs', async (t) => {
  const api = await fakeApi(t);
  const p = prefix();
  await redis.set(`${p}mint-lock`, 'a-crashed-instance', { PX: 60_000 });
  const handler = make(api.base, p, { timeoutMs: 300 });
  const started = Date.now();
  const r = await call(handler);
  assert.equal(r.body.access_token, 'at_1');
  assert.ok(Date.now() - started >= 250, 'it waited for the other instance first');
  assert.equal(api.minted(), 1);
});

test('an instance whose mint fails releases the lock: the next request mints at once', async (t) => {
  let fail = true;
  const api = http.createServer(async (req, res) => {
    for await (const _ of req);
    res.writeHead(fail ? 503 : 200, { 'content-type': 'application/json' });
    res.end(fail ? '{}' : JSON.stringify({ access_token: 'at_ok', expires_in: 3600 }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => api.close(resolve)));
  const base = `http://127.0.0.1:${(api.address() as net.AddressInfo).port}`;
  const p = prefix();
  const handler = make(base, p, { onError: () => {}, timeoutMs: 5000 });
  assert.equal((await call(handler)).status, 502);
  assert.equal(await redis.get(`${p}mint-lock`), null);
  fail = false;
  const started = Date.now();
  assert.equal((await call(handler)).body.access_token, 'at_ok');
  assert.ok(Date.now() - started < 1000);
});

test("an instance whose first read returns late (after another minted and let the lock go) reads again before minting: one mint", async (t) => {
  const api = await fakeApi(t);
  const p = prefix();
  const one = make(api.base, p);
  // Instance B's first read of the token is sent at once but answered late: after A has minted,
  // stored its token and released the lock. It still says "no token".
  let aDone!: () => void;
  const aFinished = new Promise<void>((resolve) => (aDone = resolve));
  const store = createRedisStore(redis, { prefix: p });
  let reads = 0;
  const late: typeof store = {
    ...store,
    async getToken() {
      const token = await store.getToken();
      if (++reads === 1) await aFinished;
      return token;
    },
  };
  const two = createTokenHandler({ apiKey: KEY, apiBase: api.base, rateLimit: false, store: late });
  const b = call(two);
  while (reads < 1) await new Promise((resolve) => setImmediate(resolve));
  const a = await call(one);
  aDone();
  assert.equal(a.body.access_token, 'at_1');
  assert.equal((await b).body.access_token, 'at_1');
  assert.equal(api.minted(), 1);
  assert.equal((await call(one)).body.access_token, 'at_1', "A's token was not overwritten");
});

test('when the API hangs, the callers of a second instance wait one timeoutMs, not two', { timeout: 20_000 }, async (t) => {
  const api = await fakeApi(t, { gated: true }); // never answers
  const p = prefix();
  const timeoutMs = 1000;
  const quiet = { timeoutMs, onError: () => {} };
  const one = make(api.base, p, quiet);
  const two = make(api.base, p, quiet);
  const started = performance.now();
  const [a, ...b] = await Promise.all([
    call(one),
    ...Array.from({ length: 3 }, () => call(two)),
  ]);
  const took = performance.now() - started;
  assert.equal(a.status, 504);
  for (const r of b) {
    assert.equal(r.status, 504);
    assert.equal(r.body.error, 'upstream-timeout');
  }
  assert.equal(api.minted(), 1, 'the second instance started no mint of its own');
  // Before: its own wait of timeoutMs, then a mint of its own with another timeoutMs (over 2000 ms).
  assert.ok(took < timeoutMs + 700, `the second instance answered after ${Math.round(took)} ms`);
});

test("createRedisStore warns once for a client without an 'error' listener, and not for one with it", async () => {
  const lines: unknown[][] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void lines.push(args);
  try {
    const bare = { sendCommand: (args: string[]) => redis.sendCommand(args), listenerCount: () => 0 };
    createRedisStore(bare, { prefix: prefix() });
    createRedisStore(bare, { prefix: prefix() });
    createRedisStore(redis, { prefix: prefix() }); // has one
    createRedisStore({ sendCommand: bare.sendCommand }, { prefix: prefix() }); // not an emitter (an ioredis wrapper): nothing to check
  } finally {
    console.warn = original;
  }
  assert.equal(lines.length, 1);
  assert.match(String(lines[0]![0]), /no 'error' listener.*crash the process/);
  assert.match(String(lines[0]![0]), /\.on\('error'/);
});

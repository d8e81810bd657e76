/// <reference types="node" />
// The token handler's store tests, one suite run against both stores: the memory store and the
// Redis store on a real redis-server (test/node/redis-server.ts). Every store must keep every
// field the handler relies on, so whatever the handler does with one store it does with the
// other. A fake CAS Parser API (`POST /v1/token`, `POST /v1/credits`) on 127.0.0.1.
// Run: node --import tsx --test test/node/server-stores.test.ts (needs redis-server on the PATH).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createTokenHandler,
  createMemoryStore,
  CREDITS_TTL_MS,
  REPLACE_INTERVAL_MS,
  type TokenHandlerFailure,
  type TokenHandlerOptions,
  type TokenStore,
} from '../../src/server/index.js';
import { createRedisStore } from '../../src/server/redis.js';
import { startRedis, type RedisServer } from './redis-server.js';

const KEY = 'sk_live_SECRET_store_suite_7c1d';

let redis: RedisServer;
before(async () => {
  redis = await startRedis();
});
after(() => redis?.stop());

let prefixes = 0;

/** One kind of store: how to make one (with the test's clock), and how to stall it. */
interface Kind {
  name: string;
  /** A new, empty store on `now`; every store made by one call shares its state with `again()`. */
  make(now: () => number): { store: TokenStore; again(): TokenStore };
  /** Stalls every store of this kind (made before or after) until the returned function is called. */
  stall(): () => void;
}

/** Memory stores stall through a wrapper whose calls wait while the gate is shut. */
let memoryGate: Promise<void> | undefined;
function stallable(store: TokenStore): TokenStore {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(store)) {
    wrapped[name] = async (...args: unknown[]) => {
      while (memoryGate) await memoryGate;
      return (method as (...a: unknown[]) => unknown).apply(store, args);
    };
  }
  return wrapped as unknown as TokenStore;
}

const kinds: Kind[] = [
  {
    name: 'memory store',
    make(now) {
      const store = stallable(createMemoryStore({ now }));
      return { store, again: () => store };
    },
    stall() {
      let open!: () => void;
      memoryGate = new Promise<void>((resolve) => (open = resolve));
      return () => {
        memoryGate = undefined;
        open();
      };
    },
  },
  {
    name: 'Redis store (a real redis-server)',
    make(now) {
      const prefix = `suite${++prefixes}:`;
      return {
        store: createRedisStore(redis.client, { prefix, now }),
        again: () => createRedisStore(redis.client, { prefix, now }),
      };
    },
    stall() {
      redis.pause();
      return () => redis.resume();
    },
  },
];

// ---- the fake API ------------------------------------------------------------------------------

/** What `POST /v1/credits` answers. */
type Credits = Record<string, unknown> | number;
const PLENTY = { used: 5, remaining: 95, limit: 100, is_unlimited: false, resets_at: '2026-02-01T00:00:00Z', enabled_features: [] };
const NONE_LEFT = { used: 100, remaining: 0, limit: 100, is_unlimited: false, resets_at: '2026-02-01T00:00:00Z', enabled_features: [] };

/** `at_<n>` for the n-th token request; `credits` answers `POST /v1/credits` (a number: that status). */
async function fakeApi(t: { after(fn: () => unknown): void }, credits: { now: Credits } = { now: PLENTY }) {
  const mints: http.IncomingHttpHeaders[] = [];
  const creditRequests: { method: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    if (req.url === '/v1/credits') {
      creditRequests.push({ method: req.method ?? '', headers: req.headers, body });
      const answer = credits.now;
      res.writeHead(typeof answer === 'number' ? answer : 200, { 'content-type': 'application/json', 'x-request-id': 'req_credits1' });
      res.end(JSON.stringify(typeof answer === 'number' ? { detail: 'boom' } : answer));
      return;
    }
    mints.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: `at_${mints.length}`, token_type: 'api_key', expires_in: 3600 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, mints, creditRequests };
}

function clock(start = 1_700_000_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

async function call(handler: ReturnType<typeof createTokenHandler>, headers: Record<string, string> = {}, clientAddress = '203.0.113.1') {
  const response = await handler(new Request('http://host.test/api/cas-token', { headers }), { clientAddress });
  const text = await response.text();
  assert.ok(!text.includes(KEY), 'the key never leaves');
  return { status: response.status, body: JSON.parse(text), headers: Object.fromEntries(response.headers) };
}

const rejecting = (token: string) => ({ 'x-cas-rejected-token': token });

for (const kind of kinds) {
  describe(kind.name, () => {
    function setup(base: string, options: Partial<TokenHandlerOptions> = {}) {
      const c = clock();
      const failures: TokenHandlerFailure[] = [];
      const { store, again } = kind.make(c.now);
      const make = (s: TokenStore) =>
        createTokenHandler({ apiKey: KEY, apiBase: base, rateLimit: false, now: c.now, store: s, onError: (f) => failures.push(f), ...options });
      // Two handlers on one store: two instances of the host's backend.
      return { c, store, one: make(store), two: make(again()), failures };
    }

    // ---- the store alone ----------------------------------------------------------------------

    test('deleteToken drops the token only if it is the one named', async () => {
      const c = clock();
      const { store } = kind.make(c.now);
      const token = { value: 'at_1', expiresAt: c.t + 60_000, staleAt: c.t + 54_000 };
      await store.setToken(token);
      await store.deleteToken('at_other');
      assert.deepEqual(await store.getToken(), token);
      await store.deleteToken('at_1');
      assert.equal(await store.getToken(), undefined);
    });

    test('getToken keeps every field the handler relies on (replacedAt too)', async () => {
      const c = clock();
      const { store } = kind.make(c.now);
      const token = { value: 'at_9', expiresAt: c.t + 60_000, staleAt: c.t + 54_000, replacedAt: c.t - 1 };
      await store.setToken(token);
      assert.deepEqual(await store.getToken(), token);
    });

    test('the rate window is fixed, not sliding: hits at 0 and 150 ms of a 200 ms window, then one at 250 ms counts 1', async () => {
      const c = clock();
      const { store } = kind.make(c.now);
      assert.deepEqual(await store.hit('ip:203.0.113.1', 200, 5), { count: 1, resetInMs: 200 });
      c.t += 150;
      assert.deepEqual(await store.hit('ip:203.0.113.1', 200, 5), { count: 2, resetInMs: 50 });
      c.t += 100; // 250 ms: the window that started at 0 ended at 200
      assert.deepEqual(await store.hit('ip:203.0.113.1', 200, 5), { count: 1, resetInMs: 200 });
      assert.deepEqual(await store.hit('ip:198.51.100.1', 200, 5), { count: 1, resetInMs: 200 }, 'each key its own window');
    });

    test('credits are kept until their time is up', async () => {
      const c = clock();
      const { store, again } = kind.make(c.now);
      assert.equal(await store.getCredits!(), undefined);
      await store.setCredits!({ exhausted: true, resetsAt: '2026-02-01T00:00:00Z' }, 60_000);
      assert.deepEqual(await again().getCredits!(), { exhausted: true, resetsAt: '2026-02-01T00:00:00Z' });
      c.t += 60_000 - 1;
      assert.deepEqual(await store.getCredits!(), { exhausted: true, resetsAt: '2026-02-01T00:00:00Z' });
      c.t += 1;
      assert.equal(await store.getCredits!(), undefined);
    });

    // ---- the handler on it ----------------------------------------------------------------------

    test('a token is reused by every handler on the store until it is stale', async (t) => {
      const api = await fakeApi(t);
      const { c, one, two } = setup(api.base);
      assert.equal((await call(one)).body.access_token, 'at_1');
      assert.equal((await call(two)).body.access_token, 'at_1');
      c.t += 3_570_000; // 30 s before its hour is over
      assert.equal((await call(two)).body.access_token, 'at_2');
      assert.equal((await call(one)).body.access_token, 'at_2');
      assert.equal(api.mints.length, 2);
    });

    test('a token that replaced a rejected one is replaced again only REPLACE_INTERVAL_MS later, whoever names it', async (t) => {
      const api = await fakeApi(t);
      const { c, one, two } = setup(api.base);
      assert.equal((await call(one)).body.access_token, 'at_1');
      assert.equal((await call(one, rejecting('at_1'))).body.access_token, 'at_2');
      // A client that names the token it was just given: 20 requests, no new mint.
      for (let i = 0; i < 20; i++) assert.equal((await call(i % 2 ? one : two, rejecting('at_2'))).body.access_token, 'at_2');
      assert.equal(api.mints.length, 2);
      c.t += REPLACE_INTERVAL_MS;
      assert.equal((await call(two, rejecting('at_2'))).body.access_token, 'at_3');
      assert.equal(api.mints.length, 3);
    });

    test('a rejected-token header naming another token mints nothing', async (t) => {
      const api = await fakeApi(t);
      const { one, two } = setup(api.base);
      await call(one);
      for (const other of ['at_999', 'x'.repeat(5000)]) assert.equal((await call(two, rejecting(other))).body.access_token, 'at_1');
      assert.equal(api.mints.length, 1);
    });

    test('asked to replace a rejected token with no credits left: 402 quota-exceeded and no mint', async (t) => {
      const api = await fakeApi(t, { now: NONE_LEFT });
      const { one, failures } = setup(api.base);
      assert.equal((await call(one)).body.access_token, 'at_1');
      assert.equal(api.creditRequests.length, 0, 'no credits request without a rejected token');
      const r = await call(one, rejecting('at_1'));
      assert.equal(r.status, 402);
      assert.deepEqual(Object.keys(r.body).sort(), ['error', 'message']);
      assert.equal(r.body.error, 'quota-exceeded');
      assert.match(r.body.message, /no credits left until 2026-02-01T00:00:00Z/);
      assert.equal(r.headers['cache-control'], 'no-store');
      assert.equal(api.mints.length, 1);
      // POST /v1/credits with the key, and nothing else.
      assert.equal(api.creditRequests.length, 1);
      assert.equal(api.creditRequests[0]!.method, 'POST');
      assert.equal(api.creditRequests[0]!.headers['x-api-key'], KEY);
      assert.equal(api.creditRequests[0]!.body, '');
      // Reported once, for the host's logs, with the API's request id.
      assert.deepEqual(failures.map((f) => [f.status, f.error, f.requestId]), [[402, 'quota-exceeded', 'req_credits1']]);
      // A request that names no rejected token still gets the token held.
      assert.equal((await call(one)).body.access_token, 'at_1');
    });

    test('one credits answer is shared by every handler on the store for CREDITS_TTL_MS, then asked again', async (t) => {
      const credits = { now: NONE_LEFT as Credits };
      const api = await fakeApi(t, credits);
      const { c, one, two } = setup(api.base);
      await call(one);
      assert.equal((await call(one, rejecting('at_1'))).status, 402);
      assert.equal((await call(two, rejecting('at_1'))).status, 402);
      assert.equal((await call(two, rejecting('at_other'))).status, 402);
      assert.equal(api.creditRequests.length, 1);
      c.t += CREDITS_TTL_MS - 1;
      assert.equal((await call(two, rejecting('at_1'))).status, 402);
      assert.equal(api.creditRequests.length, 1);
      credits.now = PLENTY; // the quota was topped up
      c.t += 1;
      const r = await call(two, rejecting('at_1'));
      assert.equal(r.status, 200);
      assert.equal(r.body.access_token, 'at_2');
      assert.equal(api.creditRequests.length, 2);
    });

    test('credits left, unlimited, or the credits request failing: the rejected token is replaced as before', async (t) => {
      const unlimited = { used: 7, remaining: null, limit: 0, is_unlimited: true, resets_at: null, enabled_features: [] };
      for (const answer of [PLENTY, unlimited, { ...NONE_LEFT, is_unlimited: true }, 500, { nonsense: true }] as Credits[]) {
        const api = await fakeApi(t, { now: answer });
        const { one } = setup(api.base);
        await call(one);
        const r = await call(one, rejecting('at_1'));
        assert.equal(r.status, 200, JSON.stringify(answer));
        assert.equal(r.body.access_token, 'at_2');
        assert.equal(api.creditRequests.length, 1);
      }
    });

    test('a stalled store: every request answers 503 store-unavailable within timeoutMs, and all is well once it answers', { timeout: 20_000 }, async (t) => {
      const api = await fakeApi(t);
      const timeoutMs = 400;
      const limited = setup(api.base, { timeoutMs, rateLimit: { max: 100, windowMs: 60_000 } });
      const unlimited = setup(api.base, { timeoutMs });
      await call(limited.one); // reached before the stall
      const resume = kind.stall();
      try {
        const started = performance.now();
        const answers = await Promise.all([
          ...Array.from({ length: 5 }, () => call(limited.one)),
          ...Array.from({ length: 5 }, () => call(unlimited.one)),
          call(unlimited.two, rejecting('at_1')),
        ]);
        const took = performance.now() - started;
        for (const r of answers) {
          assert.equal(r.status, 503);
          assert.equal(r.body.error, 'store-unavailable');
          assert.equal(r.headers['cache-control'], 'no-store');
        }
        assert.ok(took >= timeoutMs - 50 && took < timeoutMs + 600, `answered after ${Math.round(took)} ms`);
        assert.ok(unlimited.failures.length >= 1 && unlimited.failures.every((f) => f.status === 503 && f.error === 'store-unavailable'));
      } finally {
        resume();
      }
      assert.equal((await call(unlimited.one)).status, 200);
      assert.equal((await call(limited.one)).status, 200);
    });
  });
}

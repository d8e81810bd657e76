/// <reference types="node" />
// Tests of `cas-upload/server` in Node, against a fake `POST /v1/token` on 127.0.0.1.
// Run: node --import tsx --test test/node/*.test.ts
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createTokenHandler,
  createMemoryStore,
  toNodeListener,
  REPLACE_INTERVAL_MS,
  type ClientInfo,
  type TokenStore,
  type TokenHandlerFailure,
  type TokenHandlerOptions,
} from '../../src/server/index.js';
import { rateKeyOf } from '../../src/server/client-address.js';

const KEY = 'sk_live_SECRET_do_not_leak_4f9a2c';

// ---- helpers -------------------------------------------------------------------------------

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
type Reply = (res: http.ServerResponse, n: number, seen: Seen) => void;

/** What `POST /v1/credits` answers for a key with credits left. */
const PLENTY = { used: 5, remaining: 95, limit: 100, is_unlimited: false, resets_at: '2026-02-01T00:00:00Z', enabled_features: [] };

/**
 * A fake CAS Parser API on 127.0.0.1 that records every token request (`requests`) and answers
 * with `reply`; `POST /v1/credits` is recorded apart (`credits`) and answered with `creditsReply`
 * (by default: credits left).
 */
async function fakeApi(t: { after(fn: () => unknown): void }, reply: Reply, creditsReply: Reply = (res) => sendJson(res, 200, PLENTY)) {
  const requests: Seen[] = [];
  const credits: Seen[] = [];
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
    if (seen.url.endsWith('/v1/credits')) {
      credits.push(seen);
      return creditsReply(res, credits.length, seen);
    }
    requests.push(seen);
    reply(res, requests.length, seen);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, credits };
}

/** Answers like `POST /v1/token`: token `at_<n>` for the n-th request. */
function tokenReply(expiresIn = 3600): Reply {
  return (res, n) => sendJson(res, 200, { access_token: `at_${n}`, token_type: 'api_key', expires_in: expiresIn });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_abc123', ...headers });
  res.end(JSON.stringify(body));
}

/** Reads a response, asserts the secret key is in no header and not in the body, parses JSON. */
async function read(response: Response) {
  const text = await response.text();
  const headers = Object.fromEntries(response.headers);
  assert.ok(!text.includes(KEY), `the secret key leaked in a body: ${text}`);
  for (const [name, value] of response.headers) assert.ok(!value.includes(KEY), `the secret key leaked in header ${name}`);
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers, body };
}

/** Calls the handler like a browser would (from `info`, by default one client address), and reads the answer. */
async function call(
  handler: (r: Request, info?: ClientInfo) => Promise<Response>,
  init: RequestInit & { url?: string; info?: ClientInfo } = {},
) {
  return read(await handler(new Request(init.url ?? 'http://host.test/api/cas-token', init), init.info ?? { clientAddress: '192.0.2.50' }));
}

/** Asserts an error answer: status, code, JSON, no-store, only the documented keys. */
function assertError(r: Awaited<ReturnType<typeof read>>, status: number, code: string) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.body.error, code);
  assert.equal(typeof r.body.message, 'string');
  assert.ok(r.body.message.length > 10);
  assert.equal(r.headers['content-type'], 'application/json');
  assert.equal(r.headers['cache-control'], 'no-store');
  for (const key of Object.keys(r.body)) assert.ok(['error', 'message', 'requestId'].includes(key), `unexpected key ${key}`);
}

function clock(start = 1_700_000_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

/** What `onError` received in the handlers made by `make` (the default would print it). */
const failures: TokenHandlerFailure[] = [];

function make(base: string, options: Partial<TokenHandlerOptions> = {}) {
  // a frozen clock by default, so expires_in is exact (a real one can tick during the mint)
  return createTokenHandler({
    apiKey: KEY,
    apiBase: base,
    rateLimit: false,
    now: clock().now,
    onError: (failure) => failures.push(failure),
    ...options,
  });
}

// Nothing may reach the console, ever (it could carry the key).
const consoleCalls: unknown[][] = [];
before(() => {
  for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = console[name];
    console[name] = (...args: unknown[]) => {
      consoleCalls.push(args);
      original.apply(console, args);
    };
  }
});

// ---- the request to the API and the 200 answer ---------------------------------------------

test('mints with POST {apiBase}/v1/token, the key in x-api-key and a JSON expiry_minutes body', async (t) => {
  const api = await fakeApi(t, tokenReply());
  await call(make(api.base));
  await call(make(api.base + '/', { expiryMinutes: 15 }));
  await call(make(api.base + '/proxy/', { expiryMinutes: 1 }));

  assert.equal(api.requests.length, 3);
  const [first, second, third] = api.requests as [Seen, Seen, Seen];
  assert.equal(first.method, 'POST');
  assert.equal(first.url, '/v1/token');
  assert.equal(first.headers['x-api-key'], KEY);
  assert.equal(first.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(first.body), { expiry_minutes: 60 });
  assert.equal(second.url, '/v1/token');
  assert.deepEqual(JSON.parse(second.body), { expiry_minutes: 15 });
  assert.equal(third.url, '/proxy/v1/token');
  assert.deepEqual(JSON.parse(third.body), { expiry_minutes: 1 });
});

test('answers 200 {access_token, expires_in} as JSON with Cache-Control: no-store', async (t) => {
  const api = await fakeApi(t, tokenReply(3600));
  const r = await call(make(api.base));
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { access_token: 'at_1', expires_in: 3600 });
  assert.equal(r.headers['content-type'], 'application/json');
  assert.equal(r.headers['cache-control'], 'no-store');
});

test('accepts POST as well as GET', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const handler = make(api.base, { reuse: false });
  const r = await call(handler, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
  assert.equal(r.status, 200);
  assert.equal(r.body.access_token, 'at_1');
});

test('without expires_in from the API, the token lives expiryMinutes', async (t) => {
  const api = await fakeApi(t, (res, n) => sendJson(res, 200, { access_token: `at_${n}` }));
  const r = await call(make(api.base, { expiryMinutes: 5 }));
  assert.deepEqual(r.body, { access_token: 'at_1', expires_in: 300 });
});

// ---- reuse and single flight ---------------------------------------------------------------

test('reuses a token until 30 s before expiry, counting down expires_in, then mints afresh', async (t) => {
  const api = await fakeApi(t, tokenReply(3600));
  const c = clock();
  const handler = make(api.base, { now: c.now });
  const start = c.t;

  assert.deepEqual((await call(handler)).body, { access_token: 'at_1', expires_in: 3600 });
  c.t = start + 1_000_000;
  assert.deepEqual((await call(handler)).body, { access_token: 'at_1', expires_in: 2600 });
  c.t = start + 3_570_000 - 1; // 30 s minus 1 ms before expiry: still good
  assert.deepEqual((await call(handler)).body, { access_token: 'at_1', expires_in: 30 });
  assert.equal(api.requests.length, 1);

  c.t = start + 3_570_000; // 30 s before expiry: stale
  assert.deepEqual((await call(handler)).body, { access_token: 'at_2', expires_in: 3600 });
  assert.equal(api.requests.length, 2);
  c.t += 60_000;
  assert.deepEqual((await call(handler)).body, { access_token: 'at_2', expires_in: 3540 });
  assert.equal(api.requests.length, 2);
});

test('for a short lifetime the margin is 10% of it', async (t) => {
  const api = await fakeApi(t, tokenReply(100));
  const c = clock();
  const handler = make(api.base, { now: c.now });
  const start = c.t;
  await call(handler);
  c.t = start + 90_000 - 1;
  assert.deepEqual((await call(handler)).body, { access_token: 'at_1', expires_in: 10 });
  c.t = start + 90_000;
  assert.equal((await call(handler)).body.access_token, 'at_2');
});

test('reuse: false mints on every request', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const handler = make(api.base, { reuse: false });
  assert.equal((await call(handler)).body.access_token, 'at_1');
  assert.equal((await call(handler)).body.access_token, 'at_2');
  assert.equal(api.requests.length, 2);
});

test('10 concurrent requests share a single mint', async (t) => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const api = await fakeApi(t, (res, n) => void gate.then(() => tokenReply()(res, n, {} as Seen)));
  const handler = make(api.base, { authorize: async () => true });

  const pending = Array.from({ length: 10 }, () => call(handler));
  // let every request reach the API if the handler were to send more than one
  while (api.requests.length < 1) await new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  release();
  const answers = await Promise.all(pending);

  assert.equal(api.requests.length, 1);
  for (const r of answers) assert.deepEqual(r.body, { access_token: 'at_1', expires_in: 3600 });
});

test('failures are never cached: every waiter gets the error, the next request mints again', async (t) => {
  const api = await fakeApi(t, (res, n) =>
    n === 1 ? sendJson(res, 500, { status: 'failed', msg: 'boom' }) : tokenReply()(res, n, {} as Seen),
  );
  const handler = make(api.base);
  const failed = await Promise.all([call(handler), call(handler), call(handler)]);
  for (const r of failed) assertError(r, 502, 'upstream-error');
  assert.equal(api.requests.length, 1);

  const ok = await call(handler);
  assert.equal(ok.status, 200);
  assert.equal(ok.body.access_token, 'at_2');
  assert.equal(api.requests.length, 2);
});

// ---- upstream failures ---------------------------------------------------------------------

/** Upstream bodies that quote the key: none of it may come back. */
const leaky = { status: 'failed', msg: `Authentication failed for ${KEY}`, detail: KEY };

test('API 401 and 403 → 502 upstream-auth (the host key is wrong), body not echoed', async (t) => {
  for (const status of [401, 403]) {
    const api = await fakeApi(t, (res) => sendJson(res, status, leaky));
    const r = await call(make(api.base));
    assertError(r, 502, 'upstream-auth');
    assert.equal(r.body.requestId, 'req_abc123');
    assert.ok(!JSON.stringify(r.body).includes('Authentication failed for'));
  }
});

test('API 429 → 429 rate-limited, passing on a numeric Retry-After', async (t) => {
  const api = await fakeApi(t, (res, n) => sendJson(res, 429, leaky, n === 1 ? { 'retry-after': '7' } : {}));
  const handler = make(api.base);
  const first = await call(handler);
  assertError(first, 429, 'rate-limited');
  assert.equal(first.headers['retry-after'], '7');
  const second = await call(handler); // not cached: asks again
  assertError(second, 429, 'rate-limited');
  assert.equal(second.headers['retry-after'], undefined);
  assert.equal(api.requests.length, 2);
});

test('API 500 and 400 → 502 upstream-error', async (t) => {
  for (const [status, body] of [
    [500, leaky],
    [400, { detail: 'Cannot create access token from access token' }],
  ] as const) {
    const api = await fakeApi(t, (res) => sendJson(res, status, body));
    const r = await call(make(api.base));
    assertError(r, 502, 'upstream-error');
    assert.match(r.body.message, new RegExp(String(status)));
    assert.ok(!JSON.stringify(r.body).includes('Cannot create'));
  }
});

test('API 200 that is not JSON, or has no access_token → 502 upstream-error', async (t) => {
  const replies: Reply[] = [
    (res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html>${KEY}</html>`);
    },
    (res) => sendJson(res, 200, { token_type: 'api_key', expires_in: 3600, note: KEY }),
    (res) => sendJson(res, 200, { access_token: '', expires_in: 3600 }),
    (res) => sendJson(res, 200, { access_token: 42 }),
    (res) => sendJson(res, 200, null),
  ];
  for (const reply of replies) {
    const api = await fakeApi(t, reply);
    assertError(await call(make(api.base)), 502, 'upstream-error');
  }
});

test('an sk_ key (or the key itself) instead of an at_ token is refused with 502', async (t) => {
  for (const token of ['sk_live_other_secret', KEY]) {
    const api = await fakeApi(t, (res) => sendJson(res, 200, { access_token: token, expires_in: 3600 }));
    const r = await call(make(api.base));
    assertError(r, 502, 'upstream-error');
    assert.ok(!JSON.stringify(r).includes(token));
  }
});

test('API unreachable (connection refused) → 502 upstream-error', async () => {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  const r = await call(make(`http://127.0.0.1:${port}`));
  assertError(r, 502, 'upstream-error');
  assert.equal(r.body.requestId, undefined);
});

test('API that never answers → 504 upstream-timeout after timeoutMs', { timeout: 5000 }, async (t) => {
  const api = await fakeApi(t, () => {}); // never answers
  const started = performance.now();
  const r = await call(make(api.base, { timeoutMs: 150 }));
  assertError(r, 504, 'upstream-timeout');
  const took = performance.now() - started;
  assert.ok(took >= 100 && took < 5000, `took ${took} ms`);
  assert.equal(api.requests.length, 1);
});

test('a redirect from the API is not followed (the key would travel with it)', async (t) => {
  const elsewhere = await fakeApi(t, tokenReply());
  const api = await fakeApi(t, (res) => {
    res.writeHead(307, { location: `${elsewhere.base}/v1/token` });
    res.end();
  });
  assertError(await call(make(api.base)), 502, 'upstream-error');
  assert.equal(elsewhere.requests.length, 0);
});

// ---- authorize -----------------------------------------------------------------------------

test('authorize: false → 403 forbidden, and no token is minted', async (t) => {
  const api = await fakeApi(t, tokenReply());
  assertError(await call(make(api.base, { authorize: () => false })), 403, 'forbidden');
  assertError(await call(make(api.base, { authorize: async () => false })), 403, 'forbidden');
  // fails closed on anything that is not `true`
  assertError(await call(make(api.base, { authorize: (() => undefined) as never })), 403, 'forbidden');
  assert.equal(api.requests.length, 0);
});

test('authorize: a Response is returned as is', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const custom = new Response('{"error":"login-required"}', { status: 401, headers: { 'www-authenticate': 'Session' } });
  const handler = make(api.base, { authorize: async () => custom });
  const response = await handler(new Request('http://host.test/api/cas-token'));
  assert.equal(response, custom);
  assert.equal(api.requests.length, 0);
});

test('authorize: true (sync or async) lets the request through, and sees the request', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const seen: string[] = [];
  const handler = make(api.base, {
    reuse: false,
    authorize: async (request) => {
      seen.push(request.headers.get('x-csrf') ?? '');
      return request.headers.get('x-csrf') === 'ok';
    },
  });
  assert.equal((await call(handler, { headers: { 'x-csrf': 'ok' } })).status, 200);
  assertError(await call(handler, { headers: { 'x-csrf': 'bad' } }), 403, 'forbidden');
  assert.deepEqual(seen, ['ok', 'bad']);
  assert.equal((await call(make(api.base, { authorize: () => true }))).status, 200);
});

// ---- rate limit ----------------------------------------------------------------------------

test('rate limit per client address, with Retry-After, resetting with the window', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const c = clock();
  const handler = make(api.base, { now: c.now, rateLimit: { max: 3, windowMs: 60_000 } });
  const from = (clientAddress: string) => ({ info: { clientAddress } });

  for (let i = 0; i < 3; i++) assert.equal((await call(handler, from('203.0.113.1'))).status, 200);
  const limited = await call(handler, from('203.0.113.1'));
  assertError(limited, 429, 'rate-limited');
  assert.equal(limited.headers['retry-after'], '60');

  c.t += 15_000;
  assert.equal((await call(handler, from('203.0.113.1'))).headers['retry-after'], '45');
  assert.equal((await call(handler, from('198.51.100.7'))).status, 200); // another client, its own budget

  c.t += 45_000; // the first client's window is over
  assert.equal((await call(handler, from('203.0.113.1'))).status, 200);
  assert.equal(api.requests.length, 1); // the token was reused throughout
});

test('rate limit: X-Forwarded-For is ignored by default, so rotating it gains nothing and locks out no one', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const handler = make(api.base, { rateLimit: { max: 3, windowMs: 60_000 } });
  const attacker = { clientAddress: '203.0.113.66' };
  for (let i = 0; i < 3; i++) {
    const spoofed = { 'x-forwarded-for': `198.51.100.${i}`, 'x-real-ip': '198.51.100.7' };
    assert.equal((await call(handler, { headers: spoofed, info: attacker })).status, 200);
  }
  assertError(await call(handler, { headers: { 'x-forwarded-for': '198.51.100.99' }, info: attacker }), 429, 'rate-limited');
  // The visitor whose address the attacker wrote is not locked out.
  assert.equal((await call(handler, { info: { clientAddress: '198.51.100.7' } })).status, 200);
});

test('rate limit: trustProxy N takes the N-th address from the right of X-Forwarded-For', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const proxy = { clientAddress: '10.0.0.1' }; // the socket: our own load balancer
  const limited = async (trustProxy: number, xff: string[], client: string) => {
    const handler = make(api.base, { trustProxy, rateLimit: { max: 1, windowMs: 60_000 } });
    assert.equal((await call(handler, { headers: { 'x-forwarded-for': xff[0]! }, info: proxy })).status, 200);
    // The same client again, whatever a client wrote at the left: limited
    assertError(await call(handler, { headers: { 'x-forwarded-for': xff[1]! }, info: proxy }), 429, 'rate-limited');
    // Another real client (as the trusted proxy saw it) is not.
    const other = xff[0]!.replace(client, '192.0.2.200');
    assert.equal((await call(handler, { headers: { 'x-forwarded-for': other }, info: proxy })).status, 200);
  };
  // One proxy: it appended the client's address; what the client sent is at the left.
  await limited(1, ['203.0.113.1', 'forged-1, 203.0.113.1'], '203.0.113.1');
  // Two proxies (CDN, then load balancer): the CDN's entry is the client's.
  await limited(2, ['203.0.113.2, 172.16.0.9', 'forged, 203.0.113.2, 172.16.0.9'], '203.0.113.2');

  // A chain shorter than the hops trusted: the furthest address (as Express does).
  const short = make(api.base, { trustProxy: 3, rateLimit: { max: 1, windowMs: 60_000 } });
  assert.equal((await call(short, { headers: { 'x-forwarded-for': '203.0.113.3' }, info: proxy })).status, 200);
  assertError(await call(short, { headers: { 'x-forwarded-for': '203.0.113.3' }, info: proxy }), 429, 'rate-limited');
  assert.equal((await call(short, { headers: { 'x-forwarded-for': '203.0.113.4' }, info: proxy })).status, 200);

  // A runtime that knows no socket (Next.js on a platform that sets X-Forwarded-For): trustProxy 1
  // takes the rightmost entry.
  const platform = make(api.base, { trustProxy: 1, rateLimit: { max: 1, windowMs: 60_000 } });
  const none = {};
  assert.equal((await call(platform, { headers: { 'x-forwarded-for': 'forged, 203.0.113.5' }, info: none })).status, 200);
  assertError(await call(platform, { headers: { 'x-forwarded-for': 'other, 203.0.113.5' }, info: none }), 429, 'rate-limited');
});

test('rate limit: IPv6 clients are counted by /64; IPv4-mapped IPv6 is the IPv4 address', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const handler = make(api.base, { rateLimit: { max: 2, windowMs: 60_000 } });
  const from = (clientAddress: string) => ({ info: { clientAddress } });
  assert.equal((await call(handler, from('2001:db8:1:2::1'))).status, 200);
  assert.equal((await call(handler, from('2001:0db8:0001:0002:ffff:ffff:ffff:fffe'))).status, 200); // same /64
  assertError(await call(handler, from('2001:db8:1:2:abcd::7')), 429, 'rate-limited');
  assert.equal((await call(handler, from('2001:db8:1:3::1'))).status, 200); // the next /64

  assert.equal((await call(handler, from('198.51.100.1'))).status, 200);
  assert.equal((await call(handler, from('::ffff:198.51.100.1'))).status, 200);
  assertError(await call(handler, from('198.51.100.1')), 429, 'rate-limited');
});

test('rateKeyOf: IPv6 by /64 in canonical form, ports and zones dropped', () => {
  assert.equal(rateKeyOf('2001:DB8:0:0:1::1'), '2001:db8:0:0::/64');
  assert.equal(rateKeyOf('[2001:db8::1]:443'), '2001:db8:0:0::/64');
  assert.equal(rateKeyOf('fe80::1%eth0'), 'fe80:0:0:0::/64');
  assert.equal(rateKeyOf('::1'), '0:0:0:0::/64');
  assert.equal(rateKeyOf('1:2:3:4:5:6:7:8'), '1:2:3:4::/64');
  assert.equal(rateKeyOf('::FFFF:192.0.2.1'), '192.0.2.1');
  assert.equal(rateKeyOf('192.0.2.1:8080'), '192.0.2.1');
  assert.equal(rateKeyOf(' 192.0.2.1 '), '192.0.2.1');
});

test('rate limit: with no client address and no clientId the handler refuses with a clear error', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const handler = createTokenHandler({ apiKey: KEY, apiBase: api.base, now: clock().now });
  for (const info of [undefined, {}, { clientAddress: '' }, { params: {} } as ClientInfo]) {
    await assert.rejects(handler(new Request('http://host.test/api/cas-token'), info), (e: Error) => {
      assert.match(e.message, /client address .* unknown/);
      assert.match(e.message, /clientAddress/);
      assert.match(e.message, /trustProxy/);
      assert.match(e.message, /clientId/);
      assert.ok(!e.message.includes(KEY));
      return true;
    });
  }
  // trustProxy with no X-Forwarded-For is no address either.
  const proxied = createTokenHandler({ apiKey: KEY, apiBase: api.base, trustProxy: 1 });
  await assert.rejects(proxied(new Request('http://host.test/api/cas-token')), /client address/);
  assert.equal(api.requests.length, 0);
  // A key function, or no rate limit, needs no address.
  const byUser = createTokenHandler({ apiKey: KEY, apiBase: api.base, clientId: () => 'user-1', onError: () => {} });
  assert.equal((await byUser(new Request('http://host.test/api/cas-token'))).status, 200);
  const unlimited = make(api.base);
  assert.equal((await unlimited(new Request('http://host.test/api/cas-token'))).status, 200);
});

test('rate limit: Deno (info.remoteAddr) and Bun (server.requestIP) give the client address', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const handler = make(api.base, { rateLimit: { max: 1, windowMs: 60_000 } });
  const deno = (hostname: string) => ({ remoteAddr: { hostname, port: 50000, transport: 'tcp' } });
  const bun = (address: string) => ({ requestIP: (_request: Request) => ({ address, family: 'IPv4', port: 50000 }) });
  assert.equal((await call(handler, { info: deno('203.0.113.10') })).status, 200);
  assertError(await call(handler, { info: deno('203.0.113.10') }), 429, 'rate-limited');
  assert.equal((await call(handler, { info: bun('203.0.113.11') })).status, 200);
  assertError(await call(handler, { info: bun('203.0.113.11') }), 429, 'rate-limited');
  assertError(await call(handler, { info: { clientAddress: '203.0.113.11' } }), 429, 'rate-limited');
});

test('rate limit: a custom clientId (sync or async, such as the signed-in user); default 30 per minute; false turns it off', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const c = clock();
  const byUser = make(api.base, {
    now: c.now,
    rateLimit: { max: 1, windowMs: 1000 },
    clientId: async (r) => r.headers.get('x-user') ?? '',
  });
  const same = { clientAddress: '203.0.113.1' }; // one address (an office behind NAT), two users
  assert.equal((await call(byUser, { headers: { 'x-user': 'a' }, info: same })).status, 200);
  assert.equal((await call(byUser, { headers: { 'x-user': 'b' }, info: same })).status, 200);
  assertError(await call(byUser, { headers: { 'x-user': 'a' }, info: same }), 429, 'rate-limited');
  c.t += 1000;
  assert.equal((await call(byUser, { headers: { 'x-user': 'a' }, info: same })).status, 200);

  const defaults = createTokenHandler({ apiKey: KEY, apiBase: api.base, now: c.now });
  for (let i = 0; i < 30; i++) assert.equal((await call(defaults)).status, 200, `request ${i + 1}`);
  assertError(await call(defaults), 429, 'rate-limited');

  const unlimited = make(api.base, { now: c.now, rateLimit: false });
  for (let i = 0; i < 100; i++) assert.equal((await call(unlimited)).status, 200);
});

test('rate limit: a clientId with no id for a request (an anonymous visitor) counts it by its address, never in one shared bucket', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const handler = make(api.base, {
    rateLimit: { max: 1, windowMs: 60_000 },
    clientId: (r) => r.headers.get('x-user'),
  });
  assert.equal((await call(handler, { info: { clientAddress: '203.0.113.1' } })).status, 200);
  // Another anonymous visitor, elsewhere: not locked out by the first.
  assert.equal((await call(handler, { info: { clientAddress: '198.51.100.9' } })).status, 200);
  assertError(await call(handler, { info: { clientAddress: '203.0.113.1' } }), 429, 'rate-limited');
  // A signed-in user on that address has a bucket of their own.
  assert.equal((await call(handler, { headers: { 'x-user': 'a' }, info: { clientAddress: '203.0.113.1' } })).status, 200);
  // No id and no address: the clear error, as without a clientId.
  await assert.rejects(handler(new Request('http://host.test/api/cas-token'), {}), /client address .* unknown/);
});

test('authorize runs before the rate limit: refused requests are not counted, and never minted', async (t) => {
  const api = await fakeApi(t, tokenReply());
  let asked = 0;
  const handler = make(api.base, {
    rateLimit: { max: 1, windowMs: 60_000 },
    authorize: (request) => (asked++, request.headers.get('x-session') === 'ok'),
  });
  const shared = { clientAddress: '203.0.113.1' }; // a stranger on the visitor's address
  for (let i = 0; i < 5; i++) assertError(await call(handler, { info: shared }), 403, 'forbidden');
  assert.equal(api.requests.length, 0);
  // The signed-in visitor on that address still gets a token.
  assert.equal((await call(handler, { headers: { 'x-session': 'ok' }, info: shared })).status, 200);
  assertError(await call(handler, { headers: { 'x-session': 'ok' }, info: shared }), 429, 'rate-limited');
  assert.equal(asked, 7);
});

// ---- methods and options -------------------------------------------------------------------

test('other methods → 405 with Allow: GET, POST, and no mint', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const handler = make(api.base);
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
    const r = await read(await handler(new Request('http://host.test/api/cas-token', { method })));
    assert.equal(r.status, 405, method);
    assert.equal(r.headers.allow, 'GET, POST');
    if (method !== 'HEAD') assertError(r, 405, 'method-not-allowed');
  }
  assert.equal(api.requests.length, 0);
});

test('invalid options throw a TypeError at creation, without the key in the message', () => {
  const bad: Partial<TokenHandlerOptions>[] = [
    { apiKey: '' },
    { apiKey: '   ' },
    { apiKey: undefined as never },
    { expiryMinutes: 0 },
    { expiryMinutes: 61 },
    { expiryMinutes: 1.5 },
    { expiryMinutes: Number.NaN },
    { apiBase: 'http://api.example.com' },
    { apiBase: 'not a url' },
    { timeoutMs: 0 },
    { rateLimit: { max: 0, windowMs: 1000 } },
    { rateLimit: { max: 5, windowMs: -1 } },
  ];
  for (const options of bad) {
    assert.throws(
      () => createTokenHandler({ apiKey: KEY, ...options }),
      (e: unknown) => e instanceof TypeError && !e.message.includes(KEY),
      JSON.stringify(options),
    );
  }
  for (const expiryMinutes of [1, 60]) createTokenHandler({ apiKey: KEY, expiryMinutes });
  createTokenHandler({ apiKey: 'sandbox-with-json-responses', apiBase: 'http://localhost:8080' });
});

test('uses the injected fetch, and the global fetch by default', async (t) => {
  const calls: string[] = [];
  const fake: typeof fetch = async (input) => {
    calls.push(String(input));
    return Response.json({ access_token: 'at_fake', expires_in: 60 });
  };
  const r = await call(createTokenHandler({ apiKey: KEY, fetch: fake, now: clock().now }));
  assert.deepEqual(r.body, { access_token: 'at_fake', expires_in: 60 });
  assert.deepEqual(calls, ['https://api.casparser.in/v1/token']);

  const handler = createTokenHandler({ apiKey: KEY });
  const original = globalThis.fetch;
  t.after(() => (globalThis.fetch = original));
  globalThis.fetch = fake; // replaced after creation (as test mocks do): still picked up
  const real = await call(handler); // real clock: a millisecond may pass during the mint
  assert.equal(real.body.access_token, 'at_fake');
  assert.ok(real.body.expires_in === 60 || real.body.expires_in === 59);
  assert.equal(calls.length, 2);
});

// ---- toNodeListener ------------------------------------------------------------------------

/** Serves `listener` with node:http on 127.0.0.1. */
async function serve(t: { after(fn: () => unknown): void }, listener: http.RequestListener) {
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test('toNodeListener serves the handler behind a real node:http server, keyed on the socket address', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const seen: (ClientInfo | undefined)[] = [];
  const handler = make(api.base, { rateLimit: { max: 2, windowMs: 60_000 } });
  const origin = await serve(t, toNodeListener((request, info) => (seen.push(info), handler(request, info))));

  const ok = await read(await fetch(`${origin}/api/cas-token`));
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.body, { access_token: 'at_1', expires_in: 3600 });
  assert.equal(ok.headers['content-type'], 'application/json');
  assert.equal(ok.headers['cache-control'], 'no-store');
  assert.deepEqual(seen[0], { clientAddress: '127.0.0.1' });

  // A forged X-Forwarded-For changes nothing: the socket is the key.
  const forged = { 'x-forwarded-for': '198.51.100.1', 'x-real-ip': '198.51.100.2' };
  const post = await read(await fetch(`${origin}/api/cas-token`, { method: 'POST', body: '{}', headers: forged }));
  assert.equal(post.status, 200);
  const limited = await read(await fetch(`${origin}/api/cas-token`, { headers: { 'x-forwarded-for': '198.51.100.3' } }));
  assertError(limited, 429, 'rate-limited');
  assert.equal(limited.headers['retry-after'], '60');

  const put = await read(await fetch(`${origin}/api/cas-token`, { method: 'PUT' }));
  assertError(put, 405, 'method-not-allowed');
  assert.equal(put.headers.allow, 'GET, POST');
});

test('toNodeListener: with the default rate limit, an unknown address goes to next() or answers 500', async (t) => {
  const handler = createTokenHandler({ apiKey: KEY, apiBase: 'http://127.0.0.1:9' });
  const listener = toNodeListener(handler);
  const origin = await serve(t, (req, res) => {
    Object.defineProperty(req, 'socket', { value: { remoteAddress: undefined } }); // as after a closed socket
    listener(req, res);
  });
  const r = await read(await fetch(origin));
  assert.equal(r.status, 500);
  assert.equal(r.body.error, 'internal-error');
});

test('toNodeListener passes URL, headers and body to the handler, and cookies back', async (t) => {
  let seen: { url: string; method: string; csrf: string | null; body: string } | undefined;
  const origin = await serve(
    t,
    toNodeListener(async (request) => {
      seen = { url: request.url, method: request.method, csrf: request.headers.get('x-csrf'), body: await request.text() };
      const headers = new Headers({ 'content-type': 'text/plain' });
      headers.append('set-cookie', 'a=1; Path=/');
      headers.append('set-cookie', 'b=2; Path=/');
      return new Response('hello', { status: 201, headers });
    }),
  );
  const response = await fetch(`${origin}/api/cas-token?x=1`, { method: 'POST', headers: { 'x-csrf': 't0k' }, body: 'payload' });
  assert.equal(response.status, 201);
  assert.equal(await response.text(), 'hello');
  assert.deepEqual(response.headers.getSetCookie(), ['a=1; Path=/', 'b=2; Path=/']);
  assert.ok(seen);
  assert.equal(new URL(seen.url).pathname + new URL(seen.url).search, '/api/cas-token?x=1');
  assert.equal(seen.method, 'POST');
  assert.equal(seen.csrf, 't0k');
  assert.equal(seen.body, 'payload');
});

test('toNodeListener: a throwing handler gives 500 JSON, or goes to Express-style next()', async (t) => {
  const listener = toNodeListener(async () => {
    throw new Error('boom');
  });
  const plain = await serve(t, listener);
  const r = await read(await fetch(plain));
  assert.equal(r.status, 500);
  assert.equal(r.body.error, 'internal-error');

  const errors: unknown[] = [];
  const express = await serve(t, (req, res) =>
    listener(req, res, (error) => {
      errors.push(error);
      res.statusCode = 418;
      res.end();
    }),
  );
  assert.equal((await fetch(express)).status, 418);
  assert.equal((errors[0] as Error).message, 'boom');
});

test('toNodeListener uses Express\'s originalUrl when mounted under a prefix', async (t) => {
  let url = '';
  const listener = toNodeListener((request) => ((url = request.url), new Response('ok')));
  const origin = await serve(t, (req, res) => {
    // what Express does for app.use('/api', router): url loses the prefix, originalUrl keeps it
    const mounted = Object.assign(req, { originalUrl: req.url, url: req.url!.replace(/^\/api/, '') });
    listener(mounted, res);
  });
  await (await fetch(`${origin}/api/cas-token`)).text();
  assert.equal(new URL(url).pathname, '/api/cas-token');
});

// ---- a token the API rejected ----------------------------------------------------------------

const rejecting = (token: string) => ({ headers: { 'x-cas-rejected-token': token } });

test('x-cas-rejected-token naming the reused token drops it and mints one new token', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const handler = make(api.base);
  assert.equal((await call(handler)).body.access_token, 'at_1');
  assert.equal((await call(handler, rejecting('at_1'))).body.access_token, 'at_2');
  assert.equal((await call(handler)).body.access_token, 'at_2', 'the new token is the one reused');
  // Late refreshes from other visitors that saw at_1 rejected: at_2 is theirs, no new mint.
  assert.equal((await call(handler, rejecting('at_1'))).body.access_token, 'at_2');
  assert.equal(api.requests.length, 2);
});

test('x-cas-rejected-token naming any other token mints nothing (one visitor cannot make it mint)', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const handler = make(api.base);
  await call(handler);
  for (const other of ['at_999', 'at_', '', 'x'.repeat(5000)]) {
    assert.equal((await call(handler, rejecting(other))).body.access_token, 'at_1');
  }
  assert.equal(api.requests.length, 1);
});

test('a token that replaced a rejected one is replaced again only 10 s after it was minted, whoever names it', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const c = clock();
  const handler = make(api.base, { now: c.now });
  assert.equal((await call(handler)).body.access_token, 'at_1');
  assert.equal((await call(handler, rejecting('at_1'))).body.access_token, 'at_2', 'the first rejection replaces at once');
  // Anyone may name the token in use: doing it over and over mints nothing more for 10 s.
  for (let i = 0; i < 5; i++) assert.equal((await call(handler, rejecting('at_2'))).body.access_token, 'at_2');
  assert.equal(api.requests.length, 2);
  c.t += REPLACE_INTERVAL_MS - 1;
  assert.equal((await call(handler, rejecting('at_2'))).body.access_token, 'at_2');
  c.t += 1;
  assert.equal((await call(handler, rejecting('at_2'))).body.access_token, 'at_3', 'then one more replacement');
  assert.equal(api.requests.length, 3);
});

test('10 concurrent refreshes naming the reused token cause exactly one mint', async (t) => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const api = await fakeApi(t, (res, n) => (n === 1 ? tokenReply()(res, n, {} as Seen) : void gate.then(() => tokenReply()(res, n, {} as Seen))));
  const handler = make(api.base);
  await call(handler);
  const pending = Array.from({ length: 10 }, (_, i) => call(handler, i % 2 ? rejecting('at_1') : {}));
  while (api.requests.length < 2) await new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  release();
  const answers = await Promise.all(pending);
  assert.equal(api.requests.length, 2);
  // Every refresh got the new token; requests that named nothing may have got either.
  answers.forEach((r, i) => i % 2 && assert.equal(r.body.access_token, 'at_2'));
});

test('reused tokens live at most expiryMinutes, whatever expires_in the API answers', async (t) => {
  const api = await fakeApi(t, tokenReply(86_400)); // a day
  const c = clock();
  const handler = make(api.base, { now: c.now, expiryMinutes: 5 });
  assert.deepEqual((await call(handler)).body, { access_token: 'at_1', expires_in: 300 });
  c.t += 270_000 - 1; // 30 s before the 5 minutes: still reused
  assert.equal((await call(handler)).body.access_token, 'at_1');
  c.t += 1;
  assert.deepEqual((await call(handler)).body, { access_token: 'at_2', expires_in: 300 });
  assert.equal(api.requests.length, 2);
});

// ---- X-Request-ID ----------------------------------------------------------------------------

test("the API's X-Request-ID is passed on only as req_ and up to 100 safe characters", async (t) => {
  const cases: [string, string | undefined][] = [
    ['req_abc123', 'req_abc123'],
    ['req_9f8e-7D6c_5b4a', 'req_9f8e-7D6c_5b4a'],
    [`req_${'a'.repeat(100)}`, `req_${'a'.repeat(100)}`],
    [`req_${'a'.repeat(101)}`, undefined],
    ['abc123', undefined],
    ['req_', undefined],
    ['req_<script>alert(1)</script>', undefined],
    ['req_a b', undefined],
    ['req_a.b', undefined],
    [`req_${KEY}!`, undefined],
    ['REQ_abc', undefined],
  ];
  for (const [sent, expected] of cases) {
    const api = await fakeApi(t, (res) => sendJson(res, 500, leaky, { 'x-request-id': sent }));
    const r = await call(make(api.base));
    assertError(r, 502, 'upstream-error');
    assert.equal(r.body.requestId, expected, sent);
    assert.equal(failures.at(-1)?.requestId, expected, `onError: ${sent}`);
  }
});

// ---- onError ---------------------------------------------------------------------------------

test('onError gets each failed mint once, with its status, code, reason and request id; never the key', async (t) => {
  const seen: TokenHandlerFailure[] = [];
  const api = await fakeApi(t, (res, n) => (n === 1 ? sendJson(res, 403, leaky) : sendJson(res, 503, leaky, { 'x-request-id': 'req_x9' })));
  const handler = make(api.base, { onError: (f) => seen.push(f) });
  await Promise.all([call(handler), call(handler), call(handler)]); // one mint, shared
  await call(handler);
  assert.equal(seen.length, 2);
  assert.deepEqual(
    seen.map(({ status, error, requestId }) => ({ status, error, requestId })),
    [
      { status: 502, error: 'upstream-auth', requestId: 'req_abc123' },
      { status: 502, error: 'upstream-error', requestId: 'req_x9' },
    ],
  );
  assert.match(seen[0]!.message, /refused this server's API key/);
  assert.ok(!JSON.stringify(seen).includes(KEY));

  // Success, forbidden and the client rate limit are not server failures.
  const ok = await fakeApi(t, tokenReply());
  const quiet = make(ok.base, { onError: (f) => seen.push(f), rateLimit: { max: 1, windowMs: 1000 }, authorize: (r) => !r.headers.has('x-no') });
  await call(quiet);
  await call(quiet);
  await call(quiet, { headers: { 'x-no': '1' } });
  assert.equal(seen.length, 2);

  // A throwing hook changes nothing in the answer.
  const throwing = make(api.base, { onError: () => { throw new Error('hook'); } });
  assertError(await call(throwing), 502, 'upstream-error');
});

test('onError by default prints one console.error line with the reason and never the key', async (t) => {
  const lines: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void lines.push(args);
  t.after(() => (console.error = original));

  const down = http.createServer();
  await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
  const { port } = down.address() as AddressInfo;
  await new Promise((resolve) => down.close(resolve));
  const base = { apiKey: KEY, rateLimit: false as const, now: clock().now };
  assertError(await call(createTokenHandler({ ...base, apiBase: `http://127.0.0.1:${port}` })), 502, 'upstream-error');
  const api = await fakeApi(t, (res) => sendJson(res, 401, leaky));
  assertError(await call(createTokenHandler({ ...base, apiBase: api.base })), 502, 'upstream-auth');
  console.error = original;

  assert.deepEqual(lines, [
    ['cas-upload/server: The CAS Parser API could not be reached. (ECONNREFUSED)'],
    ["cas-upload/server: The CAS Parser API refused this server's API key; check its configuration. (X-Request-ID req_abc123)"],
  ]);
});

test('a failing store makes the handler reject (nothing is counted or minted blindly)', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const down = async () => {
    throw new Error('store down');
  };
  const store = { hit: down, getToken: down, setToken: down, deleteToken: down };
  const limited = make(api.base, { store, rateLimit: { max: 5, windowMs: 1000 } });
  await assert.rejects(limited(new Request('http://host.test/api/cas-token'), { clientAddress: '192.0.2.1' }), /store down/);
  const unlimited = make(api.base, { store });
  await assert.rejects(unlimited(new Request('http://host.test/api/cas-token')), /store down/);
  assert.equal(api.requests.length, 0);
});

// ---- the memory store's windows ----------------------------------------------------------------

test('memory store: when full, ended windows go first, and a client limited now is never let through', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const c = clock();
  const store = createMemoryStore({ now: c.now, maxKeys: 3 });
  const handler = make(api.base, { now: c.now, store, rateLimit: { max: 2, windowMs: 60_000 } });
  const from = (clientAddress: string) => ({ info: { clientAddress } });
  // An old window that has ended, then a client that used its whole budget and is refused.
  await call(handler, from('198.51.100.1'));
  c.t += 60_000;
  for (let i = 0; i < 2; i++) assert.equal((await call(handler, from('203.0.113.66'))).status, 200);
  assertError(await call(handler, from('203.0.113.66')), 429, 'rate-limited');
  // Many new clients: the store is full at once and stays full.
  for (let n = 1; n <= 20; n++) assert.equal((await call(handler, from(`192.0.2.${n}`))).status, 200, `client ${n}`);
  assertError(await call(handler, from('203.0.113.66')), 429, 'rate-limited');
  // Its window ends as any other: then it has a new budget.
  c.t += 60_000;
  assert.equal((await call(handler, from('203.0.113.66'))).status, 200);
});

test('memory store: with no window ended, the one with the fewest requests makes room', async () => {
  const c = clock();
  const store = createMemoryStore({ now: c.now, maxKeys: 2 });
  await store.hit('busy', 60_000, 10);
  await store.hit('busy', 60_000, 10);
  await store.hit('idle', 60_000, 10);
  await store.hit('new', 60_000, 10); // full: `idle` (1 request) goes, `busy` (2) stays
  assert.equal((await store.hit('busy', 60_000, 10)).count, 3);
  assert.equal((await store.hit('idle', 60_000, 10)).count, 1, 'idle started again');
});

test('memory store: when every window is a client at its limit, none is dropped (the store grows instead)', async () => {
  const c = clock();
  const store = createMemoryStore({ now: c.now, maxKeys: 2 });
  for (const key of ['a', 'a', 'b', 'b']) await store.hit(key, 60_000, 2);
  assert.equal((await store.hit('c', 60_000, 2)).count, 1);
  assert.equal((await store.hit('a', 60_000, 2)).count, 3, 'a is still limited');
  assert.equal((await store.hit('b', 60_000, 2)).count, 3, 'b is still limited');
});

test("rate limit: a clientId that returns '' for anonymous visitors counts each by its address, not in one bucket", async (t) => {
  const api = await fakeApi(t, tokenReply());
  const handler = make(api.base, { rateLimit: { max: 1, windowMs: 60_000 }, clientId: (r) => r.headers.get('x-user') ?? '' });
  assert.equal((await call(handler, { info: { clientAddress: '203.0.113.1' } })).status, 200);
  assert.equal((await call(handler, { info: { clientAddress: '198.51.100.9' } })).status, 200, 'another anonymous visitor');
  assertError(await call(handler, { info: { clientAddress: '203.0.113.1' } }), 429, 'rate-limited');
});

// ---- a rejected token and the quota (more in server-stores.test.ts, with both stores) ----------------

test('the credits request goes to {apiBase}/v1/credits with the key, redirects not followed; its failure is never echoed', async (t) => {
  const api = await fakeApi(t, tokenReply(), (res) => sendJson(res, 500, leaky));
  const handler = make(api.base + '/proxy/');
  await call(handler);
  const r = await call(handler, rejecting('at_1'));
  assert.equal(r.status, 200);
  assert.equal(api.credits.length, 1);
  assert.equal(api.credits[0]!.url, '/proxy/v1/credits');
  assert.equal(api.credits[0]!.method, 'POST');
  assert.equal(api.credits[0]!.headers['x-api-key'], KEY);
  assert.ok(!JSON.stringify(r.body).includes('Authentication failed for'));

  const elsewhere = await fakeApi(t, tokenReply());
  const redirecting = await fakeApi(t, tokenReply(), (res) => {
    res.writeHead(307, { location: `${elsewhere.base}/v1/credits` });
    res.end();
  });
  const other = make(redirecting.base);
  await call(other);
  assert.equal((await call(other, rejecting('at_1'))).status, 200);
  assert.equal(elsewhere.credits.length, 0, 'the key never follows a redirect');
});

test('the credits request shares the deadline: an API that never answers it → 504 upstream-timeout within timeoutMs', { timeout: 5000 }, async (t) => {
  const api = await fakeApi(t, tokenReply(), () => {}); // never answers the credits request
  const handler = make(api.base, { timeoutMs: 200 });
  await call(handler);
  const started = performance.now();
  assertError(await call(handler, rejecting('at_1')), 504, 'upstream-timeout');
  const took = performance.now() - started;
  assert.ok(took >= 150 && took < 1500, `took ${took} ms`);
  assert.equal(api.requests.length, 1, 'no mint after the deadline');
});

test('the token request and the store share one deadline per request', { timeout: 5000 }, async (t) => {
  const api = await fakeApi(t, () => {}); // never answers
  let slow = true;
  const memory = createMemoryStore();
  const store: TokenStore = {
    ...memory,
    async getToken() {
      if (slow) await new Promise((resolve) => setTimeout(resolve, 300));
      return memory.getToken();
    },
  };
  const started = performance.now();
  assertError(await call(make(api.base, { timeoutMs: 400, store })), 504, 'upstream-timeout');
  const took = performance.now() - started;
  assert.ok(took < 600, `one deadline of 400 ms, not 300 + 400: ${Math.round(took)} ms`);
  slow = false;
});

// Must stay last: the tests above ran without writing anything to the console.
test('nothing was written to the console', () => {
  assert.deepEqual(consoleCalls, []);
});

/// <reference types="node" />
// Tests of `cas-upload/server` in Node, against a fake `POST /v1/token` on 127.0.0.1.
// Run: node --import tsx --test test/node/*.test.ts
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenHandler, toNodeListener, type TokenHandlerOptions } from '../../src/server/index.js';

const KEY = 'sk_live_SECRET_do_not_leak_4f9a2c';

// ---- helpers -------------------------------------------------------------------------------

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
type Reply = (res: http.ServerResponse, n: number, seen: Seen) => void;

/** A fake CAS Parser API on 127.0.0.1 that records every request and answers with `reply`. */
async function fakeApi(t: { after(fn: () => unknown): void }, reply: Reply) {
  const requests: Seen[] = [];
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
    requests.push(seen);
    reply(res, requests.length, seen);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
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

/** Calls the handler like a browser would, and reads the answer. */
async function call(handler: (r: Request) => Promise<Response>, init: RequestInit & { url?: string } = {}) {
  return read(await handler(new Request(init.url ?? 'http://host.test/api/cas-token', init)));
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

function make(base: string, options: Partial<TokenHandlerOptions> = {}) {
  // a frozen clock by default, so expires_in is exact (a real one can tick during the mint)
  return createTokenHandler({ apiKey: KEY, apiBase: base, rateLimit: false, now: clock().now, ...options });
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

test('rate limit per client (x-forwarded-for, x-real-ip), with Retry-After, resetting with the window', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const c = clock();
  const handler = make(api.base, { now: c.now, rateLimit: { max: 3, windowMs: 60_000 } });
  const from = (ip: string) => ({ headers: { 'x-forwarded-for': `${ip}, 10.0.0.1` } });

  for (let i = 0; i < 3; i++) assert.equal((await call(handler, from('203.0.113.1'))).status, 200);
  const limited = await call(handler, from('203.0.113.1'));
  assertError(limited, 429, 'rate-limited');
  assert.equal(limited.headers['retry-after'], '60');

  c.t += 15_000;
  assert.equal((await call(handler, from('203.0.113.1'))).headers['retry-after'], '45');
  // another client has its own budget; the proxy's address (10.0.0.1) is not the key
  assert.equal((await call(handler, from('198.51.100.7'))).status, 200);
  assert.equal((await call(handler, { headers: { 'x-real-ip': '192.0.2.9' } })).status, 200);

  c.t += 45_000; // the first client's window is over
  assert.equal((await call(handler, from('203.0.113.1'))).status, 200);
  assert.equal(api.requests.length, 1); // the token was reused throughout
});

test('rate limit: no address → one shared "anonymous" bucket; a custom clientId; default 30 per minute', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const c = clock();
  const shared = make(api.base, { now: c.now, rateLimit: { max: 2, windowMs: 1000 } });
  await call(shared);
  await call(shared, { headers: { 'user-agent': 'other' } });
  assertError(await call(shared), 429, 'rate-limited');
  c.t += 1000;
  assert.equal((await call(shared)).status, 200);

  const byUser = make(api.base, { now: c.now, rateLimit: { max: 1, windowMs: 1000 }, clientId: (r) => r.headers.get('x-user') ?? '' });
  assert.equal((await call(byUser, { headers: { 'x-user': 'a' } })).status, 200);
  assert.equal((await call(byUser, { headers: { 'x-user': 'b' } })).status, 200);
  assertError(await call(byUser, { headers: { 'x-user': 'a' } }), 429, 'rate-limited');

  const defaults = createTokenHandler({ apiKey: KEY, apiBase: api.base, now: c.now });
  for (let i = 0; i < 30; i++) assert.equal((await call(defaults)).status, 200, `request ${i + 1}`);
  assertError(await call(defaults), 429, 'rate-limited');

  const unlimited = make(api.base, { now: c.now, rateLimit: false });
  for (let i = 0; i < 100; i++) assert.equal((await call(unlimited)).status, 200);
});

test('rate limit is checked before authorize and before minting', async (t) => {
  const api = await fakeApi(t, tokenReply());
  let asked = 0;
  const handler = make(api.base, { rateLimit: { max: 1, windowMs: 60_000 }, authorize: () => (asked++, false) });
  assertError(await call(handler), 403, 'forbidden');
  assertError(await call(handler), 429, 'rate-limited');
  assert.equal(asked, 1);
  assert.equal(api.requests.length, 0);
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

test('toNodeListener serves the handler behind a real node:http server', async (t) => {
  const api = await fakeApi(t, tokenReply());
  const ids: string[] = [];
  const handler = make(api.base, {
    rateLimit: { max: 2, windowMs: 60_000 },
    clientId: (request) => {
      ids.push(request.headers.get('x-real-ip') ?? '');
      return request.headers.get('x-real-ip') ?? 'anonymous';
    },
  });
  const origin = await serve(t, toNodeListener(handler));

  const ok = await read(await fetch(`${origin}/api/cas-token`));
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.body, { access_token: 'at_1', expires_in: 3600 });
  assert.equal(ok.headers['content-type'], 'application/json');
  assert.equal(ok.headers['cache-control'], 'no-store');
  assert.equal(ids[0], '127.0.0.1'); // the socket address stands in for a missing X-Forwarded-For

  const post = await read(await fetch(`${origin}/api/cas-token`, { method: 'POST', body: '{}' }));
  assert.equal(post.status, 200);
  const limited = await read(await fetch(`${origin}/api/cas-token`));
  assertError(limited, 429, 'rate-limited');
  assert.equal(limited.headers['retry-after'], '60');

  const put = await read(await fetch(`${origin}/api/cas-token`, { method: 'PUT' }));
  assertError(put, 405, 'method-not-allowed');
  assert.equal(put.headers.allow, 'GET, POST');
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

// Must stay last: the tests above ran without writing anything to the console.
test('nothing was written to the console', () => {
  assert.deepEqual(consoleCalls, []);
});

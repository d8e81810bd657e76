/// <reference types="node" />
// `createInboundEmail` and `deleteInboundEmail` of `cas-upload/server`, against a fake
// `POST /v4/inbound-email` and `DELETE /v4/inbound-email/{id}` on 127.0.0.1 (API-NOTES §6.1).
// Run: node --import tsx --test test/node/inbound-email.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInboundEmail, deleteInboundEmail, InboundEmailError } from '../../src/server/index.js';

const KEY = 'sk_live_SECRET_inbound_3e8b';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What the API answers for an address (the specification's `InboundEmail`). */
const ADDRESS = {
  inbound_email_id: 'ie_a1b2c3',
  email: 'ie_a1b2c3@import.casparser.in',
  reference: 'user-42',
  allowed_sources: ['cdsl', 'nsdl'],
  status: 'active',
  created_at: '2026-12-04T10:00:00Z',
  updated_at: '2026-12-04T10:00:00Z',
  callback_url: null,
};

async function fakeApi(t: { after(fn: () => unknown): void }, reply: (res: http.ServerResponse, seen: Seen) => void) {
  const requests: Seen[] = [];
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
    requests.push(seen);
    reply(res, seen);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_ie9' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Asserts an InboundEmailError, and that the key is nowhere in it. */
function isError(code: string, status: number | null) {
  return (e: unknown) => {
    assert.ok(e instanceof InboundEmailError, String(e));
    assert.equal(e.code, code);
    assert.equal(e.status, status);
    assert.ok(!JSON.stringify({ ...e, message: e.message }).includes(KEY), 'the key never appears');
    assert.ok(!e.message.includes(KEY));
    return true;
  };
}

test('createInboundEmail posts {reference, allowed_sources} with the key and resolves with the 201 InboundEmail', async (t) => {
  const api = await fakeApi(t, (res) => send(res, 201, ADDRESS));
  const address = await createInboundEmail({ apiKey: KEY, apiBase: api.base, reference: 'user-42', allowedSources: ['cdsl', 'nsdl'] });
  assert.deepEqual(address, ADDRESS);
  const [seen] = api.requests;
  assert.equal(seen!.method, 'POST');
  assert.equal(seen!.url, '/v4/inbound-email');
  assert.equal(seen!.headers['x-api-key'], KEY);
  assert.equal(seen!.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(seen!.body), { reference: 'user-42', allowed_sources: ['cdsl', 'nsdl'] });

  // With neither: an empty body (every source, no reference), as the specification allows.
  await createInboundEmail({ apiKey: KEY, apiBase: api.base + '/' });
  assert.equal(api.requests[1]!.url, '/v4/inbound-email');
  assert.deepEqual(JSON.parse(api.requests[1]!.body), {});
});

test('deleteInboundEmail sends DELETE /v4/inbound-email/{id} with the key: true when deleted, false on 404', async (t) => {
  const api = await fakeApi(t, (res, seen) =>
    seen.url.endsWith('/gone') ? send(res, 404, { status: 'failed', msg: 'Not found' }) : send(res, 200, { status: 'success', msg: 'Deleted' }),
  );
  assert.equal(await deleteInboundEmail('ie_a1b2c3', { apiKey: KEY, apiBase: api.base }), true);
  assert.equal(await deleteInboundEmail('gone', { apiKey: KEY, apiBase: api.base }), false);
  assert.equal(await deleteInboundEmail('a/b?c', { apiKey: KEY, apiBase: api.base }), true);
  assert.deepEqual(
    api.requests.map((r) => [r.method, r.url, r.headers['x-api-key'], r.body]),
    [
      ['DELETE', '/v4/inbound-email/ie_a1b2c3', KEY, ''],
      ['DELETE', '/v4/inbound-email/gone', KEY, ''],
      ['DELETE', '/v4/inbound-email/a%2Fb%3Fc', KEY, ''],
    ],
  );
});

test('API refusals become InboundEmailError with the status, the API message (never the key) and the request id', async (t) => {
  const cases: [number, unknown, string][] = [
    [400, { status: 'failed', msg: `alias taken for ${KEY}` }, 'invalid-request'],
    [422, { detail: 'reference too long' }, 'invalid-request'],
    [401, { status: 'failed', msg: 'Authentication failed: API key is missing.' }, 'upstream-auth'],
    [403, { status: 'failed', msg: 'Authentication failed: API quota exceeded or invalid API key.' }, 'upstream-auth'],
    [429, { status: 'failed', msg: 'Slow down' }, 'rate-limited'],
    [500, '<html>oops</html>', 'upstream-error'],
  ];
  for (const [status, body, code] of cases) {
    const api = await fakeApi(t, (res) => send(res, status, body));
    const error = await createInboundEmail({ apiKey: KEY, apiBase: api.base }).catch((e: unknown) => e);
    assert.ok(isError(code, status)(error));
    assert.equal((error as InboundEmailError).requestId, 'req_ie9');
    const deleted = await deleteInboundEmail('ie_1', { apiKey: KEY, apiBase: api.base }).catch((e: unknown) => e);
    assert.ok(isError(code, status)(deleted));
  }
  const api = await fakeApi(t, (res) => send(res, 400, { status: 'failed', msg: `alias taken for ${KEY}` }));
  const error = (await createInboundEmail({ apiKey: KEY, apiBase: api.base }).catch((e: unknown) => e)) as InboundEmailError;
  assert.equal(error.apiMessage, 'alias taken for [key]');
});

test('a 2xx without an address, an API that is down or too slow: upstream-error and upstream-timeout', { timeout: 5000 }, async (t) => {
  const empty = await fakeApi(t, (res) => send(res, 201, { status: 'success' }));
  await assert.rejects(createInboundEmail({ apiKey: KEY, apiBase: empty.base }), isError('upstream-error', 201));

  const down = http.createServer();
  await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
  const { port } = down.address() as AddressInfo;
  await new Promise((resolve) => down.close(resolve));
  await assert.rejects(createInboundEmail({ apiKey: KEY, apiBase: `http://127.0.0.1:${port}` }), isError('upstream-error', null));

  const hung = await fakeApi(t, () => {});
  await assert.rejects(createInboundEmail({ apiKey: KEY, apiBase: hung.base, timeoutMs: 150 }), isError('upstream-timeout', null));
  await assert.rejects(deleteInboundEmail('ie_1', { apiKey: KEY, apiBase: hung.base, timeoutMs: 150 }), isError('upstream-timeout', null));
});

test('a redirect is not followed (the key would travel with it)', async (t) => {
  const elsewhere = await fakeApi(t, (res) => send(res, 201, ADDRESS));
  const api = await fakeApi(t, (res) => {
    res.writeHead(307, { location: `${elsewhere.base}/v4/inbound-email` });
    res.end();
  });
  await assert.rejects(createInboundEmail({ apiKey: KEY, apiBase: api.base }), isError('upstream-error', 307));
  assert.equal(elsewhere.requests.length, 0);
});

test('invalid options throw a TypeError before any request, without the key in the message', async (t) => {
  const api = await fakeApi(t, (res) => send(res, 201, ADDRESS));
  const base = { apiKey: KEY, apiBase: api.base };
  const bad = [
    () => createInboundEmail({ ...base, apiKey: '' }),
    () => createInboundEmail({ ...base, apiBase: 'http://api.example.com' }),
    () => createInboundEmail({ ...base, reference: 'x'.repeat(257) }),
    () => createInboundEmail({ ...base, reference: 42 as never }),
    () => createInboundEmail({ ...base, allowedSources: [] }),
    () => createInboundEmail({ ...base, allowedSources: ['gmail' as never] }),
    () => createInboundEmail({ ...base, timeoutMs: 0 }),
    () => deleteInboundEmail('', base),
    () => deleteInboundEmail('ie_1', { ...base, apiKey: undefined as never }),
  ];
  for (const attempt of bad) {
    await assert.rejects(attempt(), (e: unknown) => e instanceof TypeError && !e.message.includes(KEY));
  }
  assert.equal(api.requests.length, 0);
  // The longest reference and every source are fine.
  await createInboundEmail({ ...base, reference: 'x'.repeat(256), allowedSources: ['cdsl', 'nsdl', 'cams', 'kfintech'] });
});

test('uses the injected fetch, and the API origin by default', async () => {
  const calls: string[] = [];
  const fake: typeof fetch = async (input) => {
    calls.push(String(input));
    return Response.json(ADDRESS, { status: 201 });
  };
  assert.equal((await createInboundEmail({ apiKey: KEY, fetch: fake })).inbound_email_id, 'ie_a1b2c3');
  assert.deepEqual(calls, ['https://api.casparser.in/v4/inbound-email']);
});

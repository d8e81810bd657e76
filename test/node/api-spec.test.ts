/// <reference types="node" />
// The project's JSON Schema of the official specification (test/spec/casparser-api.schema.json,
// restated from API-NOTES §6) and what is held against it. During the browser tests every answer
// of the msw mocks and of the fake API (scripts/fault-servers.mjs), and every request the elements
// send them, is checked as it happens (test/mocks/spec-check.ts, test/resilience/servers.ts);
// here, in Node: the schema itself, every scenario of every msw handler driven with the requests
// the elements send, the fixtures, the fake API's own answers and the fault matrix's, and the
// drifts of the past, each of which must fail.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getResponse, type HttpHandler } from 'msw';
import { check, schema, endpointOf } from '../spec/check.mjs';

// The connect mocks name the consent page relative to the page.
(globalThis as { location?: unknown }).location ??= new URL('http://localhost:8000/demo/');

const mocks = await import('../mocks/handlers.js');
const cdslMocks = await import('../mocks/cdsl.js');
const connectMocks = await import('../mocks/connect.js');
const { PARSE_BODY, DEFAULT_BODIES } = await import('../../scripts/fault-servers.mjs');
const { rows } = await import('../resilience/matrix.js');

const API = 'https://api.casparser.in';
const KEY = { 'x-api-key': 'at_spec_1' };

/** A request to `path` of the mocked API (or `url` as given), as the elements send it. */
function request(method: string, url: string, { json, form, headers = {} }: { json?: unknown; form?: FormData; headers?: Record<string, string> } = {}) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  } else if (form) init.body = form;
  return new Request(url.startsWith('/') && !url.startsWith('/api/') ? `${API}${url}` : new URL(url, 'http://localhost:8000').href, init);
}

/** Sends `req` to `handlers`; returns the answer's status and body, and what broke the specification. */
async function exchange(handlers: HttpHandler[], req: Request) {
  const sent = req.clone();
  const res = await getResponse(handlers, req);
  assert.ok(res, `${req.method} ${req.url}: a mock answers`);
  const text = await res.text();
  let answer: unknown = text;
  try {
    answer = JSON.parse(text);
  } catch {
    /* as it came */
  }
  const url = new URL(req.url);
  const headers = Object.fromEntries(sent.headers);
  let body: unknown = null;
  if ((headers['content-type'] ?? '').startsWith('multipart/')) {
    body = {};
    (await sent.formData()).forEach((v, k) => ((body as Record<string, unknown>)[k] = typeof v === 'string' ? v : { name: v.name, size: v.size, type: v.type }));
  } else {
    const t = await sent.text();
    body = t ? JSON.parse(t) : null;
  }
  const x =
    url.hostname === 'localhost'
      ? { method: req.method, endpoint: 'host-token', headers, status: res.status, answer }
      : { method: req.method, path: url.pathname, headers, request: body, status: res.status, answer };
  return { status: res.status, answer: answer as Record<string, any>, violations: check(x) };
}

const pdfForm = (password = 'ABCDE1234F') => {
  const form = new FormData();
  form.append('pdf_file', new File(['%PDF-1.7\n%%EOF\n'], 'cas.pdf', { type: 'application/pdf' }));
  form.append('password', password);
  return form;
};

describe('the JSON Schema of the specification', () => {
  test('compiles, and names every endpoint the package calls (API-NOTES §6.1) and the host token endpoint', () => {
    const names = schema['x-endpoints'].map((e: { name: string }) => e.name);
    assert.deepEqual(names.sort(), [
      'cdsl-fetch', 'cdsl-verify', 'credits', 'forward-create', 'forward-delete', 'forward-files', 'host-token',
      'inbox-connect', 'inbox-list', 'inbox-revoke', 'inbox-status', 'mailback', 'parse', 'token',
    ]);
    for (const [method, path, name] of [
      ['POST', '/v4/generate', 'mailback'],
      ['POST', '/v4/cdsl/fetch/abc/verify', 'cdsl-verify'],
      ['GET', '/v4/inbound-email/ie_1/files', 'forward-files'],
      ['DELETE', '/v4/inbound-email/ie_1', 'forward-delete'],
      ['POST', '/v1/credits', 'credits'],
    ]) assert.equal(endpointOf({ method, path })?.name, name, path);
    // The list of every address is never called: it is not in the schema.
    assert.equal(endpointOf({ method: 'GET', path: '/v4/inbound-email' }), undefined);
  });

  test('the drifts of the past fail it', () => {
    const inbox = { 'x-api-key': 'at', 'x-inbox-token': 'itk' };
    const cases: [string, Parameters<typeof check>[0]][] = [
      ['the mailback on /v4/kfintech/generate', { method: 'POST', path: '/v4/kfintech/generate', headers: KEY, request: {}, status: 200, answer: {} }],
      ['an error with status "error"', { method: 'POST', path: '/v4/generate', headers: KEY, status: 500, answer: { status: 'error', msg: 'x' } }],
      ['message_date as a date-time', { method: 'POST', path: '/v4/inbox/cas', headers: inbox, status: 200, answer: { status: 'success', count: 1, files: [{ filename: 'a.pdf', url: 'https://f.example/a.pdf', message_date: '2025-11-04T08:00:00Z' }] } }],
      ['a body sent to /v4/inbox/disconnect', { method: 'POST', path: '/v4/inbox/disconnect', headers: inbox, request: {}, status: 200, answer: { status: 'success', msg: 'ok' } }],
      ['no x-inbox-token on the list', { method: 'POST', path: '/v4/inbox/cas', headers: KEY, request: {}, status: 200, answer: { status: 'success', count: 0, files: [] } }],
      ['a 401 of the list without requires_reconnect being true', { method: 'POST', path: '/v4/inbox/cas', headers: inbox, status: 401, answer: { status: 'failed', msg: 'x', requires_reconnect: 'yes' } }],
      ['an unknown provider', { method: 'POST', path: '/v4/inbox/connect', headers: KEY, request: { redirect_uri: 'https://h.example/cb', provider: 'yahoo' } }],
      ['num_periods over 6', { method: 'POST', path: '/v4/cdsl/fetch/s/verify', headers: KEY, request: { otp: '123456', num_periods: 7 } }],
      ['credits without is_unlimited', { method: 'POST', path: '/v1/credits', headers: KEY, request: null, status: 200, answer: { used: 1, remaining: 0, limit: 10 } }],
      ['a statement total as a string', { method: 'POST', path: '/v4/smart/parse', headers: KEY, status: 200, answer: { summary: { total_value: '12' } } }],
    ];
    for (const [what, x] of cases) assert.notDeepEqual(check(x), [], what);
  });

  test('the nulls and the 402/429 the live API sends pass it', () => {
    const nulls = { meta: { cas_type: null, statement_period: null, generated_at: null }, investor: { name: null, pan: null }, summary: { total_value: null, accounts: null }, demat_accounts: [{ value: null, holdings: { equities: [{ name: null, value: null, units: null }] } }], mutual_funds: null, insurance: null, nps: null };
    assert.deepEqual(check({ method: 'POST', path: '/v4/smart/parse', headers: KEY, status: 200, answer: nulls }), []);
    assert.deepEqual(check({ method: 'POST', path: '/v4/smart/parse', headers: KEY, status: 200, answer: {} }), []);
    for (const status of [402, 429]) {
      assert.deepEqual(check({ method: 'POST', path: '/v4/smart/parse', headers: KEY, status, answer: { status: 'failed', msg: 'x' } }), [], String(status));
    }
  });
});

describe('the fixtures', () => {
  for (const file of ['test/mocks/smart-parse-response.json', 'test/portfolio/cams.json', 'test/portfolio/cdsl.json', 'test/portfolio/nsdl.json']) {
    test(`${file} is a 200 of the parse endpoints`, () => {
      const answer = JSON.parse(readFileSync(file, 'utf8'));
      assert.deepEqual(check({ method: 'POST', path: '/v4/smart/parse', headers: KEY, status: 200, answer }), []);
    });
  }
});

describe('the msw mocks (test/mocks/), every scenario, with the requests the elements send', () => {
  test('upload and token endpoint (handlers.ts)', async () => {
    for (const scenario of mocks.SCENARIOS) {
      const state = mocks.createMockState({ slowMs: 0 });
      mocks.setScenario(state, scenario);
      const handlers = mocks.createHandlers(state);
      const token = await exchange(handlers, request('GET', mocks.TOKEN_URL));
      assert.deepEqual(token.violations, [], `${scenario}: token`);
      for (let i = 0; i < 2; i++) {
        const parse = await exchange(handlers, request('POST', '/v4/smart/parse', { form: pdfForm(), headers: KEY }));
        assert.deepEqual(parse.violations, [], `${scenario}: parse ${i + 1}`);
      }
    }
  });

  test('the CDSL fetch (cdsl.ts)', async () => {
    for (const scenario of cdslMocks.CDSL_SCENARIOS) {
      const state = cdslMocks.createCdslState({ scenario });
      const handlers = [...cdslMocks.createCdslHandlers(state), ...mocks.createHandlers(mocks.createMockState())];
      const fetched = await exchange(handlers, request('POST', '/v4/cdsl/fetch', { json: { pan: 'ABCDE1234F', bo_id: '1208160000000001', dob: '1990-01-15' }, headers: KEY }));
      assert.deepEqual(fetched.violations, [], `${scenario}: fetch`);
      const session = fetched.answer.session_id ?? 'unknown';
      for (const otp of ['000000', cdslMocks.MOCK_OTP]) {
        const verified = await exchange(handlers, request('POST', `/v4/cdsl/fetch/${session}/verify`, { json: { otp, num_periods: 1 }, headers: KEY }));
        assert.deepEqual(verified.violations, [], `${scenario}: verify ${otp}`);
      }
      for (const password of ['ABCDE1234F', cdslMocks.MOCK_STATEMENT_PASSWORD]) {
        const parsed = await exchange(handlers, request('POST', '/v4/smart/parse', { json: { pdf_url: cdslMocks.MOCK_FILES[0].url, password }, headers: KEY }));
        assert.deepEqual(parsed.violations, [], `${scenario}: parse`);
      }
    }
    const gone = await exchange(cdslMocks.createCdslHandlers(cdslMocks.createCdslState()), request('POST', '/v4/cdsl/fetch/nope/verify', { json: { otp: '123456' }, headers: KEY }));
    assert.equal(gone.status, 404, 'an unknown session: 404, as the specification says');
  });

  test('the mailback and the mailbox (connect.ts)', async () => {
    for (const mailback of connectMocks.MAILBACK_SCENARIOS) {
      const handlers = connectMocks.createConnectHandlers(connectMocks.createConnectState({ mailback }));
      const sent = await exchange(handlers, request('POST', '/v4/generate', { json: { email: 'investor@example.com', from_date: '1990-01-01', to_date: '2025-11-20', password: 'Remember2025' }, headers: KEY }));
      assert.deepEqual(sent.violations, [], `mailback ${mailback}`);
    }
    const inbox = { ...KEY, 'x-inbox-token': connectMocks.MOCK_INBOX_TOKEN };
    for (const scenario of connectMocks.INBOX_SCENARIOS) {
      const handlers = connectMocks.createConnectHandlers(connectMocks.createConnectState({ inbox: scenario }));
      const steps = [
        request('POST', '/v4/inbox/connect', { json: { redirect_uri: 'http://localhost:8000/demo/inbox-callback.html', state: 'f'.repeat(32), provider: 'outlook' }, headers: KEY }),
        request('POST', '/v4/inbox/cas', { json: { start_date: '2024-11-20', end_date: '2025-11-20' }, headers: inbox }),
        request('POST', '/v4/inbox/cas', { json: {}, headers: { ...KEY, 'x-inbox-token': 'itk_wrong' } }),
        request('POST', '/v4/inbox/status', { headers: inbox }),
        request('POST', '/v4/smart/parse', { json: { pdf_url: connectMocks.MOCK_INBOX_FILES[1].url, password: connectMocks.MOCK_INBOX_PASSWORD }, headers: KEY }),
        request('POST', '/v4/inbox/disconnect', { headers: inbox }),
      ];
      for (const req of steps) {
        const { violations } = await exchange(handlers, req);
        assert.deepEqual(violations, [], `inbox ${scenario}: ${new URL(req.url).pathname}`);
      }
      const wrong = await exchange(handlers, request('POST', '/v4/inbox/cas', { json: {}, headers: { ...KEY, 'x-inbox-token': 'itk_wrong' } }));
      assert.equal(wrong.status, 401, 'a wrong inbox token: 401, as the specification says');
      assert.equal(wrong.answer.requires_reconnect, true);
      const body = await exchange(handlers, request('POST', '/v4/inbox/disconnect', { json: {}, headers: inbox }));
      assert.equal(body.status, 415, 'a body where none is declared is refused, as a validating server does');
    }
  });
});

describe('the fake API of the end-to-end tests (scripts/fault-servers.mjs)', () => {
  test('its answers when a step gives none', () => {
    assert.deepEqual(check({ method: 'POST', path: '/v4/smart/parse', headers: KEY, status: 200, answer: PARSE_BODY }), []);
    for (const [key, answer] of Object.entries(DEFAULT_BODIES as Record<string, unknown>)) {
      // Keys: a path (POST), `verify`, or `METHOD path` with `{id}` for a forwarding address.
      const [method, path] = key.includes(' ') ? key.split(' ') : ['POST', key === 'verify' ? '/v4/cdsl/fetch/s/verify' : key];
      if (method === 'GET' && path === '/v4/inbound-email') continue; // the list of every address: no element calls it
      const status = method === 'POST' && path === '/v4/inbound-email' ? 201 : 200;
      const x = { method, path: path.replace('{id}', 'ie_1'), headers: { ...KEY, 'x-inbox-token': 'itk' }, status, answer };
      assert.deepEqual(check(x), [], key);
    }
  });

  test('the fault matrix: every answer but those it marks off the specification on purpose', () => {
    let checked = 0;
    for (const row of rows) {
      for (const step of row.api ?? []) {
        if (step.offSpec || step.body === undefined) continue;
        checked++;
        assert.deepEqual(check({ method: 'POST', path: '/v4/smart/parse', headers: KEY, status: step.status ?? 200, answer: step.body }), [], row.fault);
      }
      for (const step of row.token ?? []) {
        if (step.offSpec || step.body === undefined || (step.status ?? 200) !== 200) continue;
        checked++;
        assert.deepEqual(check({ method: 'GET', endpoint: 'host-token', status: 200, answer: step.body }), [], row.fault);
      }
    }
    assert.ok(checked > 10, `${checked} answers checked`);
  });
});

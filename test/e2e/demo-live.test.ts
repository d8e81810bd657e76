/// <reference types="node" />
// Live mode (`npm run demo:live`, scripts/demo-live.mjs) against a fake CAS Parser API on
// 127.0.0.1 (CASPARSER_API_BASE): the server mints tokens with `cas-upload/server` and the
// sandbox key (or CASPARSER_API_KEY), never hands out the key, and serves the demo page in live
// mode, where nothing is mocked and a real upload from the page reaches the API.
// Run: node --import tsx --test test/e2e/demo-live.test.ts
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, fakeApi, findChromium, root, startNode } from './support.js';

const PARSE_BODY = await readFile(join(root, 'test/mocks/smart-parse-response.json'), 'utf8');
const INVESTOR = (JSON.parse(PARSE_BODY) as { investor: { name: string } }).investor.name;
const SANDBOX_KEY = 'sandbox-with-json-responses';
const SECRET = 'sk_live_DEMO_SECRET_never_in_a_response_7c1e';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

let browser: Browser;
before(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs });
});
after(async () => {
  await browser?.close();
});

/** Starts the live demo server on a free port against `apiBase`, with `key` (or none). */
async function startLive(t: { after(fn: () => unknown): void }, apiBase: string, key?: string) {
  const env: Record<string, string | undefined> = { PORT: '0', HOST: '127.0.0.1', CASPARSER_API_BASE: apiBase };
  // Unset, not empty: the server must fall back to the sandbox key on its own.
  if (key) env.CASPARSER_API_KEY = key;
  const saved = process.env.CASPARSER_API_KEY;
  delete process.env.CASPARSER_API_KEY;
  const server = startNode(['--import', 'tsx', 'scripts/demo-live.mjs'], env);
  if (saved !== undefined) process.env.CASPARSER_API_KEY = saved;
  t.after(() => server.stop());
  const [, origin] = await server.waitFor(/cas-upload live demo: (http:\/\/\S+?)\/?$/m);
  return { server, origin };
}

test('with no CASPARSER_API_KEY: the sandbox key mints the token, and an upload from the page reaches the API', { timeout: 90_000 }, async (t) => {
  const api = await fakeApi(PARSE_BODY);
  t.after(() => api.close());
  const { server, origin } = await startLive(t, api.origin);

  const html = await (await fetch(`${origin}/`)).text();
  assert.match(html, /<meta name="cas-upload-demo" content="live" data-api-base="http:\/\/127\.0\.0\.1:\d+" data-key="sandbox" \/>/);
  assert.ok(html.includes(`data-api-base="${api.origin}"`));

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${origin}/`);
  await page.locator('html[data-demo-ready="live"]').waitFor({ state: 'attached' });
  assert.ok(await page.evaluate(() => customElements.get('cas-upload') !== undefined));
  assert.match(await page.locator('#mode').innerText(), /Live mode.*sandbox key/s);
  assert.equal(await page.locator('#scenario-field').isVisible(), false, 'no scenario picker: nothing is mocked');
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0, 'no msw worker');

  // The page shows <cas-connect>: the upload is one of its ways.
  await page.locator('cas-connect [part="method-upload"]').click();
  await page.locator('cas-upload [part~="file-input"]').setInputFiles({ name: 'CAS.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.locator('cas-upload [part~="password-input"]').fill('ABCDE1234F');
  await page.locator('cas-upload [part~="submit"]').click();
  await page.waitForFunction(() => ['success', 'error'].includes(document.querySelector('cas-connect')?.shadowRoot?.querySelector('cas-upload')?.getAttribute('state') ?? ''));
  assert.equal(await page.locator('cas-upload').getAttribute('state'), 'success');
  assert.match(await page.locator('cas-upload [part~="summary"]').innerText(), new RegExp(INVESTOR));
  assert.deepEqual(JSON.parse((await page.locator('#result').textContent())!), JSON.parse(PARSE_BODY));

  const mint = api.requests.filter((r) => r.path === '/v1/token');
  assert.equal(mint.length, 1, 'one token minted');
  assert.equal(mint[0].method, 'POST');
  assert.equal(mint[0].apiKey, SANDBOX_KEY);
  assert.deepEqual(JSON.parse(mint[0].body), { expiry_minutes: 15 });

  const parses = api.requests.filter((r) => r.method === 'POST' && r.path === '/v4/smart/parse');
  assert.equal(parses.length, 1, 'one upload');
  assert.equal(parses[0].apiKey, 'at_fake_1', 'the browser used the access token, not the key');
  assert.match(parses[0].contentType ?? '', /^multipart\/form-data; boundary=/);
  assert.match(parses[0].body, /name="pdf_file"; filename="CAS\.pdf"/);
  assert.match(parses[0].body, /name="password"\r\n\r\nABCDE1234F\r\n/);
  assert.ok(parses[0].body.includes(PDF.toString('latin1')), 'the PDF bytes arrived');
  assert.deepEqual(pageErrors, []);
  assert.ok(!server.output().includes('Error'), server.output());
  await page.screenshot({ path: join(root, 'screenshots/e2e-live.png'), fullPage: true });
});

test('with CASPARSER_API_KEY: the token endpoint answers a token, and the key is in no answer or log', { timeout: 90_000 }, async (t) => {
  const api = await fakeApi(PARSE_BODY);
  t.after(() => api.close());
  const { server, origin } = await startLive(t, api.origin, SECRET);

  const response = await fetch(`${origin}/api/casparser/token`, { headers: { accept: 'application/json' } });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const body = JSON.parse(text) as { access_token: string; expires_in: number };
  assert.equal(body.access_token, 'at_fake_1');
  assert.ok(body.expires_in > 0 && body.expires_in <= 900, String(body.expires_in));

  assert.equal(api.requests.length, 1);
  assert.equal(api.requests[0].apiKey, SECRET, 'the key went to the API');

  const html = await (await fetch(`${origin}/`)).text();
  assert.match(html, /data-key="own"/);
  const everything = [text, JSON.stringify([...response.headers]), html, server.output()].join('\n');
  assert.ok(!everything.includes(SECRET), 'the key is in no answer and no log');
  assert.ok(!everything.includes('DEMO_SECRET'));
});

test("the live server's token endpoint turns an API failure into a clear JSON error without the key", { timeout: 90_000 }, async (t) => {
  const api = await fakeApi(PARSE_BODY);
  t.after(() => api.close());
  // An unknown path (404 from the fake API) stands in for an API that fails: the server must
  // answer the browser with its own JSON error, never with the key.
  const { origin } = await startLive(t, `${api.origin}/down`, SECRET);
  const response = await fetch(`${origin}/api/casparser/token`);
  const text = await response.text();
  assert.equal(response.status, 502, text);
  assert.equal((JSON.parse(text) as { error: string }).error, 'upstream-error');
  assert.ok(!text.includes(SECRET));
});

/// <reference types="node" />
// Interop: `<cas-upload>` in the environments people use it in, each in real headless
// Chromium against a real local HTTP server that mocks the token endpoint and the CAS Parser
// API. Each page completes an upload through the element's own UI and receives the events
// through its framework's own bindings.
//   plain HTML + dist/cdn/cas-upload.js (module), plain HTML + dist/cdn/cas-upload.iife.js
//   (classic scripts only), React 19 with the element, React with `cas-upload/react`, Vue 3,
//   Svelte 5 (the last four built by Vite from test/interop/fixtures by test/interop/build.mjs),
//   Angular 21 (built by the Angular CLI from the packed package, test/interop/angular).
// And Hindi in both script-tag files: not inside them, but imported from dist/cdn/cas-upload.hi.js
// beside them, pinned by an import map's `integrity`, and English when that file fails.
// Run: npm run build && node test/interop/build.mjs && node --import tsx --test test/interop/*.test.ts
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium, chromiumArgs } from './browser.js';
import { en } from '../../src/upload/en.js';
import { hi } from '../../src/upload/hi.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PARSE_RESPONSE = await readFile(join(root, 'test/mocks/smart-parse-response.json'), 'utf8');
const INVESTOR = (JSON.parse(PARSE_RESPONSE) as { investor: { name: string } }).investor.name;
const PASSWORD = 'ABCDE1234F';
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };

/** What the mocked backend saw. */
interface Seen {
  tokenRequests: number;
  parses: { apiKey: string | undefined; body: string; contentType: string | undefined }[];
  /** Requests answered 404, for the failure message. */
  unknown: string[];
}
let seen: Seen = { tokenRequests: 0, parses: [], unknown: [] };

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Static files under `dir` for the URL path below `prefix`; `undefined` when absent. */
async function staticFile(dir: string, rest: string): Promise<{ body: Buffer; type: string } | undefined> {
  const path = normalize(join(dir, rest.endsWith('/') || rest === '' ? `${rest}index.html` : rest));
  if (!path.startsWith(dir) || !existsSync(path)) return undefined;
  return { body: await readFile(path), type: types[extname(path)] ?? 'application/octet-stream' };
}

/** Fills in the Subresource Integrity values of the script-tag files, as `npm run sri` prints them. */
async function withIntegrity(page: Buffer): Promise<string> {
  const sri = async (path: string) =>
    `sha384-${createHash('sha384').update(await readFile(join(root, path))).digest('base64')}`;
  return page
    .toString('utf8')
    .replace(/__SRI_ESM__/g, await sri('dist/cdn/cas-upload.js'))
    .replace(/__SRI_IIFE__/g, await sri('dist/cdn/cas-upload.iife.js'))
    .replace(/__SRI_HI__/g, await sri('dist/cdn/cas-upload.hi.js'));
}

/** How the server answers dist/cdn/cas-upload.hi.js, and how often it was asked for it. */
const hiFile = {
  answer: 'as built' as 'as built' | 'missing' | 'altered' | 'held',
  requests: 0,
  /** For `held`: sends the file when called. */
  release: () => {},
};

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('latin1');

  if (url.pathname === '/token') {
    seen.tokenRequests++;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    return res.end(JSON.stringify({ access_token: `at_from_endpoint_${seen.tokenRequests}`, expires_in: 900 }));
  }
  if (url.pathname === '/v4/smart/parse' && req.method === 'POST') {
    const apiKey = req.headers['x-api-key'] as string | undefined;
    seen.parses.push({ apiKey, body, contentType: req.headers['content-type'] });
    if (!apiKey?.startsWith('at_')) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ status: 'error', msg: 'Missing or invalid API key' }));
    }
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `req_interop_${seen.parses.length}` });
    return res.end(PARSE_RESPONSE);
  }
  if (url.pathname === '/dist/cdn/cas-upload.hi.js') {
    hiFile.requests++;
    if (hiFile.answer === 'missing') return res.writeHead(404).end();
    // A slow network: the file comes only when the test says so.
    if (hiFile.answer === 'held') await new Promise<void>((resolve) => (hiFile.release = resolve));
    if (hiFile.answer === 'altered') {
      // What a compromised CDN could serve: valid, but not the file the page pinned.
      res.writeHead(200, { 'content-type': types['.js'] });
      return res.end(`export const hi = ${JSON.stringify({ ...hi, submit: 'altered' })};`);
    }
  }
  const routes: [string, string][] = [
    ['/dist/', join(root, 'dist/')],
    ['/pages/', join(root, 'test/interop/pages/')],
    ['/interop/', join(root, 'test/interop/.build/')],
  ];
  for (const [prefix, dir] of routes) {
    if (!url.pathname.startsWith(prefix)) continue;
    const file = await staticFile(dir, url.pathname.slice(prefix.length));
    if (file) {
      res.writeHead(200, { 'content-type': file.type });
      return res.end(prefix === '/pages/' ? await withIntegrity(file.body) : file.body);
    }
  }
  seen.unknown.push(`${req.method} ${url.pathname}`);
  res.writeHead(404).end();
  return undefined;
});

let origin = '';
let browser: Browser;

before(async () => {
  for (const required of ['dist/cdn/cas-upload.js', 'test/interop/.build/react/index.html', 'test/interop/.build/angular/index.html']) {
    assert.ok(existsSync(join(root, required)), `${required} is missing: run \`npm run build && node test/interop/build.mjs\``);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
});

interface PageResult {
  events: { type: string; detail: Record<string, unknown> }[];
  tokenCalls: number;
  investor: string;
  errors: string[];
  api?: Record<string, unknown>;
}

/**
 * Opens a page of its own in a fresh browser context, with nothing seen by the server yet,
 * hands it to `use` with the page errors (uncaught errors and console errors) as they come,
 * and closes it; then the Hindi file is served as built again (a held one is let go).
 */
async function withPage<T>(use: (page: Page, errors: string[]) => Promise<T>): Promise<T> {
  seen = { tokenRequests: 0, parses: [], unknown: [] };
  hiFile.requests = 0;
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(`console: ${msg.text()}`));
  try {
    return await use(page, errors);
  } finally {
    hiFile.release();
    await context.close();
    hiFile.answer = 'as built';
  }
}

/** Opens `path`, chooses a PDF, types the password and presses Upload, in the element's UI. */
async function uploadThrough(path: string): Promise<PageResult> {
  return withPage(async (page, errors) => {
    const log: string[] = [];
    page.on('console', (msg) => log.push(`${msg.type()}: ${msg.text()}`));
    await page.goto(origin + path);
    const el = page.locator('cas-upload');
    await el.locator('[part="file-input"]').setInputFiles({
      name: 'statement.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await el.locator('[part="password-input"]').fill(PASSWORD);
    await el.locator('[part="submit"]').click();
    await page
      .locator('#result')
      .filter({ hasText: INVESTOR })
      .waitFor({ timeout: 15000 })
      .catch(async (err: Error) => {
        const events = await page.evaluate(() => JSON.stringify((window as unknown as { __events: unknown }).__events));
        throw new Error(`${err.message}\nevents: ${events}\nrequests: ${JSON.stringify(seen)}\nconsole: ${log.join('\n')}`);
      });
    return {
      ...(await page.evaluate(() => ({
        events: (window as unknown as { __events: PageResult['events'] }).__events,
        tokenCalls: (window as unknown as { __tokenCalls: number }).__tokenCalls,
        api: (window as unknown as { __api?: Record<string, unknown> }).__api,
      }))),
      investor: (await page.locator('#result').textContent()) ?? '',
      errors,
    };
  });
}

/** The checks every environment shares: one upload, the events in order, nothing leaked. */
function assertCompleted(result: PageResult, token: string): void {
  assert.deepEqual(result.errors, [], 'no page errors');
  assert.equal(result.investor, INVESTOR, "the framework rendered the result from the success event's detail");
  const types = result.events.map((e) => e.type);
  assert.deepEqual(
    types.filter((t) => t !== 'cas-upload-progress'),
    ['cas-upload-select', 'cas-upload-start', 'cas-upload-success'],
    `events in order: ${types.join(', ')}`,
  );
  const progress = result.events.filter((e) => e.type === 'cas-upload-progress').map((e) => e.detail.phase);
  assert.ok(progress.includes('parse'), `a progress event with phase "parse" (got ${progress.join(', ')})`);
  assert.ok(types.indexOf('cas-upload-start') < types.indexOf('cas-upload-progress'), 'progress after start');
  const success = result.events.find((e) => e.type === 'cas-upload-success')!.detail;
  assert.equal((success.result as { investor: { name: string } }).investor.name, INVESTOR);
  assert.deepEqual(success.file, { name: 'statement.pdf', size: PDF.length });
  assert.equal(success.parser, 'smart');
  assert.equal(success.requestId, 'req_interop_1');
  assert.equal(typeof success.durationMs, 'number');
  const select = result.events.find((e) => e.type === 'cas-upload-select')!.detail;
  assert.deepEqual(select.file, { name: 'statement.pdf', size: PDF.length });

  assert.equal(seen.parses.length, 1, 'one parse request');
  const [parse] = seen.parses;
  assert.equal(parse.apiKey, token, 'the access token from the configured source, as x-api-key');
  assert.match(parse.contentType ?? '', /^multipart\/form-data; boundary=/);
  assert.match(parse.body, /name="pdf_file"; filename="statement.pdf"/);
  assert.match(parse.body, new RegExp(`name="password"\\r\\n\\r\\n${PASSWORD}\\r\\n`));
  for (const event of result.events) assert.ok(!JSON.stringify(event).includes(PASSWORD), 'no password in events');
}

test('plain HTML with the script-tag module (dist/cdn/cas-upload.js, with SRI), token-url', async () => {
  const result = await uploadThrough('/pages/cdn-esm.html');
  assertCompleted(result, 'at_from_endpoint_1');
  assert.equal(seen.tokenRequests, 1);
});

test('plain HTML with the classic script (dist/cdn/cas-upload.iife.js), no modules, tokenProvider', async () => {
  const result = await uploadThrough('/pages/cdn-iife.html');
  assertCompleted(result, 'at_from_provider');
  assert.deepEqual(result.api, { version, hasElement: true, hasClearTokenCache: true, hasRegisterLanguage: true, defined: true });
  assert.equal(result.tokenCalls, 1);
  assert.equal(seen.tokenRequests, 0);
});

test('React 19 with <cas-upload>: properties, tokenProvider as a function, oncas-upload-* events', async () => {
  const result = await uploadThrough('/interop/react/');
  assertCompleted(result, 'at_from_provider');
  assert.equal(result.tokenCalls, 1, 'React set tokenProvider as a property, and the element called it');
  assert.equal(seen.tokenRequests, 0);
});

test('React 19 with the cas-upload/react wrapper: tokenUrl and onCasUpload* props', async () => {
  const result = await uploadThrough('/interop/react-wrapper/');
  assertCompleted(result, 'at_from_endpoint_1');
  assert.equal(seen.tokenRequests, 1);
});

test('React wrappers of the other ways: props set as properties, each event prop called by its own event only', async () => {
  const tags = ['cas-connect', 'cas-cdsl-fetch', 'cas-mailback', 'cas-inbox'];
  const types = [
    'cas-upload-select',
    'cas-upload-start',
    'cas-upload-progress',
    'cas-upload-success',
    'cas-upload-error',
    'cas-upload-cancel',
    'cas-upload-mailback-sent',
    'cas-upload-mailback-upload',
  ];
  const { heard, tokenUrls, errors } = await withPage(async (page, errors) => {
    await page.goto(origin + '/interop/react-flows/');
    await page.waitForFunction((tags) => tags.every((t) => customElements.get(t) && document.querySelector(t)), tags, { timeout: 10000 });
    // Every event type on every element: a wrapper must call the prop of each event it maps, and no other.
    const seen = await page.evaluate(
      ([tags, types]) => {
        const tokenUrls = tags.map((t) => (document.querySelector(t) as HTMLElement & { tokenUrl: string }).tokenUrl);
        for (const t of tags) for (const type of types) document.querySelector(t)!.dispatchEvent(new CustomEvent(type, { detail: {} }));
        return { heard: (window as unknown as { __heard: string[] }).__heard, tokenUrls };
      },
      [tags, types] as const,
    );
    return { ...seen, errors };
  });
  assert.deepEqual(errors, [], 'no page errors');
  assert.deepEqual(tokenUrls, ['/token', '/token', '/token', '/token'], 'tokenUrl set as a property of each element');
  const prop = (type: string) => 'on' + type.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());
  const expected = [
    ...types.map((t) => `cas-connect ${prop(t)} ${t}`),
    ...['cas-upload-success', 'cas-upload-error', 'cas-upload-cancel'].map((t) => `cas-cdsl-fetch ${prop(t)} ${t}`),
    ...['cas-upload-mailback-sent', 'cas-upload-mailback-upload', 'cas-upload-error', 'cas-upload-cancel'].map((t) => `cas-mailback ${prop(t)} ${t}`),
    ...['cas-upload-success', 'cas-upload-error', 'cas-upload-cancel'].map((t) => `cas-inbox ${prop(t)} ${t}`),
  ];
  assert.deepEqual([...heard].sort(), expected.sort());
});

test('Vue 3: :tokenProvider as a property, @cas-upload-* events', async () => {
  const result = await uploadThrough('/interop/vue/');
  assertCompleted(result, 'at_from_provider');
  assert.equal(result.tokenCalls, 1);
  assert.equal(seen.tokenRequests, 0);
});

test('Svelte 5: tokenProvider as a property, oncas-upload-* events', async () => {
  const result = await uploadThrough('/interop/svelte/');
  assertCompleted(result, 'at_from_provider');
  assert.equal(result.tokenCalls, 1);
  assert.equal(seen.tokenRequests, 0);
});

test('Angular 21 (standalone component, CUSTOM_ELEMENTS_SCHEMA, built by the Angular CLI from the packed package): [tokenProvider] and [tokenUrl] as properties, (cas-upload-*) events in order', async () => {
  const { props, events, investor, errors } = await withPage(async (page, errors) => {
    await page.goto(origin + '/interop/angular/');
    await page.waitForFunction(() => customElements.get('cas-upload') && customElements.get('cas-connect') && document.querySelector('cas-connect'), null, { timeout: 10000 });
    const props = await page.evaluate(() => {
      const upload = document.querySelector('cas-upload') as HTMLElement & { tokenProvider: unknown; apiBase: string };
      const connect = document.querySelector('cas-connect') as HTMLElement & { tokenUrl: unknown };
      return {
        tokenProvider: typeof upload.tokenProvider,
        apiBase: upload.apiBase === location.origin,
        tokenUrl: connect.tokenUrl,
        attributes: [...upload.attributes, ...connect.attributes].map((a) => a.name).filter((n) => /token|api/i.test(n)),
      };
    });
    const el = page.locator('cas-upload');
    await el.locator('[part="file-input"]').setInputFiles({ name: 'statement.pdf', mimeType: 'application/pdf', buffer: PDF });
    await el.locator('[part="password-input"]').fill(PASSWORD);
    await el.locator('[part="submit"]').click();
    await page.locator('#result').filter({ hasText: INVESTOR }).waitFor({ timeout: 15000 });
    const events = await page.locator('#events li').allTextContents();
    return { props, events, investor: (await page.locator('#result').textContent()) ?? '', errors };
  });
  assert.deepEqual(errors, [], 'no page errors');
  assert.deepEqual(
    props,
    { tokenProvider: 'function', apiBase: true, tokenUrl: '/token', attributes: [] },
    'Angular set tokenProvider, apiBase and tokenUrl as properties, no attributes',
  );
  assert.equal(investor, INVESTOR, "Angular rendered the result from the success event's detail");
  assert.deepEqual(
    events.filter((t) => t !== 'cas-upload-progress'),
    ['cas-upload-select', 'cas-upload-start', 'cas-upload-success'],
    `events in order: ${events.join(', ')}`,
  );
  assert.ok(events.indexOf('cas-upload-start') < events.indexOf('cas-upload-progress'), 'progress after start');
  assert.equal(seen.tokenRequests, 1, "the component's tokenProvider fetched the token once");
  assert.equal(seen.parses.length, 1, 'one parse request');
  assert.equal(seen.parses[0].apiKey, 'at_from_endpoint_1');
  assert.match(seen.parses[0].body, /name="pdf_file"; filename="statement.pdf"/);
});

test("docs/frameworks.md's Angular section shows the component the Angular interop test builds", async () => {
  const doc = await readFile(join(root, 'docs/frameworks.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Angular'), doc.indexOf('\n## ', doc.indexOf('## Angular') + 1));
  const shown = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  const tested = await readFile(join(root, 'test/interop/angular/src/statement-upload.component.ts'), 'utf8');
  assert.equal(shown, tested);
});

/** The script-tag files, as built. */
const built = async (file: string) => readFile(join(root, 'dist/cdn', file), 'utf8');

test('the script-tag files hold English only; Hindi is dist/cdn/cas-upload.hi.js, an ES module exporting hi', async () => {
  const devanagari = /[\u0900-\u097F]/;
  for (const file of ['cas-upload.js', 'cas-upload.iife.js']) {
    const code = await built(file);
    assert.doesNotMatch(code, devanagari, `${file} holds no Hindi text`);
    assert.ok(code.includes(en.submit) && code.includes(en.heading), `${file} holds English`);
  }
  const code = await built('cas-upload.hi.js');
  for (const [key, text] of Object.entries(hi)) assert.ok(code.includes(text), `cas-upload.hi.js holds ${key}, as UTF-8`);
  assert.match(code, /export\s*\{\s*\w+ as hi\s*\}|export const hi\b/);
  assert.doesNotMatch(code, /\n\s{2,}\S/, 'minified');
  const { hi: imported } = (await import(pathToFileURL(join(root, 'dist/cdn/cas-upload.hi.js')).href)) as { hi: unknown };
  assert.deepEqual(imported, hi);
});

interface Rendered {
  heading: string;
  submit: string;
  errors: string[];
  hiRequests: number;
}

/**
 * Opens `path`, waits until the Upload button reads `expected`, updates the element `updates`
 * more times (each render asks for its language again), and returns what it shows.
 */
async function renderedIn(path: string, expected: string, updates = 0): Promise<Rendered> {
  return withPage(async (page, errors) => {
    await page.goto(origin + path);
    const el = page.locator('cas-upload');
    await el
      .locator('[part="submit"]')
      .filter({ hasText: expected })
      .waitFor({ timeout: 15000 })
      .catch(async (err: Error) => {
        const shown = await el.locator('[part="submit"]').textContent().catch(() => null);
        throw new Error(`${err.message}\nUpload button: ${shown}\nerrors: ${errors.join('\n')}\nunknown requests: ${seen.unknown.join(', ')}`);
      });
    for (let i = 0; i < updates; i++) {
      await el.evaluate(async (node, n) => {
        const upload = node as HTMLElement & { retries: number; updateComplete: Promise<unknown> };
        upload.retries = n + 1;
        await upload.updateComplete;
      }, i);
    }
    return {
      heading: (await el.locator('[part="heading"]').textContent())?.trim() ?? '',
      submit: (await el.locator('[part="submit"]').textContent())?.trim() ?? '',
      errors,
      hiRequests: hiFile.requests,
    };
  });
}

test('script-tag module, lang="hi": Hindi from cas-upload.hi.js beside it, checked by the import map', async () => {
  const shown = await renderedIn('/pages/cdn-esm-hi.html', hi.submit);
  assert.deepEqual(shown, { heading: hi.heading, submit: hi.submit, errors: [], hiRequests: 1 });
  assert.deepEqual(seen.unknown, [], 'nothing asked for elsewhere (the page is in /pages/, the scripts in /dist/cdn/)');
});

test('classic script, lang="hi-IN" on an ancestor: Hindi from cas-upload.hi.js beside it', async () => {
  const shown = await renderedIn('/pages/cdn-iife-hi.html', hi.submit);
  assert.deepEqual(shown, { heading: hi.heading, submit: hi.submit, errors: [], hiRequests: 1 });
  assert.deepEqual(seen.unknown, [], 'nothing asked for elsewhere (the page is in /pages/, the scripts in /dist/cdn/)');
});

test('cas-upload.hi.js not the file the import map pins: English, and asked for twice', async () => {
  hiFile.answer = 'altered';
  const shown = await renderedIn('/pages/cdn-esm-hi.html', en.submit, 5);
  assert.equal(shown.heading, en.heading);
  assert.equal(shown.submit, en.submit);
  assert.equal(shown.hiRequests, 2, 'asked for twice (once more after the first failure) over 6 renders');
  assert.ok(shown.errors.some((e) => /integrity/i.test(e)), `the browser refused it for its integrity: ${shown.errors.join('\n')}`);
  assert.ok(!shown.errors.some((e) => e.startsWith('pageerror')), 'nothing thrown');
});

test('cas-upload.hi.js slow to come: English after 1.5 s, later updates do not wait, Hindi when it arrives', async () => {
  hiFile.answer = 'held';
  await withPage(async (page) => {
    // The page's timers run on a fake clock, moved on by the test.
    await page.clock.install({ time: 0 });
    await page.clock.pauseAt(1000);
    await page.goto(`${origin}/pages/cdn-esm-hi.html`);
    const el = page.locator('cas-upload');
    const submit = el.locator('[part="submit"]');
    await page.waitForFunction(() => customElements.get('cas-upload'));
    await page.clock.runFor(1499);
    // (The message reads the button only when there is one: a locator waits 30 s for a missing one.)
    const early = await submit.count();
    assert.equal(early, 0, `nothing rendered before 1.5 s: the first render waits for Hindi (shown: ${early ? await submit.first().textContent() : ''}, requests ${hiFile.requests})`);
    await page.clock.runFor(1);
    await submit.filter({ hasText: en.submit }).waitFor({ timeout: 15000 });
    assert.equal(hiFile.requests, 1, 'the file was asked for and is still on its way');
    // A later update renders at once (the clock stands still; real tasks go on).
    const settled = await el.evaluate(async (node) => {
      const upload = node as HTMLElement & { retries: number; updateComplete: Promise<unknown> };
      upload.retries = 5;
      let done = false;
      upload.updateComplete.then(() => (done = true));
      // Up to 20 real tasks (MessageChannel, which the fake clock leaves alone).
      const channel = new MessageChannel();
      for (let i = 0; i < 20 && !done; i++) {
        await new Promise((r) => ((channel.port1.onmessage = r), channel.port2.postMessage(0)));
      }
      return done;
    });
    assert.equal(settled, true, 'an update while Hindi is on its way does not wait for it');
    hiFile.release();
    await submit.filter({ hasText: hi.submit }).waitFor({ timeout: 15000 });
    assert.equal((await el.locator('[part="heading"]').textContent())?.trim(), hi.heading);
  });
});

test('cas-upload.hi.js missing (404): the classic script stays in English, and asks for it twice', async () => {
  hiFile.answer = 'missing';
  const shown = await renderedIn('/pages/cdn-iife-hi.html', en.submit, 5);
  assert.equal(shown.heading, en.heading);
  assert.equal(shown.submit, en.submit);
  assert.equal(shown.hiRequests, 2, 'asked for twice (once more after the first failure) over 6 renders');
  assert.ok(!shown.errors.some((e) => e.startsWith('pageerror')), 'nothing thrown');
});

test('cas-upload.hi.js missing: dates, numbers and the lang screen readers use follow the English texts', async () => {
  hiFile.answer = 'missing';
  await withPage(async (page) => {
    await page.goto(`${origin}/pages/cdn-esm-hi.html`);
    const el = page.locator('cas-upload');
    await el.locator('[part="submit"]').filter({ hasText: en.submit }).waitFor({ timeout: 15000 });
    const shown = await el.evaluate(async (node, pdf) => {
      const upload = node as HTMLElement & {
        apiBase: string;
        upload(file: Blob, password: string): Promise<unknown>;
        updateComplete: Promise<unknown>;
      };
      upload.apiBase = location.origin;
      await upload.upload(new Blob([pdf]), 'ABCDE1234F');
      await upload.updateComplete;
      const root = upload.shadowRoot!;
      return { lang: root.querySelector('form')!.lang, summary: root.querySelector('[part="summary"]')!.textContent };
    }, PDF.toString('latin1'));
    assert.equal(shown.lang, 'en');
    assert.match(shown.summary ?? '', /1 Jun 2026 – 30 Jun 2026/, 'the period in English, not in Hindi month names');
    assert.match(shown.summary ?? '', /₹17,08,126\.56/);
  });
});

test('an element named currentScript on the page: the module still imports Hindi from beside itself', async () => {
  const { errors, ...shown } = await renderedIn('/pages/cdn-loaded.html?clobber', hi.submit);
  assert.deepEqual(shown, { heading: hi.heading, submit: hi.submit, hiRequests: 1 });
  assert.deepEqual(seen.unknown, ['GET /evil/pixel.png'], 'only the image asked for in its folder (no such file)');
  assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), [], 'nothing else went wrong');
});

test('an element named currentScript on the page: the classic script fetches no code from where it points', async () => {
  // The image is not taken for the script: the file asks for `./cas-upload.hi.js`, which
  // import() in an external classic script resolves against the script's own URL.
  const { errors, ...shown } = await renderedIn('/pages/cdn-loaded.html?clobber&classic', hi.submit);
  assert.deepEqual(shown, { heading: hi.heading, submit: hi.submit, hiRequests: 1 });
  assert.deepEqual(seen.unknown, ['GET /evil/pixel.png'], 'only the image asked for in its folder (no such file)');
  assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), [], 'nothing else went wrong');
});

for (const kind of ['module', 'classic']) {
  test(`the ${kind} file loaded from a blob: URL registers <cas-upload> and speaks English`, async () => {
      const shown = await renderedIn(`/pages/cdn-loaded.html?blob${kind === 'classic' ? '&classic' : ''}`, en.submit);
    assert.equal(shown.heading, en.heading);
    assert.ok(!shown.errors.some((e) => e.startsWith('pageerror')), `nothing thrown: ${shown.errors.join('\n')}`);
  });
}

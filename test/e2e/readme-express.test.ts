/// <reference types="node" />
// The Express backends of README.md and docs/server.md, run as written (only the package name
// points at this checkout), with the element from dist/cdn on a page it serves, against a fake
// CAS Parser API that rejects the first token it minted (as after a key rotation): the element's
// refresh names the rejected token, `createTokenHandler` (defaults: the token reused) mints a
// second one, and the upload succeeds with it.
// Needs `npm run build` (dist/cdn/cas-upload.js). Run: node --import tsx --test test/e2e/readme-express.test.ts
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, fakeApi, findChromium, root, startNode } from './support.js';

const PARSE_BODY = await readFile(join(root, 'test/mocks/smart-parse-response.json'), 'utf8');
const SECRET = 'sk_live_README_SECRET_never_in_a_page_3d9f';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const require = createRequire(import.meta.url);

/** Every JavaScript/TypeScript block of `file` that builds an Express app with `cas-upload/server`. */
async function expressExamples(file: string): Promise<{ lang: string; code: string }[]> {
  const text = await readFile(join(root, file), 'utf8');
  return [...text.matchAll(/```(js|ts)\n([\s\S]*?)```/g)]
    .map((m) => ({ lang: m[1]!, code: m[2]! }))
    .filter(({ code }) => /from 'express'/.test(code) && /from 'cas-upload\/server'/.test(code));
}

/**
 * Loaded before the example: `https://api.casparser.in` is the fake API, `listen(3000)` takes a
 * free port on 127.0.0.1 and prints it, and the working folder is the app's (for `public/`).
 */
const PRELOAD = `
import net from 'node:net';
process.chdir(process.env.APP_DIR);
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) =>
  realFetch(String(input instanceof Request ? input.url : input).replace('https://api.casparser.in', process.env.FAKE_API), init);
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (args[0] !== 3000) return listen.apply(this, args);
  this.once('listening', () => console.log('listening on http://127.0.0.1:' + this.address().port));
  return listen.call(this, 0, '127.0.0.1');
};
`;

let browser: Browser;
before(async () => {
  assert.ok(existsSync(join(root, 'dist/cdn/cas-upload.js')), 'dist/cdn/cas-upload.js is missing: run `npm run build` first');
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs });
});
after(async () => {
  await browser?.close();
});

/** Writes the example as an app (server.mjs, public/ with the element and a page), starts it. */
async function startExample(t: { after(fn: () => unknown): void }, { lang, code }: { lang: string; code: string }, apiOrigin: string) {
  const dir = await mkdtemp(join(tmpdir(), 'cas-upload-express-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const server = code
    .replace(/from 'express'/, `from '${pathToFileURL(require.resolve('express')).href}'`)
    .replace(/from 'cas-upload\/server'/, `from '${pathToFileURL(join(root, 'src/server/index.ts')).href}'`);
  const main = join(dir, lang === 'ts' ? 'server.mts' : 'server.mjs'); // tsx runs the TypeScript ones
  await writeFile(main, server);
  await writeFile(join(dir, 'preload.mjs'), PRELOAD);
  await mkdir(join(dir, 'public'));
  await copyFile(join(root, 'dist/cdn/cas-upload.js'), join(dir, 'public/cas-upload.js'));
  await writeFile(
    join(dir, 'public/index.html'),
    `<!doctype html><script type="module" src="/cas-upload.js"></script>
<cas-upload token-url="/api/casparser/token" api-base="${apiOrigin}" retry-delay="0"></cas-upload>`,
  );
  const app = startNode(['--import', 'tsx', '--import', pathToFileURL(join(dir, 'preload.mjs')).href, main], {
    APP_DIR: dir,
    FAKE_API: apiOrigin,
    CASPARSER_API_KEY: SECRET,
  });
  t.after(() => app.stop());
  const [, origin] = await app.waitFor(/listening on (http:\/\/\S+)/);
  return { app, origin: origin! };
}

for (const file of ['README.md', 'docs/server.md']) {
  test(`${file}: the Express backend as written; the API rejects the first token, the upload succeeds with the second`, { timeout: 90_000 }, async (t) => {
    const examples = await expressExamples(file);
    assert.ok(examples.length >= 1, `${file} has an Express example`);
    for (const example of examples) {
      const api = await fakeApi(PARSE_BODY, { rejectFirstToken: true });
      t.after(() => api.close());
      const { app, origin } = await startExample(t, example, api.origin);

      const context = await browser.newContext();
      t.after(() => context.close());
      const page = await context.newPage();
      const tokenRequests: { rejected: string | undefined; answer: Promise<string> }[] = [];
      page.on('response', (response) => {
        if (!response.url().endsWith('/api/casparser/token')) return;
        tokenRequests.push({ rejected: response.request().headers()['x-cas-rejected-token'], answer: response.text() });
      });
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => customElements.get('cas-upload') !== undefined);
      await page.locator('cas-upload [part~="file-input"]').setInputFiles({ name: 'CAS.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.locator('cas-upload [part~="password-input"]').fill('ABCDE1234F');
      await page.locator('cas-upload [part~="submit"]').click();
      await page.waitForFunction(() => ['success', 'error'].includes(document.querySelector('cas-upload')?.getAttribute('state') ?? ''));
      assert.equal(await page.locator('cas-upload').getAttribute('state'), 'success', app.output());

      const mints = api.requests.filter((r) => r.path === '/v1/token');
      assert.equal(mints.length, 2, 'the rejected token was replaced by one new mint');
      for (const mint of mints) assert.equal(mint.apiKey, SECRET);
      const parses = api.requests.filter((r) => r.method === 'POST' && r.path === '/v4/smart/parse');
      assert.deepEqual(
        parses.map((r) => r.apiKey),
        ['at_fake_1', 'at_fake_2'],
      );
      assert.deepEqual(
        tokenRequests.map((r) => r.rejected),
        [undefined, 'at_fake_1'],
        'only the refresh names the rejected token',
      );
      for (const { answer } of tokenRequests) assert.ok(!(await answer).includes(SECRET));
      assert.ok(!app.output().includes(SECRET), 'the key is in no output');
      await context.close();
      await app.stop();
      await api.close();
    }
  });
}

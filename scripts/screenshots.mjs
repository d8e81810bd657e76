// `npm run screenshots`: every state of <cas-upload>, light and dark, desktop, 360 and 320 px wide,
// as PNG files in screenshots/ (git-ignored). It bundles src/entries/index.ts (minified, in memory, as
// the script-tag build does) and drives it against a local stand-in for the API on 127.0.0.1,
// so the upload and parse phases are real: the server reads the upload slowly, then waits
// before answering.
//
//   node scripts/screenshots.mjs [--only=name-substring]
import http from 'node:http';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium, chromiumArgs } from './chromium.mjs';
import { build } from 'vite';
import { keepRegistrations } from './keep-registrations.mjs';

const executablePath = findChromium();
const args = chromiumArgs;

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}screenshots/`;
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const result = await readFile(`${root}test/mocks/smart-parse-response.json`, 'utf8');

/** The API stand-in: the token (the `x-api-key`) names what it answers. */
const answers = {
  at_success: [200, result],
  at_password: [400, '{"status":"failed","msg":"Invalid PDF file or password."}'],
  at_unreadable: [400, '{"status":"failed","msg":"Unable to detect CAS type"}'],
  at_server: [500, '{"status":"failed","msg":"Internal server error"}'],
  at_quota: [402, '{"status":"failed","msg":"Insufficient credits."}'],
};
/** The element, bundled with Lit: file name → code (the Hindi strings are a chunk of their own). */
const [bundle] = await build({
  configFile: false,
  logLevel: 'silent',
  define: { __CAS_UPLOAD_VERSION__: '"screenshots"' },
  plugins: [keepRegistrations()],
  build: { write: false, minify: true, target: 'es2022', lib: { entry: `${root}src/entries/index.ts`, formats: ['es'], fileName: 'cas-upload' } },
});
const files = Object.fromEntries(bundle.output.map((o) => [o.fileName, o.code]));

const held = new Set();
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/') {
    res.setHeader('content-type', 'text/html');
    return res.end(PAGE);
  }
  const code = files[url.pathname.slice(1)];
  if (code) {
    res.setHeader('content-type', 'text/javascript');
    return res.end(code);
  }
  if (req.method === 'POST' && url.pathname.endsWith('/parse')) {
    const token = req.headers['x-api-key'];
    // Read the body slowly (about 2 MB/s), so that the upload phase can be seen.
    req.on('data', () => {
      req.pause();
      setTimeout(() => req.resume(), 30);
    });
    req.on('end', () => {
      const answer = answers[token];
      if (!answer) return held.add(res); // `at_hold`: the parse phase lasts until the end
      res.writeHead(answer[0], { 'content-type': 'application/json', 'x-request-id': 'req_shot' });
      res.end(answer[1]);
    });
    return;
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<style>
  html { color-scheme: light dark; }
  body { margin: 0; background: #eef0f3; font-family: system-ui, sans-serif; }
  @media (prefers-color-scheme: dark) { body { background: #121417; } }
  #wrap { width: calc(32rem + 48px); max-width: 100%; box-sizing: border-box; padding: 24px; }
  @media (max-width: 400px) { #wrap { padding: 8px; } }
</style>
<div id="wrap"><cas-upload api-base="${origin}" max-size="100000000"></cas-upload></div>
<script type="module" src="/cas-upload.js"></script>`;

const pdf = (mb = 0.2) => `new File(['%PDF-1.7\\n', new Uint8Array(${Math.round(mb * 1048576)})], 'CAS_Jun2026_ABCDE1234F.pdf', { type: 'application/pdf' })`;

/** Each state: a name and what to do in the page to reach it. */
const states = [
  ['idle', async () => {}],
  ['ready', async (page) => choose(page)],
  [
    'uploading',
    async (page) => {
      await start(page, 'at_hold', pdf(40));
      await page.waitForFunction(() => {
        const p = document.querySelector('cas-upload').shadowRoot.querySelector('[part=progress]');
        return p && Number(p.getAttribute('aria-valuenow')) >= 30;
      });
    },
  ],
  ['parsing', async (page) => start(page, 'at_hold', pdf(0.1), 'parsing', 2200)],
  ['success', async (page) => start(page, 'at_success', pdf(), 'success')],
  ['error-password', async (page) => start(page, 'at_password', pdf(), 'error')],
  ['error-not-a-pdf', async (page) => pick(page, "new File(['<html>'], 'holiday-photo.jpg', { type: 'image/jpeg' })")],
  ['error-unreadable', async (page) => start(page, 'at_unreadable', pdf(), 'error')],
  ['error-server', async (page) => start(page, 'at_server', pdf(), 'error')],
  ['error-quota', async (page) => start(page, 'at_quota', pdf(), 'error')],
  [
    'hindi-ready',
    async (page) => {
      await page.evaluate(() => (document.documentElement.lang = 'hi'));
      await choose(page);
    },
  ],
  [
    'hindi-success',
    async (page) => {
      await page.evaluate(() => (document.documentElement.lang = 'hi'));
      await start(page, 'at_success', pdf(), 'success');
    },
  ],
];

/** Picks `file` (an expression evaluated in the page) through the element's file input. */
function pick(page, file) {
  return page.evaluate(`(() => {
    const input = document.querySelector('cas-upload').shadowRoot.querySelector('[part=file-input]');
    const dt = new DataTransfer();
    dt.items.add(${file});
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
  })()`);
}

/** Chooses `file` and types the password: the element is `ready`. */
async function choose(page, file = pdf(1.4)) {
  await pick(page, file);
  await page.waitForFunction(() => document.querySelector('cas-upload').state === 'ready');
  await page.keyboard.type('ABCDE1234F');
}

/** Starts an upload from the UI (the file chosen, the password typed, Upload pressed). */
async function start(page, token, file, until, settleMs = 0) {
  await page.evaluate((t) => (document.querySelector('cas-upload').tokenProvider = async () => t), token);
  await choose(page, file);
  await page.keyboard.press('Enter');
  if (until) await page.waitForFunction((s) => document.querySelector('cas-upload').state === s, until);
  if (settleMs) await page.waitForTimeout(settleMs);
}

await mkdir(out, { recursive: true });
const browser = await chromium.launch({ executablePath, headless: true, args });
const written = [];
try {
  for (const [scheme, width] of [
    ['light', 720],
    ['dark', 720],
    ['light', 360],
    ['dark', 360],
    ['light', 320],
    ['dark', 320],
  ]) {
    for (const [name, reach] of states) {
      const file = `${name}-${scheme}-${width < 400 ? width : 'desktop'}.png`;
      if (only && !file.includes(only)) continue;
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(origin);
      await page.waitForFunction(() => customElements.get('cas-upload') && document.querySelector('cas-upload').shadowRoot?.children.length);
      await reach(page);
      await page.evaluate(() => document.querySelector('cas-upload').updateComplete);
      await page.locator('#wrap').screenshot({ path: out + file, animations: 'disabled' });
      written.push(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  for (const res of held) res.destroy();
  server.close();
}
console.log(`${written.length} screenshots in screenshots/`);

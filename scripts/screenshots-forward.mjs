// `node scripts/screenshots-forward.mjs` (after `npm run build`): every state of <cas-forward>,
// light and dark, 360 px wide (and the waiting state in Hindi), as PNG files in screenshots/
// (git-ignored), from dist/cdn/cas-forward.js against a local stand-in for the API on 127.0.0.1
// in which a CDSL and a CAMS statement "arrive" a moment after the address is shown. The
// element's clock is moved on for the state after `wait-minutes`.
import { mkdir, readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { findChromium, chromiumArgs } from './chromium.mjs';
import { shotServer, send, root } from './shot-server.mjs';

const out = `${root}screenshots/`;
const result = await readFile(`${root}test/mocks/smart-parse-response.json`, 'utf8');
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>cas-forward</title><script type="module" src="/dist/cdn/cas-forward.js"></script>
<style>body{margin:0;padding:12px;font:16px system-ui}html.dark{background:#121316;color-scheme:dark}html.light{color-scheme:light}</style>
</head><body><cas-forward token-url="/token" api-base="http://127.0.0.1:PORT"></cas-forward></body></html>`;
const ADDRESS = 'cas-7f3k2q9d@in.casparser.in';
const FILES = [
  { message_id: 'm2', filename: 'f/cdsl.pdf', original_filename: 'CDSL_CAS_NOV2025.pdf', message_date: '2025-12-03', cas_type: 'cdsl', sender_email: 'eCAS@cdslstatement.com', size: 182344, url: 'https://files.example/cdsl.pdf', expires_in: 86400, received_at: '2026-12-04T10:01:02.000001Z' },
  { message_id: 'm1', filename: 'f/cams.pdf', original_filename: 'CAMS_CAS_NOV2025.pdf', message_date: '2025-11-04', cas_type: 'cams', sender_email: 'donotreply@camsonline.com', size: 240120, url: 'https://files.example/cams.pdf', expires_in: 86400, received_at: '2026-12-04T10:01:01.000001Z' },
];

/** What the stand-in does: `arrive` (files after the first poll), `gone` (404), `slow` (each answer waits). */
const mode = { arrive: false, gone: false, slow: 0 };
let polls = 0;
const server = await shotServer(
  (port) => PAGE.replace('PORT', String(port)),
  async (req, res, json, url) => {
    await new Promise((r) => setTimeout(r, mode.slow));
    if (req.method === 'POST' && url.pathname === '/v4/inbound-email') {
      polls = 0;
      return send(res, 201, { inbound_email_id: 'ie_shot', email: ADDRESS, reference: null, allowed_sources: json.allowed_sources, status: 'active' });
    }
    if (url.pathname.endsWith('/files')) {
      if (mode.gone) return send(res, 404, { status: 'failed', msg: 'Inbound email not found or expired' });
      const files = mode.arrive && polls++ > 0 && !url.searchParams.get('since') ? FILES.slice().reverse() : [];
      return send(res, 200, { status: 'success', files, count: files.length, cursor: files.length ? FILES[0].received_at : url.searchParams.get('since') });
    }
    if (req.method === 'DELETE') return send(res, 200, { status: 'success', msg: 'Inbound email deleted' });
    if (json.password !== 'ABCDE1234F') return send(res, 400, { status: 'failed', msg: 'Invalid PDF file or password.' });
    send(res, 200, result);
  },
);
await mkdir(out, { recursive: true });

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 360, height: 1100 }, colorScheme: scheme });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.evaluate((s) => document.documentElement.classList.add(s), scheme);
  // The element's clock, 5 s polls shortened to 1 s and moved on at will (`__skip`).
  await page.evaluate(() => {
    const Forward = customElements.get('cas-forward');
    let skip = 0;
    window.__skip = (ms) => (skip += ms);
    Forward.clock = {
      now: () => Date.now() + skip,
      sleep: (ms, signal) =>
        new Promise((resolve, reject) => {
          const id = setTimeout(resolve, Math.min(ms, 1000));
          signal?.addEventListener('abort', () => (clearTimeout(id), reject(signal.reason)), { once: true });
        }),
    };
  });
  const el = page.locator('cas-forward');
  const shot = async (name) => {
    await page.waitForTimeout(250);
    await el.screenshot({ path: `${out}forward-${name}-${scheme}.png` });
    console.log(`screenshots/forward-${name}-${scheme}.png`);
  };
  const state = (s) => page.waitForFunction((s) => document.querySelector('cas-forward').state === s, s, { timeout: 15000 });
  const fresh = async () => {
    await page.evaluate(() => document.querySelector('cas-forward').reset());
    await state('idle');
  };
  await el.locator('[part~=start]').waitFor();
  await shot('idle');

  mode.slow = 2000;
  await el.locator('[part~=start]').click();
  await state('creating');
  await page.waitForTimeout(1100);
  await shot('creating');
  await state('waiting');
  mode.slow = 0;
  await el.locator('[part~=address]').waitFor();
  await shot('waiting');

  // Hindi, the same state.
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'hi'));
  await page.waitForFunction(() => document.querySelector('cas-forward').shadowRoot.textContent.includes('फ़ॉरवर्ड'));
  await shot('waiting-hi');
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await fresh();

  // Two statements arrive; the newest (CDSL) asks for its password.
  mode.arrive = true;
  await el.locator('[part~=start]').click();
  await el.locator('[part~=password-input]').waitFor({ timeout: 15000 });
  await shot('arrived');
  await el.locator('[part~=password-input]').fill('WRONG');
  await el.locator('[part~=submit]').click();
  await state('error');
  await shot('wrong-password');
  mode.slow = 2500;
  await el.locator('[part~=password-input]').fill('ABCDE1234F');
  await el.locator('[part~=submit]').click();
  await state('parsing');
  await page.waitForTimeout(1100);
  await shot('parsing');
  await state('success');
  mode.slow = 0;
  await shot('success');
  mode.arrive = false;
  await fresh();

  // The address gone (404), and nothing within wait-minutes.
  await el.locator('[part~=start]').click();
  await state('waiting');
  mode.gone = true;
  await state('error');
  await shot('expired');
  mode.gone = false;
  await fresh();
  await el.locator('[part~=start]').click();
  await state('waiting');
  await page.evaluate(() => window.__skip(31 * 60000));
  await state('error');
  await shot('no-file');
  await page.close();
}
await browser.close();
server.close();

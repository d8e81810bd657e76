// `node scripts/screenshots-cdsl.mjs` (after `npm run build`): every state of <cas-cdsl-fetch>,
// light and dark, as PNG files in screenshots/ (git-ignored), from dist/cdn/cas-connect.js
// against a local stand-in for the API on 127.0.0.1 (OTP 123456; the statement's password is
// CDSL2025, not the PAN, so the password step shows).
import { mkdir, readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { findChromium, chromiumArgs } from './chromium.mjs';
import { shotServer, send, root } from './shot-server.mjs';

const out = `${root}screenshots/`;
// `--width=360`: a phone's width (the page's margin 8 px below 400 px); the files end in -360.
const width = Number(process.argv.find((a) => a.startsWith('--width='))?.slice(8) ?? 640);
const suffix = width === 640 ? '' : `-${width}`;
const result = await readFile(`${root}test/mocks/smart-parse-response.json`, 'utf8');
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cas-cdsl-fetch</title>
<script type="module" src="/dist/cdn/cas-connect.js"></script>
<style>body{margin:0;padding:24px;font:16px system-ui}@media (max-width:400px){body{padding:8px}}html.dark{background:#121316;color-scheme:dark}html.light{color-scheme:light}</style>
</head><body><cas-cdsl-fetch token-url="/token" api-base="http://127.0.0.1:PORT"></cas-cdsl-fetch></body></html>`;

const server = await shotServer(
  (port) => PAGE.replace('PORT', String(port)),
  async (req, res, json, url) => {
    const wait = (ms) => new Promise((r) => setTimeout(r, ms));
    if (url.pathname === '/v4/cdsl/fetch') return wait(4000).then(() => send(res, 200, { status: 'success', session_id: 'shot' }));
    if (url.pathname.endsWith('/verify')) {
      await wait(2500);
      if (json.otp !== '123456') return send(res, 400, { status: 'failed', msg: 'Invalid OTP' });
      return send(res, 200, { status: 'success', files: [{ filename: 'CDSL_CAS_1208160000000001_NOV2025.pdf', url: 'https://files.example/nov.pdf' }] });
    }
    await wait(2500);
    if (json.password !== 'CDSL2025') return send(res, 400, { status: 'failed', msg: 'Invalid PDF file or password.' });
    send(res, 200, result);
  },
);
await mkdir(out, { recursive: true });

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width, height: 720 }, colorScheme: scheme });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.evaluate((s) => document.documentElement.classList.add(s), scheme);
  const el = page.locator('cas-cdsl-fetch');
  await el.locator('[part~=submit]').waitFor();
  const shot = async (name) => {
    await page.waitForTimeout(150);
    await el.screenshot({ path: `${out}cdsl-${name}-${scheme}${suffix}.png` });
    console.log(`screenshots/cdsl-${name}-${scheme}${suffix}.png`);
  };
  const state = (s) => page.waitForFunction((s) => document.querySelector('cas-cdsl-fetch').state === s, s, { timeout: 10000 });
  await shot('idle');
  await el.locator('[part~=pan-input]').fill('ABCDE123');
  await el.locator('[part~=submit]').click();
  await state('error');
  await shot('invalid-details');
  await el.locator('[part~=pan-input]').fill('abcde1234f');
  await el.locator('[part~=bo-id-input]').fill('1208 1600 0000 0001');
  await el.locator('[part~=dob-input]').fill('1990-01-15');
  await el.locator('[part~=submit]').click();
  await state('requesting');
  await page.waitForTimeout(2200);
  await shot('requesting');
  await state('otp');
  await shot('otp');
  await el.locator('[part~=otp-input]').fill('000000');
  await el.locator('[part~=submit]').click();
  await state('verifying');
  await shot('verifying');
  await state('error');
  await shot('invalid-otp');
  await el.locator('[part~=otp-input]').fill('123456');
  await el.locator('[part~=submit]').click();
  await state('parsing');
  await shot('parsing');
  await state('error');
  await shot('password');
  await el.locator('[part~=password-input]').fill('CDSL2025');
  await el.locator('[part~=submit]').click();
  await state('success');
  await shot('success');
  await page.close();
}
await browser.close();
server.close();

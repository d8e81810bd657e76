// `node scripts/screenshots-connect.mjs` (after `npm run build`): <cas-connect>'s choice, and every
// state of <cas-mailback> and <cas-inbox> in it, light and dark, as PNG files in screenshots/
// (git-ignored), from dist/cdn/cas-connect.js against a local stand-in for the API on 127.0.0.1,
// with a consent page that answers after a moment and a return page on
// dist/cdn/cas-inbox-callback.js. `--docs` also copies the choice (light) to docs/connect-choice.png.
import { mkdir, readFile, copyFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { findChromium, chromiumArgs } from './chromium.mjs';
import { shotServer, send, root } from './shot-server.mjs';

const out = `${root}screenshots/`;
const result = await readFile(`${root}test/mocks/smart-parse-response.json`, 'utf8');
const head = (title) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>`;
const PAGE = `${head('cas-connect')}<script type="module" src="/dist/cdn/cas-connect.js"></script>
<style>body{margin:0;padding:24px;font:16px system-ui}html.dark{background:#121316;color-scheme:dark}html.light{color-scheme:light}</style>
</head><body><cas-connect token-url="/token" api-base="http://127.0.0.1:PORT" redirect-url="/callback.html" methods="upload cdsl inbox mailback forward"></cas-connect></body></html>`;
const CALLBACK = `${head('Connecting…')}<script type="module" src="/dist/cdn/cas-inbox-callback.js"></script></head><body>Connecting…</body></html>`;
const consent = (query) => {
  const back = new URL(query.get('redirect_uri'));
  if (query.get('deny')) back.searchParams.set('error', 'access_denied');
  else back.searchParams.set('inbox_token', 'itk_shot');
  back.searchParams.set('state', query.get('state'));
  return `${head('Consent')}</head><body><p>Mock consent…</p><script>setTimeout(() => location.replace(${JSON.stringify(back.href)}), 1500)</script></body></html>`;
};
const FILES = [
  { message_date: '2025-11-04', cas_type: 'cams', original_filename: 'CAMS_CAS_NOV2025.pdf', size: 240120, url: 'https://files.example/cams.pdf' },
  { message_date: '2025-10-05', cas_type: 'cdsl', original_filename: 'CDSL_CAS_OCT2025.pdf', size: 182344, url: 'https://files.example/cdsl.pdf' },
];

let deny = false;
const server = await shotServer(
  (port) => PAGE.replace('PORT', String(port)),
  async (req, res, json, url) => {
    const port = server.address().port;
    if (url.pathname === '/callback.html') return send(res, 200, CALLBACK, 'text/html');
    if (url.pathname === '/consent') return send(res, 200, consent(url.searchParams), 'text/html');
    await new Promise((r) => setTimeout(r, 2500));
    if (url.pathname === '/v4/generate') return send(res, 200, { status: 'success', msg: 'CAS request submitted' });
    if (url.pathname === '/v4/inbox/connect') {
      const q = new URLSearchParams({ redirect_uri: json.redirect_uri, state: json.state, ...(deny ? { deny: '1' } : {}) });
      return send(res, 200, { status: 'success', oauth_url: `http://127.0.0.1:${port}/consent?${q}`, provider: 'gmail' });
    }
    if (url.pathname === '/v4/inbox/cas') return send(res, 200, { status: 'success', count: 2, files: FILES });
    if (url.pathname === '/v4/inbox/disconnect') return send(res, 200, { status: 'success', msg: 'Email access revoked' });
    if (json.password !== 'ABCDE1234F') return send(res, 400, { status: 'failed', msg: 'Invalid PDF file or password.' });
    send(res, 200, result);
  },
);
await mkdir(out, { recursive: true });

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 640, height: 900 }, colorScheme: scheme });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.evaluate((s) => document.documentElement.classList.add(s), scheme);
  const host = page.locator('cas-connect');
  const shot = async (name) => {
    await page.waitForTimeout(200);
    await host.screenshot({ path: `${out}connect-${name}-${scheme}.png` });
    console.log(`screenshots/connect-${name}-${scheme}.png`);
  };
  const state = (tag, s) =>
    page.waitForFunction(([tag, s]) => document.querySelector('cas-connect').shadowRoot.querySelector(tag)?.state === s, [tag, s], { timeout: 15000 });
  await host.locator('[part=method-upload]').waitFor();
  await shot('choice');

  // <cas-mailback>
  await host.locator('[part=method-mailback]').click();
  const mail = page.locator('cas-mailback');
  await mail.locator('[part~=submit]').waitFor();
  await shot('mailback-idle');
  await mail.locator('[part~=email-input]').fill('investor@example');
  await mail.locator('[part~=password-input]').fill('Remember2025');
  await mail.locator('[part~=confirm-input]').fill('Remember2025');
  await mail.locator('[part~=submit]').click();
  await state('cas-mailback', 'error');
  await shot('mailback-invalid-details');
  await mail.locator('[part~=email-input]').fill('investor@example.com');
  await mail.locator('[part~=password-input]').fill('Remember2025');
  await mail.locator('[part~=confirm-input]').fill('Remember2025');
  await mail.locator('[part~=submit]').click();
  await state('cas-mailback', 'sending');
  await page.waitForTimeout(1200);
  await shot('mailback-sending');
  await state('cas-mailback', 'sent');
  await shot('mailback-sent');
  await host.locator('[part=back]').click();

  // <cas-inbox>
  await host.locator('[part=method-inbox]').click();
  const inbox = page.locator('cas-inbox');
  await inbox.locator('[part~=connect]').waitFor();
  await shot('inbox-idle');
  deny = true;
  let popup = page.waitForEvent('popup');
  await inbox.locator('[part~=connect]').click();
  await popup;
  await state('cas-inbox', 'error');
  await shot('inbox-refused');
  deny = false;
  popup = page.waitForEvent('popup');
  await inbox.locator('[part~=connect]').click();
  await popup;
  await state('cas-inbox', 'connecting');
  await page.waitForTimeout(1200);
  await shot('inbox-connecting');
  await state('cas-inbox', 'choose');
  await shot('inbox-list');
  await inbox.locator('[part~=file]').first().click();
  await shot('inbox-password');
  await inbox.locator('[part~=password-input]').fill('ABCDE1234F');
  await inbox.locator('[part~=submit]').click();
  await state('cas-inbox', 'parsing');
  await page.waitForTimeout(1200);
  await shot('inbox-parsing');
  await state('cas-inbox', 'success');
  await shot('inbox-success');
  await page.close();
}
await browser.close();
server.close();
if (process.argv.includes('--docs')) {
  await copyFile(`${out}connect-choice-light.png`, `${root}docs/connect-choice.png`);
  console.log('docs/connect-choice.png');
}

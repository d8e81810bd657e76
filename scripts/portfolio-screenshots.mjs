// `npm run screenshots:portfolio` (after `npm run build`): <cas-portfolio> from
// dist/cdn/cas-portfolio.js showing test/mocks/smart-parse-response.json, light and dark, wide
// and 320 px, in English and Hindi, and in forced-colours mode, as PNG files in screenshots/
// (git-ignored). `--docs` also writes the top of the light one, 760 px wide, to
// docs/cas-portfolio-light.png.
//
//   node scripts/portfolio-screenshots.mjs [--only=name-substring] [--docs]
import http from 'node:http';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium, chromiumArgs } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}screenshots/`;
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const result = await readFile(`${root}test/mocks/smart-parse-response.json`, 'utf8');

const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<style>
  html { color-scheme: light dark; }
  body { margin: 0; background: #eef0f3; font-family: system-ui, sans-serif; }
  @media (prefers-color-scheme: dark) { body { background: #121417; } }
  #wrap { width: 56rem; max-width: 100%; box-sizing: border-box; padding: 24px; }
  @media (max-width: 400px) { #wrap { padding: 8px; } }
</style>
<div id="wrap"><cas-portfolio></cas-portfolio></div>
<script type="module" src="/cas-portfolio.js"></script>
<script type="module">
  await customElements.whenDefined('cas-portfolio');
  document.querySelector('cas-portfolio').result = await (await fetch('/result.json')).json();
  document.documentElement.dataset.ready = '1';
</script>`;

const server = http.createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  if (path === '/result.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(result);
  // cas-portfolio.js, the copy of the element it loads from chunks/, and Hindi beside it.
  if (/^\/(cas-portfolio(\.hi)?|chunks\/portfolio-alone)\.js$/.test(path)) {
    return res.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(`${root}dist/cdn${path}`));
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

await mkdir(out, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs });
const written = [];
try {
  for (const [name, scheme, width, lang, forcedColors, height] of [
    ['light-desktop', 'light', 960, 'en'],
    ['dark-desktop', 'dark', 960, 'en'],
    ['light-320', 'light', 320, 'en'],
    ['dark-320', 'dark', 320, 'en'],
    ['light-360', 'light', 360, 'en'],
    ['dark-360', 'dark', 360, 'en'],
    ['hindi-dark-360', 'dark', 360, 'hi'],
    ['hindi-light-desktop', 'light', 960, 'hi'],
    ['forced-colors-desktop', 'dark', 960, 'en', 'active'],
    ['docs', 'light', 760, 'en', undefined, 1080],
  ]) {
    const file = `portfolio-${name}.png`;
    if ((only && !file.includes(only)) || (name === 'docs' && !process.argv.includes('--docs'))) continue;
    const page = await browser.newPage({ viewport: { width, height: height ?? 900 }, colorScheme: scheme, forcedColors, deviceScaleFactor: 1 });
    await page.goto(origin);
    if (lang !== 'en') await page.evaluate((l) => (document.documentElement.lang = l), lang);
    await page.waitForFunction(() => document.documentElement.dataset.ready);
    await page.evaluate(() => document.querySelector('cas-portfolio').updateComplete);
    await page.waitForFunction((l) => document.querySelector('cas-portfolio').shadowRoot.querySelector('section')?.lang === l, lang);
    // A tall element is captured past the viewport, where tables are skipped until scrolled to
    // (content-visibility: auto): draw them all for the picture, and let idle-time rows arrive.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('.x{content-visibility:visible!important}');
      const root = document.querySelector('cas-portfolio').shadowRoot;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    });
    await page.waitForTimeout(300);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    if (scroll > 0) console.warn(`${file}: the page scrolls sideways by ${scroll} px`);
    if (height) await page.screenshot({ path: out + file, clip: { x: 0, y: 0, width, height } });
    else await page.locator('#wrap').screenshot({ path: out + file });
    written.push(file);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
if (process.argv.includes('--docs')) await copyFile(`${out}portfolio-docs.png`, `${root}docs/cas-portfolio-light.png`);
console.log(`${written.length} screenshots in screenshots/`);

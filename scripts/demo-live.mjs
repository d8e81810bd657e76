#!/usr/bin/env node
// `npm run demo:live`: the demo page against the real CAS Parser API, with nothing mocked.
//
// One small Node server on 127.0.0.1 that serves
//   /                      the demo page (demo/, through Vite in middleware mode), in live mode
//   /api/casparser/token   a token endpoint built with `cas-upload/server`: it mints short-lived
//                          access tokens with the secret key, which never leaves this process
// The page's <cas-upload> fetches a token from /api/casparser/token and uploads straight to the API.
//
// Environment:
//   CASPARSER_API_KEY   your secret key (sk_…); unset: the public sandbox key
//                       `sandbox-with-json-responses` (sample data, no account, no credits)
//   CASPARSER_API_BASE  API origin, default https://api.casparser.in (tests point it at a fake)
//   PORT                default 5174; 0 picks a free port
//   HOST                default 127.0.0.1
//
// Run with tsx (the npm script does), so that `cas-upload/server` comes from src/ unbuilt:
//   node --import tsx scripts/demo-live.mjs
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createServer as createVite } from 'vite';
import { createTokenHandler, toNodeListener, DEFAULT_API_BASE } from '../src/server/index.ts';

const SANDBOX_KEY = 'sandbox-with-json-responses';
const TOKEN_PATH = '/api/casparser/token';
const root = fileURLToPath(new URL('..', import.meta.url));
const demo = fileURLToPath(new URL('../demo/', import.meta.url));

const apiKey = process.env.CASPARSER_API_KEY?.trim() || SANDBOX_KEY;
const sandbox = apiKey === SANDBOX_KEY;
const apiBase = (process.env.CASPARSER_API_BASE?.trim() || DEFAULT_API_BASE).replace(/\/+$/, '');
const port = Number(process.env.PORT ?? 5174);
const host = process.env.HOST || '127.0.0.1';
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

// Throws (without the key in its message) when the key or the API base is not usable.
const tokenListener = toNodeListener(createTokenHandler({ apiKey, apiBase, expiryMinutes: 15 }));

const vite = await createVite({
  configFile: false,
  root: demo,
  logLevel: 'warn',
  appType: 'custom',
  // No HMR and no WebSocket server: only the one port above is opened.
  server: { middlewareMode: true, hmr: false, ws: false, fs: { allow: [root] } },
});

const attr = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * demo/index.html in live mode: the API origin and which kind of key is used (never the key).
 * Not passed through Vite's HTML transform, which would add its HMR client (this server has no
 * HMR); Vite serves and transforms the page's modules.
 */
async function page() {
  return (await readFile(`${demo}index.html`, 'utf8')).replace(
    /<meta name="cas-upload-demo" content="mock" \/>/,
    `<meta name="cas-upload-demo" content="live" data-api-base="${attr(apiBase)}" data-key="${sandbox ? 'sandbox' : 'own'}" />` +
      // What Vite's client would define in the page (its `define` for development).
      `\n    <script>globalThis.__CAS_UPLOAD_VERSION__ = ${JSON.stringify(version).replace(/</g, '\\u003c')};</script>`,
  );
}

const server = http.createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === TOKEN_PATH) return tokenListener(req, res);
  if (path === '/' || path === '/index.html') {
    page().then(
      (html) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(html);
      },
      (error) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('The demo page failed to load.');
        console.error(error);
      },
    );
    return;
  }
  vite.middlewares(req, res, () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'));
});

server.listen(port, host, () => {
  const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
  console.log(`cas-upload live demo: ${origin}/`);
  console.log(`  token endpoint ${origin}${TOKEN_PATH}, minting with ${sandbox ? `the sandbox key (${SANDBOX_KEY})` : 'CASPARSER_API_KEY'}`);
  console.log(`  API ${apiBase}`);
});

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  server.closeAllConnections?.();
  server.close();
  await vite.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

// The local stand-in for the API and the page that the screenshot scripts use: `send()` answers
// with CORS for the API calls, and `shotServer(page, api)` serves `page` at /, the built files
// under /dist/, an access token at /token, and hands every other request, its JSON body read,
// to `api(req, res, json, url)`. Listens on 127.0.0.1 (a free port).
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Answers `body` (JSON, or a string or Buffer as is) with the API's CORS headers. */
export function send(res, status, body, type = 'application/json') {
  res.writeHead(status, {
    'content-type': type,
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'x-api-key, x-inbox-token, content-type',
    'access-control-allow-methods': 'GET, POST, DELETE',
    'access-control-expose-headers': 'X-Request-ID',
    'x-request-id': 'req_shot',
  });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

/** Starts the server; `page(port)` is the HTML at /. */
export async function shotServer(page, api) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'OPTIONS') return send(res, 204, '');
    if (url.pathname === '/') return send(res, 200, page(server.address().port), 'text/html');
    if (url.pathname.startsWith('/dist/')) {
      try {
        return send(res, 200, await readFile(`${root}${url.pathname.slice(1)}`), 'text/javascript');
      } catch {
        return send(res, 404, {});
      }
    }
    if (url.pathname === '/token') return send(res, 200, { access_token: 'at_shot', expires_in: 3600 });
    let body = '';
    for await (const c of req) body += c;
    return api(req, res, JSON.parse(body || '{}'), url);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

// The local server of every browser measurement: it serves the pages and scripts, the host's
// token endpoint (`/token`, counted) and a fake `POST /v4/smart/parse` that reads the whole
// multipart body and answers the fixture of the test suite. Loopback only, port 0.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';

/**
 * @param {object} o
 * @param {Record<string, string | (() => string)>} o.pages   path → HTML
 * @param {Record<string, string>} o.scripts                 path → file on disk (JavaScript)
 * @param {Record<string, string>} [o.files]                 path → file on disk (anything else, as bytes)
 * @param {string} o.fixturePath                             the parse response to answer
 * @param {Record<string, string>} [o.dirs]                  path prefix (ending in /) → folder on disk
 */
export async function startServer({ pages, scripts, files = {}, fixturePath, dirs = {} }) {
  const fixture = readFileSync(fixturePath); // answered byte for byte, as the API would
  JSON.parse(fixture.toString('utf8')); // fail early if it is not JSON
  const events = new EventEmitter();
  const state = {
    tokenRequests: 0,
    lastTokenAt: 0,
    tokenExpiresIn: 3600,
    parseRequests: 0,
    parseBytes: [],
    badParseRequests: 0,
    /** Bytes per second the parse endpoint reads at, on average from its first byte (0: as fast as it can). */
    throttle: 0,
    /** When set, the parse answer waits until `release()` is called. */
    hold: false,
    /** Paths asked for that the server does not have: a page that missed a file measured something else. */
    notFound: [],
  };
  let held = [];
  let tokenSeq = 0;

  const server = createServer((req, res) => {
    try {
      route(req, res);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    }
  });

  function route(req, res) {
    const url = new URL(req.url, 'http://127.0.0.1');
    const path = url.pathname;
    if (req.method === 'GET' && path in pages) {
      const page = pages[path];
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(typeof page === 'function' ? page() : page);
    }
    if (req.method === 'GET' && path in scripts) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(readFileSync(scripts[path]));
    }
    if (req.method === 'GET' && path in files) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
      return res.end(readFileSync(files[path]));
    }
    for (const [prefix, dir] of Object.entries(dirs)) {
      const rest = path.startsWith(prefix) ? path.slice(prefix.length) : null;
      if (req.method !== 'GET' || rest == null || rest.split('/').some((p) => p === '..' || p === '')) continue;
      const file = join(dir, rest);
      if (!existsSync(file)) break;
      const type = rest.endsWith('.js') ? 'text/javascript; charset=utf-8' : rest.endsWith('.map') ? 'application/json' : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      return res.end(readFileSync(file));
    }
    if (path === '/token') {
      state.tokenRequests++;
      state.lastTokenAt = Date.now();
      const body = JSON.stringify({
        access_token: `at_bench_${++tokenSeq}`,
        token_type: 'api_key',
        expires_in: state.tokenExpiresIn,
      });
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return res.end(body);
    }
    if (req.method === 'POST' && path === '/v4/smart/parse') return parse(req, res);
    if (path !== '/favicon.ico') state.notFound.push(`${req.method} ${path}`);
    res.writeHead(404).end();
  }

  function parse(req, res) {
    const n = ++state.parseRequests;
    const expected = Number(req.headers['content-length']) || 0;
    const okHeaders =
      /^at_bench_\d+$/.test(String(req.headers['x-api-key'])) &&
      String(req.headers['content-type']).startsWith('multipart/form-data');
    let received = 0;
    let startedAt;
    let head = '';
    let halfSent = false;
    req.on('data', (chunk) => {
      if (head.length < 512) head += chunk.subarray(0, 512).toString('latin1');
      received += chunk.length;
      if (!halfSent && expected && received >= expected / 2) {
        halfSent = true;
        events.emit('half', n);
      }
      if (state.throttle > 0) {
        // Paced from the first byte: the body is read at `throttle` bytes per second on
        // average, whatever the delays of single timers, so the upload lasts size / rate.
        startedAt ??= performance.now();
        const due = startedAt + (received / state.throttle) * 1000 - performance.now();
        if (due > 0) {
          req.pause();
          setTimeout(() => req.resume(), due);
        }
      }
    });
    req.on('end', () => {
      state.parseBytes.push(received);
      events.emit('received', n, received);
      const answer = () => {
        if (!okHeaders || !head.includes('name="pdf_file"') || !head.includes('%PDF-')) {
          state.badParseRequests++;
          res.writeHead(400, { 'content-type': 'application/json', 'x-request-id': `req_bench_${n}` });
          return res.end(JSON.stringify({ status: 'failed', msg: 'Unexpected request.' }));
        }
        res.writeHead(200, {
          'content-type': 'application/json',
          'x-request-id': `req_bench_${n}`,
          'content-length': fixture.length,
        });
        res.end(fixture);
      };
      if (state.hold) held.push(answer);
      else answer();
    });
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;

  return {
    origin,
    state,
    events,
    /** Sends every held parse answer. */
    release() {
      const list = held;
      held = [];
      for (const answer of list) answer();
    },
    resetCounts() {
      state.tokenRequests = 0;
      state.parseRequests = 0;
      state.parseBytes = [];
      state.badParseRequests = 0;
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}

// Real local HTTP servers for the resilience tests (test/resilience/**):
//
// - a token backend on the page's own origin, as Koa middleware inside web-test-runner's dev
//   server (`/fault/token/<session>`);
// - a fake CAS Parser API on a second origin (`http://127.0.0.1:<port>/s/<session>`), a plain
//   `node:http` server that answers CORS preflights for `x-api-key` and exposes `X-Request-ID`
//   (and `Retry-After`), as the real API must.
//
// Each test opens a session with a script of answers (`POST /fault/session`), and reads what
// the servers saw (`GET /fault/session/<id>`): request counts, tokens issued, requests the
// client aborted, the Cookie header of each request. `DELETE /fault/session/<id>` closes anything still open. A script step is
// used once per request, the last one for every request after it.
//
// Token step: { status = 200, body?, expiresIn = 3600, delayMs?, hang?, offSpec? }
//   With status 200 and no body, a fresh `at_…` token is minted and answered as
//   {"access_token", "token_type": "api_key", "expires_in"}.
// Every request the fake API receives and every answer it gives (the token endpoint's too) is held
// against the JSON Schema of the official specification (test/spec/check.mjs); what breaks it is
// in the session's `violations`, and the session's `close()` fails the test. A step whose answer
// breaks it on purpose (a proxy's HTML page, a malformed body) says why in `offSpec`.
//
// API step:   { status = 200, body?, headers?, delayMs?, hang?, stall?, drop?, offSpec? }
//   Every path of the API the elements call is served: POST, and for forwarding addresses
//   POST /v4/inbound-email, GET /v4/inbound-email/<id>/files and DELETE /v4/inbound-email/<id>
//   (each request records its method and query).
//   `hang`: read the body, never answer; `stall`: read the body slowly (the upload takes
//   seconds) and never answer; `drop`: destroy the connection once the first bytes of the body arrived.
//   Requests whose `x-api-key` is not a token of this session get 401; with
//   `revokeFirstToken`, requests with the session's first token get 403.
//
// Pages for tests that need their own document (served with these headers):
//   /fault/page/csp?session=<id>   contract section 7's CSP, the CDN module build
//                                  (`&classic`: the classic build instead; `&connect`:
//                                  cas-connect.js; `&forward`: cas-forward.js)
//   /fault/page/double             the CDN module build twice (two URLs) and the classic build twice
//   /fault/page/coop-consent?redirect_uri=…&state=…&token=…   a consent page that sends
//                                  Cross-Origin-Opener-Policy: same-origin, then back with the token
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { check } from '../test/spec/check.mjs';

const AUTH_BODY = {
  status: 'failed',
  msg: 'Authentication failed: API quota exceeded or invalid API key. Please check your API key or quota limits.',
};
const MISSING_KEY_BODY = {
  status: 'failed',
  msg: 'Authentication failed: API key is missing. Please provide a valid API key in the x-api-key header.',
};
/** A 200 body in the API's schema, used when a step gives none. */
export const PARSE_BODY = {
  meta: { cas_type: 'CDSL', statement_period: { from: '2025-01-01', to: '2025-01-31' }, generated_at: '2025-02-01T00:00:00Z' },
  investor: { name: 'Test Investor', pan: 'ABCDE1234F' },
  summary: { total_value: 1000, accounts: { demat: { count: 1, total_value: 1000 } } },
  demat_accounts: [],
  mutual_funds: [],
};

/** The answer of each other path when a step gives none: a 200 as the specification declares it. */
export const DEFAULT_BODIES = {
  '/v4/cdsl/fetch': { status: 'success', session_id: 'sess-default', msg: 'OTP sent to registered mobile' },
  verify: { status: 'success', msg: 'Fetched 1 CAS files', files: [{ filename: 'CDSL_CAS_NOV2025.pdf', url: 'https://files.example/cas.pdf' }] },
  '/v4/generate': { status: 'success', msg: 'CAS request submitted' },
  '/v4/inbox/connect': { status: 'success', oauth_url: 'https://accounts.example/consent', provider: 'gmail' },
  '/v4/inbox/cas': { status: 'success', count: 0, files: [] },
  '/v4/inbox/status': { valid: true, provider: 'gmail', email: 'investor@example.com' },
  '/v4/inbox/disconnect': { status: 'success', msg: 'Email access revoked' },
  // A forwarding address is made with 201: give `status: 201` in the step (a step without one answers 200).
  'POST /v4/inbound-email': { inbound_email_id: 'ie_default', email: 'cas-default@in.casparser.in', reference: null, allowed_sources: ['cdsl', 'nsdl', 'cams', 'kfintech'], status: 'active', created_at: '2026-12-04T10:00:00Z', updated_at: '2026-12-04T10:00:00Z' },
  'GET /v4/inbound-email': { status: 'success', inbound_emails: [], count: 0 },
  'GET /v4/inbound-email/{id}/files': { status: 'success', files: [], count: 0, cursor: null },
  'DELETE /v4/inbound-email/{id}': { status: 'success', msg: 'Inbound email deleted' },
};
/** The paths that declare no request body: a body sent there is refused (415), as a validating server does. */
const NO_BODY = ['/v4/inbox/status', '/v4/inbox/disconnect'];

/**
 * The token backend (middleware for the dev server) and the fake API (started with the dev
 * server, stopped with it).
 */
export function faultServers() {
  /** @type {Map<string, any>} */
  const sessions = new Map();
  let apiPort = 0;
  let refusedPort = 0;
  /** @type {http.Server | undefined} */
  let apiServer;
  let nextId = 1;

  const step = (list, n) => (list.length ? list[Math.min(n, list.length - 1)] : {});

  function newSession(config) {
    const id = `s${nextId++}${randomBytes(3).toString('hex')}`;
    const s = {
      id,
      token: config.token ?? [{}],
      api: config.api ?? [{}],
      revokeFirstToken: Boolean(config.revokeFirstToken),
      tokens: [],
      tokenRequests: 0,
      tokenAborted: 0,
      tokenCookies: [],
      preflights: 0,
      requests: [],
      violations: [],
      open: new Set(),
      timers: new Set(),
    };
    sessions.set(id, s);
    return s;
  }

  function stats(s) {
    const { id, tokens, tokenRequests, tokenAborted, tokenCookies, preflights, requests, violations } = s;
    const apiAborted = requests.filter((r) => r.aborted).length;
    return { id, tokens, tokenRequests, tokenAborted, tokenCookies, apiRequests: requests.length, apiAborted, preflights, requests, violations };
  }

  function closeSession(s) {
    for (const t of s.timers) clearTimeout(t);
    for (const res of s.open) res.destroy();
    sessions.delete(s.id);
  }

  const later = (s, ms, fn) => {
    const t = setTimeout(() => {
      s.timers.delete(t);
      fn();
    }, ms);
    s.timers.add(t);
  };

  /** Sends a JSON or text answer; `res.on('close')` tells whether the client left first. */
  function send(res, status, body, headers = {}) {
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const type = typeof body === 'string' ? (body.trimStart().startsWith('<') ? 'text/html' : 'text/plain') : 'application/json';
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(text);
  }

  // ---- the token backend, on the page's origin --------------------------------------------
  function tokenEndpoint(s, req, res) {
    const n = s.tokenRequests++;
    s.tokenCookies.push(req.headers.cookie ?? null);
    const st = step(s.token, n);
    s.open.add(res);
    res.on('close', () => {
      s.open.delete(res);
      if (!res.writableFinished) s.tokenAborted++;
    });
    if (st.hang) return;
    later(s, st.delayMs ?? 0, () => {
      const status = st.status ?? 200;
      if (st.body !== undefined || status !== 200) {
        if (status === 200 || status === 402) s.violations.push(...check({ method: req.method, endpoint: 'host-token', status, answer: st.body, offSpec: st.offSpec }));
        return send(res, status, st.body ?? { detail: 'error' });
      }
      const token = `at_${s.id}${n}${randomBytes(6).toString('hex')}`;
      s.tokens.push(token);
      send(res, 200, { access_token: token, token_type: 'api_key', expires_in: st.expiresIn ?? 3600 });
    });
  }

  // ---- the fake CAS Parser API, on a second origin -----------------------------------------
  function cors(req) {
    return {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-expose-headers': 'X-Request-ID, Retry-After',
      // Credentials would be accepted: whether cookies go with a request is the client's choice alone.
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
      // A fresh connection for every request: counts stay exact (no resend on a reused socket).
      connection: 'close',
    };
  }

  function api(req, res) {
    // A parse (multipart, or JSON with `pdf_url`), the CDSL fetch's two JSON calls, the
    // mailback, the mailbox import's calls, or a forwarding address: made (`POST`), its files
    // (`GET`), deleted (`DELETE`), or the list of every address (`GET`, which no element asks).
    const [path, query = ''] = req.url.split(/\?(.*)/s);
    const m = /^\/s\/([^/]+)(\/v4\/(?:(smart|cdsl|nsdl|cams_kfintech)\/parse|cdsl\/fetch(?:\/[^/]+\/verify)?|generate|inbox\/(?:connect|cas|status|disconnect)|inbound-email(?:\/[^/]+(?:\/files)?)?))$/.exec(path);
    const forward = m?.[2].startsWith('/v4/inbound-email');
    // The method each path takes: POST, but GET for an address's files (and the list), DELETE for an address.
    const allowed = !forward ? ['POST'] : /\/files$/.test(m[2]) ? ['GET'] : m[2] === '/v4/inbound-email' ? ['POST', 'GET'] : ['DELETE'];
    const s = m && sessions.get(m[1]);
    if (req.method === 'OPTIONS') {
      if (s) s.preflights++;
      const ok = (m ? allowed : ['POST']).includes(req.headers['access-control-request-method']);
      res.writeHead(ok ? 204 : 405, {
        ...cors(req),
        'access-control-allow-methods': (m ? allowed : ['POST']).join(', '),
        'access-control-allow-headers': 'x-api-key, x-inbox-token, content-type',
        'access-control-max-age': '600',
      });
      return res.end();
    }
    if (!s || !allowed.includes(req.method)) return send(res, 404, { status: 'failed', msg: 'Not found' }, cors(req));

    const n = s.requests.length;
    const st = step(s.api, n);
    const requestId = `req_${s.id}x${n}`;
    const key = req.headers['x-api-key'] ?? '';
    const tokenIndex = s.tokens.indexOf(key);
    const entry = {
      n,
      method: req.method,
      path: m[2],
      query,
      parser: m[3] ?? null,
      json: null,
      inboxToken: req.headers['x-inbox-token'] ?? null,
      keyIsIssued: tokenIndex >= 0,
      tokenIndex,
      cookie: req.headers.cookie ?? null,
      bytes: 0,
      complete: false,
      aborted: false,
      status: null,
      password: null,
      fileName: null,
    };
    s.requests.push(entry);
    s.open.add(res);
    res.on('close', () => {
      s.open.delete(res);
      if (!res.writableFinished && !entry.dropped) {
        entry.aborted = true;
      }
    });
    const answer = (status, body, headers = {}) => {
      entry.status = status;
      const multipart = /^multipart\/form-data/.test(req.headers['content-type'] ?? '');
      const file = entry.fileName === null ? {} : { pdf_file: { name: entry.fileName, size: entry.bytes } };
      const request = multipart ? { ...file, password: entry.password ?? '' } : entry.bytes ? entry.json : null;
      const offSpec = body === st.body ? st.offSpec : undefined;
      s.violations.push(...check({ method: req.method, path: entry.path, headers: req.headers, request, status, answer: body, offSpec }));
      send(res, status, body, { ...cors(req), 'x-request-id': requestId, ...headers });
    };
    if (st.stall) {
      // Read one chunk every 5 ms (about 10 MB/s): the upload takes seconds, and a client
      // that leaves is noticed soon after the bytes already buffered were read.
      req.on('data', (c) => {
        entry.bytes += c.length;
        req.pause();
        later(s, 5, () => req.resume());
      });
      return;
    }
    const chunks = [];
    req.on('data', (c) => {
      entry.bytes += c.length;
      if (st.drop && !entry.dropped) {
        entry.dropped = true;
        req.socket.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (entry.dropped) return;
      entry.complete = true;
      const body = Buffer.concat(chunks).toString('latin1');
      entry.password = /name="password"\r\n\r\n([^\r]*)\r\n/.exec(body)?.[1] ?? null;
      entry.fileName = /name="pdf_file"; filename="([^"]*)"/.exec(body)?.[1] ?? null;
      const multipart = /^multipart\/form-data/.test(req.headers['content-type'] ?? '');
      if (/^application\/json/.test(req.headers['content-type'] ?? '')) entry.json = JSON.parse(body || 'null');
      if (st.hang) return;
      later(s, st.delayMs ?? 0, () => {
        if (!entry.keyIsIssued) return answer(401, MISSING_KEY_BODY);
        if (s.revokeFirstToken && key === s.tokens[0]) return answer(403, AUTH_BODY);
        if (NO_BODY.includes(entry.path) || req.method !== 'POST') {
          if (entry.bytes > 0) return answer(415, { status: 'failed', msg: 'Unsupported Media Type: no request body expected' });
        } else if (entry.parser && !entry.json && (!multipart || entry.fileName === null)) {
          return answer(400, { status: 'failed', msg: 'No PDF file provided' });
        }
        const status = st.status ?? 200;
        const kind = entry.path.endsWith('/verify') ? 'verify' : forward ? `${req.method} ${entry.path.replace(/\/inbound-email\/[^/]+/, '/inbound-email/{id}')}` : entry.path;
        const ok = entry.parser ? PARSE_BODY : DEFAULT_BODIES[kind];
        let body = st.body ?? (status === 200 ? ok : { status: 'failed', msg: `HTTP ${status}` });
        // An OAuth URL may name the request's `{state}` and `{redirect_uri}`, as a provider's does.
        if (typeof body?.oauth_url === 'string') {
          const fillIn = (k) => encodeURIComponent(String(entry.json?.[k] ?? ''));
          body = { ...body, oauth_url: body.oauth_url.replace('{state}', fillIn('state')).replace('{redirect_uri}', fillIn('redirect_uri')) };
        }
        answer(status, body, st.headers);
      });
    });
  }

  // ---- pages with their own headers ---------------------------------------------------------
  function page(name, url, res) {
    const s = sessions.get(url.searchParams.get('session') ?? '');
    if (name === 'csp') {
      const connect = s ? `'self' http://127.0.0.1:${apiPort}` : "'self'";
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; connect-src ${connect}; require-trusted-types-for 'script'`,
      });
      const script = url.searchParams.has('classic')
        ? `<script src="/dist/cdn/cas-upload.iife.js"></script>`
        : `<script type="module" src="/dist/cdn/cas-${['connect', 'forward'].find((f) => url.searchParams.has(f)) ?? 'upload'}.js"></script>`;
      return res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP</title>` +
          `<script src="/fault/probe.js"></script>${script}</head><body></body></html>`,
      );
    }
    if (name === 'double') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Double registration</title>` +
          `<script src="/fault/probe.js"></script>` +
          `<script type="module" src="/dist/cdn/cas-upload.js?first"></script>` +
          `<script type="module" src="/dist/cdn/cas-upload.js?second"></script>` +
          `<script src="/dist/cdn/cas-upload.iife.js"></script>` +
          `<script src="/dist/cdn/cas-upload.iife.js?again"></script></head><body></body></html>`,
      );
    }
    if (name === 'coop-consent') {
      // A provider's consent page that sends Cross-Origin-Opener-Policy: the popup it opens in
      // loses its link to the page that opened it. It answers Allow at once: back to
      // `redirect_uri` with `inbox_token` (`token`) and `state`.
      const back = new URL(url.searchParams.get('redirect_uri') ?? '/', 'http://localhost');
      back.searchParams.set('inbox_token', url.searchParams.get('token') ?? '');
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      const href = back.href.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cross-origin-opener-policy': 'same-origin' });
      return res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Consent</title>` +
          `<meta http-equiv="refresh" content="0;url=${href}"></head><body></body></html>`,
      );
    }
    send(res, 404, { error: 'no such page' });
  }

  /** Records CSP violations, uncaught errors, unhandled rejections and console errors and warnings of a page, first thing. */
  const PROBE = `window.__probe = { violations: [], errors: [], console: [] };
['error', 'warn'].forEach(function (level) {
  var original = console[level];
  console[level] = function () {
    window.__probe.console.push(level + ': ' + Array.prototype.join.call(arguments, ' '));
    return original.apply(console, arguments);
  };
});
document.addEventListener('securitypolicyviolation', function (e) {
  window.__probe.violations.push(e.violatedDirective + ' ' + e.blockedURI);
});
window.addEventListener('error', function (e) { window.__probe.errors.push(String(e.message)); });
window.addEventListener('unhandledrejection', function (e) { window.__probe.errors.push('unhandled: ' + String(e.reason)); });
`;

  async function readJson(req) {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? JSON.parse(text) : {};
  }

  /** Koa middleware for web-test-runner's dev server: the page-origin half. */
  async function middleware(ctx, next) {
    const url = new URL(ctx.url, 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'fault') return next();
    ctx.respond = false;
    ctx.status = 200; // answered below, directly on the Node response
    const { req, res } = ctx;
    try {
      if (parts[1] === 'session' && !parts[2] && req.method === 'POST') {
        const s = newSession(await readJson(req));
        return send(res, 200, {
          id: s.id,
          tokenUrl: `/fault/token/${s.id}`,
          apiBase: `http://127.0.0.1:${apiPort}/s/${s.id}`,
          // The same API on the page's own site (cookies of the page's host would go with credentials).
          sameSiteApiBase: `http://localhost:${apiPort}/s/${s.id}`,
          apiOrigin: `http://127.0.0.1:${apiPort}`,
          refusedUrl: `http://127.0.0.1:${refusedPort}/token`,
        });
      }
      const s = sessions.get(parts[2] ?? '');
      if (parts[1] === 'session' && s && req.method === 'GET') return send(res, 200, stats(s));
      if (parts[1] === 'session' && s && req.method === 'DELETE') {
        closeSession(s);
        return send(res, 200, { ok: true });
      }
      if (parts[1] === 'token' && s) return tokenEndpoint(s, req, res);
      if (parts[1] === 'page') return page(parts[2], url, res);
      if (parts[1] === 'probe.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        return res.end(PROBE);
      }
      send(res, 404, { error: 'unknown fault route or session' });
    } catch (err) {
      send(res, 500, { error: String(err) });
    }
  }

  /** web-test-runner plugin: starts the fake API with the dev server and stops it after. */
  const plugin = {
    name: 'fault-servers',
    async serverStart() {
      // A port that was free a moment ago and has nothing listening: "connection refused".
      const probe = http.createServer();
      await new Promise((r) => probe.listen(0, '127.0.0.1', r));
      refusedPort = probe.address().port;
      await new Promise((r) => probe.close(r));

      apiServer = http.createServer(api);
      await new Promise((r) => apiServer.listen(0, '127.0.0.1', r));
      apiPort = apiServer.address().port;
    },
    async serverStop() {
      for (const s of [...sessions.values()]) closeSession(s);
      if (apiServer) {
        apiServer.closeAllConnections?.();
        await new Promise((r) => apiServer.close(() => r()));
      }
    },
  };

  return { middleware, plugin };
}

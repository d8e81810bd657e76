#!/usr/bin/env node
// What a 9 MiB upload costs when it meets an exhausted quota: the requests and bytes the
// client sends (to the host's token endpoint and to the API) and the requests the token
// helper sends to the API. Everything runs here on 127.0.0.1: a fake CAS Parser API that
// answers the parse with the 403 it gives both an expired token and an exhausted quota, and
// `POST /v1/credits` with `remaining: 0`; the token helper (`cas-upload/server`, memory store)
// behind `toNodeListener`; and the client's request path (`uploadCas` of `cas-upload/core`)
// with a small XMLHttpRequest over Node's fetch.
//
// Run: node --import tsx scripts/quota-exhausted.mjs [--src <a checkout's src/>] [--mib 9]
// (`--src` measures another version, for example `git archive <commit> src | tar -x -C /tmp/v`).
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const QUOTA_MSG = 'Authentication failed: API quota exceeded or invalid API key. Please check your API key or quota limits.';

/** A minimal XMLHttpRequest for `sendParseRequest`: one fetch, no progress events. */
class NodeXhr {
  upload = { onprogress: null, onload: null };
  onload = null;
  onerror = null;
  ontimeout = null;
  onabort = null;
  status = 0;
  responseText = '';
  #headers = {};
  #method = 'GET';
  #url = '';
  #raw = '';
  #stop = new AbortController();
  open(method, url) {
    this.#method = method;
    this.#url = url;
  }
  setRequestHeader(name, value) {
    this.#headers[name] = value;
  }
  getAllResponseHeaders() {
    return this.#raw;
  }
  abort() {
    this.#stop.abort();
  }
  send(body) {
    fetch(this.#url, { method: this.#method, headers: this.#headers, body, signal: this.#stop.signal }).then(
      async (res) => {
        this.status = res.status;
        this.responseText = await res.text();
        this.#raw = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\r\n');
        this.upload.onload?.();
        this.onload?.();
      },
      () => (this.#stop.signal.aborted ? this.onabort?.() : this.onerror?.()),
    );
  }
}

function listen(server) {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${server.address().port}`)));
}

/**
 * One upload of `mib` MiB against an exhausted quota, with the sources in `src` (default this
 * checkout's src/). Resolves with what each side sent, and how the upload ended.
 */
export async function measureQuotaExhausted({ src = new URL('../src/', import.meta.url).pathname, mib = 9 } = {}) {
  const { createTokenHandler, toNodeListener } = await import(pathToFileURL(resolve(src, 'server/index.ts')).href);
  const { uploadCas } = await import(pathToFileURL(resolve(src, 'core/upload.ts')).href);
  const { TokenCache } = await import(pathToFileURL(resolve(src, 'core/token-cache.ts')).href);

  const seen = { tokenEndpoint: 0, tokenEndpointBytes: 0, parse: 0, parseBytes: 0, mints: 0, credits: 0 };
  let minted = 0;
  const api = http.createServer(async (req, res) => {
    let bytes = 0;
    for await (const chunk of req) bytes += chunk.length;
    const cors = { 'access-control-allow-origin': '*', 'content-type': 'application/json' };
    if (req.url === '/v1/token') {
      seen.mints++;
      res.writeHead(200, cors);
      return void res.end(JSON.stringify({ access_token: `at_${++minted}`, token_type: 'api_key', expires_in: 3600 }));
    }
    if (req.url === '/v1/credits') {
      seen.credits++;
      res.writeHead(200, cors);
      const body = { used: 10, remaining: 0, limit: 10, is_unlimited: false, resets_at: '2027-01-01T00:00:00Z', enabled_features: [] };
      return void res.end(JSON.stringify(body));
    }
    seen.parse++;
    seen.parseBytes += bytes;
    res.writeHead(403, cors);
    res.end(JSON.stringify({ status: 'failed', msg: QUOTA_MSG }));
  });
  const apiBase = await listen(api);
  const listener = toNodeListener(createTokenHandler({ apiKey: 'sk_live_measure', apiBase, rateLimit: false, onError: () => {} }));
  const host = http.createServer((req, res) => {
    seen.tokenEndpoint++;
    seen.tokenEndpointBytes += Buffer.byteLength(`${req.method} ${req.url}`) + Object.entries(req.headers).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 0);
    listener(req, res);
  });
  const tokenUrl = `${await listen(host)}/api/casparser/token`;

  const size = Math.round(mib * 1024 * 1024);
  const file = new Blob([new TextEncoder().encode('%PDF-1.7\n'), new Uint8Array(size - 9)], { type: 'application/pdf' });
  let outcome;
  try {
    await uploadCas({
      file,
      fileName: 'cas.pdf',
      password: '',
      token: { url: tokenUrl },
      apiBase,
      tokenCache: new TokenCache(),
      retryDelay: 0,
      createXhr: () => new NodeXhr(),
    });
    outcome = { code: null };
  } catch (e) {
    outcome = { code: e.code, status: e.status ?? null };
  } finally {
    host.closeAllConnections();
    api.closeAllConnections();
    await Promise.all([new Promise((r) => host.close(r)), new Promise((r) => api.close(r))]);
  }
  return { fileBytes: size, ...seen, ...outcome };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const r = await measureQuotaExhausted({ src: arg('--src') ? resolve(arg('--src')) : undefined, mib: Number(arg('--mib') ?? 9) });
  const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
  console.log(`A ${mb(r.fileBytes)} upload against an exhausted quota ends in ${r.code}${r.status ? ` (HTTP ${r.status})` : ''}:`);
  console.log(`  client → token endpoint: ${r.tokenEndpoint} requests (${r.tokenEndpointBytes} bytes of request line and headers)`);
  console.log(`  client → API: ${r.parse} parse requests, ${r.parseBytes} bytes (${mb(r.parseBytes)})`);
  console.log(`  token helper → API: ${r.mints} POST /v1/token, ${r.credits} POST /v1/credits`);
}

/// <reference types="node" />
// Helpers of the end-to-end tests: the Chromium to drive, free ports, child servers that are
// always stopped, and a fake CAS Parser API on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

export { findChromium, chromiumArgs } from '../../scripts/chromium.mjs';

/** A port that was free a moment ago on 127.0.0.1 (for servers that need a fixed `--port`). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A child process started by a test, with what it printed. */
export interface Child {
  process: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `re` in the output (stdout and stderr). */
  waitFor: (re: RegExp, ms?: number) => Promise<RegExpMatchArray>;
  /** Stops the process (SIGTERM, then SIGKILL after 3 s) and waits for it to exit. */
  stop: () => Promise<void>;
}

/** Starts `node <args>` in the repository root. */
export function startNode(args: string[], env: Record<string, string | undefined> = {}): Child {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    output: () => out,
    waitFor(re, ms = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(re);
          if (m) {
            cleanup();
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`Timed out waiting for ${re} in:\n${out}`));
        }, ms);
        const onExit = () => {
          cleanup();
          reject(new Error(`The process exited (code ${child.exitCode}) before printing ${re}:\n${out}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', onExit);
        };
        listeners.add(check);
        child.once('exit', onExit);
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** One request the fake API received. */
export interface FakeApiRequest {
  method: string;
  path: string;
  apiKey: string | undefined;
  contentType: string | undefined;
  body: string;
}

/**
 * A fake CAS Parser API on 127.0.0.1: `POST /v1/token` mints `at_fake_<n>`, `POST
 * /v4/:parser/parse` answers `parseBody` (only to a token it minted, and with
 * `rejectFirstToken` never to `at_fake_1`, as after a key rotation), and preflights are
 * answered as a browser needs them. Every request is recorded.
 */
export async function fakeApi(parseBody: string, { rejectFirstToken = false } = {}) {
  const requests: FakeApiRequest[] = [];
  const minted = new Set<string>();
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'X-Request-ID, Retry-After',
  };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const apiKey = req.headers['x-api-key'] as string | undefined;
    requests.push({
      method: req.method ?? '',
      path,
      apiKey,
      contentType: req.headers['content-type'],
      body: Buffer.concat(chunks).toString('latin1'),
    });
    const id = `req_fake${requests.length}`;
    const json = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': id, ...cors });
      res.end(body);
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': 'x-api-key, accept, content-type',
      });
      return res.end();
    }
    if (req.method === 'POST' && path === '/v1/token') {
      if (!apiKey) return json(401, '{"status":"failed","msg":"Authentication failed: API key is missing."}');
      const token = `at_fake_${minted.size + 1}`;
      minted.add(token);
      return json(200, JSON.stringify({ access_token: token, token_type: 'api_key', expires_in: 900 }));
    }
    if (req.method === 'POST' && /^\/v4\/[a-z_]+\/parse$/.test(path)) {
      if (!apiKey || !minted.has(apiKey) || (rejectFirstToken && apiKey === 'at_fake_1')) return json(403, '{"status":"failed","msg":"Authentication failed: invalid API key."}');
      return json(200, parseBody);
    }
    json(404, '{"detail":"Not Found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

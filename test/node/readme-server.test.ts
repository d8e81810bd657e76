/// <reference types="node" />
// The Express backend of README.md and docs/backend.md as a new user runs it: a project made
// with `npm init -y` (CommonJS by default), the packages of the docs' `npm install` line, the
// file saved under the name the docs give it, and `node <that name>`. No registry at test time:
// express is linked from this checkout's node_modules and cas-upload is the tarball of
// `npm pack` (dist/ and package.json as npm ships them; `npm test` builds dist/ first),
// unpacked into node_modules. The CAS Parser API is a fake on 127.0.0.1. Also: the Node.js
// version that README.md states is package.json's `engines`, and every page says the same one.
// Run: npm run build && node --import tsx --test test/node/readme-server.test.ts
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const KEY = 'sk_live_README_SERVER_SECRET_7c41e9';
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** The fenced blocks of `markdown` with their language. */
const blocks = (markdown: string) =>
  [...markdown.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, code: m[2]! }));

/**
 * The one Express backend of `file` (a `js` block importing `express` and `cas-upload/server`),
 * and the file name it gives it on its first line (`// server.mjs: …`). Without a name a reader
 * saves it as `server.js`.
 */
function expressBackend(file: string) {
  const found = blocks(read(file)).filter(
    ({ lang, code }) => lang === 'js' && /from 'express'/.test(code) && /from 'cas-upload\/server'/.test(code),
  );
  assert.equal(found.length, 1, `${file} has one Express backend`);
  const code = found[0]!.code;
  return { code, name: /^\/\/ ([\w.-]+\.[cm]?js)\b/.exec(code)?.[1] ?? 'server.js' };
}

/** The packages a snippet imports (bare specifiers, without `node:` built-ins). */
const importedPackages = (code: string) =>
  [...code.matchAll(/^import [^'"]*'([^'"]+)'/gm)]
    .map((m) => m[1]!)
    .filter((s) => !s.startsWith('node:') && !s.startsWith('.'))
    .map((s) =>
      s
        .split('/')
        .slice(0, s.startsWith('@') ? 2 : 1)
        .join('/'),
    );

/**
 * Loaded with `--import` before the backend (a test's seam, not part of the docs' command):
 * `https://api.casparser.in` is the fake API and nothing else leaves the machine; `listen(3000)`
 * takes a free port on 127.0.0.1 and prints it.
 */
const PRELOAD = `
import net from 'node:net';
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input).replace('https://api.casparser.in', process.env.FAKE_API);
  if (!url.startsWith(process.env.FAKE_API)) throw new Error('the test allows no network: ' + url);
  return realFetch(url, init);
};
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (args[0] !== 3000) return listen.apply(this, args);
  this.once('listening', () => console.log('listening on http://127.0.0.1:' + this.address().port));
  return listen.call(this, 0, '127.0.0.1', ...args.slice(1).filter((a) => typeof a === 'function'));
};
`;

let dir = '';
let project = '';
let preload = '';

before(() => {
  assert.ok(existsSync(join(root, 'dist/server.js')), 'dist/ is missing: run `npm run build` first');
  dir = mkdtempSync(join(tmpdir(), 'cas-upload-init-'));
  project = join(dir, 'my-site');
  mkdirSync(project);
  const npmEnv = {
    ...process.env,
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  execFileSync('npm', ['init', '-y'], { cwd: project, env: npmEnv, encoding: 'utf8' });
  // As `npm install express cas-upload` would leave them, from what is here already.
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(realpathSync(join(root, 'node_modules/express')), join(project, 'node_modules/express'), 'dir');
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    cwd: root,
    env: npmEnv,
    encoding: 'utf8',
  });
  const tarball = join(dir, (JSON.parse(packed) as { filename: string }[])[0]!.filename);
  mkdirSync(join(project, 'node_modules/cas-upload'));
  execFileSync('tar', ['-xzf', tarball, '-C', join(project, 'node_modules/cas-upload'), '--strip-components=1']);
  preload = join(dir, 'preload.mjs');
  writeFileSync(preload, PRELOAD);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** A fake `POST /v1/token` on 127.0.0.1 that records the keys it was sent. */
async function fakeApi(t: { after(fn: () => unknown): void }) {
  const keys: (string | undefined)[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    if (req.method === 'POST' && req.url === '/v1/token') {
      keys.push(req.headers['x-api-key'] as string | undefined);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: `at_fake_${keys.length}`, token_type: 'api_key', expires_in: 900 }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":"failed","msg":"Not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, keys };
}

/**
 * `node <name>` in the project with `env` (nothing of this test runner's own Node options).
 * `ready` resolves with the origin it listens on, or rejects with what it printed when it
 * exits first; `exited` resolves with its exit code and output.
 */
function startBackend(t: { after(fn: () => unknown): void }, name: string, env: Record<string, string>) {
  const inherited = { ...process.env };
  for (const name of ['NODE_OPTIONS', 'NODE_TEST_CONTEXT', 'CASPARSER_API_KEY']) delete inherited[name];
  const child = spawn(process.execPath, ['--import', pathToFileURL(preload).href, name], {
    cwd: project,
    env: { ...inherited, ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) resolve(m[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(({ code }) =>
      reject(new Error(`\`node ${name}\` exited (code ${code}) before it listened:\n${output}`)),
    );
  });
  ready.catch(() => {});
  t.after(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  return { ready, exited, output: () => output };
}

test('README.md and docs/backend.md give the same Express backend, to save as server.mjs, with its install and start commands', () => {
  const readme = expressBackend('README.md');
  const backend = expressBackend('docs/backend.md');
  assert.equal(backend.code, readme.code, "docs/backend.md has the README's Express backend, as it is");
  assert.equal(readme.name, 'server.mjs', 'the block is named server.mjs on its first line');
  for (const file of ['README.md', 'docs/backend.md']) {
    const text = read(file).replace(/\s+/g, ' ');
    assert.match(text, /npm init -y/, `${file} starts from \`npm init -y\``);
    assert.match(text, /npm install express cas-upload\b/, `${file} gives the install command`);
    assert.match(text, /save (it|this)\s+as \*\*`server\.mjs`\*\*/, `${file} says to save it as server.mjs`);
    assert.match(text, /`CASPARSER_API_KEY=[^`]+ node server\.mjs`/, `${file} gives the command that starts it`);
    assert.match(
      text,
      /Cannot use import statement outside a module/,
      `${file} names the error of a .js file in a CommonJS project`,
    );
  }
  const start = blocks(read('README.md')).find(({ lang, code }) => lang === 'sh' && /^npm init -y$/m.test(code));
  assert.ok(start, 'README.md has the commands that make the new project');
  const installed = /^npm install (.+)$/m.exec(start.code)?.[1]!.trim().split(/\s+/) ?? [];
  assert.deepEqual(installed, ['express', 'cas-upload']);
  assert.deepEqual(
    importedPackages(readme.code).sort(),
    [...installed].sort(),
    'the backend imports what the README installs, nothing else',
  );
  const exportsField = (JSON.parse(read('package.json')) as { exports: Record<string, unknown> }).exports;
  assert.ok(exportsField['./server'], 'cas-upload/server is an entry of the package');
});

test(
  "README's Express backend runs as it is in a project made with `npm init -y` and answers its token route",
  { timeout: 20_000 },
  async (t) => {
    const { code, name } = expressBackend('README.md');
    const type = (JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { type?: string }).type;
    assert.notEqual(type, 'module', '`npm init -y` makes a CommonJS project');
    writeFileSync(join(project, name), code);
    const page = blocks(read('README.md')).find(
      ({ lang, code }) => lang === 'html' && code.startsWith('<!-- Your page (public/index.html) -->'),
    );
    assert.ok(page, 'README.md has the page of the backend (public/index.html)');
    mkdirSync(join(project, 'public'), { recursive: true });
    writeFileSync(join(project, 'public/index.html'), page.code);

    const api = await fakeApi(t);
    const backend = startBackend(t, name, { CASPARSER_API_KEY: KEY, FAKE_API: api.origin });
    const origin = await backend.ready;

    const answer = await fetch(`${origin}/api/casparser/token`);
    const text = await answer.text();
    assert.equal(answer.status, 200, text);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    const body = JSON.parse(text) as { access_token: string; expires_in: number };
    assert.equal(body.access_token, 'at_fake_1');
    assert.equal(typeof body.expires_in, 'number');
    assert.deepEqual(api.keys, [KEY], 'one token minted, with the key of the environment');
    assert.ok(!text.includes(KEY), 'the key is not in the answer');

    const html = await (await fetch(`${origin}/`)).text();
    assert.match(html, /<cas-upload token-url="\/api\/casparser\/token">/, 'the page is served from public/');
    const src = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
    assert.ok(src, 'the page loads the element with a script tag');
    const script = await fetch(`${origin}${src}`);
    assert.equal(script.status, 200, `${src} is served from node_modules/cas-upload/dist/cdn`);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    assert.match(await script.text(), /cas-upload/);

    assert.match(backend.output(), /Open http:\/\/localhost:3000/, 'it says where to open the page');
    assert.ok(!backend.output().includes(KEY), 'the key is in no output');
  },
);

test('without CASPARSER_API_KEY the backend stops at once and says what is missing', { timeout: 20_000 }, async (t) => {
  const { code, name } = expressBackend('README.md');
  writeFileSync(join(project, name), code);
  const api = await fakeApi(t);
  const backend = startBackend(t, name, { FAKE_API: api.origin });
  const { code: exitCode, output } = await backend.exited;
  assert.notEqual(exitCode, 0, output);
  assert.match(output, /cas-upload\/server: `apiKey` is required/);
  assert.deepEqual(api.keys, []);
});

test("the Node.js version of README.md is package.json `engines` (Vite's floor), and every page names that one", () => {
  const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
  const floor = /^>=(\d+\.\d+)$/.exec(pkg.engines.node)?.[1];
  assert.ok(floor, `engines.node is ">=major.minor": ${pkg.engines.node}`);
  const stated = [...read('README.md').matchAll(/Node\.js (\d+(?:\.\d+)*) or later/g)].map((m) => m[1]);
  assert.ok(stated.length >= 1, 'README.md states the Node.js version it needs');
  for (const version of stated) assert.equal(version, floor, 'README.md states the version of engines');
  const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node: string } }> };
  assert.equal(lock.packages['']!.engines?.node, pkg.engines.node, 'package-lock.json has the same engines');
  const vite = JSON.parse(read('node_modules/vite/package.json')) as { engines: { node: string } };
  assert.ok(
    vite.engines.node.split('||').some((range) => range.trim() === `^${floor}.0`),
    `Vite supports ${floor} (${vite.engines.node})`,
  );
  const pages = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
    'src/server/index.ts',
  ];
  for (const page of pages) {
    for (const m of read(page).matchAll(/\bNode(?:\.js)? (\d+(?:\.\d+)*)/g))
      assert.equal(m[1], floor, `${page} names Node ${m[1]}, engines says ${floor}`);
  }
});

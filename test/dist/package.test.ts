/// <reference types="node" />
// The published package: `npm pack` holds only what users need, every `exports` target is in
// it, the registering modules are the ones marked as having side effects, and the script-tag
// files carry no surprise. Needs `npm run build` first.
// Run: node --import tsx --test test/dist/package.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  name: string;
  version: string;
  type: string;
  types: string;
  main: string;
  customElements: string;
  files: string[];
  sideEffects: string[];
  dependencies: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
};

const packed: string[] = (() => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
})();

test('npm pack holds only the built files, the manifest, the README and package.json', () => {
  const allowed = /^(package\.json|README\.md|LICENSE|custom-elements\.json|dist\/(cdn\/(cas-upload|cas-connect|cas-inbox-callback)[.\w-]*\.js|cdn\/chunks\/[\w.-]+\.js|chunks\/[\w.-]+\.js|[\w-]+\.js|types\/.+\.d\.ts))$/;
  assert.deepEqual(
    packed.filter((path) => !allowed.test(path)),
    [],
    'unexpected files in the tarball',
  );
  for (const path of packed) {
    assert.doesNotMatch(path, /(^|\/)(src|test|demo|bench|scripts|node_modules)\//, path);
    assert.doesNotMatch(path, /\.(map|ts\.map|tsbuildinfo|tgz)$/, path);
  }
});

test('npm pack holds every entry of contract section 1, with its types', () => {
  const expected = [
    'package.json',
    'README.md',
    'custom-elements.json',
    'dist/cdn/cas-upload.js',
    'dist/cdn/cas-upload.iife.js',
    'dist/cdn/cas-upload.hi.js',
    'dist/index.js',
    'dist/element.js',
    'dist/core.js',
    'dist/react.js',
    'dist/server.js',
    'dist/types/index.d.ts',
    'dist/types/element.d.ts',
    'dist/types/core/index.d.ts',
    'dist/types/react.d.ts',
    'dist/types/server/index.d.ts',
    'dist/cdn/cas-connect.js',
    'dist/cdsl-fetch.js',
    'dist/types/cdsl-fetch/index.d.ts',
    'dist/mailback.js',
    'dist/inbox.js',
    'dist/connect.js',
    'dist/inbox-callback.js',
    'dist/types/connect/index.d.ts',
    'dist/cdn/cas-connect.iife.js',
    'dist/cdn/cas-inbox-callback.js',
  ];
  assert.deepEqual(
    expected.filter((path) => !packed.includes(path)),
    [],
  );
});

test('dist/cdn holds the two script-tag files, each one file, and Hindi beside them; cas-connect.js and its chunks', () => {
  assert.deepEqual(readdirSync(`${root}dist/cdn`).sort(), [
    'cas-connect.iife.js',
    'cas-connect.js',
    'cas-inbox-callback.js',
    'cas-upload.hi.js',
    'cas-upload.iife.js',
    'cas-upload.js',
    'chunks',
  ]);
  // chunks/: what cas-connect.js shares with the flows (Lit, the base class), the flows, and
  // the languages loaded on demand.
  for (const f of readdirSync(`${root}dist/cdn/chunks`)) assert.match(f, /^(cas-element|flows|hi|flow-messages\.hi)-[\w-]+\.js$/, f);
  assert.ok(packed.includes('dist/cdn/cas-upload.hi.js'));
});

test('every exports target, types, main and customElements are in the tarball', () => {
  const targets = [pkg.main, pkg.types, pkg.customElements];
  for (const target of Object.values(pkg.exports)) {
    if (typeof target === 'string') targets.push(target);
    else targets.push(target.types, target.default);
  }
  for (const target of targets) assert.ok(packed.includes(target.replace(/^\.\//, '')), `${target} is packed`);
  assert.deepEqual(Object.keys(pkg.exports).sort(), [
    '.',
    './cdsl-fetch',
    './connect',
    './core',
    './custom-elements.json',
    './element',
    './inbox',
    './inbox-callback',
    './mailback',
    './package.json',
    './react',
    './server',
  ]);
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'object') assert.deepEqual(Object.keys(target), ['types', 'default'], `${subpath}: types first`);
  }
  assert.equal(pkg.type, 'module');
  assert.ok(pkg.dependencies.lit, 'Lit is a dependency (kept external in the npm build)');
});

test('the files that register <cas-upload> are exactly the ones marked sideEffects', () => {
  // The registration call, as the npm build writes it (Lit external, not minified).
  const registering = ['dist', 'dist/chunks']
    .flatMap((dir) => readdirSync(`${root}${dir}`).filter((f) => f.endsWith('.js')).map((f) => `${dir}/${f}`))
    .filter((path) => /\.define\(["']cas-upload["']\)/.test(readFileSync(`${root}${path}`, 'utf8')));
  assert.ok(registering.length > 0, 'found the registering module');
  for (const path of registering) assert.ok(pkg.sideEffects.includes(`./${path}`), `${path} is in sideEffects`);
  // The entries that import it are marked too, and the side-effect-free ones are not.
  for (const entry of ['./dist/index.js', './dist/react.js']) assert.ok(pkg.sideEffects.includes(entry), entry);
  for (const entry of ['./dist/element.js', './dist/core.js', './dist/server.js']) {
    assert.ok(!pkg.sideEffects.includes(entry), `${entry} has no side effects`);
  }
});

test('the npm entries keep Lit and React external; the script-tag files bundle Lit', () => {
  const chunks = readdirSync(`${root}dist/chunks`).map((f) => `dist/chunks/${f}`);
  // Lit registers its version in these globals: present where Lit is bundled, only there.
  const litItself = /litHtmlVersions|reactiveElementVersions/;
  for (const path of ['dist/index.js', 'dist/element.js', 'dist/core.js', 'dist/react.js', 'dist/server.js', ...chunks]) {
    assert.doesNotMatch(readFileSync(`${root}${path}`, 'utf8'), litItself, `${path} does not bundle Lit`);
  }
  assert.match(readFileSync(`${root}dist/chunks/cas-upload-element.js`, 'utf8'), /from "lit"/);
  const react = readFileSync(`${root}dist/react.js`, 'utf8');
  assert.match(react, /from "react"/);
  assert.match(react, /from "@lit\/react"/);
  assert.doesNotMatch(readFileSync(`${root}dist/core.js`, 'utf8'), /from "lit/);
  for (const path of ['dist/cdn/cas-upload.js', 'dist/cdn/cas-upload.iife.js']) {
    const code = readFileSync(`${root}${path}`, 'utf8');
    assert.match(code, litItself, `${path} bundles Lit`);
    assert.doesNotMatch(code, /\bfrom\s*["']lit/, `${path} imports no bare module`);
    assert.doesNotMatch(code, /\n\s{2,}\S/, `${path} is minified`);
  }
});

test('the README pins the package version in its CDN snippets, each with a sha384 integrity value, Hindi too', () => {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const tags = [...readme.matchAll(/<script\b[^>]*\bsrc="https:\/\/cdn\.jsdelivr\.net\/npm\/[^"]+"[^>]*>/g)].map((m) => m[0]);
  assert.ok(tags.length >= 2, 'a module and a classic snippet');
  for (const tag of tags) {
    assert.match(tag, new RegExp(`cas-upload@${pkg.version.replace(/\./g, '\\.')}/dist/cdn/cas-upload(\\.iife)?\\.js"`), tag);
    assert.match(tag, /integrity="sha384-[A-Za-z0-9+/]{64}"/, `${tag} has a sha384 integrity value`);
    assert.match(tag, /crossorigin="anonymous"/, `${tag} is fetched with CORS, as SRI needs`);
  }
  const version = pkg.version.replace(/\./g, '\\.');
  const pin = new RegExp(`"https://cdn\\.jsdelivr\\.net/npm/cas-upload@${version}/dist/cdn/cas-upload\\.hi\\.js": "sha384-[A-Za-z0-9+/]{64}"`);
  assert.match(readme, pin, 'an import map pins cas-upload.hi.js of this version');
  // The values are those of the files as built (`npm run build && npm run sri -- --write`).
  const sri = (file: string) => `sha384-${createHash('sha384').update(readFileSync(`${root}dist/cdn/${file}`)).digest('base64')}`;
  for (const file of ['cas-upload.js', 'cas-upload.iife.js', 'cas-upload.hi.js']) {
    const url = `https://cdn.jsdelivr.net/npm/cas-upload@${pkg.version}/dist/cdn/${file}`;
    const values = [...readme.matchAll(new RegExp(`${url.replace(/[.?]/g, '\\$&')}"[^>]*?(?:integrity=|: )"(sha384-[^"]+)"`, 'g'))].map((m) => m[1]);
    assert.ok(values.length > 0, `the README pins ${file}`);
    for (const value of values) assert.equal(value, sri(file), `README's integrity of ${file} is that of the built file: run \`npm run sri -- --write\``);
  }
});

test('the README size table is the one `npm run size` measures for this build', () => {
  const table = execFileSync(process.execPath, ['scripts/size.mjs', '--table'], { cwd: root, encoding: 'utf8' }).trim();
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const inReadme = /<!-- size-table:start[^>]*-->\n([\s\S]*?)\n<!-- size-table:end -->/.exec(readme)?.[1];
  assert.equal(inReadme, table, 'README "Size" is out of date: run `npm run build && npm run size -- --write`');
});

test('cas-upload.js and cas-upload.iife.js hold no code of the other flows (contract §10: a page that only uploads pays nothing)', () => {
  for (const file of ['dist/cdn/cas-upload.js', 'dist/cdn/cas-upload.iife.js']) {
    const code = readFileSync(`${root}${file}`, 'utf8');
    for (const word of ['cdsl/fetch', 'cas-cdsl-fetch', 'one-time-code', 'session-expired']) {
      assert.ok(!code.includes(word), `${file} holds "${word}"`);
    }
  }
  assert.ok(readFileSync(`${root}dist/cdn/cas-connect.js`, 'utf8').includes('cas-cdsl-fetch'));
});

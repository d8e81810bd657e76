#!/usr/bin/env node
// `npm run size` (after `npm run build`): prints the min+gzip size (gzip -9) of every npm entry
// and every script-tag file, and exits 1 when a budget is exceeded:
//   dist/cdn/cas-upload.js (Lit included)          ≤ 12 KB
//   cas-upload/element (element + core, no Lit)    ≤ 6 KB
//   cas-upload/core                                ≤ 3 KB
//   dist/cdn/cas-connect.js (Lit included)         ≤ 18 KB
//   cas-upload/cdsl-fetch (no Lit)                 ≤ 9.5 KB
//   cas-connect.js before <cas-connect> renders    ≤ 20 KB (the file and the chunks it imports statically)
//   cas-connect.js and everything behind it        ≤ 28 KB (every chunk it may load, English only)
//   dist/cdn/cas-connect.iife.js                   ≤ 30 KB (every flow in one classic script)
//   cas-upload/mailback, cas-upload/inbox          ≤ 9.5 KB each; cas-upload/connect ≤ 18 KB (no Lit)
//   dist/cdn/cas-inbox-callback.js                 ≤ 0.5 KB
// npm entries are measured as a bundler would ship them: the built file and what it imports
// statically, minified by esbuild, with Lit, @lit/react and React left out. Languages loaded
// on demand (`import()`) are separate files and are not counted in an entry; in the script-tag
// build Hindi is dist/cdn/cas-upload.hi.js, measured on its own row.
// `npm run size -- --analyze` also prints what each source module costs in the element bundle;
// `npm run size -- --report` prints everything and exits 0 even when a budget is exceeded;
// `npm run size -- --write` also puts the table into README.md (between the size-table markers),
// and `--table` prints only that table (test/dist compares it with the README).
import { build } from 'esbuild';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / KB).toFixed(2)} KB`;

/** Leaves `import()`ed chunks (extra languages) out, as the browser loads them only when used. */
const lazyChunksApart = {
  name: 'lazy-chunks-apart',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

async function minified(entry, { metafile = false } = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile,
    logLevel: 'silent',
    external: ['lit', 'lit/*', '@lit/*', '@lit-labs/*', 'react', 'react/*', 'node:*'],
    plugins: [lazyChunksApart],
  });
  return { code: result.outputFiles[0].contents, metafile: result.metafile };
}

if (!existsSync('dist/cdn/cas-upload.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const rows = [];
const entries = [
  ['cas-upload', 'dist/index.js'],
  ['cas-upload/element', 'dist/element.js'],
  ['cas-upload/core', 'dist/core.js'],
  ['cas-upload/react', 'dist/react.js'],
  ['cas-upload/server', 'dist/server.js'],
  ['cas-upload/cdsl-fetch', 'dist/cdsl-fetch.js'],
  ['cas-upload/mailback', 'dist/mailback.js'],
  ['cas-upload/inbox', 'dist/inbox.js'],
  ['cas-upload/connect', 'dist/connect.js'],
];
for (const [name, file] of entries) {
  const { code } = await minified(file);
  rows.push({ name, what: 'ESM, min, no Lit/React', min: code.length, gzip: gz(code) });
}
for (const [file, what] of [
  ['dist/cdn/cas-upload.js', 'script-tag module, Lit and English included'],
  ['dist/cdn/cas-upload.iife.js', 'classic script, Lit and English included'],
  ['dist/cdn/cas-upload.hi.js', 'Hindi, loaded by either from beside it on demand'],
  ['dist/cdn/cas-connect.js', 'script-tag module: <cas-connect> (the flows are chunks beside it)'],
  ['dist/cdn/cas-connect.iife.js', 'classic script of every flow, Lit and English included'],
  ['dist/cdn/cas-inbox-callback.js', 'the OAuth return page script'],
]) {
  const code = readFileSync(file);
  rows.push({ name: file, what, min: code.length, gzip: gz(code) });
}

/**
 * The files a page downloads for `file`: it and the chunks it imports statically, and with
 * `lazy` also every chunk it may `import()` (but the languages other than English), each
 * gzipped on its own as a browser fetches it.
 */
function graph(file, lazy, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  const statics = [...code.matchAll(/(?:from|import)\s*["`](\.\.?\/[^"`]+)["`]/g)].map((m) => m[1]);
  const dynamics = lazy ? [...code.matchAll(/import\(\s*["`](\.\.?\/[^"`]+)["`]\s*\)/g)].map((m) => m[1]) : [];
  for (const rel of [...statics, ...dynamics]) {
    const target = new URL(rel, `file:///${dir}`).pathname.slice(1);
    if (!/(^|\/)(flow-messages\.)?hi-[\w-]+\.js$/.test(target)) graph(target, lazy, seen);
  }
  return seen;
}
for (const [lazy, name, what] of [
  [false, 'cas-connect.js first render', 'cas-connect.js and the chunks it imports: what a page loads before <cas-connect> renders'],
  [true, 'cas-connect.js in all', 'cas-connect.js and every chunk behind it (English; each file gzipped alone)'],
]) {
  const files = [...graph('dist/cdn/cas-connect.js', lazy)];
  const min = files.reduce((n, f) => n + readFileSync(f).length, 0);
  rows.push({ name, what: `${what}: ${files.length} files`, min, gzip: files.reduce((n, f) => n + gz(readFileSync(f)), 0) });
}

const size = (name) => rows.find((r) => r.name === name).gzip;
const budgets = [
  ['dist/cdn/cas-upload.js (Lit included)', 'dist/cdn/cas-upload.js', 12 * KB],
  ['element + core, ESM without Lit', 'cas-upload/element', 6 * KB],
  ['core alone', 'cas-upload/core', 3 * KB],
  ['cas-connect.js before <cas-connect> first renders', 'cas-connect.js first render', 20 * KB],
  ['cas-connect.js and everything behind it', 'cas-connect.js in all', 28 * KB],
  ['dist/cdn/cas-connect.iife.js (every flow, Lit included)', 'dist/cdn/cas-connect.iife.js', 30 * KB],
  ['<cas-cdsl-fetch> + core, ESM without Lit', 'cas-upload/cdsl-fetch', 9.5 * KB],
  ['<cas-mailback> + core, ESM without Lit', 'cas-upload/mailback', 9.5 * KB],
  ['<cas-inbox> + core, ESM without Lit', 'cas-upload/inbox', 9.5 * KB],
  ['all five elements + core, ESM without Lit', 'cas-upload/connect', 18 * KB],
  ['dist/cdn/cas-inbox-callback.js', 'dist/cdn/cas-inbox-callback.js', 0.5 * KB],
].map(([label, name, limit]) => ({ label, name, actual: size(name), limit }));

/** The README's size table (README "Size"). */
function readmeTable() {
  const label = {
    'dist/cdn/cas-upload.js': '`dist/cdn/cas-upload.js` (Lit and English)',
    'dist/cdn/cas-upload.iife.js': '`dist/cdn/cas-upload.iife.js` (Lit and English)',
    'dist/cdn/cas-upload.hi.js': '`dist/cdn/cas-upload.hi.js` (Hindi, loaded on demand)',
    'cas-upload/element': '`cas-upload/element` (element + core, no Lit)',
    'cas-upload/core': '`cas-upload/core`',
    'cas-upload': '`cas-upload`',
    'cas-upload/react': '`cas-upload/react` (no React, no Lit)',
    'cas-upload/server': '`cas-upload/server` (server only)',
    'cas-connect.js first render': '`dist/cdn/cas-connect.js` before `<cas-connect>` renders (Lit, English)',
    'cas-connect.js in all': '`dist/cdn/cas-connect.js` and every flow chunk behind it',
    'dist/cdn/cas-connect.iife.js': '`dist/cdn/cas-connect.iife.js` (every flow, Lit, English)',
    'dist/cdn/cas-inbox-callback.js': '`dist/cdn/cas-inbox-callback.js`',
    'cas-upload/cdsl-fetch': '`cas-upload/cdsl-fetch` (no Lit)',
    'cas-upload/mailback': '`cas-upload/mailback` (no Lit)',
    'cas-upload/inbox': '`cas-upload/inbox` (no Lit)',
    'cas-upload/connect': '`cas-upload/connect` (all five elements, no Lit)',
  };
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  const lines = [`| file (version ${version}) | min+gzip | budget |`, '| --- | ---: | ---: |'];
  for (const name of Object.keys(label)) {
    const budget = budgets.find((b) => b.name === name);
    const verdict = budget ? `${budget.limit / KB} KB: ${budget.actual <= budget.limit ? 'met' : '**over**'}` : '';
    lines.push(`| ${label[name]} | ${kb(size(name))} | ${verdict} |`);
  }
  return lines.join('\n');
}

if (process.argv.includes('--table')) {
  console.log(readmeTable());
  process.exit(0);
}

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'file'.padEnd(width)}  ${'min'.padStart(9)}  ${'min+gzip'.padStart(9)}  what`);
for (const r of rows) {
  console.log(`${r.name.padEnd(width)}  ${kb(r.min).padStart(9)}  ${kb(r.gzip).padStart(9)}  ${r.what}`);
}

console.log('\nbudget (min+gzip -9)');
let over = 0;
for (const { label, actual, limit } of budgets) {
  const ok = actual <= limit;
  if (!ok) over++;
  console.log(`${ok ? 'ok  ' : 'OVER'}  ${label}: ${actual} B of ${limit} B (${kb(actual)} of ${kb(limit)})`);
}

if (process.argv.includes('--write')) {
  const readme = readFileSync('README.md', 'utf8');
  const marked = /(<!-- size-table:start[^>]*-->\n)[\s\S]*?(\n<!-- size-table:end -->)/;
  if (!marked.test(readme)) throw new Error('README.md has no size-table markers');
  writeFileSync('README.md', readme.replace(marked, (_, start, end) => `${start}${readmeTable()}${end}`));
  console.log('\nREADME.md: size table updated.');
}

if (process.argv.includes('--analyze')) {
  // What each source module costs: its minified bytes in the element + core bundle.
  const { code, metafile } = await minified('src/element.ts', { metafile: true });
  const inputs = Object.values(metafile.outputs)[0].inputs;
  const total = gz(code);
  console.log(`\nelement + core from src/, min+gzip ${total} B; per module (minified bytes in the bundle):`);
  for (const [path, { bytesInOutput }] of Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)) {
    if (bytesInOutput) console.log(`  ${String(bytesInOutput).padStart(6)} B  ${path}`);
  }
}

if (over) {
  console.error(`\n${over} size budget(s) exceeded.`);
  // `--report`: the same figures, without failing (CI prints them; see .ci/run).
  if (!process.argv.includes('--report')) process.exit(1);
}

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
import { dirname, join } from 'node:path';

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
  exports: Record<string, string | { types: string; default?: string }>;
  'web-types': string;
};

const packed: string[] = (() => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
})();

test('npm pack holds only the built files, the manifest, README, LICENSE, CHANGELOG and package.json', () => {
  const allowed = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|custom-elements\.json|dist\/(cdn\/(cas-upload|cas-connect|cas-portfolio|cas-forward|cas-inbox-callback)[.\w-]*\.js(\.map)?|cdn\/chunks\/[\w.-]+\.js(\.map)?|chunks\/[\w.-]+\.js|[\w-]+\.js|types\/.+\.d\.ts|editors\/[\w.-]+\.(d\.ts|json)))$/;
  assert.deepEqual(
    packed.filter((path) => !allowed.test(path)),
    [],
    'unexpected files in the tarball',
  );
  for (const path of packed) {
    assert.doesNotMatch(path, /(^|\/)(src|test|demo|bench|scripts|node_modules)\//, path);
    // Source maps only for the minified script-tag files (the npm build is not minified).
    if (!path.startsWith('dist/cdn/')) assert.doesNotMatch(path, /\.(map|ts\.map|tsbuildinfo|tgz)$/, path);
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
    'dist/cdn/cas-portfolio.js',
    'dist/cdn/cas-portfolio.iife.js',
    'dist/cdn/cas-portfolio.hi.js',
    'dist/index.js',
    'dist/element.js',
    'dist/core.js',
    'dist/react.js',
    'dist/server.js',
    'dist/server-redis.js',
    'dist/portfolio.js',
    'dist/types/entries/index.d.ts',
    'dist/types/entries/element.d.ts',
    'dist/types/entries/core.d.ts',
    'dist/types/entries/react.d.ts',
    'dist/types/entries/server.d.ts',
    'dist/types/entries/server-redis.d.ts',
    'dist/cdn/cas-connect.js',
    'dist/cdsl-fetch.js',
    'dist/types/entries/cdsl-fetch.d.ts',
    'dist/types/entries/portfolio.d.ts',
    'dist/mailback.js',
    'dist/inbox.js',
    'dist/connect.js',
    'dist/inbox-callback.js',
    'dist/forward.js',
    'dist/types/entries/forward.d.ts',
    'dist/types/entries/connect.d.ts',
    'dist/cdn/cas-connect.iife.js',
    'dist/cdn/cas-inbox-callback.js',
    'dist/cdn/cas-forward.js',
  ];
  assert.deepEqual(
    expected.filter((path) => !packed.includes(path)),
    [],
  );
});

test('dist/cdn holds the script-tag files, each with its source map, Hindi, the success summary and the password check beside them, those of the portfolio, cas-forward.js, and the chunks of cas-connect.js and cas-forward.js', () => {
  const files = [
    'cas-connect.iife.js',
    'cas-connect.js',
    'cas-forward.js',
    'cas-inbox-callback.js',
    'cas-portfolio.hi.js',
    'cas-portfolio.iife.js',
    'cas-portfolio.js',
    'cas-upload.hi.js',
    'cas-upload.iife.js',
    'cas-upload.js',
    'cas-upload.password.js',
    'cas-upload.summary.js',
  ];
  assert.deepEqual(readdirSync(`${root}dist/cdn`).sort(), [...files.flatMap((f) => [f, `${f}.map`]), 'chunks'].sort());
  // chunks/: the flows, the two copies of <cas-portfolio> that cas-portfolio.js chooses from, and
  // what loads on first use (languages, the success summary).
  for (const f of readdirSync(`${root}dist/cdn/chunks`)) {
    assert.match(f, /^((flows|hi|flow-messages\.hi|summary)-[\w-]+|portfolio-alone|portfolio-on-connect)\.js(\.map)?$/, f);
  }
  for (const file of files) {
    assert.ok(packed.includes(`dist/cdn/${file}`) && packed.includes(`dist/cdn/${file}.map`), `${file} and its map are packed`);
    assert.ok(readFileSync(`${root}dist/cdn/${file}`, 'utf8').endsWith(`\n//# sourceMappingURL=${file}.map`), `${file} names its map`);
    const map = JSON.parse(readFileSync(`${root}dist/cdn/${file}.map`, 'utf8')) as { sources: string[]; sourcesContent?: string[] };
    assert.equal(map.sourcesContent?.length, map.sources.length, `${file}.map carries its sources`);
  }
  // The first render's file leaves the summary's list to the file loaded when an upload starts.
  assert.ok(!readFileSync(`${root}dist/cdn/cas-upload.js`, 'utf8').includes('summary-list'));
  assert.ok(readFileSync(`${root}dist/cdn/cas-upload.summary.js`, 'utf8').includes('summary-list'));
  // The password check is in its own file, loaded when a file is chosen: in no script-tag
  // file's first load, nor in cas-connect's chunks (which load it from beside the script too).
  const check = 'startxref';
  assert.ok(readFileSync(`${root}dist/cdn/cas-upload.password.js`, 'utf8').includes(check));
  for (const f of [...readdirSync(`${root}dist/cdn`), ...readdirSync(`${root}dist/cdn/chunks`).map((c) => `chunks/${c}`)]) {
    if (f.endsWith('.js') && f !== 'cas-upload.password.js') assert.ok(!readFileSync(`${root}dist/cdn/${f}`, 'utf8').includes(check), `${f} leaves the password check to its file`);
  }
  assert.ok(readFileSync(`${root}dist/cdn/cas-upload.js`, 'utf8').includes('cas-upload.password.js'));
});

test('every exports target, types, main and customElements are in the tarball', () => {
  const targets = [pkg.main, pkg.types, pkg.customElements];
  for (const target of Object.values(pkg.exports)) {
    if (typeof target === 'string') targets.push(target);
    else targets.push(...Object.values(target));
  }
  for (const target of targets) {
    const path = target.replace(/^\.\//, '');
    // A subpath pattern (`./cdn/*`) must match packed files; any other target is one.
    const found = path.includes('*')
      ? packed.some((p) => new RegExp(`^${path.replace(/[.]/g, '\\.').replace('*', '.+')}$`).test(p))
      : packed.includes(path);
    assert.ok(found, `${target} is packed`);
  }
  assert.deepEqual(Object.keys(pkg.exports).sort(), [
    '.',
    './cdn/*',
    './cdsl-fetch',
    './connect',
    './core',
    './custom-elements.json',
    './dist/cdn/*',
    './element',
    './forward',
    './inbox',
    './inbox-callback',
    './jsx',
    './mailback',
    './package.json',
    './portfolio',
    './preact',
    './react',
    './server',
    './server/redis',
    './solid',
    './svelte',
    './vscode.css-custom-data.json',
    './vscode.html-custom-data.json',
    './vue',
    './web-types.json',
  ]);
  // The framework type files (dist/editors) are types only; every other entry has code, types first.
  const typesOnly = ['./jsx', './preact', './solid', './svelte', './vue'];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target !== 'object') continue;
    assert.deepEqual(Object.keys(target), typesOnly.includes(subpath) ? ['types'] : ['types', 'default'], `${subpath}: types first`);
  }
  assert.ok(packed.includes(pkg['web-types'].replace(/^\.\//, '')), 'the web-types file JetBrains IDEs read is packed');
  assert.equal(pkg.type, 'module');
  assert.ok(pkg.dependencies.lit, 'Lit is a dependency (kept external in the npm build)');
});

test('every file that registers an element, or imports one that does, is marked sideEffects', () => {
  // A bundler drops a module imported only for its side effects unless package.json says it has
  // some: `import 'cas-upload/connect'` would then register nothing.
  const files = ['dist', 'dist/chunks'].flatMap((dir) =>
    readdirSync(`${root}${dir}`)
      .filter((f) => f.endsWith('.js'))
      .map((f) => `${dir}/${f}`),
  );
  const code = new Map(files.map((path) => [path, readFileSync(`${root}${path}`, 'utf8')]));
  // The registration call, as the npm build writes it (Lit external, not minified).
  const registering = new Set(files.filter((path) => /\.define\(["']cas-[\w-]+["']\)/.test(code.get(path)!)));
  assert.ok(registering.size >= 6, `found the registering modules: ${[...registering].join(', ')}`);
  // …and every file that imports one of them for its side effects, at any depth.
  for (let grew = true; grew; ) {
    grew = false;
    for (const path of files) {
      if (registering.has(path)) continue;
      const bare = [...code.get(path)!.matchAll(/^import "(\.[^"]+)";$/gm)].map((m) => join(dirname(path), m[1]));
      if (bare.some((dep) => registering.has(dep))) registering.add(path), (grew = true);
    }
  }
  const marked = (path: string) =>
    pkg.sideEffects.some((entry) => new RegExp(`^${entry.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`).test(`./${path}`));
  for (const path of registering) assert.ok(marked(path), `${path} is in sideEffects`);
  for (const entry of ['dist/index.js', 'dist/react.js', 'dist/portfolio.js', 'dist/cdsl-fetch.js', 'dist/mailback.js', 'dist/inbox.js', 'dist/forward.js', 'dist/connect.js']) {
    assert.ok(registering.has(entry), `${entry} registers an element`);
  }
  for (const entry of ['dist/element.js', 'dist/core.js', 'dist/server.js', 'dist/server-redis.js']) {
    assert.ok(!marked(entry), `${entry} has no side effects`);
  }
});

test('the npm entries keep Lit and React external; the script-tag files bundle Lit', () => {
  const chunks = readdirSync(`${root}dist/chunks`).map((f) => `dist/chunks/${f}`);
  // Lit registers its version in these globals: present where Lit is bundled, only there.
  const litItself = /litHtmlVersions|reactiveElementVersions/;
  for (const path of ['dist/index.js', 'dist/element.js', 'dist/core.js', 'dist/react.js', 'dist/server.js', 'dist/portfolio.js', ...chunks]) {
    assert.doesNotMatch(readFileSync(`${root}${path}`, 'utf8'), litItself, `${path} does not bundle Lit`);
  }
  assert.match(readFileSync(`${root}dist/chunks/upload.js`, 'utf8'), /from "lit"/);
  const react = readFileSync(`${root}dist/react.js`, 'utf8');
  assert.match(react, /from "react"/);
  assert.match(react, /from "@lit\/react"/);
  assert.doesNotMatch(readFileSync(`${root}dist/core.js`, 'utf8'), /from "lit/);
  for (const path of ['dist/cdn/cas-upload.js', 'dist/cdn/cas-upload.iife.js', 'dist/cdn/chunks/portfolio-alone.js', 'dist/cdn/cas-portfolio.iife.js']) {
    const code = readFileSync(`${root}${path}`, 'utf8');
    assert.match(code, litItself, `${path} bundles Lit`);
    assert.doesNotMatch(code, /\bfrom\s*["']lit/, `${path} imports no bare module`);
    assert.doesNotMatch(code, /\n\s{2,}\S/, `${path} is minified`);
  }
});

test('cas-connect.js holds Lit and the base; the flows and cas-portfolio.js\'s copy for its page take them from it, and neither runs the other', () => {
  const litItself = /litHtmlVersions|reactiveElementVersions/;
  const read = (f: string) => readFileSync(`${root}dist/cdn/${f}`, 'utf8');
  const imports = (code: string) => [...code.matchAll(/(?:from|import)\s*["']([^"']+)["']/g)].map((m) => m[1]).sort();
  const chunks = readdirSync(`${root}dist/cdn/chunks`).filter((f) => f.endsWith('.js'));
  const flows = chunks.find((f) => f.startsWith('flows-'))!;
  assert.match(read('cas-connect.js'), litItself, 'cas-connect.js bundles Lit');
  assert.deepEqual(imports(read('cas-connect.js')), [], 'cas-connect.js imports nothing before its first render');
  for (const f of [flows, 'portfolio-on-connect.js']) {
    assert.doesNotMatch(read(`chunks/${f}`), litItself, `${f} has no Lit of its own`);
    assert.deepEqual(imports(read(`chunks/${f}`)), ['../cas-connect.js'], `${f} imports cas-connect.js only (never the other: it would run)`);
  }
  // cas-portfolio.js holds no element: it imports one copy when it runs.
  assert.doesNotMatch(read('cas-portfolio.js'), litItself);
  assert.deepEqual(imports(read('cas-portfolio.js')), []);
});

test('the docs pin the package version in their CDN snippets, each with a sha384 integrity value, Hindi too', () => {
  // Every page with CDN snippets: README.md and docs/*.md (docs/cdn.md has them).
  const docs = ['README.md', ...readdirSync(`${root}docs`).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]
    .map((page) => readFileSync(`${root}${page}`, 'utf8'))
    .join('\n');
  const tags = [...docs.matchAll(/<script\b[^>]*\bsrc="https:\/\/cdn\.jsdelivr\.net\/npm\/[^"]+"[^>]*>/g)].map((m) => m[0]);
  assert.ok(tags.length >= 2, 'a module and a classic snippet');
  for (const tag of tags) {
    assert.match(tag, new RegExp(`cas-upload@${pkg.version.replace(/\./g, '\\.')}/dist/cdn/(cas-upload(\\.iife)?|cas-connect|cas-inbox-callback|cas-portfolio(\\.iife)?)\\.js"`), tag);
    assert.match(tag, /integrity="sha384-[A-Za-z0-9+/]{64}"/, `${tag} has a sha384 integrity value`);
    assert.match(tag, /crossorigin="anonymous"/, `${tag} is fetched with CORS, as SRI needs`);
  }
  const version = pkg.version.replace(/\./g, '\\.');
  const pin = new RegExp(`"https://cdn\\.jsdelivr\\.net/npm/cas-upload@${version}/dist/cdn/cas-upload\\.hi\\.js": "sha384-[A-Za-z0-9+/]{64}"`);
  assert.match(docs, pin, 'an import map pins cas-upload.hi.js of this version');
  // The values are those of the files as built (`npm run build && npm run sri -- --write`).
  const sri = (file: string) => `sha384-${createHash('sha384').update(readFileSync(`${root}dist/cdn/${file}`)).digest('base64')}`;
  for (const file of ['cas-upload.js', 'cas-upload.iife.js', 'cas-upload.hi.js', 'cas-upload.password.js', 'cas-upload.summary.js', 'cas-connect.js']) {
    const url = `https://cdn.jsdelivr.net/npm/cas-upload@${pkg.version}/dist/cdn/${file}`;
    const values = [...docs.matchAll(new RegExp(`${url.replace(/[.?]/g, '\\$&')}"[^>]*?(?:integrity=|: )"(sha384-[^"]+)"`, 'g'))].map((m) => m[1]);
    assert.ok(values.length > 0, `the docs pin ${file}`);
    for (const value of values) assert.equal(value, sri(file), `the docs' integrity of ${file} is that of the built file: run \`npm run sri -- --write\``);
  }
});

test('the size table of docs/size.md is the one `npm run size` measures for this build', () => {
  const table = execFileSync(process.execPath, ['scripts/size.mjs', '--table'], { cwd: root, encoding: 'utf8' }).trim();
  const page = readFileSync(`${root}docs/size.md`, 'utf8');
  const inPage = /<!-- size-table:start[^>]*-->\n([\s\S]*?)\n<!-- size-table:end -->/.exec(page)?.[1];
  assert.equal(inPage, table, 'docs/size.md is out of date: run `npm run build && npm run size -- --write`');
});

test('cas-upload.js and cas-upload.iife.js hold no code of the other flows (contract §10: a page that only uploads pays nothing)', () => {
  for (const file of ['dist/cdn/cas-upload.js', 'dist/cdn/cas-upload.iife.js']) {
    const code = readFileSync(`${root}${file}`, 'utf8');
    for (const word of ['cdsl/fetch', 'cas-cdsl-fetch', 'one-time-code', 'session-expired', 'inbound-email', 'cas-forward']) {
      assert.ok(!code.includes(word), `${file} holds "${word}"`);
    }
  }
  assert.ok(readFileSync(`${root}dist/cdn/cas-connect.js`, 'utf8').includes('cas-cdsl-fetch'));
});

test('cas-forward.js holds <cas-forward> alone: none of the other flows, and not <cas-connect>', () => {
  const code = readFileSync(`${root}dist/cdn/cas-forward.js`, 'utf8');
  assert.ok(code.includes('inbound-email') && code.includes('cas-forward'));
  for (const word of ['cdsl/fetch', 'one-time-code', 'inbox/connect', 'v4/generate', 'cas-connect', 'pdf_file']) assert.ok(!code.includes(word), `cas-forward.js holds "${word}"`);
  // Its Hindi is a chunk it imports when first needed.
  assert.match(code, /import\(["'`]\.\/chunks\/hi-[\w-]+\.js["'`]\)/);
});

test('registerLanguage is exported by every npm entry that registers an element', () => {
  for (const entry of ['index', 'element', 'cdsl-fetch', 'mailback', 'inbox', 'forward', 'connect', 'portfolio', 'react']) {
    const code = readFileSync(`${root}dist/${entry}.js`, 'utf8');
    const exported = [...code.matchAll(/export \{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((n) => n.trim().split(/\s+as\s+/).pop()));
    assert.ok(exported.includes('registerLanguage'), `dist/${entry}.js exports registerLanguage`);
  }
});

test("the README's list of ways names the five elements, each linked to its docs, and <cas-connect>'s snippet offers all five", () => {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const list = readme.slice(readme.indexOf('Each way is also an element of its own:'), readme.indexOf('[`<cas-portfolio>`]'));
  const ways = [...list.matchAll(/^ {2}- \[`<(cas-[\w-]+)>`\]\(docs\/[\w.-]+(#[\w-]+)?\)/gm)].map((m) => m[1]);
  assert.deepEqual(ways, ['cas-upload', 'cas-cdsl-fetch', 'cas-inbox', 'cas-mailback', 'cas-forward']);
  assert.match(readme, /methods="upload cdsl inbox mailback forward"/);
});

#!/usr/bin/env node
// What each user-visible feature of <cas-upload> costs, in bytes (min, and min + gzip -9): the
// bundle analysis behind the size budgets (docs/size.md).
//
//   node bench/size-features/measure.mjs           # measure, type-check every variant
//   node bench/size-features/measure.mjs --no-tsc  # skip the type checks
//
// It measures the sources of one commit, SOURCE_COMMIT (taken with `git archive`, so the
// figures can be reproduced however far main has moved on), in a temporary folder.
// Three bundles are measured for every source tree (esbuild, minified, esm, es2022,
// __CAS_UPLOAD_VERSION__ defined; dynamic import()s stay external, so the Hindi chunk is
// never counted):
//   el   = src/entries/element.ts with lit, lit/*, @lit/* external  (the `cas-upload/element` budget)
//   lit  = src/entries/element.ts with Lit bundled                    (approximates dist/cdn/cas-upload.js)
//   core = src/core/index.ts                                  (the `cas-upload/core` budget)
//
// Variants: variants.txt lists, per feature, the exact edits that remove it from the sources
// of SOURCE_COMMIT. Each variant is a fresh copy of those sources with only its edits applied,
// type-checked with tsc (noUnusedLocals catches leftovers) and measured. A few "what does X
// weigh" variants (all CSS, all strings) are programmatic and defined below.
// Writes RESULTS.md beside this file; prints everything.
import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync, rmSync, mkdirSync, cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { spawnSync, execSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** The sources measured (the main branch when the analysis was made). */
const SOURCE_COMMIT = '50cee03';
const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '../..');
// The package's own esbuild (as scripts/size.mjs uses), not bench/'s.
const { build } = createRequire(join(REPO, 'package.json'))('esbuild');
const ROOT = mkdtempSync(join(tmpdir(), 'cas-upload-size-'));
execSync(`git archive ${SOURCE_COMMIT} src tsconfig.json | tar -x -C ${JSON.stringify(ROOT)}`, { cwd: REPO });
symlinkSync(join(REPO, 'node_modules'), join(ROOT, 'node_modules'));
const SRC = join(ROOT, 'src');
const VARIANTS = join(ROOT, 'variants');
const TSC = process.argv.includes('--no-tsc') ? null : join(REPO, 'node_modules/.bin/tsc');

const gz = (code) => gzipSync(code, { level: 9 }).length;

/** Leaves `import()`ed chunks (the Hindi strings) out of the bundle. */
const dynamicImportsExternal = {
  name: 'dynamic-imports-external',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

async function bundle(options) {
  const result = await build({
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    define: { __CAS_UPLOAD_VERSION__: '"0.1.0"' },
    plugins: [dynamicImportsExternal],
    ...options,
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gz: gz(code) };
}

const LIT_EXTERNAL = ['lit', 'lit/*', '@lit/*'];

/** The three measurements for one source tree (`dir` holds `src/`). */
async function measure(dir) {
  return {
    el: await bundle({ entryPoints: [join(dir, 'src/entries/element.ts')], external: LIT_EXTERNAL }),
    lit: await bundle({ entryPoints: [join(dir, 'src/entries/element.ts')] }),
    core: await bundle({ entryPoints: [join(dir, 'src/core/index.ts')] }),
  };
}

/** Type-checks `dir/src` alone, with that commit's own tsconfig.json (tests are not copied). */
function typecheck(dir) {
  if (!TSC) return 'skipped';
  const tsconfig = join(dir, 'tsconfig.check.json');
  const config = { extends: join(ROOT, 'tsconfig.json'), compilerOptions: { types: [], noEmit: true }, include: ['src'] };
  writeFileSync(tsconfig, JSON.stringify(config, null, 2));
  const r = spawnSync(TSC, ['--noEmit', '-p', tsconfig], { encoding: 'utf8' });
  return r.status === 0 ? 'ok' : `FAILED\n${r.stdout}${r.stderr}`;
}

// ---- variants.txt ----------------------------------------------------------------------

function parseVariants(text) {
  const variants = [];
  const lines = text.split('\n');
  let v, file;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('### ')) {
      const [id, label] = line.slice(4).split(' | ');
      variants.push((v = { id: id.trim(), label: label.trim(), hunks: [], union: null }));
    } else if (line.startsWith('+ ')) {
      v.union = line.slice(2).trim().split(/\s+/);
    } else if (line.startsWith('--- ')) {
      file = line.slice(4).trim();
    } else if (line === '<<<' || line === '<<-') {
      const whole = line === '<<<';
      const from = [];
      const to = [];
      for (i++; lines[i] !== '==='; i++) from.push(lines[i]);
      for (i++; lines[i] !== '>>>'; i++) to.push(lines[i]);
      const side = (ls) => (whole ? (ls.length ? ls.join('\n') + '\n' : '') : ls.join('\n'));
      v.hunks.push({ file, from: side(from), to: side(to) });
    } else if (line.trim() && !line.startsWith('#')) {
      throw new Error(`variants.txt:${i + 1}: unexpected line ${JSON.stringify(line)}`);
    }
  }
  for (const x of variants) {
    if (x.union) x.hunks = [...x.union.flatMap((id) => variants.find((y) => y.id === id).hunks), ...x.hunks];
  }
  return variants;
}

/** A fresh copy of ./src in variants/<id>/src, with `edit(files)` applied. */
function makeTree(id, apply) {
  const dir = join(VARIANTS, id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(SRC, join(dir, 'src'), { recursive: true });
  const read = (f) => readFileSync(join(dir, f), 'utf8');
  const write = (f, text) => writeFileSync(join(dir, f), text);
  apply(read, write);
  return dir;
}

function applyHunks(id, hunks) {
  return (read, write) => {
    for (const { file, from, to } of hunks) {
      const text = read(file);
      const count = text.split(from).length - 1;
      if (count !== 1) throw new Error(`variant ${id}: ${file}: old text found ${count} times:\n${from}`);
      write(file, text.replace(from, () => to));
    }
  };
}

// ---- programmatic "what does X weigh" variants ------------------------------------------

/** Empties the quoted values of `key: '…',` lines between two marker lines of a file. */
function emptyValues(text, startMarker, endMarker, skip = () => false) {
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker, start);
  if (start < 0 || end < 0) throw new Error(`markers not found: ${startMarker} … ${endMarker}`);
  const block = text
    .slice(start, end)
    .replace(/^(  (?:\w+|'[\w-]+'): )'.*',$/gm, (line, key) => (skip(line) ? line : `${key}'',`));
  return text.slice(0, start) + block + text.slice(end);
}
const isTooLarge = (line) => line.startsWith("  'file-too-large'");
const EN_START = 'export const en: CasUploadStrings = {';
const EN_END = '\n};';
const MSG_START = 'export const defaultMessages';
const MSG_END = '\n}';

const extras = [
  {
    id: 'x-css',
    label: 'All CSS (styles = css``)',
    apply: (read, write) => write('src/upload/styles.ts', "import { css } from 'lit';\n\nexport const styles = css``;\n"),
  },
  {
    id: 'x-en-ui',
    label: "English UI strings: the 22 non-error values in en.ts emptied ('')",
    apply: (read, write) => write('src/upload/en.ts', emptyValues(read('src/upload/en.ts'), EN_START, EN_END, isTooLarge)),
  },
  {
    id: 'x-en-errors',
    label: "English error sentences: core's 13 defaultMessages + en's file-too-large emptied ('')",
    apply: (read, write) => {
      write('src/core/errors.ts', emptyValues(read('src/core/errors.ts'), MSG_START, MSG_END));
      write('src/upload/en.ts', emptyValues(read('src/upload/en.ts'), EN_START, EN_END, (l) => !isTooLarge(l)));
    },
  },
  {
    id: 'x-en-all',
    label: "All English strings (UI + error sentences) emptied ('')",
    apply: (read, write) => {
      write('src/core/errors.ts', emptyValues(read('src/core/errors.ts'), MSG_START, MSG_END));
      write('src/upload/en.ts', emptyValues(read('src/upload/en.ts'), EN_START, EN_END));
    },
  },
];

// ---- run ---------------------------------------------------------------------------------

const baseline = await measure(ROOT);
const baseTsc = typecheck(ROOT);
const litAlone = await bundle({
  stdin: {
    contents: "import { LitElement, html, css, nothing } from 'lit'; export { LitElement, html, css, nothing };",
    resolveDir: ROOT,
    loader: 'js',
  },
});
// For reference only: the real CDN entry (src/entries/cdn/cas-upload.ts registers the element and re-exports everything).
const cdnEntry = await bundle({ entryPoints: [join(SRC, 'entries/cdn/cas-upload.ts')] });

const delta = (m) => ({
  el: { min: m.el.min - baseline.el.min, gz: m.el.gz - baseline.el.gz },
  lit: { min: m.lit.min - baseline.lit.min, gz: m.lit.gz - baseline.lit.gz },
  core: { min: m.core.min - baseline.core.min, gz: m.core.gz - baseline.core.gz },
});

rmSync(VARIANTS, { recursive: true, force: true });
const rows = [];
for (const v of parseVariants(readFileSync(join(HERE, 'variants.txt'), 'utf8'))) {
  const dir = makeTree(v.id, applyHunks(v.id, v.hunks));
  rows.push({ id: v.id, label: v.label, kind: 'feature', tsc: typecheck(dir), ...(await measure(dir)) });
}
for (const x of extras) {
  const dir = makeTree(x.id, x.apply);
  rows.push({ id: x.id, label: x.label, kind: 'weight', tsc: typecheck(dir), ...(await measure(dir)) });
}
for (const r of rows) r.delta = delta(r);

// ---- report --------------------------------------------------------------------------------

const sign = (n) => (n > 0 ? `+${n}` : `${n}`);
const BUDGET = { el: 6144, lit: 12288, core: 3072 };
const out = [];
out.push('Baselines (bytes; gzip = zlib level 9 of the minified bundle)', '');
out.push('| bundle | min | min+gzip -9 | budget | over by |', '| --- | ---: | ---: | ---: | ---: |');
const baseRow = (name, m, budget) =>
  out.push(`| ${name} | ${m.min} | ${m.gz} | ${budget ?? ''} | ${budget ? sign(m.gz - budget) : ''} |`);
baseRow('element + core, Lit external (src/entries/element.ts)', baseline.el, BUDGET.el);
baseRow('element + core, Lit bundled (src/entries/element.ts; ≈ CDN file)', baseline.lit, BUDGET.lit);
baseRow('core alone (src/core/index.ts)', baseline.core, BUDGET.core);
baseRow('Lit alone (LitElement, html, css, nothing)', litAlone);
baseRow('reference: src/entries/cdn/cas-upload.ts, Lit bundled (the real CDN entry)', cdnEntry);
out.push('');
out.push(`Baseline type check (src alone): ${baseTsc.split('\n')[0]}`, '');

const table = (list, title) => {
  out.push(title, '');
  out.push(
    '| id | feature removed | element+core gz Δ | with-Lit gz Δ | core gz Δ | element+core min Δ | with-Lit min Δ | core min Δ | gz after (element+core / with-Lit / core) | tsc |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  );
  for (const r of list) {
    const d = r.delta;
    out.push(
      `| ${r.id} | ${r.label} | ${sign(d.el.gz)} | ${sign(d.lit.gz)} | ${sign(d.core.gz)} | ${sign(d.el.min)} | ${sign(d.lit.min)} | ${sign(d.core.min)} | ${r.el.gz} / ${r.lit.gz} / ${r.core.gz} | ${r.tsc.split('\n')[0]} |`,
    );
  }
  out.push('');
};
const byGz = (a, b) => a.delta.el.gz - b.delta.el.gz || a.delta.lit.gz - b.delta.lit.gz || a.id.localeCompare(b.id);
const singles = rows.filter((r) => r.kind === 'feature' && r.id !== 'o' && r.id !== 'z').sort(byGz);
table(singles, 'Single features, each removed alone (sorted by element+core gz Δ; negative = bytes saved)');

const o = rows.find((r) => r.id === 'o');
const z = rows.find((r) => r.id === 'z');
table([o, z], 'Combined variants');
const sum = (ids, k) => rows.filter((r) => ids.includes(r.id)).reduce((s, r) => s + r.delta[k].gz, 0);
out.push(
  `Sum of the single gz deltas of a..e: element+core ${sign(sum(['a', 'b', 'c', 'd', 'e'], 'el'))}, with-Lit ${sign(sum(['a', 'b', 'c', 'd', 'e'], 'lit'))} (combined, measured: ${sign(o.delta.el.gz)}, ${sign(o.delta.lit.gz)}).`,
  '',
);
const singleIds = singles.map((r) => r.id);
out.push(
  `Sum of the single gz deltas of a..n: element+core ${sign(sum(singleIds, 'el'))}, with-Lit ${sign(sum(singleIds, 'lit'))}, core ${sign(sum(singleIds, 'core'))} (combined z, measured: ${sign(z.delta.el.gz)}, ${sign(z.delta.lit.gz)}, ${sign(z.delta.core.gz)}).`,
  '',
);
for (const v of [o, z]) {
  for (const [k, name] of [['el', 'element+core'], ['lit', 'with-Lit'], ['core', 'core']]) {
    const after = v[k].gz;
    out.push(`After ${v.id}, ${name}: ${after} B gz (budget ${BUDGET[k]}: ${after <= BUDGET[k] ? `met, ${BUDGET[k] - after} B to spare` : `still over by ${after - BUDGET[k]}`}).`);
  }
}
out.push('');
table(rows.filter((r) => r.kind === 'weight').sort(byGz), 'What parts weigh (Δ when emptied)');

const failed = rows.filter((r) => r.tsc !== 'ok' && r.tsc !== 'skipped');
for (const r of failed) out.push(`tsc for ${r.id}: ${r.tsc}`);

const md = out.join('\n');
console.log(md);
writeFileSync(
  join(HERE, 'RESULTS.md'),
  `# What each feature costs\n\nWritten by \`node bench/size-features/measure.mjs\` from the sources of commit ${SOURCE_COMMIT}.\n\n${md}\n`,
);
rmSync(ROOT, { recursive: true, force: true });
if (failed.length || (baseTsc !== 'ok' && baseTsc !== 'skipped')) process.exitCode = 1;

#!/usr/bin/env node
// `npm run size` (after `npm run build`): runs size-limit with the budgets of .size-limit.mjs,
// prints its figures as a table, and exits 1 when a budget is exceeded.
//   --report  prints the same and exits 0 even when a budget is exceeded;
//   --write   also puts the table into docs/size.md (between the size-table markers);
//   --table   prints only that table (test/dist compares it with docs/size.md).
// The measuring and the budgets are size-limit's; this script only writes the table.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const PAGE = 'docs/size.md';
const args = new Set(process.argv.slice(2));
const KiB = 1024;
const kib = (n) => `${(n / KiB).toFixed(2)} KiB`;

if (!existsSync('dist/cdn/cas-upload.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const bin = 'node_modules/size-limit/bin.js';
let out;
try {
  out = execFileSync(process.execPath, [bin, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
} catch (error) {
  // size-limit exits 1 when a budget is exceeded, with the same JSON on stdout.
  out = error.stdout;
}
/** @type {{ name: string, size: number, sizeLimit?: number, passed?: boolean, error?: string }[]} */
const rows = JSON.parse(out);
if (!Array.isArray(rows)) {
  console.error(`size-limit failed: ${rows.error ?? out}`);
  process.exit(1);
}

/** `dist/cdn/x.js (what)` → `` `dist/cdn/x.js` (what) ``. */
const label = (name) => name.replace(/^(\S+)/, '`$1`');
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const table = [
  `| file (version ${version}) | min+gzip | budget |`,
  '| --- | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${label(r.name)} | ${kib(r.size)} | ${r.sizeLimit ? `${kib(r.sizeLimit)}: ${r.passed ? 'met' : '**over**'}` : ''} |`,
  ),
].join('\n');

if (args.has('--table')) {
  console.log(table);
  process.exit(0);
}

console.log(table);
if (args.has('--write')) {
  const page = readFileSync(PAGE, 'utf8');
  const marked = /(<!-- size-table:start[^>]*-->\n)[\s\S]*?(<!-- size-table:end -->)/;
  if (!marked.test(page)) throw new Error(`${PAGE} has no size-table markers`);
  writeFileSync(PAGE, page.replace(marked, (_, start, end) => `${start}${table}\n${end}`));
  console.log(`\n${PAGE}: size table updated.`);
}

const over = rows.filter((r) => r.passed === false);
if (over.length) {
  for (const r of over) console.error(`over budget: ${r.name}: ${r.size} B of ${r.sizeLimit} B`);
  if (!args.has('--report')) process.exit(1);
}

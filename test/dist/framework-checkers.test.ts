/// <reference types="node" />
// The framework types of dist/editors (`cas-upload/svelte`, `/vue`, `/preact`, `/solid`), checked by
// the frameworks' own checkers (svelte-check, vue-tsc, and tsc for Preact and Solid JSX) on the
// small apps of test/types/checkers/,
// which get `cas-upload` as a consumer does: package.json, custom-elements.json and dist copied
// into test/types/checkers/node_modules/cas-upload (resolved through its `exports`), with
// `skipLibCheck` off. Each app's valid page must check clean, and each mistake planted in its
// Mistakes page must be reported at its own line. The checkers need TypeScript 5 (the root has
// TypeScript 7), so they live in their own package there, installed here with `npm ci` when its
// node_modules is missing. Needs `npm run build` first.
// Run: node --import tsx --test test/dist/framework-checkers.test.ts
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const checkers = join(root, 'test/types/checkers');
const bin = (name: string) => join(checkers, 'node_modules/.bin', name);

before(() => {
  if (!existsSync(bin('svelte-check')) || !existsSync(bin('vue-tsc'))) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const ci = spawnSync(npm, ['ci', '--include=dev', '--no-audit', '--no-fund'], { cwd: checkers, encoding: 'utf8' });
    assert.equal(ci.status, 0, `npm ci in test/types/checkers failed:\n${ci.stdout}${ci.stderr}`);
  }
  assert.ok(existsSync(join(root, 'dist/editors/vue.d.ts')), 'dist/editors is missing: run `npm run build` first');
  const pkg = join(checkers, 'node_modules/cas-upload');
  rmSync(pkg, { recursive: true, force: true });
  mkdirSync(pkg, { recursive: true });
  for (const file of ['package.json', 'custom-elements.json', 'dist']) cpSync(join(root, file), join(pkg, file), { recursive: true });
});

type Problem = { file: string; line: number; message: string };

/** The mistakes planted in each Mistakes page: the text on the line, and what the error must say. */
const MISTAKES: Array<{ text: string; says: RegExp }> = [
  { text: '123', says: /'number' is not assignable to type 'string'/ },
  { text: 'parser="pdf"', says: /'"pdf"' is not assignable/ },
  { text: 'headnig', says: /'headnig' does not exist in type 'Partial<CasUploadStrings>'/ },
  { text: 'CustomEvent<number>', says: /CasUploadSuccessDetail' is not assignable to type 'number'/ },
];

function expectReported(problems: Problem[], file: string, path: string, extra: Array<{ text: string; says: RegExp }> = []) {
  const lines = readFileSync(path, 'utf8').split('\n');
  const planted = [...MISTAKES, ...extra];
  for (const { text, says } of planted) {
    const line = lines.findIndex((l) => l.includes(text)) + 1;
    assert.ok(line > 0, `${file} has no line with ${text}`);
    const here = problems.filter((p) => p.file === file && p.line === line);
    assert.ok(here.some((p) => says.test(p.message)), `${file}:${line} (${text}): expected an error matching ${says}, got:\n${here.map((p) => p.message).join('\n') || '(none)'}`);
  }
  const unplanted = problems.filter((p) => p.file === file && !planted.some(({ text }) => lines[p.line - 1]?.includes(text)));
  assert.deepEqual(unplanted, [], `${file} has errors on lines with no planted mistake`);
}

test('svelte-check: the Svelte 5 page checks clean, and each planted mistake is an error at its line', () => {
  const cwd = join(checkers, 'svelte');
  const run = spawnSync(process.execPath, [bin('svelte-check'), '--tsconfig', './tsconfig.json', '--output', 'machine', '--threshold', 'error'], { cwd, encoding: 'utf8' });
  const problems: Problem[] = [];
  for (const m of run.stdout.matchAll(/^\d+ ERROR "([^"]+)" (\d+):\d+ "((?:[^"\\]|\\.)*)"$/gm)) problems.push({ file: m[1], line: Number(m[2]), message: JSON.parse(`"${m[3]}"`) });
  assert.match(run.stdout, /COMPLETED/, `svelte-check did not finish:\n${run.stdout}${run.stderr}`);
  const others = problems.filter((p) => p.file !== 'Mistakes.svelte');
  assert.deepEqual(others, [], `the valid page (or the package's types) has errors:\n${run.stdout}`);
  expectReported(problems, 'Mistakes.svelte', join(cwd, 'Mistakes.svelte'));
});

/** tsc's (and vue-tsc's) `--pretty false` errors: `file(line,col): error TSnnnn: message` and its indented lines. */
function tscProblems(stdout: string): Problem[] {
  const problems: Problem[] = [];
  for (const m of stdout.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+: .*(?:\n {2,}.*)*)/gm)) problems.push({ file: m[1], line: Number(m[2]), message: m[3] });
  return problems;
}

for (const framework of ['preact', 'solid']) {
  test(`tsc: the ${framework} JSX page checks clean, and each planted mistake is an error at its line`, () => {
    const cwd = join(checkers, framework);
    const run = spawnSync(process.execPath, [join(checkers, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], { cwd, encoding: 'utf8' });
    const problems = tscProblems(run.stdout);
    assert.ok(run.status === 0 || problems.length > 0, `tsc failed without type errors:\n${run.stdout}${run.stderr}`);
    const others = problems.filter((p) => p.file !== 'Mistakes.tsx');
    assert.deepEqual(others, [], `the valid page (or the package's types) has errors:\n${run.stdout}`);
    expectReported(problems, 'Mistakes.tsx', join(cwd, 'Mistakes.tsx'));
  });
}

test('vue-tsc: the Vue SFC checks clean, and each planted mistake is an error at its line', () => {
  const cwd = join(checkers, 'vue');
  const run = spawnSync(process.execPath, [bin('vue-tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], { cwd, encoding: 'utf8' });
  const problems = tscProblems(run.stdout);
  assert.ok(run.status === 0 || problems.length > 0, `vue-tsc failed without type errors:\n${run.stdout}${run.stderr}`);
  const others = problems.filter((p) => p.file !== 'Mistakes.vue');
  assert.deepEqual(others, [], `the valid SFC (or the package's types) has errors:\n${run.stdout}`);
  expectReported(problems, 'Mistakes.vue', join(cwd, 'Mistakes.vue'), [
    { text: `:max-size="'big'"`, says: /'string' is not assignable to type 'number'/ },
    { text: 'token-method="PUT"', says: /'"PUT"' is not assignable/ },
  ]);
});

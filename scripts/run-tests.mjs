#!/usr/bin/env node
// `npm test`: builds the package (the browser tests load dist/cdn) and the interop fixtures
// (when the interop tests run), then runs the browser tests (web-test-runner, headless
// Chromium) and the Node tests (node:test) side by side. A green run prints only its closing
// line, "tests: N passed, N failed" for everything, with the harness tests (the tests' own
// tools and data) counted apart at its end. A failure prints the failed tests, their diffs and what their file logged.
//
// A subset (docs/contributing.md): `npm test -- --group a11y`, `npm test -- --files <file|folder|glob>...`
// (both may be repeated; each file goes to the runner that owns it, and the run says which),
// `npm test -- --list` prints the groups. Any other argument goes to web-test-runner, and the
// Node tests still run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GROUPS, findTestFiles, groupOf, runnerOf, plan } from './test-groups.mjs';

const args = process.argv.slice(2);
const all = findTestFiles();

if (args.includes('--list')) {
  for (const { name, about } of GROUPS) {
    const files = all.filter((f) => groupOf(f) === name);
    if (!files.length) continue;
    console.log(`${name}: ${about}\n${files.map((f) => `  ${f} (${runnerOf(f) === 'node' ? 'node:test' : 'web-test-runner'})`).join('\n')}`);
  }
  process.exit(0);
}

/** Ends the run with a failure that no runner counted (a bad argument, a failed build). */
function abort(message, output = '') {
  if (output) process.stdout.write(output);
  console.log(`\nnpm test: ${message}\n\ntests: 0 passed, 1 failed`);
  process.exit(1);
}

let selection;
try {
  selection = plan(args, all);
} catch (err) {
  abort(err.message);
}
const { browser, node, subset, wtrArgs } = selection;
if (subset) {
  if (browser.length) console.log(`browser tests (web-test-runner): ${browser.join(' ')}`);
  if (node.length) console.log(`Node tests (node:test): ${node.join(' ')}`);
}

/** Runs a build step; its output is shown only when it fails, which ends the run. */
function step(cmd, cmdArgs) {
  const { status, stdout, stderr } = spawnSync(cmd, cmdArgs, { encoding: 'utf8', env: process.env });
  if (status !== 0) abort(`\`${[cmd, ...cmdArgs].join(' ')}\` failed`, `${stdout}${stderr}`);
}

/** Prints a line of a runner's output: no cursor moves, no `drop`ped lines, no runs of blank lines. */
function emit(raw, drop) {
  // eslint-disable-next-line no-control-regex
  const line = raw.replace(/\x1b\[[0-9;]*[A-HJKG]/g, '');
  if (drop.test(line.trim())) return;
  if (!line.trim() && !printed) return;
  if (!line.trim() && lastBlank) return;
  lastBlank = !line.trim();
  printed = true;
  process.stdout.write(`${line}\n`);
}

/**
 * Runs a test runner; its output is passed on as it comes (`live`) or kept for later (as
 * `lines`). Resolves with its exit code and counts.
 */
function run(cmd, cmdArgs, env, { drop = /^$/, live = true } = {}) {
  return new Promise((resolve) => {
    const summary = join(scratch, `${Math.random().toString(36).slice(2)}.json`);
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env, CAS_TEST_SUMMARY: summary } });
    const lines = [];
    const take = (line) => (live ? emit(line, drop) : lines.push(line));
    let rest = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop();
      parts.forEach(take);
    });
    child.on('close', (code) => {
      if (rest) take(rest);
      let counts;
      try {
        counts = JSON.parse(readFileSync(summary, 'utf8'));
      } catch {
        counts = undefined; // the runner stopped before it counted
      }
      resolve({ code: code ?? 1, counts, lines, drop });
    });
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'cas-upload-tests-'));
/** Whether a runner printed anything (a failure): the closing lines then stand apart. */
let printed = false;
let lastBlank = false;
/** With CAS_TEST_TIMES set, how long each phase took, on stderr. */
const started = Date.now();
const phase = (name) => process.env.CAS_TEST_TIMES && console.error(`${name}: done at ${((Date.now() - started) / 1000).toFixed(1)} s`);
const require = createRequire(import.meta.url);
step('npm', ['run', 'build']);
if (node.some((f) => f.startsWith('test/interop/'))) step(process.execPath, ['test/interop/build.mjs']);
phase('build');

// Both runners at once: much of each one's time is waiting (timers, servers, page loads). The
// Node tests' output (failures only) is printed after the browser tests'.
const wtr = join(dirname(require.resolve('@web/test-runner')), 'bin.js');
const reporter = join(dirname(new URL(import.meta.url).pathname), 'node-test-reporter.mjs');
const browserRun =
  browser.length > 0 &&
  run(process.execPath, [wtr, ...wtrArgs], subset ? { CAS_TEST_FILES: browser.join('\n') } : {}, {
    drop: /^(Running \d+ test files\.\.\.)$/,
  }).then((r) => (phase('browser tests'), r));
const nodeRun =
  node.length > 0 &&
  run(process.execPath, ['--import', 'tsx', '--test', `--test-reporter=${reporter}`, ...node], {}, { live: !browser.length }).then(
    (r) => (phase('Node tests'), r),
  );
const results = [];
for (const pending of [browserRun, nodeRun]) {
  if (!pending) continue;
  const result = await pending;
  for (const line of result.lines) emit(line, result.drop);
  results.push(result);
}
rmSync(scratch, { recursive: true, force: true });

const total = { passed: 0, failed: 0, skipped: 0 };
const harness = { passed: 0, failed: 0, skipped: 0, files: [] };
for (const { code, counts } of results) {
  // A runner that failed without counting a failed test (a file that did not load, a crash) counts as one.
  if (!counts) {
    total.failed += 1;
    continue;
  }
  for (const kind of ['product', 'harness']) {
    for (const k of ['passed', 'failed', 'skipped']) total[k] += counts[kind][k];
  }
  for (const k of ['passed', 'failed', 'skipped']) harness[k] += counts.harness[k];
  harness.files.push(...counts.harnessFiles);
  if (code && !counts.product.failed && !counts.harness.failed) total.failed += 1;
}
const gap = printed ? '\n' : '';
const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
// One closing line: the harness tests (the tests' own tools and data, not the product) are
// counted in it and named apart at its end; `npm test -- --list` names their files.
const apart = harness.files.length ? ` (harness tests among them: ${harness.passed} passed, ${harness.failed} failed)` : '';
console.log(`${gap}tests: ${total.passed} passed, ${total.failed} failed${skipped}${apart}`);
process.exit(results.some((r) => r.code) || total.failed ? 1 : 0);

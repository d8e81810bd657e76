#!/usr/bin/env node
// `npm test`: builds the package (`npm run build`: the browser tests load dist/cdn), runs the
// browser tests (web-test-runner, headless Chromium), builds the interop fixtures and runs the
// Node tests (node:test), then prints one closing line "tests: N passed, N failed" for both.
// Extra arguments go to web-test-runner and run only browser tests (for example
// `npm test -- --files test/x.test.ts`), so the interop fixtures are not built then.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { NODE_TEST_DIRS } from './node-test-dirs.mjs';

function run(cmd, args, parse) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let out = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      out += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, ...parse(out) }));
  });
}

const last = (re, text) => {
  const all = [...text.matchAll(re)];
  return all.length ? Number(all.at(-1)[1]) : 0;
};

/** Runs a build step with its output shown; a failed one ends the run. */
function step(cmd, args) {
  const { status } = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (status !== 0) {
    console.log(`\ntests: 0 passed, 1 failed (\`${[cmd, ...args].join(' ')}\` failed)`);
    process.exit(1);
  }
}

const extra = process.argv.slice(2);
const onlyBrowser = extra.length > 0;
step('npm', ['run', 'build']);
const browser = await run('npx', ['wtr', ...extra], (out) => ({
  passed: last(/^tests: (\d+) passed/gm, out),
  failed: last(/^tests: \d+ passed, (\d+) failed/gm, out),
}));

let node = { code: 0, passed: 0, failed: 0 };
const files = onlyBrowser
  ? []
  : NODE_TEST_DIRS.flatMap((dir) =>
      existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => `${dir}/${f}`) : [],
    );
if (files.length) {
  step(process.execPath, ['test/interop/build.mjs']);
  node = await run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], (out) => ({
    passed: last(/^ℹ pass (\d+)/gm, out),
    failed: last(/^ℹ fail (\d+)/gm, out),
  }));
}

const passed = browser.passed + node.passed;
// A runner that failed without counting a failed test (a file that did not load) counts as one.
const failed =
  browser.failed + node.failed + (browser.code && !browser.failed ? 1 : 0) + (node.code && !node.failed ? 1 : 0);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(browser.code || node.code || (failed ? 1 : 0));

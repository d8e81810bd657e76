#!/usr/bin/env node
// `npm test`: the browser tests (web-test-runner, headless Chromium), then the Node tests
// (node:test), then one closing line "tests: N passed, N failed" for both together.
// Extra arguments go to web-test-runner (for example `npm test -- --files test/x.test.ts`).
import { spawn } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';

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

const extra = process.argv.slice(2);
const onlyBrowser = extra.length > 0;
const browser = await run('npx', ['wtr', ...extra], (out) => ({
  passed: last(/^tests: (\d+) passed/gm, out),
  failed: last(/^tests: \d+ passed, (\d+) failed/gm, out),
}));

let node = { code: 0, passed: 0, failed: 0 };
// Node tests: the server helper and SSR (test/node), the built package (test/dist), and the
// framework interop pages driven in Chromium (test/interop, fixtures built by `pretest`), and the
// demo end to end: `npm start` and `npm run demo:live` driven in Chromium (test/e2e).
const dirs = ['test/node', 'test/dist', 'test/interop', 'test/e2e'];
const files = onlyBrowser
  ? []
  : dirs.flatMap((dir) =>
      existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => `${dir}/${f}`) : [],
    );
if (files.length) {
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

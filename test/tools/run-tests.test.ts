/// <reference types="node" />
// The test tools themselves (harness tests, counted apart from the product's): what
// `npm test -- <args>` runs (scripts/test-groups.mjs), and how the reporters count.
// Run: node --import tsx --test test/tools/run-tests.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: plain JavaScript modules of the scripts, without declarations
import { plan, findTestFiles, groupOf, runnerOf, isHarness, GROUPS } from '../../scripts/test-groups.mjs';
// @ts-expect-error: as above
import { countSessions, quietReporter } from '../../scripts/wtr-summary-reporter.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A file tree under a fresh temporary folder: `{ 'a/b.txt': 'text' }`. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cas-upload-tools-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const ALL = [
  'test/a11y.test.ts',
  'test/upload.test.ts',
  'test/resilience/fault-matrix.test.ts',
  'test/resilience/harness.test.ts',
  'test/node/server.test.ts',
  'test/node/redis/store.test.ts',
  'test/e2e/demo.test.ts',
  'test/tools/run-tests.test.ts',
];

test('finds test files at any depth, Node test folders included, and leaves out dot folders', () => {
  const dir = tree({
    'test/a.test.ts': '',
    'test/deep/er/b.test.ts': '',
    'test/node/nested/folder/c.test.ts': '',
    'test/interop/.build/d.test.ts': '',
    'test/helpers.ts': '',
  });
  try {
    assert.deepEqual(findTestFiles(dir), ['test/a.test.ts', 'test/deep/er/b.test.ts', 'test/node/nested/folder/c.test.ts']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file under a Node test folder, at any depth, is run by node:test; any other by web-test-runner', () => {
  assert.equal(runnerOf('test/node/nested/folder/c.test.ts'), 'node');
  assert.equal(runnerOf('test/e2e/demo.test.ts'), 'node');
  assert.equal(runnerOf('test/tools/run-tests.test.ts'), 'node');
  assert.equal(runnerOf('test/deep/er/b.test.ts'), 'browser');
  assert.equal(runnerOf('test/nodes.test.ts'), 'browser', 'a name that only starts like a folder');
});

test('no argument: every file, each with its runner', () => {
  const p = plan([], ALL);
  assert.equal(p.subset, false);
  assert.deepEqual(p.browser, ['test/a11y.test.ts', 'test/upload.test.ts', 'test/resilience/fault-matrix.test.ts', 'test/resilience/harness.test.ts']);
  assert.deepEqual(p.node, ['test/node/server.test.ts', 'test/node/redis/store.test.ts', 'test/e2e/demo.test.ts', 'test/tools/run-tests.test.ts']);
});

test('an argument that selects nothing goes to web-test-runner and keeps the Node tests', () => {
  const p = plan(['--coverage'], ALL);
  assert.equal(p.node.length, 4);
  assert.equal(p.browser.length, 4);
  assert.deepEqual(p.wtrArgs, ['--coverage']);
});

test('--files takes files, folders and globs, for whichever runner owns them', () => {
  const p = plan(['--files', 'test/a11y.test.ts', 'test/node/', '--files=test/e2e/*.test.ts'], ALL);
  assert.equal(p.subset, true);
  assert.deepEqual(p.browser, ['test/a11y.test.ts']);
  assert.deepEqual(p.node, ['test/node/server.test.ts', 'test/node/redis/store.test.ts', 'test/e2e/demo.test.ts']);
  assert.deepEqual(plan(['--files', 'test/**/harness.test.ts'], ALL).files, ['test/resilience/harness.test.ts']);
  assert.deepEqual(plan(['--files', './test/node'], ALL).node, ['test/node/server.test.ts', 'test/node/redis/store.test.ts']);
});

test('--group runs one area, in either runner; groups may be repeated or joined with a comma', () => {
  assert.deepEqual(plan(['--group', 'a11y'], ALL).files, ['test/a11y.test.ts']);
  assert.deepEqual(plan(['--group', 'server'], ALL).files, ['test/node/server.test.ts', 'test/node/redis/store.test.ts']);
  assert.deepEqual(plan(['--group', 'harness'], ALL).files, ['test/resilience/harness.test.ts', 'test/tools/run-tests.test.ts']);
  assert.deepEqual(plan(['--group=a11y,e2e'], ALL).files, ['test/a11y.test.ts', 'test/e2e/demo.test.ts']);
  assert.deepEqual(plan(['--group', 'unit', '--group', 'resilience'], ALL).files, [
    'test/upload.test.ts',
    'test/resilience/fault-matrix.test.ts',
  ]);
});

test('an unknown group, or files that match nothing, fail instead of running nothing', () => {
  assert.throws(() => plan(['--group', 'ally'], ALL), /no test group "ally"; the groups: harness, a11y/);
  assert.throws(() => plan(['--files', 'test/nope.test.ts'], ALL), /no test file matches "test\/nope.test.ts"/);
  assert.throws(() => plan(['--files'], ALL), /--files needs a value/);
});

test('every test file of the repository is in exactly one group, and the harness files are named', () => {
  const files = findTestFiles(root);
  assert.ok(files.length > 15, `found ${files.length}`);
  for (const f of files) assert.ok(GROUPS.some((g: { name: string }) => g.name === groupOf(f)), f);
  assert.deepEqual(
    files.filter((f: string) => isHarness(f)),
    ['test/resilience/failure-table.test.ts', 'test/resilience/harness.test.ts', ...files.filter((f: string) => f.startsWith('test/tools/'))],
  );
  assert.ok(files.includes('test/tools/run-tests.test.ts'));
  // Every element's own test file runs with the element group, not with the headless client's.
  const elements = files.filter((f: string) => /^test\/[\w-]*(element|cas-portfolio)\.test\.ts$/.test(f));
  assert.ok(elements.length >= 6, elements.join());
  for (const f of elements) assert.equal(groupOf(f), 'element', f);
});

test('web-test-runner counts: product and harness apart, and a file that did not load as a failure', () => {
  const session = (file: string, passed: boolean, tests: { passed: boolean; skipped?: boolean }[], errors: unknown[] = []) => ({
    testFile: join(root, file),
    passed,
    errors,
    testResults: { name: '', tests: [], suites: [{ name: 's', suites: [], tests: tests.map((t) => ({ skipped: false, ...t })) }] },
  });
  const counts = countSessions(
    [
      session('test/a11y.test.ts', false, [{ passed: true }, { passed: false }, { passed: false, skipped: true }]),
      session('test/resilience/harness.test.ts', true, [{ passed: true }, { passed: true }]),
      session('test/upload.test.ts', false, [], [{ message: 'Failed to fetch dynamically imported module' }]),
    ],
    root,
  );
  assert.deepEqual(counts, {
    product: { passed: 1, failed: 2, skipped: 1 },
    harness: { passed: 2, failed: 0, skipped: 0 },
    harnessFiles: ['test/resilience/harness.test.ts'],
  });
});

test('web-test-runner quiet reporter: nothing for a file that passed (its browser logs included), the report for one that failed', () => {
  const reporter = quietReporter();
  reporter.start({ browserNames: ['Chromium'], config: {}, browsers: [], testFiles: [], sessions: {}, startTime: 0 });
  const report = (passed: boolean) => {
    const logger = { buffer: [] as unknown[], logBufferedMessages() {}, log: (...a: unknown[]) => logger.buffer.push(a), group() {}, groupEnd() {}, error: (...a: unknown[]) => logger.buffer.push(a) };
    const session = {
      id: '1',
      testFile: join(root, 'test/a11y.test.ts'),
      browser: { name: 'Chromium' },
      passed,
      errors: [],
      logs: [['Lit is in dev mode']],
      request404s: [],
      testResults: { name: '', suites: [], tests: [{ name: 't', passed, skipped: false, error: passed ? undefined : { message: 'expected 1 to equal 2' } }] },
    };
    reporter.reportTestFileResults({ logger, sessionsForTestFile: [session], testFile: session.testFile });
    return JSON.stringify(logger.buffer);
  };
  assert.equal(report(true), '[]');
  assert.match(report(false), /expected 1 to equal 2/);
  assert.deepEqual(reporter.getTestProgress({ testRun: 0, focusedTestFile: undefined, testCoverage: undefined }), [], 'no progress bar');
});

test('node:test reporter: quiet when green, the failure and its file output when not, a file that did not load counted', () => {
  const dir = tree({
    'ok.test.mjs': "import { test } from 'node:test'; console.log('noise'); test('a', () => {}); test('b', () => {});",
    'bad.test.mjs':
      "import { test, describe } from 'node:test'; import assert from 'node:assert/strict';\n" +
      "console.log('said by bad');\n" +
      "describe('outer', () => { test('inner', () => assert.equal(1, 2)); test('fine', () => {}); });\n" +
      "test('skipped', { skip: true }, () => {});",
    'broken.test.mjs': "import './missing.mjs';",
  });
  const reporter = join(root, 'scripts/node-test-reporter.mjs');
  const summary = join(dir, 'summary.json');
  // Without this test's own NODE_TEST_CONTEXT, which would make the inner run report to it.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const run = (...files: string[]) =>
    spawnSync(process.execPath, ['--test', `--test-reporter=${reporter}`, ...files.map((f) => join(dir, f))], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...env, CAS_TEST_SUMMARY: summary },
    });
  try {
    const green = run('ok.test.mjs');
    assert.equal(green.status, 0);
    assert.equal(green.stdout, '', 'a green run prints nothing');
    assert.deepEqual(JSON.parse(readFileSync(summary, 'utf8')).product, { passed: 2, failed: 0, skipped: 0 });

    const red = run('ok.test.mjs', 'bad.test.mjs', 'broken.test.mjs');
    assert.equal(red.status, 1);
    assert.match(red.stdout, /bad\.test\.mjs:\n {2}✖ outer › inner\n/);
    assert.match(red.stdout, /1 !== 2/);
    assert.match(red.stdout, /its output:\n {4}said by bad/);
    assert.match(red.stdout, /broken\.test\.mjs:\n {2}✖ \(the file did not run: see its output\)[\s\S]*missing\.mjs/);
    assert.doesNotMatch(red.stdout, /noise/, 'the output of a green file is not shown');
    assert.deepEqual(JSON.parse(readFileSync(summary, 'utf8')).product, { passed: 3, failed: 2, skipped: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

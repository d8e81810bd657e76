// web-test-runner reporters: the counts of a run (a test file that failed to load counts as a
// failure), and a quiet reporter that shows only what failed.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { defaultReporter } from '@web/test-runner';
import { isHarness, emptyCounts } from './test-groups.mjs';

function walk(suite, acc) {
  if (!suite) return;
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped += 1;
    else if (t.passed) acc.passed += 1;
    else acc.failed += 1;
  }
  for (const s of suite.suites ?? []) walk(s, acc);
}

/** Counts the tests of finished sessions, product and harness apart. */
export function countSessions(sessions, root = process.cwd()) {
  const counts = emptyCounts();
  for (const session of sessions) {
    const file = relative(root, session.testFile);
    const harness = isHarness(file);
    const acc = harness ? counts.harness : counts.product;
    if (harness && !counts.harnessFiles.includes(file)) counts.harnessFiles.push(file);
    walk(session.testResults, acc);
    // A file that did not load, or failed outside a test, has errors and no failed test.
    if (!session.passed && (session.errors?.length ?? 0) > 0) acc.failed += session.errors.length;
  }
  return counts;
}

/**
 * Prints one closing line "tests: N passed, N failed" (plus skipped), or, with `file`, writes
 * the counts there as JSON for scripts/run-tests.mjs, which prints the closing line of both
 * runners.
 */
export function summaryReporter({ file } = {}) {
  return {
    stop({ sessions }) {
      const counts = countSessions(sessions);
      if (file) return writeFileSync(file, JSON.stringify(counts));
      const passed = counts.product.passed + counts.harness.passed;
      const failed = counts.product.failed + counts.harness.failed;
      const skipped = counts.product.skipped + counts.harness.skipped;
      // eslint-disable-next-line no-console
      console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    },
  };
}

/**
 * web-test-runner's own report (failed tests with their diffs, the file's browser logs and
 * 404s) for the test files that failed, nothing for the others and no progress bar: a green
 * run prints nothing.
 */
export function quietReporter() {
  const inner = defaultReporter({ reportTestProgress: false });
  return {
    ...inner,
    reportTestFileResults(args) {
      if (args.sessionsForTestFile.every((s) => s.passed)) return undefined;
      return inner.reportTestFileResults(args);
    },
  };
}

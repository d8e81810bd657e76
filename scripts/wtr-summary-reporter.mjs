// Prints one closing line "tests: N passed, N failed" (plus skipped) after a web-test-runner run,
// and counts a test file that failed to load as a failure.
function count(tests, acc) {
  for (const t of tests ?? []) {
    if (t.skipped) acc.skipped += 1;
    else if (t.passed) acc.passed += 1;
    else acc.failed += 1;
  }
}
function walk(suite, acc) {
  if (!suite) return;
  count(suite.tests, acc);
  for (const s of suite.suites ?? []) walk(s, acc);
}

export function summaryReporter() {
  return {
    stop({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        walk(session.testResults, acc);
        if (!session.passed && (session.errors?.length ?? 0) > 0) acc.failed += session.errors.length;
      }
      const skipped = acc.skipped ? `, ${acc.skipped} skipped` : '';
      // eslint-disable-next-line no-console
      console.log(`\ntests: ${acc.passed} passed, ${acc.failed} failed${skipped}`);
    },
  };
}

// The folders of Node tests (node:test): scripts/run-tests.mjs runs them after the browser
// tests, and web-test-runner.config.mjs leaves them out. The server helper and SSR
// (test/node), the built package (test/dist), the framework interop pages driven in Chromium
// (test/interop, fixtures built by scripts/run-tests.mjs) and the demo end to end (test/e2e).
export const NODE_TEST_DIRS = ['test/node', 'test/dist', 'test/interop', 'test/e2e'];

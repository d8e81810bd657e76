// Runs every test in real headless Chromium. The browser is found through CHROME_PATH,
// then the usual install locations (see README, "Prerequisite: a Chromium browser").
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { summaryReporter, quietReporter } from './scripts/wtr-summary-reporter.mjs';
import { findChromium, chromiumArgs } from './scripts/chromium.mjs';
import { defaultReporter } from '@web/test-runner';
import { faultServers } from './scripts/fault-servers.mjs';
import { testPdfsMiddleware } from './scripts/test-pdfs.mjs';
import { findTestFiles, runnerOf, groupOf, GROUPS } from './scripts/test-groups.mjs';
import { collapseTemplates } from './scripts/template-whitespace.mjs';
import { check as checkExchange } from './test/spec/check.mjs';

const require = createRequire(import.meta.url);
/** Real local HTTP servers (test/resilience, and the real timeouts of test/mocks/in-page.ts): a token backend here, a fake API on a second origin. */
const faults = faultServers();


/**
 * `api-spec-check`: what breaks the official specification in one exchange of the msw mocks
 * (test/mocks/spec-check.ts), judged in Node by test/spec/check.mjs.
 */
const apiSpecPlugin = {
  name: 'api-spec',
  executeCommand({ command, payload }) {
    if (command === 'api-spec-check') return checkExchange(payload);
  },
};

/** Serves msw's service worker at the origin root, so nothing generated is committed. */
const mswWorkerPlugin = {
  name: 'msw-worker',
  async serve(context) {
    if (context.path === '/mockServiceWorker.js') {
      const file = require.resolve('msw/mockServiceWorker.js');
      return { body: await readFile(file, 'utf8'), type: 'js' };
    }
  },
};

/** The sources' templates as the builds ship them (scripts/template-whitespace.mjs): after esbuild, so on JavaScript. */
const templateWhitespacePlugin = {
  name: 'template-whitespace',
  transform(context) {
    if (context.path.startsWith('/src/') && context.path.endsWith('.ts')) {
      const out = collapseTemplates(context.body, context.path);
      if (out) return { body: out.code };
    }
  },
};

/**
 * JSON imported by test modules (the API fixture) is served as an ES module: the TypeScript
 * transform drops `with { type: 'json' }`, which the browser would otherwise require.
 */
const jsonModulePlugin = {
  name: 'json-module',
  resolveMimeType(context) {
    if (context.path.endsWith('.json') && context.path.startsWith('/test/')) return 'js';
  },
  transform(context) {
    if (context.path.endsWith('.json') && context.path.startsWith('/test/')) {
      return { body: `export default ${context.body};` };
    }
  },
};

// The browser test files (the Node tests run apart: scripts/run-tests.mjs), one group per
// area (`npx wtr --group a11y`). `npm test` hands over the files it chose in CAS_TEST_FILES;
// `--files` on the command line replaces the groups too.
const browserFiles = findTestFiles().filter((f) => runnerOf(f) === 'browser');
const chosen = process.env.CAS_TEST_FILES?.split('\n').filter(Boolean);
const byCli = process.argv.includes('--files');
const groups = GROUPS.map(({ name }) => ({ name, files: browserFiles.filter((f) => groupOf(f) === name) })).filter(
  (g) => g.files.length > 0,
);
// Run by `npm test`: only failures are reported, and the counts go to a file it reads.
const summaryFile = process.env.CAS_TEST_SUMMARY;

/**
 * Lit's dev build (the tests run it for its extra checks) warns once per page that it is in
 * dev mode: marked as said before Lit loads. Lit's other warnings still show.
 */
const testRunnerHtml = (testFramework) =>
  `<!doctype html><html><head><script>(globalThis.litIssuedWarnings ??= new Set()).add('dev-mode');</script></head>` +
  `<body><script type="module" src="${testFramework}"></script></body></html>`;

export default {
  ...(chosen ? { files: chosen } : byCli ? {} : { groups }),
  testRunnerHtml,
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs },
    }),
  ],
  // `/test-pdfs/<name>.pdf`: PDFs encrypted by qpdf on first request (scripts/test-pdfs.mjs).
  middleware: [faults.middleware, testPdfsMiddleware()],
  plugins: [
    faults.plugin,
    apiSpecPlugin,
    mswWorkerPlugin,
    jsonModulePlugin,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    templateWhitespacePlugin,
  ],
  reporters: summaryFile ? [quietReporter(), summaryReporter({ file: summaryFile })] : [defaultReporter(), summaryReporter()],
};

// Runs every test in real headless Chromium. The browser is found through CHROME_PATH,
// then the usual install locations (see README, "Prerequisite: a Chromium browser").
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { findChromium, chromiumArgs } from './scripts/chromium.mjs';
import { defaultReporter } from '@web/test-runner';
import { faultServers } from './scripts/fault-servers.mjs';
import { NODE_TEST_DIRS } from './scripts/node-test-dirs.mjs';

const require = createRequire(import.meta.url);
/** Real local HTTP servers for test/resilience: a token backend here, a fake API on a second origin. */
const faults = faultServers();


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

export default {
  // The Node tests (node:test) run apart: scripts/run-tests.mjs.
  files: ['test/**/*.test.ts', ...NODE_TEST_DIRS.map((dir) => `!${dir}/**`)],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs },
    }),
  ],
  middleware: [faults.middleware],
  plugins: [
    faults.plugin,
    mswWorkerPlugin,
    jsonModulePlugin,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};

// Where the tests are, which runner runs each file, and the groups a contributor runs one of
// (`npm test -- --group a11y`). scripts/run-tests.mjs and web-test-runner.config.mjs both
// take the test files from here, so a file is run by exactly one runner, once.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The folders of Node tests (node:test), searched at any depth: the server helper and SSR
 * (test/node), the built package (test/dist), the framework interop pages driven in Chromium
 * (test/interop, fixtures built by scripts/run-tests.mjs), the demo end to end (test/e2e) and
 * the tests of the test tools themselves (test/tools). Every other `*.test.ts` under test/
 * runs in the browser (web-test-runner).
 */
export const NODE_TEST_DIRS = ['test/node', 'test/dist', 'test/interop', 'test/e2e', 'test/tools'];

/**
 * Tests of the tests' own tools and data, not of the product: counted and named apart in the
 * closing output of `npm test`. A folder ends with `/`.
 */
export const HARNESS = ['test/tools/', 'test/resilience/harness.test.ts', 'test/resilience/failure-table.test.ts'];

/**
 * The groups, in order; a file belongs to the first group one of whose entries it matches
 * (a file, or a folder ending with `/`), and `unit` takes the rest.
 */
export const GROUPS = [
  { name: 'harness', about: "the tests' own tools and data (runner, reporters, resilience harness, fault table)", match: HARNESS },
  { name: 'a11y', about: 'accessibility: axe in every state, keyboard, focus, contrast, zoom, phone widths and target sizes', match: ['test/a11y.test.ts', 'test/phone.test.ts'] },
  { name: 'ux', about: 'what a visitor sees and does: choosing, progress, outcomes, theming, languages', match: ['test/ux-flow.test.ts', 'test/languages.test.ts'] },
  { name: 'element', about: 'the elements: properties, events, states, secrets, races, forms and parts', match: ['test/cas-upload-element.test.ts', 'test/upload-password-load.test.ts', 'test/forms-and-parts.test.ts', 'test/cdsl-fetch-element.test.ts', 'test/mailback-element.test.ts', 'test/inbox-element.test.ts', 'test/forward-element.test.ts', 'test/connect-element.test.ts', 'test/connect-webview.test.ts', 'test/cas-portfolio.test.ts'] },
  { name: 'resilience', about: 'faults against real local servers: the fault matrix, hostile content, load, token races', match: ['test/resilience/'] },
  { name: 'server', about: 'the token helper (cas-upload/server) and SSR, in Node', match: ['test/node/'] },
  { name: 'dist', about: 'the built package: files, manifest, README values, types', match: ['test/dist/'] },
  { name: 'interop', about: 'plain HTML, React, Vue and Svelte pages in Chromium', match: ['test/interop/'] },
  { name: 'e2e', about: 'the demo and the live demo end to end', match: ['test/e2e/'] },
  { name: 'unit', about: 'the headless client and the rest: request, token cache, errors, PDF check', match: ['test/'] },
];

const posix = (p) => p.split(sep).join('/');
const matches = (file, entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry);

/** Every `*.test.ts` under `test/` of `root`, at any depth (dot folders and node_modules left out), sorted. */
export function findTestFiles(root = process.cwd()) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts')) out.push(posix(relative(root, path)));
    }
  };
  walk(join(root, 'test'));
  return out.sort();
}

/** `node` for a file under one of {@link NODE_TEST_DIRS}, `browser` for any other. */
export const runnerOf = (file) => (NODE_TEST_DIRS.some((dir) => matches(file, `${dir}/`)) ? 'node' : 'browser');

/** The name of the group `file` belongs to. */
export const groupOf = (file) => GROUPS.find((g) => g.match.some((entry) => matches(file, entry))).name;

/** Whether `file` tests the tests' own tools and data rather than the product. */
export const isHarness = (file) => HARNESS.some((entry) => matches(posix(file), entry));

/** Zeroed counts of a run: product tests, and harness tests (the tests' own tools and data) with their files. */
export const emptyCounts = () => ({
  product: { passed: 0, failed: 0, skipped: 0 },
  harness: { passed: 0, failed: 0, skipped: 0 },
  harnessFiles: [],
});

/** `files` sorted by runner. */
export function byRunner(files) {
  return { browser: files.filter((f) => runnerOf(f) === 'browser'), node: files.filter((f) => runnerOf(f) === 'node') };
}

/** A file, a folder (every test under it) or a glob (`*`, `**`) as a test of `file`. */
export function selector(pattern) {
  const p = posix(pattern).replace(/^\.\//, '');
  if (p.includes('*')) {
    const re = new RegExp(
      `^${p
        .split(/(\*\*\/?|\*)/)
        .map((part) => (part.startsWith('**') ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join('')}$`,
    );
    return (file) => re.test(file);
  }
  const folder = p.endsWith('/') ? p : `${p}/`;
  return (file) => file === p || file.startsWith(folder);
}

/**
 * What `npm test -- <args>` runs. `--files <file|folder|glob>...` and `--group <name>` (either
 * may be repeated; a group may also be `a,b`) select files, for whichever runner owns them;
 * any other argument goes to web-test-runner and selects nothing. Throws on an unknown group
 * or a selector that matches no test file, so that a typo never passes as a green run.
 */
export function plan(args, all = findTestFiles()) {
  const patterns = [];
  const groups = [];
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.split(/=(.*)/s);
    if (flag === '--files' || flag === '--group') {
      const values = inline !== undefined ? [inline] : [];
      while (inline === undefined && i + 1 < args.length && !args[i + 1].startsWith('--')) values.push(args[++i]);
      if (!values.length) throw new Error(`${flag} needs a value`);
      if (flag === '--files') patterns.push(...values);
      else groups.push(...values.flatMap((v) => v.split(',')).filter(Boolean));
    } else rest.push(arg);
  }
  for (const name of groups) {
    if (!GROUPS.some((g) => g.name === name)) {
      throw new Error(`no test group "${name}"; the groups: ${GROUPS.map((g) => g.name).join(', ')}`);
    }
  }
  for (const pattern of patterns) {
    if (!all.some(selector(pattern))) throw new Error(`no test file matches "${pattern}"`);
  }
  const subset = patterns.length > 0 || groups.length > 0;
  const chosen = subset
    ? all.filter((f) => groups.includes(groupOf(f)) || patterns.some((p) => selector(p)(f)))
    : all;
  return { subset, files: chosen, ...byRunner(chosen), wtrArgs: rest };
}

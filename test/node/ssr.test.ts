/// <reference types="node" />
// Server-side rendering safety: importing the package in Node (as a server framework does while
// rendering a page) throws nothing and defines nothing. Each import runs in a fresh Node
// process, through package.json `exports`, against the built `dist/` (`npm run build` first).
// Run: node --import tsx --test test/node/ssr.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Globals that Lit's own Node build installs (its DOM shim for SSR), not cas-upload. */
const LIT_SSR_GLOBALS = [
  'customElements',
  'litServerRoot',
  'litPropertyMetadata',
  'reactiveElementVersions',
  'litHtmlVersions',
  'litElementVersions',
];

interface Outcome {
  error?: string;
  exports: string[];
  newGlobals: string[];
  defined: boolean;
}

/** Imports `specifier` in a fresh Node process and reports what changed. */
function importInNode(specifier: string): Outcome {
  const script = `
    const before = new Set(Reflect.ownKeys(globalThis));
    const outcome = { exports: [], newGlobals: [], defined: false };
    try {
      outcome.exports = Object.keys(await import(${JSON.stringify(specifier)}));
    } catch (err) {
      outcome.error = String(err && err.stack || err);
    }
    // The one symbol-keyed slot that lets copies of the library share the page's token cache.
    const cacheSlot = Symbol.for('cas-upload.token-cache');
    outcome.newGlobals = Reflect.ownKeys(globalThis).filter((k) => !before.has(k) && k !== cacheSlot).map(String);
    outcome.defined = Boolean(globalThis.customElements?.get?.('cas-upload'));
    console.log(JSON.stringify(outcome));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Outcome;
}

test('cas-upload/core: imports in Node, adds no global, defines nothing', () => {
  const outcome = importInNode('cas-upload/core');
  assert.equal(outcome.error, undefined);
  assert.ok(outcome.exports.includes('uploadCas') && outcome.exports.includes('CasUploadError'));
  assert.deepEqual(outcome.newGlobals, []);
  assert.equal(outcome.defined, false);
});

for (const specifier of ['cas-upload', 'cas-upload/element', 'cas-upload/react']) {
  test(`${specifier}: imports in Node, registers no element, adds no global of its own`, () => {
    const outcome = importInNode(specifier);
    assert.equal(outcome.error, undefined);
    assert.ok(outcome.exports.includes('CasUploadElement'));
    assert.equal(outcome.defined, false, '<cas-upload> is not registered on the server');
    assert.deepEqual(
      outcome.newGlobals.filter((name) => !LIT_SSR_GLOBALS.includes(name)),
      [],
      `globals other than Lit's SSR shim: ${outcome.newGlobals.join(', ')}`,
    );
  });
}

test('cas-upload/server: imports in Node and adds no global', () => {
  const outcome = importInNode('cas-upload/server');
  assert.equal(outcome.error, undefined);
  assert.ok(outcome.exports.includes('createTokenHandler'));
  assert.deepEqual(outcome.newGlobals, []);
});

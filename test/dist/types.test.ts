/// <reference types="node" />
// The built declarations, as a TypeScript user gets them: test/dist/types/consumer.tsx compiles
// against `dist/types` through package.json `exports` (strict, declaration files checked too),
// and each mistake marked `@ts-expect-error` there is caught. Needs `npm run build` first.
// Run: node --import tsx --test test/dist/types.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

test('a TypeScript consumer of the built package type-checks, and the types catch its mistakes', () => {
  const run = spawnSync(process.execPath, [tsc, '-p', 'test/dist/types/tsconfig.json'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc found problems:\n${run.stdout}${run.stderr}`);
});

test('the framework types generated from the manifest (Vue, Svelte, Preact, Solid) type-check and catch mistakes', () => {
  const run = spawnSync(process.execPath, [tsc, '-p', 'test/dist/types/tsconfig.editors.json'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc found problems:\n${run.stdout}${run.stderr}`);
});

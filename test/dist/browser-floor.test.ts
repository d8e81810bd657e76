/// <reference types="node" />
// The oldest browsers the built files run in (scripts/browser-floor.mjs, from MDN's
// browser-compat-data) are the ones docs/browser-support.md states: a newer-only API, CSS
// property, function, selector or at-rule that creeps in fails here.
// Run (after `npm run build`): node --import tsx --test test/dist/browser-floor.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain .mjs script without types
import { BROWSERS, floorOf, floorOfFiles, scan } from '../../scripts/browser-floor.mjs';

type Floor = Record<string, { version: number; by: string[] }>;

const root = fileURLToPath(new URL('../../', import.meta.url));
const doc = readFileSync(`${root}docs/browser-support.md`, 'utf8');

/** The table of docs/browser-support.md: `| Chrome | 123 | … |` rows, by BCD browser name. */
function stated(): Record<string, number> {
  const names: Record<string, string> = {
    Chrome: 'chrome',
    Edge: 'edge',
    Firefox: 'firefox',
    Safari: 'safari',
    'Chrome for Android': 'chrome_android',
    'Firefox for Android': 'firefox_android',
    'Safari on iOS': 'safari_ios',
  };
  const rows = [...doc.matchAll(/^\| ([A-Za-z ]+?) \| ([\d.]+) \|/gm)];
  return Object.fromEntries(rows.filter(([, name]) => names[name]).map(([, name, v]) => [names[name], Number(v)]));
}

test('docs/browser-support.md states the real floor of the built files, for every browser', () => {
  const floor: Floor = floorOfFiles(root);
  const real = Object.fromEntries(BROWSERS.map((b: string) => [b, floor[b].version]));
  assert.deepEqual(stated(), real, `the built files need: ${JSON.stringify(floor, null, 1)}`);
});

test('the floor is set by light-dark() (the colour scheme), nothing newer', () => {
  const floor: Floor = floorOfFiles(root);
  assert.deepEqual(floor.chrome.by, ['css.types.color.light-dark']);
  assert.deepEqual(floor.safari.by, ['css.types.color.light-dark']);
});

test('the scan finds newer-only features in code and in style sheets', () => {
  const js = 'AbortSignal.any([a,b]);Promise.withResolvers()';
  const css = ':host{display:block}@container (width>1px){a:has(b){field-sizing:content}}';
  const ids = scan({ js, css }).map((f: { id: string }) => f.id);
  for (const id of [
    'api.AbortSignal.any_static',
    'javascript.builtins.Promise.withResolvers',
    'css.at-rules.container',
    'css.selectors.has',
    'css.properties.field-sizing',
  ]) {
    assert.ok(ids.includes(id), `${id} found (found: ${ids.join(', ')})`);
  }
  // Firefox has had AbortSignal.any only since 124: above the floor of 120.
  assert.ok(floorOf(scan({ js: 'AbortSignal.any([a])' })).firefox.version > stated().firefox);
});

#!/usr/bin/env node
// The oldest browsers the built files run in, from MDN's browser-compat-data: every web API,
// JavaScript built-in, CSS property, function, selector and at-rule the files use (as far as
// their text shows it), with the first version of each browser that supports it. The floor is
// the newest of those versions per browser. test/node/browser-floor.test.ts fails when the
// floor rises above the one docs/browser-support.md states.
//
// `node scripts/browser-floor.mjs` prints the features that set the floor, per browser.
//
// What a text scan cannot see: an instance method whose name an older feature also has (for
// example `.at()` of both Array and String), and values of CSS properties. Syntax is held to
// the build target (ES2022, vite.config.ts), which every browser of the floor supports.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const bcd = createRequire(import.meta.url)('@mdn/browser-compat-data');

/** The browsers of the floor, by their BCD names. */
export const BROWSERS = ['chrome', 'edge', 'firefox', 'safari', 'chrome_android', 'firefox_android', 'safari_ios'];

/** The built files a page loads. */
export const FILES = ['dist/cdn/cas-upload.js', 'dist/cdn/cas-upload.hi.js', 'dist/cdn/cas-upload.summary.js', 'dist/cdn/cas-upload.password.js'];

/** A BCD version as a number (`"17.5"` → 17.5, `"≤79"` → 79); Infinity when not supported. */
function version(v) {
  if (v === true) return 0;
  if (typeof v != 'string' || v === 'preview') return Infinity;
  return parseFloat(v.replace('≤', ''));
}

/**
 * The first version of `browser` that supports the feature without a flag, prefix or other
 * name, a partial implementation included (for example `accent-color`, which Safari had for
 * years without its contrast rule); Infinity when it has none, or had one and removed it.
 */
function added(compat, browser) {
  const entries = [compat.support[browser] ?? []].flat();
  const plain = entries.filter((e) => !e.flags && !e.prefix && !e.alternative_name);
  return plain.some((e) => !e.version_removed) ? Math.min(...plain.map((e) => version(e.version_added))) : Infinity;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every feature that a text can show, with the pattern that finds it. */
function features() {
  const list = [];
  // Non-standard and deprecated features are left out: their names are common words.
  const add = (id, compat, pattern, where = 'js') =>
    compat?.status?.standard_track && !compat.status.deprecated && list.push({ id, compat, pattern, where });
  const members = (tree, path, instanceNames) => {
    for (const [name, node] of Object.entries(tree)) {
      if (name === '__compat' || !node.__compat) continue;
      const interfaceName = path.at(-1);
      if (name === interfaceName || name.endsWith('_event') || name.endsWith('_permission') || name.startsWith('worker_')) continue;
      const staticName = name.replace(/_static$/, '');
      add(`${path.join('.')}.${name}`, node.__compat, new RegExp(`\\b${escape(interfaceName)}\\.${escape(staticName)}\\b`));
      if (!name.endsWith('_static') && /^[a-zA-Z]\w+$/.test(name)) (instanceNames[name] ??= []).push({ id: `${path.join('.')}.${name}`, owner: interfaceName, compat: node.__compat });
    }
  };
  const instanceNames = Object.create(null);
  for (const [tree, prefix] of [
    [bcd.api, 'api'],
    [bcd.javascript.builtins, 'javascript.builtins'],
  ]) {
    for (const [name, node] of Object.entries(tree)) {
      add(`${prefix}.${name}`, node.__compat, new RegExp(`(?<![\\w$.-])${escape(name)}\\b(?![-$])`));
      members(node, [prefix, name], instanceNames);
    }
  }
  // An instance member is found by `.name` only when the text also names its interface, and no
  // feature that every browser has had for years (before the floor could matter) shares its name.
  for (const [name, owners] of Object.entries(instanceNames)) {
    const old = owners.some(({ compat }) => BROWSERS.every((b) => added(compat, b) <= 90));
    if (!old) for (const { id, owner, compat } of owners) add(id, compat, new RegExp(`\\b${escape(owner)}\\b[^]*\\.${escape(name)}\\b|\\.${escape(name)}\\b[^]*\\b${escape(owner)}\\b`), 'js');
  }
  for (const [name, node] of Object.entries(bcd.css.properties)) add(`css.properties.${name}`, node.__compat, new RegExp(`[{;]${escape(name)}:`), 'css');
  for (const [name, node] of Object.entries(bcd.css.selectors)) add(`css.selectors.${name}`, node.__compat, new RegExp(`::?${escape(name)}(?![\\w-])`), 'css');
  for (const [name, node] of Object.entries(bcd.css['at-rules'])) add(`css.at-rules.${name}`, node.__compat, new RegExp(`@${escape(name)}(?![\\w-])`), 'css');
  const functions = (tree, path) => {
    for (const [name, node] of Object.entries(tree)) {
      if (name === '__compat') continue;
      if (/\(\)/.test(node.__compat?.description ?? '')) add(`${path}.${name}`, node.__compat, new RegExp(`(?<![\\w.-])${escape(name)}\\(`), 'css');
      functions(node, `${path}.${name}`);
    }
  };
  functions(bcd.css.types, 'css.types');
  return list;
}

/** The features that `js` (code) and `css` (style sheets) use, each with its first supporting version per browser. */
export function scan({ js = '', css = '' }) {
  return features()
    .filter(({ pattern, where }) => pattern.test(where === 'css' ? css : js))
    .map(({ id, compat }) => ({ id, versions: Object.fromEntries(BROWSERS.map((b) => [b, added(compat, b)])) }));
}

/** The newest first-supporting version per browser over `found`, and the features behind it. */
export function floorOf(found) {
  return Object.fromEntries(
    BROWSERS.map((b) => {
      const v = Math.max(0, ...found.map((f) => f.versions[b]));
      return [b, { version: v, by: found.filter((f) => f.versions[b] === v).map((f) => f.id) }];
    }),
  );
}

/** The style sheets in a built file: the text of its Lit `css` templates (`:host{…}`). */
export const cssOf = (js) => [...js.matchAll(/`\s*(:host\{[^`]*)`/g)].map((m) => m[1]).join('\n');

/** The floor of the built files. */
export function floorOfFiles(root = fileURLToPath(new URL('..', import.meta.url))) {
  const js = FILES.map((f) => readFileSync(`${root}/${f}`, 'utf8')).join('\n');
  return floorOf(scan({ js, css: cssOf(js) }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [browser, { version: v, by }] of Object.entries(floorOfFiles())) console.log(`${browser.padEnd(16)} ${String(v).padEnd(6)} ${by.join(', ')}`);
}

/// <reference types="node" />
// custom-elements.json (generated from the element's JSDoc by `npm run build`) lists the whole
// public API of <cas-upload>, as the package ships it, and docs/api.md is generated from it.
// Run: node --import tsx --test test/dist/manifest.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// @ts-expect-error a plain ES module script, without declarations
import { apiReference, MARKERS } from '../../scripts/api-docs.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const page = readFileSync(`${root}docs/api.md`, 'utf8');

interface Named {
  name: string;
  type?: { text: string };
  description?: string;
}
interface Member extends Named {
  kind: 'field' | 'method';
  default?: string;
  static?: boolean;
  privacy?: string;
}
interface Attribute extends Named {
  fieldName?: string;
  default?: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Attribute[];
  members?: Member[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  slots?: Named[];
}
const manifest = JSON.parse(readFileSync(`${root}custom-elements.json`, 'utf8')) as {
  modules: {
    path: string;
    declarations: Declaration[];
    exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
  }[];
};
const element = manifest.modules.flatMap((m) => m.declarations).find((d) => d.customElement)!;

const sorted = (values: Iterable<string>) => [...values].sort();

test('the manifest describes <cas-upload>, exported from the element module', () => {
  assert.equal(element.name, 'CasUploadElement');
  assert.equal(element.tagName ?? 'cas-upload', 'cas-upload');
  assert.ok(manifest.modules.some((m) => m.exports?.some((e) => e.name === 'CasUploadElement')));
});

test('docs/api.md holds the element reference generated from the manifest', () => {
  const inPage = page.slice(page.indexOf(MARKERS[0]) + MARKERS[0].length, page.indexOf(MARKERS[1])).trim();
  assert.ok(page.includes(MARKERS[0]) && page.includes(MARKERS[1]), 'docs/api.md has the api-reference markers');
  assert.equal(inPage, apiReference(manifest).trim(), 'docs/api.md is out of date: run `node scripts/api-docs.mjs --write`');
});

test('the generated reference names every attribute, property, method, event, part, slot and custom property', () => {
  const reference = apiReference(manifest);
  const names = [
    ...(element.attributes ?? []).map((a) => a.name),
    ...(element.members ?? []).filter((m) => m.privacy !== 'private').map((m) => m.name),
    ...(element.events ?? []).map((e) => e.name),
    ...(element.cssParts ?? []).map((p) => p.name),
    ...(element.slots ?? []).map((s) => s.name),
    ...(element.cssProperties ?? []).map((p) => p.name),
  ];
  assert.ok(names.length > 40);
  // `name` in backticks, or a method's signature (`CasUploadElement.define(tag?, registry?)`).
  for (const name of names) assert.ok(reference.includes(`\`${name}\``) || reference.includes(`${name}(`), `${name} is in the reference`);
});

test('every public property and method has a description', () => {
  const members = (element.members ?? []).filter((m) => !m.static && m.privacy !== 'private');
  for (const member of members) assert.ok(member.description, `${member.name} has a description`);
});

test('attributes: each maps to a documented property of the contract', () => {
  assert.deepEqual(sorted((element.attributes ?? []).map((a) => `${a.name} → ${a.fieldName}`)), [
    'allow-empty-password → allowEmptyPassword',
    'api-base → apiBase',
    'disabled → disabled',
    'file-field → fileField',
    'max-size → maxSize',
    'parser → parser',
    'required → required',
    'retries → retries',
    'retry-delay → retryDelay',
    'state → state',
    'timeout → timeout',
    'token-method → tokenMethod',
    'token-url → tokenUrl',
  ]);
});

test('events: each with a typed CustomEvent detail that events.ts exports', () => {
  const events = element.events ?? [];
  assert.deepEqual(sorted(events.map((e) => e.name)), sorted(['cas-upload-select', 'cas-upload-start', 'cas-upload-progress', 'cas-upload-success', 'cas-upload-error', 'cas-upload-cancel']));
  const typings = readFileSync(`${root}src/shared/events.ts`, 'utf8');
  for (const event of events) {
    const detail = /^CustomEvent<(\w+)>$/.exec(event.type?.text ?? '')?.[1];
    assert.ok(detail, `${event.name} has a detail type (got ${event.type?.text})`);
    assert.match(typings, new RegExp(`export (interface|type) ${detail}\\b`), `${detail} is exported`);
    assert.match(typings, new RegExp(`'${event.name}': CustomEvent<${detail}>`), `${event.name} in CasUploadEventMap`);
  }
  // docs/api.md's hand-written table of event details covers the same events.
  const details = page.slice(page.indexOf('### Event details'), page.indexOf('## Error codes'));
  for (const event of events) assert.ok(details.includes(`| \`${event.name}\` |`), `${event.name} in "Event details"`);
});

test('parts include every part of the contract; custom properties are all --cas-upload-*', () => {
  const parts = (element.cssParts ?? []).map((p) => p.name);
  const contract = ['dropzone', 'file-input', 'password-input', 'submit', 'cancel', 'progress', 'status', 'error', 'retry', 'summary'];
  assert.deepEqual(contract.filter((p) => !parts.includes(p)), []);
  for (const { name } of element.cssProperties ?? []) assert.match(name, /^--cas-upload-[a-z-]+$/);
});

test('the elements drawn in the shared frame (CasElement.frame) document its parts: base, heading, status', () => {
  const declarations = manifest.modules.flatMap((m) => m.declarations);
  for (const tag of ['cas-upload', 'cas-cdsl-fetch', 'cas-mailback', 'cas-inbox', 'cas-forward']) {
    const parts = (declarations.find((d) => d.tagName === tag)?.cssParts ?? []).map((p) => p.name);
    assert.deepEqual(['base', 'heading', 'status'].filter((p) => !parts.includes(p)), [], `${tag} documents the frame's parts`);
  }
});

test('no secret-looking default is documented in the manifest', () => {
  const text = JSON.stringify(element);
  assert.doesNotMatch(text, /\b(sk|at)_[A-Za-z0-9]{6,}/);
});

test('every module path names a file the package ships, and `cas-upload` defines the tag', () => {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { files: string[] };
  for (const mod of manifest.modules) {
    assert.match(mod.path, /^dist\/[\w/-]+\.js$/, `${mod.path} is a built file`);
    assert.ok(pkg.files.some((f) => mod.path.startsWith(`${f}/`)), `${mod.path} is in package.json files`);
    for (const exp of mod.exports ?? []) {
      if (exp.declaration.module) assert.match(exp.declaration.module, /^dist\//, `${exp.name} points at a shipped module`);
    }
  }
  const definitions = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => ({ path: m.path, ...e })));
  assert.deepEqual(
    sorted(definitions.map((d) => JSON.stringify(d))),
    sorted(
      [
        { path: 'dist/index.js', kind: 'custom-element-definition', name: 'cas-upload', declaration: { name: 'CasUploadElement', module: 'dist/element.js' } },
        { path: 'dist/cdsl-fetch.js', kind: 'custom-element-definition', name: 'cas-cdsl-fetch', declaration: { name: 'CasCdslFetchElement', module: 'dist/cdsl-fetch.js' } },
        { path: 'dist/mailback.js', kind: 'custom-element-definition', name: 'cas-mailback', declaration: { name: 'CasMailbackElement', module: 'dist/mailback.js' } },
        { path: 'dist/inbox.js', kind: 'custom-element-definition', name: 'cas-inbox', declaration: { name: 'CasInboxElement', module: 'dist/inbox.js' } },
        { path: 'dist/forward.js', kind: 'custom-element-definition', name: 'cas-forward', declaration: { name: 'CasForwardElement', module: 'dist/forward.js' } },
        { path: 'dist/connect.js', kind: 'custom-element-definition', name: 'cas-connect', declaration: { name: 'CasConnectElement', module: 'dist/connect.js' } },
        { path: 'dist/portfolio.js', kind: 'custom-element-definition', name: 'cas-portfolio', declaration: { name: 'CasPortfolioElement', module: 'dist/portfolio.js' } },
      ].map((d) => JSON.stringify(d)),
    ),
  );
});

test('types are spelled as their values and defaults are values, not identifiers', () => {
  const items = [...(element.attributes ?? []), ...(element.members ?? [])];
  const typeOf = (name: string) => items.filter((i) => i.name === name).map((i) => i.type?.text);
  assert.deepEqual(typeOf('parser'), ["'smart' | 'cdsl' | 'nsdl' | 'cams_kfintech'", "'smart' | 'cdsl' | 'nsdl' | 'cams_kfintech'"]);
  assert.deepEqual(new Set(typeOf('state')), new Set(["'idle' | 'ready' | 'uploading' | 'parsing' | 'success' | 'error'"]));
  const defaults = Object.fromEntries(items.filter((i) => (i as Attribute).default !== undefined).map((i) => [i.name, (i as Attribute).default]));
  assert.equal(defaults['api-base'], "'https://api.casparser.in'");
  assert.equal(defaults['max-size'], '10485760');
  assert.equal(defaults.maxSize, '10485760');
  for (const [name, value] of Object.entries(defaults)) {
    assert.doesNotMatch(String(value), /^[A-Z_][A-Z0-9_]*$/, `${name}: the default ${value} is a value`);
  }
});

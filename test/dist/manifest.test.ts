/// <reference types="node" />
// custom-elements.json (generated from the element's JSDoc by `npm run build`) lists the whole
// public API of <cas-upload>, and the README's API tables agree with it, both ways.
// Run: node --import tsx --test test/dist/manifest.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');

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

/** The rows of the first table under `### heading`, as cells without backticks. */
function table(heading: string): string[][] {
  const start = readme.indexOf(`\n### ${heading}\n`);
  assert.ok(start >= 0, `README has "### ${heading}"`);
  const section = readme.slice(start + 1).split(/\n#{2,3} /)[0];
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2) // header and separator
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/`/g, '')),
    );
}

/** The backticked names in the README line that starts with `label`. */
function listAfter(label: string): string[] {
  const styling = readme.slice(readme.indexOf('\n### Styling\n'));
  const text = styling.slice(styling.indexOf(label)).split(/\.\s/)[0];
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

const sorted = (values: Iterable<string>) => [...values].sort();

test('the manifest describes <cas-upload>, exported from the element module', () => {
  assert.equal(element.name, 'CasUploadElement');
  assert.equal(element.tagName ?? 'cas-upload', 'cas-upload');
  assert.ok(manifest.modules.some((m) => m.exports?.some((e) => e.name === 'CasUploadElement')));
});

test('attributes: the README table and the manifest list the same ones, with the same properties', () => {
  const rows = table('Attributes and properties').map(([attribute, property]) => ({
    attribute: attribute.split(' ')[0],
    property,
  }));
  // `lang` is the global HTML attribute, read from the closest ancestor: not the element's own.
  const readmeAttributes = rows.filter((r) => r.attribute !== '(none)' && r.attribute !== 'lang');
  assert.deepEqual(
    sorted(readmeAttributes.map((r) => `${r.attribute} → ${r.property}`)),
    sorted((element.attributes ?? []).map((a) => `${a.name} → ${a.fieldName}`)),
  );
});

test('properties: every public property is in the README table, and every README property is public', () => {
  const readmeProperties = table('Attributes and properties')
    .map(([, property]) => property)
    .filter((p) => p !== '(none)' && p !== '(inherited)');
  const fields = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && m.privacy !== 'private');
  assert.deepEqual(sorted(readmeProperties), sorted(fields.map((f) => f.name)));
  for (const field of fields) assert.ok(field.description, `${field.name} has a description`);
});

test('methods: the README table and the manifest list the same public methods', () => {
  const readmeMethods = table('Methods').map(([signature]) => signature.replace(/^CasUploadElement\./, '').split('(')[0]);
  const methods = (element.members ?? []).filter((m) => m.kind === 'method' && m.privacy !== 'private');
  assert.deepEqual(sorted(readmeMethods), sorted(methods.map((m) => m.name)));
  for (const method of methods) assert.ok(method.description, `${method.name} has a description`);
});

test('events: the same names, each with a typed CustomEvent detail that events.ts exports', () => {
  const readmeEvents = table('Events').map(([name]) => name);
  const events = element.events ?? [];
  assert.deepEqual(sorted(readmeEvents), sorted(events.map((e) => e.name)));
  const typings = readFileSync(`${root}src/events.ts`, 'utf8');
  for (const event of events) {
    const detail = /^CustomEvent<(\w+)>$/.exec(event.type?.text ?? '')?.[1];
    assert.ok(detail, `${event.name} has a detail type (got ${event.type?.text})`);
    assert.match(typings, new RegExp(`export (interface|type) ${detail}\\b`), `${detail} is exported`);
    assert.match(typings, new RegExp(`'${event.name}': CustomEvent<${detail}>`), `${event.name} in CasUploadEventMap`);
  }
});

test('parts: the README list and the manifest are the same, and include every part of the contract', () => {
  const parts = (element.cssParts ?? []).map((p) => p.name);
  assert.deepEqual(sorted(listAfter('Parts:')), sorted(parts));
  const contract = ['dropzone', 'file-input', 'password-input', 'submit', 'cancel', 'progress', 'status', 'error', 'retry', 'summary'];
  assert.deepEqual(contract.filter((p) => !parts.includes(p)), []);
});

test('CSS custom properties: the README list and the manifest are the same, all --cas-upload-*', () => {
  const properties = (element.cssProperties ?? []).map((p) => p.name);
  assert.deepEqual(sorted(listAfter('Custom properties').filter((n) => n.startsWith('--'))), sorted(properties));
  for (const name of properties) assert.match(name, /^--cas-upload-[a-z-]+$/);
});

test('slots: the README list and the manifest are the same', () => {
  assert.deepEqual(sorted(listAfter('Slots:')), sorted((element.slots ?? []).map((s) => s.name)));
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
  assert.deepEqual(definitions, [
    { path: 'dist/index.js', kind: 'custom-element-definition', name: 'cas-upload', declaration: { name: 'CasUploadElement', module: 'dist/element.js' } },
  ]);
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

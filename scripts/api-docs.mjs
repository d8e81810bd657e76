#!/usr/bin/env node
// Writes the element reference of docs/api.md from custom-elements.json (itself generated from
// the element's JSDoc by `npm run analyze`), between the api-reference markers:
// attributes and properties, methods, events, parts, slots and CSS custom properties.
//   node scripts/api-docs.mjs           prints the generated part
//   node scripts/api-docs.mjs --write   puts it into docs/api.md (test/dist/manifest.test.ts
//                                       fails while the page and the manifest differ)
import { readFileSync, writeFileSync } from 'node:fs';

export const PAGE = new URL('../docs/api.md', import.meta.url);
export const MARKERS = ['<!-- api-reference:start (node scripts/api-docs.mjs --write) -->', '<!-- api-reference:end -->'];

/** A table cell: one line, pipes escaped. */
const cell = (text) => String(text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text === undefined || text === '' ? '' : `\`${cell(text)}\``);
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** The generated part of docs/api.md, from a parsed custom-elements.json. */
export function apiReference(manifest) {
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.customElement);
  const attributes = element.attributes ?? [];
  const fields = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && m.privacy !== 'private');
  const methods = (element.members ?? []).filter((m) => m.kind === 'method' && m.privacy !== 'private');
  const signature = (m) =>
    `${m.static ? `${element.name}.` : ''}${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional || p.default ? '?' : ''}`).join(', ')})`;

  const out = [
    `${cell(element.description)} Class \`${element.name}\`.`,
    '',
    '### Attributes and properties',
    '',
    table(
      ['attribute', 'property', 'type', 'default', 'meaning'],
      fields.map((f) => {
        const attribute = attributes.find((a) => a.fieldName === f.name);
        const name = attribute ? `${code(attribute.name)}${attribute.readonly ? ' (reflected, read-only)' : ''}` : '(none)';
        return [name, code(f.name), code(f.type?.text), code(f.default ?? attribute?.default), cell(f.description)];
      }),
    ),
    '',
    '### Methods',
    '',
    table(
      ['method', 'returns', 'what it does'],
      methods.map((m) => [code(signature(m)), code(m.return?.type?.text), cell(m.description)]),
    ),
    '',
    '### Events',
    '',
    table(
      ['event', 'type', 'when'],
      (element.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)]),
    ),
    '',
    '### Parts, slots and custom properties',
    '',
    table(
      ['part', 'what it is'],
      (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
    '',
    table(
      ['slot', 'what it replaces'],
      (element.slots ?? []).map((s) => [code(s.name), cell(s.description)]),
    ),
    '',
    table(
      ['custom property', 'default (light)', 'used for'],
      (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]),
    ),
  ];
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));
  const generated = apiReference(manifest);
  if (!process.argv.includes('--write')) {
    console.log(generated);
  } else {
    const page = readFileSync(PAGE, 'utf8');
    const [start, end] = MARKERS;
    const from = page.indexOf(start);
    const to = page.indexOf(end);
    if (from < 0 || to < from) throw new Error(`docs/api.md has no ${start} … ${end} markers`);
    writeFileSync(PAGE, `${page.slice(0, from + start.length)}\n${generated}\n${page.slice(to)}`);
    console.log('docs/api.md: element reference updated from custom-elements.json.');
  }
}

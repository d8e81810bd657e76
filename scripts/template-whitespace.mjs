// Lit templates are written with one attribute or one child per line where a line would be
// long; their text ships as it is written, so the line breaks and indentation of a template are
// taken out before it is bundled or served: the code reads well and ships as if written on one
// line. Used by the builds (vite.config.ts) and the browser tests (web-test-runner.config.mjs).
//
// Inside an `html` tagged template, each run of white space that holds a line break becomes:
// - nothing between a tag and what follows it (`>` before it, or `<` or `>` after it),
//   and between a template's start or end and its first or last child;
// - one space elsewhere: between the attributes of a tag (and before `/>`), or between two
//   bindings.
// So a space that matters in text (`${label} <span>`) is written on the line, not as a break.
import { parse } from 'acorn';
import MagicString from 'magic-string';

/** The code with the templates' line breaks taken out, and its source map (`null`: unchanged). */
export function collapseTemplates(code, id = '') {
  if (!code.includes('html`')) return null;
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  const s = new MagicString(code);
  let changed = false;
  walk(ast, (node) => {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || node.tag.name !== 'html') return;
    const quasis = node.quasi.quasis;
    quasis.forEach((q, i) => {
      const raw = code.slice(q.start, q.end);
      if (!raw.includes('\n')) return;
      const first = i === 0;
      const last = i === quasis.length - 1;
      const out = raw.replace(/[ \t]*\n\s*/g, (run, at) => {
        const before = raw.slice(0, at);
        const after = raw.slice(at + run.length);
        if ((first && before === '') || (last && after === '')) return '';
        if (after.startsWith('/>')) return ' ';
        if (before.endsWith('>') || after.startsWith('<') || after.startsWith('>')) return '';
        return ' ';
      });
      if (out !== raw) {
        s.overwrite(q.start, q.end, out);
        changed = true;
      }
    });
  });
  if (!changed) return null;
  return { code: s.toString(), map: s.generateMap({ hires: true, source: id, includeContent: true }) };
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key in node) {
    const value = node[key];
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value.type === 'string') walk(value, visit);
  }
}

/** The Vite plugin: after TypeScript is compiled, before the bundle is minified. */
export function templateWhitespace() {
  return {
    name: 'template-whitespace',
    enforce: 'post',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      return collapseTemplates(code, id);
    },
  };
}

// Issue 28, row 4: what a page with `cas-connect.js` and `cas-portfolio.js` loads before any flow
// does: the two files and every file they import statically (the flows are a dynamic import),
// each file counted once, gzip -9.
import { readFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { compressed } from './sizes.mjs';

/**
 * The files `entries` (paths inside `dir`) import statically, themselves included, each once,
 * in the order found; `dynamic` lists the files only reached by `import()`.
 */
export async function staticClosure(dir, entries) {
  await init;
  const seen = new Set();
  const dynamic = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const [imports] = parse(readFileSync(join(dir, file), 'utf8'), file);
    for (const i of imports) {
      const spec = i.n;
      if (!spec || !spec.startsWith('.')) continue;
      const target = relative(dir, join(dir, dirname(file), spec));
      if (i.d === -1) visit(target);
      else dynamic.add(target);
    }
  };
  for (const e of entries) visit(e);
  return { files: [...seen], dynamic: [...dynamic].filter((f) => !seen.has(f)) };
}

/** The bytes of one page that loads `entries` (files of `dir`) before anything they import lazily. */
export async function measurePageBytes(dir, entries) {
  const { files, dynamic } = await staticClosure(dir, entries);
  const rows = files.map((file) => ({ file, ...compressed(readFileSync(join(dir, file))) }));
  const each = entries.map((e) => ({ entry: e, gzip: 0 }));
  for (const [k, e] of entries.entries()) {
    const own = await staticClosure(dir, [e]);
    each[k].gzip = own.files.reduce((n, f) => n + rows.find((r) => r.file === f).gzip, 0);
    each[k].files = own.files;
  }
  return { entries, rows, gzip: rows.reduce((n, r) => n + r.gzip, 0), alone: each, dynamic };
}

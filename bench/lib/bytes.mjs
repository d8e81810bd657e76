// Issue 28, row 4: what a page with `cas-connect.js` and `cas-portfolio.js` loads before any flow
// does: the script files that Chromium fetches for the page until both elements are defined,
// each file counted once, gzip -9; `cas-connect.js`'s flows chunk (loaded after its first
// render) is left out, as are Hindi and the success summary (loaded later or never).
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
    const code = readFileSync(join(dir, file), 'utf8');
    const [imports] = parse(code, file);
    for (const i of imports) {
      // A dynamic import of a template literal without substitutions (`import(\`./x.js\`)`, as
      // the minifier writes it) has no `n`: read it from the source.
      const raw = i.d > -1 && i.n === undefined ? /^`([^`$]*)`$/.exec(code.slice(i.s, i.e))?.[1] : undefined;
      const spec = i.n ?? raw;
      if (!spec || !spec.startsWith('.')) continue;
      const target = relative(dir, join(dir, dirname(file), spec));
      if (i.d === -1) visit(target);
      else dynamic.add(target);
    }
  };
  for (const e of entries) visit(e);
  return { files: [...seen], dynamic: [...dynamic].filter((f) => !seen.has(f)) };
}

/** The tag each script-tag file defines. */
const TAGS = { 'cas-connect.js': 'cas-connect', 'cas-portfolio.js': 'cas-portfolio' };

/** A page with the elements of `entries` and their script tags (files served under `/cdn/`). */
export const bytesPage = (entries) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>cas-upload bench: bytes</title>
${entries.map((e) => `<script type="module" src="/cdn/${e}"></script>`).join('\n')}
</head><body>
${entries.map((e) => `<${TAGS[e]}${e === 'cas-connect.js' ? ' token-url="/token"' : ''}></${TAGS[e]}>`).join('\n')}
</body></html>`;

/** The page path of `bytesPage(entries)` on the bench server. */
export const bytesPath = (entries) => `/bytes-${entries.join('+')}.html`;

/** The files of `dir` (served under `/cdn/`) that a page of `entries` fetches before any flow. */
async function filesFetched(browser, origin, entries) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/cdn/') && path.endsWith('.js')) fetched.push(path.slice('/cdn/'.length));
  });
  try {
    await page.goto(origin + bytesPath(entries));
    await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), entries.map((e) => TAGS[e]), { timeout: 30000 });
    return [...new Set(fetched)];
  } finally {
    await context.close();
  }
}

/** The bytes of one page that loads `entries` (files of `dir`), and of each alone, as Chromium fetches them. */
export async function measurePageBytes(browser, origin, dir, entries) {
  const later = (f) => /^chunks\/flows-/.test(f);
  const all = await filesFetched(browser, origin, entries);
  const files = all.filter((f) => !later(f));
  const sizes = new Map();
  const size = (f) => sizes.get(f) ?? sizes.set(f, compressed(readFileSync(join(dir, f)))).get(f);
  const rows = files.map((file) => ({ file, ...size(file) }));
  const alone = [];
  for (const e of entries) {
    const own = (await filesFetched(browser, origin, [e])).filter((f) => !later(f));
    alone.push({ entry: e, files: own, gzip: own.reduce((n, f) => n + size(f).gzip, 0) });
  }
  return { entries, rows, gzip: rows.reduce((n, r) => n + r.gzip, 0), alone, dynamic: all.filter(later) };
}

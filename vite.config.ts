import { defineConfig, type Alias, type Plugin, type LibraryOptions, type UserConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { templateWhitespace } from './scripts/template-whitespace.mjs';
import { keepRegistrations } from './scripts/keep-registrations.mjs';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const define = { __CAS_UPLOAD_VERSION__: JSON.stringify(pkg.version) };

/** Serves msw's service worker at the origin root, so nothing generated is committed. */
function mswWorker(): Plugin {
  return {
    name: 'msw-worker',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript');
        res.end(readFileSync(require.resolve('msw/mockServiceWorker.js')));
      });
    },
  };
}

/**
 * A chunk's name from the source it holds: the file it stands for (`src/core/cdsl.ts` →
 * `core-cdsl`), or the one element folder all its files are in (an element's class,
 * registration, styles and English: `src/upload/*` → `upload`).
 */
function chunkName({ name, facadeModuleId, moduleIds }: { name: string; facadeModuleId?: string | null; moduleIds: string[] }): string {
  const src = here('./src/');
  const paths = (facadeModuleId ? [facadeModuleId] : moduleIds).filter((id) => id.startsWith(src)).map((id) => id.slice(src.length));
  if (paths.length === 1) return paths[0].replace(/\.ts$/, '').replaceAll('/', '-');
  const folders = new Set(paths.map((p) => p.split('/')[0]));
  const [folder] = folders;
  if (folders.size !== 1) return name;
  // An element's folder names its chunk; the shared folders' chunks keep their own names.
  return folder === 'core' || folder === 'shared' ? `${folder}-${name}` : folder;
}

/**
 * The script-tag builds load Hindi, the success summary and the password check from files
 * beside the script (`cas-upload.hi.js`, `cas-upload.summary.js`, `cas-upload.password.js`,
 * mode `cdn-hi`) instead of npm chunks.
 */
const besideTheScript: Alias[] = [
  { find: /^\.\/load-hi\.js$/, replacement: here('./src/upload/load-hi.cdn.ts') },
  { find: /^\.\/load-summary\.js$/, replacement: here('./src/upload/load-summary.cdn.ts') },
  { find: /^\.\/load-password\.js$/, replacement: here('./src/upload/load-password.cdn.ts') },
];

/**
 * A script-tag build into `dist/cdn/`: minified (every format fully), ES2022, Lit bundled, each
 * file with its source map (for the browser's devtools, fetched only when they are open; not
 * counted in the size budgets). What loads on first use (Hindi, the success summary, the password check) is left
 * out: `alias` puts loaders in place that import it from beside the script (mode `cdn-hi`,
 * built after the script-tag builds). Only the `first` build empties the folder.
 */
function cdnBuild(
  lib: LibraryOptions,
  { first = false, output = {}, alias = besideTheScript }: { first?: boolean; output?: Record<string, unknown>; alias?: Alias[] } = {},
): UserConfig {
  return {
    define,
    plugins: [keepRegistrations(), templateWhitespace()],
    resolve: { alias },
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: first,
      minify: true,
      sourcemap: true,
      target: 'es2022',
      lib,
      rolldownOptions: {
        // Library mode keeps whitespace in ES output; minify every format fully.
        output: { minify: true, ...output },
        onLog(level, log, handler) {
          // script-base.ts reads `import.meta.url` for the module and `document.currentScript`
          // for the classic script, where `import.meta` becomes `{}` as intended.
          if (log.code === 'EMPTY_IMPORT_META' && log.id === here('./src/shared/script-base.ts')) return;
          handler(level, log);
        },
      },
    },
  };
}

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    // `npm start`: the demo page, with the API and the token endpoint mocked in the browser.
    return {
      root: here('./demo'),
      define,
      plugins: [mswWorker(), keepRegistrations(), templateWhitespace()],
      server: { fs: { allow: [here('.')] } },
    };
  }
  if (mode === 'cdn') {
    // The script-tag build of <cas-upload>: `cas-upload.js` and `cas-upload.iife.js` (sets
    // `window.CasUpload`), Lit and English built in.
    return cdnBuild(
      { entry: here('./src/entries/cdn/cas-upload.ts'), name: 'CasUpload', formats: ['es', 'iife'], fileName: (format) => (format === 'es' ? 'cas-upload.js' : 'cas-upload.iife.js') },
      { first: true },
    );
  }
  if (mode === 'cdn-portfolio') {
    // <cas-portfolio> alone: `cas-portfolio.js` and `.iife.js` (sets `window.CasPortfolio`).
    return cdnBuild(
      {
        entry: here('./src/entries/cdn/cas-portfolio.ts'),
        name: 'CasPortfolio',
        formats: ['es', 'iife'],
        fileName: (format) => (format === 'es' ? 'cas-portfolio.js' : 'cas-portfolio.iife.js'),
      },
      { alias: [{ find: /^\.\/load-hi\.js$/, replacement: here('./src/portfolio/load-hi.cdn.ts') }] },
    );
  }
  if (mode === 'cdn-forward') {
    // <cas-forward> alone (contract §17): `cas-forward.js`, an ES module with Lit and English;
    // its Hindi is a chunk under `chunks/`, loaded on first use.
    return cdnBuild(
      { entry: here('./src/entries/cdn/cas-forward.ts'), formats: ['es'], fileName: () => 'cas-forward.js' },
      { output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
    );
  }
  if (mode === 'cdn-connect') {
    // `dist/cdn/cas-connect.js` (contract §10): an ES module that defines `<cas-connect>` at
    // once and the flows (`<cas-upload>`, `<cas-cdsl-fetch>`, `<cas-inbox>`, `<cas-mailback>`)
    // from a chunk under `chunks/`, Lit bundled, English built in; each element's Hindi is a
    // file beside it, loaded on first use. `cas-upload.js` is not changed by it.
    return cdnBuild(
      { entry: here('./src/entries/cdn/cas-connect.ts'), formats: ['es'], fileName: () => 'cas-connect.js' },
      {
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
        // The loaders run from a chunk: the files beside the script are one folder up.
        alias: [...besideTheScript, { find: /^\.\/script-base\.js$/, replacement: here('./src/shared/script-base.chunk.ts') }],
      },
    );
  }
  if (mode === 'cdn-connect-iife') {
    // `dist/cdn/cas-connect.iife.js`: the classic script of every element, which sets
    // `window.CasConnect`. A classic script cannot load ES chunks: every element and language
    // is in it, but `<cas-upload>`'s Hindi and summary (beside it, as for `cas-upload.iife.js`).
    return cdnBuild(
      { entry: here('./src/entries/cdn/cas-connect-iife.ts'), name: 'CasConnect', formats: ['iife'], fileName: () => 'cas-connect.iife.js' },
      { output: { codeSplitting: false } },
    );
  }
  if (mode === 'cdn-callback') {
    // `dist/cdn/cas-inbox-callback.js`: the few lines of the host's OAuth return page.
    return cdnBuild({ entry: here('./src/entries/inbox-callback.ts'), formats: ['es'], fileName: () => 'cas-inbox-callback.js' });
  }
  if (mode === 'cdn-hi') {
    // `cas-upload.hi.js` and `cas-portfolio.hi.js`: the Hindi strings as minified ES modules
    // exporting `hi`, which the script-tag files import the first time an element speaks
    // Hindi; `cas-upload.summary.js`, the success summary, loaded when an upload starts; and
    // `cas-upload.password.js`, the password check (`checkPdfPassword`), loaded when a file is chosen.
    return cdnBuild({
      entry: {
        'cas-upload.hi': here('./src/upload/hi.ts'),
        'cas-upload.summary': here('./src/upload/summary.ts'),
        'cas-upload.password': here('./src/core/pdf-password.ts'),
        'cas-portfolio.hi': here('./src/portfolio/hi.ts'),
      } as Record<string, string>,
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    });
  }
  // The npm build: one file per entry and shared chunks; Lit, @lit/react and React external.
  return {
    define,
    plugins: [keepRegistrations(), templateWhitespace()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      lib: {
        entry: {
          index: here('./src/entries/index.ts'),
          element: here('./src/entries/element.ts'),
          core: here('./src/entries/core.ts'),
          server: here('./src/entries/server.ts'),
          'server-redis': here('./src/entries/server-redis.ts'),
          react: here('./src/entries/react.ts'),
          'cdsl-fetch': here('./src/entries/cdsl-fetch.ts'),
          portfolio: here('./src/entries/portfolio.ts'),
          mailback: here('./src/entries/mailback.ts'),
          inbox: here('./src/entries/inbox.ts'),
          connect: here('./src/entries/connect.ts'),
          'inbox-callback': here('./src/entries/inbox-callback.ts'),
          forward: here('./src/entries/forward.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^react($|\/)/, /^node:/],
        // Shared code: stable names after the source folder and file (`chunks/upload-define.js`
        // for src/upload/define.ts), so that package.json `sideEffects` can name the chunks
        // that register an element.
        output: { chunkFileNames: (chunk) => `chunks/${chunkName(chunk)}.js` },
      },
    },
  };
});

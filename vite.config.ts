import { defineConfig, type Plugin, type LibraryOptions, type UserConfig } from 'vite';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
 * `cas-portfolio.hi.js`, mode `cdn-hi`) instead of npm chunks: an element's `./load-*.js`
 * becomes the `load-*.cdn.ts` beside it, where there is one. `inChunks`: some of the code runs
 * from files under `chunks/` (`shared/script-base.ts` finds the files from there too).
 */
function besideTheScript(inChunks: boolean): Plugin {
  return {
    name: 'beside-the-script',
    enforce: 'pre',
    resolveId(source, importer) {
      // `cas-connect.js` holds the loader for its flows and `<cas-portfolio>`, and the base URL
      // it reads (its bare import is kept): in a chunk of one of them, loading the other would
      // run that one too.
      if (inChunks && /(^\.|\/shared)\/(beside-script|script-base)\.js$/.test(source) && importer) {
        return { id: fileURLToPath(new URL(source.replace(/\.js$/, '.ts'), pathToFileURL(importer))), moduleSideEffects: true };
      }
      if (!importer || !/^\.\/load-[\w-]+\.js$/.test(source)) return null;
      const cdn = fileURLToPath(new URL(source.replace(/\.js$/, '.cdn.ts'), pathToFileURL(importer)));
      return existsSync(cdn) ? cdn : null;
    },
  };
}

/**
 * A script-tag build into `dist/cdn/`: minified (every format fully), ES2022, Lit bundled, each
 * file with its source map (for the browser's devtools, fetched only when they are open; not
 * counted in the size budgets). What loads on first use (Hindi, the success summary, the password check) is left
 * out: `besideTheScript` puts loaders in place that import it from beside the script (mode `cdn-hi`,
 * built after the script-tag builds). Only the `first` build empties the folder.
 */
function cdnBuild(
  lib: LibraryOptions,
  {
    first = false,
    output = {},
    extendEntries = false,
    inChunks = false,
  }: { first?: boolean; output?: Record<string, unknown>; extendEntries?: boolean; inChunks?: boolean } = {},
): UserConfig {
  return {
    define: { ...define, __CAS_IN_CHUNKS__: String(inChunks) },
    plugins: [keepRegistrations(), besideTheScript(inChunks), templateWhitespace()],
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: first,
      minify: true,
      sourcemap: true,
      target: 'es2022',
      lib,
      rolldownOptions: {
        // An entry may export more than its source (minified names), so that the chunks it
        // loads take Lit and the shared code from it instead of from a common chunk.
        ...(extendEntries ? { preserveEntrySignatures: 'allow-extension' as const } : {}),
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
    // <cas-portfolio> with its own Lit: `chunks/portfolio-alone.js`, which `cas-portfolio.js`
    // loads on a page without `cas-connect.js`, and `cas-portfolio.iife.js` (sets
    // `window.CasPortfolio`).
    return cdnBuild(
      {
        entry: here('./src/entries/cdn/portfolio-alone.ts'),
        name: 'CasPortfolio',
        formats: ['es', 'iife'],
        fileName: (format) => (format === 'es' ? 'chunks/portfolio-alone.js' : 'cas-portfolio.iife.js'),
      },
      { inChunks: true },
    );
  }
  if (mode === 'cdn-portfolio-loader') {
    // `cas-portfolio.js`: no element of its own; it loads `chunks/portfolio-on-connect.js` on a
    // page with `cas-connect.js` (one Lit on the page), else `chunks/portfolio-alone.js`.
    return cdnBuild({ entry: here('./src/entries/cdn/cas-portfolio.ts'), formats: ['es'], fileName: () => 'cas-portfolio.js' });
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
    // `dist/cdn/cas-connect.js` (contract §10): an ES module that holds what `<cas-connect>`'s
    // first render needs (Lit, the shared base, English) and defines it at once; the flows
    // (`<cas-upload>`, `<cas-cdsl-fetch>`, `<cas-inbox>`, `<cas-mailback>`, `<cas-forward>`)
    // come from a chunk under `chunks/` that imports Lit and the base from `cas-connect.js`, as
    // does `chunks/portfolio-on-connect.js` (`<cas-portfolio>` on a page with `cas-connect.js`,
    // loaded by `cas-portfolio.js`). Each element's Hindi is a file beside it or a chunk,
    // loaded on first use. `cas-upload.js` is not changed by it.
    return cdnBuild(
      {
        entry: {
          'cas-connect': here('./src/entries/cdn/cas-connect.ts'),
          'chunks/portfolio-on-connect': here('./src/entries/cdn/portfolio-on-connect.ts'),
        },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      {
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
        extendEntries: true,
        inChunks: true,
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

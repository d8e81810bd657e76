import { defineConfig, type Plugin, type LibraryOptions, type UserConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

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
 * A script-tag build into `dist/cdn/`: minified (every format fully), ES2022, Lit bundled, and
 * `<cas-upload>`'s Hindi loaded from `cas-upload.hi.js` beside the script (`load-hi.cdn.ts` in
 * place of `load-hi.ts`). Only the `first` build empties the folder.
 */
function cdnBuild(lib: LibraryOptions, { first = false, output = {} }: { first?: boolean; output?: Record<string, unknown> } = {}): UserConfig {
  return {
    define,
    resolve: { alias: [{ find: /^\.\/load-hi\.js$/, replacement: here('./src/i18n/load-hi.cdn.ts') }] },
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: first,
      minify: true,
      target: 'es2022',
      lib,
      rolldownOptions: {
        // Library mode keeps whitespace in ES output; minify every format fully.
        output: { minify: true, ...output },
        onLog(level, log, handler) {
          // load-hi.cdn.ts reads `import.meta.url` for the module and `document.currentScript`
          // for the classic script, where `import.meta` becomes `{}` as intended.
          if (log.code === 'EMPTY_IMPORT_META' && log.id === here('./src/i18n/load-hi.cdn.ts')) return;
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
      plugins: [mswWorker()],
      server: { fs: { allow: [here('.')] } },
    };
  }
  if (mode === 'cdn') {
    // One self-contained, minified file per format, Lit bundled and English built in: the
    // script-tag build. Hindi is left out: `load-hi.cdn.ts` imports it, from beside the
    // script, from `cas-upload.hi.js` (mode `cdn-hi`, built after this one).
    return cdnBuild(
      {
        entry: here('./src/cdn.ts'),
        name: 'CasUpload',
        formats: ['es', 'iife'],
        fileName: (format) => (format === 'es' ? 'cas-upload.js' : 'cas-upload.iife.js'),
      },
      { first: true },
    );
  }
  if (mode === 'cdn-connect') {
    // `dist/cdn/cas-connect.js` (contract §10): an ES module that defines `<cas-connect>` at
    // once and the flows (`<cas-upload>`, `<cas-cdsl-fetch>`, `<cas-inbox>`, `<cas-mailback>`)
    // from a chunk under `chunks/`, Lit bundled, English built in; each element's Hindi is a
    // file beside it, loaded on first use. Built after mode `cdn`, into the same folder, which
    // it leaves as it is; `cas-upload.js` is not changed by it.
    return cdnBuild(
      { entry: here('./src/cdn-connect.ts'), formats: ['es'], fileName: () => 'cas-connect.js' },
      { output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
    );
  }
  if (mode === 'cdn-connect-iife') {
    // `dist/cdn/cas-connect.iife.js`: the classic script of every element, which sets
    // `window.CasConnect`. A classic script cannot load ES chunks: every element and language
    // is in it, but `<cas-upload>`'s Hindi (`cas-upload.hi.js`, as for `cas-upload.iife.js`).
    return cdnBuild(
      { entry: here('./src/cdn-connect-iife.ts'), name: 'CasConnect', formats: ['iife'], fileName: () => 'cas-connect.iife.js' },
      { output: { codeSplitting: false } },
    );
  }
  if (mode === 'cdn-callback') {
    // `dist/cdn/cas-inbox-callback.js`: the few lines of the host's OAuth return page.
    return cdnBuild({ entry: here('./src/inbox-callback.ts'), formats: ['es'], fileName: () => 'cas-inbox-callback.js' });
  }
  if (mode === 'cdn-hi') {
    // `dist/cdn/cas-upload.hi.js`: the Hindi strings as a minified ES module exporting `hi`,
    // which the script-tag files import the first time an element speaks Hindi. Built after
    // mode `cdn`, into the same folder, which it therefore leaves as it is.
    return cdnBuild({ entry: here('./src/i18n/hi.ts'), formats: ['es'], fileName: () => 'cas-upload.hi.js' });
  }
  // The npm build: one file per entry and shared chunks; Lit, @lit/react and React external.
  return {
    define,
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      lib: {
        entry: {
          index: here('./src/index.ts'),
          element: here('./src/element.ts'),
          core: here('./src/core/index.ts'),
          server: here('./src/server/index.ts'),
          react: here('./src/react.ts'),
          'cdsl-fetch': here('./src/cdsl-fetch/index.ts'),
          mailback: here('./src/mailback/index.ts'),
          inbox: here('./src/inbox/index.ts'),
          connect: here('./src/connect/index.ts'),
          'inbox-callback': here('./src/inbox-callback.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^react($|\/)/, /^node:/],
        // Shared code: stable names, so that package.json `sideEffects` can name the one
        // chunk that registers the element.
        output: { chunkFileNames: 'chunks/[name].js' },
      },
    },
  };
});

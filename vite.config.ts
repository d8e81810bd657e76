import { defineConfig, type Plugin } from 'vite';
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
    return {
      define,
      resolve: { alias: [{ find: /^\.\/load-hi\.js$/, replacement: here('./src/i18n/load-hi.cdn.ts') }] },
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: true,
        minify: true,
        target: 'es2022',
        lib: {
          entry: here('./src/cdn.ts'),
          name: 'CasUpload',
          formats: ['es', 'iife'],
          fileName: (format) => (format === 'es' ? 'cas-upload.js' : 'cas-upload.iife.js'),
        },
        rolldownOptions: {
          // Library mode keeps whitespace in ES output; minify every format fully.
          output: { minify: true },
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
  if (mode === 'cdn-connect') {
    // `dist/cdn/cas-connect.js` (contract §10): one ES module that defines `<cas-upload>` and
    // `<cas-cdsl-fetch>` (the other flows join it later), Lit bundled, English built in; each
    // element's Hindi is a file beside it, loaded on first use (`cas-upload.hi.js`, and a chunk
    // under `chunks/`). Built after mode `cdn`, into the same folder, which it leaves as it is;
    // `cas-upload.js` is not changed by it.
    return {
      define,
      resolve: { alias: [{ find: /^\.\/load-hi\.js$/, replacement: here('./src/i18n/load-hi.cdn.ts') }] },
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        minify: true,
        target: 'es2022',
        lib: { entry: here('./src/cdn-connect.ts'), formats: ['es'], fileName: () => 'cas-connect.js' },
        rolldownOptions: { output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' } },
      },
    };
  }
  if (mode === 'cdn-connect-iife') {
    // `dist/cdn/cas-connect.iife.js`: the classic script of every element, which sets
    // `window.CasConnect`. A classic script cannot load ES chunks: every element and language
    // is in it, but `<cas-upload>`'s Hindi (`cas-upload.hi.js`, as for `cas-upload.iife.js`).
    return {
      define,
      resolve: { alias: [{ find: /^\.\/load-hi\.js$/, replacement: here('./src/i18n/load-hi.cdn.ts') }] },
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        minify: true,
        target: 'es2022',
        lib: { entry: here('./src/cdn-connect-iife.ts'), name: 'CasConnect', formats: ['iife'], fileName: () => 'cas-connect.iife.js' },
        rolldownOptions: {
          output: { minify: true, codeSplitting: false },
          onLog(level, log, handler) {
            if (log.code === 'EMPTY_IMPORT_META' && log.id === here('./src/i18n/load-hi.cdn.ts')) return;
            handler(level, log);
          },
        },
      },
    };
  }
  if (mode === 'cdn-callback') {
    // `dist/cdn/cas-inbox-callback.js`: the few lines of the host's OAuth return page.
    return {
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        minify: true,
        target: 'es2022',
        lib: { entry: here('./src/inbox-callback.ts'), formats: ['es'], fileName: () => 'cas-inbox-callback.js' },
        rolldownOptions: { output: { minify: true } },
      },
    };
  }
  if (mode === 'cdn-hi') {
    // `dist/cdn/cas-upload.hi.js`: the Hindi strings as a minified ES module exporting `hi`,
    // which the script-tag files import the first time an element speaks Hindi. Built after
    // mode `cdn`, into the same folder, which it therefore leaves as it is.
    return {
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        minify: true,
        target: 'es2022',
        lib: { entry: here('./src/i18n/hi.ts'), formats: ['es'], fileName: () => 'cas-upload.hi.js' },
        rolldownOptions: { output: { minify: true } },
      },
    };
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

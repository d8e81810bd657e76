import { defineConfig, type Alias, type Plugin, type UserConfig } from 'vite';
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
/**
 * The script-tag builds load Hindi and the success summary from files beside the script
 * (`cas-upload.hi.js`, `cas-upload.summary.js`, mode `cdn-hi`) instead of npm chunks.
 */
const besideTheScript = [
  { find: /^\.\/load-hi\.js$/, replacement: here('./src/i18n/load-hi.cdn.ts') },
  { find: /^\.\/load-summary\.js$/, replacement: here('./src/load-summary.cdn.ts') },
];

/**
 * A script-tag build: one self-contained, minified file per format, Lit bundled and English
 * built in: `<file>.js` (ES module) and `<file>.iife.js` (classic script, sets `window[name]`),
 * each with its source map (for the browser's devtools, fetched only when they are open; not
 * counted in the size budgets). What loads on first use (Hindi, the success summary) is left
 * out: `alias` puts loaders in place that import it from beside the script (mode `cdn-hi`,
 * built after the script-tag builds).
 */
function scriptTag(entry: string, name: string, file: string, alias: Alias[], emptyOutDir: boolean): UserConfig {
  return {
    define,
    resolve: { alias },
    build: {
      outDir: 'dist/cdn',
      emptyOutDir,
      minify: true,
      sourcemap: true,
      target: 'es2022',
      lib: {
        entry: here(entry),
        name,
        formats: ['es', 'iife'],
        fileName: (format) => (format === 'es' ? `${file}.js` : `${file}.iife.js`),
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
    // The script-tag build of <cas-upload>: `cas-upload.js` and `cas-upload.iife.js`.
    return scriptTag('./src/cdn.ts', 'CasUpload', 'cas-upload', besideTheScript, true);
  }
  if (mode === 'cdn-portfolio') {
    // <cas-portfolio> alone: `cas-portfolio.js` and `.iife.js`. Built after mode `cdn`, into
    // the same folder, which it therefore leaves as it is.
    const alias = [{ find: /^\.\/load-hi\.js$/, replacement: here('./src/portfolio/load-hi.cdn.ts') }];
    return scriptTag('./src/portfolio/cdn.ts', 'CasPortfolio', 'cas-portfolio', alias, false);
  }
  if (mode === 'cdn-connect') {
    // `dist/cdn/cas-connect.js` (contract §10): one ES module that defines `<cas-upload>` and
    // `<cas-cdsl-fetch>` (the other flows join it later), Lit bundled, English built in; each
    // element's Hindi is a file beside it, loaded on first use (`cas-upload.hi.js`, and a chunk
    // under `chunks/`). Built after mode `cdn`, into the same folder, which it leaves as it is;
    // `cas-upload.js` is not changed by it.
    return {
      define,
      resolve: { alias: besideTheScript },
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        minify: true,
        sourcemap: true,
        target: 'es2022',
        lib: { entry: here('./src/cdn-connect.ts'), formats: ['es'], fileName: () => 'cas-connect.js' },
        rolldownOptions: { output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' } },
      },
    };
  }
  if (mode === 'cdn-hi') {
    // `dist/cdn/cas-upload.hi.js` and `cas-portfolio.hi.js`: the Hindi strings as minified ES
    // modules exporting `hi`, which the script-tag files import the first time an element
    // speaks Hindi. Built after the other CDN modes, into the same folder, which it therefore
    // leaves as it is.
    return {
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        minify: true,
        sourcemap: true,
        target: 'es2022',
        // …and `cas-upload.summary.js`, the success summary, loaded when an upload starts.
        lib: {
          entry: {
            'cas-upload.hi': here('./src/i18n/hi.ts'),
            'cas-upload.summary': here('./src/cas-upload-summary.ts'),
            'cas-portfolio.hi': here('./src/portfolio/hi.ts'),
          } as Record<string, string>,
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
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
          'server-redis': here('./src/server/redis.ts'),
          react: here('./src/react.ts'),
          'cdsl-fetch': here('./src/cdsl-fetch/index.ts'),
          portfolio: here('./src/portfolio/index.ts'),
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

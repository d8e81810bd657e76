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
    // One self-contained, minified file per format, Lit bundled: the script-tag build.
    return {
      define,
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: true,
        minify: true,
        target: 'es2021',
        lib: {
          entry: here('./src/cdn.ts'),
          name: 'CasUpload',
          formats: ['es', 'iife'],
          fileName: (format) => (format === 'es' ? 'cas-upload.js' : 'cas-upload.iife.js'),
        },
        // Library mode keeps whitespace in ES output; minify every format fully.
        rolldownOptions: { output: { minify: true } },
      },
    };
  }
  // The npm build: unbundled entries, Lit (and React) kept external.
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
        },
        formats: ['es'],
      },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^react($|\/)/, /^node:/],
      },
    },
  };
});

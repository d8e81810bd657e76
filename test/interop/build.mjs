#!/usr/bin/env node
// Builds the framework fixtures of the interop test (React 19, the React wrappers, Vue 3,
// Svelte 5) with Vite, against the built package (`dist/`, reached through package.json
// `exports`), into test/interop/.build/<name>/. `npm test` runs it once, after `npm run build`.
import { build } from 'vite';
import vue from '@vitejs/plugin-vue';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const root = here('../../');
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

// `cas-upload` and `cas-upload/<entry>` resolve as they would for a user: through `exports`.
const alias = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object' && target.default) // entries with code (not the types-only ones)
  .map(([subpath, target]) => ({
    find: new RegExp(`^${(pkg.name + subpath.slice(1)).replace(/[/.]/g, '\\$&')}$`),
    replacement: `${root}${target.default.slice(2)}`,
  }));

const fixtures = {
  react: [],
  'react-wrapper': [],
  'react-flows': [],
  vue: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'cas-upload' } } })],
  svelte: [svelte()],
};

const only = process.argv.slice(2);
for (const [name, plugins] of Object.entries(fixtures)) {
  if (only.length && !only.includes(name)) continue;
  const started = Date.now();
  await build({
    configFile: false,
    root: here(`./fixtures/${name}`),
    base: `/interop/${name}/`,
    logLevel: 'warn',
    plugins,
    resolve: { alias },
    oxc: { jsx: { runtime: 'automatic' } },
    build: { outDir: here(`./.build/${name}`), emptyOutDir: true, minify: false, target: 'es2022' },
  });
  console.log(`interop fixture ${name}: built in ${Date.now() - started} ms`);
}

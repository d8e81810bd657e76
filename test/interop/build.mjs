#!/usr/bin/env node
// Builds the framework fixtures of the interop test (React 19, the React wrappers, Vue 3,
// Svelte 5) with Vite, against the built package (`dist/`, reached through package.json
// `exports`), into test/interop/.build/<name>/. `npm test` runs it once, after `npm run build`.
// And Angular 21 (test/interop/angular/, a package of its own): the package as `npm pack` makes
// it, unpacked into that folder's node_modules/cas-upload, built by the Angular CLI (`ng build`)
// into test/interop/.build/angular/. Its node_modules is installed by `npm ci` when missing.
import { build } from 'vite';
import vue from '@vitejs/plugin-vue';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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

if (!only.length || only.includes('angular')) {
  const started = Date.now();
  const app = here('./angular/');
  // Vite's builds above set NODE_ENV=production in this process, with which `npm ci` would leave
  // out the devDependencies (the Angular CLI among them): the children get the environment without it.
  const env = { ...process.env };
  delete env.NODE_ENV;
  const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  // Installed from its lockfile; a second try when the registry drops a connection.
  if (!existsSync(`${app}node_modules/@angular/cli`)) {
    const ci = () => run('npm', ['ci', '--include=dev', '--no-audit', '--no-fund', '--ignore-scripts'], app);
    try {
      ci();
    } catch (err) {
      console.error(`npm ci in test/interop/angular failed (${err.message.split('\n')[0]}); trying once more`);
      ci();
    }
  }
  // What a user installs: the tarball of `npm pack` (dist/ is built already, so no prepack build).
  const packDir = here('./.build/pack/');
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], root));
  const installed = `${app}node_modules/cas-upload/`;
  rmSync(installed, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', `${packDir}${filename}`, '-C', installed, '--strip-components=1'], root);
  run(`${app}node_modules/.bin/ng`, ['build'], app);
  console.log(`interop fixture angular: built in ${Date.now() - started} ms`);
}

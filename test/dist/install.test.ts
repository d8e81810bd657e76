/// <reference types="node" />
// The package as a user installs it: `npm pack` (as `npm publish` packs it), then
// `npm install <tarball>` into a new, empty project outside this repository (from the npm cache
// when it holds Lit already, so it works offline after `npm ci`), then each entry is imported
// from that project by its public name and used. Needs `npm run build` first.
// Run: node --import tsx --test test/dist/install.test.ts
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const version = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;
let dir = '';
let project = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cas-upload-install-'));
  project = join(dir, 'app');
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
  const tarball = join(dir, (JSON.parse(out) as { filename: string }[])[0].filename);
  execFileSync('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  execFileSync('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
    cwd: project,
    encoding: 'utf8',
  });
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs an ES module in the new project (so `cas-upload` resolves from its node_modules) and returns what it prints as JSON. */
function inProject(code: string): unknown {
  const file = join(project, `check-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  return JSON.parse(execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8' }));
}

test('the tarball installs into a new project with its dependencies', () => {
  const installed = JSON.parse(readFileSync(join(project, 'node_modules/cas-upload/package.json'), 'utf8')) as { version: string };
  assert.equal(installed.version, version);
  assert.ok(existsSync(join(project, 'node_modules/lit/package.json')), 'Lit came with it');
  for (const file of ['LICENSE', 'README.md', 'custom-elements.json', 'dist/cdn/cas-upload.js', 'dist/cdn/cas-upload.js.map']) {
    assert.ok(existsSync(join(project, 'node_modules/cas-upload', file)), `${file} is installed`);
  }
});

test('every entry imports by its public name in Node, and the core and server entries work', () => {
  const result = inProject(`
    const names = ['cas-upload', 'cas-upload/element', 'cas-upload/core', 'cas-upload/server'];
    const exports = {};
    for (const name of names) exports[name] = Object.keys(await import(name)).sort();
    const { checkPdf, CasUploadError } = await import('cas-upload/core');
    let notPdf;
    await checkPdf(new Blob(['hello']), 1000).catch((e) => (notPdf = e instanceof CasUploadError && e.code));
    await checkPdf(new Blob(['%PDF-1.7 …']), 1000);
    const { createTokenHandler } = await import('cas-upload/server');
    const handler = createTokenHandler({
      apiKey: 'sk_test_not_sent',
      fetch: async () => Response.json({ access_token: 'at_from_fake_api', token_type: 'api_key', expires_in: 900 }),
    });
    const answer = await handler(new Request('http://localhost/api/casparser/token'), { clientAddress: '127.0.0.1' });
    console.log(JSON.stringify({ exports, notPdf, status: answer.status, body: await answer.json() }));
  `) as { exports: Record<string, string[]>; notPdf: string; status: number; body: { access_token: string; expires_in: number } };
  assert.ok(result.exports['cas-upload'].includes('CasUploadElement'));
  assert.ok(result.exports['cas-upload/element'].includes('CasUploadElement'));
  assert.ok(result.exports['cas-upload/core'].includes('uploadCas'));
  assert.ok(result.exports['cas-upload/server'].includes('createTokenHandler'));
  assert.equal(result.notPdf, 'invalid-file');
  assert.equal(result.status, 200);
  assert.equal(result.body.access_token, 'at_from_fake_api');
});

test('the manifest, the script-tag files and the editor files resolve through exports', () => {
  const result = inProject(`
    const names = ['cas-upload/custom-elements.json', 'cas-upload/cdn/cas-upload.js', 'cas-upload/dist/cdn/cas-upload.iife.js', 'cas-upload/package.json', 'cas-upload/vscode.html-custom-data.json', 'cas-upload/web-types.json'];
    console.log(JSON.stringify(names.map((n) => import.meta.resolve(n).replace(/^.*node_modules\\//, ''))));
  `);
  assert.deepEqual(result, [
    'cas-upload/custom-elements.json',
    'cas-upload/dist/cdn/cas-upload.js',
    'cas-upload/dist/cdn/cas-upload.iife.js',
    'cas-upload/package.json',
    'cas-upload/dist/editors/vscode.html-custom-data.json',
    'cas-upload/dist/editors/web-types.json',
  ]);
});

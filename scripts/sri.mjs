#!/usr/bin/env node
// `npm run sri` (after `npm run build`): prints the Subresource Integrity value of each
// script-tag file. `npm run sri -- --write` also puts them into the README's CDN snippets
// (every `<script src=".../cas-upload@x.y.z/dist/cdn/<file>" integrity="…">`), as a release step.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const files = ['cas-upload.js', 'cas-upload.iife.js'];
let readme = readFileSync('README.md', 'utf8');
for (const file of files) {
  const integrity = `sha384-${createHash('sha384').update(readFileSync(`dist/cdn/${file}`)).digest('base64')}`;
  console.log(`integrity dist/cdn/${file}: ${integrity}`);
  const snippet = new RegExp(`(/dist/cdn/${file.replace(/\./g, '\\.')}"\\s+integrity=")[^"]*`, 'g');
  readme = readme.replace(snippet, `$1${integrity}`);
}
if (process.argv.includes('--write')) {
  writeFileSync('README.md', readme);
  console.log('README.md: CDN snippets updated.');
}

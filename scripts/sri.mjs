#!/usr/bin/env node
// `npm run sri` (after `npm run build`): prints the Subresource Integrity value of each
// script-tag file and of the Hindi file they load. `npm run sri -- --write` also puts them into
// the README's CDN snippets, as a release step: every
// `<script src=".../cas-upload@x.y.z/dist/cdn/<file>" integrity="…">`, and the import map entry
// `".../cas-upload@x.y.z/dist/cdn/cas-upload.hi.js": "…"` that pins Hindi.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const files = ['cas-upload.js', 'cas-upload.iife.js', 'cas-upload.hi.js', 'cas-portfolio.js', 'cas-portfolio.iife.js', 'cas-portfolio.hi.js'];
let readme = readFileSync('README.md', 'utf8');
for (const file of files) {
  const integrity = `sha384-${createHash('sha384').update(readFileSync(`dist/cdn/${file}`)).digest('base64')}`;
  console.log(`integrity dist/cdn/${file}: ${integrity}`);
  // `…/file" integrity="sha384-…` (script tag) or `…/file": "sha384-…` (import map).
  const snippet = new RegExp(`(/dist/cdn/${file.replace(/\./g, '\\.')}"(?:\\s+integrity=|\\s*:\\s*)")[^"]*`, 'g');
  readme = readme.replace(snippet, `$1${integrity}`);
}
if (process.argv.includes('--write')) {
  writeFileSync('README.md', readme);
  console.log('README.md: CDN snippets updated.');
}

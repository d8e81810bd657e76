#!/usr/bin/env node
// `npm run sri` (after `npm run build`): prints the Subresource Integrity value of each
// script-tag file (cas-upload.js, cas-upload.iife.js, cas-connect.js) and of the files
// cas-upload.js loads later (Hindi, the password check, the success summary). `npm run sri -- --write` also puts them into
// the CDN snippets of README.md and docs/*.md, as a release step: every
// `<script src=".../cas-upload@x.y.z/dist/cdn/<file>" integrity="…">`, and the import map
// entries `".../cas-upload@x.y.z/dist/cdn/cas-upload.hi.js": "…"` that pin those files.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const files = ['cas-upload.js', 'cas-upload.iife.js', 'cas-upload.hi.js', 'cas-upload.password.js', 'cas-upload.summary.js', 'cas-connect.js', 'cas-connect.iife.js', 'cas-inbox-callback.js', 'cas-portfolio.js', 'cas-portfolio.iife.js', 'cas-portfolio.hi.js', 'chunks/portfolio-alone.js', 'chunks/portfolio-on-connect.js'];
const pages = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const text = Object.fromEntries(pages.map((page) => [page, readFileSync(page, 'utf8')]));
for (const file of files) {
  const integrity = `sha384-${createHash('sha384').update(readFileSync(`dist/cdn/${file}`)).digest('base64')}`;
  console.log(`integrity dist/cdn/${file}: ${integrity}`);
  // `…/file" integrity="sha384-…` (script tag) or `…/file": "sha384-…` (import map).
  const snippet = new RegExp(`(/dist/cdn/${file.replace(/\./g, '\\.')}"(?:\\s+integrity=|\\s*:\\s*)")[^"]*`, 'g');
  for (const page of pages) text[page] = text[page].replace(snippet, `$1${integrity}`);
}
if (process.argv.includes('--write')) {
  for (const page of pages) if (text[page] !== readFileSync(page, 'utf8')) {
    writeFileSync(page, text[page]);
    console.log(`${page}: CDN snippets updated.`);
  }
}

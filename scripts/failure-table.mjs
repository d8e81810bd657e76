#!/usr/bin/env node
// Writes the table of docs/failures.md from the fault matrix
// (test/resilience/matrix.ts), between its markers (test/resilience/failure-table.test.ts
// fails while they differ). Run: node --import tsx scripts/failure-table.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { failureTable, MARKERS } from '../test/resilience/matrix.ts';

const file = new URL('../docs/failures.md', import.meta.url);
const page = readFileSync(file, 'utf8');
const [start, end] = MARKERS;
const from = page.indexOf(start);
const to = page.indexOf(end);
if (from < 0 || to < from) {
  console.error(`docs/failures.md has no ${start} … ${end} markers.`);
  process.exit(1);
}
const next = `${page.slice(0, from + start.length)}\n${failureTable()}\n${page.slice(to)}`;
if (next !== page) {
  writeFileSync(file, next);
  console.log('docs/failures.md updated.');
} else {
  console.log('docs/failures.md is the fault matrix already.');
}

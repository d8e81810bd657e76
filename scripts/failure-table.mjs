#!/usr/bin/env node
// Writes the README section "Failure behaviour" from the fault matrix
// (test/resilience/matrix.ts), between its markers (test/resilience/failure-table.test.ts
// fails while they differ). Run: node --import tsx scripts/failure-table.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { failureTable, MARKERS } from '../test/resilience/matrix.ts';

const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const [start, end] = MARKERS;
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from < 0 || to < from) {
  console.error(`README.md has no ${start} … ${end} markers.`);
  process.exit(1);
}
const next = `${readme.slice(0, from + start.length)}\n${failureTable()}\n${readme.slice(to)}`;
if (next !== readme) {
  writeFileSync(file, next);
  console.log('README.md "Failure behaviour" updated.');
} else {
  console.log('README.md "Failure behaviour" is the fault matrix already.');
}

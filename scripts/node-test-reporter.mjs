// A node:test reporter for `npm test`: prints nothing for a green run; for each file with a
// failure, the failed tests (name, error, diff) and what the file printed. With
// CAS_TEST_SUMMARY set, writes the counts there as JSON (product and harness tests apart),
// for scripts/run-tests.mjs, which prints the closing line of both runners.
// Use: node --test --test-reporter=./scripts/node-test-reporter.mjs <files>
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { inspect } from 'node:util';
import { isHarness, emptyCounts } from './test-groups.mjs';

const indent = (text, by = '    ') => text.replace(/\s+$/, '').replace(/^/gm, by);

export default async function* nodeTestReporter(source) {
  const counts = emptyCounts();
  /** Per file: the names of the tests being reported, by nesting; failures; what it printed. */
  const files = new Map();
  const fileOf = (path) => {
    const name = relative(process.cwd(), path ?? '(no file)');
    if (!files.has(name)) files.set(name, { stack: [], failures: [], output: '' });
    return { name, file: files.get(name) };
  };

  for await (const { type, data } of source) {
    if (type === 'test:start') {
      const { file } = fileOf(data.file);
      file.stack.length = data.nesting;
      file.stack[data.nesting] = data.name;
    } else if (type === 'test:stdout' || type === 'test:stderr') {
      fileOf(data.file).file.output += data.message;
    } else if (type === 'test:pass' || type === 'test:fail') {
      const { name, file } = fileOf(data.file);
      const details = data.details ?? {};
      // Suites, and a test whose subtests failed, are counted through their tests.
      if (details.type === 'suite' || details.error?.failureType === 'subtestsFailed') continue;
      const wholeFile = data.file && data.name === data.file;
      // A file reported as a whole passed only when it has no test of its own.
      if (wholeFile && type === 'test:pass') continue;
      const harness = isHarness(name);
      const acc = harness ? counts.harness : counts.product;
      if (harness && !counts.harnessFiles.includes(name)) counts.harnessFiles.push(name);
      if (data.skip !== undefined || data.todo !== undefined) acc.skipped += 1;
      else if (type === 'test:pass') acc.passed += 1;
      else {
        acc.failed += 1;
        const path = wholeFile ? '(the file did not run: see its output)' : [...file.stack.slice(0, data.nesting), data.name].join(' › ');
        const error = details.error?.cause ?? details.error;
        file.failures.push(`  ✖ ${path}\n${wholeFile || !error ? '' : `${indent(inspect(error, { depth: 4 }))}\n`}`);
      }
    }
  }

  for (const [name, file] of files) {
    if (!file.failures.length) continue;
    yield `\n${name}:\n${file.failures.join('')}`;
    if (file.output.trim()) yield `  its output:\n${indent(file.output)}\n`;
  }
  if (process.env.CAS_TEST_SUMMARY) writeFileSync(process.env.CAS_TEST_SUMMARY, JSON.stringify(counts));
  else {
    const passed = counts.product.passed + counts.harness.passed;
    const failed = counts.product.failed + counts.harness.failed;
    yield `\ntests: ${passed} passed, ${failed} failed\n`;
  }
}

/**
 * The page docs/failures.md is the fault matrix the tests run: it fails when the page and
 * test/resilience/matrix.ts differ.
 */
import { expect } from '@open-wc/testing';
import { failureTable, MARKERS, rows } from './matrix.js';

describe('docs/failures.md', () => {
  it('is the fault matrix (regenerate: node --import tsx scripts/failure-table.mjs)', async () => {
    const page = await (await fetch('/docs/failures.md')).text();
    const [start, end] = MARKERS;
    const from = page.indexOf(start);
    const to = page.indexOf(end);
    expect(from, 'start marker').to.be.greaterThan(-1);
    expect(to, 'end marker').to.be.greaterThan(from);
    expect(page.slice(from + start.length, to).trim()).to.equal(failureTable().trim());
  });

  it('covers every fault the contract names', () => {
    const faults = rows.map((r) => `${r.group}: ${r.fault}`).join('\n');
    for (const needed of [
      /Token endpoint: answers 500/,
      /Token endpoint: answers 404/,
      /Token endpoint: .*HTML/,
      /Token endpoint: .*without `access_token`/,
      /Token endpoint: .*sk_live_/,
      /Token endpoint: hangs past `timeout`/,
      /Token endpoint: connection refused/,
      /API: 400 .*password/,
      /API: 400 "Unable to detect CAS type"/,
      /API: 401 once, then 200/,
      /API: 403 once, then 200/,
      /API: 403 twice/,
      /API: 402/,
      /API: 413/,
      /API: 422/,
      /API: 429 with `Retry-After: 1`, then 200/,
      /API: 429 on every attempt/,
      /API: 500$/m,
      /API: 502 once, then 200/,
      /API: 503 once, then 200/,
      /API: 504 once, then 200/,
      /API: 503 on every attempt/,
      /API: 200 with a body that is not JSON/,
      /API: connection dropped mid-upload/,
      /API: answers slower than `timeout`/,
      /Client: `cancel\(\)` during the upload/,
      /Client: `cancel\(\)` while the API parses/,
      /Client: the element is removed/,
      /Client: `cas-upload-start` prevented/,
      /Client: two `upload\(\)` calls back to back/,
    ]) {
      expect(faults, String(needed)).to.match(needed);
    }
  });
});

// (7) The password check on the device: `checkPdfPassword` of dist/cdn/cas-upload.password.js
// (the file <cas-upload> loads when a file is chosen) on a 9 MiB PDF of each revision of the
// standard security handler, encrypted by qpdf (scripts/test-pdfs.mjs), with the right and with
// a wrong password (which tries every reading: user, owner, trimmed, the empty user password).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './measure.mjs';
import { testPdfs, REVISIONS, USER_PASSWORD } from '../../scripts/test-pdfs.mjs';

/** What each revision is. */
export const REVISION_NAMES = {
  r2: 'R2, RC4 40-bit',
  r3: 'R3, RC4 128-bit',
  r4: 'R4, AES-128',
  r5: 'R5, AES-256 (Adobe extension)',
  r6: 'R6, AES-256 (ISO 32000-2)',
};

/** Writes `<revision>-9mib.pdf` for every revision into `dir`; returns the server's `files` (`/pdfs/<name>.pdf` → path). */
export function passwordFiles(dir) {
  const pdfs = testPdfs();
  const files = {};
  for (const r of Object.keys(REVISIONS)) {
    const path = join(dir, `${r}-9mib.pdf`);
    writeFileSync(path, pdfs.get(`${r}-9mib`));
    files[`/pdfs/${r}-9mib.pdf`] = path;
  }
  pdfs.cleanUp();
  return files;
}

/** The page: `bench.check(name, password, runs)` times `runs` checks of one file after one uncounted. */
export const passwordPage = () => `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title>
<script type="module">
import { checkPdfPassword } from '/cas-upload.password.js';
// The bytes the check reads (every Blob.slice it makes).
let read = 0;
const slice = Blob.prototype.slice;
Blob.prototype.slice = function (start = 0, end = this.size) {
  read += Math.max(0, Math.min(end, this.size) - start);
  return slice.call(this, start, end);
};
window.bench = {
  async check(name, password, runs) {
    const blob = await (await fetch('/pdfs/' + name + '.pdf')).blob();
    const file = new File([blob], name + '.pdf', { type: 'application/pdf' });
    await checkPdfPassword(file, password);
    const times = [];
    let verdict;
    read = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      verdict = await checkPdfPassword(file, password);
      times.push(performance.now() - t);
    }
    return { size: file.size, verdict, times, read: read / runs };
  },
};
window.ready = true;
</script>`;

/** One page; for each revision, the right then a wrong password, `runs` checks each. */
export async function measurePassword(browser, server, { runs = 20 } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/password.html`);
  await page.waitForFunction(() => window.ready === true);
  const rows = [];
  for (const r of Object.keys(REVISIONS)) {
    for (const [label, password, expected] of [
      ['right', USER_PASSWORD, 'right'],
      ['wrong', 'ABCDE1234G', 'wrong'],
    ]) {
      const res = await page.evaluate(([name, pw, n]) => window.bench.check(name, pw, n), [`${r}-9mib`, password, runs]);
      if (res.verdict !== expected) throw new Error(`${r}, ${label} password: the check answered ${res.verdict}`);
      rows.push({ revision: r, label, size: res.size, read: res.read, median: median(res.times), max: Math.max(...res.times) });
    }
  }
  await context.close();
  return { runs, rows };
}

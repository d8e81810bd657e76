// Encrypted PDFs made at test time by an independent tool, qpdf (Debian package `qpdf`; .ci/run
// installs it), for the password check on the device (src/core/pdf-password.ts): a small PDF
// written here, encrypted by qpdf with each revision of the standard security handler, in a
// classic cross-reference table or in a cross-reference stream; plus the odd files the check
// must answer `unknown` for. The browser tests get them from web-test-runner at
// `/test-pdfs/<name>.pdf` (testPdfsMiddleware, web-test-runner.config.mjs); the bench makes
// 9 MiB ones (bench/lib/password.mjs). Nothing is committed: each is made on first use into a
// temporary folder, removed when the process ends.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The passwords of every encrypted test PDF (a PAN, as CAMS and KFintech use). */
export const USER_PASSWORD = 'ABCDE1234F';
export const OWNER_PASSWORD = 'owner-Secret-9';

/** qpdf's arguments for each handler revision: `--encrypt U O <these> --`. */
export const REVISIONS = {
  r2: ['40'], // RC4, 40-bit
  r3: ['128', '--use-aes=n'], // RC4, 128-bit
  r4: ['128', '--use-aes=y'], // AES-128
  r5: ['256', '--force-R5'], // AES-256, Adobe's extension level 3 (deprecated)
  r6: ['256'], // AES-256, ISO 32000-2
};

/**
 * A valid one-page PDF (classic cross-reference table), written by hand. With `padding`, the
 * catalog refers to one more stream of that many pseudo-random bytes (which no compression
 * shrinks), so that the file is large.
 */
export function smallPdf({ padding = 0 } = {}) {
  const content = 'BT /F1 24 Tf 20 100 Td (CAS statement) Tj ET';
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R${padding ? ' /Padding 6 0 R' : ''} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ].map((o) => Buffer.from(o, 'latin1'));
  if (padding) {
    const noise = Buffer.alloc(padding);
    // xorshift32: the same bytes every time.
    for (let i = 0, x = 2463534242; i < padding; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      noise[i] = x & 255;
    }
    objects.push(Buffer.concat([Buffer.from(`<< /Length ${padding} >>\nstream\n`), noise, Buffer.from('\nendstream')]));
  }
  const parts = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let size = parts[0].length;
  const offsets = objects.map((body, i) => {
    const at = size;
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    size += obj.length;
    return at;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\nstartxref\n${size}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/**
 * The test PDFs by name (`<name>.pdf`):
 * - `plain`: not encrypted;
 * - `r2` … `r6`: encrypted with the user and owner passwords above, classic table;
 * - `r2-xref-stream` … `r6-xref-stream`: the same, with object streams and the trailer in a
 *   cross-reference stream (qpdf `--object-streams=generate`);
 * - `r6-no-user-password`: AES-256 with an empty user password;
 * - `unknown-filter`: r3 whose `/Filter /Standard` reads `/Filter /Unknown1` (same length);
 * - `truncated`: the first half of r6 (no trailer left);
 * and, for the bench, `<revision>-9mib` (9 MiB of padding, encrypted).
 */
export const TEST_PDFS = [
  'plain',
  ...Object.keys(REVISIONS),
  ...Object.keys(REVISIONS).map((r) => `${r}-xref-stream`),
  'r6-no-user-password',
  'unknown-filter',
  'truncated',
];

/** Makes the test PDFs in a temporary folder on first use of each; `get(name)` resolves with its bytes. */
export function testPdfs() {
  let dir;
  const made = new Map();
  const qpdf = (args) => execFileSync('qpdf', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const file = (name) => join(dir, `${name}.pdf`);
  const encrypt = (input, output, revision, { user = USER_PASSWORD, extra = [] } = {}) => {
    try {
      qpdf(['--allow-weak-crypto', ...extra, '--encrypt', user, OWNER_PASSWORD, ...REVISIONS[revision], '--', input, output]);
    } catch (err) {
      // 3: written, with warnings.
      if (err.status !== 3) throw new Error(`qpdf failed for ${output}: ${err.stderr ?? err.message}`);
    }
  };
  const make = (name) => {
    dir ??= mkdtempSync(join(tmpdir(), 'cas-test-pdfs-'));
    const plain = file('plain');
    if (!existsSync(plain)) writeFileSync(plain, smallPdf());
    const m = /^(r[2-6])(-xref-stream|-9mib)?$/.exec(name);
    if (name === 'plain') {
      /* written above */
    } else if (m && m[2] === '-9mib') {
      const big = file('padded-9mib');
      writeFileSync(big, smallPdf({ padding: 9 * 1024 * 1024 - 2048 }));
      encrypt(big, file(name), m[1], { extra: ['--compress-streams=n'] });
    } else if (m) {
      encrypt(plain, file(name), m[1], { extra: m[2] ? ['--object-streams=generate'] : [] });
    } else if (name === 'r6-no-user-password') {
      encrypt(plain, file(name), 'r6', { user: '' });
    } else if (name === 'unknown-filter') {
      const r3 = get('r3');
      const at = r3.indexOf('/Filter /Standard');
      if (at < 0) throw new Error('no /Filter /Standard in r3.pdf');
      writeFileSync(file(name), Buffer.concat([r3.subarray(0, at), Buffer.from('/Filter /Unknown1'), r3.subarray(at + 17)]));
    } else if (name === 'truncated') {
      const r6 = get('r6');
      writeFileSync(file(name), r6.subarray(0, r6.length >> 1));
    } else {
      throw new Error(`no test PDF named ${name}`);
    }
    return readFileSync(file(name));
  };
  const get = (name) => {
    if (!made.has(name)) made.set(name, make(name));
    return made.get(name);
  };
  const cleanUp = () => dir && rmSync(dir, { recursive: true, force: true });
  process.once('exit', cleanUp);
  return { get, cleanUp };
}

/** web-test-runner middleware (koa): `GET /test-pdfs/<name>.pdf` answers that test PDF. */
export function testPdfsMiddleware() {
  const pdfs = testPdfs();
  return async (ctx, next) => {
    const m = /^\/test-pdfs\/([\w-]+)\.pdf$/.exec(ctx.path);
    if (!m || !(TEST_PDFS.includes(m[1]) || /^r[2-6]-9mib$/.test(m[1]))) return next();
    ctx.type = 'application/pdf';
    ctx.body = pdfs.get(m[1]);
  };
}

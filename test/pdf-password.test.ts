// The password check on the device (src/core/pdf-password.ts), on PDFs that qpdf encrypts at
// test time (scripts/test-pdfs.mjs, served by web-test-runner at /test-pdfs/<name>.pdf).
import { expect } from '@open-wc/testing';
import { checkPdfPassword, md5, rc4 } from '../src/core/pdf-password.js';

const USER = 'ABCDE1234F';
const OWNER = 'owner-Secret-9';

const cache = new Map<string, Promise<Blob>>();
/** A test PDF by name, fetched once. */
function testPdf(name: string): Promise<Blob> {
  if (!cache.has(name)) {
    cache.set(
      name,
      fetch(`/test-pdfs/${name}.pdf`).then((r) => {
        if (!r.ok) throw new Error(`no test PDF ${name}: ${r.status}`);
        return r.blob();
      }),
    );
  }
  return cache.get(name)!;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** `blob` that records each range sliced from it (the bytes read). */
function watched(blob: Blob): { file: Blob; read: () => number } {
  let read = 0;
  const file = {
    size: blob.size,
    type: blob.type,
    slice(start = 0, end = blob.size) {
      read += Math.max(0, Math.min(end, blob.size) - start);
      return blob.slice(start, end);
    },
  } as Blob;
  return { file, read: () => read };
}

/**
 * A hand-made PDF whose trailer is an uncompressed cross-reference stream (`/W [1 2 1]`, no
 * filter) and whose encryption dictionary (object 2) is `encrypt`; `encryptType` is the row
 * type the stream gives it: 1 at an offset, 2 inside an object stream (whose number, the
 * row's second field, is then the dictionary's offset: a check that read it as an offset
 * would find the dictionary).
 */
function xrefStreamPdf(encrypt: Uint8Array, encryptType: 1 | 2 = 1): Blob {
  const parts = [latin1('%PDF-1.7\n'), latin1('1 0 obj\n<< /Type /Catalog >>\nendobj\n'), latin1('2 0 obj\n'), encrypt, latin1('\nendobj\n')];
  const at1 = parts[0].length;
  const at2 = at1 + parts[1].length;
  const at3 = parts.reduce((n, p) => n + p.length, 0);
  const row = (type: number, a: number, b: number) => [type, a >> 8, a & 255, b];
  const rows = Uint8Array.from([...row(0, 0, 255), ...row(1, at1, 0), ...row(encryptType, at2, 0), ...row(1, at3, 0)]);
  const dict = `<< /Type /XRef /Size 4 /W [1 2 1] /Length ${rows.length} /Root 1 0 R /Encrypt 2 0 R /ID [<00112233445566778899aabbccddeeff><00>] >>`;
  return new Blob([...parts, latin1(`3 0 obj\n${dict}\nstream\n`), rows, latin1(`\nendstream\nendobj\nstartxref\n${at3}\n%%EOF\n`)] as BlobPart[]);
}

/** The encryption dictionary of a qpdf test PDF, as its bytes. */
async function encryptionOf(name: string): Promise<string> {
  const text = await (await testPdf(name)).text();
  const n = /\/Encrypt (\d+) 0 R/.exec(text)![1];
  const start = text.lastIndexOf(`\n${n} 0 obj`) + `\n${n} 0 obj`.length;
  // qpdf writes the dictionary's strings in hex: the text is ASCII.
  return text.slice(start, text.indexOf('endobj', start)).trim();
}

/** A hex string's bytes as a literal string: escapes of every kind, and raw bytes (0x80-0xff too). */
function literal(hexString: string): Uint8Array {
  const out: number[] = [40];
  hexString.match(/../g)!.forEach((h, i) => {
    const b = parseInt(h, 16);
    if (b == 40 || b == 41 || b == 92) out.push(92, b);
    else if (b == 10) out.push(...latin1('\\n'));
    else if (b == 13) out.push(...latin1('\\r'));
    else if (i % 3 == 0) out.push(...latin1(`\\${b.toString(8).padStart(3, '0')}`));
    else out.push(b);
    // A line continuation (backslash, end of line) here and there: it adds nothing.
    if (i % 7 == 0) out.push(92, 10);
  });
  return Uint8Array.from([...out, 41]);
}

describe('checkPdfPassword: MD5 and RC4', () => {
  it('MD5 gives the digests of RFC 1321', () => {
    expect(hex(md5(latin1('')))).to.equal('d41d8cd98f00b204e9800998ecf8427e');
    expect(hex(md5(latin1('abc')))).to.equal('900150983cd24fb0d6963f7d28e17f72');
    expect(hex(md5(latin1('12345678901234567890123456789012345678901234567890123456789012345678901234567890')))).to.equal(
      '57edf4a22be3c955ac49da2e2107b67a',
    );
    // 56 bytes: the length no longer fits the first block.
    expect(hex(md5(latin1('a'.repeat(56))))).to.equal('3b0c8ac703f828b04c6c197006d17218');
  });

  it('RC4 gives the known keystreams', () => {
    expect(hex(rc4(latin1('Key'), latin1('Plaintext')))).to.equal('bbf316e8d940af0ad3');
    expect(hex(rc4(latin1('Secret'), latin1('Attack at dawn')))).to.equal('45a01f645fc35b383552544b9bf5');
  });
});

describe('checkPdfPassword: each revision of the standard security handler (qpdf)', () => {
  const revisions = { r2: 'RC4 40-bit', r3: 'RC4 128-bit', r4: 'AES-128', r5: 'AES-256 (R5)', r6: 'AES-256 (R6)' };
  for (const [r, what] of Object.entries(revisions)) {
    for (const layout of ['', '-xref-stream']) {
      const name = r + layout;
      describe(`${what}${layout ? ', trailer in a cross-reference stream' : ', classic table'} (${name}.pdf)`, () => {
        it('the user password is right', async () => {
          expect(await checkPdfPassword(await testPdf(name), USER)).to.equal('right');
        });
        it('the owner password is right', async () => {
          expect(await checkPdfPassword(await testPdf(name), OWNER)).to.equal('right');
        });
        it('another password is wrong', async () => {
          expect(await checkPdfPassword(await testPdf(name), 'ABCDE1234G')).to.equal('wrong');
        });
        it('the empty password is wrong', async () => {
          expect(await checkPdfPassword(await testPdf(name), '')).to.equal('wrong');
        });
      });
    }
  }
});

describe('checkPdfPassword: files the password does not matter for, or that it cannot read', () => {
  it('an unencrypted file opens with any password', async () => {
    expect(await checkPdfPassword(await testPdf('plain'), 'anything')).to.equal('right');
    expect(await checkPdfPassword(await testPdf('plain'), '')).to.equal('right');
  });

  it('a file whose user password is empty opens with any password', async () => {
    expect(await checkPdfPassword(await testPdf('r6-no-user-password'), 'anything')).to.equal('right');
    expect(await checkPdfPassword(await testPdf('r6-no-user-password'), OWNER)).to.equal('right');
  });

  it('another security handler (an unknown /Filter) is unknown', async () => {
    expect(await checkPdfPassword(await testPdf('unknown-filter'), 'ABCDE1234G')).to.equal('unknown');
    expect(await checkPdfPassword(await testPdf('unknown-filter'), USER)).to.equal('unknown');
  });

  it('a truncated file (no trailer) is unknown', async () => {
    expect(await checkPdfPassword(await testPdf('truncated'), 'ABCDE1234G')).to.equal('unknown');
  });

  it('an encryption dictionary inside an object stream is unknown; at an offset of the same stream, it is read', async () => {
    const encrypt = latin1(await encryptionOf('r6'));
    expect(await checkPdfPassword(xrefStreamPdf(encrypt), USER)).to.equal('right');
    expect(await checkPdfPassword(xrefStreamPdf(encrypt), 'ABCDE1234G')).to.equal('wrong');
    expect(await checkPdfPassword(xrefStreamPdf(encrypt, 2), USER)).to.equal('unknown');
    expect(await checkPdfPassword(xrefStreamPdf(encrypt, 2), 'ABCDE1234G')).to.equal('unknown');
  });

  it('reads /O and /U written as literal strings (escapes and raw bytes) as well as in hex', async () => {
    // r3's dictionary with its /O and /U rewritten; the hand-made file keeps r3's first ID.
    const text = await encryptionOf('r3');
    const parts = text.split(/(\/[OU] <[\da-f]+>)/i).map((p) => {
      const m = /^(\/[OU]) <([\da-f]+)>$/i.exec(p);
      return m ? Uint8Array.from([...latin1(`${m[1]} `), ...literal(m[2])]) : latin1(p);
    });
    expect(parts.length, 'both strings found').to.equal(5);
    const encrypt = Uint8Array.from(parts.flatMap((p) => [...p]));
    expect(await checkPdfPassword(xrefStreamPdf(encrypt), USER)).to.equal('right');
    expect(await checkPdfPassword(xrefStreamPdf(encrypt), OWNER)).to.equal('right');
    expect(await checkPdfPassword(xrefStreamPdf(encrypt), 'ABCDE1234G')).to.equal('wrong');
  });

  it('a file that is no PDF, or empty, is unknown', async () => {
    expect(await checkPdfPassword(new Blob(['hello']), 'x')).to.equal('unknown');
    expect(await checkPdfPassword(new Blob([]), 'x')).to.equal('unknown');
    expect(await checkPdfPassword(new Blob(['%PDF-1.7\nstartxref\n999999\n%%EOF']), 'x')).to.equal('unknown');
  });

  it('a file it cannot read at all is unknown', async () => {
    const broken = { size: 5000, slice: () => ({ arrayBuffer: () => Promise.reject(new Error('gone')) }) } as unknown as Blob;
    expect(await checkPdfPassword(broken, 'x')).to.equal('unknown');
  });
});

describe('checkPdfPassword: the typed password', () => {
  it('spaces around a right password: right (the API may trim them)', async () => {
    expect(await checkPdfPassword(await testPdf('r4'), `  ${USER} `)).to.equal('right');
    expect(await checkPdfPassword(await testPdf('r6'), ` ${USER}`)).to.equal('right');
  });

  it('a wrong password with a character outside printable ASCII is unknown (the API may encode it otherwise)', async () => {
    expect(await checkPdfPassword(await testPdf('r3'), 'ABCDE1234É')).to.equal('unknown');
    expect(await checkPdfPassword(await testPdf('r6'), 'ABCDE1234É')).to.equal('unknown');
  });

  it('a case changed is wrong: a PAN is compared as typed', async () => {
    expect(await checkPdfPassword(await testPdf('r3'), USER.toLowerCase())).to.equal('wrong');
  });
});

describe('checkPdfPassword: what it reads', () => {
  for (const r of ['r2', 'r6']) {
    it(`reads a few KB of a 9 MiB ${r} file, never the whole file`, async () => {
      const big = await testPdf(`${r}-9mib`);
      expect(big.size).to.be.above(9 * 1024 * 1024 - 4096);
      const { file, read } = watched(big);
      expect(await checkPdfPassword(file, USER)).to.equal('right');
      expect(read()).to.be.below(16384);
      expect(await checkPdfPassword(file, 'ABCDE1234G')).to.equal('wrong');
    });
  }
});

import { expect } from '@open-wc/testing';
import { checkPdf } from '../src/core/pdf-check.js';
import { CasUploadError } from '../src/core/errors.js';

const pdf = (body = '%PDF-1.7\n%âãÏÓ\n1 0 obj\n', type = 'application/pdf') => new File([body], 'cas.pdf', { type });

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    expect(err).to.be.instanceOf(CasUploadError);
    return (err as CasUploadError).code;
  }
}

describe('checkPdf', () => {
  it('accepts a file that starts with %PDF-', async () => {
    expect(await codeOf(checkPdf(pdf()))).to.equal(undefined);
  });

  it('accepts %PDF- after leading junk within the first 1024 bytes', async () => {
    expect(await codeOf(checkPdf(pdf(' '.repeat(1000) + '%PDF-1.4')))).to.equal(undefined);
  });

  it('refuses %PDF- that starts after the first 1024 bytes', async () => {
    expect(await codeOf(checkPdf(pdf(' '.repeat(1020) + '%PDF-1.4')))).to.equal('invalid-file');
  });

  it('refuses a text file renamed .pdf', async () => {
    expect(await codeOf(checkPdf(pdf('hello, not a pdf')))).to.equal('invalid-file');
  });

  it('the same file that is no PDF, checked twice (at selection, then at upload), is invalid-file both times', async () => {
    const file = pdf('hello, not a pdf');
    expect(await codeOf(checkPdf(file))).to.equal('invalid-file');
    expect(await codeOf(checkPdf(file))).to.equal('invalid-file');
  });

  it('reads the first bytes of a PDF once, however often it is checked', async () => {
    const file = pdf();
    let reads = 0;
    const slice = file.slice.bind(file);
    file.slice = (...args: Parameters<Blob['slice']>) => (reads++, slice(...args));
    for (let i = 0; i < 3; i++) expect(await codeOf(checkPdf(file))).to.equal(undefined);
    expect(reads).to.equal(1);
  });

  it('refuses an empty file', async () => {
    expect(await codeOf(checkPdf(pdf('')))).to.equal('invalid-file');
  });

  it('refuses no file at all', async () => {
    expect(await codeOf(checkPdf(undefined))).to.equal('invalid-file');
  });

  it('refuses a PDF over maxSize with file-too-large', async () => {
    const big = new File(['%PDF-1.7\n', new Uint8Array(11 * 1024 * 1024)], 'big.pdf');
    expect(await codeOf(checkPdf(big))).to.equal('file-too-large');
    expect(await codeOf(checkPdf(pdf(), 5))).to.equal('file-too-large');
  });

  it('accepts a PDF exactly at maxSize', async () => {
    const file = pdf();
    expect(await codeOf(checkPdf(file, file.size))).to.equal(undefined);
  });
});

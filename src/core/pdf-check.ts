import { CasUploadError } from './errors.js';

const MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Default largest accepted file: 10 MiB, the API's own limit. */
export const DEFAULT_MAX_SIZE = 10 * 1024 * 1024;

/**
 * Checks a file before any network request: not empty, `%PDF-` within its first 1024 bytes,
 * and not larger than `maxSize`. Reads only those first bytes, never the whole file.
 * @throws {CasUploadError} `invalid-file` or `file-too-large`
 */
export async function checkPdf(file: Blob | null | undefined, maxSize = DEFAULT_MAX_SIZE): Promise<void> {
  if (!file || typeof file.slice !== 'function') {
    throw new CasUploadError('invalid-file', 'Please choose a PDF file.');
  }
  if (file.size === 0) throw new CasUploadError('invalid-file', 'This file is empty.');
  const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
  if (!hasMagic(head)) throw new CasUploadError('invalid-file', 'This file is not a PDF.');
  if (file.size > maxSize) throw new CasUploadError('file-too-large');
}

function hasMagic(bytes: Uint8Array): boolean {
  outer: for (let i = 0; i + MAGIC.length <= bytes.length; i++) {
    for (let j = 0; j < MAGIC.length; j++) if (bytes[i + j] !== MAGIC[j]) continue outer;
    return true;
  }
  return false;
}

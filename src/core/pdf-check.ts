import { CasUploadError } from './errors.js';
import { positive } from './numbers.js';

/** Default largest accepted file: 10 MiB, the API's own limit. */
export const DEFAULT_MAX_SIZE = 10485760;

/** Files whose first bytes were found to be a PDF: a `Blob`'s bytes never change, so they are read once. */
const pdfs = new WeakSet<Blob>();

/**
 * Checks a file before any network request: not empty, `%PDF-` within its first 1024 bytes,
 * and not larger than `maxSize`. Reads only those first bytes, never the whole file, and only
 * once per file (the element checks at selection, the upload again).
 * @throws {CasUploadError} `invalid-file` or `file-too-large`
 */
export async function checkPdf(file: Blob | null | undefined, maxSize?: number | null): Promise<void> {
  if (
    !file?.size ||
    // Bytes as Latin-1 characters, one each: is "%PDF-" among the first 1024? A file that
    // cannot be read counts as no PDF.
    !(
      pdfs.has(file) ||
      (String.fromCharCode(...new Uint8Array(await file.slice(0, 1024).arrayBuffer().catch(() => new ArrayBuffer(0)))).includes('%PDF-') &&
        pdfs.add(file))
    )
  ) {
    throw new CasUploadError('invalid-file');
  }
  if (file.size > positive(maxSize, DEFAULT_MAX_SIZE)) throw new CasUploadError('file-too-large');
}

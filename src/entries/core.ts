/** `cas-upload/core`: the headless client (the request path of src/core/), no Lit and no DOM rendering. */
export * from '../core/index.js';
// Here, not in core/index.ts: the script-tag files (which hold core/index.ts) load the check
// from a file of its own when a file is chosen, and keep it out of their first load.
export { checkPdfPassword } from '../core/pdf-password.js';
export type { PdfPasswordVerdict } from '../core/pdf-password.js';

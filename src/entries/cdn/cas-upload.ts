/**
 * The script-tag build: registers `<cas-upload>`; the classic (IIFE) file also sets
 * `window.CasUpload` to these exports. Each file holds Lit and English; Hindi is
 * `cas-upload.hi.js`, which the file imports from its own folder the first time an element
 * speaks Hindi (`upload/load-hi.cdn.ts`, put in place of `upload/load-hi.ts` by vite.config.ts).
 */
import { CasUploadElement as OwnElement } from '../index.js';

export * from '../index.js';

/**
 * The class registered as `<cas-upload>`: this copy's, or the one that a copy loaded earlier
 * on the page registered (so `window.CasUpload` always names the class in use).
 */
export const CasUploadElement: typeof OwnElement =
  (globalThis.customElements?.get('cas-upload') as typeof OwnElement | undefined) ?? OwnElement;

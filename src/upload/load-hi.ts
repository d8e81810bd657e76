import type { CasUploadStrings } from './en.js';

/**
 * Loads the Hindi strings. In the npm build `hi.ts` is a chunk of its own (`dist/chunks/upload-hi.js`)
 * that the page fetches the first time an element speaks Hindi. The script-tag build uses
 * `load-hi.cdn.ts` in place of this module (see vite.config.ts).
 */
export const loadHi = (): Promise<CasUploadStrings> => import('./hi.js').then((m) => m.hi);

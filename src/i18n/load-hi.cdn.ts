import type { CasUploadStrings } from './en.js';

import { base } from './script-base.js';

/**
 * The script-tag build's Hindi loader, in place of `load-hi.ts` (vite.config.ts, mode `cdn`).
 * Hindi is not in `cas-upload.js` or `cas-upload.iife.js`: it is `cas-upload.hi.js`, an ES
 * module exporting `hi`, imported from the folder of the script (`script-base.ts`).
 */

/**
 * Imports `file` from the folder of the script that runs this code (Hindi, the success
 * summary). Without a usable script URL (no real `<script>`; a `blob:` or `data:` URL, against
 * which nothing resolves), a relative specifier: import() resolves it against the script's own
 * URL where the browser knows one (an external classic script), else against the page.
 */
export function besideScript<T>(file: string): Promise<T> {
  let url = `./${file}`;
  try {
    if (base) url = new URL(file, base).href;
  } catch {
    /* keep the relative URL */
  }
  return import(/* @vite-ignore */ url);
}

export const loadHi = (): Promise<CasUploadStrings> => besideScript<{ hi: CasUploadStrings }>('cas-upload.hi.js').then((m) => m.hi);

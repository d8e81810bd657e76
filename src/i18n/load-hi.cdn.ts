import type { CasUploadStrings } from './en.js';

/**
 * The script-tag build's Hindi loader, in place of `load-hi.ts` (vite.config.ts, mode `cdn`).
 * Hindi is not in `cas-upload.js` or `cas-upload.iife.js`: it is `cas-upload.hi.js`, an ES
 * module exporting `hi`, imported from the folder of the script that runs this code.
 *
 * The script's own URL is read as the file is evaluated: for the module, `import.meta.url`
 * (which the bundler writes as `{}.url`, undefined, in the classic file); for the classic
 * script, `document.currentScript`, which is set only while the script runs. Only a real
 * `<script>` counts: an element of the page named `currentScript` (`<img name="currentScript">`
 * shadows the property) must not choose where code comes from.
 */
const script = import.meta.url ? null : document.currentScript;
const base = import.meta.url || (script instanceof HTMLScriptElement ? script.src : '');

/**
 * Imports `file` from the folder of the script that runs this code (Hindi, the success
 * summary). Without a usable script URL (no real `<script>`; a `blob:` or `data:` URL, against
 * which nothing resolves), a relative specifier: import() resolves it against the script's own
 * URL where the browser knows one (an external classic script), else against the page.
 */
export function besideScript<T>(file: string): Promise<T> {
  let url = `./${file}`;
  try {
    // In `cas-connect.js` this code runs from a chunk in `chunks/` below the script's folder.
    if (base) url = new URL(`${/\/chunks\/[^/]*$/.test(new URL(base).pathname) ? '../' : ''}${file}`, base).href;
  } catch {
    /* keep the relative URL */
  }
  return import(/* @vite-ignore */ url);
}

export const loadHi = (): Promise<CasUploadStrings> => besideScript<{ hi: CasUploadStrings }>('cas-upload.hi.js').then((m) => m.hi);

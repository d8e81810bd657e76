/**
 * `script-base.ts` for the script-tag builds whose code may run from a file under `chunks/`
 * (vite.config.ts: `cas-connect.js` and its flows, the copies of `<cas-portfolio>`): the folder
 * of the script-tag files, the folder above `chunks/` for a chunk. The classic script reads
 * `document.currentScript`, as in `script-base.ts`.
 */
const script = import.meta.url ? null : document.currentScript;
export const base: string = import.meta.url
  ? import.meta.url.replace(/\/chunks\/[^/]*$/, '/')
  : script instanceof HTMLScriptElement
    ? script.src
    : '';

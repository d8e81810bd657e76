/**
 * `script-base.ts` for `cas-connect.js` (vite.config.ts, mode `cdn-connect`), whose flows run
 * from a chunk in `chunks/` below the script's folder: the folder above the chunk. (The path is
 * a variable: Vite would take a literal one for an asset to bundle.)
 */
const parent = '../';
export const base: string = new URL(parent, import.meta.url).href;

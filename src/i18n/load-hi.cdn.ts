import type { CasUploadStrings } from './en.js';

/**
 * The script-tag build's Hindi loader, in place of `load-hi.ts` (vite.config.ts, mode `cdn`).
 * Hindi is not in `cas-upload.js` or `cas-upload.iife.js`: it is `cas-upload.hi.js`, an ES
 * module exporting `hi`, imported from the folder of the script that runs this code.
 *
 * The script's own URL: for the classic script, `document.currentScript`, which is set only
 * while the script runs, so it is read here, as the file is evaluated; for the module,
 * `import.meta.url` (`document.currentScript` is always null in a module). In the classic
 * file `import.meta.url` is undefined: the bundler writes `{}.url` there.
 */
const base = (document.currentScript as HTMLScriptElement | null)?.src || import.meta.url;

/**
 * Where `cas-upload.hi.js` is. Without a script URL (a classic script run by a loader, or from
 * a shadow root), a relative specifier: `import()` in a classic script resolves it against the
 * script's URL.
 */
const url = base ? new URL('cas-upload.hi.js', base).href : './cas-upload.hi.js';

export const loadHi = (): Promise<CasUploadStrings> =>
  import(/* @vite-ignore */ url).then((m: { hi: CasUploadStrings }) => m.hi);

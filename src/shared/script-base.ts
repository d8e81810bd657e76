/**
 * The URL of the script-tag file that runs this code, against which the files beside it
 * (Hindi, the success summary) are found. It is read as the file is evaluated: for the module,
 * `import.meta.url` (which the bundler writes as `{}.url`, undefined, in the classic file); for
 * the classic script, `document.currentScript`, which is set only while the script runs. Only
 * a real `<script>` counts: an element of the page named `currentScript` (`<img
 * name="currentScript">` shadows the property) must not choose where code comes from. Empty
 * when there is none. In the builds whose code may run from a file under `chunks/`
 * (`__CAS_IN_CHUNKS__`, vite.config.ts: `cas-connect.js` and its flows, the copies of
 * `<cas-portfolio>`), a chunk stands for the folder above it.
 */
const script = import.meta.url ? null : document.currentScript;
export const base: string = import.meta.url
  ? typeof __CAS_IN_CHUNKS__ == 'boolean' && __CAS_IN_CHUNKS__
    ? import.meta.url.replace(/\/chunks\/[^/]*$/, '/')
    : import.meta.url
  : script instanceof HTMLScriptElement
    ? script.src
    : '';
declare const __CAS_IN_CHUNKS__: boolean | undefined;

/**
 * `dist/cdn/cas-connect.js`: the script-tag module of every way to get a CAS. It holds what
 * `<cas-connect>`'s first render needs (Lit, the shared base, English) and registers it at once,
 * then loads the flows (`<cas-upload>`, `<cas-cdsl-fetch>`, `<cas-inbox>`, `<cas-mailback>`,
 * `<cas-forward>`) from a chunk beside it without holding up the first render; `ready`
 * resolves once all are defined, with their classes and the headless client. A tag already
 * defined (by another file or bundle) is skipped. Each element's Hindi is a file beside it.
 * `cas-portfolio.js` of the same folder uses this file's Lit and base when both are on a page.
 */
import '../../connect/define.js';
import { CONNECT_MODULE } from './connect-mark.js';
// The loader of the files beside the script, which the flows and `<cas-portfolio>` use: in this
// file, so that neither waits for one more request to run.
import '../../shared/beside-script.js';

export { CasConnectElement } from '../../connect/element.js';

(globalThis as Record<symbol, unknown>)[CONNECT_MODULE] = import.meta.url;

/** Resolves once every element is defined: their classes, `version` and the headless client. */
export const ready = import('../../connect/flows.js');
export { registerLanguage, type CasLanguageTexts } from '../../shared/languages.js';

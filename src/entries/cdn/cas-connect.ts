/**
 * `dist/cdn/cas-connect.js`: the script-tag module of every way to get a CAS. It registers
 * `<cas-connect>` at once, then loads the flows (`<cas-upload>`, `<cas-cdsl-fetch>`,
 * `<cas-inbox>`, `<cas-mailback>`, `<cas-forward>`) from chunks beside it without holding up the
 * first render; `ready` resolves once all are defined, with their classes and the headless client. A tag
 * already defined (by another file or bundle) is skipped. Each element's Hindi is a file beside it.
 */
import '../../connect/define.js';

export { CasConnectElement } from '../../connect/element.js';

/** Resolves once every element is defined: their classes, `version` and the headless client. */
export const ready = import('../../connect/flows.js');
export { registerLanguage, type CasLanguageTexts } from '../../shared/languages.js';

/**
 * `cas-upload/connect`: registers `<cas-connect>` and every flow it offers (`<cas-upload>`,
 * `<cas-cdsl-fetch>`, `<cas-inbox>`, `<cas-mailback>`, `<cas-forward>`), and exports their
 * classes and the headless client.
 */
import '../connect/define.js';

export * from '../connect/flows.js';
export { CasConnectElement } from '../connect/element.js';
export type { CasConnectMethod, CasConnectState } from '../connect/element.js';
export { en as connectEn, type CasConnectStrings } from '../connect/en.js';
export type * from '../shared/events.js';
export { registerLanguage, type CasLanguageTexts } from '../shared/languages.js';

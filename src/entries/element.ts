/**
 * `cas-upload/element`: the element class with no side effects. Register it yourself with
 * `CasUploadElement.define(tag?)`.
 */
export { CasUploadElement, version } from '../upload/element.js';
export type { CasUploadState } from '../upload/element.js';
export type * from '../shared/events.js';
export { en, stringsFor, registerStrings, type CasUploadStrings } from '../upload/texts.js';
export * from '../core/upload-api.js';
export { registerLanguage, type CasLanguageTexts } from '../shared/languages.js';

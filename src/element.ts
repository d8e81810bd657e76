/**
 * `cas-upload/element`: the element class with no side effects. Register it yourself with
 * `CasUploadElement.define(tag?)`.
 */
export { CasUploadElement, version } from './cas-upload-element.js';
export type { CasUploadState } from './cas-upload-element.js';
export type * from './events.js';
export { en, stringsFor, registerStrings, type CasUploadStrings } from './i18n/index.js';
export * from './core/upload-api.js';

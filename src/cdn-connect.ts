/**
 * `dist/cdn/cas-connect.js`: the script-tag module of every flow. Registers `<cas-upload>` and
 * `<cas-cdsl-fetch>` (a tag already defined, by another file or bundle, is skipped) and exports
 * their classes and the headless client. Each element's Hindi is a file beside it.
 */
import './cas-upload-define.js';
import './cdsl-fetch/define.js';

export { CasUploadElement, version } from './cas-upload-element.js';
export { CasCdslFetchElement } from './cdsl-fetch/cas-cdsl-fetch-element.js';
export * from './core/index.js';

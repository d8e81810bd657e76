/**
 * `cas-upload`: registers `<cas-upload>` and re-exports the public API.
 */
import './cas-upload-define.js';

export * from './element.js';

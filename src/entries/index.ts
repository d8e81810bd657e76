/**
 * `cas-upload`: registers `<cas-upload>` and re-exports the public API.
 */
import '../upload/define.js';

export * from './element.js';

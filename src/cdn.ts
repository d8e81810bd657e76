/**
 * The script-tag build: registers `<cas-upload>`; the classic (IIFE) file also sets
 * `window.CasUpload` to these exports.
 */
export * from './index.js';

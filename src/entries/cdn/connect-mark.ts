/**
 * The global under which `cas-connect.js` writes its own URL when it runs, so that
 * `cas-portfolio.js` of the same folder can take Lit and the shared base from it.
 */
export const CONNECT_MODULE: unique symbol = Symbol.for('cas-upload.cdn.cas-connect');

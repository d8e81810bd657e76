/**
 * `dist/cdn/cas-connect.iife.js`: the classic script of every way to get a CAS. A classic
 * script cannot load ES chunks, so it holds every element at once (Hindi of `<cas-upload>`
 * excepted: `cas-upload.hi.js` beside it). It sets `window.CasConnect` to these exports.
 */
export * from '../connect.js';

// cas-upload's npm entry (Lit external there), bundled here the same way as every peer.
export * from '../../dist/index.js';

/** `cas-upload/server`: the token helper for the host's backend (src/server/). */
export * from '../server/index.js';

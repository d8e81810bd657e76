/** `cas-upload/core`: the headless client (the request path of src/core/), no Lit and no DOM rendering. */
export * from '../core/index.js';

/**
 * The headless client of an upload (token cache + upload): what `cas-upload` and
 * `cas-upload/element` export, and `dist/cdn/cas-upload.js` holds. `cas-upload/core` (index.ts)
 * adds the flows without a PDF in hand.
 */
export { uploadCas, PARSERS, DEFAULT_API_BASE } from './upload.js';
export type { UploadOptions, UploadResult, Parser } from './upload.js';
export { CasUploadError } from './errors.js';
export type { CasUploadErrorCode, CasUploadErrorInit, UploadErrorCode, FlowErrorCode } from './errors.js';
export { checkPdf, DEFAULT_MAX_SIZE } from './pdf-check.js';
export { TokenCache, sharedTokenCache, clearTokenCache } from './token-cache.js';
export type { TokenResponse, TokenProvider, TokenSource, TokenCacheOptions } from './token-cache.js';
export type { ProgressDetail } from './parse-request.js';
export { systemClock } from './clock.js';
export type { Clock } from './clock.js';
export type * from './types.js';

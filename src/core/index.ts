/**
 * `cas-upload/core`: the headless client (token cache + upload), with no Lit and no DOM
 * rendering, for people who build their own UI.
 */
export { CasUploadError, defaultMessages, codeForStatus, apiMessageOf } from './errors.js';
export type { CasUploadErrorCode, CasUploadErrorInit } from './errors.js';
export { checkPdf, DEFAULT_MAX_SIZE } from './pdf-check.js';
export { sendParseRequest } from './parse-request.js';
export type { ProgressDetail, RawResponse, ParseRequestInit } from './parse-request.js';
export {
  TokenCache,
  sharedTokenCache,
  clearTokenCache,
  lifetimeOf,
  MAX_TOKEN_AGE,
  MAX_SKEW,
} from './token-cache.js';
export type { TokenResponse, TokenProvider, TokenSource, TokenCacheOptions } from './token-cache.js';
export { uploadCas, parseUrl, retryAfterMs, PARSERS, DEFAULT_API_BASE, MAX_RETRY_DELAY } from './upload.js';
export type { UploadOptions, UploadResult, Parser } from './upload.js';
export { systemClock } from './clock.js';
export type { Clock } from './clock.js';
export type * from './types.js';

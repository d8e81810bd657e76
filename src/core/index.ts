/**
 * `cas-upload/core`: the headless client (token cache, upload, the CDSL fetch and parsing by
 * URL), with no Lit and no DOM rendering, for people who build their own UI.
 */
export { uploadCas, PARSERS, DEFAULT_API_BASE } from './upload.js';
export type { UploadOptions, UploadResult, Parser } from './upload.js';
export { requestCdslOtp, verifyCdslOtp, parseCasUrl, checkCdslDetails, CdslDetailsError } from './cdsl.js';
export type { CdslDetails, CdslFile, CdslField } from './cdsl.js';
export type { ApiOptions } from './request.js';
export { CasUploadError } from './errors.js';
export type { CasUploadErrorCode, CasUploadErrorInit, UploadErrorCode, FlowErrorCode } from './errors.js';
export { flowMessages } from './flow-messages.js';
export { checkPdf, DEFAULT_MAX_SIZE } from './pdf-check.js';
export { TokenCache, sharedTokenCache, clearTokenCache } from './token-cache.js';
export type { TokenResponse, TokenProvider, TokenSource, TokenCacheOptions } from './token-cache.js';
export type { ProgressDetail } from './parse-request.js';
export { systemClock } from './clock.js';
export type { Clock } from './clock.js';
export type * from './types.js';

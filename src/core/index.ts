/**
 * `cas-upload/core`: the headless client (token cache, upload, the CDSL fetch and parsing by
 * URL), with no Lit and no DOM rendering, for people who build their own UI.
 */
export * from './upload-api.js';
export { requestCdslOtp, verifyCdslOtp, parseCasUrl, checkCdslDetails, CdslDetailsError } from './cdsl.js';
export type { CdslDetails, CdslFile, CdslField } from './cdsl.js';
export type { ApiOptions } from './request.js';
export { flowMessages } from './flow-messages.js';

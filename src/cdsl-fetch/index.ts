/**
 * `cas-upload/cdsl-fetch`: registers `<cas-cdsl-fetch>` and exports its class, its strings and
 * the core functions of its steps.
 */
import './define.js';

export { CasCdslFetchElement } from './cas-cdsl-fetch-element.js';
export type { CasCdslFetchState } from './cas-cdsl-fetch-element.js';
export { en as cdslFetchEn, type CasCdslFetchStrings } from './en.js';
export type { CasUploadSuccessDetail, CasUploadErrorDetail, CasCdslFetchCancelDetail, CasFile } from '../events.js';
export {
  requestCdslOtp,
  verifyCdslOtp,
  parseCasUrl,
  checkCdslDetails,
  CdslDetailsError,
  CasUploadError,
  clearTokenCache,
} from '../core/index.js';
export type { CdslDetails, CdslFile, CdslField, CasUploadErrorCode, TokenProvider, TokenResponse } from '../core/index.js';

/**
 * `cas-upload/cdsl-fetch`: registers `<cas-cdsl-fetch>` and exports its class, its strings and
 * the core functions of its steps.
 */
import '../cdsl-fetch/define.js';

export { CasCdslFetchElement } from '../cdsl-fetch/element.js';
export type { CasCdslFetchState } from '../cdsl-fetch/element.js';
export { en as cdslFetchEn, type CasCdslFetchStrings } from '../cdsl-fetch/en.js';
export type { CasUploadSuccessDetail, CasUploadErrorDetail, CasCdslFetchCancelDetail, CasFile } from '../shared/events.js';
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
export { registerLanguage, type CasLanguageTexts } from '../shared/languages.js';

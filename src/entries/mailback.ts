/**
 * `cas-upload/mailback`: registers `<cas-mailback>` and exports its class, its strings and the
 * core function of its request.
 */
import '../mailback/define.js';

export { CasMailbackElement, rangeOf } from '../mailback/element.js';
export type { CasMailbackState } from '../mailback/element.js';
export { en as mailbackEn, type CasMailbackStrings } from '../mailback/en.js';
export type { CasUploadErrorDetail, CasMailbackSentDetail, CasMailbackCancelDetail } from '../shared/events.js';
export { requestMailback, checkMailbackDetails, MailbackDetailsError, CasUploadError, clearTokenCache } from '../core/index.js';
export type { MailbackDetails, MailbackField, CasUploadErrorCode, TokenProvider, TokenResponse } from '../core/index.js';
export { registerLanguage, type CasLanguageTexts } from '../shared/languages.js';

/**
 * `cas-upload/mailback`: registers `<cas-mailback>` and exports its class, its strings and the
 * core function of its request.
 */
import './define.js';

export { CasMailbackElement, rangeOf } from './cas-mailback-element.js';
export type { CasMailbackState } from './cas-mailback-element.js';
export { en as mailbackEn, type CasMailbackStrings } from './en.js';
export type { CasUploadErrorDetail, CasMailbackSentDetail, CasMailbackCancelDetail } from '../events.js';
export { requestMailback, checkMailbackDetails, MailbackDetailsError, CasUploadError, clearTokenCache } from '../core/index.js';
export type { MailbackDetails, MailbackField, CasUploadErrorCode, TokenProvider, TokenResponse } from '../core/index.js';

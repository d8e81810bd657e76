/**
 * `cas-upload/inbox`: registers `<cas-inbox>` and exports its class, its strings and the core
 * functions of its steps.
 */
import './define.js';

export { CasInboxElement } from './cas-inbox-element.js';
export type { CasInboxState } from './cas-inbox-element.js';
export { en as inboxEn, type CasInboxStrings } from './en.js';
export type { CasUploadSuccessDetail, CasUploadErrorDetail, CasInboxCancelDetail, CasFile } from '../events.js';
export { connectInbox, listInboxStatements, disconnectInbox, inboxState, parseCasUrl, CasUploadError, clearTokenCache } from '../core/index.js';
export type { InboxFile, CasUploadErrorCode, TokenProvider, TokenResponse } from '../core/index.js';

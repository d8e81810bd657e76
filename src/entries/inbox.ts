/**
 * `cas-upload/inbox`: registers `<cas-inbox>` and exports its class, its strings and the core
 * functions of its steps.
 */
import '../inbox/define.js';

export { CasInboxElement } from '../inbox/element.js';
export type { CasInboxState } from '../inbox/element.js';
export { en as inboxEn, type CasInboxStrings } from '../inbox/en.js';
export type { CasUploadSuccessDetail, CasUploadErrorDetail, CasInboxCancelDetail, CasFile } from '../shared/events.js';
export {
  connectInbox,
  listInboxStatements,
  inboxStatus,
  disconnectInbox,
  inboxState,
  INBOX_PROVIDERS,
  parseCasUrl,
  CasUploadError,
  clearTokenCache,
} from '../core/index.js';
export type { InboxFile, InboxProvider, CasUploadErrorCode, TokenProvider, TokenResponse } from '../core/index.js';
export { registerLanguage, type CasLanguageTexts } from '../shared/languages.js';

/**
 * `cas-upload/core`: the headless client (token cache, upload, the CDSL fetch, the mailback, the
 * mailbox import, forwarding addresses and parsing by URL), with no Lit and no DOM rendering, for people who build their own UI.
 */
export * from './upload-api.js';
export { requestCdslOtp, verifyCdslOtp, parseCasUrl, checkCdslDetails, CdslDetailsError } from './cdsl.js';
export type { CdslDetails, CdslFile, CdslField } from './cdsl.js';
export type { ApiOptions } from './request.js';
export { flowMessages } from './flow-messages.js';
export { requestMailback, checkMailbackDetails, MailbackDetailsError, MAILBACK_EARLIEST, MAILBACK_MIN_PASSWORD } from './mailback.js';
export type { MailbackDetails, MailbackField } from './mailback.js';
export { connectInbox, listInboxStatements, inboxStatus, disconnectInbox, inboxState, INBOX_PROVIDERS } from './inbox.js';
export type { InboxFile, InboxProvider } from './inbox.js';
export { createForwardAddress, listForwardedFiles, deleteForwardAddress, forwardSources, FORWARD_SOURCES, FORWARD_SENDERS } from './forward.js';
export type { ForwardAddress, ForwardedFile, ForwardSource } from './forward.js';

import type { CasUploadErrorCode } from '../core/errors.js';
import type { ProgressDetail } from '../core/parse-request.js';
import type { ParseResult } from '../core/types.js';

/** `cas-upload-select`: a file was chosen and passed the checks. */
export interface CasUploadSelectDetail {
  file: File;
}
/** `cas-upload-start` (cancelable): the upload is about to begin. */
export interface CasUploadStartDetail {
  file: File;
  parser: string;
}
/** `cas-upload-progress`: bytes sent, then `phase: 'parse'` once they all are. */
export type CasUploadProgressDetail = ProgressDetail;
/** `cas-upload-success`: the API's JSON body, unchanged, and facts about the upload. */
export interface CasUploadSuccessDetail {
  result: ParseResult;
  /** The file parsed; `size` is `null` for a fetched file (not in the browser). */
  file: { name: string; size: number | null };
  parser: string;
  durationMs: number;
  requestId: string | null;
  /** How the statement came: `upload` (`<cas-upload>`), `cdsl` (`<cas-cdsl-fetch>`), `inbox` or `forward` (`<cas-forward>`). */
  source: 'upload' | 'cdsl' | 'inbox' | 'forward';
  /** Every statement a fetch returned (newest first), for `cdsl`, `inbox` and `forward`. */
  files?: CasFile[];
  /**
   * `inbox` only: whether the mailbox access was revoked (`POST /v4/inbox/disconnect` accepted);
   * `false` when it was refused or not answered in time, and with `keep-connected`.
   */
  disconnected?: boolean;
}
/** A statement a fetch returned: its file name and a short-lived download URL. */
export interface CasFile {
  filename: string;
  url: string;
}
/** `cas-upload-error`: why the upload failed, as a stable code and a sentence. */
export interface CasUploadErrorDetail {
  code: Exclude<CasUploadErrorCode, 'aborted'>;
  message: string;
  apiMessage: string | null;
  status: number | null;
  retryable: boolean;
  requestId: string | null;
}
/** `cas-upload-cancel`: the upload in flight was cancelled. */
export interface CasUploadCancelDetail {
  file: { name: string; size: number };
}

/** Every event of `<cas-upload>`, by name. */
export interface CasUploadEventMap {
  'cas-upload-select': CustomEvent<CasUploadSelectDetail>;
  'cas-upload-start': CustomEvent<CasUploadStartDetail>;
  'cas-upload-progress': CustomEvent<CasUploadProgressDetail>;
  'cas-upload-success': CustomEvent<CasUploadSuccessDetail>;
  'cas-upload-error': CustomEvent<CasUploadErrorDetail>;
  'cas-upload-cancel': CustomEvent<CasUploadCancelDetail>;
}

/** `cas-upload-cancel` of `<cas-cdsl-fetch>`: the step that was cancelled. */
export interface CasCdslFetchCancelDetail {
  step: 'idle' | 'requesting' | 'otp' | 'verifying' | 'parsing' | 'success' | 'error';
}

/** `cas-upload-mailback-sent` of `<cas-mailback>`: KFintech accepted the request (the statement arrives by e-mail in 2-5 minutes). */
export interface CasMailbackSentDetail {
  /** First day of the statement, `YYYY-MM-DD`. */
  fromDate: string;
  /** Last day of the statement, `YYYY-MM-DD`. */
  toDate: string;
  requestId: string | null;
}

/** `cas-upload-cancel` of `<cas-mailback>`: the request in flight was cancelled. */
export interface CasMailbackCancelDetail {
  step: 'sending';
}

/** `cas-upload-cancel` of `<cas-inbox>`: the step that was cancelled. */
export interface CasInboxCancelDetail {
  step: 'idle' | 'connecting' | 'listing' | 'choose' | 'parsing' | 'success' | 'error';
}

/**
 * What the host already knows of the investor (property `prefill` of the flows, contract §18):
 * shown or tried first, never reflected to an attribute, an event or the console (personal
 * data). `<cas-forward>` uses `pan`: the password tried first for a CAMS or KFintech statement.
 */
export interface CasPrefill {
  pan?: string;
  email?: string;
  boId?: string;
  dob?: string;
}

/** `cas-upload-forward-ready` of `<cas-forward>`: the forwarding address is shown (it is no secret). */
export interface CasForwardReadyDetail {
  /** The e-mail address the investor forwards the statement e-mail to. */
  address: string;
  /** When the element stops waiting for it (ISO 8601): after `wait-minutes`, or sooner when the API says the address expires sooner. */
  expiresAt: string;
}

/** `cas-upload-cancel` of `<cas-forward>`: the step that was cancelled. */
export interface CasForwardCancelDetail {
  step: 'idle' | 'creating' | 'waiting' | 'parsing' | 'success' | 'error';
}

/** `cas-upload-cancel` from any element on the page: the upload's `{ file }` or a flow's `{ step }`. */
export type CasCancelDetail =
  | CasUploadCancelDetail
  | CasCdslFetchCancelDetail
  | CasMailbackCancelDetail
  | CasInboxCancelDetail
  | CasForwardCancelDetail;

/**
 * The `cas-upload-*` events as a page-wide listener hears them (`document`, `<cas-connect>`):
 * as {@link CasUploadEventMap}, but `cas-upload-cancel` may come from any element.
 */
export interface CasEventMap extends Omit<CasUploadEventMap, 'cas-upload-cancel'> {
  'cas-upload-cancel': CustomEvent<CasCancelDetail>;
}

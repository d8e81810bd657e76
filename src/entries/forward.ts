/**
 * `cas-upload/forward`: registers `<cas-forward>` and exports its class, its strings and the
 * core functions of its steps.
 */
import '../forward/define.js';

export { CasForwardElement, FORWARD_POLL_MS } from '../forward/element.js';
export type { CasForwardState } from '../forward/element.js';
export { en as forwardEn, type CasForwardStrings } from '../forward/en.js';
export type {
  CasUploadSuccessDetail,
  CasUploadErrorDetail,
  CasForwardReadyDetail,
  CasForwardCancelDetail,
  CasPrefill,
  CasFile,
} from '../shared/events.js';
export {
  createForwardAddress,
  listForwardedFiles,
  deleteForwardAddress,
  forwardSources,
  FORWARD_SOURCES,
  FORWARD_SENDERS,
  parseCasUrl,
  CasUploadError,
  clearTokenCache,
} from '../core/index.js';
export type { ForwardAddress, ForwardedFile, ForwardSource, CasUploadErrorCode, TokenProvider, TokenResponse } from '../core/index.js';
export { registerLanguage, type CasLanguageTexts } from '../shared/languages.js';

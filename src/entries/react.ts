/**
 * `cas-upload/react`: `<CasUpload>`, a thin React wrapper around `<cas-upload>` (which it
 * registers), with typed `onCasUpload…` event props. Every other prop is set as a property of
 * the element, so functions and objects (`tokenProvider`, `tokenRequestInit`, `strings`) work.
 *
 * ```tsx
 * import { CasUpload } from 'cas-upload/react';
 *
 * <CasUpload
 *   tokenProvider={getToken}
 *   onCasUploadSuccess={(e) => setResult(e.detail.result)}
 *   onCasUploadError={(e) => setError(e.detail.message)}
 * />
 * ```
 *
 * `<CasPortfolio>` wraps `<cas-portfolio>` (`result={…}` or `htmlFor="upload-id"`), and
 * `<CasConnect>`, `<CasCdslFetch>`, `<CasMailback>`, `<CasInbox>` and `<CasForward>` wrap the other
 * ways to get a statement, with the same props and `onCasUpload…` events. Register those elements once with
 * their own entry (`import 'cas-upload/connect'` registers all of them, `'cas-upload/portfolio'`
 * the portfolio view), so that pages that only upload do not load them.
 *
 * This module also types every element in React's JSX (`React.JSX.IntrinsicElements`), for
 * React 19 code that uses the elements directly (`oncas-upload-success={…}`).
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '../upload/define.js';
import { CasUploadElement } from '../upload/element.js';
import type {
  CasCancelDetail,
  CasCdslFetchCancelDetail,
  CasEventMap,
  CasInboxCancelDetail,
  CasForwardCancelDetail,
  CasForwardReadyDetail,
  CasMailbackCancelDetail,
  CasMailbackSentDetail,
  CasUploadEventMap,
} from '../shared/events.js';
import { CasPortfolioElement } from '../portfolio/element.js';
import { CasCdslFetchElement } from '../cdsl-fetch/element.js';
import { CasMailbackElement } from '../mailback/element.js';
import { CasInboxElement } from '../inbox/element.js';
import { CasForwardElement } from '../forward/element.js';
import { CasConnectElement } from '../connect/element.js';

/** The React prop of each event, for example `onCasUploadSuccess` for `cas-upload-success`. */
const events = {
  onCasUploadSelect: 'cas-upload-select' as EventName<CasUploadEventMap['cas-upload-select']>,
  onCasUploadStart: 'cas-upload-start' as EventName<CasUploadEventMap['cas-upload-start']>,
  onCasUploadProgress: 'cas-upload-progress' as EventName<CasUploadEventMap['cas-upload-progress']>,
  onCasUploadSuccess: 'cas-upload-success' as EventName<CasUploadEventMap['cas-upload-success']>,
  onCasUploadError: 'cas-upload-error' as EventName<CasUploadEventMap['cas-upload-error']>,
  onCasUploadCancel: 'cas-upload-cancel' as EventName<CasUploadEventMap['cas-upload-cancel']>,
};

/**
 * `<cas-upload>` as a React component. Props: the element's properties (`tokenUrl`,
 * `tokenProvider`, `apiBase`, `parser`, …), the `onCasUpload…` event props, and the usual
 * HTML props. A `ref` gives the `CasUploadElement` (for `upload()`, `cancel()`, `reset()`).
 */
export const CasUpload = createComponent({
  react: React,
  tagName: 'cas-upload',
  elementClass: CasUploadElement,
  events,
  displayName: 'CasUpload',
});

/** `<cas-portfolio>` as a React component; `import 'cas-upload/portfolio'` registers the element. */
export const CasPortfolio = /* @__PURE__ */ createComponent({ react: React, tagName: 'cas-portfolio', elementClass: CasPortfolioElement, displayName: 'CasPortfolio' });

/** The events of `<cas-mailback>` and `<cas-forward>` beyond the upload's (each flow's cancel detail is typed where it is used). */
interface CasFlowEventMap {
  'cas-upload-mailback-sent': CustomEvent<CasMailbackSentDetail>;
  'cas-upload-mailback-upload': CustomEvent<Record<string, never>>;
  'cas-upload-forward-ready': CustomEvent<CasForwardReadyDetail>;
}

// Each wrapper's events: names only (no calls, no spreads), so that a bundler drops the
// wrappers (and their elements) that a page does not import.
const success = 'cas-upload-success' as EventName<CasEventMap['cas-upload-success']>;
const error = 'cas-upload-error' as EventName<CasEventMap['cas-upload-error']>;
const sent = 'cas-upload-mailback-sent' as EventName<CasFlowEventMap['cas-upload-mailback-sent']>;
const wantsUpload = 'cas-upload-mailback-upload' as EventName<CasFlowEventMap['cas-upload-mailback-upload']>;
const cdslEvents = { onCasUploadSuccess: success, onCasUploadError: error, onCasUploadCancel: 'cas-upload-cancel' as EventName<CustomEvent<CasCdslFetchCancelDetail>> };
const mailbackEvents = {
  onCasUploadMailbackSent: sent,
  onCasUploadMailbackUpload: wantsUpload,
  onCasUploadError: error,
  onCasUploadCancel: 'cas-upload-cancel' as EventName<CustomEvent<CasMailbackCancelDetail>>,
};
const forwardReady = 'cas-upload-forward-ready' as EventName<CasFlowEventMap['cas-upload-forward-ready']>;
const forwardEvents = {
  onCasUploadForwardReady: forwardReady,
  onCasUploadSuccess: success,
  onCasUploadError: error,
  onCasUploadCancel: 'cas-upload-cancel' as EventName<CustomEvent<CasForwardCancelDetail>>,
};
const inboxEvents = { onCasUploadSuccess: success, onCasUploadError: error, onCasUploadCancel: 'cas-upload-cancel' as EventName<CustomEvent<CasInboxCancelDetail>> };
const connectEvents = {
  onCasUploadSelect: events.onCasUploadSelect,
  onCasUploadStart: events.onCasUploadStart,
  onCasUploadProgress: events.onCasUploadProgress,
  onCasUploadSuccess: success,
  onCasUploadError: error,
  onCasUploadMailbackSent: sent,
  onCasUploadMailbackUpload: wantsUpload,
  onCasUploadForwardReady: forwardReady,
  onCasUploadCancel: 'cas-upload-cancel' as EventName<CustomEvent<CasCancelDetail>>,
};

/** `<cas-cdsl-fetch>` as a React component; `import 'cas-upload/cdsl-fetch'` (or `'cas-upload/connect'`) registers the element. */
export const CasCdslFetch = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'cas-cdsl-fetch',
  elementClass: CasCdslFetchElement,
  events: cdslEvents,
  displayName: 'CasCdslFetch',
});

/** `<cas-mailback>` as a React component; `import 'cas-upload/mailback'` (or `'cas-upload/connect'`) registers the element. */
export const CasMailback = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'cas-mailback',
  elementClass: CasMailbackElement,
  events: mailbackEvents,
  displayName: 'CasMailback',
});

/** `<cas-inbox>` as a React component; `import 'cas-upload/inbox'` (or `'cas-upload/connect'`) registers the element. */
export const CasInbox = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'cas-inbox',
  elementClass: CasInboxElement,
  events: inboxEvents,
  displayName: 'CasInbox',
});

/** `<cas-forward>` as a React component; `import 'cas-upload/forward'` (or `'cas-upload/connect'`) registers the element. */
export const CasForward = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'cas-forward',
  elementClass: CasForwardElement,
  events: forwardEvents,
  displayName: 'CasForward',
});

/**
 * `<cas-connect>` as a React component: every way to get a statement, and every event of the
 * flow that runs (the upload's, the flows' and `<cas-mailback>`'s); `import 'cas-upload/connect'`
 * registers it and the flows.
 */
export const CasConnect = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'cas-connect',
  elementClass: CasConnectElement,
  events: connectEvents,
  displayName: 'CasConnect',
});

/** The props of {@link CasUpload}. */
export type CasUploadProps = React.ComponentProps<typeof CasUpload>;

/** The settings every element takes (token, API, timing, texts), by their property names. */
type CasSharedProperties =
  | 'tokenUrl'
  | 'tokenMethod'
  | 'tokenRequestInit'
  | 'tokenProvider'
  | 'apiBase'
  | 'timeout'
  | 'retries'
  | 'retryDelay'
  | 'disabled'
  | 'strings';

/** The same settings by their attribute names. */
interface CasSharedAttributes {
  'token-url'?: string;
  'token-method'?: 'GET' | 'POST';
  'api-base'?: string;
  'retry-delay'?: number | string;
}

/** React 19 listens to `on<event-name>` props of custom elements: `oncas-upload-success`. */
type CasEventProps<M> = {
  [K in keyof M as `on${K & string}`]?: (event: M[K]) => void;
};

/** What an element accepts in React JSX: HTML props, `P` of its properties, attributes `A`, events `M`. */
type CasJsxProps<E extends HTMLElement, P extends keyof E, A, M> = React.DetailedHTMLProps<React.HTMLAttributes<E>, E> &
  Partial<Pick<E, P | Extract<CasSharedProperties, keyof E>>> &
  CasSharedAttributes &
  A &
  CasEventProps<M>;

/** What `<cas-upload>` accepts in React JSX. */
export type CasUploadJsxProps = CasJsxProps<
  CasUploadElement,
  'parser' | 'fileField' | 'maxSize' | 'password' | 'required' | 'allowEmptyPassword',
  { 'file-field'?: string; 'max-size'?: number | string; 'allow-empty-password'?: boolean },
  CasUploadEventMap
>;

/** What `<cas-cdsl-fetch>` accepts in React JSX. */
export type CasCdslFetchJsxProps = CasJsxProps<
  CasCdslFetchElement,
  'periods' | 'prefill',
  object,
  Pick<CasEventMap, 'cas-upload-success' | 'cas-upload-error'> & { 'cas-upload-cancel': CustomEvent<CasCdslFetchCancelDetail> }
>;

/** What `<cas-mailback>` accepts in React JSX. */
export type CasMailbackJsxProps = CasJsxProps<
  CasMailbackElement,
  'prefill',
  object,
  CasFlowEventMap & Pick<CasEventMap, 'cas-upload-error'> & { 'cas-upload-cancel': CustomEvent<CasMailbackCancelDetail> }
>;

/** What `<cas-inbox>` accepts in React JSX. */
export type CasInboxJsxProps = CasJsxProps<
  CasInboxElement,
  'redirectUrl' | 'keepConnected',
  { 'redirect-url'?: string; 'keep-connected'?: boolean },
  Pick<CasEventMap, 'cas-upload-success' | 'cas-upload-error'> & { 'cas-upload-cancel': CustomEvent<CasInboxCancelDetail> }
>;

/** What `<cas-forward>` accepts in React JSX. */
export type CasForwardJsxProps = CasJsxProps<
  CasForwardElement,
  'sources' | 'reference' | 'inboundEmailId' | 'address' | 'waitMinutes' | 'prefill',
  { 'inbound-email-id'?: string; 'wait-minutes'?: number | string },
  Pick<CasEventMap, 'cas-upload-success' | 'cas-upload-error'> &
    Pick<CasFlowEventMap, 'cas-upload-forward-ready'> & { 'cas-upload-cancel': CustomEvent<CasForwardCancelDetail> }
>;

/** What `<cas-connect>` accepts in React JSX: the settings of every flow it offers, and all their events. */
export type CasConnectJsxProps = CasJsxProps<
  CasConnectElement,
  | 'methods'
  | 'redirectUrl'
  | 'allowWebviewInbox'
  | 'keepConnected'
  | 'parser'
  | 'fileField'
  | 'maxSize'
  | 'allowEmptyPassword'
  | 'periods'
  | 'sources'
  | 'reference'
  | 'inboundEmailId'
  | 'address'
  | 'waitMinutes'
  | 'prefill',
  {
    'redirect-url'?: string;
    'allow-webview-inbox'?: boolean;
    'keep-connected'?: boolean;
    'file-field'?: string;
    'max-size'?: number | string;
    'allow-empty-password'?: boolean;
    'inbound-email-id'?: string;
    'wait-minutes'?: number | string;
  },
  CasEventMap & CasFlowEventMap
>;

/** What `<cas-portfolio>` accepts in React JSX: `result`, `for` (or `htmlFor`), `strings`. */
export type CasPortfolioJsxProps = React.DetailedHTMLProps<React.HTMLAttributes<CasPortfolioElement>, CasPortfolioElement> &
  Partial<Pick<CasPortfolioElement, 'result' | 'htmlFor' | 'strings'>> & { for?: string };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'cas-upload': CasUploadJsxProps;
      'cas-cdsl-fetch': CasCdslFetchJsxProps;
      'cas-mailback': CasMailbackJsxProps;
      'cas-inbox': CasInboxJsxProps;
      'cas-forward': CasForwardJsxProps;
      'cas-connect': CasConnectJsxProps;
      'cas-portfolio': CasPortfolioJsxProps;
    }
  }
}

export { CasUploadElement, CasPortfolioElement, CasCdslFetchElement, CasMailbackElement, CasInboxElement, CasForwardElement, CasConnectElement };
export type * from '../shared/events.js';
export { registerLanguage, type CasLanguageTexts } from '../shared/languages.js';

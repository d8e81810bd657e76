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
 * `<CasPortfolio>` wraps `<cas-portfolio>` (`result={…}` or `htmlFor="upload-id"`); register that
 * element once with `import 'cas-upload/portfolio'`, so that pages that only upload do not load it.
 *
 * This module also types `<cas-upload>` in React's JSX (`React.JSX.IntrinsicElements`), for
 * React 19 code that uses the element directly (`oncas-upload-success={…}`).
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import './cas-upload-define.js';
import { CasUploadElement } from './cas-upload-element.js';
import type { CasUploadEventMap } from './events.js';
import { CasPortfolioElement } from './portfolio/cas-portfolio-element.js';

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

/** The props of {@link CasUpload}. */
export type CasUploadProps = React.ComponentProps<typeof CasUpload>;

/** The element's settable properties, by their property names. */
type CasUploadProperties = Partial<
  Pick<
    CasUploadElement,
    | 'tokenUrl'
    | 'tokenMethod'
    | 'tokenRequestInit'
    | 'tokenProvider'
    | 'apiBase'
    | 'parser'
    | 'fileField'
    | 'maxSize'
    | 'timeout'
    | 'retries'
    | 'retryDelay'
    | 'disabled'
    | 'password'
    | 'strings'
  >
>;

/** The element's attributes, by their attribute names. */
interface CasUploadAttributes {
  'token-url'?: string;
  'token-method'?: 'GET' | 'POST';
  'api-base'?: string;
  'file-field'?: string;
  'max-size'?: number | string;
  'retry-delay'?: number | string;
}

/** React 19 listens to `on<event-name>` props of custom elements: `oncas-upload-success`. */
type CasUploadEventProps = {
  [K in keyof CasUploadEventMap as `on${K}`]?: (event: CasUploadEventMap[K]) => void;
};

/** What `<cas-upload>` accepts in React JSX. */
export type CasUploadJsxProps = React.DetailedHTMLProps<React.HTMLAttributes<CasUploadElement>, CasUploadElement> &
  CasUploadProperties &
  CasUploadAttributes &
  CasUploadEventProps;

/** What `<cas-portfolio>` accepts in React JSX: `result`, `for` (or `htmlFor`), `strings`. */
export type CasPortfolioJsxProps = React.DetailedHTMLProps<React.HTMLAttributes<CasPortfolioElement>, CasPortfolioElement> &
  Partial<Pick<CasPortfolioElement, 'result' | 'htmlFor' | 'strings'>> & { for?: string };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'cas-upload': CasUploadJsxProps;
      'cas-portfolio': CasPortfolioJsxProps;
    }
  }
}

export { CasUploadElement, CasPortfolioElement };
export type * from './events.js';

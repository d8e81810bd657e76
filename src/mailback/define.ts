import { CasMailbackElement } from './element.js';
import type { CasMailbackSentDetail, CasEventMap } from '../shared/events.js';

// Registers `<cas-mailback>` in the browser (not on a server, where there is no `document`).
if (typeof document != 'undefined') CasMailbackElement.define('cas-mailback');

declare global {
  interface HTMLElementTagNameMap {
    'cas-mailback': CasMailbackElement;
  }
  // The `cas-upload-*` events too, typed for a page that loads only this element.
  interface GlobalEventHandlersEventMap extends CasEventMap {
    'cas-upload-mailback-sent': CustomEvent<CasMailbackSentDetail>;
    'cas-upload-mailback-upload': CustomEvent<Record<string, never>>;
  }
}

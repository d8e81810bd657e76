import { CasForwardElement } from './element.js';
import type { CasForwardReadyDetail, CasEventMap } from '../shared/events.js';

// Registers `<cas-forward>` in the browser (not on a server, where there is no `document`).
if (typeof document != 'undefined') CasForwardElement.define('cas-forward');

declare global {
  interface HTMLElementTagNameMap {
    'cas-forward': CasForwardElement;
  }
  // The `cas-upload-*` events too, typed for a page that loads only this element.
  interface GlobalEventHandlersEventMap extends CasEventMap {
    'cas-upload-forward-ready': CustomEvent<CasForwardReadyDetail>;
  }
}

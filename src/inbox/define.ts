import { CasInboxElement } from './element.js';
import type { CasEventMap } from '../shared/events.js';

// Registers `<cas-inbox>` in the browser (not on a server, where there is no `document`).
if (typeof document != 'undefined') CasInboxElement.define('cas-inbox');

declare global {
  interface HTMLElementTagNameMap {
    'cas-inbox': CasInboxElement;
  }
  // The `cas-upload-*` events, typed for a page that loads only this element.
  interface GlobalEventHandlersEventMap extends CasEventMap {}
}

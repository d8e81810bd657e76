import { CasConnectElement } from './element.js';
import type { CasEventMap } from '../shared/events.js';

// Registers `<cas-connect>` in the browser (not on a server, where there is no `document`).
if (typeof document != 'undefined') CasConnectElement.define('cas-connect');

declare global {
  interface HTMLElementTagNameMap {
    'cas-connect': CasConnectElement;
  }
  // The `cas-upload-*` events, typed for a page that loads only this element.
  interface GlobalEventHandlersEventMap extends CasEventMap {}
}

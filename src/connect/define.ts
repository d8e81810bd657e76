import { CasConnectElement } from './cas-connect-element.js';
import type { CasEventMap } from '../events.js';

// Registers `<cas-connect>` in the browser (not on a server, where there is no `document`).
if (typeof document != 'undefined') CasConnectElement.define('cas-connect');

declare global {
  interface HTMLElementTagNameMap {
    'cas-connect': CasConnectElement;
  }
  // The `cas-upload-*` events, typed for a page that loads only this element.
  interface GlobalEventHandlersEventMap extends CasEventMap {}
}

import { CasCdslFetchElement } from './element.js';
import type { CasEventMap } from '../shared/events.js';

// Registers `<cas-cdsl-fetch>` in the browser (not on a server, where there is no `document`).
if (typeof document != 'undefined') CasCdslFetchElement.define('cas-cdsl-fetch');

declare global {
  interface HTMLElementTagNameMap {
    'cas-cdsl-fetch': CasCdslFetchElement;
  }
  // The `cas-upload-*` events, typed for a page that loads only this element.
  interface GlobalEventHandlersEventMap extends CasEventMap {}
}

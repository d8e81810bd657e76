import { CasUploadElement } from './element.js';
import type { CasEventMap } from '../shared/events.js';

// Registers `<cas-upload>` in the browser. On a server (no `document`, as in Node with Lit's
// DOM shim) nothing is registered: the tag is sent as is and upgraded in the browser.
if (typeof document != 'undefined') CasUploadElement.define('cas-upload');

declare global {
  interface HTMLElementTagNameMap {
    'cas-upload': CasUploadElement;
  }
  interface GlobalEventHandlersEventMap extends CasEventMap {}
}

import { CasUploadElement } from './cas-upload-element.js';
import type { CasUploadEventMap } from './events.js';

CasUploadElement.define('cas-upload');

declare global {
  interface HTMLElementTagNameMap {
    'cas-upload': CasUploadElement;
  }
  interface GlobalEventHandlersEventMap extends CasUploadEventMap {}
}

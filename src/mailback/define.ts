import { CasMailbackElement } from './cas-mailback-element.js';
import type { CasMailbackSentDetail } from '../events.js';

// Registers `<cas-mailback>` in the browser (not on a server, where there is no `document`).
if (typeof document != 'undefined') CasMailbackElement.define('cas-mailback');

declare global {
  interface HTMLElementTagNameMap {
    'cas-mailback': CasMailbackElement;
  }
  interface GlobalEventHandlersEventMap {
    'cas-upload-mailback-sent': CustomEvent<CasMailbackSentDetail>;
    'cas-upload-mailback-upload': CustomEvent<Record<string, never>>;
  }
}

import { CasMailbackElement } from './cas-mailback-element.js';

// Registers `<cas-mailback>` in the browser (not on a server, where there is no `document`).
if (typeof document != 'undefined') CasMailbackElement.define('cas-mailback');

declare global {
  interface HTMLElementTagNameMap {
    'cas-mailback': CasMailbackElement;
  }
}

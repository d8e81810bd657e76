import { CasConnectElement } from './cas-connect-element.js';

// Registers `<cas-connect>` in the browser (not on a server, where there is no `document`).
if (typeof document != 'undefined') CasConnectElement.define('cas-connect');

declare global {
  interface HTMLElementTagNameMap {
    'cas-connect': CasConnectElement;
  }
}

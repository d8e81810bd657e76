import { CasPortfolioElement } from './element.js';

// Registers `<cas-portfolio>` in the browser; on a server (no `document`) nothing is registered.
if (typeof document != 'undefined') CasPortfolioElement.define('cas-portfolio');

declare global {
  interface HTMLElementTagNameMap {
    'cas-portfolio': CasPortfolioElement;
  }
}

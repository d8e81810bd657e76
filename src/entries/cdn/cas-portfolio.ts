/**
 * The script-tag build of `<cas-portfolio>` (`dist/cdn/cas-portfolio.js` and `.iife.js`):
 * registers the element; the classic file also sets `window.CasPortfolio` to these exports.
 * Hindi is `cas-portfolio.hi.js`, imported from beside the script when first needed.
 */
import { CasPortfolioElement as OwnElement } from '../portfolio.js';

export * from '../portfolio.js';

/** The class registered as `<cas-portfolio>`: this copy's, or that of a copy loaded earlier. */
export const CasPortfolioElement: typeof OwnElement =
  (globalThis.customElements?.get('cas-portfolio') as typeof OwnElement | undefined) ?? OwnElement;

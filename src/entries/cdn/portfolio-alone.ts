/**
 * `<cas-portfolio>` with its own copy of Lit and the shared base: `dist/cdn/chunks/portfolio-alone.js`
 * (which `cas-portfolio.js` loads on a page without `cas-connect.js`) and `cas-portfolio.iife.js`
 * (the classic script, which sets `window.CasPortfolio` to these exports). Registers the
 * element; Hindi is `cas-portfolio.hi.js`, imported from beside the script when first needed.
 */
import { CasPortfolioElement as OwnElement } from '../portfolio.js';

export * from '../portfolio.js';

/** The class registered as `<cas-portfolio>`: this copy's, or that of a copy loaded earlier. */
export const CasPortfolioElement: typeof OwnElement =
  (globalThis.customElements?.get('cas-portfolio') as typeof OwnElement | undefined) ?? OwnElement;

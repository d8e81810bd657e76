import type { CasPortfolioStrings } from './en.js';

/**
 * Loads the Hindi strings of `<cas-portfolio>`: a chunk of its own in the npm build. The
 * script-tag build uses `load-hi.cdn.ts` in place of this module (see vite.config.ts).
 */
export const loadHi = (): Promise<CasPortfolioStrings> => import('./hi.js').then((m) => m.hi);

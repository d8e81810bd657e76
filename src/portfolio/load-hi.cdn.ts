import { besideScript } from '../shared/beside-script.js';
import type { CasPortfolioStrings } from './en.js';

/**
 * The script-tag build's Hindi loader for `<cas-portfolio>`, in place of `load-hi.ts`
 * (vite.config.ts, mode `cdn-portfolio`): `cas-portfolio.hi.js`, imported from the folder of
 * the script that runs this code.
 */
export const loadHi = (): Promise<CasPortfolioStrings> =>
  besideScript<{ hi: CasPortfolioStrings }>('cas-portfolio.hi.js').then((m) => m.hi);

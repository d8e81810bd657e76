import { besideScript } from '../i18n/load-hi.cdn.js';
import type { CasPortfolioStrings } from './strings.js';

/**
 * The script-tag build's Hindi loader for `<cas-portfolio>`, in place of `load-hi.ts`
 * (vite.config.ts, mode `cdn-portfolio`): `cas-portfolio.hi.js`, imported from the folder of
 * the script that runs this code.
 */
export const loadHi = (): Promise<CasPortfolioStrings> =>
  besideScript<{ hi: CasPortfolioStrings }>('cas-portfolio.hi.js').then((m) => m.hi);

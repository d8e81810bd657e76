/**
 * `cas-upload/portfolio`: registers `<cas-portfolio>`, which shows a parsed CAS statement, and
 * exports its class. Apart from `cas-upload`, so that a page that only uploads pays nothing
 * for it.
 */
import '../portfolio/define.js';

export { CasPortfolioElement } from '../portfolio/element.js';
export { en as portfolioEn, type CasPortfolioStrings } from '../portfolio/en.js';
export { registerLanguage, type CasLanguageTexts } from '../shared/languages.js';

import { addLanguage } from './catalog.js';
import type { CasUploadStrings } from '../upload/en.js';
import type { CasCdslFetchStrings } from '../cdsl-fetch/en.js';
import type { CasMailbackStrings } from '../mailback/en.js';
import type { CasInboxStrings } from '../inbox/en.js';
import type { CasForwardStrings } from '../forward/en.js';
import type { CasConnectStrings } from '../connect/en.js';
import type { CasPortfolioStrings } from '../portfolio/en.js';

/**
 * The texts of one language for one element or several, by tag name. A text left out is the
 * English one; an element left out speaks English (with English numbers and dates).
 */
export type CasLanguageTexts = {
  'cas-upload'?: Partial<CasUploadStrings>;
  'cas-cdsl-fetch'?: Partial<CasCdslFetchStrings>;
  'cas-mailback'?: Partial<CasMailbackStrings>;
  'cas-inbox'?: Partial<CasInboxStrings>;
  'cas-forward'?: Partial<CasForwardStrings>;
  'cas-connect'?: Partial<CasConnectStrings>;
  'cas-portfolio'?: Partial<CasPortfolioStrings>;
};

/**
 * Adds a language to every element of the package at once, by its primary subtag:
 * `registerLanguage('mr', { 'cas-upload': { heading: '…', … }, 'cas-connect': { … } })` for the
 * elements whose `lang` (or an ancestor's) is `mr` or `mr-IN`. Give the texts of one element
 * or of several in one table, or a function that loads the table the first time an element
 * speaks the language (`() => import('./mr.js').then((m) => m.mr)`); until it arrives the
 * elements speak English, as for Hindi. An element's `strings` property still overrides any
 * text. Registering a language again replaces it (Hindi and English too) for every element;
 * `registerStrings` of `<cas-upload>` still works, and the later of the two wins for it.
 * Elements already on the page take it at their next render, so register before they appear.
 * The languages are those of this copy of the package: a page with two script-tag files
 * registers with each (`CasUpload.registerLanguage`, `CasConnect.registerLanguage`).
 */
export const registerLanguage: (lang: string, texts: CasLanguageTexts | (() => Promise<CasLanguageTexts>)) => void = addLanguage;

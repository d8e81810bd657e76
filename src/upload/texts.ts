import { en, type CasUploadStrings } from './en.js';
import { loadHi } from './load-hi.js';
import { catalog, fill } from '../shared/catalog.js';

export type { CasUploadStrings };
export { en, fill };

/**
 * The texts of `<cas-upload>`. Built-in languages other than English are each a separate file
 * loaded when first used: in the npm build a chunk (`dist/chunks/upload-hi.js`), in the script-tag
 * build `dist/cdn/cas-upload.hi.js` beside the script (`load-hi.ts`, `load-hi.cdn.ts`). A text
 * missing from the file (one of another version) is the English one.
 */
export const uploadStrings = catalog<CasUploadStrings>(en, { hi: loadHi }, 'cas-upload');

/** The strings for a BCP 47 tag once loaded (see {@link loadStrings}); English otherwise. */
export const stringsFor = uploadStrings.stringsFor;
/** The language the element speaks for a BCP 47 tag (see `Catalog.shownLanguage`). */
export const shownLanguage = uploadStrings.shownLanguage;
/** Loads a built-in language (`hi`); see `Catalog.loadStrings`. */
export const loadStrings = uploadStrings.loadStrings;
/**
 * Adds a language for every `<cas-upload>` on the page (of this copy of the library), by its
 * primary subtag: `registerStrings('ta', { heading: '…', … })` for the elements whose `lang`
 * (or an ancestor's) is `ta` or `ta-IN`. Give the texts, or a function that loads them the first
 * time an element speaks the language (`() => import('./ta.js').then((m) => m.ta)`); until they
 * arrive the element speaks English, as for Hindi. A text left out is the English one; the
 * element's `strings` property still overrides any text. Registering a language again replaces
 * it (Hindi and English too). Elements already on the page take it at their next render, so
 * register before they appear.
 */
export function registerStrings(
  lang: string,
  strings: Partial<CasUploadStrings> | (() => Promise<Partial<CasUploadStrings>>),
): void {
  uploadStrings.register(lang, strings);
}

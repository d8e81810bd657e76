import { en, type CasUploadStrings } from './en.js';
import { loadHi } from './load-hi.js';

export type { CasUploadStrings };
export { en };

/** Languages ready to use, by primary subtag. */
const ready: Record<string, CasUploadStrings> = { en };
/**
 * Built-in languages other than English, each a separate file loaded when first used: in the
 * npm build a chunk (`dist/chunks/hi.js`), in the script-tag build `dist/cdn/cas-upload.hi.js`
 * beside the script (`load-hi.ts`, `load-hi.cdn.ts`).
 */
const loaders: Record<string, () => Promise<CasUploadStrings>> = { hi: loadHi };
/** The load in flight, by language. */
const pending: Record<string, Promise<unknown>> = {};
/** Languages whose load failed once already. */
const failed = new Set<string>();

/** `hi-IN` → `hi`; English when empty. */
const primary = (tag?: string | null) => (tag || 'en').toLowerCase().split('-')[0];

/** The strings for a BCP 47 tag once loaded (see {@link loadStrings}); English otherwise. */
export function stringsFor(tag?: string | null): CasUploadStrings {
  return ready[primary(tag)] ?? en;
}

/**
 * The language the element speaks for a BCP 47 tag: the tag itself, or `en` while a built-in
 * language's strings are not loaded (yet, or at all), so that numbers and dates, and the `lang`
 * screen readers read with, follow the texts shown.
 */
export function shownLanguage(tag?: string | null): string {
  const lang = primary(tag);
  return loaders[lang] && (ready[lang] ?? en) === en ? 'en' : tag || 'en';
}

/**
 * Loads a built-in language (`hi`). Resolves once {@link stringsFor} returns it, or once the
 * load failed (then {@link stringsFor} keeps returning English); returns `undefined` when
 * there is nothing to wait for (loaded, given up, or not built in).
 *
 * A failed load (offline, a 404, a Content-Security-Policy that refuses the file) is retried
 * once, by the next call (the element's next update), in case it was a passing network error;
 * after a second failure the language is English until the page is reloaded, so that a
 * missing file does not cost a request on every render. A text missing from the file (one of
 * another version) is the English one.
 */
export function loadStrings(tag?: string | null): Promise<unknown> | undefined {
  const lang = primary(tag);
  if (ready[lang] || !loaders[lang]) return;
  return (pending[lang] ??= loaders[lang]().then(
    (s) => (ready[lang] = { ...en, ...s }),
    () => {
      delete pending[lang];
      if (failed.has(lang)) ready[lang] = en;
      failed.add(lang);
    },
  ));
}

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
  const l = primary(lang);
  delete pending[l];
  delete ready[l];
  failed.delete(l);
  if (typeof strings == 'function') loaders[l] = strings as () => Promise<CasUploadStrings>;
  else ready[l] = { ...en, ...strings };
}

/** Replaces `{key}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

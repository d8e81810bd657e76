/**
 * The texts of one element in every language: English built in, other languages loaded on
 * demand (each a separate file), and a partial table from another version filled in with
 * English.
 */
export interface Catalog<S> {
  /** The strings for a BCP 47 tag once loaded (see `load`); English otherwise. */
  stringsFor(tag?: string | null): S;
  /**
   * The language shown for a BCP 47 tag: the tag itself, or `en` while a built-in language's
   * strings are not loaded (yet, or at all), so that numbers and dates, and the `lang` screen
   * readers read with, follow the texts shown.
   */
  shownLanguage(tag?: string | null): string;
  /**
   * Loads a built-in language. Resolves once `stringsFor` returns it, or once the load failed
   * (then `stringsFor` keeps returning English); returns `undefined` when there is nothing to
   * wait for (loaded, given up, or not built in).
   *
   * A failed load (offline, a 404, a Content-Security-Policy that refuses the file) is retried
   * once, by the next call (the element's next update), in case it was a passing network
   * error; after a second failure the language is English until the page is reloaded, so that
   * a missing file does not cost a request on every render.
   */
  loadStrings(tag?: string | null): Promise<unknown> | undefined;
  /**
   * Adds (or replaces) a language, by its primary subtag: the texts, or a function that loads
   * them the first time `loadStrings` is asked for it. A text left out is the English one.
   */
  register(tag: string, strings: Partial<S> | (() => Promise<Partial<S>>)): void;
}

/** `hi-IN` → `hi`; English when empty. */
const primary = (tag?: string | null) => (tag || 'en').toLowerCase().split('-')[0];

/** A catalog with `en` built in and `loaders` for the other languages, by primary subtag. */
export function catalog<S>(en: S, loaders: Record<string, () => Promise<Partial<S>>>): Catalog<S> {
  /** Languages ready to use. */
  const ready: Record<string, S> = { en };
  /** The load in flight, by language. */
  const pending: Record<string, Promise<unknown>> = {};
  /** Languages whose load failed once already. */
  const failed = new Set<string>();
  return {
    stringsFor: (tag) => ready[primary(tag)] ?? en,
    shownLanguage(tag) {
      const lang = primary(tag);
      return loaders[lang] && (ready[lang] ?? en) === en ? 'en' : tag || 'en';
    },
    loadStrings(tag) {
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
    },
    register(tag, strings) {
      const lang = primary(tag);
      delete pending[lang];
      delete ready[lang];
      failed.delete(lang);
      if (typeof strings == 'function') loaders[lang] = strings;
      else ready[lang] = { ...en, ...strings };
    },
  };
}

/** Replaces `{key}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

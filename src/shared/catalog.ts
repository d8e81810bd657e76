/**
 * The texts of one element in every language: English built in, other languages loaded on
 * demand (each a separate file), and a partial table from another version filled in with
 * English.
 */
export interface Catalog<S> {
  /** The strings for a BCP 47 tag once loaded (see `load`); English otherwise. */
  stringsFor(tag?: string | null): S;
  /**
   * The language shown for a BCP 47 tag: the tag itself once the language's strings are
   * loaded, or `en` while they are not (yet, or at all, or the language has none), so that
   * numbers and dates, and the `lang` screen readers read with, follow the texts shown.
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

/** The texts of several elements in one language, by tag name (see `registerLanguage`). */
export type LanguageTable = Record<string, object | undefined>;

/** The languages added for every element (`registerLanguage`), by primary subtag: the table's loader. */
const added: Record<string, () => Promise<LanguageTable>> = {};
/** Every catalog, by the tag of its element. */
const catalogs: [string, Catalog<unknown>][] = [];
/** The loader of `name`'s texts in a language added for every element (none: English). */
const textsOf = (lang: string, name: string) => () => added[lang]().then((table) => table[name]);

/**
 * @internal Adds (or replaces) a language for every element, by primary subtag: one table of
 * texts by tag name, or a function that loads it once, the first time an element speaks it.
 */
export function addLanguage(tag: string, texts: LanguageTable | (() => Promise<LanguageTable>)): void {
  const lang = primary(tag);
  let table: Promise<LanguageTable> | undefined;
  // Loaded once for every element; a load that failed is tried again by the next element.
  added[lang] = () =>
    (table ??= Promise.resolve(typeof texts == 'function' ? texts() : texts).catch((e) => ((table = undefined), Promise.reject(e))));
  for (const [name, c] of catalogs) c.register(lang, textsOf(lang, name));
}

/**
 * A catalog of the element `name` (its tag) with `en` built in and `loaders` for the other
 * languages, by primary subtag, and the languages added for every element.
 */
export function catalog<S>(en: S, loaders: Record<string, () => Promise<Partial<S> | undefined>>, name: string): Catalog<S> {
  /** Languages ready to use. */
  const ready: Record<string, S> = { en };
  /** The load in flight, by language. */
  const pending: Record<string, Promise<unknown>> = {};
  /** Languages whose load failed once already. */
  const failed = new Set<string>();
  const c: Catalog<S> = {
    stringsFor: (tag) => ready[primary(tag)] ?? en,
    shownLanguage(tag) {
      // A language is shown once it has texts of its own: until then, or when it has none for
      // this element, the element speaks English, with English numbers and dates.
      const lang = primary(tag);
      return lang === 'en' || (ready[lang] && ready[lang] !== en) ? tag || 'en' : 'en';
    },
    loadStrings(tag) {
      const lang = primary(tag);
      if (ready[lang] || !loaders[lang]) return;
      return (pending[lang] ??= loaders[lang]().then(
        (s) => (ready[lang] = s ? { ...en, ...s } : en),
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
  catalogs.push([name, c as Catalog<unknown>]);
  for (const lang in added) c.register(lang, textsOf(lang, name) as () => Promise<Partial<S>>);
  return c;
}

/** Replaces `{key}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

import { en, type CasUploadStrings } from './en.js';
import { hi } from './hi.js';

export type { CasUploadStrings };
export { en, hi };

/** Built-in languages, by primary language subtag. */
export const locales: Record<string, CasUploadStrings> = { en, hi };

/** The built-in strings for a BCP 47 tag (`hi-IN` → Hindi); English when unknown. */
export function stringsFor(lang: string | null | undefined): CasUploadStrings {
  return locales[(lang ?? '').toLowerCase().split('-')[0]] ?? en;
}

/** Replaces `{key}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

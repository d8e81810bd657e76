import { base } from './script-base.js';

/**
 * Imports `file` from the folder of the script-tag file that runs this code (a language, the
 * success summary). Without a usable script URL (no real `<script>`; a `blob:` or `data:` URL,
 * against which nothing resolves), a relative specifier: import() resolves it against the
 * script's own URL where the browser knows one (an external classic script), else against the
 * page.
 */
export function besideScript<T>(file: string): Promise<T> {
  let url = `./${file}`;
  try {
    if (base) url = new URL(file, base).href;
  } catch {
    /* keep the relative URL */
  }
  return import(/* @vite-ignore */ url);
}

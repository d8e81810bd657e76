/**
 * `dist/cdn/cas-forward.js`: the script-tag module of `<cas-forward>` alone, Lit and English
 * built in; its Hindi is a chunk beside it (`chunks/`), loaded the first time it speaks Hindi.
 * `cas-connect.js` and `cas-connect.iife.js` define `<cas-forward>` too; any mix of them on one
 * page never throws (a tag already defined is skipped).
 */
import { CasForwardElement as OwnElement } from '../forward.js';

export * from '../forward.js';

/** The class registered as `<cas-forward>`: this copy's, or that of a copy loaded earlier. */
export const CasForwardElement: typeof OwnElement =
  (globalThis.customElements?.get('cas-forward') as typeof OwnElement | undefined) ?? OwnElement;

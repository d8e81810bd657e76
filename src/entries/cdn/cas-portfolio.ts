/**
 * `dist/cdn/cas-portfolio.js`: registers `<cas-portfolio>` and exports its class, `portfolioEn`
 * and `registerLanguage` (once the element is defined: the module waits for it). It holds no
 * element itself but chooses the copy that costs the page least: where `cas-connect.js` of
 * the same folder is on the page (named by a `<script type="module">` or already run),
 * `chunks/portfolio-on-connect.js`, which takes Lit and the shared base from it, so the page
 * loads them once; else `chunks/portfolio-alone.js`, with its own (also when the first cannot
 * be loaded).
 */
import type * as Portfolio from './portfolio-alone.js';
import { CONNECT_MODULE } from './connect-mark.js';

const beside = (file: string) => new URL(file, import.meta.url).href;
const connect = beside('./cas-connect.js');

/** Whether this folder's `cas-connect.js` has run on the page or a module script names it. */
const connectOnPage = (): boolean =>
  (globalThis as Record<symbol, unknown>)[CONNECT_MODULE] === connect ||
  [...document.querySelectorAll<HTMLScriptElement>('script[type=module][src]')].some((s) => s.src === connect);

const load = (file: string) => import(/* @vite-ignore */ beside(file)) as Promise<typeof Portfolio>;
const own = () => load('./chunks/portfolio-alone.js');
const m = await (connectOnPage() ? load('./chunks/portfolio-on-connect.js').catch(own) : own());

/** The class registered as `<cas-portfolio>`. */
export const CasPortfolioElement = m.CasPortfolioElement;
/** `<cas-portfolio>`'s English texts, the base of a language of its own. */
export const portfolioEn = m.portfolioEn;
/** Adds or replaces a language for every element of the copy in use. */
export const registerLanguage = m.registerLanguage;

import type { ReactiveElement } from 'lit';

/** How long the first render in a language waits for its strings before showing English. */
export const LANG_WAIT = 1500;

/**
 * Registers `element` as `tag`; does nothing when that tag is already defined, so a second
 * registration (two script tags, a script tag and the npm build) never throws.
 */
export function defineOnce(element: CustomElementConstructor, tag: string, registry: CustomElementRegistry = customElements): void {
  if (registry.get(tag)) return;
  try {
    registry.define(tag, element);
  } catch {
    // This class already serves another tag: a subclass takes the new one.
    registry.define(tag, class extends element {});
  }
}

/** `lang` of the element or its nearest ancestor, across shadow roots; `en` when none says. */
export function langOf(element: Element): string {
  let lang: string | null | undefined;
  for (let n: Element | undefined = element; n && !lang; n = up(n)) lang = n.getAttribute('lang');
  return lang || 'en';
}

/** Renders `element` again when `lang` changes on it or on any ancestor; disconnect it when it leaves. */
export function watchLang(element: ReactiveElement): MutationObserver {
  const langs = new MutationObserver(() => element.requestUpdate());
  for (let n: Element | undefined = element; n; n = up(n)) langs.observe(n, { attributeFilter: ['lang'] });
  return langs;
}

/**
 * What a render waits for: `pending` (a language's strings, a file of the view), for at most
 * {@link LANG_WAIT} ms when `wait`; if it arrives later, `element` renders again then.
 */
export async function awaitFiles(element: ReactiveElement, pending: Promise<unknown>, wait: boolean): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arrived = wait && (await Promise.race([pending.then(() => true), new Promise((r) => (timer = setTimeout(r, LANG_WAIT)))]));
  clearTimeout(timer);
  if (!arrived) pending.then(() => element.requestUpdate());
}

/** The parent element, or the host of the shadow root the element is in. */
function up(n: Element): Element | undefined {
  return n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || undefined);
}

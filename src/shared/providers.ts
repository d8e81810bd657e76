// The constants alone (not core/inbox.ts): <cas-connect>'s first render names the providers without the request path.
import { INBOX_PROVIDERS, type InboxProvider } from '../core/providers.js';

/** The name of each mail provider, as its users know it (the same in every language). */
export const PROVIDER_NAMES: Record<InboxProvider, string> = { gmail: 'Gmail', outlook: 'Outlook', zoho: 'Zoho Mail' };

/**
 * The providers of a `providers` attribute: the known ones, in its order, once each; all of
 * them when it names none.
 */
export function providersOf(value: unknown): InboxProvider[] {
  const words = String(value ?? '').toLowerCase().split(/[\s,]+/);
  const known = INBOX_PROVIDERS.filter((p) => words.includes(p)).sort((a, b) => words.indexOf(a) - words.indexOf(b));
  return known.length ? known : [...INBOX_PROVIDERS];
}

/** The providers' names as one phrase of `locale`: "Gmail, Outlook or Zoho Mail". */
export function providerList(providers: InboxProvider[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(providers.map((p) => PROVIDER_NAMES[p]));
}

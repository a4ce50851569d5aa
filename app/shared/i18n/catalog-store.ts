/**
 * The catalogs this process (server) or page (browser) holds, by locale. Pages do not carry their
 * catalog in loader data: the server renders from its own copy, and the browser fetches the
 * locale's catalog once as a cacheable, content-hashed file before hydrating (see
 * `entry.client.tsx`), so every page and every navigation is lighter.
 */
import type { Locale } from './locales.ts';

export type Messages = Record<string, string>;

const catalogs = new Map<Locale, Messages>();

export function setCatalog(locale: Locale, messages: Messages): void {
  catalogs.set(locale, messages);
}

export function getCatalog(locale: Locale): Messages | undefined {
  return catalogs.get(locale);
}

/** Where the browser fetches a catalog; the version changes whenever its content does. */
export function catalogUrl(locale: Locale, version: string): string {
  return `/i18n/${locale}.${version}.json`;
}

/** In the browser: makes sure the locale's catalog is loaded (first paint and language changes). */
export async function ensureCatalog(locale: Locale, url: string): Promise<Messages> {
  const known = catalogs.get(locale);
  if (known) return known;
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Could not load the ${locale} catalog (${response.status})`);
  const messages = (await response.json()) as Messages;
  catalogs.set(locale, messages);
  return messages;
}

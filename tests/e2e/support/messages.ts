/** Expected texts come from the catalogs, so the tests check translations without copying them. */
import { loadCatalog, translate } from '#app/shared/i18n/catalog.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';

export function message(locale: Locale, key: string, values?: Record<string, string | number>): string {
  if (loadCatalog(locale)[key] === undefined) throw new Error(`no message ${key} in the ${locale} catalog`);
  return translate(locale, key, values);
}

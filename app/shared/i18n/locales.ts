/** The UI languages, their direction and how a request picks one. Pure: used on server and client. */
export const LOCALES = ['ar', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * Picks the best supported locale from an Accept-Language header (RFC 9110 quality values);
 * `ar-MA`, `fr-TN` and the like fall back to their primary language.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    const primary = range.tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

/** Replaces the locale segment of a path, keeping the rest: `/fr/account?x=1` -> `/ar/account?x=1`. */
export function switchLocaleInPath(pathWithQuery: string, locale: Locale): string {
  const match = /^\/([a-z]{2})(?=\/|$|\?)/.exec(pathWithQuery);
  if (match && isLocale(match[1])) return `/${locale}${pathWithQuery.slice(3)}` || `/${locale}/`;
  return `/${locale}${pathWithQuery.startsWith('/') ? pathWithQuery : `/${pathWithQuery}`}`;
}

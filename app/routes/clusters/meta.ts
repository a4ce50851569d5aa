/** Title, description and sharing tags of a page whose title is data (a cluster's name), in the page's language. */
import { DEFAULT_LOCALE, isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { rootMessages } from '#app/shared/ui/meta.ts';

type Matches = Parameters<typeof rootMessages>[0];

const DESCRIPTION_LENGTH = 200;

export function namedPageMeta(matches: Matches, title: string | undefined, description?: string | null) {
  const messages = rootMessages(matches);
  const brand = messages?.['shell.brand'] ?? 'Mosaic';
  const shownTitle = title || brand;
  const tags: { title?: string; name?: string; property?: string; content?: string }[] = [
    { title: title ? `${title} · ${brand}` : brand },
    { property: 'og:title', content: shownTitle },
    { property: 'og:site_name', content: brand },
    { property: 'og:type', content: 'website' },
  ];
  if (description) {
    const short = description.length > DESCRIPTION_LENGTH ? `${description.slice(0, DESCRIPTION_LENGTH - 1).trimEnd()}…` : description;
    tags.push({ name: 'description', content: short }, { property: 'og:description', content: short });
  }
  return tags;
}

/** The message of `key` in the page's language, for meta descriptions of pages whose title is data. */
export function pageMessage(matches: Matches, key: string): string | undefined {
  return rootMessages(matches)?.[key];
}

/** The page's language from the route's `:lang` (the locale layout has already refused unknown ones). */
export function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
}

/** Page titles and descriptions, in the language of the page. */
import { getCatalog } from '../i18n/catalog-store.ts';
import { isLocale } from '../i18n/locales.ts';

type Matches = ReadonlyArray<{ id: string; loaderData?: unknown } | undefined>;

/** The catalog of the page's language, as the root route chose it (undefined when the root loader failed). */
export function rootMessages(matches: Matches): Record<string, string> | undefined {
  const locale = (matches.find((m) => m?.id === 'root')?.loaderData as { locale?: string } | undefined)?.locale;
  return isLocale(locale) ? getCatalog(locale) : undefined;
}

export function pageTitle(messages: Record<string, string> | undefined, titleKey: string, descriptionKey?: string) {
  const brand = messages?.['shell.brand'] ?? 'Mosaic';
  const title = messages?.[titleKey];
  const tags: { title?: string; name?: string; property?: string; content?: string }[] = [
    { title: title ? `${title} · ${brand}` : brand },
    { property: 'og:title', content: title ?? brand },
    { property: 'og:site_name', content: brand },
  ];
  const description = descriptionKey ? messages?.[descriptionKey] : undefined;
  if (description) tags.push({ name: 'description', content: description }, { property: 'og:description', content: description });
  return tags;
}

/** A route's `meta`: `export const meta = titled('admin.jobs.title', 'admin.jobs.lead');` */
export function titled(titleKey: string, descriptionKey?: string) {
  return ({ matches }: { matches: Matches }) => pageTitle(rootMessages(matches), titleKey, descriptionKey);
}

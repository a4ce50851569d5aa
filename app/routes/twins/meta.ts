/** Title and sharing tags of a twins page, naming its source in the page's language. */
import type { TwinsResult } from '#app/modules/directory/index.ts';
import { DEFAULT_LOCALE, isLocale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { rootMessages } from '#app/shared/ui/meta.ts';

type MetaArgs = {
  loaderData: Pick<TwinsResult, 'source'> | undefined;
  matches: Parameters<typeof rootMessages>[0];
  params: { lang?: string };
};

/** The catalog's `{name}` placeholder filled in (these messages have no other argument). */
function withName(message: string | undefined, name: string): string {
  return (message ?? '').replaceAll('{name}', name);
}

export function twinsMeta({ loaderData, matches, params }: MetaArgs) {
  if (!loaderData) return [];
  const messages = rootMessages(matches);
  const locale = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
  const { source } = loaderData;
  const name = textIn(source.name, locale, source.sourceLocale, source.slug);
  const brand = messages?.['shell.brand'] ?? 'Mosaic';
  const title = withName(messages?.['directory.twins.meta.title'], name);
  const description = withName(messages?.['directory.twins.meta.description'], name);
  return [
    { title: `${title} · ${brand}` },
    { name: 'description', content: description },
    { property: 'og:title', content: title },
    { property: 'og:description', content: description },
    { property: 'og:site_name', content: brand },
  ];
}

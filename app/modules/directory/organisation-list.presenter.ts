/**
 * The directory list as one page in one language shows it. The list the service returns carries
 * every name in all three languages (the API's readers pick for themselves); a page shows one,
 * and everything its loader returns is serialised into the document for hydration. Cutting each
 * name down to the language shown (with its fallback, so the "(in French)" note still appears)
 * keeps that payload to what the page shows.
 */
import type { Locale } from '#app/shared/i18n/locales.ts';
import { inLocaleOnly } from '#app/shared/i18n/translatable.ts';
import type { TranslatableText } from './directory.contracts.ts';
import type { FacetValue, OrganisationFacets } from './organisation-filters.ts';
import type { OrganisationList } from './organisations.query.server.ts';

function facetValuesForPage(values: FacetValue[], locale: Locale): FacetValue[] {
  return values.map((value) => (value.label ? { ...value, label: inLocaleOnly(value.label, locale) as TranslatableText | null } : value));
}

export function presentOrganisationListForPage(list: OrganisationList, locale: Locale): OrganisationList {
  const facets = list.facets
    ? (Object.fromEntries(
        Object.entries(list.facets).map(([key, values]) => [key, facetValuesForPage(values, locale)]),
      ) as OrganisationFacets)
    : null;
  return {
    ...list,
    facets,
    items: list.items.map((item) => ({
      ...item,
      name: inLocaleOnly(item.name, locale, item.sourceLocale) ?? item.name,
      city: inLocaleOnly(item.city, locale, item.sourceLocale),
    })),
  };
}

/**
 * How a kind of search result is presented: its public page and the label of its tag. The search
 * module keeps the list of kinds (`app/modules/search/search-kinds.ts`); a module that makes its
 * records searchable writes their `search_document` rows (with a trigger, like the directory) and
 * adds its kind to that list. Pure.
 */
import type { Locale } from '../i18n/locales.ts';

export interface SearchKind {
  /** The `search_document.kind` value. */
  kind: string;
  /** i18n key of the kind's name, with a `{count}` plural (`search.kind.organisation`). */
  labelKey: string;
  /** Path of an entity's page, without the locale prefix (`/organisations/batna-silver`). */
  path(slug: string): string;
}

export function resultHref(locale: Locale, kind: SearchKind, slug: string): string {
  return `/${locale}${kind.path(slug)}`;
}

/**
 * The kinds of search results and how each is presented. A module that makes its records
 * searchable keeps their `search_document` rows current (a trigger, like the directory's in
 * migration `search-triggers`) and adds its kind here and in `SEARCH_KIND_CODES`. Pure.
 */
import type { SearchKind } from '#app/shared/search/index.ts';

export const SEARCH_KIND_CODES = ['cluster', 'organisation'] as const;
export type SearchKindCode = (typeof SEARCH_KIND_CODES)[number];

export const SEARCH_KINDS: Readonly<Record<SearchKindCode, SearchKind>> = {
  cluster: { kind: 'cluster', labelKey: 'search.kind.cluster', path: (slug) => `/clusters/${slug}` },
  organisation: { kind: 'organisation', labelKey: 'search.kind.organisation', path: (slug) => `/organisations/${slug}` },
};

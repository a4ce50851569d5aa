/** The search module's public surface: the site search for pages, the API and other modules. */
export { createSearchApi, SEARCH_TAG } from './search.api.server.ts';
export {
  SEARCH_MAX_PAGE,
  SEARCH_PAGE_SIZE,
  SEARCH_QUERY_MAX_LENGTH,
  SEARCH_QUERY_MIN_LENGTH,
  type SearchInput,
  type SearchResponse,
  type SearchResult,
  searchInputSchema,
  searchResponseSchema,
} from './search.contracts.ts';
export { search } from './search.service.server.ts';
export { SEARCH_KIND_CODES, SEARCH_KINDS, type SearchKindCode } from './search-kinds.ts';

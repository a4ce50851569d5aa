/** The search kernel (decision 0008): normalisation, the index tables, queries, highlighting. */
export { type HighlightSegment, highlightMatches } from './highlight.ts';
export { resultHref, type SearchKind } from './kinds.ts';
export { foldCharacter, normaliseForSearch, searchTerms } from './normalise.ts';
export { type BulkIndexedKind, deferSearchIndexing, indexSearchDocuments, reindexAll } from './reindex.server.ts';
export { type SearchHitsOptions, searchHits } from './search-sql.ts';

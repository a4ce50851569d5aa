/**
 * The search query in SQL, for the search module and for lists that filter by a search (the
 * organisations directory joins `searchHits`). The work is in SQL functions (migrations
 * `search-triggers` and `search-fast-indexing`): `mosaic_search_query` turns the text into a
 * tsquery (every word as a prefix, its English and French stems, the vocabulary words it resembles,
 * Arabic article forms), and `mosaic_search_hits` runs it against the GIN index and ranks.
 */
import { type SQL, sql } from 'drizzle-orm';

export interface SearchHitsOptions {
  /** Include documents visitors may not see (unpublished organisations): staff lists only. */
  includeHidden?: boolean;
}

/**
 * A subquery with columns `entity_id text, rank real`: the entities of `kind` matching the text,
 * to be joined: `JOIN (${searchHits('organisation', q)}) hits ON hits.entity_id = organisation.id`.
 * No rows when the text has nothing to search.
 */
export function searchHits(kind: string, text: string, options: SearchHitsOptions = {}): SQL {
  return sql`SELECT hit.entity_id, hit.rank FROM mosaic_search_hits(${text}, ARRAY[${kind}]::text[], ${options.includeHidden ?? false}) hit`;
}

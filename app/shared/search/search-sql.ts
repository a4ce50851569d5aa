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
  /**
   * Only documents of these countries (ISO 3166 alpha-2), when given and not empty: a list
   * filtered by country ranks that country's matches only, not every match of a common word.
   */
  countries?: readonly string[];
}

/**
 * A subquery with columns `entity_id text, rank real`: the entities of `kind` matching the text,
 * to be joined: `JOIN (${searchHits('organisation', q)}) hits ON hits.entity_id = organisation.id`.
 * No rows when the text has nothing to search.
 */
export function searchHits(kind: string, text: string, options: SearchHitsOptions = {}): SQL {
  const includeHidden = options.includeHidden ?? false;
  if (options.countries && options.countries.length > 0) {
    const countries = sql.join(
      options.countries.map((iso2) => sql`${iso2}`),
      sql`, `,
    );
    return sql`SELECT hit.entity_id, hit.rank FROM mosaic_search_hits(${text}, ARRAY[${kind}]::text[], ${includeHidden}, ARRAY[${countries}]::text[]) hit`;
  }
  return sql`SELECT hit.entity_id, hit.rank FROM mosaic_search_hits(${text}, ARRAY[${kind}]::text[], ${includeHidden}) hit`;
}

/**
 * The search query in SQL, for the search module and for lists that filter by a search (the
 * organisations directory joins `searchHits`). `mosaic_search_query` (migration `search-triggers`)
 * turns the text into a tsquery: every word as a prefix, its English and French stems, and the
 * indexed name words it resembles (typos); matching uses the GIN index on `document`.
 */
import { type SQL, sql } from 'drizzle-orm';

/**
 * How well document `d` matches: full-text rank (names weigh most, then city and taxonomy, then
 * descriptions), plus how close the names are to the query (trigram word similarity), plus one
 * for a name equal to the query. `query` is a row with `tsquery` and `normalised` columns.
 */
export const searchRank = sql`(ts_rank(d.document, query.tsquery)
  + 0.5 * word_similarity(query.normalised, d.names)
  + CASE WHEN position(' / ' || query.normalised || ' / ' IN ' / ' || d.names || ' / ') > 0 THEN 1 ELSE 0 END)::real`;

/**
 * A one-row subquery `query(tsquery, normalised)` for the text; OFFSET 0 keeps the planner from
 * inlining it, so the query is built once rather than per row.
 */
export function searchQuery(text: string): SQL {
  return sql`(SELECT mosaic_search_query(${text}) AS tsquery, mosaic_normalise(${text}) AS normalised OFFSET 0) query`;
}

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
  return sql`SELECT d.entity_id, ${searchRank} AS rank
    FROM ${searchQuery(text)}
    JOIN search_document d ON d.document @@ query.tsquery
    WHERE d.kind = ${kind}${options.includeHidden ? sql`` : sql` AND d.is_public`}`;
}

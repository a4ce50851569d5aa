/** The search module's queries on the search index (the only code of the module touching SQL). */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '#app/shared/db/client.server.ts';

/** The text as the tsquery the index is searched with (its text form), or null when nothing is left to search. */
export async function buildTsquery(executor: Executor, text: string): Promise<string | null> {
  const [row] = await queryRows<{ tsquery: string | null }>(executor, sql`SELECT mosaic_search_query(${text})::text AS tsquery`);
  return row?.tsquery || null;
}

export interface SearchDocumentRow {
  kind: string;
  slug: string;
  title: Record<string, string>;
  summary: Record<string, string>;
  source_locale: string;
  country_iso2: string | null;
  is_demo: boolean;
  rank: number;
}

/** A page of public matches of the given kinds, best first; the documents are read for that page only. */
export function selectSearchResults(
  executor: Executor,
  options: { tsquery: string; normalised: string; kinds: readonly string[]; limit: number; offset: number },
): Promise<SearchDocumentRow[]> {
  const kinds = `{${options.kinds.join(',')}}`;
  return queryRows<SearchDocumentRow>(
    executor,
    sql`SELECT d.kind, d.slug, d.title, d.summary, d.source_locale, d.country_iso2, d.is_demo, hit.rank
      FROM (
        SELECT * FROM mosaic_search_hits_for(${options.tsquery}, ${options.normalised}, ${kinds}::text[], false)
        ORDER BY rank DESC, kind, entity_id LIMIT ${options.limit} OFFSET ${options.offset}
      ) hit
      JOIN search_document d ON d.kind = hit.kind AND d.entity_id = hit.entity_id
      ORDER BY hit.rank DESC, hit.kind, hit.entity_id`,
  );
}

/** Public matches per kind. */
export async function countSearchResults(executor: Executor, tsquery: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ kind: string; count: number }>(
    executor,
    sql`SELECT d.kind, count(*)::int AS count FROM search_document d
      WHERE d.is_public AND d.document @@ ${tsquery}::tsquery GROUP BY d.kind`,
  );
  return new Map(rows.map((row) => [row.kind, row.count]));
}

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

export interface SearchPage {
  rows: SearchDocumentRow[];
  /** Public matches per kind (of every kind searched), each counted up to `candidates`. */
  counts: Map<string, number>;
}

/**
 * One page of public matches of `kinds`, best first, and the matches per kind of `countedKinds`,
 * in one statement: at most `candidates` matches of each kind are taken, the first `ranked` of
 * them ranked by full text (mosaic_search_ranked), and the same candidates are counted, so a count
 * equal to `candidates` means that many or more. The documents are read for the page only.
 */
export async function selectSearchPage(
  executor: Executor,
  options: {
    tsquery: string;
    normalised: string;
    kinds: readonly string[];
    countedKinds: readonly string[];
    candidates: number;
    ranked: number;
    limit: number;
    offset: number;
  },
): Promise<SearchPage> {
  const rows = await queryRows<SearchDocumentRow & { counts: Record<string, number> | null }>(
    executor,
    sql`WITH hit AS MATERIALIZED (
        SELECT * FROM mosaic_search_ranked(${options.tsquery}, ${options.normalised}, ${`{${options.countedKinds.join(',')}}`}::text[], ${options.candidates}, ${options.ranked})
      ), counted AS (
        SELECT json_object_agg(c.kind, c.count) AS counts FROM (SELECT kind, count(*)::int AS count FROM hit GROUP BY kind) c
      ), page AS (
        SELECT * FROM hit WHERE kind = ANY (${`{${options.kinds.join(',')}}`}::text[])
        ORDER BY rank DESC, kind, entity_id LIMIT ${options.limit} OFFSET ${options.offset}
      )
      SELECT d.kind, d.slug, d.title, d.summary, d.source_locale, d.country_iso2, d.is_demo, page.rank, counted.counts
      FROM counted
      LEFT JOIN page ON true
      LEFT JOIN search_document d ON d.kind = page.kind AND d.entity_id = page.entity_id
      ORDER BY page.rank DESC, page.kind, page.entity_id`,
  );
  const counts = new Map(Object.entries(rows[0]?.counts ?? {}));
  return { rows: rows.filter((row) => row.kind !== null).map(({ counts: _counts, ...row }) => row), counts };
}

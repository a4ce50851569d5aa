/** Indexing by hand: triggers keep the index current otherwise. */
import { sql } from 'drizzle-orm';
import { type Executor, getDb } from '../db/client.server.ts';

/**
 * Rebuilds every organisation and cluster document and the typo vocabulary. Taxonomy changes do it
 * by themselves (a trigger on the reference tables); this is for repairs and for benchmarks.
 */
export async function reindexAll(executor: Executor = getDb()): Promise<void> {
  await executor.execute(sql`SELECT mosaic_search_reindex()`);
}

/** Kinds whose documents a bulk writer can index itself. */
export type BulkIndexedKind = 'organisation' | 'cluster';

/**
 * Bulk writes (decision 0010): switches the organisation and cluster search triggers off until the
 * end of the transaction `tx`, which must then index what it inserted or updated with
 * `indexSearchDocuments` before it commits. Deletes are still indexed by their trigger.
 */
export async function deferSearchIndexing(tx: Executor): Promise<void> {
  await tx.execute(sql`SELECT set_config('mosaic.search_deferred', 'on', true)`);
}

/** Rebuilds the documents of these organisations or clusters in one set-based statement (the same documents the triggers write). */
export async function indexSearchDocuments(tx: Executor, kind: BulkIndexedKind, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  // One JSON parameter: the query builder would expand an array into a parameter per id.
  await tx.execute(sql`SELECT mosaic_search_index(${kind}, array(SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)))`);
}

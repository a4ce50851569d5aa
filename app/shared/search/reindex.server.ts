/** Rebuilding the search index by hand; triggers keep it current otherwise. */
import { sql } from 'drizzle-orm';
import { type Executor, getDb } from '../db/client.server.ts';

/**
 * Rebuilds every organisation and cluster document and the typo vocabulary. Taxonomy changes do it
 * by themselves (a trigger on the reference tables); this is for repairs and for benchmarks.
 */
export async function reindexAll(executor: Executor = getDb()): Promise<void> {
  await executor.execute(sql`SELECT mosaic_search_reindex()`);
}

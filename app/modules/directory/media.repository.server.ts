/** Which stored files the directory shows publicly (logos and photos). */
import { and, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { cluster, organisation } from './directory.schema.ts';

/** True when the file is the logo or a photo of a published organisation or of a cluster. */
export async function isReferencedPublicImage(executor: Executor, fileId: string): Promise<boolean> {
  const usedBy = (table: typeof organisation | typeof cluster) =>
    or(eq(table.logoFileId, fileId), sql`${table.photoFileIds} @> array[${fileId}]::text[]`);
  const [organisations, clusters] = await Promise.all([
    executor
      .select({ id: organisation.id })
      .from(organisation)
      .where(and(eq(organisation.status, 'published'), usedBy(organisation)))
      .limit(1),
    executor.select({ id: cluster.id }).from(cluster).where(usedBy(cluster)).limit(1),
  ]);
  return organisations.length > 0 || clusters.length > 0;
}

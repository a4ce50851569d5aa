/**
 * Writes of the demo and synthetic directories (the only demo code touching drizzle). Every
 * insert skips rows whose slug (or key) is already there, so seeding twice writes nothing new and
 * never overwrites what people have edited since.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { cluster, clusterFact, clusterMembership, organisation, person } from '../directory.schema.ts';
import type { ClusterRow, PersonRow } from './demo-directory.ts';
import type { OrganisationRow } from './organisation-generator.ts';

/** Rows per statement: PostgreSQL allows 65,535 parameters, an organisation row uses about 35. */
export const INSERT_BATCH = 1000;

function batches<T>(rows: readonly T[], size = INSERT_BATCH): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += size) result.push(rows.slice(start, start + size));
  return result;
}

/** Inserts the organisations whose slug is free; returns the slugs inserted. */
export async function insertNewOrganisations(executor: Executor, rows: readonly OrganisationRow[]): Promise<string[]> {
  const inserted: string[] = [];
  for (const batch of batches(rows)) {
    const written = await executor
      .insert(organisation)
      .values(batch)
      .onConflictDoNothing({ target: organisation.slug })
      .returning({ slug: organisation.slug });
    inserted.push(...written.map((row) => row.slug));
  }
  return inserted;
}

export async function insertNewClusters(executor: Executor, rows: readonly ClusterRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const written = await executor
    .insert(cluster)
    .values([...rows])
    .onConflictDoNothing({ target: cluster.slug })
    .returning({ slug: cluster.slug });
  return written.map((row) => row.slug);
}

export async function organisationIdsBySlug(executor: Executor, slugs: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const batch of batches(slugs)) {
    const rows = await executor
      .select({ id: organisation.id, slug: organisation.slug })
      .from(organisation)
      .where(inArray(organisation.slug, batch));
    for (const row of rows) ids.set(row.slug, row.id);
  }
  return ids;
}

export async function clusterIdsBySlug(executor: Executor, slugs: readonly string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await executor
    .select({ id: cluster.id, slug: cluster.slug })
    .from(cluster)
    .where(inArray(cluster.slug, [...slugs]));
  return new Map(rows.map((row) => [row.slug, row.id]));
}

export async function insertClusterFacts(executor: Executor, rows: readonly (typeof clusterFact.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const written = await executor
    .insert(clusterFact)
    .values([...rows])
    .returning({ id: clusterFact.id });
  return written.length;
}

export async function insertNewMemberships(executor: Executor, rows: readonly (typeof clusterMembership.$inferInsert)[]): Promise<number> {
  let count = 0;
  for (const batch of batches(rows)) {
    const written = await executor
      .insert(clusterMembership)
      .values(batch)
      .onConflictDoNothing()
      .returning({ clusterId: clusterMembership.clusterId });
    count += written.length;
  }
  return count;
}

/** Sets a cluster's anchor organisation unless someone has already chosen one. */
export async function setAnchorIfMissing(executor: Executor, clusterId: string, organisationId: string): Promise<void> {
  await executor
    .update(cluster)
    .set({ anchorOrganisationId: organisationId })
    .where(and(eq(cluster.id, clusterId), isNull(cluster.anchorOrganisationId)));
}

export async function insertPeople(
  executor: Executor,
  rows: readonly (Omit<PersonRow, 'organisationSlug'> & { organisationId: string })[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const written = await executor
    .insert(person)
    .values([...rows])
    .returning({ id: person.id });
  return written.length;
}

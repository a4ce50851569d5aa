/** Clusters, their facts and memberships: the only code touching these tables through drizzle. */
import { and, asc, count, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { auditLog } from '#app/shared/db/schema.ts';
import type { ClusterFactRow, ClusterMemberRow, ClusterRow } from './cluster.presenter.ts';
import type { ClusterFilters } from './clusters.contracts.ts';
import { cluster, clusterFact, clusterMembership, country, material, organisation, subsector } from './directory.schema.ts';
import type { MembershipRole, OrganisationStatus } from './directory.vocabulary.ts';

/** Clusters are a programme-scale list (dozens); this bounds a response all the same. */
export const CLUSTER_LIST_LIMIT = 500;

function filterConditions(filters: ClusterFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.country.length > 0) conditions.push(inArray(cluster.countryIso2, filters.country));
  if (filters.subsector.length > 0) conditions.push(inArray(cluster.subsectorCode, filters.subsector));
  if (filters.stage.length > 0) conditions.push(inArray(cluster.stage, filters.stage));
  return conditions;
}

/**
 * Published member organisations of the cluster in the current row, as a correlated count. The
 * outer column is qualified by hand: drizzle leaves columns unqualified in a one-table select, and
 * a bare "id" inside the subquery would mean the organisation's.
 */
const publishedMemberCount = sql<number>`(
  select count(*)::int from ${clusterMembership}
  inner join ${organisation} on ${organisation.id} = ${clusterMembership.organisationId}
  where ${clusterMembership.clusterId} = ${sql.identifier('cluster')}.${sql.identifier('id')} and ${organisation.status} = 'published'
)`.mapWith(Number);

/** The matching clusters with their published member counts, in one query, by country then slug. */
export async function selectClusters(executor: Executor, filters: ClusterFilters): Promise<{ row: ClusterRow; memberCount: number }[]> {
  const rows = await executor
    .select({ ...getTableColumns(cluster), memberCount: publishedMemberCount })
    .from(cluster)
    .where(and(...filterConditions(filters)))
    .orderBy(asc(cluster.countryIso2), asc(cluster.slug))
    .limit(CLUSTER_LIST_LIMIT);
  return rows.map(({ memberCount, ...row }) => ({ row, memberCount }));
}

export async function countClusters(executor: Executor, filters: ClusterFilters): Promise<number> {
  const [row] = await executor
    .select({ total: count() })
    .from(cluster)
    .where(and(...filterConditions(filters)));
  return row?.total ?? 0;
}

export async function findClusterBySlug(
  executor: Executor,
  slug: string,
  options: { forUpdate?: boolean } = {},
): Promise<ClusterRow | undefined> {
  const query = executor.select().from(cluster).where(eq(cluster.slug, slug));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function slugExists(executor: Executor, slug: string): Promise<boolean> {
  const [row] = await executor.select({ id: cluster.id }).from(cluster).where(eq(cluster.slug, slug));
  return row !== undefined;
}

export function selectFacts(executor: Executor, clusterId: string): Promise<ClusterFactRow[]> {
  return executor
    .select()
    .from(clusterFact)
    .where(eq(clusterFact.clusterId, clusterId))
    .orderBy(asc(clusterFact.position), asc(clusterFact.id));
}

export interface MemberWithStatus extends ClusterMemberRow {
  organisationId: string;
  status: OrganisationStatus;
}

/** Members with their organisation's name, type and status; `publishedOnly` for public readers. */
export function selectMembers(executor: Executor, clusterId: string, options: { publishedOnly: boolean }): Promise<MemberWithStatus[]> {
  return executor
    .select({
      organisationId: organisation.id,
      slug: organisation.slug,
      name: organisation.name,
      type: organisation.type,
      role: clusterMembership.role,
      isDemo: organisation.isDemo,
      status: organisation.status,
    })
    .from(clusterMembership)
    .innerJoin(organisation, eq(organisation.id, clusterMembership.organisationId))
    .where(and(eq(clusterMembership.clusterId, clusterId), options.publishedOnly ? eq(organisation.status, 'published') : undefined))
    .orderBy(
      sql`case ${clusterMembership.role} when 'anchor' then 0 when 'support-institution' then 1 when 'partner' then 2 else 3 end`,
      asc(organisation.slug),
    );
}

export async function findOrganisationBySlug(
  executor: Executor,
  slug: string,
): Promise<{ id: string; slug: string; name: ClusterMemberRow['name']; status: OrganisationStatus } | undefined> {
  const [row] = await executor
    .select({ id: organisation.id, slug: organisation.slug, name: organisation.name, status: organisation.status })
    .from(organisation)
    .where(eq(organisation.slug, slug));
  return row;
}

export async function findOrganisationById(executor: Executor, id: string) {
  const [row] = await executor
    .select({ slug: organisation.slug, name: organisation.name })
    .from(organisation)
    .where(eq(organisation.id, id));
  return row;
}

/** Which of the given reference codes are unknown (for a field error instead of a foreign-key failure). */
export async function unknownReferences(
  executor: Executor,
  refs: { countryIso2?: string; subsectorCode?: string; materialCodes?: readonly string[] },
): Promise<{ country: boolean; subsector: boolean; materials: string[] }> {
  const [countryRow, subsectorRow, materialRows] = await Promise.all([
    refs.countryIso2
      ? executor.select({ iso2: country.iso2 }).from(country).where(eq(country.iso2, refs.countryIso2))
      : Promise.resolve([{}]),
    refs.subsectorCode
      ? executor.select({ code: subsector.code }).from(subsector).where(eq(subsector.code, refs.subsectorCode))
      : Promise.resolve([{}]),
    refs.materialCodes && refs.materialCodes.length > 0
      ? executor
          .select({ code: material.code })
          .from(material)
          .where(inArray(material.code, [...refs.materialCodes]))
      : Promise.resolve([] as { code: string }[]),
  ]);
  const known = new Set(materialRows.map((m) => m.code));
  return {
    country: countryRow.length === 0,
    subsector: subsectorRow.length === 0,
    materials: (refs.materialCodes ?? []).filter((code) => !known.has(code)),
  };
}

export type ClusterInsert = typeof cluster.$inferInsert;

export async function insertCluster(executor: Executor, values: ClusterInsert): Promise<ClusterRow> {
  const [row] = await executor.insert(cluster).values(values).returning();
  return row!;
}

export async function updateClusterRow(executor: Executor, id: string, values: Partial<ClusterInsert>): Promise<void> {
  await executor.update(cluster).set(values).where(eq(cluster.id, id));
}

export async function replaceFacts(
  executor: Executor,
  clusterId: string,
  facts: readonly { text: ClusterFactRow['text']; sourceUrl?: string | null }[],
): Promise<void> {
  await executor.delete(clusterFact).where(eq(clusterFact.clusterId, clusterId));
  if (facts.length === 0) return;
  await executor
    .insert(clusterFact)
    .values(facts.map((fact, position) => ({ clusterId, text: fact.text, sourceUrl: fact.sourceUrl ?? null, position })));
}

export async function findMembership(executor: Executor, clusterId: string, organisationId: string): Promise<MembershipRole | undefined> {
  const [row] = await executor
    .select({ role: clusterMembership.role })
    .from(clusterMembership)
    .where(and(eq(clusterMembership.clusterId, clusterId), eq(clusterMembership.organisationId, organisationId)));
  return row?.role;
}

export async function upsertMembership(executor: Executor, clusterId: string, organisationId: string, role: MembershipRole): Promise<void> {
  await executor
    .insert(clusterMembership)
    .values({ clusterId, organisationId, role })
    .onConflictDoUpdate({ target: [clusterMembership.clusterId, clusterMembership.organisationId], set: { role } });
}

export async function deleteMembership(executor: Executor, clusterId: string, organisationId: string): Promise<boolean> {
  const rows = await executor
    .delete(clusterMembership)
    .where(and(eq(clusterMembership.clusterId, clusterId), eq(clusterMembership.organisationId, organisationId)))
    .returning({ clusterId: clusterMembership.clusterId });
  return rows.length > 0;
}

/**
 * The membership changes among the given audit entries, each with the organisation it names (by
 * the slug kept in the entry) when it still exists: the cluster history shows names, not slugs.
 */
export function selectMembershipEntries(executor: Executor, entryIds: readonly string[]) {
  const organisationSlug = sql<string>`${auditLog.data} ->> 'organisation'`;
  return executor
    .select({
      entryId: auditLog.id,
      slug: organisationSlug,
      role: sql<string | null>`${auditLog.data} ->> 'role'`,
      previousRole: sql<string | null>`${auditLog.data} ->> 'previousRole'`,
      name: organisation.name,
      sourceLocale: organisation.sourceLocale,
    })
    .from(auditLog)
    .leftJoin(organisation, eq(organisation.slug, organisationSlug))
    .where(and(inArray(auditLog.id, [...entryIds]), sql`${organisationSlug} is not null`));
}

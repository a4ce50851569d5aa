/** Cluster diagnostics: the only code touching the diagnostic tables through drizzle. */
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { cluster } from '#app/shared/db/schema.ts';
import { diagnostic, diagnosticBaseline, diagnosticChallenge, diagnosticSwotItem } from '../needs.schema.ts';

export type DiagnosticRow = typeof diagnostic.$inferSelect;
export type ChallengeRow = typeof diagnosticChallenge.$inferSelect;
export type SwotItemRow = typeof diagnosticSwotItem.$inferSelect;
export type BaselineRow = typeof diagnosticBaseline.$inferSelect;
export interface ClusterRef {
  id: string;
  slug: string;
  countryIso2: string;
}
export type DiagnosticWithCluster = DiagnosticRow & { cluster: ClusterRef; challengeCount: number };

const clusterColumns = { id: cluster.id, slug: cluster.slug, countryIso2: cluster.countryIso2 };
const challengeCount = sql<number>`(select count(*)::int from ${diagnosticChallenge} where ${diagnosticChallenge.diagnosticId} = ${diagnostic.id})`;

export async function findClusterBySlug(executor: Executor, slug: string): Promise<ClusterRef | undefined> {
  const [row] = await executor.select(clusterColumns).from(cluster).where(eq(cluster.slug, slug));
  return row;
}

/** A cluster's rounds, newest first. */
export async function selectDiagnosticsOfCluster(executor: Executor, clusterRef: ClusterRef): Promise<DiagnosticWithCluster[]> {
  const rows = await executor
    .select({ row: diagnostic, challengeCount })
    .from(diagnostic)
    .where(eq(diagnostic.clusterId, clusterRef.id))
    .orderBy(desc(diagnostic.round));
  return rows.map(({ row, challengeCount }) => ({ ...row, cluster: clusterRef, challengeCount }));
}

/** The round with its cluster; `forUpdate` locks the round's row for the rest of the transaction. */
export async function findDiagnostic(
  executor: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<DiagnosticWithCluster | undefined> {
  const query = executor
    .select({ row: diagnostic, cluster: clusterColumns, challengeCount })
    .from(diagnostic)
    .innerJoin(cluster, eq(cluster.id, diagnostic.clusterId))
    .where(eq(diagnostic.id, id));
  const [found] = options.forUpdate ? await query.for('update', { of: diagnostic }) : await query;
  return found ? { ...found.row, cluster: found.cluster, challengeCount: found.challengeCount } : undefined;
}

export async function selectContents(executor: Executor, diagnosticId: string) {
  const [challenges, swot, baseline] = await Promise.all([
    executor
      .select()
      .from(diagnosticChallenge)
      .where(eq(diagnosticChallenge.diagnosticId, diagnosticId))
      .orderBy(asc(diagnosticChallenge.sortOrder), asc(diagnosticChallenge.createdAt), asc(diagnosticChallenge.id)),
    executor
      .select()
      .from(diagnosticSwotItem)
      .where(eq(diagnosticSwotItem.diagnosticId, diagnosticId))
      .orderBy(asc(diagnosticSwotItem.sortOrder), asc(diagnosticSwotItem.createdAt), asc(diagnosticSwotItem.id)),
    executor
      .select()
      .from(diagnosticBaseline)
      .where(eq(diagnosticBaseline.diagnosticId, diagnosticId))
      .orderBy(asc(diagnosticBaseline.sortOrder), asc(diagnosticBaseline.createdAt), asc(diagnosticBaseline.id)),
  ]);
  return { challenges, swot, baseline };
}

/** Locks the cluster's rounds (so two new rounds cannot take the same number) and gives the next number. */
export async function nextRound(executor: Executor, clusterId: string): Promise<number> {
  await executor.select({ id: cluster.id }).from(cluster).where(eq(cluster.id, clusterId)).for('update');
  const [row] = await executor
    .select({ last: sql<number | null>`max(${diagnostic.round})` })
    .from(diagnostic)
    .where(eq(diagnostic.clusterId, clusterId));
  return (row?.last ?? 0) + 1;
}

export async function insertDiagnostic(executor: Executor, values: typeof diagnostic.$inferInsert): Promise<DiagnosticRow> {
  const [row] = await executor.insert(diagnostic).values(values).returning();
  return row!;
}

export async function updateDiagnosticRow(
  executor: Executor,
  id: string,
  changes: Partial<typeof diagnostic.$inferInsert>,
): Promise<DiagnosticRow | undefined> {
  const [row] = await executor.update(diagnostic).set(changes).where(eq(diagnostic.id, id)).returning();
  return row;
}

/** Copies a round's challenges, SWOT and baseline into another (a new round starting from an endorsed one). */
export async function copyContents(executor: Executor, fromId: string, toId: string): Promise<void> {
  const { challenges, swot, baseline } = await selectContents(executor, fromId);
  const strip = <T extends { id: string; diagnosticId: string; createdAt: Date }>({ id: _id, createdAt: _at, ...rest }: T) => ({
    ...rest,
    diagnosticId: toId,
  });
  if (challenges.length > 0)
    await executor.insert(diagnosticChallenge).values(challenges.map(({ updatedAt: _updated, ...row }) => strip(row)));
  if (swot.length > 0) await executor.insert(diagnosticSwotItem).values(swot.map(strip));
  if (baseline.length > 0) await executor.insert(diagnosticBaseline).values(baseline.map(strip));
}

type ItemTable = typeof diagnosticChallenge | typeof diagnosticSwotItem | typeof diagnosticBaseline;

/** The order after every item's of the round in that table. */
export async function nextItemOrder(executor: Executor, table: ItemTable, diagnosticId: string): Promise<number> {
  const [row] = await executor
    .select({ last: sql<number | null>`max(${table.sortOrder})` })
    .from(table)
    .where(eq(table.diagnosticId, diagnosticId));
  return row?.last == null ? 0 : row.last + 1;
}

export async function insertChallenge(executor: Executor, values: typeof diagnosticChallenge.$inferInsert): Promise<ChallengeRow> {
  const [row] = await executor.insert(diagnosticChallenge).values(values).returning();
  return row!;
}

export async function findChallenge(executor: Executor, id: string): Promise<ChallengeRow | undefined> {
  const [row] = await executor.select().from(diagnosticChallenge).where(eq(diagnosticChallenge.id, id));
  return row;
}

export async function updateChallengeRow(
  executor: Executor,
  id: string,
  changes: Partial<typeof diagnosticChallenge.$inferInsert>,
): Promise<ChallengeRow | undefined> {
  const [row] = await executor.update(diagnosticChallenge).set(changes).where(eq(diagnosticChallenge.id, id)).returning();
  return row;
}

export async function insertSwotItem(executor: Executor, values: typeof diagnosticSwotItem.$inferInsert): Promise<SwotItemRow> {
  const [row] = await executor.insert(diagnosticSwotItem).values(values).returning();
  return row!;
}

export async function insertBaseline(executor: Executor, values: typeof diagnosticBaseline.$inferInsert): Promise<BaselineRow> {
  const [row] = await executor.insert(diagnosticBaseline).values(values).returning();
  return row!;
}

/** Finds an item of any of the three kinds (its round is what the service checks). */
export async function findItem(executor: Executor, table: ItemTable, id: string) {
  const [row] = await executor.select({ id: table.id, diagnosticId: table.diagnosticId }).from(table).where(eq(table.id, id));
  return row;
}

export async function deleteItem(executor: Executor, table: ItemTable, id: string) {
  const [row] = await executor.delete(table).where(eq(table.id, id)).returning();
  return row;
}

export const ITEM_TABLES = { challenge: diagnosticChallenge, swot: diagnosticSwotItem, baseline: diagnosticBaseline } as const;

/** Rounds that are each cluster's latest endorsed one. */
const currentEndorsed = sql`${diagnostic.status} = 'endorsed' and ${diagnostic.round} = (
  select max(d2.round) from ${diagnostic} d2 where d2.cluster_id = ${diagnostic.clusterId} and d2.status = 'endorsed')`;

/**
 * The challenges of each cluster's current (latest endorsed) round, filtered, by country, cluster,
 * then the round's order; one page and the total, in two queries.
 */
export async function selectEndorsedChallenges(
  executor: Executor,
  filters: { cluster?: string; country?: string; theme?: string },
  page: { limit: number; offset: number },
) {
  const conditions: SQL[] = [currentEndorsed];
  if (filters.cluster) conditions.push(eq(cluster.slug, filters.cluster));
  if (filters.country) conditions.push(eq(cluster.countryIso2, filters.country));
  if (filters.theme) conditions.push(eq(diagnosticChallenge.themeCode, filters.theme));
  const where = and(...conditions);
  const base = () =>
    executor
      .select({ challenge: diagnosticChallenge, diagnostic, cluster: clusterColumns })
      .from(diagnosticChallenge)
      .innerJoin(diagnostic, eq(diagnostic.id, diagnosticChallenge.diagnosticId))
      .innerJoin(cluster, eq(cluster.id, diagnostic.clusterId));
  const [rows, [total]] = await Promise.all([
    base()
      .where(where)
      .orderBy(asc(cluster.countryIso2), asc(cluster.slug), asc(diagnosticChallenge.sortOrder), asc(diagnosticChallenge.id))
      .limit(page.limit)
      .offset(page.offset),
    executor
      .select({ total: count() })
      .from(diagnosticChallenge)
      .innerJoin(diagnostic, eq(diagnostic.id, diagnosticChallenge.diagnosticId))
      .innerJoin(cluster, eq(cluster.id, diagnostic.clusterId))
      .where(where),
  ]);
  return { rows, total: total?.total ?? 0 };
}

/** Demo seeding: whether the cluster has any round yet. */
export async function clusterHasDiagnostic(executor: Executor, clusterId: string): Promise<boolean> {
  const [row] = await executor.select({ id: diagnostic.id }).from(diagnostic).where(eq(diagnostic.clusterId, clusterId)).limit(1);
  return row !== undefined;
}

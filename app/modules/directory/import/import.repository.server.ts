/**
 * The import's database access: its runs, the keys of what the directory already holds (read
 * once per run, so checking a row costs no query) and multi-row inserts of a batch.
 */
import { desc, eq } from 'drizzle-orm';
import type { AuditEntry } from '#app/shared/audit/index.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import type { Executor } from '#app/shared/db/client.server.ts';
import { auditLog } from '#app/shared/db/schema.ts';
import { cluster, clusterMembership, organisation } from '../directory.schema.ts';
import { importRun } from './import.schema.ts';

export type ImportRunRow = typeof importRun.$inferSelect;
export type OrganisationInsert = typeof organisation.$inferInsert;
export type ClusterInsert = typeof cluster.$inferInsert;
export type MembershipInsert = typeof clusterMembership.$inferInsert;

export async function insertImportRun(executor: Executor, values: typeof importRun.$inferInsert): Promise<ImportRunRow> {
  const [row] = await executor.insert(importRun).values(values).returning();
  return row!;
}

export async function findImportRun(executor: Executor, id: string): Promise<ImportRunRow | null> {
  const [row] = await executor.select().from(importRun).where(eq(importRun.id, id));
  return row ?? null;
}

export async function updateImportRun(executor: Executor, id: string, values: Partial<typeof importRun.$inferInsert>): Promise<void> {
  await executor.update(importRun).set(values).where(eq(importRun.id, id));
}

/** Newest first, without the reports (a list shows counts only); one more than `limit` tells whether a next page exists. */
export function selectImportRuns(executor: Executor, limit: number, offset: number) {
  return executor
    .select({
      id: importRun.id,
      kind: importRun.kind,
      fileName: importRun.fileName,
      dryRun: importRun.dryRun,
      status: importRun.status,
      total: importRun.total,
      processed: importRun.processed,
      created: importRun.created,
      duplicates: importRun.duplicates,
      rejected: importRun.rejected,
      createdAt: importRun.createdAt,
      finishedAt: importRun.finishedAt,
    })
    .from(importRun)
    .orderBy(desc(importRun.createdAt), desc(importRun.id))
    .limit(limit)
    .offset(offset);
}

/** What duplicate detection needs of every organisation. */
export function selectOrganisationKeys(executor: Executor) {
  return executor
    .select({
      id: organisation.id,
      slug: organisation.slug,
      name: organisation.name,
      city: organisation.city,
      email: organisation.email,
      phone: organisation.phone,
    })
    .from(organisation);
}

export function selectClusterKeys(executor: Executor) {
  return executor.select({ id: cluster.id, slug: cluster.slug, name: cluster.name, city: cluster.city }).from(cluster);
}

export async function insertOrganisationRows(executor: Executor, rows: OrganisationInsert[]): Promise<{ id: string; slug: string }[]> {
  if (rows.length === 0) return [];
  return executor.insert(organisation).values(rows).returning({ id: organisation.id, slug: organisation.slug });
}

export async function insertClusterRows(executor: Executor, rows: ClusterInsert[]): Promise<{ id: string; slug: string }[]> {
  if (rows.length === 0) return [];
  return executor.insert(cluster).values(rows).returning({ id: cluster.id, slug: cluster.slug });
}

export async function insertMembershipRows(executor: Executor, rows: MembershipInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await executor.insert(clusterMembership).values(rows).onConflictDoNothing();
}

/**
 * One audit entry per imported record in a single insert (the shape `recordAudit` writes), so a
 * record's history shows the import that created it without a round trip per row.
 */
export async function insertImportAudit(executor: Executor, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const user = actor.kind === 'user' ? actor : null;
  await executor.insert(auditLog).values(
    entries.map((entry) => ({
      actorId: user?.userId ?? null,
      actingAsId: user?.actingAsId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      data: entry.data ?? null,
      via: user?.via ?? ('system' as const),
    })),
  );
}

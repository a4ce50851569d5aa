/**
 * The import's database access: its runs, the keys of what the directory already holds (read
 * once per run, so checking a row costs no query) and multi-row inserts of a batch.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { desc, eq, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { AuditEntry } from '#app/shared/audit/index.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { type Executor, queryRows } from '#app/shared/db/client.server.ts';
import { auditLog } from '#app/shared/db/schema.ts';
import { cluster, clusterMembership, organisation } from '../directory.schema.ts';
import { type CopyColumn, copyText, isCopyType } from './copy-text.ts';
import { importRun } from './import.schema.ts';

export type ImportRunRow = typeof importRun.$inferSelect;
/** An organisation or cluster row checked by its input contract, keyed by column, with its slug. */
export type ImportedRecord = Record<string, unknown> & { slug: string };
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

/**
 * Inserts many rows as one JSON parameter expanded by `jsonb_to_recordset`: the statement and its
 * one parameter cost next to nothing to build, where the query builder spends longer assembling a
 * 1,000-row, 40-column insert than the database takes to run it. The rows are serialised as they
 * are: the record's columns are declared under the columns' JavaScript names, so no row is
 * rebuilt with the database's names first. A missing key is NULL (so every NOT NULL column must be
 * given), and ids and timestamps take their defaults.
 */
async function insertAsJson<T extends Record<string, unknown>>(
  executor: Executor,
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  tail: SQL = sql``,
): Promise<T[]> {
  if (rows.length === 0) return [];
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => !DEFAULTED.has(key));
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const fields = sql.join(
    columns.map(([key]) => sql`x.${sql.identifier(key)}`),
    sql`, `,
  );
  const record = sql.join(
    columns.map(([key, column]) => sql`${sql.identifier(key)} ${sql.raw(column.getSQLType())}`),
    sql`, `,
  );
  return queryRows<T>(
    executor,
    sql`insert into ${table} (${names}) select ${fields} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${record}) ${tail}`,
  );
}

const DEFAULTED = new Set(['id', 'createdAt', 'updatedAt']);
const AUDIT_DEFAULTED = new Set(['id', 'createdAt']);

/**
 * Writes many rows with COPY (decision 0010): the rows go to the server as COPY text, which it
 * reads as they are, where the JSON parameter of `insertAsJson` is parsed whole and then
 * converted field by field (about a third of the insert's server time for organisations). Like
 * `insertAsJson`, a missing key is NULL and the columns in `defaulted` take their defaults; COPY
 * returns no rows, so a caller that needs the ids gives them. One path per driver: a PostgreSQL
 * server gets `COPY ... FROM STDIN` on the transaction's connection (pg-copy-streams), PGlite
 * `COPY ... FROM '/dev/blob'` with the text as a blob. Must run in a transaction (one connection).
 * Statement-level triggers fire as for an insert.
 */
async function insertByCopy(
  executor: Executor,
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  defaulted: ReadonlySet<string>,
): Promise<void> {
  if (rows.length === 0) return;
  const entries = Object.entries(getTableColumns(table)).filter(([key]) => !defaulted.has(key));
  const columns: CopyColumn[] = entries.map(([key, column]) => {
    const type = column.getSQLType();
    if (!isCopyType(type)) throw new Error(`insertByCopy: column ${column.name} has type ${type}, which COPY text is not written for`);
    return { key, type };
  });
  const statement = `COPY ${quoteIdentifier(getTableName(table))} (${entries.map(([, column]) => quoteIdentifier(column.name)).join(', ')})`;
  const text = copyText(columns, rows);
  // drizzle keeps the driver's client of a transaction on its session: pg's client checked out of
  // the pool for the transaction, or PGlite's transaction.
  const client = (executor as unknown as { session?: { client?: unknown } }).session?.client;
  if (client instanceof pg.Client) {
    await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(`${statement} FROM STDIN`)));
    return;
  }
  const pglite = client as { query?: (query: string, params: unknown[], options: { blob: Blob }) => Promise<unknown> } | undefined;
  if (client instanceof pg.Pool || typeof pglite?.query !== 'function') throw new Error('insertByCopy: needs a transaction');
  await pglite.query(`${statement} FROM '/dev/blob'`, [], { blob: new Blob([text]) });
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const TIMESTAMPS = new Set(['createdAt', 'updatedAt']);

/** Inserts organisations by COPY, with ids made here (random UUIDs, as the column's default makes). */
export async function insertOrganisationRows(executor: Executor, rows: readonly ImportedRecord[]): Promise<{ id: string; slug: string }[]> {
  const withIds = rows.map((row) => ({ ...row, id: randomUUID() }));
  await insertByCopy(executor, organisation, withIds, TIMESTAMPS);
  return withIds.map((row) => ({ id: row.id, slug: row.slug }));
}

export function insertClusterRows(executor: Executor, rows: readonly ImportedRecord[]): Promise<{ id: string; slug: string }[]> {
  return insertAsJson(executor, cluster, rows, sql`returning id, slug`);
}

export async function insertMembershipRows(executor: Executor, rows: MembershipInsert[]): Promise<void> {
  await insertAsJson(executor, clusterMembership, rows, sql`on conflict do nothing`);
}

/**
 * One audit entry per imported record in a single COPY (the shape `recordAudit` writes), so a
 * record's history shows the import that created it without a round trip per row.
 */
export async function insertImportAudit(executor: Executor, actor: Actor, entries: AuditEntry[]): Promise<void> {
  const user = actor.kind === 'user' ? actor : null;
  await insertByCopy(
    executor,
    auditLog,
    entries.map((entry) => ({
      actorId: user?.userId ?? null,
      actingAsId: user?.actingAsId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      data: entry.data ?? null,
      requestId: null,
      via: user?.via ?? 'system',
    })),
    AUDIT_DEFAULTED,
  );
}

/**
 * Bulk writes (decision 0010): switches the facet count trigger of organisation inserts off until
 * the end of the transaction, which must then count what it inserted with `countInsertedFacets`
 * as its last statement: the counts' lock is then held only from that statement to the commit, so
 * batches written at once do not queue behind each other's whole transaction.
 */
export async function deferFacetCounts(tx: Executor): Promise<void> {
  await tx.execute(sql`SELECT set_config('mosaic.facet_count_deferred', 'on', true)`);
}

/** Adds the inserted organisations to the facet counts (what the insert trigger would have added). */
export async function countInsertedFacets(tx: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`SELECT mosaic_facet_count_inserted(array(SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)))`);
}

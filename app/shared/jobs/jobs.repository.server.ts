/** The only code touching the `job` table. Times are the database's (`now()`), so app clocks may differ. */
import { and, count, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.server.ts';
import { type JobStatus, job } from './jobs.schema.ts';

export type JobRow = typeof job.$inferSelect;

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
}

export async function insertJob(executor: Executor, values: NewJob): Promise<string> {
  const [row] = await executor
    .insert(job)
    .values({ kind: values.kind, payload: values.payload, runAt: values.runAt, maxAttempts: values.maxAttempts })
    .returning({ id: job.id });
  return row!.id;
}

/**
 * Takes the oldest ready job for this worker. SKIP LOCKED lets several processes on one
 * PostgreSQL server claim different jobs without waiting on each other; on PGlite the single
 * connection serialises claims anyway. The attempt is counted when claimed, so a crash mid-run
 * still uses one up.
 */
export async function claimNextJob(executor: Executor, workerId: string): Promise<JobRow | null> {
  const next = executor
    .select({ id: job.id })
    .from(job)
    .where(and(eq(job.status, 'pending'), lte(job.runAt, sql`now()`)))
    .orderBy(job.runAt, job.createdAt)
    .limit(1)
    .for('update', { skipLocked: true });
  const [claimed] = await executor
    .update(job)
    .set({ status: 'running', attempts: sql`${job.attempts} + 1`, lockedAt: sql`now()`, lockedBy: workerId })
    .where(sql`${job.id} = (${next})`)
    .returning();
  return claimed ?? null;
}

/** Only the worker holding the job may finish it (a released stale job may run elsewhere). */
export async function markJobSucceeded(executor: Executor, id: string, workerId: string): Promise<void> {
  await executor
    .update(job)
    .set({ status: 'succeeded', finishedAt: sql`now()`, lockedAt: null, lockedBy: null, lastError: null })
    .where(and(eq(job.id, id), eq(job.lockedBy, workerId), eq(job.status, 'running')));
}

export async function rescheduleJob(executor: Executor, id: string, workerId: string, error: string, delayMs: number): Promise<void> {
  await executor
    .update(job)
    .set({
      status: 'pending',
      runAt: sql`now() + (${Math.max(0, Math.round(delayMs))} * interval '1 millisecond')`,
      lockedAt: null,
      lockedBy: null,
      lastError: error,
    })
    .where(and(eq(job.id, id), eq(job.lockedBy, workerId), eq(job.status, 'running')));
}

export async function markJobFailed(executor: Executor, id: string, workerId: string, error: string): Promise<void> {
  await executor
    .update(job)
    .set({ status: 'failed', finishedAt: sql`now()`, lockedAt: null, lockedBy: null, lastError: error })
    .where(and(eq(job.id, id), eq(job.lockedBy, workerId), eq(job.status, 'running')));
}

/**
 * Jobs left `running` longer than `staleAfterMs` belong to a process that died: they run again,
 * or fail when that was their last attempt. Returns how many were released.
 */
export async function releaseStaleJobs(executor: Executor, staleAfterMs: number, reason: string): Promise<number> {
  const stale = and(eq(job.status, 'running'), sql`${job.lockedAt} < now() - (${Math.round(staleAfterMs)} * interval '1 millisecond')`);
  const retried = await executor
    .update(job)
    .set({ status: 'pending', runAt: sql`now()`, lockedAt: null, lockedBy: null, lastError: reason })
    .where(and(stale, sql`${job.attempts} < ${job.maxAttempts}`))
    .returning({ id: job.id });
  const failed = await executor
    .update(job)
    .set({ status: 'failed', finishedAt: sql`now()`, lockedAt: null, lockedBy: null, lastError: reason })
    .where(stale)
    .returning({ id: job.id });
  return retried.length + failed.length;
}

/** Deletes at most `limit` succeeded jobs finished more than `olderThanMs` ago (failed ones stay for admins). */
export async function pruneSucceededJobs(executor: Executor, olderThanMs: number, limit: number): Promise<number> {
  const old = executor
    .select({ id: job.id })
    .from(job)
    .where(and(eq(job.status, 'succeeded'), sql`${job.finishedAt} < now() - (${Math.round(olderThanMs)} * interval '1 millisecond')`))
    .limit(limit);
  const deleted = await executor.delete(job).where(inArray(job.id, old)).returning({ id: job.id });
  return deleted.length;
}

export interface JobPageQuery {
  status?: JobStatus;
  limit: number;
  offset: number;
}

/** Newest first; the payload is left out (it may carry links with tokens). */
export async function selectJobs(executor: Executor, query: JobPageQuery) {
  return executor
    .select({
      id: job.id,
      kind: job.kind,
      status: job.status,
      attempts: job.attempts,
      maxAttempts: job.maxAttempts,
      runAt: job.runAt,
      lastError: job.lastError,
      createdAt: job.createdAt,
      finishedAt: job.finishedAt,
    })
    .from(job)
    .where(query.status ? eq(job.status, query.status) : undefined)
    .orderBy(desc(job.createdAt), desc(job.id))
    .limit(query.limit)
    .offset(query.offset);
}

export async function countJobsByStatus(executor: Executor): Promise<Partial<Record<JobStatus, number>>> {
  const rows = await executor.select({ status: job.status, total: count() }).from(job).groupBy(job.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.total)]));
}

/** A failed job gets a fresh set of attempts, now. Null when there is no such failed job. */
export async function requeueFailedJob(executor: Executor, id: string): Promise<{ id: string; kind: string } | null> {
  const [row] = await executor
    .update(job)
    .set({ status: 'pending', attempts: 0, runAt: sql`now()`, finishedAt: null })
    .where(and(eq(job.id, id), eq(job.status, 'failed')))
    .returning({ id: job.id, kind: job.kind });
  return row ?? null;
}

export async function findJobStatus(executor: Executor, id: string): Promise<JobStatus | null> {
  const [row] = await executor.select({ status: job.status }).from(job).where(eq(job.id, id));
  return row?.status ?? null;
}

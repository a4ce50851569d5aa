import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '#app/shared/db/client.server.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { claimNextJob } from './jobs.repository.server.ts';
import { job } from './jobs.schema.ts';
import { enqueueJob, PermanentJobError, registerJobHandler } from './queue.server.ts';
import { runJobsOnce, STALE_JOB_REASON, startJobWorker } from './worker.server.ts';

describe('jobs', () => {
  const database = useTestDatabase();

  async function jobRow(id: string) {
    const [row] = await database().db.select().from(job).where(eq(job.id, id));
    return row!;
  }

  /** Makes a rescheduled job ready now, as if its backoff delay had passed. */
  async function makeReady(id: string) {
    await database().db.update(job).set({ runAt: sql`now()` }).where(eq(job.id, id));
  }

  async function secondsUntilRun(id: string): Promise<number> {
    const [row] = await queryRows<{ seconds: number }>(
      database().db,
      sql`select extract(epoch from (run_at - now()))::float8 as seconds from job where id = ${id}`,
    );
    return Number(row!.seconds);
  }

  describe('job queue', () => {
    beforeEach(async () => {
      await database().db.delete(job);
    });

    it('creates a job only when the transaction that enqueued it commits', async () => {
      const rolledBack = new Error('rolled back on purpose');
      await expect(
        database().db.transaction(async (tx) => {
          await enqueueJob(tx, 'test.rollback', { n: 1 });
          throw rolledBack;
        }),
      ).rejects.toBe(rolledBack);
      const committed = await database().db.transaction((tx) => enqueueJob(tx, 'test.rollback', { n: 2 }));
      const rows = await database().db.select().from(job).where(eq(job.kind, 'test.rollback'));
      expect(rows.map((r) => [r.id, r.payload])).toEqual([[committed, { n: 2 }]]);
    });

    it('runs a ready job with its payload and marks it succeeded', async () => {
      const seen: unknown[] = [];
      registerJobHandler('test.echo', async (payload, context) => {
        seen.push({ payload, attempt: context.attempt, kind: context.kind });
      });
      const id = await enqueueJob(database().db, 'test.echo', { hello: 'مرحبا' });
      const summary = await runJobsOnce({ workerId: 'test-worker' });
      expect(summary).toMatchObject({ succeeded: 1, retried: 0, failed: 0 });
      expect(seen).toEqual([{ payload: { hello: 'مرحبا' }, attempt: 1, kind: 'test.echo' }]);
      const row = await jobRow(id);
      expect(row).toMatchObject({ status: 'succeeded', attempts: 1, lockedBy: null, lastError: null });
      expect(row.finishedAt).toBeInstanceOf(Date);
    });

    it('leaves a job scheduled in the future alone until it is due', async () => {
      let runs = 0;
      registerJobHandler('test.later', async () => {
        runs++;
      });
      const id = await enqueueJob(database().db, 'test.later', {}, { runAt: new Date(Date.now() + 60 * 60_000) });
      await runJobsOnce();
      expect(runs).toBe(0);
      expect((await jobRow(id)).status).toBe('pending');
      await makeReady(id);
      await runJobsOnce();
      expect(runs).toBe(1);
    });

    it('retries a failing job with backoff, then fails it after its last attempt', async () => {
      let calls = 0;
      registerJobHandler('test.flaky', async () => {
        calls++;
        throw new Error(`remote refused (call ${calls})`);
      });
      const id = await enqueueJob(database().db, 'test.flaky', {}, { maxAttempts: 2 });
      const backoff = { baseMs: 120_000, maxMs: 600_000 };

      expect(await runJobsOnce({ backoff })).toMatchObject({ retried: 1, failed: 0 });
      const retried = await jobRow(id);
      expect(retried).toMatchObject({ status: 'pending', attempts: 1, lockedBy: null, finishedAt: null });
      expect(retried.lastError).toBe('Error: remote refused (call 1)');
      // Equal jitter: between half and all of the 120 s nominal delay.
      const wait = await secondsUntilRun(id);
      expect(wait).toBeGreaterThan(55);
      expect(wait).toBeLessThanOrEqual(120);

      // Not ready yet: nothing runs.
      expect(await runJobsOnce({ backoff })).toMatchObject({ succeeded: 0, retried: 0, failed: 0 });

      await makeReady(id);
      expect(await runJobsOnce({ backoff })).toMatchObject({ retried: 0, failed: 1 });
      const failed = await jobRow(id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 2, lastError: 'Error: remote refused (call 2)' });
      expect(failed.finishedAt).toBeInstanceOf(Date);
      expect(calls).toBe(2);
    });

    it('fails a job at once when its handler says retrying cannot help', async () => {
      registerJobHandler('test.malformed', async () => {
        throw new PermanentJobError('payload has no recipient');
      });
      const id = await enqueueJob(database().db, 'test.malformed', {}, { maxAttempts: 5 });
      expect(await runJobsOnce()).toMatchObject({ failed: 1 });
      expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'PermanentJobError: payload has no recipient' });
    });

    it('retries a job whose kind has no handler in this process', async () => {
      const id = await enqueueJob(database().db, 'test.unknown-kind', {});
      expect(await runJobsOnce()).toMatchObject({ retried: 1 });
      const row = await jobRow(id);
      expect(row.status).toBe('pending');
      expect(row.lastError).toContain('No handler is registered for job kind "test.unknown-kind"');
    });

    it('gives jobs abandoned by a dead process back to the queue, or fails them on their last attempt', async () => {
      let runs = 0;
      registerJobHandler('test.abandoned', async () => {
        runs++;
      });
      const db = database().db;
      const again = await enqueueJob(db, 'test.abandoned', {}, { maxAttempts: 3 });
      const exhausted = await enqueueJob(db, 'test.abandoned', {}, { maxAttempts: 1 });
      const recent = await enqueueJob(db, 'test.abandoned', {}, { maxAttempts: 3 });
      await db
        .update(job)
        .set({ status: 'running', attempts: 1, lockedBy: 'dead-process', lockedAt: sql`now() - interval '2 hours'` })
        .where(sql`${job.id} in (${again}, ${exhausted})`);
      await db
        .update(job)
        .set({ status: 'running', attempts: 1, lockedBy: 'live-process', lockedAt: sql`now()` })
        .where(eq(job.id, recent));

      await runJobsOnce({ staleAfterMs: 60 * 60_000 });

      expect(await jobRow(again)).toMatchObject({ status: 'succeeded', attempts: 2 });
      expect(await jobRow(exhausted)).toMatchObject({ status: 'failed', attempts: 1, lastError: STALE_JOB_REASON });
      expect(await jobRow(recent)).toMatchObject({ status: 'running', lockedBy: 'live-process' });
      expect(runs).toBe(1);
    });

    it('never hands one job to two claimers', async () => {
      const db = database().db;
      const ids = new Set<string>();
      for (let i = 0; i < 8; i++) ids.add(await enqueueJob(db, 'test.contended', { i }));
      const claims = await Promise.all(Array.from({ length: 16 }, (_, i) => claimNextJob(db, `worker-${i}`)));
      const claimed = claims.filter((c) => c !== null).map((c) => c.id);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(new Set(claimed)).toEqual(ids);
      for (const c of claims.filter((x) => x !== null)) expect(c.attempts).toBe(1);
    });

    it('runs jobs in the background until stopped', async () => {
      const done: string[] = [];
      registerJobHandler('test.background', async (payload) => {
        done.push(String(payload.name));
      });
      const worker = startJobWorker({ pollMs: 50, workerId: 'background-worker' });
      try {
        const id = await enqueueJob(database().db, 'test.background', { name: 'first' });
        await expect.poll(async () => (await jobRow(id)).status, { timeout: 5_000, interval: 50 }).toBe('succeeded');
      } finally {
        await worker.stop();
      }
      const after = await enqueueJob(database().db, 'test.background', { name: 'after stop' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await jobRow(after)).status).toBe('pending');
      expect(done).toEqual(['first']);
    });

    it('refuses a nonsensical number of attempts', async () => {
      await expect(enqueueJob(database().db, 'test.echo', {}, { maxAttempts: 0 })).rejects.toThrow(RangeError);
    });
  });
});

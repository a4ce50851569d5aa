import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '#app/shared/errors.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { actorWith } from '../audit/testing/staff-actor.ts';
import { job } from './jobs.schema.ts';
import { listJobs, retryJob } from './jobs.service.server.ts';

describe('job administration', () => {
  const database = useTestDatabase();

  async function codeOf(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => 'resolved',
      (error: unknown) => (isAppError(error) ? error.code : error),
    );
  }

  beforeEach(async () => {
    await database().db.delete(job);
    await database().db.delete(auditLog);
  });

  describe('listJobs', () => {
    it('pages the queue newest first, counts every status and filters by one', async () => {
      const db = database().db;
      const statuses = ['pending', 'failed', 'succeeded', 'failed'] as const;
      for (let i = 0; i < 30; i++) {
        await db.insert(job).values({
          kind: `test.kind${i}`,
          payload: { secret: 'verification-token' },
          status: statuses[i % 4],
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
        });
      }
      const reader = actorWith(['jobs.read']);
      const first = await listJobs(reader, { page: 1 });
      expect(first.counts).toEqual({ pending: 8, running: 0, succeeded: 7, failed: 15 });
      expect(first.jobs).toHaveLength(25);
      expect(first.hasNext).toBe(true);
      expect(first.jobs[0]!.kind).toBe('test.kind29');
      // The payload may hold links with tokens: it never leaves the service.
      expect(Object.keys(first.jobs[0]!)).not.toContain('payload');

      const second = await listJobs(reader, { page: '2' });
      expect(second.jobs.map((j) => j.kind)).toEqual(['test.kind4', 'test.kind3', 'test.kind2', 'test.kind1', 'test.kind0']);
      expect(second.hasNext).toBe(false);

      const failed = await listJobs(reader, { page: 1, status: 'failed' });
      expect(failed.status).toBe('failed');
      expect(failed.jobs.every((j) => j.status === 'failed')).toBe(true);
      expect(failed.jobs).toHaveLength(15);
      expect((await listJobs(reader, { status: '' })).status).toBeUndefined();
    });

    it('refuses readers without jobs.read and bad filters', async () => {
      expect(await codeOf(listJobs(actorWith(['audit.read']), {}))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(listJobs({ kind: 'anonymous' }, {}))).toBe('COMMON_UNAUTHENTICATED');
      expect(await codeOf(listJobs(actorWith(['jobs.read']), { status: 'exploded' }))).toBe('COMMON_VALIDATION_FAILED');
      expect(await codeOf(listJobs(actorWith(['jobs.read']), { page: 0 }))).toBe('COMMON_VALIDATION_FAILED');
    });
  });

  describe('retryJob', () => {
    it('gives a failed job fresh attempts now, and audits who did it', async () => {
      const db = database().db;
      const [failed] = await db
        .insert(job)
        .values({
          kind: 'mail.send',
          payload: {},
          status: 'failed',
          attempts: 8,
          maxAttempts: 8,
          lastError: 'Error: 550',
          finishedAt: new Date(),
        })
        .returning();
      const manager = actorWith(['jobs.manage'], { userId: 'manager-1' });
      expect(await retryJob(manager, { id: failed!.id })).toEqual({ id: failed!.id, kind: 'mail.send' });

      const [row] = await db.select().from(job).where(eq(job.id, failed!.id));
      expect(row).toMatchObject({ status: 'pending', attempts: 0, finishedAt: null, lastError: 'Error: 550' });
      expect(row!.runAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);

      const audit = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'platform.job.retry'), eq(auditLog.subjectId, failed!.id)));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: 'manager-1', subjectType: 'job', data: { kind: 'mail.send' }, via: 'session' });
    });

    it('retries only failed jobs, and only for those allowed to manage jobs', async () => {
      const db = database().db;
      const [pending] = await db.insert(job).values({ kind: 'mail.send', payload: {} }).returning();
      const [failed] = await db.insert(job).values({ kind: 'mail.send', payload: {}, status: 'failed' }).returning();
      const manager = actorWith(['jobs.manage']);
      expect(await codeOf(retryJob(manager, { id: pending!.id }))).toBe('PLATFORM_JOB_NOT_RETRYABLE');
      expect(await codeOf(retryJob(manager, { id: 'no-such-job' }))).toBe('PLATFORM_JOB_NOT_FOUND');
      expect(await codeOf(retryJob(actorWith(['jobs.read']), { id: failed!.id }))).toBe('COMMON_FORBIDDEN');
      const [unchanged] = await db.select().from(job).where(eq(job.id, failed!.id));
      expect(unchanged!.status).toBe('failed');
      expect(await db.select().from(auditLog).where(eq(auditLog.action, 'platform.job.retry'))).toEqual([]);
    });
  });
});

/** The job queue as admins see it: a paginated list with counts by status, and retrying failed jobs. */

import { recordAudit } from '../audit/audit.server.ts';
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/can.ts';
import { getDb } from '../db/client.server.ts';
import { AppError, CommonErrors } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { jobsPageSchema, retryJobSchema } from './jobs.contracts.ts';
import { countJobsByStatus, findJobStatus, requeueFailedJob, selectJobs } from './jobs.repository.server.ts';
import { JOB_STATUSES, type JobStatus } from './jobs.schema.ts';

export const JOBS_PAGE_SIZE = 25;

export type JobSummary = Awaited<ReturnType<typeof selectJobs>>[number];

export interface JobsPage {
  jobs: JobSummary[];
  /** Every status, zero included, across the whole queue. */
  counts: Record<JobStatus, number>;
  status: JobStatus | undefined;
  page: number;
  pageSize: number;
  hasNext: boolean;
}

function authorise(actor: Actor, permission: string): void {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  if (!can(actor, permission)) throw CommonErrors.forbidden();
}

export async function listJobs(actor: Actor, input: { page?: number | string; status?: string | null }): Promise<JobsPage> {
  authorise(actor, 'jobs.read');
  const { page, status } = parseInput(jobsPageSchema, input);
  const db = getDb();
  const rows = await selectJobs(db, { status, limit: JOBS_PAGE_SIZE + 1, offset: (page - 1) * JOBS_PAGE_SIZE });
  const found = await countJobsByStatus(db);
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, found[s] ?? 0])) as Record<JobStatus, number>;
  return { jobs: rows.slice(0, JOBS_PAGE_SIZE), counts, status, page, pageSize: JOBS_PAGE_SIZE, hasNext: rows.length > JOBS_PAGE_SIZE };
}

/** Gives a failed job a fresh set of attempts, now. Audited. */
export async function retryJob(actor: Actor, input: { id: string }): Promise<{ id: string; kind: string }> {
  authorise(actor, 'jobs.manage');
  const { id } = parseInput(retryJobSchema, input);
  return getDb().transaction(async (tx) => {
    const retried = await requeueFailedJob(tx, id);
    if (!retried) {
      const status = await findJobStatus(tx, id);
      if (!status) throw new AppError('PLATFORM_JOB_NOT_FOUND', 404);
      throw new AppError('PLATFORM_JOB_NOT_RETRYABLE', 409, { status });
    }
    await recordAudit(tx, actor, { action: 'platform.job.retry', subjectType: 'job', subjectId: retried.id, data: { kind: retried.kind } });
    return retried;
  });
}

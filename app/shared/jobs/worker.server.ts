/**
 * The consumer side of the job queue, in-process (on PGlite and on a server alike): claim a ready
 * job, run its handler outside any transaction, then mark it succeeded, or record the error and
 * retry with backoff until its attempts are used up. Handlers must tolerate running twice (a
 * crash after the work but before the bookkeeping runs the job again).
 */
import { hostname } from 'node:os';
import { getDb } from '../db/client.server.ts';
import { logger } from '../logger.server.ts';
import { type BackoffPolicy, DEFAULT_BACKOFF, retryDelayMs } from './backoff.ts';
import {
  claimNextJob,
  type JobRow,
  markJobFailed,
  markJobSucceeded,
  pruneSucceededJobs,
  releaseStaleJobs,
  rescheduleJob,
} from './jobs.repository.server.ts';
import { jobHandlerFor, PermanentJobError } from './queue.server.ts';
// The platform's own job kinds register their handlers on import. Loading them here lets a worker
// started at boot deliver mail queued before a restart, before any page has loaded the services
// that queue it.
import '../mail/mail.server.ts';

export interface JobRunOptions {
  /** Recorded in `locked_by` while a job runs. */
  workerId?: string;
  /** Most jobs to run in one pass (default 100), so a pass always ends. */
  limit?: number;
  backoff?: BackoffPolicy;
  /** A job `running` for longer than this belongs to a dead process (default 15 minutes). */
  staleAfterMs?: number;
}

export interface JobWorkerOptions extends Omit<JobRunOptions, 'limit'> {
  /** Pause between passes when nothing is ready. */
  pollMs: number;
  workerId: string;
}

export interface JobRunSummary {
  succeeded: number;
  retried: number;
  failed: number;
}

export interface JobWorker {
  /** Finishes the job in progress, then stops polling. */
  stop(): Promise<void>;
}

const DEFAULT_STALE_AFTER_MS = 15 * 60_000;
const SUCCEEDED_KEPT_MS = 7 * 24 * 60 * 60_000;
const MAINTENANCE_EVERY_MS = 60_000;
const ERROR_MAX_CHARS = 2_000;

export const STALE_JOB_REASON = 'The process running this job stopped before it finished.';

function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}`;
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.length > ERROR_MAX_CHARS ? `${message.slice(0, ERROR_MAX_CHARS - 1)}…` : message;
}

async function runClaimedJob(row: JobRow, workerId: string, backoff: BackoffPolicy): Promise<keyof JobRunSummary> {
  const db = getDb();
  const log = { jobId: row.id, kind: row.kind, attempt: row.attempts };
  try {
    const handler = jobHandlerFor(row.kind);
    // A newer process sharing the database may know this kind: retry rather than fail at once.
    if (!handler) throw new Error(`No handler is registered for job kind "${row.kind}".`);
    await handler(row.payload, { id: row.id, kind: row.kind, attempt: row.attempts, maxAttempts: row.maxAttempts });
    await markJobSucceeded(db, row.id, workerId);
    return 'succeeded';
  } catch (error) {
    const message = describeError(error);
    if (error instanceof PermanentJobError || row.attempts >= row.maxAttempts) {
      await markJobFailed(db, row.id, workerId, message);
      logger.error({ ...log, error: message }, 'job failed');
      return 'failed';
    }
    const delayMs = retryDelayMs(row.attempts, backoff);
    await rescheduleJob(db, row.id, workerId, message, delayMs);
    logger.warn({ ...log, error: message, retryInMs: delayMs }, 'job will be retried');
    return 'retried';
  }
}

async function maintain(staleAfterMs: number): Promise<void> {
  const db = getDb();
  const released = await releaseStaleJobs(db, staleAfterMs, STALE_JOB_REASON);
  if (released > 0) logger.warn({ released }, 'released jobs abandoned by a stopped process');
  await pruneSucceededJobs(db, SUCCEEDED_KEPT_MS, 1_000);
}

async function drain(workerId: string, limit: number, backoff: BackoffPolicy, shouldStop: () => boolean): Promise<JobRunSummary> {
  const summary: JobRunSummary = { succeeded: 0, retried: 0, failed: 0 };
  for (let run = 0; run < limit && !shouldStop(); run++) {
    const row = await claimNextJob(getDb(), workerId);
    if (!row) break;
    summary[await runClaimedJob(row, workerId, backoff)]++;
  }
  return summary;
}

/** Releases abandoned jobs, then runs what is ready now (for tests and the CLI). */
export async function runJobsOnce(options: JobRunOptions = {}): Promise<JobRunSummary> {
  await maintain(options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS);
  return drain(options.workerId ?? defaultWorkerId(), options.limit ?? 100, options.backoff ?? DEFAULT_BACKOFF, () => false);
}

/** Polls the queue until stopped. A database error is logged and the next poll tries again. */
export function startJobWorker(options: JobWorkerOptions): JobWorker {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  let stopped = false;
  let lastMaintenance = Number.NEGATIVE_INFINITY;
  let wake: (() => void) | undefined;

  const loop = async () => {
    while (!stopped) {
      try {
        if (Date.now() - lastMaintenance >= MAINTENANCE_EVERY_MS) {
          lastMaintenance = Date.now();
          await maintain(staleAfterMs);
        }
        await drain(options.workerId, 100, backoff, () => stopped);
      } catch (error) {
        logger.error({ error: describeError(error) }, 'job worker pass failed');
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  };
  const running = loop();

  return {
    stop: async () => {
      stopped = true;
      wake?.();
      await running;
    },
  };
}

/**
 * The durable job queue's producer side and its handler registry. Services enqueue inside their
 * own transaction (pass the `tx`), so a job exists exactly when the change that asked for it
 * was committed.
 */
import type { Executor } from '../db/client.server.ts';
import { insertJob } from './jobs.repository.server.ts';

export interface JobContext {
  id: string;
  kind: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
}

/** Runs one job. Throwing schedules a retry with backoff (or fails the job on its last attempt). */
export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;

/** Thrown by a handler when running again cannot help (a malformed payload): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Attempts before the job is marked failed (default 5). */
  maxAttempts?: number;
}

const handlers = new Map<string, JobHandler>();

/**
 * Registers the handler of a job kind (`module.verb`, e.g. `mail.send`). Registering a kind again
 * replaces its handler: development reloads modules without restarting the process.
 */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export function jobHandlerFor(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

export async function enqueueJob(
  executor: Executor,
  kind: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<string> {
  if (options.maxAttempts !== undefined && (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1)) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${options.maxAttempts}`);
  }
  return insertJob(executor, { kind, payload, runAt: options.runAt, maxAttempts: options.maxAttempts });
}

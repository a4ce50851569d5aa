/** The durable job queue: enqueue inside a transaction, handle by kind, run in-process. */
export { type BackoffPolicy, DEFAULT_BACKOFF, retryDelayMs } from './backoff.ts';
export type { JobStatus } from './jobs.schema.ts';
export { JOBS_PAGE_SIZE, type JobSummary, type JobsPage, listJobs, retryJob } from './jobs.service.server.ts';
export {
  type EnqueueOptions,
  enqueueJob,
  type JobContext,
  type JobHandler,
  PermanentJobError,
  registerJobHandler,
} from './queue.server.ts';
export {
  type JobRunOptions,
  type JobRunSummary,
  type JobWorker,
  type JobWorkerOptions,
  runJobsOnce,
  startJobWorker,
} from './worker.server.ts';

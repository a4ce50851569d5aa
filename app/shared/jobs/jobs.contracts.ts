/** What the admin job pages send: a page of the queue, optionally by status; a job to retry. */
import { z } from 'zod';
import { JOB_STATUSES } from './jobs.schema.ts';

/** An empty form field (`?status=`) means "no filter". */
const emptyAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export const jobsPageSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  status: z.preprocess(emptyAsUndefined, z.enum(JOB_STATUSES).optional()),
});

export const retryJobSchema = z.object({ id: z.string().trim().min(1).max(64) });

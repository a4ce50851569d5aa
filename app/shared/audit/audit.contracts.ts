/** Filters of the audit log page. Empty form fields mean "no filter". */
import { z } from 'zod';

const emptyAsUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value === null ? undefined : value;

/** Dotted lower-case words, like the actions and subject types services write. */
const dottedName = z
  .string()
  .trim()
  .max(100)
  .regex(/^[a-z][a-zA-Z0-9_-]*(\.[a-zA-Z0-9_-]+)*$/);

export const auditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** Exact subject type, e.g. `user`. */
  subjectType: z.preprocess(emptyAsUndefined, dottedName.optional()),
  /** An action or a prefix of whole segments: `identity.token` matches `identity.token.create`. */
  action: z.preprocess(emptyAsUndefined, dottedName.optional()),
});

export type AuditQuery = z.input<typeof auditQuerySchema>;

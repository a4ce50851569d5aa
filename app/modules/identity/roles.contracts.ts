/** Input of role assignment and revocation, shared by pages, the API and the CLI. */
import { z } from 'zod';
import { SCOPE_TYPES } from './identity.schema.ts';

export const roleAssignmentInput = z.object({
  userId: z.string().trim().min(1).max(200),
  role: z.string().trim().min(1).max(64),
  scopeType: z.enum(SCOPE_TYPES).default('global'),
  /** Country code, cluster slug, organisation or event id; empty or absent for global scope. */
  scopeId: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
});

export type RoleAssignmentInput = z.input<typeof roleAssignmentInput>;

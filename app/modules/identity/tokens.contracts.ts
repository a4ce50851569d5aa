/** API token contracts: what a person asks for when creating one, and what they see of it afterwards. */
import { z } from 'zod';

export const API_TOKEN_LIFETIMES_DAYS = [30, 90, 365] as const;

export const createApiTokenInput = z.object({
  name: z.string().trim().min(1).max(80),
  /** Omitted: the token never expires (it can still be revoked). */
  expiresInDays: z.coerce.number().int().min(1).max(365).optional(),
});

export type CreateApiTokenInput = z.input<typeof createApiTokenInput>;

export const apiTokenSummary = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters after `mos_`, for telling tokens apart. */
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export type ApiTokenSummary = z.infer<typeof apiTokenSummary>;

export const createdApiToken = apiTokenSummary.extend({
  /** The plaintext token: returned by creation only, never again. */
  token: z.string(),
});

export type CreatedApiToken = z.infer<typeof createdApiToken>;

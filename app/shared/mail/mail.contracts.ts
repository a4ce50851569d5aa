/** What a caller asks the platform to mail; validated when queued and again when delivered. */
import { z } from 'zod';
import { LOCALES } from '../i18n/locales.ts';

export const mailRequestSchema = z.object({
  to: z.email(),
  locale: z.enum(LOCALES),
  /** Catalog prefix under `mail.`: `identity.verifyEmail` renders `mail.identity.verifyEmail.subject` etc. */
  template: z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  action: z.object({ url: z.url({ protocol: /^https?$/ }) }).optional(),
});

export type MailRequest = z.input<typeof mailRequestSchema>;
export type ValidMailRequest = z.output<typeof mailRequestSchema>;

export const outboxPageSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const outboxMailSchema = z.object({ id: z.string().min(1).max(64) });

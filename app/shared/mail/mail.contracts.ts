/** What a caller asks the platform to mail; validated when queued and again when delivered. */
import { z } from 'zod';
import { LOCALES } from '../i18n/locales.ts';

/** About 256 KB of file per attachment: mail attachments here are calendar entries and QR codes. */
const MAX_ATTACHMENT_BASE64 = 350_000;

/**
 * A file the mail carries (a calendar entry, a QR code): small, its bytes in base64 (they travel
 * in the job's payload and, without SMTP, in the outbox).
 */
export const mailAttachmentSchema = z.object({
  filename: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[^/\\\r\n"]+$/),
  contentType: z
    .string()
    .min(3)
    .max(120)
    .regex(/^[a-z]+\/[a-z0-9.+-]+(;\s*[a-z-]+=[A-Za-z0-9-]+)*$/),
  content: z.base64().max(MAX_ATTACHMENT_BASE64),
});

export type MailAttachment = z.input<typeof mailAttachmentSchema>;

export const mailRequestSchema = z.object({
  to: z.email(),
  locale: z.enum(LOCALES),
  /** Catalog prefix under `mail.`: `identity.verifyEmail` renders `mail.identity.verifyEmail.subject` etc. */
  template: z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  action: z.object({ url: z.url({ protocol: /^https?$/ }) }).optional(),
  attachments: z.array(mailAttachmentSchema).max(5).optional(),
});

export type MailRequest = z.input<typeof mailRequestSchema>;
export type ValidMailRequest = z.output<typeof mailRequestSchema>;

export const outboxPageSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const outboxMailSchema = z.object({ id: z.string().min(1).max(64) });

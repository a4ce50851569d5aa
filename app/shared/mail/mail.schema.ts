import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.ts';

/** A file sent with a mail (an ICS invitation, a QR code): its bytes in base64. */
export interface StoredMailAttachment {
  filename: string;
  contentType: string;
  /** Base64. */
  content: string;
}

/** Mail kept when no SMTP server is configured; platform admins read it at /{locale}/admin/outbox. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    to: text('to').notNull(),
    from: text('from').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    locale: text('locale').notNull(),
    template: text('template').notNull(),
    /** The files the mail carries (empty for most mails). */
    attachments: jsonb('attachments').$type<StoredMailAttachment[]>().notNull().default([]),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_created_idx').on(t.createdAt)],
);

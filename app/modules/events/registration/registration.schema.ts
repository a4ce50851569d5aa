/**
 * Registration's own table (issue 5, item 3): one row per registration whose reminder has gone,
 * so a registration is never reminded twice, whatever jobs were scheduled for it (a promotion,
 * an approval and a registration again after cancelling each schedule one).
 */
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { eventRegistration } from '../events.schema.ts';

export const eventRegistrationReminder = pgTable('event_registration_reminder', {
  registrationId: text('registration_id')
    .primaryKey()
    .references(() => eventRegistration.id, { onDelete: 'cascade' }),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Check-ins at an event's door (issue 5, item 4): one row per check-in, its id made by the device
 * (a UUID, the idempotency key of the offline queue: a check-in sent twice is recorded once).
 *
 * A registration has at most one standing check-in (partial unique index); an undone one stays
 * (with who undid it and when) so that its id, resent by a device's stale queue, is still answered
 * "already received" instead of checking the person in again. `event_registration.checked_in_at`
 * mirrors the standing check-in, set and cleared in the same transaction.
 */
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { event, eventRegistration } from '../events.schema.ts';

/** `online`: sent as it was made; `offline`: made without a connection and sent later by the queue. */
export const CHECK_IN_SOURCES = ['online', 'offline'] as const;
export type CheckInSource = (typeof CHECK_IN_SOURCES)[number];

export const eventCheckIn = pgTable(
  'event_check_in',
  {
    /** Made by the device (UUID): the idempotency key of offline sync. */
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    registrationId: text('registration_id')
      .notNull()
      .references(() => eventRegistration.id, { onDelete: 'cascade' }),
    /** When it happened, by the device's clock (kept as sent). */
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    /** When the server received it. */
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    checkedInByUserId: text('checked_in_by_user_id'),
    source: text('source').$type<CheckInSource>().notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneByUserId: text('undone_by_user_id'),
  },
  (t) => [
    /** At most one standing attendance per registration. */
    uniqueIndex('event_check_in_registration_unique').on(t.registrationId).where(sql`${t.undoneAt} is null`),
    index('event_check_in_event_idx').on(t.eventId, t.receivedAt),
    check('event_check_in_source_check', sql`${t.source} in ('online', 'offline')`),
  ],
);

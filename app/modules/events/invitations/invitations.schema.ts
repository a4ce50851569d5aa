/**
 * Invitations to an event (issue 5, item 2): the event's invitation list, one entry per
 * organisation and person (and per address), with what the balance counts (country, organisation
 * type, size class, women-led, the person's gender when known) copied from the directory when the
 * entry is added, where it came from, and its tracking (sent, opened, registered, declined).
 *
 * An entry is editable until it is sent; a sent entry removed from the list is revoked (its link
 * then answers 410). Personal links are random tokens of which only a SHA-256 hash is kept
 * (`event_invitation_link`): a resend carries a new link and the earlier ones keep working.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../../shared/db/columns.ts';
import { organisation, person } from '../../directory/directory.schema.ts';
import { event } from '../events.schema.ts';

/** Where an entry came from: a directory view, a cluster's members, the twins finder, one organisation, or typed in. */
export const INVITATION_SOURCES = ['view', 'cluster', 'twins', 'organisation', 'manual'] as const;
export type InvitationSource = (typeof INVITATION_SOURCES)[number];

export const eventInvitation = pgTable(
  'event_invitation',
  {
    id: id(),
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
    /** The directory person invited, or null when the organisation's own address is used. */
    personId: text('person_id').references(() => person.id, { onDelete: 'set null' }),
    name: text('name'),
    /** Lower-cased; null when no address is known (the entry cannot be sent until one is). */
    email: text('email'),
    /** The language of the mail and of the link's page. */
    locale: text('locale').notNull(),
    /** Copied from the directory when added: what the balance counts. */
    countryIso2: text('country_iso2'),
    organisationType: text('organisation_type'),
    sizeClass: text('size_class'),
    womenLed: boolean('women_led').notNull().default(false),
    /** The invited person's self-declared gender when known (woman, man, another, prefer-not-to-say). */
    gender: text('gender'),
    source: text('source').$type<InvitationSource>().notNull(),
    addedByUserId: text('added_by_user_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentByUserId: text('sent_by_user_id'),
    sendCount: integer('send_count').notNull().default(0),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    /** One entry per event, organisation and person (the organisation's own address counts as "no person"). */
    uniqueIndex('event_invitation_event_org_person_unique')
      .on(t.eventId, t.organisationId, sql`coalesce(${t.personId}, '')`)
      .where(sql`${t.organisationId} is not null`),
    unique('event_invitation_event_email_unique').on(t.eventId, t.email),
    index('event_invitation_event_idx').on(t.eventId, t.createdAt),
    check('event_invitation_source_check', sql`${t.source} in ('view', 'cluster', 'twins', 'organisation', 'manual')`),
  ],
);

export const eventInvitationLink = pgTable(
  'event_invitation_link',
  {
    /** SHA-256 of the token, hex. */
    tokenHash: text('token_hash').primaryKey(),
    invitationId: text('invitation_id')
      .notNull()
      .references(() => eventInvitation.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('event_invitation_link_invitation_idx').on(t.invitationId)],
);

/**
 * Events and workshops (issue 5): the event with its venue and time zone, the clusters it
 * gathers, its agenda of sessions and their speakers, and its registrations.
 *
 * Times are instants (`timestamptz`); the venue's IANA time zone (`Africa/Tunis`) says how to show
 * them and how to write them into calendars. An online event keeps the organiser's zone.
 *
 * Grants with the `event` scope name the event by its slug, which is frozen once given (like a
 * cluster's). Invitations, check-ins and workshop outputs live in their own schema files beside
 * this one and point at `event.id`.
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, translatable, updatedAt } from '../../shared/db/columns.ts';
// biome-ignore lint/style/noRestrictedImports: an event's foreign keys to clusters, countries and organisations need the tables; nothing else is used.
import { cluster, country, organisation } from '../directory/directory.schema.ts';
// biome-ignore lint/style/noRestrictedImports: a registration form and its answers are the form engine's rows; only the foreign keys are used.
import { form, formResponse } from '../forms/forms.schema.ts';

export const EVENT_TYPES = ['cluster-workshop', 'thematic-workshop', 'regional-workshop', 'training', 'webinar', 'fair'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_FORMATS = ['in-person', 'online', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** `public`: on the calendar, anyone may register; `invitation`: listed, registration by invitation link only. */
export const EVENT_VISIBILITIES = ['public', 'invitation'] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];

export const event = pgTable(
  'event',
  {
    id: id(),
    /** From the title and the start date; frozen once given (grants and links use it). */
    slug: text('slug').notNull().unique(),
    type: text('type').$type<EventType>().notNull(),
    /** The cluster hosting it, or null when the programme hosts it. */
    hostClusterId: text('host_cluster_id').references(() => cluster.id, { onDelete: 'set null' }),
    /** The venue's country (null for an online event hosted by the programme). */
    countryIso2: text('country_iso2').references(() => country.iso2),
    title: translatable('title').notNull(),
    description: translatable('description'),
    sourceLocale: text('source_locale').notNull().default('en'),
    format: text('format').$type<EventFormat>().notNull().default('in-person'),
    venueName: translatable('venue_name'),
    venueAddress: text('venue_address'),
    city: translatable('city'),
    /** IANA zone of the venue (or of the organiser for an online event): how times are shown and written to calendars. */
    timeZone: text('time_zone').notNull(),
    onlineUrl: text('online_url'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status').$type<EventStatus>().notNull().default('draft'),
    visibility: text('visibility').$type<EventVisibility>().notNull().default('public'),
    /** Seats; null means no limit. */
    capacity: integer('capacity'),
    waitlistEnabled: boolean('waitlist_enabled').notNull().default(true),
    approvalRequired: boolean('approval_required').notNull().default(false),
    registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
    /** The form of the form engine whose questions registrants answer, if any. */
    registrationFormId: text('registration_form_id').references(() => form.id, { onDelete: 'set null' }),
    /** The share of women the invitation list should reach, in percent (the page warns below it). */
    womenTargetPercent: integer('women_target_percent').notNull().default(40),
    createdByUserId: text('created_by_user_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('event_starts_at_idx').on(t.startsAt),
    index('event_host_cluster_idx').on(t.hostClusterId),
    index('event_country_idx').on(t.countryIso2),
    check(
      'event_type_check',
      sql`${t.type} in ('cluster-workshop', 'thematic-workshop', 'regional-workshop', 'training', 'webinar', 'fair')`,
    ),
    check('event_status_check', sql`${t.status} in ('draft', 'published', 'cancelled')`),
    check('event_format_check', sql`${t.format} in ('in-person', 'online', 'hybrid')`),
    check('event_visibility_check', sql`${t.visibility} in ('public', 'invitation')`),
    check('event_times_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('event_capacity_check', sql`${t.capacity} is null or ${t.capacity} >= 0`),
    check('event_women_target_check', sql`${t.womenTargetPercent} between 0 and 100`),
  ],
);

/** The clusters an event gathers (a thematic workshop groups several; a cluster workshop its own). */
export const eventCluster = pgTable(
  'event_cluster',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    clusterId: text('cluster_id')
      .notNull()
      .references(() => cluster.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.clusterId] }), index('event_cluster_cluster_idx').on(t.clusterId)],
);

/** One slot of the agenda, on any day of the event. */
export const eventSession = pgTable(
  'event_session',
  {
    id: id(),
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    title: translatable('title').notNull(),
    description: translatable('description'),
    room: text('room'),
    /** The languages spoken (`ar`, `fr`, `en`). */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    /** The languages interpretation is offered into. */
    interpretation: text('interpretation').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('event_session_event_idx').on(t.eventId, t.startsAt), check('event_session_times_check', sql`${t.endsAt} > ${t.startsAt}`)],
);

/** A speaker of a session: a name as printed, an optional affiliation, optionally a directory organisation. */
export const eventSpeaker = pgTable(
  'event_speaker',
  {
    id: id(),
    sessionId: text('session_id')
      .notNull()
      .references(() => eventSession.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    affiliation: translatable('affiliation'),
    organisationId: text('organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('event_speaker_session_idx').on(t.sessionId, t.position)],
);

/**
 * `confirmed` holds a seat; `waiting` is in line (ordered by `seq`); `pending` awaits approval and
 * holds no seat; `declined` was refused by staff; `cancelled` by the registrant or staff.
 */
export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waiting', 'declined', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const eventRegistration = pgTable(
  'event_registration',
  {
    id: id(),
    eventId: text('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    /** Arrival order: the waiting list is served by it (a new registration after a cancellation takes a new one). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    userId: text('user_id'),
    organisationId: text('organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
    /** The directory person, when known (invitations name one). */
    personId: text('person_id'),
    /** As the registrant wrote it (printed on the badge; Arabic names are shaped there). */
    name: text('name').notNull(),
    /** Lower-cased: one registration per address and event. */
    email: text('email').notNull(),
    /** The language of the mails and the badge. */
    locale: text('locale').notNull(),
    /** Self-declared, optional: woman, man, another, prefer-not-to-say. */
    gender: text('gender'),
    /** The participant's country (from the organisation, else declared). */
    countryIso2: text('country_iso2'),
    status: text('status').$type<RegistrationStatus>().notNull(),
    /** The answers to the event's registration form. */
    formResponseId: text('form_response_id').references(() => formResponse.id, { onDelete: 'set null' }),
    /** Consent chosen when registering: listed among participants, photographed. */
    consentListed: boolean('consent_listed').notNull().default(false),
    consentPhotographed: boolean('consent_photographed').notNull().default(false),
    /** The invitation this registration answers (no foreign key: invitations have their own schema file). */
    invitationId: text('invitation_id'),
    /** Random, printed as a QR code on the confirmation and the badge; staff scan it to check in. */
    checkInCode: text('check_in_code').notNull().unique(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    decidedByUserId: text('decided_by_user_id'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** Set when the registration left the waiting list for a seat. */
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('event_registration_event_email_unique').on(t.eventId, t.email),
    index('event_registration_event_status_idx').on(t.eventId, t.status, t.seq),
    index('event_registration_user_idx').on(t.userId),
    check('event_registration_status_check', sql`${t.status} in ('pending', 'confirmed', 'waiting', 'declined', 'cancelled')`),
  ],
);

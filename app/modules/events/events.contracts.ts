/**
 * Contracts of the events core (issue 5): an event (draft, published, cancelled), the clusters it
 * gathers, its agenda of sessions with speakers, and the calendar's filters. Times are instants
 * (ISO 8601 with an offset); the venue's IANA zone says how to show them. Texts are translatable
 * (decision 0003): one language is enough.
 */
import { z } from 'zod';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { translatableTextSchemaOf } from '#app/shared/i18n/translatable.contracts.ts';
import { EVENT_TIME_ZONES } from './calendar/zoned-time.ts';
import { EVENT_FORMATS, EVENT_STATUSES, EVENT_TYPES, EVENT_VISIBILITIES } from './events.schema.ts';

export const eventSlugSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .meta({ description: 'The event’s frozen web name: title words and the venue’s start date.', example: 'atelier-ceramique-2026-06-10' });

const clusterSlugSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .meta({ example: 'nabeul-ceramics' });
const iso2Schema = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .meta({ example: 'TN' });
const instantSchema = z.iso.datetime({ offset: true }).meta({ example: '2026-06-10T09:00:00+01:00' });
const languageSchema = z.enum(LOCALES);

export const eventTitleSchema = translatableTextSchemaOf(z.string().trim().min(1).max(200)).meta({
  id: 'EventTitle',
  example: { fr: 'Atelier thématique : céramique', en: 'Thematic workshop: ceramics', ar: 'ورشة عمل موضوعية: الخزف' },
});
const longTextSchema = translatableTextSchemaOf(z.string().trim().min(1).max(10_000));
const shortTextSchema = translatableTextSchemaOf(z.string().trim().min(1).max(200));

const eventFields = {
  type: z.enum(EVENT_TYPES),
  /** The hosting cluster's slug; null when the programme hosts it. */
  hostCluster: clusterSlugSchema.nullable(),
  /** The venue's country; null for an online event hosted by the programme region-wide. */
  countryIso2: iso2Schema.nullable(),
  /** The clusters the event gathers, by slug. */
  clusters: z.array(clusterSlugSchema).max(60),
  title: eventTitleSchema,
  description: longTextSchema.nullable(),
  sourceLocale: languageSchema,
  format: z.enum(EVENT_FORMATS),
  venueName: shortTextSchema.nullable(),
  venueAddress: z.string().trim().min(1).max(300).nullable(),
  city: shortTextSchema.nullable(),
  timeZone: z.enum(EVENT_TIME_ZONES),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  startsAt: instantSchema,
  endsAt: instantSchema,
  visibility: z.enum(EVENT_VISIBILITIES),
  capacity: z.number().int().min(0).max(100_000).nullable(),
  waitlistEnabled: z.boolean(),
  approvalRequired: z.boolean(),
  registrationOpensAt: instantSchema.nullable(),
  registrationClosesAt: instantSchema.nullable(),
  womenTargetPercent: z.number().int().min(0).max(100),
};

/** A new event, always a draft. Absent optional fields take their defaults. */
export const createEventInputSchema = z
  .object({
    ...eventFields,
    hostCluster: eventFields.hostCluster.default(null),
    countryIso2: eventFields.countryIso2.default(null),
    clusters: eventFields.clusters.default([]),
    description: eventFields.description.default(null),
    sourceLocale: eventFields.sourceLocale.default('en'),
    format: eventFields.format.default('in-person'),
    venueName: eventFields.venueName.default(null),
    venueAddress: eventFields.venueAddress.default(null),
    city: eventFields.city.default(null),
    onlineUrl: eventFields.onlineUrl.default(null),
    visibility: eventFields.visibility.default('public'),
    capacity: eventFields.capacity.default(null),
    waitlistEnabled: eventFields.waitlistEnabled.default(true),
    approvalRequired: eventFields.approvalRequired.default(false),
    registrationOpensAt: eventFields.registrationOpensAt.default(null),
    registrationClosesAt: eventFields.registrationClosesAt.default(null),
    womenTargetPercent: eventFields.womenTargetPercent.default(40),
  })
  .meta({ id: 'EventInput' });
export type CreateEventInput = z.input<typeof createEventInputSchema>;

/** Absent fields keep their value; the slug never changes. */
export const updateEventInputSchema = z.object(eventFields).partial().meta({ id: 'EventPatch' });
export type UpdateEventInput = z.input<typeof updateEventInputSchema>;

export const speakerInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  affiliation: shortTextSchema.nullable().default(null),
});

export const sessionInputSchema = z
  .object({
    title: shortTextSchema,
    description: longTextSchema.nullable().default(null),
    startsAt: instantSchema,
    endsAt: instantSchema,
    room: z.string().trim().min(1).max(120).nullable().default(null),
    /** The languages spoken. */
    languages: z.array(languageSchema).max(3).default([]),
    /** The languages interpretation is offered into. */
    interpretation: z.array(languageSchema).max(3).default([]),
    speakers: z.array(speakerInputSchema).max(30).default([]),
  })
  .meta({ id: 'EventSessionInput' });
export type SessionInput = z.input<typeof sessionInputSchema>;

export const updateSessionInputSchema = z
  .object({
    title: shortTextSchema,
    description: longTextSchema.nullable(),
    startsAt: instantSchema,
    endsAt: instantSchema,
    room: z.string().trim().min(1).max(120).nullable(),
    languages: z.array(languageSchema).max(3),
    interpretation: z.array(languageSchema).max(3),
    /** Replaces the speakers when given. */
    speakers: z.array(speakerInputSchema).max(30),
  })
  .partial()
  .meta({ id: 'EventSessionPatch' });
export type UpdateSessionInput = z.input<typeof updateSessionInputSchema>;

export const cancelEventInputSchema = z.object({
  /** Said to registrants in the cancellation mail, in the language it was written in. */
  reason: z.string().trim().max(1000).optional(),
});
export type CancelEventInput = z.input<typeof cancelEventInputSchema>;

export const EVENT_LIST_WHEN = ['upcoming', 'past', 'all'] as const;
export const EVENTS_PAGE_SIZE = 20;

export const listEventsInputSchema = z.object({
  type: z.enum(EVENT_TYPES).optional(),
  country: iso2Schema.optional(),
  /** Events a cluster hosts or gathers. */
  cluster: clusterSlugSchema.optional(),
  /** Events ending on or after this instant / starting before it. */
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  when: z.enum(EVENT_LIST_WHEN).default('upcoming'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(EVENTS_PAGE_SIZE),
});
export type ListEventsInput = z.input<typeof listEventsInputSchema>;

const translatableOut = z.object({ ar: z.string().optional(), fr: z.string().optional(), en: z.string().optional() });

export const eventClusterSchema = z
  .object({ slug: z.string(), name: translatableOut, countryIso2: z.string() })
  .meta({ id: 'EventCluster' });

export const speakerSchema = z
  .object({ id: z.string(), name: z.string(), affiliation: translatableOut.nullable() })
  .meta({ id: 'EventSpeaker' });

export const sessionSchema = z
  .object({
    id: z.string(),
    title: translatableOut,
    description: translatableOut.nullable(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    room: z.string().nullable(),
    languages: z.array(z.string()),
    interpretation: z.array(z.string()),
    speakers: z.array(speakerSchema),
  })
  .meta({ id: 'EventSession' });
export type EventSession = z.infer<typeof sessionSchema>;

export const eventSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    type: z.enum(EVENT_TYPES),
    status: z.enum(EVENT_STATUSES),
    hostCluster: eventClusterSchema.nullable(),
    countryIso2: z.string().nullable(),
    title: translatableOut,
    sourceLocale: z.string(),
    format: z.enum(EVENT_FORMATS),
    venueName: translatableOut.nullable(),
    city: translatableOut.nullable(),
    timeZone: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    visibility: z.enum(EVENT_VISIBILITIES),
  })
  .meta({ id: 'EventSummary' });
export type EventSummary = z.infer<typeof eventSummarySchema>;

export const eventSchema = eventSummarySchema
  .extend({
    description: translatableOut.nullable(),
    venueAddress: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    clusters: z.array(eventClusterSchema),
    capacity: z.number().nullable(),
    /** Confirmed registrations (seats taken). */
    seatsTaken: z.number(),
    waitlistEnabled: z.boolean(),
    approvalRequired: z.boolean(),
    registrationOpensAt: z.iso.datetime().nullable(),
    registrationClosesAt: z.iso.datetime().nullable(),
    womenTargetPercent: z.number(),
    publishedAt: z.iso.datetime().nullable(),
    cancelledAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
    sessions: z.array(sessionSchema),
  })
  .meta({ id: 'Event' });
export type EventDetail = z.infer<typeof eventSchema>;

export const eventListSchema = z
  .object({ items: z.array(eventSummarySchema), total: z.number(), page: z.number(), pageSize: z.number() })
  .meta({ id: 'EventList' });
export type EventList = z.infer<typeof eventListSchema>;

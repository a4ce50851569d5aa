/**
 * Check-in at an event's door (issue 5, item 4): one check-in (by code or by registration), a
 * batch from a device's offline queue, undoing one, and the lists staff see and cache.
 *
 * A check-in's id is made by the device (UUID): sending it again is answered `duplicate`, never a
 * second attendance. A person already checked in (under another id) is also `duplicate`.
 */
import { z } from 'zod';
import { REGISTRATION_STATUSES } from '../events.schema.ts';
import { CHECK_IN_SOURCES } from './checkin.schema.ts';

export const ATTENDEES_PAGE_SIZE = 500;
export const CHECK_INS_PAGE_SIZE = 50;
export const SEARCH_PAGE_SIZE = 30;
/** One sync carries at most this many queued check-ins (the page sends its queue in slices). */
export const SYNC_MAX_ITEMS = 200;

const codeSchema = z.string().trim().min(1).max(2_000).meta({ description: 'A check-in code, or the URL its QR code carries.' });
const registrationIdSchema = z.string().trim().min(1).max(100);
const translatedSchema = z.object({ ar: z.string().optional(), fr: z.string().optional(), en: z.string().optional() });

const checkInTargetSchema = z
  .object({
    id: z.uuid().meta({ description: 'Made by the device: the idempotency key (a resend is answered `duplicate`).' }),
    code: codeSchema.optional(),
    registrationId: registrationIdSchema.optional(),
    checkedInAt: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'When it happened, by the device’s clock (default: when received).' }),
  })
  .refine((value) => (value.code === undefined) !== (value.registrationId === undefined), {
    message: 'Give either a code or a registration id.',
    path: ['code'],
  });

export const checkInInputSchema = checkInTargetSchema.meta({ id: 'CheckInInput' });
export type CheckInInput = z.input<typeof checkInInputSchema>;

export const syncCheckInsInputSchema = z
  .object({ items: z.array(checkInTargetSchema).min(1).max(SYNC_MAX_ITEMS) })
  .meta({ id: 'SyncCheckInsInput', description: 'Check-ins queued while offline, oldest first.' });
export type SyncCheckInsInput = z.input<typeof syncCheckInsInputSchema>;

export const CHECK_IN_OUTCOMES = ['recorded', 'duplicate', 'refused'] as const;
export type CheckInOutcomeStatus = (typeof CHECK_IN_OUTCOMES)[number];

export const checkInOutcomeSchema = z
  .object({
    id: z.string().meta({ description: 'The check-in id sent.' }),
    status: z.enum(CHECK_IN_OUTCOMES).meta({
      description:
        '`recorded`: a new attendance; `duplicate`: this id was received before or the person is already checked in (nothing changed); `refused`: see `reason`.',
    }),
    reason: z
      .string()
      .nullable()
      .meta({ description: 'For `refused`: an error code (EVENTS_CHECKIN_CODE_UNKNOWN, EVENTS_CHECKIN_NOT_CONFIRMED...).' }),
    registrationId: z.string().nullable(),
    name: z.string().nullable().meta({ description: 'The participant’s name as registered.' }),
    registrationStatus: z.enum(REGISTRATION_STATUSES).nullable(),
    checkedInAt: z.iso.datetime().nullable().meta({ description: 'When the standing check-in happened (device clock).' }),
  })
  .meta({ id: 'CheckInOutcome' });
export type CheckInOutcome = z.infer<typeof checkInOutcomeSchema>;

export const syncCheckInsResultSchema = z
  .object({ results: z.array(checkInOutcomeSchema), checkedIn: z.int().min(0), expected: z.int().min(0) })
  .meta({ id: 'SyncCheckInsResult' });
export type SyncCheckInsResult = z.infer<typeof syncCheckInsResultSchema>;

const organisationSchema = z.object({ name: translatedSchema, sourceLocale: z.string() }).nullable();

export const attendeeSchema = z
  .object({
    registrationId: z.string(),
    name: z.string(),
    organisation: organisationSchema,
    countryIso2: z.string().nullable(),
    code: z.string().meta({ description: 'The check-in code (what the QR code carries).' }),
    status: z.enum(REGISTRATION_STATUSES),
    checkedInAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Attendee' });
export type Attendee = z.infer<typeof attendeeSchema>;

export const attendeesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  q: z.string().trim().max(200).optional().meta({ description: 'Part of a name, an organisation or a code.' }),
});
export type AttendeesQuery = z.input<typeof attendeesQuerySchema>;

export const attendeesPageSchema = z
  .object({
    items: z.array(attendeeSchema),
    page: z.int().min(1),
    pageSize: z.int().min(1),
    total: z.int().min(0),
    checkedIn: z.int().min(0).meta({ description: 'Confirmed registrations checked in.' }),
    expected: z.int().min(0).meta({ description: 'Confirmed registrations.' }),
  })
  .meta({ id: 'AttendeesPage', description: 'Every registration but cancelled and declined ones, by name.' });
export type AttendeesPage = z.infer<typeof attendeesPageSchema>;

export const checkInEntrySchema = z
  .object({
    id: z.string(),
    registrationId: z.string(),
    name: z.string(),
    organisation: organisationSchema,
    checkedInAt: z.iso.datetime(),
    receivedAt: z.iso.datetime(),
    source: z.enum(CHECK_IN_SOURCES),
    checkedInBy: z.string().nullable().meta({ description: 'The staff member’s name.' }),
  })
  .meta({ id: 'CheckInEntry' });
export type CheckInEntry = z.infer<typeof checkInEntrySchema>;

export const checkInsQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });
export type CheckInsQuery = z.input<typeof checkInsQuerySchema>;

export const checkInsPageSchema = z
  .object({
    items: z.array(checkInEntrySchema),
    page: z.int().min(1),
    pageSize: z.int().min(1),
    total: z.int().min(0),
    checkedIn: z.int().min(0),
    expected: z.int().min(0),
  })
  .meta({ id: 'CheckInsPage', description: 'Standing check-ins, latest received first.' });
export type CheckInsPage = z.infer<typeof checkInsPageSchema>;

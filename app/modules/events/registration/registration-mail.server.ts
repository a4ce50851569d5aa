/**
 * What registration tells people, by mail in the registrant's language: a seat (with the event as
 * an ICS attachment and the check-in QR code), a place on the waiting list, a registration waiting
 * for approval, a promotion from the waiting list, a refusal, a cancellation; and the reminder the
 * day before, sent by the job queue (`events.registration.remind`), at most once per registration
 * and never to someone no longer confirmed.
 */
import { getConfig } from '#app/shared/config.server.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { enqueueJob, PermanentJobError, registerJobHandler } from '#app/shared/jobs/index.ts';
import { type MailAttachment, queueMail } from '#app/shared/mail/index.ts';
// biome-ignore lint/style/noRestrictedImports: the events module's own calendars (calendar/ is a folder of the events module).
import { buildEventCalendar } from '../calendar/event-calendar.ts';
// biome-ignore lint/style/noRestrictedImports: the events module's own check-in codes (checkin/ is a folder of the events module).
import { checkInQrPayload, checkInQrPng } from '../checkin/check-in-qr.server.ts';
import { findEventById, type LoadedEvent } from '../events-core.repository.server.ts';
import { claimReminder, findRegistration, type RegistrationRow } from './registration.repository.server.ts';
import { reminderAt } from './registration.ts';

export type RegistrationMailKind = 'confirmed' | 'waiting' | 'pending' | 'promoted' | 'declined' | 'cancelled' | 'reminder';

export const REMINDER_JOB = 'events.registration.remind';

/** A reminder job running this much before its due time (the event moved later) is put off to the new time. */
const RESCHEDULE_MARGIN_MS = 3_600_000;

const TEMPLATE: Record<RegistrationMailKind, string> = {
  confirmed: 'eventsRegistration.confirmed',
  waiting: 'eventsRegistration.waiting',
  pending: 'eventsRegistration.pending',
  promoted: 'eventsRegistration.promoted',
  declined: 'eventsRegistration.declined',
  cancelled: 'eventsRegistration.cancelled',
  reminder: 'eventsRegistration.reminder',
};

/** Kinds that hold a seat: they carry the calendar entry and the check-in code. */
const WITH_SEAT: ReadonlySet<RegistrationMailKind> = new Set(['confirmed', 'promoted', 'reminder']);

export function registrationPath(locale: Locale, slug: string): string {
  return `/${locale}/events/${encodeURIComponent(slug)}/registration`;
}

/** "Tuesday 9 December 2026, 09:00 – 17:00 (Africa/Tunis)" in the reader's language, venue time. */
export function eventWhen(found: Pick<LoadedEvent, 'startsAt' | 'endsAt' | 'timeZone'>, locale: Locale): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: found.timeZone });
  return `${format.formatRange(found.startsAt, found.endsAt)} (${found.timeZone})`;
}

export function eventWhere(found: LoadedEvent, locale: Locale): string {
  const place = [
    textIn(found.venueName, locale, found.sourceLocale),
    found.venueAddress ?? '',
    textIn(found.city, locale, found.sourceLocale),
  ]
    .filter(Boolean)
    .join(', ');
  return place || found.onlineUrl || '';
}

/** The event as one ICS entry (PUBLISH): what the confirmation attaches and the registration page downloads. */
export function registrationCalendar(found: LoadedEvent, locale: Locale): string {
  const title = textIn(found.title, locale, found.sourceLocale);
  return buildEventCalendar({
    name: title,
    events: [
      {
        uid: `event-${found.id}@mosaic`,
        title,
        description: textIn(found.description, locale, found.sourceLocale) || undefined,
        startsAt: found.startsAt,
        endsAt: found.endsAt,
        timeZone: found.timeZone,
        location: eventWhere(found, locale) || undefined,
        url: `${getConfig().publicUrl}/${locale}/events/${encodeURIComponent(found.slug)}`,
        cancelled: found.status === 'cancelled',
      },
    ],
  });
}

async function attachmentsFor(found: LoadedEvent, row: RegistrationRow, locale: Locale): Promise<MailAttachment[]> {
  const ics = registrationCalendar(found, locale);
  const qr = await checkInQrPng(checkInQrPayload(getConfig().publicUrl, locale, found.slug, row.checkInCode));
  return [
    {
      filename: 'event.ics',
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      content: Buffer.from(ics, 'utf8').toString('base64'),
    },
    { filename: 'check-in-code.png', contentType: 'image/png', content: qr.toString('base64') },
  ];
}

/** Queues the mail of `kind` to the registrant, in their language, inside the caller's transaction. */
export async function queueRegistrationMail(
  tx: Executor,
  kind: RegistrationMailKind,
  found: LoadedEvent,
  row: RegistrationRow,
  waitingPlace: number | null,
): Promise<void> {
  const locale: Locale = isLocale(row.locale) ? row.locale : 'en';
  await queueMail(tx, {
    to: row.email,
    locale,
    template: TEMPLATE[kind],
    values: {
      name: row.name,
      event: textIn(found.title, locale, found.sourceLocale),
      when: eventWhen(found, locale),
      where: eventWhere(found, locale),
      place: waitingPlace ?? 0,
      code: row.checkInCode,
    },
    action: { url: `${getConfig().publicUrl}${registrationPath(locale, found.slug)}` },
    attachments: WITH_SEAT.has(kind) ? await attachmentsFor(found, row, locale) : undefined,
  });
}

/**
 * Schedules the reminder of a confirmed registration for the day before the event (venue time);
 * nothing when that moment has passed. Each confirmation schedules one; the handler sends at most
 * one per registration.
 */
export async function scheduleReminder(tx: Executor, found: LoadedEvent, row: RegistrationRow, now: Date): Promise<void> {
  const at = reminderAt(found.startsAt, found.timeZone, now);
  if (!at) return;
  await enqueueJob(tx, REMINDER_JOB, { registrationId: row.id }, { runAt: at });
}

/**
 * Sends the reminder when it is still wanted: the registration confirmed, the event published and
 * not started, and no reminder sent for it before (claimed in the same transaction as the mail).
 */
export async function sendReminder(registrationId: string, now: Date = new Date()): Promise<'sent' | 'skipped' | 'rescheduled'> {
  return getDb().transaction(async (tx) => {
    const peek = await findRegistration(tx, registrationId);
    if (!peek) return 'skipped';
    const found = await findEventById(tx, peek.eventId, { forUpdate: true });
    const row = await findRegistration(tx, registrationId, { forUpdate: true });
    if (!found || !row || row.status !== 'confirmed' || found.status !== 'published' || found.startsAt <= now) return 'skipped';
    // The event moved later since the reminder was scheduled: remind the day before its new date instead.
    const due = reminderAt(found.startsAt, found.timeZone, now);
    if (due && due.getTime() - now.getTime() > RESCHEDULE_MARGIN_MS) {
      await enqueueJob(tx, REMINDER_JOB, { registrationId: row.id }, { runAt: due });
      return 'rescheduled';
    }
    if (!(await claimReminder(tx, row.id))) return 'skipped';
    await queueRegistrationMail(tx, 'reminder', found, row, null);
    return 'sent';
  });
}

registerJobHandler(REMINDER_JOB, async (payload) => {
  const id = payload.registrationId;
  if (typeof id !== 'string') throw new PermanentJobError('events.registration.remind needs a registrationId');
  await sendReminder(id);
});

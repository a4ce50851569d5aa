/**
 * Check-in at an event's door (issue 5, item 4). Every call authorises first with `canCheckIn`
 * over the event (deny by default), parses its input with the contracts, and writes each
 * check-in in its own transaction with its audit entry.
 *
 * Idempotent: a check-in's id is made by the device, so a resent id is answered `duplicate`;
 * a person already checked in under another id is `duplicate` too. Check-ins of one registration
 * serialise on its row lock, and a partial unique index keeps one standing attendance per
 * registration whatever happens. Only confirmed registrations are checked in.
 */
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { getConfig } from '#app/shared/config.server.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors, isAppError } from '#app/shared/errors.ts';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { parseInput } from '#app/shared/validation.ts';
import { canCheckIn, canManageEvent, canReadEvent } from '../events.policy.ts';
import { findEventBySlug, type LoadedEvent } from '../events-core.repository.server.ts';
import { checkInQrPayload, parseCheckInScan } from './check-in-code.ts';
import {
  ATTENDEES_PAGE_SIZE,
  type AttendeesPage,
  type AttendeesQuery,
  attendeesQuerySchema,
  CHECK_INS_PAGE_SIZE,
  type CheckInInput,
  type CheckInOutcome,
  type CheckInsPage,
  type CheckInsQuery,
  checkInInputSchema,
  checkInsQuerySchema,
  type SyncCheckInsInput,
  type SyncCheckInsResult,
  syncCheckInsInputSchema,
} from './checkin.contracts.ts';
import {
  countAttendance,
  countAttendees,
  countCheckIns,
  findCheckIn,
  findStandingCheckIn,
  insertCheckIn,
  lockRegistration,
  markUndone,
  type RegistrationRow,
  selectAttendees,
  selectBadgeHolders,
  selectCheckIns,
  setRegistrationCheckedIn,
} from './checkin.repository.server.ts';
import type { CheckInSource } from './checkin.schema.ts';
import { renderBadges } from './checkin-badges.server.ts';
import { badgeFileName, badgeLocale, badgeOf, type Translate } from './checkin-badges.ts';

type Target = { id: string; code?: string | undefined; registrationId?: string | undefined; checkedInAt?: string | undefined };

/** The event, when the actor may check people in at it (404 before 403 would reveal drafts: a refused actor gets 403 or 404 alike). */
async function authorisedEvent(executor: Executor, actor: Actor, slug: string): Promise<LoadedEvent> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const event = await findEventBySlug(executor, slug);
  if (!event) throw new AppError('EVENTS_CHECKIN_EVENT_NOT_FOUND', 404, { slug });
  if (!canCheckIn(actor, event)) throw CommonErrors.forbidden();
  return event;
}

function openEvent(event: LoadedEvent): void {
  if (event.status !== 'published') throw new AppError('EVENTS_CHECKIN_EVENT_NOT_OPEN', 409, { status: event.status });
}

function outcome(
  id: string,
  status: CheckInOutcome['status'],
  registration: RegistrationRow | null,
  extra: { reason?: string; checkedInAt?: Date | null } = {},
): CheckInOutcome {
  const at = extra.checkedInAt !== undefined ? extra.checkedInAt : (registration?.checkedInAt ?? null);
  return {
    id,
    status,
    reason: extra.reason ?? null,
    registrationId: registration?.id ?? null,
    name: registration?.name ?? null,
    registrationStatus: registration?.status ?? null,
    checkedInAt: at ? at.toISOString() : null,
  };
}

/** Which registration a target names: its id, or a code (bare or as the QR code's URL). */
function locator(event: LoadedEvent, target: Target): { code: string } | { registrationId: string } {
  if (target.registrationId !== undefined) return { registrationId: target.registrationId };
  const scanned = parseCheckInScan(target.code ?? '', event.slug);
  if (!scanned.ok) {
    const code = scanned.reason === 'other-event' ? 'EVENTS_CHECKIN_OTHER_EVENT' : 'EVENTS_CHECKIN_CODE_INVALID';
    throw new AppError(code, 400, { fields: [{ field: 'code', code }] });
  }
  return { code: scanned.code };
}

/** One check-in in its own transaction; refusals throw (an AppError naming why). */
async function recordOne(actor: Actor, event: LoadedEvent, target: Target, source: CheckInSource): Promise<CheckInOutcome> {
  const by = locator(event, target);
  const receivedAt = new Date();
  const deviceAt = target.checkedInAt ? new Date(target.checkedInAt) : receivedAt;
  return getDb().transaction(async (tx) => {
    const registration = await lockRegistration(tx, event.id, by);
    if (!registration)
      throw new AppError('EVENTS_CHECKIN_CODE_UNKNOWN', 404, { fields: [{ field: 'code', code: 'EVENTS_CHECKIN_CODE_UNKNOWN' }] });
    const known = await findCheckIn(tx, target.id);
    if (known) {
      if (known.registrationId !== registration.id) throw new AppError('EVENTS_CHECKIN_ID_REUSED', 409, { id: target.id });
      return outcome(target.id, 'duplicate', registration);
    }
    if (registration.status !== 'confirmed') {
      throw new AppError('EVENTS_CHECKIN_NOT_CONFIRMED', 409, { status: registration.status, name: registration.name });
    }
    const standing = await findStandingCheckIn(tx, registration.id);
    if (standing) return outcome(target.id, 'duplicate', registration, { checkedInAt: standing.checkedInAt });
    const row = await insertCheckIn(tx, {
      id: target.id,
      eventId: event.id,
      registrationId: registration.id,
      checkedInAt: deviceAt,
      checkedInByUserId: actor.kind === 'user' ? actor.userId : null,
      source,
    });
    if (!row) return outcome(target.id, 'duplicate', registration);
    // A device clock running ahead never puts the attendance in the future.
    const at = deviceAt > receivedAt ? receivedAt : deviceAt;
    await setRegistrationCheckedIn(tx, registration.id, at);
    await recordAudit(tx, actor, {
      action: 'events.checkin.record',
      subjectType: 'event_registration',
      subjectId: registration.id,
      data: { event: event.slug, checkIn: row.id, source, checkedInAt: deviceAt.toISOString() },
    });
    return outcome(target.id, 'recorded', registration, { checkedInAt: at });
  });
}

/**
 * Checks one person in, by code (or the QR code's URL) or by registration id. `recorded` or
 * `duplicate`; refusals throw: unknown code (404), not confirmed (409, with the status), another
 * event's code (400), an event not open (409).
 */
export async function checkIn(actor: Actor, slug: string, input: CheckInInput): Promise<CheckInOutcome> {
  const event = await authorisedEvent(getDb(), actor, slug);
  const target = parseInput(checkInInputSchema, input);
  openEvent(event);
  return recordOne(actor, event, target, 'online');
}

/**
 * A device's offline queue: each item is recorded, a duplicate, or refused (with the error code),
 * independently of the others and in order. Only a malformed batch or a refused actor fails as a whole.
 */
export async function syncCheckIns(actor: Actor, slug: string, input: SyncCheckInsInput): Promise<SyncCheckInsResult> {
  const event = await authorisedEvent(getDb(), actor, slug);
  const { items } = parseInput(syncCheckInsInputSchema, input);
  openEvent(event);
  const results: CheckInOutcome[] = [];
  for (const item of items) {
    try {
      results.push(await recordOne(actor, event, item, 'offline'));
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push(outcome(item.id, 'refused', null, { reason: error.code }));
    }
  }
  return { results, ...(await countAttendance(getDb(), event.id)) };
}

/** Undoes a standing check-in (a mistake at the door); the row stays, marked undone, so its id is never recorded again. Audited. */
export async function undoCheckIn(actor: Actor, slug: string, checkInId: string): Promise<{ checkedIn: number; expected: number }> {
  const event = await authorisedEvent(getDb(), actor, slug);
  return getDb().transaction(async (tx) => {
    const known = await findCheckIn(tx, checkInId.slice(0, 100));
    if (!known || known.eventId !== event.id) throw new AppError('EVENTS_CHECKIN_NOT_FOUND', 404, { id: checkInId });
    const registration = await lockRegistration(tx, event.id, { registrationId: known.registrationId });
    const undone = await markUndone(tx, known.id, actor.kind === 'user' ? actor.userId : null);
    if (!undone || !registration) throw new AppError('EVENTS_CHECKIN_NOT_FOUND', 404, { id: checkInId });
    await setRegistrationCheckedIn(tx, registration.id, null);
    await recordAudit(tx, actor, {
      action: 'events.checkin.undo',
      subjectType: 'event_registration',
      subjectId: registration.id,
      data: { event: event.slug, checkIn: known.id },
    });
    return countAttendance(tx, event.id);
  });
}

/** The registrations the door sees (not cancelled or declined), by name, paged; `q` searches names, organisations and codes. */
export async function listAttendees(actor: Actor, slug: string, query: AttendeesQuery = {}): Promise<AttendeesPage> {
  const db = getDb();
  const event = await authorisedEvent(db, actor, slug);
  const { page, q } = parseInput(attendeesQuerySchema, query);
  const search = q === '' ? undefined : q;
  const [rows, total, attendance] = await Promise.all([
    selectAttendees(db, event.id, { q: search, limit: ATTENDEES_PAGE_SIZE, offset: (page - 1) * ATTENDEES_PAGE_SIZE }),
    countAttendees(db, event.id, search),
    countAttendance(db, event.id),
  ]);
  return {
    items: rows.map((row) => ({
      registrationId: row.registrationId,
      name: row.name,
      organisation: row.organisationName ? { name: row.organisationName, sourceLocale: row.organisationLocale ?? 'en' } : null,
      countryIso2: row.countryIso2,
      code: row.code,
      status: row.status,
      checkedInAt: row.checkedInAt ? row.checkedInAt.toISOString() : null,
    })),
    page,
    pageSize: ATTENDEES_PAGE_SIZE,
    total,
    ...attendance,
  };
}

/** Standing check-ins, latest received first, paged. */
export async function listCheckIns(actor: Actor, slug: string, query: CheckInsQuery = {}): Promise<CheckInsPage> {
  const db = getDb();
  const event = await authorisedEvent(db, actor, slug);
  const { page } = parseInput(checkInsQuerySchema, query);
  const [rows, total, attendance] = await Promise.all([
    selectCheckIns(db, event.id, { limit: CHECK_INS_PAGE_SIZE, offset: (page - 1) * CHECK_INS_PAGE_SIZE }),
    countCheckIns(db, event.id),
    countAttendance(db, event.id),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      registrationId: row.registrationId,
      name: row.name,
      organisation: row.organisationName ? { name: row.organisationName, sourceLocale: row.organisationLocale ?? 'en' } : null,
      checkedInAt: row.checkedInAt.toISOString(),
      receivedAt: row.receivedAt.toISOString(),
      source: row.source,
      checkedInBy: row.checkedInBy,
    })),
    page,
    pageSize: CHECK_INS_PAGE_SIZE,
    total,
    ...attendance,
  };
}

/** What the check-in page's header shows: the event and its counts (for those who may check people in). */
export async function getCheckInDesk(actor: Actor, slug: string) {
  const db = getDb();
  const event = await authorisedEvent(db, actor, slug);
  return {
    event: {
      slug: event.slug,
      title: event.title,
      sourceLocale: event.sourceLocale,
      status: event.status,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      timeZone: event.timeZone,
    },
    access: { manage: canManageEvent(actor, event), checkIn: true },
    ...(await countAttendance(db, event.id)),
  };
}
export type CheckInDesk = Awaited<ReturnType<typeof getCheckInDesk>>;

async function badgesPdf(event: LoadedEvent, locale: Locale, holders: Awaited<ReturnType<typeof selectBadgeHolders>>): Promise<Buffer> {
  const publicUrl = getConfig().publicUrl;
  const t: Translate = (lang, id, values) => translate(lang, id, values);
  const badges = holders.map((holder) => badgeOf(holder, event, t));
  return renderBadges({
    title: translate(locale, 'events.checkin.badge.documentTitle', { title: textIn(event.title, locale, event.sourceLocale) }),
    empty: translate(locale, 'events.checkin.badge.empty'),
    badges,
    qrPayloads: badges.map((badge) => checkInQrPayload(publicUrl, badge.lang, event.slug, badge.code)),
  });
}

/** Every confirmed participant's badge, four to an A4 page, each in its holder's language (for those who may check people in). */
export async function eventBadges(actor: Actor, slug: string, locale: Locale): Promise<{ fileName: string; pdf: Buffer }> {
  const db = getDb();
  const event = await authorisedEvent(db, actor, slug);
  const holders = await selectBadgeHolders(db, event.id);
  return { fileName: badgeFileName(event.slug), pdf: await badgesPdf(event, locale, holders) };
}

/** The signed-in participant's own badge, while their registration is confirmed (404 otherwise, for anyone else too). */
export async function myBadge(actor: Actor, slug: string): Promise<{ fileName: string; pdf: Buffer }> {
  if (actor.kind !== 'user') throw CommonErrors.unauthenticated();
  const db = getDb();
  const event = await findEventBySlug(db, slug);
  const notFound = new AppError('EVENTS_CHECKIN_BADGE_NOT_FOUND', 404, { slug });
  if (!event || !canReadEvent(actor, event)) throw notFound;
  const holders = (await selectBadgeHolders(db, event.id)).filter((holder) => holder.userId === actor.userId);
  if (holders.length === 0) throw notFound;
  const holder = holders.slice(0, 1);
  return {
    fileName: badgeFileName(event.slug, holder[0]!.registrationId),
    pdf: await badgesPdf(event, badgeLocale(holder[0]!.locale), holder),
  };
}

/**
 * The events core (issue 5, items 1, 7 and 8): create an event (always a draft), edit it, publish
 * it, cancel it; its agenda of sessions with speakers; the public calendar; its calendars (ICS).
 *
 * Each write authorises first (deny by default: canCreateEvent / canManageEvent), parses with the
 * contracts, runs in one transaction with the event row locked, and writes the audit log there; a
 * refused or invalid call writes nothing. Nothing destructive is silent (DESIGN): cancelling an
 * event, or changing the time or the place of a published one, mails every standing registrant
 * (confirmed, waiting, pending) through the job queue, in their language, in the same transaction.
 * A draft is seen only by those who manage it: to anyone else it does not exist (404).
 */
import { listCountries } from '#app/modules/directory/index.ts';
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { getConfig } from '#app/shared/config.server.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { queueMail } from '#app/shared/mail/index.ts';
import { parseInput } from '#app/shared/validation.ts';
import { buildEventCalendar, type CalendarEvent } from './calendar/event-calendar.ts';
import { sessionWithinEventDays } from './event-agenda.ts';
import { eventSlugBase, uniqueEventSlug } from './event-slug.ts';
import {
  type CancelEventInput,
  type CreateEventInput,
  cancelEventInputSchema,
  createEventInputSchema,
  type EventDetail,
  type EventList,
  type EventSession,
  type EventSummary,
  eventSlugSchema,
  type ListEventsInput,
  listEventsInputSchema,
  type SessionInput,
  sessionInputSchema,
  type UpdateEventInput,
  type UpdateSessionInput,
  updateEventInputSchema,
  updateSessionInputSchema,
} from './events.contracts.ts';
import { canCreateEvent, canManageEvent, canReadEvent } from './events.policy.ts';
import {
  type ClusterRef,
  countConfirmed,
  deleteSessionRow,
  type EventInsert,
  findClustersByIds,
  findClustersBySlugs,
  findSession,
  insertEventRow,
  insertSessionRow,
  type ListedEvent,
  replaceEventClusters,
  replaceSpeakers,
  selectAllClusters,
  selectDraftEvents,
  selectEvents,
  selectRegistrantsToTell,
  selectSessions,
  selectTakenSlugs,
  updateEventRow,
  updateSessionRow,
} from './events.repository.server.ts';
import { type EventRow, findEventBySlug, type LoadedEvent, selectEventClusters } from './events-core.repository.server.ts';
import { fillSeatsAfterCapacityChange } from './registration/registration.service.server.ts';

const notFound = (slug: string) => new AppError('EVENTS_NOT_FOUND', 404, { slug });
const fieldError = (code: string, field: string, status = 400) => new AppError(code, status, { fields: [{ field, code }] });

function requireSignedIn(actor: Actor): void {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
}

/** The event as `actor` may see it: a draft the actor does not manage is not found. */
async function readableEvent(executor: Executor, actor: Actor, slug: string, options: { forUpdate?: boolean } = {}): Promise<LoadedEvent> {
  const parsed = eventSlugSchema.safeParse(slug);
  const row = parsed.success ? await findEventBySlug(executor, parsed.data, options) : undefined;
  if (!row || !canReadEvent(actor, row)) throw notFound(slug);
  return row;
}

/** The event, locked, for one who manages it (401 signed out, 404 unseen draft, 403 otherwise). */
async function managedEvent(tx: Executor, actor: Actor, slug: string): Promise<LoadedEvent> {
  requireSignedIn(actor);
  const row = await readableEvent(tx, actor, slug, { forUpdate: true });
  if (!canManageEvent(actor, row)) throw CommonErrors.forbidden();
  return row;
}

function editableEvent(row: LoadedEvent): void {
  if (row.status === 'cancelled') throw new AppError('EVENTS_CANCELLED', 409, { slug: row.slug });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const clusterOut = (c: ClusterRef) => ({ slug: c.slug, name: c.name, countryIso2: c.countryIso2 });

function summaryOf(row: EventRow, host: ClusterRef | null): EventSummary {
  return {
    id: row.id,
    slug: row.slug,
    type: row.type,
    status: row.status,
    hostCluster: host ? clusterOut(host) : null,
    countryIso2: row.countryIso2,
    title: row.title,
    sourceLocale: row.sourceLocale,
    format: row.format,
    venueName: row.venueName ?? null,
    city: row.city ?? null,
    timeZone: row.timeZone,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    visibility: row.visibility,
  };
}

async function sessionsOf(executor: Executor, eventId: string): Promise<EventSession[]> {
  return (await selectSessions(executor, eventId)).map((s) => ({
    id: s.id,
    title: s.title,
    description: s.description ?? null,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    room: s.room,
    languages: s.languages,
    interpretation: s.interpretation,
    speakers: s.speakers.map((p) => ({ id: p.id, name: p.name, affiliation: p.affiliation ?? null })),
  }));
}

async function detailOf(executor: Executor, row: EventRow): Promise<EventDetail> {
  const [host, clusters, seatsTaken, sessions] = await Promise.all([
    row.hostClusterId ? findClustersByIds(executor, [row.hostClusterId]) : Promise.resolve([]),
    selectEventClusters(executor, row.id),
    countConfirmed(executor, row.id),
    sessionsOf(executor, row.id),
  ]);
  return {
    ...summaryOf(row, host[0] ?? null),
    description: row.description ?? null,
    venueAddress: row.venueAddress,
    onlineUrl: row.onlineUrl,
    clusters: clusters.map((c) => clusterOut(c as ClusterRef)),
    capacity: row.capacity,
    seatsTaken,
    waitlistEnabled: row.waitlistEnabled,
    approvalRequired: row.approvalRequired,
    registrationOpensAt: iso(row.registrationOpensAt),
    registrationClosesAt: iso(row.registrationClosesAt),
    womenTargetPercent: row.womenTargetPercent,
    publishedAt: iso(row.publishedAt),
    cancelledAt: iso(row.cancelledAt),
    updatedAt: row.updatedAt.toISOString(),
    sessions,
  };
}

/** The host cluster by slug (EVENTS_CLUSTER_NOT_FOUND beside `hostCluster`). */
async function hostOf(executor: Executor, slug: string | null): Promise<ClusterRef | null> {
  if (slug === null) return null;
  const [host] = await findClustersBySlugs(executor, [slug]);
  if (!host) throw fieldError('EVENTS_CLUSTER_NOT_FOUND', 'hostCluster');
  return host;
}

async function gatheredOf(executor: Executor, slugs: readonly string[]): Promise<ClusterRef[]> {
  const unique = [...new Set(slugs)];
  const found = await findClustersBySlugs(executor, unique);
  if (found.length !== unique.length) throw fieldError('EVENTS_CLUSTER_NOT_FOUND', 'clusters');
  return found;
}

interface Timing {
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
}

function checkTiming(t: Timing): void {
  if (t.endsAt.getTime() <= t.startsAt.getTime()) throw fieldError('EVENTS_ENDS_BEFORE_START', 'endsAt');
  if (t.registrationOpensAt && t.registrationClosesAt && t.registrationClosesAt.getTime() <= t.registrationOpensAt.getTime())
    throw fieldError('EVENTS_REGISTRATION_CLOSES_BEFORE_OPENS', 'registrationClosesAt');
}

const dateOrNull = (value: string | null | undefined) => (value ? new Date(value) : null);

/** Creates a draft event; its slug comes from the title and the venue's start day, and never changes. */
export async function createEvent(actor: Actor, input: CreateEventInput): Promise<EventDetail> {
  requireSignedIn(actor);
  const parsed = parseInput(createEventInputSchema, input);
  return getDb().transaction(async (tx) => {
    const host = await hostOf(tx, parsed.hostCluster);
    const countryIso2 = parsed.countryIso2 ?? host?.countryIso2 ?? null;
    if (!canCreateEvent(actor, { clusterSlug: host?.slug ?? null, countryIso2 })) throw CommonErrors.forbidden();
    const gathered = await gatheredOf(tx, parsed.clusters);
    const timing = {
      startsAt: new Date(parsed.startsAt),
      endsAt: new Date(parsed.endsAt),
      registrationOpensAt: dateOrNull(parsed.registrationOpensAt),
      registrationClosesAt: dateOrNull(parsed.registrationClosesAt),
    };
    checkTiming(timing);
    const base = eventSlugBase(parsed.title, parsed.sourceLocale, timing.startsAt, parsed.timeZone);
    const slug = uniqueEventSlug(base, await selectTakenSlugs(tx, base));
    const row = await insertEventRow(tx, {
      slug,
      type: parsed.type,
      hostClusterId: host?.id ?? null,
      countryIso2,
      title: parsed.title,
      description: parsed.description,
      sourceLocale: parsed.sourceLocale,
      format: parsed.format,
      venueName: parsed.venueName,
      venueAddress: parsed.venueAddress,
      city: parsed.city,
      timeZone: parsed.timeZone,
      onlineUrl: parsed.onlineUrl,
      ...timing,
      status: 'draft',
      visibility: parsed.visibility,
      capacity: parsed.capacity,
      waitlistEnabled: parsed.waitlistEnabled,
      approvalRequired: parsed.approvalRequired,
      womenTargetPercent: parsed.womenTargetPercent,
      createdByUserId: actor.kind === 'user' ? actor.userId : null,
    });
    await replaceEventClusters(
      tx,
      row.id,
      gathered.map((c) => c.id),
    );
    await recordAudit(tx, actor, {
      action: 'events.event.create',
      subjectType: 'event',
      subjectId: row.id,
      data: { slug, type: row.type, hostCluster: host?.slug ?? null, clusters: gathered.map((c) => c.slug) },
    });
    return detailOf(tx, row);
  });
}

/** Fields whose change on a published event is told to registrants: when and where. */
const TOLD_FIELDS = ['startsAt', 'endsAt', 'timeZone', 'format', 'venueName', 'venueAddress', 'city', 'countryIso2', 'onlineUrl'] as const;

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a instanceof Date ? a.toISOString() : a) === JSON.stringify(b instanceof Date ? b.toISOString() : b);

/** Changes the given fields (the slug stays). A change of time or place of a published event is mailed to its registrants. */
export async function updateEvent(actor: Actor, slug: string, input: UpdateEventInput): Promise<EventDetail> {
  requireSignedIn(actor);
  const parsed = parseInput(updateEventInputSchema, input);
  return getDb().transaction(async (tx) => {
    const before = await managedEvent(tx, actor, slug);
    editableEvent(before);
    const values: Partial<EventInsert> = {};
    let host: ClusterRef | null | undefined;
    if (parsed.hostCluster !== undefined && parsed.hostCluster !== before.hostClusterSlug) {
      host = await hostOf(tx, parsed.hostCluster);
      values.hostClusterId = host?.id ?? null;
    }
    const countryIso2 = parsed.countryIso2 !== undefined ? parsed.countryIso2 : host ? host.countryIso2 : before.countryIso2;
    if (countryIso2 !== before.countryIso2) values.countryIso2 = countryIso2;
    // Moving an event to another host or country needs the right to create it there too.
    if (values.hostClusterId !== undefined || values.countryIso2 !== undefined) {
      const hostSlug = host !== undefined ? (host?.slug ?? null) : before.hostClusterSlug;
      if (!canCreateEvent(actor, { clusterSlug: hostSlug, countryIso2 })) throw CommonErrors.forbidden();
    }
    const gathered = parsed.clusters ? await gatheredOf(tx, parsed.clusters) : undefined;
    const { hostCluster: _host, countryIso2: _country, clusters: _clusters, ...plain } = parsed;
    for (const [key, value] of Object.entries(plain)) {
      if (value === undefined) continue;
      const next = ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'].includes(key)
        ? dateOrNull(value as string | null)
        : value;
      if (!same(next, before[key as keyof EventRow])) (values as Record<string, unknown>)[key] = next;
    }
    const after = { ...before, ...values } as EventRow;
    checkTiming(after);
    if (values.startsAt || values.endsAt || values.timeZone) {
      const sessions = await selectSessions(tx, before.id);
      if (sessions.some((s) => !sessionWithinEventDays(s, after))) throw fieldError('EVENTS_SESSIONS_OUTSIDE_EVENT', 'startsAt', 409);
    }
    const beforeClusters = (await selectEventClusters(tx, before.id)).map((c) => c.slug);
    const clustersChanged = gathered !== undefined && !same([...beforeClusters].sort(), gathered.map((c) => c.slug).sort());
    const changed = [...Object.keys(values), ...(clustersChanged ? ['clusters'] : [])];
    if (changed.length === 0) return detailOf(tx, before);
    const row = Object.keys(values).length > 0 ? await updateEventRow(tx, before.id, values) : await updateEventRow(tx, before.id, {});
    if (clustersChanged)
      await replaceEventClusters(
        tx,
        before.id,
        gathered!.map((c) => c.id),
      );
    const told = before.status === 'published' && TOLD_FIELDS.some((f) => f in values);
    if (told) await tellRegistrants(tx, row, 'events.changed');
    // More seats (or none counted): the waiting list moves up at once, in order, each person told.
    const moreSeats =
      'capacity' in values && (values.capacity === null || (before.capacity !== null && values.capacity! > before.capacity));
    const promoted = moreSeats ? await fillSeatsAfterCapacityChange(tx, row.id) : 0;
    await recordAudit(tx, actor, {
      action: 'events.event.update',
      subjectType: 'event',
      subjectId: row.id,
      data: {
        slug: row.slug,
        fields: changed,
        before: Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof EventRow]])),
        registrantsTold: told,
        promotedFromWaitingList: promoted,
      },
    });
    return detailOf(tx, row);
  });
}

/** Puts a draft on the calendar. Idempotent; a cancelled event cannot be published again. */
export async function publishEvent(actor: Actor, slug: string): Promise<EventDetail> {
  return getDb().transaction(async (tx) => {
    const before = await managedEvent(tx, actor, slug);
    editableEvent(before);
    if (before.status === 'published') return detailOf(tx, before);
    const row = await updateEventRow(tx, before.id, { status: 'published', publishedAt: new Date() });
    await recordAudit(tx, actor, { action: 'events.event.publish', subjectType: 'event', subjectId: row.id, data: { slug: row.slug } });
    return detailOf(tx, row);
  });
}

/** Cancels the event and mails every standing registrant. Idempotent (nothing mailed twice). */
export async function cancelEvent(actor: Actor, slug: string, input: CancelEventInput = {}): Promise<EventDetail> {
  const parsed = parseInput(cancelEventInputSchema, input);
  return getDb().transaction(async (tx) => {
    const before = await managedEvent(tx, actor, slug);
    if (before.status === 'cancelled') return detailOf(tx, before);
    const row = await updateEventRow(tx, before.id, { status: 'cancelled', cancelledAt: new Date() });
    const told = await tellRegistrants(tx, row, 'events.cancelled', parsed.reason);
    await recordAudit(tx, actor, {
      action: 'events.event.cancel',
      subjectType: 'event',
      subjectId: row.id,
      data: { slug: row.slug, wasStatus: before.status, reason: parsed.reason ?? null, registrantsTold: told },
    });
    return detailOf(tx, row);
  });
}

/** `Thursday 29 October 2026, 20:00 – Friday 30 October 2026, 10:00 (Africa/Cairo)` in the reader's language. */
export function formatEventWhen(row: Pick<EventRow, 'startsAt' | 'endsAt' | 'timeZone'>, locale: Locale): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: row.timeZone });
  return `${format.formatRange(row.startsAt, row.endsAt)} (${row.timeZone})`;
}

function placeOf(row: EventRow, locale: Locale): string {
  const parts = [
    textIn(row.venueName, locale, row.sourceLocale),
    row.venueAddress ?? '',
    textIn(row.city, locale, row.sourceLocale),
  ].filter(Boolean);
  if (row.format !== 'in-person' && row.onlineUrl) parts.push(row.onlineUrl);
  return parts.join(', ') || '-';
}

export function eventUrl(locale: Locale, slug: string): string {
  return `${getConfig().publicUrl}/${locale}/events/${slug}`;
}

/** Queues one mail per standing registrant, in their language; returns how many. */
async function tellRegistrants(
  tx: Executor,
  row: EventRow,
  template: 'events.changed' | 'events.cancelled',
  reason?: string,
): Promise<number> {
  const registrants = await selectRegistrantsToTell(tx, row.id);
  for (const registrant of registrants) {
    const locale: Locale = isLocale(registrant.locale) ? registrant.locale : 'en';
    await queueMail(tx, {
      to: registrant.email,
      locale,
      template,
      values: {
        name: registrant.name,
        event: textIn(row.title, locale, row.sourceLocale),
        when: formatEventWhen(row, locale),
        place: placeOf(row, locale),
        reason: reason || '-',
      },
      action: { url: eventUrl(locale, row.slug) },
    });
  }
  return registrants.length;
}

async function withHosts(executor: Executor, rows: readonly ListedEvent[]): Promise<EventSummary[]> {
  const hosts = await findClustersByIds(executor, [...new Set(rows.flatMap((r) => (r.hostClusterId ? [r.hostClusterId] : [])))]);
  const byId = new Map(hosts.map((h) => [h.id, h]));
  return rows.map((r) => summaryOf(r, r.hostClusterId ? (byId.get(r.hostClusterId) ?? null) : null));
}

/** The public calendar: published (and cancelled, marked) events, filtered and paginated. */
export async function listEvents(_actor: Actor, input: ListEventsInput = {}, now: Date = new Date()): Promise<EventList> {
  const parsed = parseInput(listEventsInputSchema, input);
  const db = getDb();
  const { rows, total } = await selectEvents(db, {
    type: parsed.type,
    country: parsed.country,
    clusterSlug: parsed.cluster,
    from: dateOrNull(parsed.from) ?? undefined,
    to: dateOrNull(parsed.to) ?? undefined,
    when: parsed.when,
    now,
    statuses: ['published', 'cancelled'],
    limit: parsed.pageSize,
    offset: (parsed.page - 1) * parsed.pageSize,
  });
  return { items: await withHosts(db, rows), total, page: parsed.page, pageSize: parsed.pageSize };
}

/** The drafts `actor` manages (the calendar shows them to their managers only), soonest first. */
export async function listManagedDrafts(actor: Actor): Promise<EventSummary[]> {
  if (actor.kind !== 'user') return [];
  const db = getDb();
  const drafts = (await selectDraftEvents(db, 500)).filter((row) => canManageEvent(actor, row));
  return withHosts(db, drafts);
}

/** One event with its agenda and seats taken; a draft only for those who manage it. */
export async function getEvent(actor: Actor, slug: string): Promise<EventDetail & { canManage: boolean }> {
  const db = getDb();
  const row = await readableEvent(db, actor, slug);
  return { ...(await detailOf(db, row)), canManage: canManageEvent(actor, row) };
}

/** For pages: the event row as the policy sees it (tab bars), or EVENTS_NOT_FOUND. */
export async function loadReadableEvent(actor: Actor, slug: string): Promise<LoadedEvent> {
  return readableEvent(getDb(), actor, slug);
}

function sessionValues(parsed: { startsAt?: string; endsAt?: string }, event: LoadedEvent, current?: { startsAt: Date; endsAt: Date }) {
  const startsAt = parsed.startsAt ? new Date(parsed.startsAt) : current!.startsAt;
  const endsAt = parsed.endsAt ? new Date(parsed.endsAt) : current!.endsAt;
  if (endsAt.getTime() <= startsAt.getTime()) throw fieldError('EVENTS_ENDS_BEFORE_START', 'endsAt');
  if (!sessionWithinEventDays({ startsAt, endsAt }, event)) throw fieldError('EVENTS_SESSION_OUTSIDE_EVENT', 'startsAt');
  return { startsAt, endsAt };
}

/** Adds a session to the agenda, on one of the event's days at the venue (EVENTS_SESSION_OUTSIDE_EVENT otherwise). */
export async function addSession(actor: Actor, slug: string, input: SessionInput): Promise<EventSession> {
  requireSignedIn(actor);
  const parsed = parseInput(sessionInputSchema, input);
  return getDb().transaction(async (tx) => {
    const event = await managedEvent(tx, actor, slug);
    editableEvent(event);
    const times = sessionValues(parsed, event);
    const row = await insertSessionRow(tx, {
      eventId: event.id,
      ...times,
      title: parsed.title,
      description: parsed.description,
      room: parsed.room,
      languages: [...new Set(parsed.languages)],
      interpretation: [...new Set(parsed.interpretation)],
    });
    await replaceSpeakers(tx, row.id, parsed.speakers);
    await recordAudit(tx, actor, {
      action: 'events.session.create',
      subjectType: 'event_session',
      subjectId: row.id,
      data: { event: event.slug, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), speakers: parsed.speakers.length },
    });
    return (await sessionsOf(tx, event.id)).find((s) => s.id === row.id)!;
  });
}

async function existingSession(tx: Executor, event: LoadedEvent, sessionId: string) {
  const session = /^[0-9a-f-]{36}$/i.test(sessionId) ? await findSession(tx, event.id, sessionId) : undefined;
  if (!session) throw new AppError('EVENTS_SESSION_NOT_FOUND', 404, { session: sessionId });
  return session;
}

/** Changes the given fields of a session; `speakers` replaces its speakers. */
export async function updateSession(actor: Actor, slug: string, sessionId: string, input: UpdateSessionInput): Promise<EventSession> {
  requireSignedIn(actor);
  const parsed = parseInput(updateSessionInputSchema, input);
  return getDb().transaction(async (tx) => {
    const event = await managedEvent(tx, actor, slug);
    editableEvent(event);
    const before = await existingSession(tx, event, sessionId);
    const times = sessionValues(parsed, event, before);
    const { speakers, startsAt: _s, endsAt: _e, ...rest } = parsed;
    const values = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    await updateSessionRow(tx, before.id, { ...values, ...times });
    if (speakers) await replaceSpeakers(tx, before.id, speakers);
    await recordAudit(tx, actor, {
      action: 'events.session.update',
      subjectType: 'event_session',
      subjectId: before.id,
      data: { event: event.slug, fields: Object.keys(parsed).filter((k) => parsed[k as keyof typeof parsed] !== undefined) },
    });
    return (await sessionsOf(tx, event.id)).find((s) => s.id === before.id)!;
  });
}

export async function removeSession(actor: Actor, slug: string, sessionId: string): Promise<void> {
  requireSignedIn(actor);
  await getDb().transaction(async (tx) => {
    const event = await managedEvent(tx, actor, slug);
    editableEvent(event);
    const before = await existingSession(tx, event, sessionId);
    await deleteSessionRow(tx, before.id);
    await recordAudit(tx, actor, {
      action: 'events.session.delete',
      subjectType: 'event_session',
      subjectId: before.id,
      data: { event: event.slug, title: before.title, startsAt: before.startsAt.toISOString() },
    });
  });
}

/** SEQUENCE for calendars: grows with every saved change (seconds since 2024), so apps replace their copy. */
function sequenceOf(row: Pick<EventRow, 'updatedAt'>): number {
  return Math.max(0, Math.floor((row.updatedAt.getTime() - Date.UTC(2024, 0, 1)) / 1000));
}

/** An event as a calendar entry in `locale`, its sessions as separate entries when asked. */
export function calendarEventOf(row: EventRow, locale: Locale, sessions?: EventSession[]): CalendarEvent {
  const url = eventUrl(locale, row.slug);
  const description = [textIn(row.description, locale, row.sourceLocale), url].filter(Boolean).join('\n\n');
  return {
    uid: `event-${row.id}@mosaic`,
    title: textIn(row.title, locale, row.sourceLocale),
    description,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    location: placeOf(row, locale),
    url,
    cancelled: row.status === 'cancelled',
    sequence: sequenceOf(row),
    sessions: sessions?.map((s) => ({
      uid: `session-${s.id}@mosaic`,
      title: textIn(s.title, locale, row.sourceLocale),
      description:
        [textIn(s.description, locale, row.sourceLocale), s.speakers.map((p) => p.name).join(', ')].filter(Boolean).join('\n\n') ||
        undefined,
      startsAt: new Date(s.startsAt),
      endsAt: new Date(s.endsAt),
      location: s.room ? `${s.room}, ${placeOf(row, locale)}` : undefined,
    })),
  };
}

/** The iCalendar file of one event (its sessions as separate entries), as `actor` may see it. */
export async function eventCalendarFile(actor: Actor, slug: string, locale: Locale): Promise<{ slug: string; ics: string }> {
  const db = getDb();
  const row = await readableEvent(db, actor, slug);
  const sessions = await sessionsOf(db, row.id);
  const entry = calendarEventOf(row, locale, sessions);
  return { slug: row.slug, ics: buildEventCalendar({ name: entry.title, events: [entry] }) };
}

/** The public feed: published and cancelled public events from 90 days ago on (at most 500). */
export async function publicCalendarFeed(locale: Locale, name: string, now: Date = new Date()): Promise<string> {
  const { rows } = await selectEvents(getDb(), {
    from: new Date(now.getTime() - 90 * 86_400_000),
    when: 'all',
    now,
    statuses: ['published', 'cancelled'],
    limit: 500,
    offset: 0,
  });
  return buildEventCalendar({ name, events: rows.filter((r) => r.visibility === 'public').map((r) => calendarEventOf(r, locale)) });
}

export interface EventFormChoices {
  /** Clusters the actor may host an event for. */
  hosts: { slug: string; name: Record<string, string>; countryIso2: string }[];
  /** Countries where the actor may hold a programme-hosted event ('any' region-wide, online included). */
  programmeCountries: 'any' | string[];
  /** Every cluster, to gather. */
  clusters: { slug: string; name: Record<string, string>; countryIso2: string }[];
  countries: { iso2: string; name: Record<string, string> }[];
  /** Whether the actor may create an event at all (some host or country). */
  canCreate: boolean;
}

/** What the event form offers `actor` (null for the signed out). */
export async function eventFormChoices(actor: Actor): Promise<EventFormChoices | null> {
  if (actor.kind !== 'user') return null;
  const [clusters, countries] = await Promise.all([selectAllClusters(getDb()), listCountries()]);
  const hosts = clusters.filter((c) => canCreateEvent(actor, { clusterSlug: c.slug, countryIso2: c.countryIso2 })).map(clusterOut);
  const programmeCountries = canCreateEvent(actor, { clusterSlug: null, countryIso2: null })
    ? ('any' as const)
    : countries.filter((c) => canCreateEvent(actor, { clusterSlug: null, countryIso2: c.iso2 })).map((c) => c.iso2);
  return {
    canCreate: hosts.length > 0 || programmeCountries === 'any' || programmeCountries.length > 0,
    hosts,
    programmeCountries,
    clusters: clusters.map(clusterOut),
    countries: countries.map((c) => ({ iso2: c.iso2, name: c.name as Record<string, string> })),
  };
}

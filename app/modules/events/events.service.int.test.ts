/**
 * The events core on a real database: drafts unseen by the public, publishing, editing with the
 * registrants told of a change of time or place, cancelling with every standing registrant mailed
 * through the job queue, the agenda held to the event's days, refusals that write nothing, the
 * calendar's filters and the event's iCalendar file.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedRoles } from '#app/modules/identity/index.ts';
import { anonymous, type UserActor } from '#app/shared/auth/actor.ts';
import { auditLog, event, eventRegistration, eventSession, job } from '#app/shared/db/schema.ts';
import { insertCluster } from '#tests/factories/directory.ts';
import { insertUserWithRole, outcomeCode } from '#tests/factories/users.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { insertRegistration } from './event.fixture.ts';
import type { CreateEventInput } from './events.contracts.ts';
import {
  addSession,
  cancelEvent,
  createEvent,
  eventCalendarFile,
  getEvent,
  listEvents,
  listManagedDrafts,
  publishEvent,
  removeSession,
  updateEvent,
  updateSession,
} from './events.service.server.ts';

describe('events service', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  let staff: UserActor;
  let hostManager: UserActor;
  let otherManager: UserActor;
  let member: UserActor;
  const clusters: Record<'tn' | 'eg' | 'jo', { id: string; slug: string }> = {} as never;

  beforeAll(async () => {
    await seedRoles(db());
    clusters.tn = await insertCluster(db(), { countryIso2: 'TN' });
    clusters.eg = await insertCluster(db(), { countryIso2: 'EG' });
    clusters.jo = await insertCluster(db(), { countryIso2: 'JO' });
    const other = await insertCluster(db(), { countryIso2: 'TN' });
    staff = await insertUserWithRole(db(), 'Programme Staff', { key: 'programme_staff', scopeType: 'global', scopeId: null });
    hostManager = await insertUserWithRole(db(), 'Host Manager', {
      key: 'cluster_manager',
      scopeType: 'cluster',
      scopeId: clusters.tn.slug,
    });
    otherManager = await insertUserWithRole(db(), 'Other Manager', { key: 'cluster_manager', scopeType: 'cluster', scopeId: other.slug });
    member = await insertUserWithRole(db(), 'Member', { key: 'member', scopeType: 'global', scopeId: null });
  });

  const workshop = (overrides: Partial<CreateEventInput> = {}): CreateEventInput => ({
    type: 'thematic-workshop',
    hostCluster: clusters.tn.slug,
    clusters: [clusters.tn.slug, clusters.eg.slug, clusters.jo.slug],
    title: { fr: 'Atelier thématique : céramique' },
    description: { fr: 'Trois pays, une filière.' },
    sourceLocale: 'fr',
    city: { fr: 'Nabeul' },
    timeZone: 'Africa/Tunis',
    startsAt: '2027-03-10T08:00:00Z',
    endsAt: '2027-03-11T16:00:00Z',
    ...overrides,
  });

  const eventCount = async () => (await db().select({ n: count() }).from(event))[0]!.n;
  const auditCount = async () => (await db().select({ n: count() }).from(auditLog).where(eq(auditLog.subjectType, 'event')))[0]!.n;
  const mailsTo = async (addresses: string[]) =>
    (await db().select({ payload: job.payload }).from(job).where(eq(job.kind, 'mail.send')))
      .map((j) => j.payload as { to: string; template: string; values: Record<string, string> })
      .filter((p) => addresses.includes(p.to));

  it('creates a draft with a frozen slug from the French title and the venue day, unseen by the public', async () => {
    const created = await createEvent(staff, workshop());
    expect(created).toMatchObject({
      status: 'draft',
      type: 'thematic-workshop',
      countryIso2: 'TN',
      hostCluster: { slug: clusters.tn.slug },
    });
    expect(created.slug).toBe('atelier-thematique-ceramique-2027-03-10');
    expect(created.clusters.map((c) => c.countryIso2).sort()).toEqual(['EG', 'JO', 'TN']);
    expect(await outcomeCode(getEvent(anonymous, created.slug))).toBe('EVENTS_NOT_FOUND');
    expect(await outcomeCode(getEvent(member, created.slug))).toBe('EVENTS_NOT_FOUND');
    expect((await getEvent(hostManager, created.slug)).canManage).toBe(true);
    expect((await listEvents(anonymous, { when: 'all', pageSize: 100 })).items.map((e) => e.slug)).not.toContain(created.slug);
    expect((await listManagedDrafts(hostManager)).map((e) => e.slug)).toContain(created.slug);
    expect((await listManagedDrafts(otherManager)).map((e) => e.slug)).not.toContain(created.slug);

    const again = await createEvent(staff, workshop());
    expect(again.slug).toBe('atelier-thematique-ceramique-2027-03-10-2');
    const edited = await updateEvent(staff, created.slug, { title: { fr: 'Un autre titre' } });
    expect(edited.slug).toBe(created.slug);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, created.id), eq(auditLog.action, 'events.event.create')));
    expect(audit?.actorId).toBe(staff.userId);
  });

  it('refuses a manager of another cluster every write, writing nothing', async () => {
    const target = await createEvent(hostManager, workshop({ title: { en: 'Refusals' } }));
    await publishEvent(hostManager, target.slug);
    const [events, audits, rowBefore] = [await eventCount(), await auditCount(), await getEvent(staff, target.slug)];
    expect(await outcomeCode(createEvent(otherManager, workshop()))).toBe('COMMON_FORBIDDEN');
    expect(await outcomeCode(updateEvent(otherManager, target.slug, { capacity: 3 }))).toBe('COMMON_FORBIDDEN');
    expect(await outcomeCode(publishEvent(otherManager, target.slug))).toBe('COMMON_FORBIDDEN');
    expect(await outcomeCode(cancelEvent(otherManager, target.slug))).toBe('COMMON_FORBIDDEN');
    expect(
      await outcomeCode(
        addSession(otherManager, target.slug, { title: { en: 'x' }, startsAt: '2027-03-10T09:00:00Z', endsAt: '2027-03-10T10:00:00Z' }),
      ),
    ).toBe('COMMON_FORBIDDEN');
    expect(await outcomeCode(createEvent(anonymous, workshop()))).toBe('COMMON_UNAUTHENTICATED');
    // Moving an event to a cluster one does not manage is refused too.
    expect(await outcomeCode(updateEvent(hostManager, target.slug, { hostCluster: clusters.eg.slug }))).toBe('COMMON_FORBIDDEN');
    expect(await eventCount()).toBe(events);
    expect(await auditCount()).toBe(audits);
    expect(await getEvent(staff, target.slug)).toEqual(rowBefore);
  });

  it('publishes: the event is on the calendar and readable by anyone', async () => {
    const created = await createEvent(
      hostManager,
      workshop({ title: { en: 'Published one' }, startsAt: '2027-04-01T08:00:00Z', endsAt: '2027-04-01T16:00:00Z' }),
    );
    const published = await publishEvent(hostManager, created.slug);
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    expect((await getEvent(anonymous, created.slug)).canManage).toBe(false);
    const listed = await listEvents(anonymous, { when: 'upcoming', pageSize: 100 }, new Date('2027-01-01T00:00:00Z'));
    expect(listed.items.map((e) => e.slug)).toContain(created.slug);
  });

  it('tells standing registrants of a change of time of a published event, not of a change of description', async () => {
    const created = await createEvent(staff, workshop({ title: { en: 'Moved' } }));
    await publishEvent(staff, created.slug);
    const confirmed = await insertRegistration(db(), created.id, { status: 'confirmed', locale: 'ar' });
    const waiting = await insertRegistration(db(), created.id, { status: 'waiting', locale: 'fr' });
    const cancelled = await insertRegistration(db(), created.id, { status: 'cancelled' });
    const addresses = [confirmed.email, waiting.email, cancelled.email];

    await updateEvent(staff, created.slug, { description: { en: 'More words' } });
    expect(await mailsTo(addresses)).toEqual([]);

    await updateEvent(staff, created.slug, { startsAt: '2027-03-10T09:00:00Z' });
    const mails = await mailsTo(addresses);
    expect(mails.map((m) => [m.to, m.template]).sort()).toEqual(
      [
        [confirmed.email, 'events.changed'],
        [waiting.email, 'events.changed'],
      ].sort(),
    );
    // The new time, at the venue, in the reader's language.
    expect(mails.find((m) => m.to === waiting.email)?.values.when).toMatch(/10:00.*Africa\/Tunis/);
  });

  it('gives new seats to the waiting list in order, each person told, when the event gets more seats', async () => {
    const created = await createEvent(staff, workshop({ title: { en: 'Bigger room' }, capacity: 1 }));
    await publishEvent(staff, created.slug);
    const seated = await insertRegistration(db(), created.id, { status: 'confirmed' });
    const first = await insertRegistration(db(), created.id, { status: 'waiting', confirmedAt: null });
    const second = await insertRegistration(db(), created.id, { status: 'waiting', confirmedAt: null });
    const third = await insertRegistration(db(), created.id, { status: 'waiting', confirmedAt: null });
    const statuses = async () =>
      Object.fromEntries(
        (
          await db()
            .select({ id: eventRegistration.id, status: eventRegistration.status })
            .from(eventRegistration)
            .where(eq(eventRegistration.eventId, created.id))
        ).map((r) => [r.id, r.status]),
      );

    // Fewer seats than taken never un-seats anyone, and promotes nobody.
    await updateEvent(staff, created.slug, { capacity: 0 });
    expect(await statuses()).toEqual({ [seated.id]: 'confirmed', [first.id]: 'waiting', [second.id]: 'waiting', [third.id]: 'waiting' });

    await updateEvent(staff, created.slug, { capacity: 3 });
    expect(await statuses()).toEqual({
      [seated.id]: 'confirmed',
      [first.id]: 'confirmed',
      [second.id]: 'confirmed',
      [third.id]: 'waiting',
    });
    const mails = await mailsTo([first.email, second.email, third.email]);
    expect(mails.map((m) => m.to).sort()).toEqual([first.email, second.email].sort());

    // No limit any more: the rest of the line is seated.
    await updateEvent(staff, created.slug, { capacity: null });
    expect((await statuses())[third.id]).toBe('confirmed');
  });

  it('cancels: every standing registrant is mailed once, and the event can no longer be edited', async () => {
    const created = await createEvent(staff, workshop({ title: { en: 'Called off' } }));
    await publishEvent(staff, created.slug);
    const regs = await Promise.all(
      (['confirmed', 'waiting', 'pending', 'declined'] as const).map((status) => insertRegistration(db(), created.id, { status })),
    );
    const addresses = regs.map((r) => r.email);
    const cancelled = await cancelEvent(staff, created.slug, { reason: 'Flooding' });
    expect(cancelled.status).toBe('cancelled');
    await cancelEvent(staff, created.slug);
    const mails = await mailsTo(addresses);
    expect(mails.map((m) => m.to).sort()).toEqual(addresses.slice(0, 3).sort());
    expect(new Set(mails.map((m) => m.template))).toEqual(new Set(['events.cancelled']));
    expect(mails[0]?.values.reason).toBe('Flooding');
    expect(await outcomeCode(updateEvent(staff, created.slug, { capacity: 10 }))).toBe('EVENTS_CANCELLED');
    expect(await outcomeCode(publishEvent(staff, created.slug))).toBe('EVENTS_CANCELLED');
    const cancellations = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, created.id), eq(auditLog.action, 'events.event.cancel')));
    expect(cancellations).toHaveLength(1);
    expect(cancellations[0]?.data).toMatchObject({ registrantsTold: 3, reason: 'Flooding' });
  });

  it('keeps the agenda on the event days at the venue, with speakers and languages', async () => {
    // Cairo, across the autumn change: 29 October 2027 is a Friday, clocks go back at midnight.
    const created = await createEvent(
      staff,
      workshop({ title: { en: 'Cairo days' }, timeZone: 'Africa/Cairo', startsAt: '2027-10-27T06:00:00Z', endsAt: '2027-10-28T15:00:00Z' }),
    );
    const first = await addSession(staff, created.slug, {
      title: { en: 'Opening', ar: 'الافتتاح' },
      startsAt: '2027-10-27T06:00:00Z',
      endsAt: '2027-10-27T07:00:00Z',
      room: 'Hall A',
      languages: ['ar', 'en'],
      interpretation: ['fr'],
      speakers: [{ name: 'Salma Haddad', affiliation: { en: 'Nabeul ceramics' } }, { name: 'Karim Nour' }],
    });
    expect(first.speakers.map((s) => s.name)).toEqual(['Salma Haddad', 'Karim Nour']);
    expect(first).toMatchObject({ room: 'Hall A', languages: ['ar', 'en'], interpretation: ['fr'] });
    // 22:30 UTC on the 28th is 01:30 on the 29th in Cairo: not a day of the event.
    const sessionsBefore = await db().select({ n: count() }).from(eventSession).where(eq(eventSession.id, first.id));
    expect(
      await outcomeCode(
        addSession(staff, created.slug, { title: { en: 'Late' }, startsAt: '2027-10-28T22:30:00Z', endsAt: '2027-10-28T23:00:00Z' }),
      ),
    ).toBe('EVENTS_SESSION_OUTSIDE_EVENT');
    expect(
      await outcomeCode(
        addSession(staff, created.slug, { title: { en: 'Back' }, startsAt: '2027-10-27T08:00:00Z', endsAt: '2027-10-27T07:00:00Z' }),
      ),
    ).toBe('EVENTS_ENDS_BEFORE_START');
    expect((await getEvent(staff, created.slug)).sessions).toHaveLength(1);
    expect(sessionsBefore[0]?.n).toBe(1);

    const moved = await updateSession(staff, created.slug, first.id, {
      startsAt: '2027-10-28T06:00:00Z',
      endsAt: '2027-10-28T08:00:00Z',
      speakers: [],
    });
    expect(moved).toMatchObject({ startsAt: '2027-10-28T06:00:00.000Z', speakers: [], room: 'Hall A' });
    expect(await outcomeCode(updateEvent(staff, created.slug, { endsAt: '2027-10-27T15:00:00Z' }))).toBe('EVENTS_SESSIONS_OUTSIDE_EVENT');
    expect(await outcomeCode(updateSession(staff, created.slug, '00000000-0000-0000-0000-000000000000', { room: 'B' }))).toBe(
      'EVENTS_SESSION_NOT_FOUND',
    );
    await removeSession(staff, created.slug, first.id);
    expect((await getEvent(staff, created.slug)).sessions).toEqual([]);
    const actions = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, first.id), inArray(auditLog.subjectType, ['event_session'])));
    expect(actions.map((a) => a.action).sort()).toEqual(['events.session.create', 'events.session.delete', 'events.session.update']);
  });

  it('refuses an end before the start and unknown clusters, writing nothing', async () => {
    const events = await eventCount();
    expect(await outcomeCode(createEvent(staff, workshop({ endsAt: '2027-03-10T07:00:00Z' })))).toBe('EVENTS_ENDS_BEFORE_START');
    expect(await outcomeCode(createEvent(staff, workshop({ clusters: ['no-such-cluster'] })))).toBe('EVENTS_CLUSTER_NOT_FOUND');
    expect(await outcomeCode(createEvent(staff, workshop({ title: {} })))).toBe('COMMON_VALIDATION_FAILED');
    expect(await eventCount()).toBe(events);
  });

  it('filters the calendar by type, country, cluster and upcoming or past', async () => {
    const now = new Date('2027-06-01T00:00:00Z');
    const make = async (title: string, overrides: Partial<CreateEventInput>) => {
      const created = await createEvent(staff, workshop({ title: { en: title }, ...overrides }));
      await publishEvent(staff, created.slug);
      return created.slug;
    };
    const past = await make('Filter past', { startsAt: '2027-05-01T08:00:00Z', endsAt: '2027-05-01T16:00:00Z' });
    const webinar = await make('Filter webinar', {
      type: 'webinar',
      format: 'online',
      hostCluster: null,
      countryIso2: 'JO',
      clusters: [clusters.jo.slug],
      timeZone: 'Asia/Amman',
      startsAt: '2027-07-01T08:00:00Z',
      endsAt: '2027-07-01T10:00:00Z',
    });
    const soon = await make('Filter soon', {
      clusters: [clusters.eg.slug],
      startsAt: '2027-06-10T08:00:00Z',
      endsAt: '2027-06-10T16:00:00Z',
    });
    const slugs = async (input: Parameters<typeof listEvents>[1]) =>
      (await listEvents(anonymous, { pageSize: 100, ...input }, now)).items.map((e) => e.slug);

    const upcoming = await slugs({});
    expect(upcoming).toContain(webinar);
    expect(upcoming.indexOf(soon)).toBeLessThan(upcoming.indexOf(webinar));
    expect(upcoming).not.toContain(past);
    expect(await slugs({ when: 'past' })).toContain(past);
    expect(await slugs({ type: 'webinar' })).toEqual([webinar]);
    expect(await slugs({ country: 'JO' })).toEqual([webinar]);
    // The Jordanian cluster is gathered by the webinar; the Tunisian one hosts "soon".
    expect(await slugs({ cluster: clusters.jo.slug })).toEqual([webinar]);
    expect(await slugs({ cluster: clusters.tn.slug })).toContain(soon);
    expect(await slugs({ cluster: clusters.tn.slug })).not.toContain(webinar);
    const paged = await listEvents(anonymous, { pageSize: 1, page: 2 }, now);
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBe(upcoming.length);
  });

  it('writes the event and its sessions to an iCalendar file a parser reads, with Amman times', async () => {
    const created = await createEvent(
      staff,
      workshop({ title: { en: 'Amman fair' }, timeZone: 'Asia/Amman', startsAt: '2027-02-10T06:00:00Z', endsAt: '2027-02-10T14:00:00Z' }),
    );
    await addSession(staff, created.slug, { title: { en: 'Morning' }, startsAt: '2027-02-10T06:30:00Z', endsAt: '2027-02-10T08:00:00Z' });
    expect(await outcomeCode(eventCalendarFile(anonymous, created.slug, 'en'))).toBe('EVENTS_NOT_FOUND');
    await publishEvent(staff, created.slug);
    const { ics } = await eventCalendarFile(anonymous, created.slug, 'en');
    const root = new ICAL.Component(ICAL.parse(ics));
    ICAL.TimezoneService.reset();
    for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const [main, session] = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) as [ICAL.Event, ICAL.Event];
    expect(main.summary).toBe('Amman fair');
    expect(main.startDate.hour).toBe(9);
    expect(main.startDate.toJSDate().toISOString()).toBe('2027-02-10T06:00:00.000Z');
    expect(session.summary).toBe('Morning');
    expect(session.startDate.toJSDate().toISOString()).toBe('2027-02-10T06:30:00.000Z');
  });
});

/** Check-in on a real database: idempotent records, offline batches, refusals, undo, lists and who may do it. */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '#app/modules/directory/index.ts';
import { actorForUser, assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { anonymous, system, type UserActor } from '#app/shared/auth/actor.ts';
import { auditLog, eventCheckIn, eventRegistration, user } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { insertEvent, insertRegistration } from '../event.fixture.ts';
import { checkInQrPayload } from './check-in-code.ts';
import { checkIn, listAttendees, listCheckIns, syncCheckIns, undoCheckIn } from './checkin.service.server.ts';

describe('check-in service', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  let staff: UserActor;
  let member: UserActor;

  async function personWith(name: string, role: string, scopeType: 'global' | 'event' | 'country', scopeId: string | null = null) {
    const id = randomUUID();
    await db()
      .insert(user)
      .values({ id, name, email: `${id.slice(0, 8)}@example.org`, emailVerified: true, twoFactorEnabled: true });
    await assignRole(system, { userId: id, role, scopeType, scopeId });
    return actorForUser(id, 'session');
  }

  async function codeOf(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => 'resolved',
      (error: unknown) => (isAppError(error) ? error.code : error),
    );
  }

  const checkInsOf = (registrationId: string) => db().select().from(eventCheckIn).where(eq(eventCheckIn.registrationId, registrationId));
  const registrationOf = async (id: string) => (await db().select().from(eventRegistration).where(eq(eventRegistration.id, id)))[0]!;

  beforeAll(async () => {
    await seedRoles(db());
    await seedReferenceData(db());
    staff = await personWith('Door Staff', 'programme_staff', 'country', 'TN');
    member = await personWith('Plain Member', 'member', 'global');
  });

  it('records the same check-in twice as one attendance, by code or by the QR code URL', async () => {
    const event = await insertEvent(db());
    const registration = await insertRegistration(db(), event.id, { name: 'ليلى بن علي' });
    const id = randomUUID();
    const first = await checkIn(staff, event.slug, { id, code: registration.checkInCode });
    expect(first).toMatchObject({ id, status: 'recorded', registrationId: registration.id, name: 'ليلى بن علي', reason: null });
    // The same id again, then another device scanning the QR code's URL: nothing more is recorded.
    expect(await checkIn(staff, event.slug, { id, code: registration.checkInCode })).toMatchObject({ status: 'duplicate' });
    const url = checkInQrPayload('https://mosaic.example.org', 'ar', event.slug, registration.checkInCode);
    expect(await checkIn(staff, event.slug, { id: randomUUID(), code: url })).toMatchObject({
      status: 'duplicate',
      checkedInAt: first.checkedInAt,
    });
    const rows = await checkInsOf(registration.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id, source: 'online', checkedInByUserId: staff.userId, undoneAt: null });
    expect((await registrationOf(registration.id)).checkedInAt?.toISOString()).toBe(first.checkedInAt);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, registration.id), eq(auditLog.action, 'events.checkin.record')));
    expect(audits).toHaveLength(1);
  });

  it('syncs an offline batch with duplicates, an unknown code and a waiting registration, item by item', async () => {
    const event = await insertEvent(db());
    const amal = await insertRegistration(db(), event.id, { name: 'Amal' });
    const karim = await insertRegistration(db(), event.id, { name: 'Karim' });
    const waiting = await insertRegistration(db(), event.id, { name: 'Waiting', status: 'waiting', confirmedAt: null });
    await insertRegistration(db(), event.id, { name: 'Not yet here' });
    const [a1, a2, k1, unknown, w1] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const at = '2026-11-23T08:15:00.000Z';
    const items = [
      { id: a1, code: amal.checkInCode, checkedInAt: at },
      { id: a2, registrationId: amal.id, checkedInAt: '2026-11-23T08:16:00.000Z' },
      { id: k1, registrationId: karim.id, checkedInAt: at },
      { id: k1, registrationId: karim.id, checkedInAt: at },
      { id: unknown, code: 'NoSuchCode123', checkedInAt: at },
      { id: w1, code: waiting.checkInCode, checkedInAt: at },
    ];
    const result = await syncCheckIns(staff, event.slug, { items });
    expect(result.results.map((r) => [r.id, r.status, r.reason])).toEqual([
      [a1, 'recorded', null],
      [a2, 'duplicate', null],
      [k1, 'recorded', null],
      [k1, 'duplicate', null],
      [unknown, 'refused', 'EVENTS_CHECKIN_CODE_UNKNOWN'],
      [w1, 'refused', 'EVENTS_CHECKIN_NOT_CONFIRMED'],
    ]);
    expect(result).toMatchObject({ checkedIn: 2, expected: 3 });
    // The device's time is kept; the queue's source is recorded.
    expect(await checkInsOf(amal.id)).toEqual([expect.objectContaining({ id: a1, source: 'offline', checkedInAt: new Date(at) })]);
    expect(await checkInsOf(waiting.id)).toEqual([]);
    // The page sends its whole queue again (it went offline before reading the answer): still one each.
    const again = await syncCheckIns(staff, event.slug, { items });
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'refused', 'refused']);
    expect(await db().select().from(eventCheckIn).where(eq(eventCheckIn.eventId, event.id))).toHaveLength(2);
  });

  it('serialises simultaneous check-ins of one person from several devices into one attendance', async () => {
    const event = await insertEvent(db());
    const registration = await insertRegistration(db(), event.id);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => checkIn(staff, event.slug, { id: randomUUID(), code: registration.checkInCode })),
    );
    expect(outcomes.filter((o) => o.status === 'recorded')).toHaveLength(1);
    expect(await checkInsOf(registration.id)).toHaveLength(1);
  });

  it('refuses with a clear code: waiting, cancelled, another event, a cancelled event, a reused id', async () => {
    const event = await insertEvent(db());
    const other = await insertEvent(db());
    const waiting = await insertRegistration(db(), event.id, { status: 'waiting', confirmedAt: null });
    const cancelled = await insertRegistration(db(), event.id, { status: 'cancelled' });
    const elsewhere = await insertRegistration(db(), other.id);
    const here = await insertRegistration(db(), event.id);
    expect(await codeOf(checkIn(staff, event.slug, { id: randomUUID(), code: waiting.checkInCode }))).toBe('EVENTS_CHECKIN_NOT_CONFIRMED');
    expect(await codeOf(checkIn(staff, event.slug, { id: randomUUID(), registrationId: cancelled.id }))).toBe(
      'EVENTS_CHECKIN_NOT_CONFIRMED',
    );
    // Another event's registration is unknown here, and its QR code's URL is named as another event's.
    expect(await codeOf(checkIn(staff, event.slug, { id: randomUUID(), code: elsewhere.checkInCode }))).toBe('EVENTS_CHECKIN_CODE_UNKNOWN');
    const url = checkInQrPayload('https://x.org', 'en', other.slug, elsewhere.checkInCode);
    expect(await codeOf(checkIn(staff, event.slug, { id: randomUUID(), code: url }))).toBe('EVENTS_CHECKIN_OTHER_EVENT');
    expect(await codeOf(checkIn(staff, event.slug, { id: 'not-a-uuid', code: here.checkInCode }))).toBe('COMMON_VALIDATION_FAILED');
    const id = randomUUID();
    await checkIn(staff, other.slug, { id, code: elsewhere.checkInCode });
    expect(await codeOf(checkIn(staff, event.slug, { id, code: here.checkInCode }))).toBe('EVENTS_CHECKIN_ID_REUSED');
    const closed = await insertEvent(db(), { status: 'cancelled', cancelledAt: new Date() });
    const late = await insertRegistration(db(), closed.id);
    expect(await codeOf(checkIn(staff, closed.slug, { id: randomUUID(), code: late.checkInCode }))).toBe('EVENTS_CHECKIN_EVENT_NOT_OPEN');
    expect(await checkInsOf(here.id)).toEqual([]);
    expect(await checkInsOf(waiting.id)).toEqual([]);
  });

  it('refuses members with nothing granted, visitors, and staff of another country; an event-scoped grant is enough', async () => {
    const event = await insertEvent(db());
    const registration = await insertRegistration(db(), event.id);
    const egypt = await personWith('Egypt Staff', 'programme_staff', 'country', 'EG');
    const doorKeeper = await personWith('Event Staff', 'programme_staff', 'event', event.slug);
    const target = () => ({ id: randomUUID(), code: registration.checkInCode });
    expect(await codeOf(checkIn(member, event.slug, target()))).toBe('COMMON_FORBIDDEN');
    expect(await codeOf(checkIn(egypt, event.slug, target()))).toBe('COMMON_FORBIDDEN');
    expect(await codeOf(checkIn(anonymous, event.slug, target()))).toBe('COMMON_UNAUTHENTICATED');
    expect(await codeOf(syncCheckIns(member, event.slug, { items: [target()] }))).toBe('COMMON_FORBIDDEN');
    expect(await codeOf(listAttendees(member, event.slug))).toBe('COMMON_FORBIDDEN');
    expect(await codeOf(listCheckIns(member, event.slug))).toBe('COMMON_FORBIDDEN');
    expect(await codeOf(undoCheckIn(member, event.slug, randomUUID()))).toBe('COMMON_FORBIDDEN');
    expect(await checkInsOf(registration.id)).toEqual([]);
    expect(await codeOf(checkIn(staff, 'no-such-event', target()))).toBe('EVENTS_CHECKIN_EVENT_NOT_FOUND');
    expect(await checkIn(doorKeeper, event.slug, target())).toMatchObject({ status: 'recorded' });
  });

  it('undoes a check-in (audited); a stale resend of its id is not recorded again, a new check-in is', async () => {
    const event = await insertEvent(db());
    const registration = await insertRegistration(db(), event.id);
    const id = randomUUID();
    await checkIn(staff, event.slug, { id, code: registration.checkInCode });
    expect(await undoCheckIn(staff, event.slug, id)).toEqual({ checkedIn: 0, expected: 1 });
    expect((await registrationOf(registration.id)).checkedInAt).toBeNull();
    expect(await codeOf(undoCheckIn(staff, event.slug, id))).toBe('EVENTS_CHECKIN_NOT_FOUND');
    expect(await checkIn(staff, event.slug, { id, code: registration.checkInCode })).toMatchObject({
      status: 'duplicate',
      checkedInAt: null,
    });
    expect((await registrationOf(registration.id)).checkedInAt).toBeNull();
    const again = randomUUID();
    expect(await checkIn(staff, event.slug, { id: again, code: registration.checkInCode })).toMatchObject({ status: 'recorded' });
    expect((await checkInsOf(registration.id)).map((r) => [r.id, r.undoneAt === null])).toEqual(
      expect.arrayContaining([
        [id, false],
        [again, true],
      ]),
    );
    const undo = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, registration.id), eq(auditLog.action, 'events.checkin.undo')));
    expect(undo).toHaveLength(1);
  });

  it('lists attendees by name with search (name, organisation-free code), and check-ins latest first with counts', async () => {
    const event = await insertEvent(db());
    const zaid = await insertRegistration(db(), event.id, { name: 'Zaid Haddad' });
    const amira = await insertRegistration(db(), event.id, { name: 'أميرة السعيد' });
    await insertRegistration(db(), event.id, { name: 'Gone', status: 'cancelled' });
    await insertRegistration(db(), event.id, { name: 'Bassem (waiting)', status: 'waiting', confirmedAt: null });
    const all = await listAttendees(staff, event.slug);
    expect(all.items.map((a) => a.name)).toEqual(['Bassem (waiting)', 'Zaid Haddad', 'أميرة السعيد']);
    expect(all).toMatchObject({ total: 3, expected: 2, checkedIn: 0 });
    expect((await listAttendees(staff, event.slug, { q: 'hadd' })).items.map((a) => a.registrationId)).toEqual([zaid.id]);
    expect((await listAttendees(staff, event.slug, { q: 'أميرة' })).items.map((a) => a.registrationId)).toEqual([amira.id]);
    expect((await listAttendees(staff, event.slug, { q: amira.checkInCode })).items.map((a) => a.registrationId)).toEqual([amira.id]);
    expect((await listAttendees(staff, event.slug, { q: '100%' })).items).toEqual([]);
    await checkIn(staff, event.slug, { id: randomUUID(), registrationId: zaid.id });
    await checkIn(staff, event.slug, { id: randomUUID(), registrationId: amira.id });
    const checkIns = await listCheckIns(staff, event.slug);
    expect(checkIns.items.map((c) => [c.name, c.checkedInBy, c.source])).toEqual([
      ['أميرة السعيد', 'Door Staff', 'online'],
      ['Zaid Haddad', 'Door Staff', 'online'],
    ]);
    expect(checkIns).toMatchObject({ total: 2, checkedIn: 2, expected: 2 });
    expect((await listAttendees(staff, event.slug, { q: 'zaid' })).items[0]!.checkedInAt).not.toBeNull();
  });
});

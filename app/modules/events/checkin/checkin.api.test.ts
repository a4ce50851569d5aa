/** Check-in over the API: one check-in (201 then 200 duplicate), an offline batch, the lists, undo, refusals as problems, the OpenAPI paths. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '#app/modules/directory/index.ts';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { eventCheckIn, user } from '#app/shared/db/schema.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { insertEvent, insertRegistration } from '../event.fixture.ts';
import { attendeesPageSchema, checkInOutcomeSchema, checkInsPageSchema, syncCheckInsResultSchema } from './checkin.contracts.ts';

describe('check-in API', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let app: TestApp;
  let staffToken: string;
  let memberToken: string;

  beforeAll(async () => {
    await seedRoles(db());
    await seedReferenceData(db());
    app = createTestApp();
    const staff = await createPerson({ name: 'Door Staff' });
    await db().update(user).set({ twoFactorEnabled: true }).where(eq(user.id, staff.userId));
    await assignRole(system, { userId: staff.userId, role: 'programme_staff', scopeType: 'country', scopeId: 'TN' });
    staffToken = (await issueToken(staff)).token;
    memberToken = (await issueToken(await createPerson({ name: 'Member' }))).token;
  });

  const rowsOf = (eventId: string) => db().select().from(eventCheckIn).where(eq(eventCheckIn.eventId, eventId));

  it('checks in once (201), answers a resend 200 duplicate, and lists it', async () => {
    const event = await insertEvent(db());
    const registration = await insertRegistration(db(), event.id, { name: 'سلمى' });
    const body = { id: randomUUID(), code: registration.checkInCode, checkedInAt: '2026-11-23T08:00:00+01:00' };
    const first = await apiRequest(app, `/api/v1/events/${event.slug}/check-ins`, { method: 'POST', token: staffToken, json: body });
    expect(first.status).toBe(201);
    expect(checkInOutcomeSchema.parse(await first.json())).toMatchObject({ status: 'recorded', name: 'سلمى' });
    const again = await apiRequest(app, `/api/v1/events/${event.slug}/check-ins`, { method: 'POST', token: staffToken, json: body });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    const list = checkInsPageSchema.parse(
      await (await apiRequest(app, `/api/v1/events/${event.slug}/check-ins`, { token: staffToken })).json(),
    );
    expect(list.items.map((item) => [item.id, item.checkedInBy, item.checkedInAt])).toEqual([
      [body.id, 'Door Staff', '2026-11-23T07:00:00.000Z'],
    ]);
    const attendees = attendeesPageSchema.parse(
      await (await apiRequest(app, `/api/v1/events/${event.slug}/attendees`, { token: staffToken })).json(),
    );
    expect(attendees).toMatchObject({ total: 1, checkedIn: 1, expected: 1 });
    expect(attendees.items[0]).toMatchObject({ registrationId: registration.id, code: registration.checkInCode });
  });

  it('syncs a batch item by item, and undoes a check-in', async () => {
    const event = await insertEvent(db());
    const a = await insertRegistration(db(), event.id);
    const waiting = await insertRegistration(db(), event.id, { status: 'waiting', confirmedAt: null });
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const items = [
      { id: ids[0], registrationId: a.id, checkedInAt: '2026-11-23T08:00:00.000Z' },
      { id: ids[1], code: 'unknown-code-123', checkedInAt: '2026-11-23T08:01:00.000Z' },
      { id: ids[2], code: waiting.checkInCode, checkedInAt: '2026-11-23T08:02:00.000Z' },
    ];
    const sent = await apiRequest(app, `/api/v1/events/${event.slug}/check-ins/sync`, {
      method: 'POST',
      token: staffToken,
      json: { items },
    });
    expect(sent.status).toBe(200);
    const result = syncCheckInsResultSchema.parse(await sent.json());
    expect(result.results.map((r) => [r.status, r.reason])).toEqual([
      ['recorded', null],
      ['refused', 'EVENTS_CHECKIN_CODE_UNKNOWN'],
      ['refused', 'EVENTS_CHECKIN_NOT_CONFIRMED'],
    ]);
    expect((await rowsOf(event.id)).map((row) => row.source)).toEqual(['offline']);
    const undone = await apiRequest(app, `/api/v1/events/${event.slug}/check-ins/${ids[0]}`, { method: 'DELETE', token: staffToken });
    expect(undone.status).toBe(200);
    expect(await undone.json()).toEqual({ checkedIn: 0, expected: 1 });
    const twice = await apiRequest(app, `/api/v1/events/${event.slug}/check-ins/${ids[0]}`, { method: 'DELETE', token: staffToken });
    expect(twice.status).toBe(404);
    expect(await twice.json()).toMatchObject({ code: 'EVENTS_CHECKIN_NOT_FOUND' });
  });

  it('refuses with problems: 409 not confirmed, 404 unknown code, 400 bad body, 403 member, 401 anonymous; nothing written', async () => {
    const event = await insertEvent(db());
    const waiting = await insertRegistration(db(), event.id, { status: 'waiting', confirmedAt: null });
    const call = (json: unknown, token?: string) =>
      apiRequest(app, `/api/v1/events/${event.slug}/check-ins`, { method: 'POST', json, ...(token ? { token } : {}) });
    const notConfirmed = await call({ id: randomUUID(), code: waiting.checkInCode }, staffToken);
    expect(notConfirmed.status).toBe(409);
    expect(await notConfirmed.json()).toMatchObject({ code: 'EVENTS_CHECKIN_NOT_CONFIRMED' });
    const unknown = await call({ id: randomUUID(), code: 'nothing-like-it' }, staffToken);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'EVENTS_CHECKIN_CODE_UNKNOWN' });
    const bad = await call({ id: 'x', code: waiting.checkInCode, registrationId: waiting.id }, staffToken);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(expect.arrayContaining(['id']));
    expect((await call({ id: randomUUID(), code: waiting.checkInCode }, memberToken)).status).toBe(403);
    expect((await apiRequest(app, `/api/v1/events/${event.slug}/attendees`, { token: memberToken })).status).toBe(403);
    expect((await apiRequest(app, `/api/v1/events/${event.slug}/attendees`)).status).toBe(401);
    expect(await rowsOf(event.id)).toEqual([]);
  });

  it('documents its operations in OpenAPI', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/events/{slug}/check-ins'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(document.paths['/events/{slug}/check-ins/sync']).toHaveProperty('post');
    expect(document.paths['/events/{slug}/check-ins/{id}']).toHaveProperty('delete');
    expect(document.paths['/events/{slug}/attendees']).toHaveProperty('get');
  });
});

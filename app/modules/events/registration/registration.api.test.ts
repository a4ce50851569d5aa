/** Registration over the API: register, the staff list and a member's own, cancel with promotion, staff decisions, refusals as problems. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '#app/modules/directory/index.ts';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { eventRegistration, user } from '#app/shared/db/schema.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { insertEvent } from '../event.fixture.ts';
import { registrationListSchema, registrationSchema } from '../index.ts';

describe('events API: registrations', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let app: TestApp;
  let staffToken: string;
  const members: string[] = [];

  beforeAll(async () => {
    await seedRoles(db());
    await seedReferenceData(db());
    app = createTestApp();
    const staff = await createPerson({ name: 'Programme Staff' });
    await db().update(user).set({ twoFactorEnabled: true }).where(eq(user.id, staff.userId));
    await assignRole(system, { userId: staff.userId, role: 'programme_staff', scopeType: 'global', scopeId: null });
    staffToken = (await issueToken(staff)).token;
    for (const name of ['Amal', 'Badr', 'Chiraz']) {
      const member = await createPerson({ name, locale: 'ar' });
      await assignRole(system, { userId: member.userId, role: 'member', scopeType: 'global', scopeId: null });
      members.push((await issueToken(member)).token);
    }
  });

  it('registers, lists, cancels with promotion and refuses others, as documented', async () => {
    const found = await insertEvent(db(), { capacity: 1 });
    const base = `/api/v1/events/${found.slug}/registrations`;
    const first = await apiRequest(app, base, { method: 'POST', token: members[0], json: { consentListed: true, gender: 'woman' } });
    expect(first.status).toBe(201);
    const a = registrationSchema.parse(await first.json());
    expect(a).toMatchObject({ status: 'confirmed', consentListed: true, consentPhotographed: false, gender: 'woman', locale: 'ar' });
    const second = registrationSchema.parse(await (await apiRequest(app, base, { method: 'POST', token: members[1], json: {} })).json());
    expect(second).toMatchObject({ status: 'waiting', waitingPlace: 1 });

    const again = await apiRequest(app, base, { method: 'POST', token: members[0], json: {}, headers: { 'Accept-Language': 'fr' } });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'EVENTS_ALREADY_REGISTERED', title: expect.stringContaining('déjà inscrite') });

    const staffList = registrationListSchema.parse(await (await apiRequest(app, base, { token: staffToken })).json());
    expect(staffList.items.map((r) => r.id)).toEqual([a.id, second.id]);
    expect(staffList.counts).toMatchObject({ capacity: 1, confirmed: 1, waiting: 1 });
    const ownList = registrationListSchema.parse(await (await apiRequest(app, base, { token: members[1] })).json());
    expect(ownList).toMatchObject({ counts: null, items: [{ id: second.id }] });

    const stranger = await apiRequest(app, `${base}/${a.id}/cancel`, { method: 'POST', token: members[2] });
    expect(stranger.status).toBe(403);
    expect((await apiRequest(app, `${base}/${a.id}/approve`, { method: 'POST', token: members[1] })).status).toBe(403);
    const elsewhere = await insertEvent(db());
    expect(
      (await apiRequest(app, `/api/v1/events/${elsewhere.slug}/registrations/${a.id}/cancel`, { method: 'POST', token: members[0] }))
        .status,
    ).toBe(404);
    const [still] = await db().select().from(eventRegistration).where(eq(eventRegistration.id, a.id));
    expect(still?.status).toBe('confirmed');

    const cancelled = await apiRequest(app, `${base}/${a.id}/cancel`, { method: 'POST', token: members[0] });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled' });
    const promoted = registrationListSchema.parse(await (await apiRequest(app, base, { token: members[1] })).json());
    expect(promoted.items[0]).toMatchObject({ id: second.id, status: 'confirmed' });
    expect((await apiRequest(app, `${base}/${a.id}/cancel`, { method: 'POST', token: members[0] })).status).toBe(409);
  });

  it('lets staff approve and decline pending registrations', async () => {
    const found = await insertEvent(db(), { approvalRequired: true });
    const base = `/api/v1/events/${found.slug}/registrations`;
    const a = registrationSchema.parse(await (await apiRequest(app, base, { method: 'POST', token: members[0], json: {} })).json());
    const b = registrationSchema.parse(await (await apiRequest(app, base, { method: 'POST', token: members[1], json: {} })).json());
    expect([a.status, b.status]).toEqual(['pending', 'pending']);
    const approved = await apiRequest(app, `${base}/${a.id}/approve`, { method: 'POST', token: staffToken });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'confirmed' });
    const declined = await apiRequest(app, `${base}/${b.id}/decline`, { method: 'POST', token: staffToken });
    expect(await declined.json()).toMatchObject({ status: 'declined' });
    expect((await apiRequest(app, `${base}/${b.id}/decline`, { method: 'POST', token: staffToken })).status).toBe(409);
  });

  it('describes the operations in the OpenAPI document', async () => {
    const doc = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.paths['/events/{slug}/registrations']?.post?.operationId).toBe('registerForEvent');
    expect(doc.paths['/events/{slug}/registrations']?.get?.operationId).toBe('listEventRegistrations');
    for (const verb of ['cancel', 'approve', 'decline'])
      expect(doc.paths[`/events/{slug}/registrations/{id}/${verb}`]?.post?.operationId).toBe(`${verb}EventRegistration`);
  });
});

/** Event invitations over the API: add (preview, then for real, no duplicates), list, balance, send (dry run, once), remove; a member gets 403 with nothing written; the OpenAPI document. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { eventInvitation, user } from '#app/shared/db/schema.ts';
import { addMember, insertCluster, insertOrganisation, insertPerson } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { insertEvent } from '../event.fixture.ts';

describe('events API: invitations', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let app: TestApp;
  let staffToken: string;
  let memberToken: string;
  let path: string;

  beforeAll(async () => {
    await seedRoles(db());
    app = createTestApp();
    const staff = await createPerson({ name: 'Programme Staff' });
    await db().update(user).set({ twoFactorEnabled: true }).where(eq(user.id, staff.userId));
    await assignRole(system, { userId: staff.userId, role: 'programme_staff', scopeType: 'global', scopeId: null });
    staffToken = (await issueToken(staff)).token;
    const member = await createPerson({ name: 'Plain Member' });
    await assignRole(system, { userId: member.userId, role: 'member', scopeType: 'global', scopeId: null });
    memberToken = (await issueToken(member)).token;
    const cluster = await insertCluster(db(), { slug: 'nabeul-potters', countryIso2: 'TN' });
    const organisation = await insertOrganisation(db(), { countryIso2: 'TN', womenLed: true });
    await addMember(db(), cluster, organisation);
    await insertPerson(db(), { organisationId: organisation.id, fullName: 'Hela', email: 'hela@pottery.tn', gender: 'woman' });
    await insertPerson(db(), { organisationId: organisation.id, fullName: 'Sami', email: 'sami@pottery.tn', gender: 'man' });
    await insertPerson(db(), { organisationId: organisation.id, fullName: 'Ali', email: 'ali@pottery.tn', gender: 'man' });
    const created = await insertEvent(db(), { hostClusterId: cluster.id, womenTargetPercent: 40 });
    path = `/api/v1/events/${created.slug}/invitations`;
  });

  it('adds with a preview first, lists with the balance, sends once and removes; a member gets 403 and nothing is written', async () => {
    const body = { source: 'cluster', cluster: 'nabeul-potters', locale: 'ar' };
    expect((await apiRequest(app, path, { method: 'POST', json: body, token: memberToken })).status).toBe(403);
    expect((await apiRequest(app, path, { token: memberToken })).status).toBe(403);

    const preview = await apiRequest(app, path, { method: 'POST', json: { ...body, dryRun: true }, token: staffToken });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      dryRun: true,
      added: 3,
      balance: { total: 3, gender: { women: { count: 1, percent: 33 } }, targetPercent: 40, belowTarget: true, womenMissing: 1 },
    });
    expect(await db().select().from(eventInvitation)).toHaveLength(0);

    expect(await (await apiRequest(app, path, { method: 'POST', json: body, token: staffToken })).json()).toMatchObject({ added: 3 });
    expect(await (await apiRequest(app, path, { method: 'POST', json: body, token: staffToken })).json()).toMatchObject({
      added: 0,
      alreadyListed: 3,
    });
    const bad = await apiRequest(app, path, { method: 'POST', json: { source: 'nowhere' }, token: staffToken });
    expect(bad.status).toBe(400);

    const list = await apiRequest(app, path, { token: staffToken });
    expect(list.status).toBe(200);
    const listed = (await list.json()) as {
      entries: { id: string; email: string; locale: string; state: string }[];
      counts: unknown;
      sharePath: string;
    };
    expect(listed.entries.map((entry) => entry.email).sort()).toEqual(['ali@pottery.tn', 'hela@pottery.tn', 'sami@pottery.tn']);
    expect(listed.entries.every((entry) => entry.locale === 'ar' && entry.state === 'listed')).toBe(true);
    expect(listed.sharePath).toMatch(/\/register\?via=share$/);

    const balance = await apiRequest(app, `${path}/balance`, { token: staffToken });
    expect(await balance.json()).toMatchObject({ total: 3, womenLed: { count: 3 }, belowTarget: true });

    const ali = listed.entries.find((entry) => entry.email === 'ali@pottery.tn')!;
    expect((await apiRequest(app, `${path}/${ali.id}`, { method: 'DELETE', token: memberToken })).status).toBe(403);
    expect((await apiRequest(app, `${path}/${ali.id}`, { method: 'DELETE', token: staffToken })).status).toBe(204);
    expect(await (await apiRequest(app, `${path}/balance`, { token: staffToken })).json()).toMatchObject({ total: 2, belowTarget: false });

    expect((await apiRequest(app, `${path}/send`, { method: 'POST', json: {}, token: memberToken })).status).toBe(403);
    const dry = await apiRequest(app, `${path}/send`, { method: 'POST', json: { dryRun: true }, token: staffToken });
    expect(await dry.json()).toMatchObject({ dryRun: true, recipients: 2, byLocale: { ar: 2 } });
    expect((await db().select().from(eventInvitation)).every((row) => row.sentAt === null)).toBe(true);
    expect(await (await apiRequest(app, `${path}/send`, { method: 'POST', json: {}, token: staffToken })).json()).toMatchObject({
      recipients: 2,
    });
    expect(await (await apiRequest(app, `${path}/send`, { method: 'POST', json: {}, token: staffToken })).json()).toMatchObject({
      recipients: 0,
    });
    expect((await apiRequest(app, '/api/v1/events/no-such-event/invitations', { token: staffToken })).status).toBe(404);
  });

  it('describes the operations in the OpenAPI document', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/events/{slug}/invitations'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/events/{slug}/invitations/{id}'] ?? {})).toEqual(['delete']);
    expect(Object.keys(document.paths['/events/{slug}/invitations/send'] ?? {})).toEqual(['post']);
    expect(Object.keys(document.paths['/events/{slug}/invitations/balance'] ?? {})).toEqual(['get']);
  });
});

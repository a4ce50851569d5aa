/** Survey sending over the API: preview and send for the survey's managers, 403 for a member, reminders, status, and the OpenAPI document. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { surveyInvitation, user } from '#app/shared/db/schema.ts';
import { addMember, insertCluster, insertOrganisation, insertPerson } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { seedChallengeThemes } from '../needs.service.server.ts';

describe('needs API: survey invitations', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let app: TestApp;
  let staffToken: string;
  let memberToken: string;

  beforeAll(async () => {
    await seedRoles(db());
    await seedChallengeThemes(db());
    app = createTestApp();
    const staff = await createPerson({ name: 'Programme Staff' });
    await db().update(user).set({ twoFactorEnabled: true }).where(eq(user.id, staff.userId));
    await assignRole(system, { userId: staff.userId, role: 'programme_staff', scopeType: 'global', scopeId: null });
    staffToken = (await issueToken(staff)).token;
    const member = await createPerson({ name: 'Plain Member' });
    await assignRole(system, { userId: member.userId, role: 'member', scopeType: 'global', scopeId: null });
    memberToken = (await issueToken(member)).token;
    const cluster = await insertCluster(db(), { slug: 'kairouan-carpets', countryIso2: 'TN' });
    const organisation = await insertOrganisation(db(), { countryIso2: 'TN' });
    await addMember(db(), cluster, organisation);
    await insertPerson(db(), { organisationId: organisation.id, fullName: 'Hela', email: 'hela@carpets.tn' });
    const created = await apiRequest(app, '/api/v1/needs/surveys', {
      method: 'POST',
      json: { code: 'needs-kairouan', scope: { type: 'cluster', id: 'kairouan-carpets' } },
      token: staffToken,
    });
    expect(created.status).toBe(201);
  });

  it('previews, sends once, reminds and reports; a member gets 403 and nothing is sent', async () => {
    const path = '/api/v1/needs/surveys/needs-kairouan/invitations';
    const body = { audience: 'cluster', locale: 'fr' };
    expect((await apiRequest(app, path, { method: 'POST', json: body, token: memberToken })).status).toBe(403);
    const preview = await apiRequest(app, path, { method: 'POST', json: { ...body, dryRun: true }, token: staffToken });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ dryRun: true, sent: 0, recipients: [{ email: 'hela@carpets.tn', locale: 'fr' }] });
    expect(await db().select().from(surveyInvitation)).toHaveLength(0);

    const sent = await apiRequest(app, path, { method: 'POST', json: body, token: staffToken });
    expect(await sent.json()).toMatchObject({ dryRun: false, sent: 1 });
    const again = await apiRequest(app, path, { method: 'POST', json: body, token: staffToken });
    expect(await again.json()).toMatchObject({ sent: 0, alreadyInvited: 1 });

    const reminded = await apiRequest(app, `${path}/reminders`, { method: 'POST', json: {}, token: staffToken });
    expect(await reminded.json()).toEqual({ reminded: 1, scheduledFor: null });
    const status = await apiRequest(app, path, { token: staffToken });
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({
      form: 'needs-kairouan',
      counts: { invited: 1, opened: 0, answered: 0, reminded: 1, pending: 1 },
      invitations: [{ email: 'hela@carpets.tn', state: 'sent', reminders: 1 }],
    });
    expect((await apiRequest(app, path, { token: memberToken })).status).toBe(403);
    expect((await apiRequest(app, '/api/v1/needs/surveys/no-such-survey/invitations', { token: staffToken })).status).toBe(404);
  });

  it('describes the three operations in the OpenAPI document', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/needs/surveys/{code}/invitations'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/needs/surveys/{code}/invitations/reminders'] ?? {})).toEqual(['post']);
  });
});

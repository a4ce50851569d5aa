/** Needs surveys over the API: the template for anyone, creation for form managers only, the survey then answered through /forms. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { formDefinitionSchema } from '#app/modules/forms/index.ts';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, TEST_ORIGIN, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { form, user } from '#app/shared/db/schema.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { NEEDS_SURVEY_QUESTIONS, seedChallengeThemes } from './index.ts';

describe('needs API: surveys', () => {
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
  });

  it('gives anyone the template, a valid form definition asking the twelve themes', async () => {
    const response = await apiRequest(app, '/api/v1/needs/surveys/template');
    expect(response.status).toBe(200);
    const definition = formDefinitionSchema.parse(await response.json());
    const challenges = definition.pages.flatMap((page) => page.sections.flatMap((s) => s.questions)).find((q) => q.code === 'challenges');
    expect(challenges?.type === 'multiple-choice' && challenges.options).toHaveLength(13);
  });

  it('creates and publishes a survey for staff; 401 and 403 for others, creating nothing', async () => {
    const body = { code: 'needs-tunisia-2026', scope: { type: 'country', id: 'TN' } };
    expect((await apiRequest(app, '/api/v1/needs/surveys', { method: 'POST', json: body, headers: { Origin: TEST_ORIGIN } })).status).toBe(
      401,
    );
    expect((await apiRequest(app, '/api/v1/needs/surveys', { method: 'POST', json: body, token: memberToken })).status).toBe(403);
    expect(await db().select().from(form).where(eq(form.code, body.code))).toHaveLength(0);

    const created = await apiRequest(app, '/api/v1/needs/surveys', { method: 'POST', json: body, token: staffToken });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ code: body.code, scope: { type: 'country', id: 'TN' }, version: 1 });
    expect((await apiRequest(app, '/api/v1/needs/surveys', { method: 'POST', json: body, token: staffToken })).status).toBe(409);

    const read = await apiRequest(app, `/api/v1/forms/${body.code}`, { token: memberToken });
    expect(read.status).toBe(200);
    expect(JSON.stringify(await read.json())).toContain(NEEDS_SURVEY_QUESTIONS.severity);
  });

  it('refuses a bad code with the field named', async () => {
    const response = await apiRequest(app, '/api/v1/needs/surveys', {
      method: 'POST',
      json: { code: 'Bad Code!', scope: { type: 'global', id: null } },
      token: staffToken,
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('code');
  });
});

/** The challenge taxonomy over the API: public reading, staff-only writes, refusals as translated problems. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, TEST_ORIGIN, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { auditLog, challengeTheme, user } from '#app/shared/db/schema.ts';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { challengeThemeListSchema, challengeThemeSchema, seedChallengeThemes } from './index.ts';

describe('needs API: challenge themes', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  let app: TestApp;
  let adminToken: string;
  let memberToken: string;

  beforeAll(async () => {
    await seedRoles(db());
    await seedChallengeThemes(db());
    app = createTestApp();
    const admin = await createPerson({ name: 'Platform Admin' });
    await db().update(user).set({ twoFactorEnabled: true }).where(eq(user.id, admin.userId));
    await assignRole(system, { userId: admin.userId, role: 'platform_admin', scopeType: 'global', scopeId: null });
    adminToken = (await issueToken(admin)).token;
    memberToken = (await issueToken(await createPerson({ name: 'Plain Member' }))).token;
  });

  const themeRows = () => db().select().from(challengeTheme).orderBy(challengeTheme.code);
  const themeAudit = () => db().select().from(auditLog).where(eq(auditLog.subjectType, 'challenge_theme'));

  it('lists the active themes to anyone, in three languages', async () => {
    const response = await apiRequest(app, '/api/v1/needs/themes');
    expect(response.status).toBe(200);
    const { items } = challengeThemeListSchema.parse(await response.json());
    expect(items).toHaveLength(12);
    expect(items[11]).toMatchObject({
      code: 'women-specific-barriers',
      name: { en: 'Barriers specific to women', fr: 'Obstacles propres aux femmes' },
    });
    expect(items[11]?.name.ar).toMatch(/[\u0600-\u06FF]/);
    expect((await apiRequest(app, '/api/v1/needs/themes?includeArchived=true')).status).toBe(401);
    expect((await apiRequest(app, '/api/v1/needs/themes?includeArchived=true', { token: memberToken })).status).toBe(403);
  });

  it('answers 401 to anonymous and 403 to a member on every write, writing nothing', async () => {
    const rowsBefore = await themeRows();
    const calls = [
      { path: '/api/v1/needs/themes', method: 'POST', json: { code: 'taken-over', name: { en: 'Taken over' } } },
      { path: '/api/v1/needs/themes/infrastructure', method: 'PATCH', json: { name: { en: 'Roads' } } },
      { path: '/api/v1/needs/themes/infrastructure/archive', method: 'POST' },
      { path: '/api/v1/needs/themes/infrastructure/restore', method: 'POST' },
    ];
    for (const { path, ...call } of calls) {
      // Without a body or credentials the request looks like a cross-site form post, refused before
      // the API unless it comes from our origin, as a browser's would.
      const anonymousCall = await apiRequest(app, path, { ...call, headers: { Origin: TEST_ORIGIN } });
      expect(anonymousCall.status).toBe(401);
      expect(await anonymousCall.json()).toMatchObject({ code: 'COMMON_UNAUTHENTICATED' });
      const refused = await apiRequest(app, path, { ...call, token: memberToken });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: 'COMMON_FORBIDDEN' });
    }
    expect(await themeRows()).toEqual(rowsBefore);
    expect(await themeAudit()).toEqual([]);
  });

  it('lets a platform admin create (201), edit, archive and restore (200) a theme', async () => {
    const created = await apiRequest(app, '/api/v1/needs/themes', {
      method: 'POST',
      token: adminToken,
      json: { code: 'digital-skills', name: { en: 'Digital skills', fr: 'Compétences numériques', ar: 'المهارات الرقمية' } },
    });
    expect(created.status).toBe(201);
    expect(challengeThemeSchema.parse(await created.json())).toMatchObject({ code: 'digital-skills', sortOrder: 12, archivedAt: null });

    const patched = await apiRequest(app, '/api/v1/needs/themes/digital-skills', {
      method: 'PATCH',
      token: adminToken,
      json: { description: { en: 'Online tools and sales.' }, sortOrder: 4 },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ description: { en: 'Online tools and sales.' }, sortOrder: 4 });

    const archived = await apiRequest(app, '/api/v1/needs/themes/digital-skills/archive', { method: 'POST', token: adminToken });
    expect(archived.status).toBe(200);
    expect(challengeThemeSchema.parse(await archived.json()).archivedAt).not.toBeNull();
    const publicList = challengeThemeListSchema.parse(await (await apiRequest(app, '/api/v1/needs/themes')).json());
    expect(publicList.items.map((t) => t.code)).not.toContain('digital-skills');
    const staffList = await apiRequest(app, '/api/v1/needs/themes?includeArchived=true', { token: adminToken });
    expect(challengeThemeListSchema.parse(await staffList.json()).items.map((t) => t.code)).toContain('digital-skills');

    const restored = await apiRequest(app, '/api/v1/needs/themes/digital-skills/restore', { method: 'POST', token: adminToken });
    expect(restored.status).toBe(200);
    expect(await restored.json()).toMatchObject({ code: 'digital-skills', archivedAt: null });
    expect((await themeAudit()).map((row) => row.action).sort()).toEqual([
      'needs.theme.archive',
      'needs.theme.create',
      'needs.theme.restore',
      'needs.theme.update',
    ]);
  });

  it('answers 409 for a taken code and 404 for an unknown one, with translated titles', async () => {
    const taken = await apiRequest(app, '/api/v1/needs/themes', {
      method: 'POST',
      token: adminToken,
      json: { code: 'infrastructure', name: { en: 'Again' } },
      headers: { 'Accept-Language': 'fr' },
    });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({
      code: 'NEEDS_THEME_CODE_TAKEN',
      title: expect.stringContaining('Un thème de difficultés porte déjà ce code'),
    });
    const missing = await apiRequest(app, '/api/v1/needs/themes/no-such-theme/archive', {
      method: 'POST',
      token: adminToken,
      headers: { 'Accept-Language': 'ar' },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'NEEDS_THEME_NOT_FOUND', title: 'محور التحديات هذا غير موجود.' });
  });

  it('refuses a bad body with a translated 400 naming each field, and writes nothing', async () => {
    const rowsBefore = await themeRows();
    const response = await apiRequest(app, '/api/v1/needs/themes', {
      method: 'POST',
      token: adminToken,
      json: { code: 'Bad Code', name: {}, sortOrder: -3 },
      headers: { 'Accept-Language': 'fr' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { code: string; title: string; errors: { field: string; code: string; message: string }[] };
    expect(problem.code).toBe('COMMON_VALIDATION_FAILED');
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['code', 'name', 'sortOrder']);
    expect(problem.title).toBe(translate('fr', 'errors.COMMON_VALIDATION_FAILED'));
    expect(problem.title).not.toBe(translate('en', 'errors.COMMON_VALIDATION_FAILED'));
    for (const error of problem.errors) expect(error.message).toBeTruthy();
    expect(await themeRows()).toEqual(rowsBefore);
  });

  it('describes every operation in the OpenAPI document', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/needs/themes'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/needs/themes/{code}'] ?? {})).toEqual(['patch']);
    expect(Object.keys(document.paths['/needs/themes/{code}/archive'] ?? {})).toEqual(['post']);
    expect(Object.keys(document.paths['/needs/themes/{code}/restore'] ?? {})).toEqual(['post']);
  });
});

/**
 * `/api/v1/me` through the real front door on a real database: authentication by API token and
 * session cookie, 401/400 problems that write nothing, translated problem titles.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE } from '#app/shared/api/problem.ts';
import {
  apiRequest,
  createPerson,
  createTestApp,
  issueToken,
  storedProfile,
  TEST_ORIGIN,
  type TestApp,
  type TestPerson,
} from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { auditLog } from '#app/shared/db/schema.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import arErrors from '../../../locales/ar/errors.json' with { type: 'json' };
import enErrors from '../../../locales/en/errors.json' with { type: 'json' };
import frErrors from '../../../locales/fr/errors.json' with { type: 'json' };
import { actorForUser, assignRole, createAdmin, revokeApiToken, seedRoles } from './index.ts';

describe('/api/v1/me', () => {
  const database = useTestDatabase();

  let app: TestApp;

  beforeAll(async () => {
    await seedRoles(database().db);
    app = createTestApp();
  });

  async function problemOf(response: Response) {
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem.status).toBe(response.status);
    expect(problem.instance).toBe(response.headers.get('x-request-id'));
    return problem;
  }

  async function profileUpdatesOf(userId: string) {
    return database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, userId), eq(auditLog.action, 'identity.profile.update')));
  }

  describe('anonymous callers', () => {
    it('GET /api/v1/me answers 401 problem+json with a Bearer challenge', async () => {
      const response = await apiRequest(app, '/api/v1/me');
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="mosaic"$/);
      const problem = await problemOf(response);
      expect(problem).toMatchObject({
        type: 'https://mosaic.example/problems/common-unauthenticated',
        code: 'COMMON_UNAUTHENTICATED',
        title: enErrors.COMMON_UNAUTHENTICATED,
      });
    });

    it('PATCH /api/v1/me with a bad body is refused as unauthenticated before validation, writing nothing', async () => {
      const person = await createPerson({ name: 'Untouched' });
      const response = await apiRequest(app, '/api/v1/me', { method: 'PATCH', json: { name: '', locale: 'xx' } });
      expect(response.status).toBe(401);
      expect((await problemOf(response)).errors).toBeUndefined();
      expect(await storedProfile(person.userId)).toEqual({ name: 'Untouched', locale: 'en', gender: null });
    });

    it('titles the problem in the language of Accept-Language', async () => {
      const cases = [
        ['ar-MA,ar;q=0.9', 'ar', arErrors.COMMON_UNAUTHENTICATED],
        ['fr-TN, en;q=0.5', 'fr', frErrors.COMMON_UNAUTHENTICATED],
        ['de-DE', 'en', enErrors.COMMON_UNAUTHENTICATED],
      ] as const;
      for (const [acceptLanguage, locale, title] of cases) {
        const response = await apiRequest(app, '/api/v1/me', { headers: { 'Accept-Language': acceptLanguage } });
        expect(response.headers.get('content-language')).toBe(locale);
        expect((await problemOf(response)).title).toBe(title);
      }
    });
  });

  describe('with an API token', () => {
    let person: TestPerson;
    let token: string;

    beforeAll(async () => {
      person = await createPerson({ name: 'Salma Ben Ali', locale: 'fr' });
      await assignRole(system, { userId: person.userId, role: 'cluster_manager', scopeType: 'cluster', scopeId: 'el-jem-mosaic' });
      ({ token } = await issueToken(person));
    });

    it('GET /api/v1/me answers the caller’s profile with roles and scopes', async () => {
      const response = await apiRequest(app, '/api/v1/me', { token });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        id: person.userId,
        name: 'Salma Ben Ali',
        email: person.email,
        locale: 'fr',
        gender: null,
        emailVerified: true,
        twoFactorEnabled: false,
        roles: [{ role: 'cluster_manager', scopeType: 'cluster', scopeId: 'el-jem-mosaic' }],
      });
    });

    it('PATCH /api/v1/me with a malformed body answers 400 naming each bad field and changes nothing', async () => {
      const before = await storedProfile(person.userId);
      const response = await apiRequest(app, '/api/v1/me', {
        method: 'PATCH',
        token,
        json: { name: '', locale: 'de', gender: 'robot' },
        headers: { 'Accept-Language': 'fr' },
      });
      expect(response.status).toBe(400);
      const problem = await problemOf(response);
      expect(problem).toMatchObject({
        code: 'COMMON_VALIDATION_FAILED',
        title: frErrors.COMMON_VALIDATION_FAILED,
        detail: '3 champs ne sont pas valides.',
      });
      const errors = problem.errors as { field: string; code: string; message: string }[];
      expect(errors.map((e) => e.field).sort()).toEqual(['gender', 'locale', 'name']);
      expect(errors.find((e) => e.field === 'name')).toEqual({ field: 'name', code: 'too_small', message: frErrors['field.too_small'] });
      expect(errors.find((e) => e.field === 'locale')).toEqual({
        field: 'locale',
        code: 'invalid_value',
        message: frErrors['field.invalid_value'],
      });
      expect(await storedProfile(person.userId)).toEqual(before);
      expect(await profileUpdatesOf(person.userId)).toEqual([]);
    });

    it('PATCH /api/v1/me with a body that is not JSON answers 400 and changes nothing', async () => {
      const before = await storedProfile(person.userId);
      const response = await app.fetch(
        new Request(`${TEST_ORIGIN}/api/v1/me`, {
          method: 'PATCH',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: '{"name": "Half',
        }),
      );
      expect(response.status).toBe(400);
      expect((await problemOf(response)).code).toBe('API_MALFORMED_REQUEST');
      expect(await storedProfile(person.userId)).toEqual(before);
    });

    it('is not subject to the CSRF origin check, but still to the media type of the operation', async () => {
      const response = await app.fetch(
        new Request(`${TEST_ORIGIN}/api/v1/me`, {
          method: 'PATCH',
          headers: { Authorization: `Bearer ${token}`, Origin: 'https://elsewhere.example', 'Content-Type': 'text/plain' },
          body: 'name=Mallory',
        }),
      );
      expect(response.status).toBe(415);
      expect((await problemOf(response)).code).toBe('API_UNSUPPORTED_MEDIA_TYPE');
    });

    it('PATCH /api/v1/me changes only the fields sent, and the change is audited as made with a token', async () => {
      const response = await apiRequest(app, '/api/v1/me', {
        method: 'PATCH',
        token,
        json: { name: '  Salma Ben Ali-Trabelsi ', gender: 'woman' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ name: 'Salma Ben Ali-Trabelsi', locale: 'fr', gender: 'woman' });
      expect(await storedProfile(person.userId)).toEqual({ name: 'Salma Ben Ali-Trabelsi', locale: 'fr', gender: 'woman' });
      const audit = await profileUpdatesOf(person.userId);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: person.userId, via: 'token', data: { changed: ['name', 'gender'] } });

      const cleared = await apiRequest(app, '/api/v1/me', { method: 'PATCH', token, json: { gender: null } });
      expect(cleared.status).toBe(200);
      expect(await storedProfile(person.userId)).toEqual({ name: 'Salma Ben Ali-Trabelsi', locale: 'fr', gender: null });
    });

    it('refuses a revoked token with 401 invalid_token', async () => {
      const other = await createPerson();
      const issued = await issueToken(other, 'soon revoked');
      expect((await apiRequest(app, '/api/v1/me', { token: issued.token })).status).toBe(200);
      await revokeApiToken(await actorForUser(other.userId, 'session'), issued.tokenId);

      const response = await apiRequest(app, '/api/v1/me', { token: issued.token });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="mosaic", error="invalid_token"');
      expect((await problemOf(response)).code).toBe('IDENTITY_TOKEN_INVALID');
    });

    it('refuses an unknown token even on a public operation', async () => {
      const response = await apiRequest(app, '/api/v1/countries', { token: `mos_${'A'.repeat(43)}` });
      expect(response.status).toBe(401);
      expect((await problemOf(response)).code).toBe('IDENTITY_TOKEN_INVALID');
    });
  });

  describe('with a session cookie', () => {
    const password = 'correct horse battery staple';
    let cookie: string;
    let userId: string;

    beforeAll(async () => {
      ({ userId } = await createAdmin({ email: 'api-cookie@api-test.mosaic.localhost', name: 'Cookie Admin', password, locale: 'ar' }));
      const signIn = await app.fetch(
        new Request(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: TEST_ORIGIN },
          body: JSON.stringify({ email: 'api-cookie@api-test.mosaic.localhost', password }),
        }),
      );
      expect(signIn.status).toBe(200);
      cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    });

    it('GET /api/v1/me answers the signed-in person', async () => {
      const response = await apiRequest(app, '/api/v1/me', { headers: { Cookie: cookie } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        id: userId,
        locale: 'ar',
        roles: [{ role: 'platform_admin', scopeType: 'global', scopeId: null }],
      });
    });

    it('GET /api/v1/me/sessions lists the sessions, marking the current one', async () => {
      const response = await apiRequest(app, '/api/v1/me/sessions', { headers: { Cookie: cookie } });
      expect(response.status).toBe(200);
      const { items } = (await response.json()) as { items: { current: boolean; createdAt: string }[] };
      expect(items).toHaveLength(1);
      expect(items[0]?.current).toBe(true);
      expect(Number.isNaN(Date.parse(items[0]?.createdAt ?? ''))).toBe(false);
    });

    it('refuses a cross-origin form post riding on the cookie, writing nothing', async () => {
      const before = await storedProfile(userId);
      const response = await app.fetch(
        new Request(`${TEST_ORIGIN}/api/v1/me`, {
          method: 'POST',
          headers: { Cookie: cookie, Origin: 'https://elsewhere.example', 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'name=Mallory',
        }),
      );
      expect(response.status).toBe(403);
      expect(await storedProfile(userId)).toEqual(before);
    });
  });
});

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { auditLog } from '#app/shared/audit/audit.schema.ts';
import { anonymous, type UserActor } from '#app/shared/auth/actor.ts';
import { AppError } from '#app/shared/errors.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { getProfile, listSessions, revokeOtherSessions, revokeSession, updateProfile } from './account.service.server.ts';
import { actorForUser } from './actor.server.ts';
import { CLIENT_IP_HEADER, getAuth } from './auth.server.ts';
import { session, user } from './identity.schema.ts';

describe('identity: profile and sessions', () => {
  const database = useTestDatabase();

  const PASSWORD = 'olive-loom-copper-7';

  async function verifiedUser(email: string, name: string): Promise<string> {
    const { user: created } = await (await getAuth()).api.signUpEmail({ body: { email, password: PASSWORD, name, locale: 'fr' } });
    await database().db.update(user).set({ emailVerified: true }).where(eq(user.id, created.id));
    return created.id;
  }

  /** Signs in from a given browser; returns the session's id. */
  async function signInFrom(email: string, userAgent: string): Promise<string> {
    const result = await (await getAuth()).api.signInEmail({
      body: { email, password: PASSWORD },
      headers: new Headers({ 'user-agent': userAgent, [CLIENT_IP_HEADER]: '192.0.2.44' }),
    });
    const [row] = await database().db.select({ id: session.id }).from(session).where(eq(session.token, result.token));
    return row!.id;
  }

  async function sessionActor(userId: string, sessionId: string): Promise<UserActor> {
    return { ...(await actorForUser(userId, 'session')), sessionId };
  }

  async function rejection(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => new Error('expected the call to fail'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0';
  const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

  let leila: string;
  let omar: string;

  beforeAll(async () => {
    leila = await verifiedUser('leila@example.org', 'Leila Mansour');
    omar = await verifiedUser('omar@example.org', 'Omar Saadi');
  });

  describe('profile', () => {
    test('a valid change is saved and audited by field name only', async () => {
      const actor = await actorForUser(leila, 'session');
      const saved = await updateProfile(actor, { name: '  Leila B. Mansour ', locale: 'ar', gender: 'woman' });
      expect(saved).toMatchObject({ name: 'Leila B. Mansour', locale: 'ar', gender: 'woman', email: 'leila@example.org' });
      expect(await getProfile(actor)).toEqual(saved);

      const [entry] = await database().db.select().from(auditLog).where(eq(auditLog.action, 'identity.profile.update'));
      expect(entry).toMatchObject({
        actorId: leila,
        subjectType: 'user',
        subjectId: leila,
        data: { changed: ['name', 'locale', 'gender'] },
      });
      expect(JSON.stringify(entry?.data)).not.toContain('woman');
    });

    test('an empty gender clears it; leaving it out keeps it', async () => {
      const actor = await actorForUser(leila, 'session');
      await updateProfile(actor, { name: 'Leila Mansour', locale: 'ar', gender: 'prefer_not_to_say' });
      expect((await updateProfile(actor, { name: 'Leila Mansour', locale: 'ar' })).gender).toBe('prefer_not_to_say');
      expect((await updateProfile(actor, { name: 'Leila Mansour', locale: 'ar', gender: '' })).gender).toBeNull();
    });

    test.each([
      [{ name: '', locale: 'fr' }, ['name']],
      [{ name: 'x'.repeat(121), locale: 'fr' }, ['name']],
      [{ name: 'Leila', locale: 'de' }, ['locale']],
      [{ name: 'Leila', locale: 'fr', gender: 'female' }, ['gender']],
      [{ locale: 'fr', gender: 'other' }, ['gender', 'name']],
    ])('invalid input %j is refused and changes nothing', async (input, fields) => {
      const actor = await actorForUser(leila, 'session');
      const before = await getProfile(actor);
      const auditsBefore = await database().db.select().from(auditLog);
      const error = await rejection(updateProfile(actor, input as never));
      expect(error.code).toBe('COMMON_VALIDATION_FAILED');
      expect(error.details?.fields?.map((f) => f.field).sort()).toEqual(fields);
      expect(await getProfile(actor)).toEqual(before);
      expect(await database().db.select().from(auditLog)).toHaveLength(auditsBefore.length);
    });

    test('visitors have no profile to change', async () => {
      expect((await rejection(updateProfile(anonymous, { name: 'X', locale: 'en' }))).code).toBe('COMMON_UNAUTHENTICATED');
    });

    test('staff acting on behalf of someone cannot change that account', async () => {
      const assisted: UserActor = { ...(await actorForUser(omar, 'session')), actingAsId: leila };
      expect((await rejection(updateProfile(assisted, { name: 'X', locale: 'en' }))).code).toBe('COMMON_FORBIDDEN');
    });
  });

  describe('sessions', () => {
    test('lists own sessions with the current one marked and the device named', async () => {
      const phone = await signInFrom('leila@example.org', FIREFOX_ANDROID);
      const laptop = await signInFrom('leila@example.org', CHROME_WINDOWS);
      await signInFrom('omar@example.org', CHROME_WINDOWS);

      const sessions = await listSessions(await sessionActor(leila, laptop));
      expect(sessions.map((s) => s.id).sort()).toEqual([phone, laptop].sort());
      expect(sessions.find((s) => s.id === laptop)).toMatchObject({
        current: true,
        device: { browser: 'Chrome', os: 'Windows' },
        ipAddress: '192.0.2.44',
      });
      expect(sessions.find((s) => s.id === phone)).toMatchObject({ current: false, device: { browser: 'Firefox', os: 'Android' } });
    });

    test("revoking someone else's session is refused and leaves it alone", async () => {
      const omarsSession = await signInFrom('omar@example.org', FIREFOX_ANDROID);
      const leilasSession = await signInFrom('leila@example.org', FIREFOX_ANDROID);
      const error = await rejection(revokeSession(await sessionActor(leila, leilasSession), omarsSession));
      expect(error).toMatchObject({ code: 'IDENTITY_SESSION_NOT_FOUND', status: 404 });
      expect(await database().db.select().from(session).where(eq(session.id, omarsSession))).toHaveLength(1);
    });

    test('revoking one of my sessions signs it out, audited', async () => {
      const mine = await signInFrom('leila@example.org', CHROME_WINDOWS);
      const other = await signInFrom('leila@example.org', FIREFOX_ANDROID);
      await revokeSession(await sessionActor(leila, mine), other);
      expect(await database().db.select().from(session).where(eq(session.id, other))).toHaveLength(0);
      const audits = await database().db.select().from(auditLog).where(eq(auditLog.subjectId, other));
      expect(audits.map((a) => a.action)).toEqual(['identity.session.revoke']);
      expect((await rejection(revokeSession(await sessionActor(leila, mine), other))).code).toBe('IDENTITY_SESSION_NOT_FOUND');
    });

    test('revoking the others keeps the current session and leaves other people alone', async () => {
      const current = await signInFrom('leila@example.org', CHROME_WINDOWS);
      await signInFrom('leila@example.org', FIREFOX_ANDROID);
      const omarsBefore = await database().db.select().from(session).where(eq(session.userId, omar));

      const { revoked } = await revokeOtherSessions(await sessionActor(leila, current));
      expect(revoked).toBeGreaterThanOrEqual(2);
      const left = await database().db.select({ id: session.id }).from(session).where(eq(session.userId, leila));
      expect(left).toEqual([{ id: current }]);
      expect(await database().db.select().from(session).where(eq(session.userId, omar))).toHaveLength(omarsBefore.length);
    });
  });
});

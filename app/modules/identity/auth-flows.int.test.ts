import { and, desc, eq, sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { describe, expect, test } from 'vitest';
import { auditLog } from '#app/shared/audit/audit.schema.ts';
import { isUser } from '#app/shared/auth/actor.ts';
import { getConfig } from '#app/shared/config.server.ts';
import { AppError } from '#app/shared/errors.ts';
import { job } from '#app/shared/jobs/jobs.schema.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { resolveRequestActor } from './actor.server.ts';
import { CLIENT_IP_HEADER, getAuth } from './auth.server.ts';
import {
  completeTwoFactorSignIn,
  confirmTwoFactorSetup,
  disableTwoFactor,
  regenerateBackupCodes,
  requestPasswordReset,
  resetPassword,
  signIn,
  signOut,
  signUp,
  startTwoFactorSetup,
  verifyEmail,
} from './auth-flows.server.ts';
import { user } from './identity.schema.ts';

describe('identity: account journeys through better-auth', () => {
  const database = useTestDatabase();

  let ipCounter = 0;
  /** Each step comes from its own address unless a test is about one client's repeated attempts. */
  function freshClient(cookie?: string): Headers {
    ipCounter += 1;
    const headers = new Headers({
      [CLIENT_IP_HEADER]: `198.51.100.${ipCounter}`,
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
    });
    if (cookie) headers.set('cookie', cookie);
    return headers;
  }

  /** What a browser would send back after receiving these Set-Cookie headers. */
  function cookieHeader(setCookies: string[], previous = ''): string {
    const jar = new Map(
      previous
        .split('; ')
        .filter(Boolean)
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair] as const),
    );
    for (const header of setCookies) {
      const pair = header.split(';')[0] ?? '';
      const name = pair.slice(0, pair.indexOf('='));
      if (/max-age=0/i.test(header) || pair.endsWith('=')) jar.delete(name);
      else jar.set(name, pair);
    }
    return [...jar.values()].join('; ');
  }

  async function expectAppError(promise: Promise<unknown>, code: string, status?: number): Promise<AppError> {
    const error = await promise.then(
      () => {
        throw new Error(`expected ${code}, but the call succeeded`);
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    if (status !== undefined) expect((error as AppError).status).toBe(status);
    return error as AppError;
  }

  async function lastMailTo(email: string, template: string) {
    const [row] = await database()
      .db.select()
      .from(job)
      .where(and(eq(job.kind, 'mail.send'), sql`${job.payload}->>'to' = ${email}`, sql`${job.payload}->>'template' = ${template}`))
      .orderBy(desc(job.createdAt))
      .limit(1);
    expect(row, `a ${template} mail queued for ${email}`).toBeDefined();
    return row!.payload as { to: string; locale: string; template: string; values: Record<string, unknown>; action: { url: string } };
  }

  function tokenOf(url: string): string {
    return new URL(url).searchParams.get('token') ?? '';
  }

  const PASSWORD = 'olive-loom-copper-7';

  /** Signs up, opens the verification link and signs in; returns the session cookie. */
  async function verifiedAccount(email: string, locale: 'ar' | 'fr' | 'en' = 'en'): Promise<string> {
    await signUp(freshClient(), { name: 'Salma Haddad', email, password: PASSWORD, locale });
    await verifyEmail(freshClient(), { token: tokenOf((await lastMailTo(email, 'identity.verifyEmail')).action.url) });
    const outcome = await signIn(freshClient(), { email, password: PASSWORD });
    return cookieHeader(outcome.cookies);
  }

  describe('sign-up, verification and sign-in', () => {
    test('sign-up queues a verification mail in the chosen language that links to our page; verifying opens sign-in', async () => {
      const email = 'Salma.Haddad@Example.org';
      await signUp(freshClient(), { name: '  Salma Haddad ', email, password: PASSWORD, locale: 'ar' });

      const [created] = await database().db.select().from(user).where(eq(user.email, 'salma.haddad@example.org'));
      expect(created).toMatchObject({ name: 'Salma Haddad', locale: 'ar', emailVerified: false, isDemo: false });

      const mail = await lastMailTo('salma.haddad@example.org', 'identity.verifyEmail');
      expect(mail.locale).toBe('ar');
      expect(mail.values).toMatchObject({ name: 'Salma Haddad', hours: 24 });
      expect(mail.action.url.startsWith(`${getConfig().publicUrl}/ar/account/verify-email?token=`)).toBe(true);

      await expectAppError(signIn(freshClient(), { email, password: PASSWORD }), 'IDENTITY_EMAIL_NOT_VERIFIED', 403);

      await verifyEmail(freshClient(), { token: tokenOf(mail.action.url) });
      const [verified] = await database().db.select({ emailVerified: user.emailVerified }).from(user).where(eq(user.id, created!.id));
      expect(verified?.emailVerified).toBe(true);

      const outcome = await signIn(freshClient(), { email, password: PASSWORD });
      expect(outcome.twoFactorRequired).toBe(false);
      const session = await (await getAuth()).api.getSession({ headers: new Headers({ cookie: cookieHeader(outcome.cookies) }) });
      expect(session?.user.id).toBe(created!.id);
    });

    test('bad input is refused field by field and creates nothing', async () => {
      const error = await expectAppError(
        signUp(freshClient(), { name: '', email: 'not-an-address', password: 'short', locale: 'de' }),
        'COMMON_VALIDATION_FAILED',
        400,
      );
      expect(error.details?.fields?.map((f) => f.field).sort()).toEqual(['email', 'locale', 'name', 'password']);
      const [{ count } = { count: -1 }] = await database().db.select({ count: sql<number>`count(*)::int` }).from(user);
      expect(count).toBe(1);
    });

    test('a forged or expired verification link is refused with a translated code', async () => {
      await expectAppError(verifyEmail(freshClient(), { token: 'not-a-token' }), 'IDENTITY_VERIFICATION_LINK_INVALID');
    });

    test('signing up again with a taken address looks the same and sends no second account', async () => {
      await signUp(freshClient(), {
        name: 'Somebody Else',
        email: 'salma.haddad@example.org',
        password: 'another-password-1',
        locale: 'fr',
      });
      const rows = await database().db.select().from(user).where(eq(user.email, 'salma.haddad@example.org'));
      expect(rows).toHaveLength(1);
      expect(rows[0]?.name).toBe('Salma Haddad');
    });

    test('sign-out ends the session', async () => {
      const cookie = await verifiedAccount('karim@example.org');
      expect(await (await getAuth()).api.getSession({ headers: new Headers({ cookie }) })).not.toBeNull();
      await signOut(freshClient(cookie));
      expect(await (await getAuth()).api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
    });
  });

  describe('sign-in rate limit', () => {
    function signInRequest(ip: string, password: string): Request {
      const { publicUrl } = getConfig();
      return new Request(`${publicUrl}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: publicUrl, [CLIENT_IP_HEADER]: ip },
        body: JSON.stringify({ email: 'karim@example.org', password }),
      });
    }

    test('repeated wrong passwords from one client are answered 429 after the limit; other clients are not affected', async () => {
      const { max } = getConfig().signInLimit;
      const statuses: number[] = [];
      for (let i = 0; i < max + 2; i++)
        statuses.push((await (await getAuth()).handler(signInRequest('203.0.113.9', `wrong-password-${i}`))).status);
      expect(statuses).toEqual([...Array(max).fill(401), 429, 429]);

      const limited = await (await getAuth()).handler(signInRequest('203.0.113.9', PASSWORD));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('x-retry-after'))).toBeGreaterThan(0);

      expect((await (await getAuth()).handler(signInRequest('203.0.113.10', 'wrong-password'))).status).toBe(401);
    });

    test('the sign-in page flow reports the limit as a translated 429', async () => {
      const client = new Headers({ [CLIENT_IP_HEADER]: '203.0.113.9' });
      await expectAppError(signIn(client, { email: 'karim@example.org', password: 'wrong-password' }), 'COMMON_RATE_LIMITED', 429);
    });
  });

  describe('password reset', () => {
    test('a reset link in the account language sets a new password and signs every session out', async () => {
      const email = 'nadia@example.org';
      const cookie = await verifiedAccount(email, 'fr');
      await requestPasswordReset(freshClient(), { email });
      const mail = await lastMailTo(email, 'identity.resetPassword');
      expect(mail.locale).toBe('fr');
      expect(mail.action.url.startsWith(`${getConfig().publicUrl}/fr/account/reset-password?token=`)).toBe(true);

      await resetPassword(freshClient(), { token: tokenOf(mail.action.url), password: 'new-password-for-nadia' });
      expect(await (await getAuth()).api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
      await expectAppError(signIn(freshClient(), { email, password: PASSWORD }), 'IDENTITY_INVALID_CREDENTIALS', 401);
      await signIn(freshClient(), { email, password: 'new-password-for-nadia' });

      await expectAppError(
        resetPassword(freshClient(), { token: tokenOf(mail.action.url), password: 'yet-another-one' }),
        'IDENTITY_RESET_LINK_INVALID',
      );
    });

    test('asking for a reset of an unknown address answers the same and mails nothing', async () => {
      await requestPasswordReset(freshClient(), { email: 'nobody@example.org' });
      const rows = await database().db.select().from(job).where(sql`${job.payload}->>'to' = 'nobody@example.org'`);
      expect(rows).toHaveLength(0);
    });
  });

  describe('TOTP two-factor', () => {
    test('enable with a code from the app, then sign-in asks for a code (TOTP or backup), and disable', async () => {
      const email = 'amal@example.org';
      let cookie = await verifiedAccount(email);
      const actor = await resolveRequestActor(new Headers({ cookie }));
      if (!isUser(actor)) throw new Error('expected a signed-in actor');

      await expectAppError(startTwoFactorSetup(actor, freshClient(cookie), { password: 'not-my-password' }), 'IDENTITY_WRONG_PASSWORD');
      const setup = await startTwoFactorSetup(actor, freshClient(cookie), { password: PASSWORD });
      const totp = OTPAuth.URI.parse(setup.totpUri);
      if (!(totp instanceof OTPAuth.TOTP)) throw new Error('expected a TOTP URI');
      expect(totp.issuer).toBe('Mosaic');
      expect(totp.secret.base32).toBe(setup.secret);

      const current = totp.generate();
      const wrong = String((Number(current) + 1) % 1_000_000).padStart(6, '0');
      await expectAppError(confirmTwoFactorSetup(actor, freshClient(cookie), { code: wrong }), 'IDENTITY_TWO_FACTOR_INVALID_CODE');
      const [pending] = await database().db.select({ on: user.twoFactorEnabled }).from(user).where(eq(user.email, email));
      expect(pending?.on).toBe(false);

      const enabled = await confirmTwoFactorSetup(actor, freshClient(cookie), { code: current });
      expect(enabled.backupCodes).toHaveLength(10);
      cookie = cookieHeader(enabled.cookies, cookie);
      const renewed = await resolveRequestActor(new Headers({ cookie }));
      expect(isUser(renewed) && renewed.twoFactorEnabled).toBe(true);
      const audits = await database().db.select().from(auditLog).where(eq(auditLog.action, 'identity.twoFactor.enable'));
      expect(audits).toHaveLength(1);

      // Password alone no longer opens a session: the challenge does.
      await signOut(freshClient(cookie));
      const first = await signIn(freshClient(), { email, password: PASSWORD });
      expect(first.twoFactorRequired).toBe(true);
      const challenge = cookieHeader(first.cookies);
      expect(await (await getAuth()).api.getSession({ headers: new Headers({ cookie: challenge }) })).toBeNull();
      await expectAppError(completeTwoFactorSignIn(freshClient(challenge), { code: wrong }), 'IDENTITY_TWO_FACTOR_INVALID_CODE');
      const viaApp = await completeTwoFactorSignIn(freshClient(challenge), { code: totp.generate() });
      const appSession = cookieHeader(viaApp.cookies, challenge);
      expect((await (await getAuth()).api.getSession({ headers: new Headers({ cookie: appSession }) }))?.user.email).toBe(email);

      // A backup code works once.
      const backup = enabled.backupCodes[0]!;
      const second = await signIn(freshClient(), { email, password: PASSWORD });
      const viaBackup = await completeTwoFactorSignIn(freshClient(cookieHeader(second.cookies)), { code: backup });
      expect(viaBackup.cookies.some((c) => c.includes('session_token='))).toBe(true);
      const third = await signIn(freshClient(), { email, password: PASSWORD });
      await expectAppError(
        completeTwoFactorSignIn(freshClient(cookieHeader(third.cookies)), { code: backup }),
        'IDENTITY_TWO_FACTOR_INVALID_CODE',
      );

      const holder = await resolveRequestActor(new Headers({ cookie: appSession }));
      await expectAppError(
        regenerateBackupCodes(holder, freshClient(appSession), { password: 'not-my-password' }),
        'IDENTITY_WRONG_PASSWORD',
      );
      const renewedCodes = await regenerateBackupCodes(holder, freshClient(appSession), { password: PASSWORD });
      expect(renewedCodes.backupCodes).toHaveLength(10);
      const oldCode = enabled.backupCodes[1]!;
      const fourth = await signIn(freshClient(), { email, password: PASSWORD });
      await expectAppError(
        completeTwoFactorSignIn(freshClient(cookieHeader(fourth.cookies)), { code: oldCode }),
        'IDENTITY_TWO_FACTOR_INVALID_CODE',
      );
      await completeTwoFactorSignIn(freshClient(cookieHeader(fourth.cookies)), { code: renewedCodes.backupCodes[0]! });

      await disableTwoFactor(holder, freshClient(appSession), { password: PASSWORD });
      const [off] = await database().db.select({ on: user.twoFactorEnabled }).from(user).where(eq(user.email, email));
      expect(off?.on).toBe(false);
      expect((await signIn(freshClient(), { email, password: PASSWORD })).twoFactorRequired).toBe(false);
    });

    test('visitors cannot start a setup', async () => {
      await expectAppError(
        startTwoFactorSetup({ kind: 'anonymous' }, freshClient(), { password: PASSWORD }),
        'COMMON_UNAUTHENTICATED',
        401,
      );
    });
  });
});

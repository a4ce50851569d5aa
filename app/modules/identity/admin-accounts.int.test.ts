import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { can, needsTwoFactorSetup } from '#app/shared/auth/can.ts';
import { type Config, parseConfig, setConfig } from '#app/shared/config.server.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { requireStaffPage, resolveRequestActor } from './actor.server.ts';
import { createAdmin, DEMO_ACCOUNTS, DEMO_PASSWORD, ensureDemoAccounts } from './admin-accounts.server.ts';
import { getAuth } from './auth.server.ts';
import { account, roleAssignment, user } from './identity.schema.ts';

describe('admin and demo accounts', () => {
  const database = useTestDatabase();
  let config: Config;

  beforeAll(() => {
    config = parseConfig({ ...process.env, AUTH_SECRET: 'test-secret-for-admin-accounts-0123456789' });
    setConfig(config);
  });

  /** Signs in through better-auth's own handler, as the sign-in page does; returns the response and a Cookie header. */
  async function signIn(email: string, password: string): Promise<{ status: number; cookie: string }> {
    const response = await (await getAuth()).handler(
      new Request(`${config.publicUrl}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: config.publicUrl },
        body: JSON.stringify({ email, password }),
      }),
    );
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { status: response.status, cookie };
  }

  async function thrownResponse(promise: Promise<unknown>): Promise<Response> {
    const thrown = await promise.then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!(thrown instanceof Response)) throw new Error(`expected a thrown Response, got ${String(thrown)}`);
    return thrown;
  }

  describe('createAdmin', () => {
    it('creates a verified platform admin who can sign in, and whose session becomes the actor', async () => {
      const created = await createAdmin({ email: 'Root@Example.org', name: 'Root Admin', password: 'correct horse battery', locale: 'fr' });
      expect(created.email).toBe('root@example.org');
      const [row] = await database().db.select().from(user).where(eq(user.id, created.userId));
      expect(row).toMatchObject({ emailVerified: true, isDemo: false, locale: 'fr', name: 'Root Admin' });
      const [credential] = await database().db.select().from(account).where(eq(account.userId, created.userId));
      expect(credential?.providerId).toBe('credential');
      expect(credential?.password).not.toContain('correct horse battery');

      expect((await signIn('root@example.org', 'wrong password!')).status).toBe(401);
      const session = await signIn('root@example.org', 'correct horse battery');
      expect(session.status).toBe(200);
      const actor = await resolveRequestActor(new Headers({ cookie: session.cookie }));
      expect(actor).toMatchObject({ kind: 'user', userId: created.userId, via: 'session', locale: 'fr', twoFactorEnabled: false });
      expect(actor.kind === 'user' && actor.grants.map((g) => [g.role, g.scopeType, g.scopeId])).toEqual([
        ['platform_admin', 'global', null],
      ]);
    });

    it('keeps a staff account out of staff pages until two-factor is set up', async () => {
      const created = await createAdmin({ email: 'gate@example.org', name: 'Gate', password: 'another long password', locale: 'ar' });
      const session = await signIn('gate@example.org', 'another long password');
      const actor = await resolveRequestActor(new Headers({ cookie: session.cookie }));
      expect(needsTwoFactorSetup(actor)).toBe(true);
      expect(can(actor, 'admin.access')).toBe(false);
      expect(can(actor, 'mail.outbox.read')).toBe(false);
      const request = new Request(`${config.publicUrl}/ar/admin/outbox`);
      const response = await thrownResponse(requireStaffPage(actor, 'mail.outbox.read', 'ar', { request }));
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/ar/account/two-factor?required=1');
      expect(response.headers.get('set-cookie')).toContain('mosaic_flash=');

      await database().db.update(user).set({ twoFactorEnabled: true }).where(eq(user.id, created.userId));
      const enabled = await resolveRequestActor(new Headers({ cookie: session.cookie }));
      await expect(requireStaffPage(enabled, 'mail.outbox.read', 'ar', { request })).resolves.toMatchObject({ userId: created.userId });
    });

    it('refuses an email that exists, and a password better-auth would refuse, changing nothing', async () => {
      await createAdmin({ email: 'taken@example.org', name: 'First', password: 'first password ok' });
      const users = await database().db.$count(user);
      await expect(createAdmin({ email: 'TAKEN@example.org', name: 'Second', password: 'second password ok' })).rejects.toMatchObject({
        code: 'IDENTITY_EMAIL_TAKEN',
        status: 409,
      });
      await expect(createAdmin({ email: 'short@example.org', name: 'Short', password: 'short' })).rejects.toMatchObject({
        code: 'COMMON_VALIDATION_FAILED',
        details: { fields: [{ field: 'password', code: 'too_small' }] },
      });
      await expect(createAdmin({ email: 'not-an-email', name: 'X', password: 'long enough password' })).rejects.toMatchObject({
        code: 'COMMON_VALIDATION_FAILED',
        details: { fields: [expect.objectContaining({ field: 'email' })] },
      });
      expect(await database().db.$count(user)).toBe(users);
    });
  });

  describe('ensureDemoAccounts', () => {
    it('creates one verified demo account per role with its demo scope, once', async () => {
      const logins = await ensureDemoAccounts();
      expect(logins.map((l) => l.role).sort()).toEqual(
        ['cluster_manager', 'member', 'national_focal_point', 'organisation_admin', 'platform_admin', 'programme_staff', 'reviewer'].sort(),
      );
      expect(new Set(logins.map((l) => l.password))).toEqual(new Set([DEMO_PASSWORD]));
      const demoUsers = await database().db.select().from(user).where(eq(user.isDemo, true));
      expect(demoUsers).toHaveLength(DEMO_ACCOUNTS.length);
      expect(demoUsers.every((u) => u.emailVerified && u.email.endsWith('@demo.mosaic.localhost'))).toBe(true);

      const scopes = await database()
        .db.select({
          email: user.email,
          role: roleAssignment.roleKey,
          scopeType: roleAssignment.scopeType,
          scopeId: roleAssignment.scopeId,
        })
        .from(roleAssignment)
        .innerJoin(user, eq(user.id, roleAssignment.userId))
        .where(eq(user.isDemo, true));
      expect(scopes).toHaveLength(DEMO_ACCOUNTS.length);
      expect(scopes).toEqual(
        expect.arrayContaining([
          { email: 'focal-point@demo.mosaic.localhost', role: 'national_focal_point', scopeType: 'country', scopeId: 'TN' },
          { email: 'cluster-manager@demo.mosaic.localhost', role: 'cluster_manager', scopeType: 'cluster', scopeId: 'el-jem-mosaic' },
          {
            email: 'organisation-admin@demo.mosaic.localhost',
            role: 'organisation_admin',
            scopeType: 'organisation',
            scopeId: 'demo-organisation',
          },
          { email: 'admin@demo.mosaic.localhost', role: 'platform_admin', scopeType: 'global', scopeId: null },
        ]),
      );

      await ensureDemoAccounts();
      expect(await database().db.$count(user, eq(user.isDemo, true))).toBe(DEMO_ACCOUNTS.length);
    });

    it('gives demo logins that sign in', async () => {
      const [member] = (await ensureDemoAccounts()).filter((l) => l.role === 'member');
      if (!member) throw new Error('no member demo login');
      const session = await signIn(member.email, member.password);
      expect(session.status).toBe(200);
      const actor = await resolveRequestActor(new Headers({ cookie: session.cookie }));
      expect(actor).toMatchObject({ kind: 'user', email: member.email, locale: 'ar' });
      expect(can(actor, 'matchmaking.participate')).toBe(true);
      expect(can(actor, 'admin.access')).toBe(false);
    });
  });
});

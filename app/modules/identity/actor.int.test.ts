import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, system } from '#app/shared/auth/actor.ts';
import { parseConfig, setConfig } from '#app/shared/config.server.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { actorForUser, invalidTokenResponse, requireStaffPage, resolveRequestActor } from './actor.server.ts';
import { user } from './identity.schema.ts';
import { assignRole, seedRoles } from './roles.service.server.ts';

describe('actor resolution and the staff gate', () => {
  const database = useTestDatabase();

  async function userWithRole(roleKey: string, twoFactorEnabled: boolean): Promise<string> {
    const id = randomUUID();
    await database()
      .db.insert(user)
      .values({ id, name: roleKey, email: `${id}@example.org`, emailVerified: true, twoFactorEnabled });
    await assignRole(system, { userId: id, role: roleKey });
    return id;
  }

  async function thrownBy(promise: Promise<unknown>): Promise<Response> {
    const thrown = await promise.then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!(thrown instanceof Response)) throw new Error(`expected a thrown Response, got ${String(thrown)}`);
    return thrown;
  }

  beforeAll(async () => {
    setConfig(parseConfig({ ...process.env, AUTH_SECRET: 'test-secret-for-actor-resolution-0123456789' }));
    await seedRoles(database().db);
  });

  describe('resolveRequestActor', () => {
    it('is anonymous without credentials or with a cookie that is not a session', async () => {
      await expect(resolveRequestActor(new Headers())).resolves.toEqual(anonymous);
      await expect(resolveRequestActor(new Headers({ cookie: 'mosaic.session_token=forged.value; other=1' }))).resolves.toEqual(anonymous);
      await expect(resolveRequestActor(new Headers({ authorization: 'Basic dXNlcjpwYXNz' }))).resolves.toEqual(anonymous);
    });

    it('refuses a bad bearer token; pages answer it with a 401 challenge rather than a server error', async () => {
      const refused = await resolveRequestActor(new Headers({ authorization: 'Bearer mos_forged' })).catch(invalidTokenResponse);
      expect(refused).toBeInstanceOf(Response);
      expect((refused as Response).status).toBe(401);
      expect((refused as Response).headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(() => invalidTokenResponse(new Error('database down'))).toThrow('database down');
    });
  });

  describe('requireStaffPage', () => {
    it('sends anonymous visitors to sign in, coming back to the page they asked for', async () => {
      const request = new Request('http://localhost:3000/fr/admin/jobs?page=2');
      const response = await thrownBy(requireStaffPage(anonymous, 'jobs.read', 'fr', { request }));
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`/fr/account/sign-in?redirectTo=${encodeURIComponent('/fr/admin/jobs?page=2')}`);
    });

    it('sends programme staff without two-factor to set it up, and lets them in once it is on', async () => {
      const without = await actorForUser(await userWithRole('programme_staff', false), 'session');
      const response = await thrownBy(requireStaffPage(without, 'jobs.read', 'en'));
      expect(response.headers.get('location')).toBe('/en/account/two-factor?required=1');
      const withTwoFactor = await actorForUser(await userWithRole('programme_staff', true), 'session');
      await expect(requireStaffPage(withTwoFactor, 'jobs.read', 'en')).resolves.toBe(withTwoFactor);
    });

    it('answers 403 to people without the permission, staff included', async () => {
      const member = await actorForUser(await userWithRole('member', false), 'session');
      expect((await thrownBy(requireStaffPage(member, 'admin.access', 'en'))).status).toBe(403);
      const staff = await actorForUser(await userWithRole('programme_staff', true), 'session');
      expect((await thrownBy(requireStaffPage(staff, 'mail.outbox.read', 'en'))).status).toBe(403);
    });
  });
});

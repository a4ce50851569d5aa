import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#app/shared/audit/audit.schema.ts';
import { anonymous, system, type UserActor } from '#app/shared/auth/actor.ts';
import { can } from '#app/shared/auth/can.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { actorForUser } from './actor.server.ts';
import { role, roleAssignment, user } from './identity.schema.ts';
import { assignRole, revokeRole, seedRoles } from './roles.service.server.ts';
import { BUILT_IN_ROLES } from './roles.ts';

describe('roles', () => {
  const database = useTestDatabase();

  async function createUser(name: string, twoFactorEnabled = false): Promise<string> {
    const id = randomUUID();
    await database()
      .db.insert(user)
      .values({ id, name, email: `${name}@example.org`, emailVerified: true, twoFactorEnabled });
    return id;
  }

  let admin: UserActor;

  beforeAll(async () => {
    await seedRoles(database().db);
    const adminId = await createUser('admin', true);
    await assignRole(system, { userId: adminId, role: 'platform_admin' });
    admin = await actorForUser(adminId, 'session');
  });

  describe('seedRoles', () => {
    it('writes every built-in role and is idempotent, restoring changed permissions', async () => {
      await database()
        .db.update(role)
        .set({ permissions: ['users.manage'], requiresTwoFactor: false })
        .where(eq(role.key, 'member'));
      await seedRoles(database().db);
      await seedRoles(database().db);
      const rows = await database().db.select().from(role);
      expect(rows.map((r) => r.key).sort()).toEqual(BUILT_IN_ROLES.map((r) => r.key).sort());
      for (const builtIn of BUILT_IN_ROLES) {
        const row = rows.find((r) => r.key === builtIn.key);
        expect(row?.permissions).toEqual([...builtIn.permissions]);
        expect(row?.requiresTwoFactor).toBe(builtIn.requiresTwoFactor);
      }
    });
  });

  describe('assignRole and revokeRole', () => {
    it('load grants in their scope', async () => {
      const userId = await createUser('focal');
      expect(await assignRole(admin, { userId, role: 'national_focal_point', scopeType: 'country', scopeId: 'TN' })).toEqual({
        changed: true,
      });
      expect(await assignRole(admin, { userId, role: 'cluster_manager', scopeType: 'cluster', scopeId: 'el-jem-mosaic' })).toEqual({
        changed: true,
      });
      const actor = await actorForUser(userId, 'session');
      expect(actor.grants.map((g) => [g.role, g.scopeType, g.scopeId])).toEqual([
        ['cluster_manager', 'cluster', 'el-jem-mosaic'],
        ['national_focal_point', 'country', 'TN'],
      ]);
      expect(can(actor, 'needs.read', { country: 'TN' })).toBe(true);
      expect(can(actor, 'needs.read', { country: 'DZ' })).toBe(false);
      expect(can(actor, 'programme.ranking.manage', { country: 'TN', cluster: 'el-jem-mosaic' })).toBe(true);
      expect(can(actor, 'programme.ranking.manage', { country: 'MA', cluster: 'el-jem-mosaic' })).toBe(false);
      expect(can(actor, 'directory.clusters.manage', { country: 'TN', cluster: 'el-jem-mosaic' })).toBe(true);
      expect(can(actor, 'directory.clusters.manage', { country: 'TN', cluster: 'cairo-leather' })).toBe(false);
      expect(can(actor, 'users.manage')).toBe(false);
    });

    it('are audited, and repeating them changes nothing', async () => {
      const userId = await createUser('reviewer');
      expect(await assignRole(admin, { userId, role: 'reviewer' })).toEqual({ changed: true });
      expect(await assignRole(admin, { userId, role: 'reviewer', scopeType: 'global', scopeId: '' })).toEqual({ changed: false });
      expect(await revokeRole(admin, { userId, role: 'reviewer' })).toEqual({ changed: true });
      expect(await revokeRole(admin, { userId, role: 'reviewer' })).toEqual({ changed: false });
      expect((await actorForUser(userId)).grants).toEqual([]);
      const audits = await database().db.select().from(auditLog).where(eq(auditLog.subjectId, userId)).orderBy(auditLog.createdAt);
      expect(audits.map((a) => [a.action, a.actorId, a.data])).toEqual([
        ['identity.role.assign', admin.userId, { role: 'reviewer', scopeType: 'global', scopeId: null }],
        ['identity.role.revoke', admin.userId, { role: 'reviewer', scopeType: 'global', scopeId: null }],
      ]);
    });

    it('need users.manage, which staff roles give only once two-factor is on', async () => {
      const target = await createUser('target');
      const adminWithout2fa = await createUser('admin-no-2fa');
      await assignRole(system, { userId: adminWithout2fa, role: 'platform_admin' });
      const staff = await createUser('staff', true);
      await assignRole(system, { userId: staff, role: 'programme_staff' });
      const input = { userId: target, role: 'member' };
      await expect(assignRole(anonymous, input)).rejects.toMatchObject({ code: 'COMMON_UNAUTHENTICATED', status: 401 });
      await expect(assignRole(await actorForUser(adminWithout2fa, 'session'), input)).rejects.toMatchObject({ code: 'COMMON_FORBIDDEN' });
      await expect(assignRole(await actorForUser(staff, 'session'), input)).rejects.toMatchObject({
        code: 'COMMON_FORBIDDEN',
        status: 403,
      });
      await expect(revokeRole(await actorForUser(staff, 'session'), { userId: staff, role: 'programme_staff' })).rejects.toMatchObject({
        code: 'COMMON_FORBIDDEN',
      });
      expect(await database().db.$count(roleAssignment, eq(roleAssignment.userId, target))).toBe(0);
    });

    it('refuse unknown roles, ill-fitting scopes and unknown users', async () => {
      const userId = await createUser('someone');
      await expect(assignRole(admin, { userId, role: 'emperor' })).rejects.toMatchObject({ code: 'IDENTITY_ROLE_UNKNOWN', status: 400 });
      await expect(assignRole(admin, { userId, role: 'national_focal_point' })).rejects.toMatchObject({
        code: 'IDENTITY_ROLE_SCOPE_INVALID',
        details: { fields: [{ field: 'scopeType', code: 'scope_type_not_allowed' }] },
      });
      await expect(assignRole(admin, { userId, role: 'national_focal_point', scopeType: 'country' })).rejects.toMatchObject({
        code: 'IDENTITY_ROLE_SCOPE_INVALID',
        details: { fields: [{ field: 'scopeId', code: 'scope_id_required' }] },
      });
      await expect(assignRole(admin, { userId, role: 'member', scopeType: 'event', scopeId: 'e1' })).rejects.toMatchObject({
        code: 'IDENTITY_ROLE_SCOPE_INVALID',
      });
      await expect(assignRole(admin, { userId: 'nobody', role: 'member' })).rejects.toMatchObject({
        code: 'IDENTITY_ROLE_USER_NOT_FOUND',
        status: 404,
      });
      await expect(assignRole(admin, { userId, role: 'member', scopeType: 'planet' as 'global' })).rejects.toMatchObject({
        code: 'COMMON_VALIDATION_FAILED',
      });
      expect(await database().db.$count(roleAssignment, eq(roleAssignment.userId, userId))).toBe(0);
    });
  });
});

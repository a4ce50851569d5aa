import { describe, expect, it } from 'vitest';
import type { RoleGrant, UserActor } from '#app/shared/auth/actor.ts';
import { can, needsTwoFactorSetup } from '#app/shared/auth/can.ts';
import { BUILT_IN_ROLE_KEYS, BUILT_IN_ROLES, findBuiltInRole, isPermission, PERMISSIONS, scopeProblem } from './roles.ts';

function grantOf(key: string, scopeType: RoleGrant['scopeType'] = 'global', scopeId: string | null = null): RoleGrant {
  const role = findBuiltInRole(key);
  if (!role) throw new Error(`no built-in role ${key}`);
  return { role: key, scopeType, scopeId, permissions: role.permissions, requiresTwoFactor: role.requiresTwoFactor };
}

function actorWith(grants: RoleGrant[], twoFactorEnabled = false): UserActor {
  return {
    kind: 'user',
    userId: 'u1',
    email: 'u1@example.org',
    name: 'U',
    locale: 'en',
    emailVerified: true,
    twoFactorEnabled,
    grants,
    via: 'session',
  };
}

describe('built-in roles', () => {
  it('are the seven roles of the design, each once', () => {
    expect([...BUILT_IN_ROLE_KEYS].sort()).toEqual(
      ['cluster_manager', 'member', 'national_focal_point', 'organisation_admin', 'platform_admin', 'programme_staff', 'reviewer'].sort(),
    );
  });

  it('only use permissions from the vocabulary, and only the platform admin holds *', () => {
    for (const role of BUILT_IN_ROLES) {
      for (const permission of role.permissions) {
        if (permission === '*') expect(role.key).toBe('platform_admin');
        else expect(isPermission(permission), `${role.key}: ${permission}`).toBe(true);
      }
      expect(new Set(role.permissions).size, `${role.key} lists a permission twice`).toBe(role.permissions.length);
    }
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
  });

  it('let platform admins alone read the mail outbox', () => {
    const readers = BUILT_IN_ROLES.filter((r) =>
      can(actorWith([grantOf(r.key, r.scopeTypes[0], r.scopeTypes[0] === 'global' ? null : 'x')], true), 'mail.outbox.read', {
        country: 'x',
        cluster: 'x',
        organisation: 'x',
        event: 'x',
      }),
    );
    expect(readers.map((r) => r.key)).toEqual(['platform_admin']);
  });

  it('require two-factor exactly for the staff roles', () => {
    expect(BUILT_IN_ROLES.filter((r) => r.requiresTwoFactor).map((r) => r.key)).toEqual(['platform_admin', 'programme_staff']);
  });

  it('give programme staff the staff area, but only once two-factor is on', () => {
    const staff = [grantOf('programme_staff')];
    expect(can(actorWith(staff, false), 'admin.access')).toBe(false);
    expect(needsTwoFactorSetup(actorWith(staff, false))).toBe(true);
    expect(can(actorWith(staff, true), 'admin.access')).toBe(true);
    expect(can(actorWith(staff, true), 'users.manage')).toBe(false);
  });

  it('confine scoped roles to their scope', () => {
    const focalPoint = actorWith([grantOf('national_focal_point', 'country', 'TN')]);
    expect(can(focalPoint, 'needs.read', { country: 'TN' })).toBe(true);
    expect(can(focalPoint, 'needs.read', { country: 'DZ' })).toBe(false);
    expect(can(focalPoint, 'needs.read')).toBe(false);
    const manager = actorWith([grantOf('cluster_manager', 'cluster', 'el-jem-mosaic')]);
    expect(can(manager, 'directory.clusters.manage', { country: 'TN', cluster: 'el-jem-mosaic' })).toBe(true);
    expect(can(manager, 'directory.clusters.manage', { country: 'TN', cluster: 'batna-jewellery' })).toBe(false);
  });
});

describe('scopeProblem', () => {
  const focalPoint = findBuiltInRole('national_focal_point')!;
  const member = findBuiltInRole('member')!;

  it('accepts a scope the role allows, with an id when not global', () => {
    expect(scopeProblem(focalPoint, 'country', 'TN')).toBeNull();
    expect(scopeProblem(member, 'global', null)).toBeNull();
    expect(scopeProblem(member, 'organisation', 'org-1')).toBeNull();
  });

  it('names what is wrong otherwise', () => {
    expect(scopeProblem(focalPoint, 'global', null)).toBe('scope_type_not_allowed');
    expect(scopeProblem(focalPoint, 'country', null)).toBe('scope_id_required');
    expect(scopeProblem(focalPoint, 'country', '')).toBe('scope_id_required');
    expect(scopeProblem(member, 'global', 'TN')).toBe('scope_id_not_allowed');
  });
});

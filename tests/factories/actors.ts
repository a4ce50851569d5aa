/** Signed-in actors holding built-in roles at chosen scopes, for policy and service tests. */
import { BUILT_IN_ROLES } from '#app/modules/identity/index.ts';
import type { RoleGrant, UserActor } from '#app/shared/auth/actor.ts';

/** A grant of a built-in role (with its real permissions) at a scope. */
export function grant(role: string, scopeType: RoleGrant['scopeType'], scopeId: string | null = null): RoleGrant {
  const definition = BUILT_IN_ROLES.find((r) => r.key === role);
  if (!definition) throw new Error(`no role ${role}`);
  return { role, scopeType, scopeId, permissions: definition.permissions, requiresTwoFactor: definition.requiresTwoFactor };
}

/** A verified person with two-factor on, holding `grants`. */
export function person(grants: RoleGrant[], overrides: Partial<UserActor> = {}): UserActor {
  return {
    kind: 'user',
    userId: 'u',
    email: 'u@example.org',
    name: 'U',
    locale: 'ar',
    emailVerified: true,
    twoFactorEnabled: true,
    grants,
    via: 'session',
    ...overrides,
  };
}

/** Signed-in actors with chosen permissions, for service tests of the platform's admin features. */
import type { UserActor } from '../../auth/actor.ts';

export function actorWith(permissions: string[], overrides: Partial<UserActor> = {}): UserActor {
  return {
    kind: 'user',
    userId: `user-${permissions.join('-') || 'none'}`,
    email: 'staff@example.org',
    name: 'Test Staff',
    locale: 'en',
    emailVerified: true,
    twoFactorEnabled: true,
    grants: [{ role: 'test_role', scopeType: 'global', scopeId: null, permissions, requiresTwoFactor: false }],
    via: 'session',
    ...overrides,
  };
}

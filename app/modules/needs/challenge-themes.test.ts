/** The shipped taxonomy is valid input for the contracts, and only taxonomy managers may change it. */
import { describe, expect, it } from 'vitest';
import { anonymous, system, type UserActor } from '#app/shared/auth/actor.ts';
import { SHIPPED_CHALLENGE_THEMES } from './challenge-themes.ts';
import { createThemeInputSchema } from './needs.contracts.ts';
import { canManageChallengeThemes } from './needs.policy.ts';

function userWith(permissions: string[], requiresTwoFactor = false, twoFactorEnabled = true): UserActor {
  return {
    kind: 'user',
    userId: 'u-1',
    email: 'u-1@example.org',
    name: 'User',
    locale: 'en',
    emailVerified: true,
    via: 'session',
    twoFactorEnabled,
    grants: [{ role: 'r', scopeType: 'global', scopeId: null, permissions, requiresTwoFactor }],
  };
}

describe('shipped challenge themes', () => {
  it('are 12 unique kebab-case codes, each accepted by the contract with three different languages', () => {
    expect(SHIPPED_CHALLENGE_THEMES).toHaveLength(12);
    expect(new Set(SHIPPED_CHALLENGE_THEMES.map((t) => t.code)).size).toBe(12);
    for (const theme of SHIPPED_CHALLENGE_THEMES) {
      expect(createThemeInputSchema.safeParse(theme).success).toBe(true);
      for (const text of [theme.name, theme.description]) {
        expect(new Set([text.ar, text.fr, text.en]).size).toBe(3);
        expect(text.ar).toMatch(/^[\u0600-\u06FF\s،.,]+$/);
      }
    }
  });
});

describe('canManageChallengeThemes', () => {
  it('allows taxonomy.manage or a platform admin’s `*` only', () => {
    expect(canManageChallengeThemes(userWith(['taxonomy.manage']))).toBe(true);
    expect(canManageChallengeThemes(userWith(['*'], true))).toBe(true);
    expect(canManageChallengeThemes(userWith(['*'], true, false))).toBe(false);
    expect(canManageChallengeThemes(userWith(['needs.manage', 'forms.manage']))).toBe(false);
    expect(canManageChallengeThemes(anonymous)).toBe(false);
    expect(canManageChallengeThemes(system)).toBe(true);
  });
});

/** The challenge taxonomy on a real database: seeding, who may change it, and the audit trail. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorForUser, assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { anonymous, system, type UserActor } from '#app/shared/auth/actor.ts';
import { auditLog, challengeTheme, user } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { SHIPPED_CHALLENGE_THEMES } from './challenge-themes.ts';
import {
  archiveChallengeTheme,
  createChallengeTheme,
  listChallengeThemes,
  restoreChallengeTheme,
  seedChallengeThemes,
  updateChallengeTheme,
} from './needs.service.server.ts';

const ARABIC = /[\u0600-\u06FF]/;

describe('challenge themes service', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  let admin: UserActor;
  let member: UserActor;

  async function person(name: string, role: 'platform_admin' | 'member'): Promise<UserActor> {
    const id = randomUUID();
    await db()
      .insert(user)
      .values({ id, name, email: `${id.slice(0, 8)}@example.org`, emailVerified: true, twoFactorEnabled: true });
    await assignRole(system, { userId: id, role, scopeType: 'global', scopeId: null });
    return actorForUser(id, 'session');
  }

  async function codeOf(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => 'resolved',
      (error: unknown) => (isAppError(error) ? error.code : error),
    );
  }

  const themeRows = () => db().select().from(challengeTheme).orderBy(challengeTheme.code);
  const auditOf = (code: string) =>
    db()
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(eq(auditLog.subjectId, code))
      .orderBy(auditLog.createdAt);

  beforeAll(async () => {
    await seedRoles(db());
    admin = await person('Taxonomy Admin', 'platform_admin');
    member = await person('Plain Member', 'member');
  });

  it('seeds the 12 themes of the issue with names and descriptions in Arabic, French and English', async () => {
    expect(await seedChallengeThemes(db())).toEqual({ inserted: 12, kept: 0 });
    const themes = await listChallengeThemes(anonymous);
    expect(themes.map((t) => t.code)).toEqual([
      'access-to-finance',
      'markets-and-buyers',
      'design-and-product-development',
      'skills-and-training',
      'raw-materials-and-supply',
      'technology-and-equipment',
      'regulation-standards-and-certification',
      'intellectual-property-and-counterfeiting',
      'cooperation-and-trust',
      'infrastructure',
      'marketing-and-branding',
      'women-specific-barriers',
    ]);
    for (const theme of themes) {
      for (const text of [theme.name, theme.description]) {
        expect(text?.ar).toMatch(ARABIC);
        expect(text?.fr).toBeTruthy();
        expect(text?.en).toBeTruthy();
        expect(text?.fr).not.toBe(text?.en);
      }
    }
    expect(themes[0]?.name).toEqual({ ar: 'الوصول إلى التمويل', fr: 'Accès au financement', en: 'Access to finance' });
    expect(themes.map((t) => t.sortOrder)).toEqual([...Array(12).keys()]);
  });

  it('changes nothing when seeded again, and keeps a name staff edited', async () => {
    const edited = { ar: 'التمويل والقروض', fr: 'Financement et crédit', en: 'Finance and credit' };
    await updateChallengeTheme(admin, 'access-to-finance', { name: edited });
    const before = await themeRows();
    expect(await seedChallengeThemes(db())).toEqual({ inserted: 0, kept: 12 });
    expect(await themeRows()).toEqual(before);
    expect(before.find((row) => row.code === 'access-to-finance')?.name).toEqual(edited);
  });

  it('seeds a shipped theme that is missing without touching the others', async () => {
    const extra = { code: 'seed-extra', name: { en: 'Extra' }, description: { en: 'Only for this test.' } };
    expect(await seedChallengeThemes(db(), [...SHIPPED_CHALLENGE_THEMES, extra])).toEqual({ inserted: 1, kept: 12 });
    expect((await themeRows()).find((row) => row.code === 'seed-extra')).toMatchObject({ name: { en: 'Extra' }, sortOrder: 12 });
  });

  it('creates, updates, archives and restores a theme, each audited as the admin', async () => {
    const created = await createChallengeTheme(admin, {
      code: 'climate-and-environment',
      name: { en: 'Climate and environment', fr: 'Climat et environnement', ar: 'المناخ والبيئة' },
    });
    expect(created).toMatchObject({ code: 'climate-and-environment', description: null, archivedAt: null, sortOrder: 13 });
    expect(await codeOf(createChallengeTheme(admin, { code: 'infrastructure', name: { en: 'Again' } }))).toBe('NEEDS_THEME_CODE_TAKEN');

    const updated = await updateChallengeTheme(admin, 'climate-and-environment', {
      description: { en: 'Energy, water and waste.' },
      sortOrder: 2,
    });
    expect(updated).toMatchObject({ description: { en: 'Energy, water and waste.' }, sortOrder: 2, name: created.name });

    const archived = await archiveChallengeTheme(admin, 'climate-and-environment');
    expect(archived.archivedAt).not.toBeNull();
    expect((await listChallengeThemes(anonymous)).map((t) => t.code)).not.toContain('climate-and-environment');
    const all = await listChallengeThemes(admin, { includeArchived: true });
    expect(all.find((t) => t.code === 'climate-and-environment')?.archivedAt).toBe(archived.archivedAt);
    // Archiving twice changes nothing and is not audited again.
    expect((await archiveChallengeTheme(admin, 'climate-and-environment')).archivedAt).toBe(archived.archivedAt);

    const restored = await restoreChallengeTheme(admin, 'climate-and-environment');
    expect(restored.archivedAt).toBeNull();
    expect((await listChallengeThemes(anonymous)).map((t) => t.code)).toContain('climate-and-environment');

    expect(await auditOf('climate-and-environment')).toEqual(
      ['needs.theme.create', 'needs.theme.update', 'needs.theme.archive', 'needs.theme.restore'].map((action) => ({
        action,
        actorId: admin.userId,
      })),
    );
    expect(await codeOf(updateChallengeTheme(admin, 'no-such-theme', { sortOrder: 1 }))).toBe('NEEDS_THEME_NOT_FOUND');
    expect(await codeOf(archiveChallengeTheme(admin, 'no-such-theme'))).toBe('NEEDS_THEME_NOT_FOUND');
  });

  it('refuses a member without taxonomy.manage, and anyone anonymous, with nothing changed', async () => {
    const rowsBefore = await themeRows();
    const auditBefore = await db().select().from(auditLog);
    expect(await codeOf(createChallengeTheme(member, { code: 'member-theme', name: { en: 'Mine' } }))).toBe('COMMON_FORBIDDEN');
    expect(await codeOf(updateChallengeTheme(member, 'infrastructure', { name: { en: 'Roads' } }))).toBe('COMMON_FORBIDDEN');
    expect(await codeOf(archiveChallengeTheme(member, 'infrastructure'))).toBe('COMMON_FORBIDDEN');
    expect(await codeOf(restoreChallengeTheme(member, 'infrastructure'))).toBe('COMMON_FORBIDDEN');
    expect(await codeOf(listChallengeThemes(member, { includeArchived: true }))).toBe('COMMON_FORBIDDEN');
    expect(await codeOf(createChallengeTheme(anonymous, { code: 'anon-theme', name: { en: 'Anon' } }))).toBe('COMMON_UNAUTHENTICATED');
    expect(await themeRows()).toEqual(rowsBefore);
    expect(await db().select().from(auditLog)).toEqual(auditBefore);
  });

  it('refuses invalid input before writing anything', async () => {
    const rowsBefore = await themeRows();
    expect(await codeOf(createChallengeTheme(admin, { code: 'Not A Code', name: { en: 'Bad' } }))).toBe('COMMON_VALIDATION_FAILED');
    expect(await codeOf(createChallengeTheme(admin, { code: 'empty-name', name: {} }))).toBe('COMMON_VALIDATION_FAILED');
    expect(await codeOf(updateChallengeTheme(admin, 'infrastructure', { sortOrder: -1 }))).toBe('COMMON_VALIDATION_FAILED');
    expect(await themeRows()).toEqual(rowsBefore);
  });
});

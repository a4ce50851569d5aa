/** Reordering the challenge themes: one place up or down, archived themes keeping theirs, distinct places under concurrent moves, taxonomy managers only, audited. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { archiveChallengeTheme, listChallengeThemes, moveChallengeTheme, seedChallengeThemes } from './needs.service.server.ts';

describe('moving challenge themes', () => {
  const database = useTestDatabase();
  const admin = person([grant('platform_admin', 'global')], { userId: 'admin' });
  const codes = async () => (await listChallengeThemes(admin, { includeArchived: true })).map((t) => t.code);

  beforeAll(async () => {
    await seedChallengeThemes(database().db);
  });

  it('swaps a theme with its neighbour, does nothing at either end, and is audited', async () => {
    const before = await codes();
    const moved = await moveChallengeTheme(admin, before[1]!, 'up');
    expect(moved.map((t) => t.code)).toEqual([before[1], before[0], ...before.slice(2)]);
    expect(moved.map((t) => t.sortOrder)).toEqual(before.map((_, i) => i));
    expect(await codes()).toEqual(moved.map((t) => t.code));
    expect((await moveChallengeTheme(admin, before[1]!, 'up')).map((t) => t.code)).toEqual(moved.map((t) => t.code));
    const last = before.at(-1)!;
    expect((await moveChallengeTheme(admin, last, 'down')).map((t) => t.code).at(-1)).toBe(last);
    const audit = await database().db.select().from(auditLog).where(eq(auditLog.action, 'needs.theme.move'));
    expect(audit.map((row) => row.subjectId)).toEqual([before[1]]);
  });

  it('moves past archived themes one place at a time, keeping every place distinct under concurrent moves', async () => {
    const before = await codes();
    await archiveChallengeTheme(admin, before[3]!);
    await moveChallengeTheme(admin, before[4]!, 'up');
    expect((await codes()).slice(3, 5)).toEqual([before[4], before[3]]);
    await Promise.all([moveChallengeTheme(admin, before[6]!, 'down'), moveChallengeTheme(admin, before[9]!, 'up')]);
    const themes = await listChallengeThemes(admin, { includeArchived: true });
    expect(new Set(themes.map((t) => t.sortOrder)).size).toBe(themes.length);
    expect(themes.map((t) => t.code).sort()).toEqual([...before].sort());
  });

  it('refuses members and unknown themes, changing nothing', async () => {
    const before = await codes();
    const member = person([grant('member', 'global')]);
    const outcome = (promise: Promise<unknown>) =>
      promise.then(
        () => 'moved',
        (e: unknown) => (isAppError(e) ? e.code : e),
      );
    expect(await outcome(moveChallengeTheme(member, before[1]!, 'up'))).toBe('COMMON_FORBIDDEN');
    expect(await outcome(moveChallengeTheme(admin, 'no-such-theme', 'up'))).toBe('NEEDS_THEME_NOT_FOUND');
    expect(await codes()).toEqual(before);
  });
});

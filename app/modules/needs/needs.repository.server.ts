/** The challenge themes: the only code touching the `challenge_theme` table through drizzle. */
import { asc, eq, isNull, max } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { challengeTheme } from './needs.schema.ts';

export type ChallengeThemeRow = typeof challengeTheme.$inferSelect;
type ThemeChanges = Partial<Pick<typeof challengeTheme.$inferInsert, 'name' | 'description' | 'sortOrder' | 'archivedAt'>>;

/** Themes in their order (then by code, so equal orders read the same every time). */
export async function selectThemes(executor: Executor, options: { includeArchived: boolean }): Promise<ChallengeThemeRow[]> {
  const query = executor.select().from(challengeTheme);
  const filtered = options.includeArchived ? query : query.where(isNull(challengeTheme.archivedAt));
  return filtered.orderBy(asc(challengeTheme.sortOrder), asc(challengeTheme.code));
}

/** Every theme, archived ones included, in their order, locked for the rest of the transaction (reordering). */
export async function lockThemesInOrder(executor: Executor): Promise<ChallengeThemeRow[]> {
  return executor.select().from(challengeTheme).orderBy(asc(challengeTheme.sortOrder), asc(challengeTheme.code)).for('update');
}

export async function findTheme(executor: Executor, code: string, options: { forUpdate?: boolean } = {}) {
  const query = executor.select().from(challengeTheme).where(eq(challengeTheme.code, code));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** The order after every theme's, for a theme created without one. */
export async function nextSortOrder(executor: Executor): Promise<number> {
  const [row] = await executor.select({ last: max(challengeTheme.sortOrder) }).from(challengeTheme);
  return row?.last == null ? 0 : row.last + 1;
}

/** Inserts the theme unless its code exists; returns the row written, or nothing when the code was taken. */
export async function insertThemeIfMissing(
  executor: Executor,
  values: typeof challengeTheme.$inferInsert,
): Promise<ChallengeThemeRow | undefined> {
  const [row] = await executor.insert(challengeTheme).values(values).onConflictDoNothing({ target: challengeTheme.code }).returning();
  return row;
}

export async function updateTheme(executor: Executor, code: string, changes: ThemeChanges): Promise<ChallengeThemeRow | undefined> {
  const [row] = await executor.update(challengeTheme).set(changes).where(eq(challengeTheme.code, code)).returning();
  return row;
}

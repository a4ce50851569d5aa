/**
 * The challenge taxonomy: seeded from the shipped themes at start-up, read by anyone, edited by
 * whoever holds `taxonomy.manage`. Each write authorises first, runs in one transaction and writes
 * the audit log there; a refused or invalid call writes nothing. Themes are archived, never
 * deleted: diagnostics and survey answers keep pointing at their codes.
 */
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import { type Actor, anonymous } from '#app/shared/auth/actor.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { parseInput } from '#app/shared/validation.ts';
import { SHIPPED_CHALLENGE_THEMES, type ShippedTheme } from './challenge-themes.ts';
import {
  type ChallengeTheme,
  type CreateThemeInput,
  createThemeInputSchema,
  type ListThemesInput,
  listThemesInputSchema,
  type ThemeSeedCounts,
  themeCodeSchema,
  type UpdateThemeInput,
  updateThemeInputSchema,
} from './needs.contracts.ts';
import { canManageChallengeThemes } from './needs.policy.ts';
import {
  type ChallengeThemeRow,
  findTheme,
  insertThemeIfMissing,
  lockThemesInOrder,
  nextSortOrder,
  selectThemes,
  updateTheme,
} from './needs.repository.server.ts';

function themeOf(row: ChallengeThemeRow): ChallengeTheme {
  return {
    code: row.code,
    name: row.name,
    description: row.description ?? null,
    sortOrder: row.sortOrder,
    archivedAt: row.archivedAt ? row.archivedAt.toISOString() : null,
  };
}

function authoriseManage(actor: Actor): void {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  if (!canManageChallengeThemes(actor)) throw CommonErrors.forbidden();
}

function themeNotFound(code: string): AppError {
  return new AppError('NEEDS_THEME_NOT_FOUND', 404, { code });
}

/** The theme, locked for the rest of the transaction. */
async function existingTheme(tx: Executor, code: string): Promise<ChallengeThemeRow> {
  const row = await findTheme(tx, parseInput(themeCodeSchema, code), { forUpdate: true });
  if (!row) throw themeNotFound(code);
  return row;
}

/**
 * Inserts the shipped themes whose codes are missing, in the shipped order; a theme already there
 * is left as it is, so a name staff edited survives every start. A system task (start-up, CLI),
 * so it is not audited.
 */
export async function seedChallengeThemes(
  executor: Executor,
  themes: readonly ShippedTheme[] = SHIPPED_CHALLENGE_THEMES,
): Promise<ThemeSeedCounts> {
  return executor.transaction(async (tx) => {
    let inserted = 0;
    for (const [position, theme] of themes.entries()) {
      const row = await insertThemeIfMissing(tx, { ...theme, sortOrder: position });
      if (row) inserted += 1;
    }
    return { inserted, kept: themes.length - inserted };
  });
}

/** Active themes in order, for anyone; archived ones too (`includeArchived`) for taxonomy managers only. */
export async function listChallengeThemes(actor: Actor = anonymous, input: ListThemesInput = {}): Promise<ChallengeTheme[]> {
  const { includeArchived } = parseInput(listThemesInputSchema, input);
  if (includeArchived) authoriseManage(actor);
  return (await selectThemes(getDb(), { includeArchived })).map(themeOf);
}

/** Adds a theme (NEEDS_THEME_CODE_TAKEN, 409, when its code exists, archived or not); placed last unless given an order. */
export async function createChallengeTheme(actor: Actor, input: CreateThemeInput): Promise<ChallengeTheme> {
  authoriseManage(actor);
  const parsed = parseInput(createThemeInputSchema, input);
  return getDb().transaction(async (tx) => {
    const row = await insertThemeIfMissing(tx, {
      code: parsed.code,
      name: parsed.name,
      description: parsed.description ?? null,
      sortOrder: parsed.sortOrder ?? (await nextSortOrder(tx)),
    });
    if (!row) throw new AppError('NEEDS_THEME_CODE_TAKEN', 409, { fields: [{ field: 'code', code: 'NEEDS_THEME_CODE_TAKEN' }] });
    await recordAudit(tx, actor, {
      action: 'needs.theme.create',
      subjectType: 'challenge_theme',
      subjectId: row.code,
      data: { name: row.name, sortOrder: row.sortOrder },
    });
    return themeOf(row);
  });
}

/** Changes the given names, description or order; the code never changes. Audited with the changed fields. */
export async function updateChallengeTheme(actor: Actor, code: string, input: UpdateThemeInput): Promise<ChallengeTheme> {
  authoriseManage(actor);
  const parsed = parseInput(updateThemeInputSchema, input);
  return getDb().transaction(async (tx) => {
    const before = await existingTheme(tx, code);
    const changes = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
    if (Object.keys(changes).length === 0) return themeOf(before);
    const row = await updateTheme(tx, before.code, changes);
    if (!row) throw themeNotFound(code);
    await recordAudit(tx, actor, {
      action: 'needs.theme.update',
      subjectType: 'challenge_theme',
      subjectId: row.code,
      data: { fields: Object.keys(changes), before: { name: before.name, description: before.description, sortOrder: before.sortOrder } },
    });
    return themeOf(row);
  });
}

async function setArchived(actor: Actor, code: string, archived: boolean): Promise<ChallengeTheme> {
  authoriseManage(actor);
  return getDb().transaction(async (tx) => {
    const before = await existingTheme(tx, code);
    if ((before.archivedAt !== null) === archived) return themeOf(before);
    const row = await updateTheme(tx, before.code, { archivedAt: archived ? new Date() : null });
    if (!row) throw themeNotFound(code);
    await recordAudit(tx, actor, {
      action: archived ? 'needs.theme.archive' : 'needs.theme.restore',
      subjectType: 'challenge_theme',
      subjectId: row.code,
    });
    return themeOf(row);
  });
}

/** Takes the theme out of the public list; records keep pointing at it. Idempotent (nothing audited when already archived). */
export async function archiveChallengeTheme(actor: Actor, code: string): Promise<ChallengeTheme> {
  return setArchived(actor, code, true);
}

/** Puts an archived theme back in the public list. Idempotent (nothing audited when already active). */
export async function restoreChallengeTheme(actor: Actor, code: string): Promise<ChallengeTheme> {
  return setArchived(actor, code, false);
}

/**
 * Moves the theme one place up or down the list (archived themes keep their places): the orders
 * are renumbered 0, 1, 2… with the two swapped, under a lock on every theme so two moves at once
 * cannot give two themes one place. At either end nothing changes. Audited.
 */
export async function moveChallengeTheme(actor: Actor, code: string, direction: 'up' | 'down'): Promise<ChallengeTheme[]> {
  authoriseManage(actor);
  const parsed = parseInput(themeCodeSchema, code);
  return getDb().transaction(async (tx) => {
    const rows = await lockThemesInOrder(tx);
    const from = rows.findIndex((row) => row.code === parsed);
    if (from < 0) throw themeNotFound(code);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= rows.length) return rows.map(themeOf);
    const ordered = [...rows];
    [ordered[from], ordered[to]] = [ordered[to]!, ordered[from]!];
    const result: ChallengeThemeRow[] = [];
    for (const [position, row] of ordered.entries()) {
      result.push(row.sortOrder === position ? row : ((await updateTheme(tx, row.code, { sortOrder: position })) ?? row));
    }
    await recordAudit(tx, actor, {
      action: 'needs.theme.move',
      subjectType: 'challenge_theme',
      subjectId: parsed,
      data: { direction, from, to },
    });
    return result.map(themeOf);
  });
}

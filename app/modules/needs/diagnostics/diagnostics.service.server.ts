/**
 * Cluster diagnostics: dated rounds of challenges, SWOT and baseline figures, drafted by the
 * cluster's managers or programme staff and endorsed (who endorsed, in which role, when); an
 * endorsed round is read-only, and editing starts a new round copied from it. Each write
 * authorises first, parses its input, runs in one transaction with the round locked, and writes the
 * audit log there; a refused or invalid call changes nothing. Reading follows the diagnostics
 * policy: endorsed rounds are public without their evidence; drafts and evidence need `needs.read`.
 */
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import type { Translatable } from '#app/shared/db/columns.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { parseInput } from '#app/shared/validation.ts';
import { canManageDiagnostics, canReadDiagnostic, canReadDiagnosticDetail, canReadNeedsDetail, clusterSubject } from '../needs.policy.ts';
import { findTheme, selectThemes } from '../needs.repository.server.ts';
import { DEMO_DIAGNOSTICS, demoContents } from './demo-diagnostics.ts';
import {
  type BaselineFigure,
  type BaselineInput,
  baselineInputSchema,
  type Challenge,
  type ChallengeInput,
  type ChallengePatch,
  type CreateDiagnosticInput,
  challengeInputSchema,
  challengePatchSchema,
  createDiagnosticInputSchema,
  type Diagnostic,
  type DiagnosticSummary,
  diagnosticIdSchema,
  type EndorsedChallengePage,
  type EndorseInput,
  endorseInputSchema,
  type ListChallengesInput,
  listChallengesInputSchema,
  type SwotItem,
  type SwotItemInput,
  swotItemInputSchema,
  type UpdateDiagnosticInput,
  updateDiagnosticInputSchema,
} from './diagnostics.contracts.ts';
import {
  type BaselineRow,
  type ChallengeRow,
  type ClusterRef,
  clusterHasDiagnostic,
  copyContents,
  type DiagnosticWithCluster,
  deleteItem,
  findChallenge,
  findClusterBySlug,
  findDiagnostic,
  findItem,
  ITEM_TABLES,
  insertBaseline,
  insertChallenge,
  insertDiagnostic,
  insertSwotItem,
  nextItemOrder,
  nextRound,
  type SwotItemRow,
  selectContents,
  selectDiagnosticsOfCluster,
  selectEndorsedChallenges,
  updateChallengeRow,
  updateDiagnosticRow,
} from './diagnostics.repository.server.ts';

const SUBJECT = 'diagnostic';

// Presenters.

function summaryOf(row: DiagnosticWithCluster): DiagnosticSummary {
  return {
    id: row.id,
    cluster: row.cluster.slug,
    country: row.cluster.countryIso2,
    round: row.round,
    diagnosedOn: row.diagnosedOn,
    status: row.status,
    endorsedBy: row.endorsedByName ? { name: row.endorsedByName, role: row.endorsedByRole ?? '' } : null,
    endorsedAt: row.endorsedAt ? row.endorsedAt.toISOString() : null,
    basedOnId: row.basedOnId ?? null,
    challengeCount: row.challengeCount,
    isDemo: row.isDemo,
  };
}

function challengeOf(row: ChallengeRow, withEvidence: boolean): Challenge {
  return {
    id: row.id,
    diagnosticId: row.diagnosticId,
    themeCode: row.themeCode,
    description: row.description,
    sourceLocale: row.sourceLocale as Challenge['sourceLocale'],
    severity: row.severity,
    affectedGroups: row.affectedGroups as Challenge['affectedGroups'],
    genderDimension: row.genderDimension,
    genderNote: row.genderNote ?? null,
    evidence: withEvidence ? (row.evidence ?? null) : null,
    evidenceUrl: withEvidence ? (row.evidenceUrl ?? null) : null,
    sortOrder: row.sortOrder,
  };
}

function swotOf(row: SwotItemRow): SwotItem {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    sourceLocale: row.sourceLocale as SwotItem['sourceLocale'],
    sortOrder: row.sortOrder,
  };
}

function baselineOf(row: BaselineRow): BaselineFigure {
  return {
    id: row.id,
    indicatorCode: row.indicatorCode as BaselineFigure['indicatorCode'],
    value: row.value,
    unit: row.unit,
    year: row.year,
    source: row.source ?? null,
    sortOrder: row.sortOrder,
  };
}

async function detailOf(executor: Executor, actor: Actor, row: DiagnosticWithCluster): Promise<Diagnostic> {
  const contents = await selectContents(executor, row.id);
  const withEvidence = canReadDiagnosticDetail(actor, row.cluster);
  return {
    ...summaryOf({ ...row, challengeCount: contents.challenges.length }),
    challenges: contents.challenges.map((challenge) => challengeOf(challenge, withEvidence)),
    swot: contents.swot.map(swotOf),
    baseline: contents.baseline.map(baselineOf),
  };
}

// Errors and guards.

const clusterNotFound = (slug: string) => new AppError('NEEDS_DIAGNOSTIC_CLUSTER_NOT_FOUND', 404, { cluster: slug });
const diagnosticNotFound = () => new AppError('NEEDS_DIAGNOSTIC_NOT_FOUND', 404);
const itemNotFound = () => new AppError('NEEDS_DIAGNOSTIC_ITEM_NOT_FOUND', 404);

function authoriseManage(actor: Actor, clusterRef: ClusterRef): void {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  if (!canManageDiagnostics(actor, clusterRef)) throw CommonErrors.forbidden();
}

async function clusterOf(executor: Executor, slug: string): Promise<ClusterRef> {
  const found = await findClusterBySlug(executor, slug);
  if (!found) throw clusterNotFound(slug);
  return found;
}

/** A round the actor may read; a draft they may not read is "not found" (its existence is not public). */
async function readable(executor: Executor, actor: Actor, id: string): Promise<DiagnosticWithCluster> {
  const row = await findDiagnostic(executor, parseInput(diagnosticIdSchema, id));
  if (!row || !canReadDiagnostic(actor, row.cluster, row.status)) throw diagnosticNotFound();
  return row;
}

/**
 * The draft round, locked, after checking the actor manages its cluster. An endorsed round is
 * refused with NEEDS_DIAGNOSTIC_ENDORSED (409): a new round is started instead.
 */
async function editableDraft(tx: Executor, actor: Actor, id: string): Promise<DiagnosticWithCluster> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const row = await findDiagnostic(tx, parseInput(diagnosticIdSchema, id), { forUpdate: true });
  if (!row || !canReadDiagnostic(actor, row.cluster, row.status)) throw diagnosticNotFound();
  authoriseManage(actor, row.cluster);
  if (row.status !== 'draft') throw new AppError('NEEDS_DIAGNOSTIC_ENDORSED', 409);
  return row;
}

async function requireActiveTheme(tx: Executor, code: string): Promise<void> {
  const theme = await findTheme(tx, code);
  if (!theme || theme.archivedAt) {
    throw new AppError('NEEDS_DIAGNOSTIC_UNKNOWN_THEME', 400, { fields: [{ field: 'themeCode', code: 'NEEDS_DIAGNOSTIC_UNKNOWN_THEME' }] });
  }
}

/** Touching a draft's content moves its `updated_at`, so lists show when it last changed. */
async function touch(tx: Executor, id: string): Promise<void> {
  await updateDiagnosticRow(tx, id, { updatedAt: new Date() });
}

// Reading.

export interface ClusterDiagnostics {
  cluster: ClusterRef;
  /** Every round the actor may see, newest first. */
  rounds: DiagnosticSummary[];
  /** The latest endorsed round in full, if any. */
  current: Diagnostic | null;
  /** The draft, for those who read detail. */
  draft: Diagnostic | null;
  canManage: boolean;
  /** Every theme (archived ones too: older rounds may use them) in the taxonomy's order, to name and group challenges. */
  themes: { code: string; name: Translatable; archived: boolean }[];
}

/** A cluster's rounds (endorsed ones for everyone; drafts for `needs.read`), newest first. */
export async function listClusterDiagnostics(actor: Actor, slug: string): Promise<DiagnosticSummary[]> {
  const db = getDb();
  const clusterRef = await clusterOf(db, slug);
  const rows = await selectDiagnosticsOfCluster(db, clusterRef);
  return rows.filter((row) => canReadDiagnostic(actor, clusterRef, row.status)).map(summaryOf);
}

/** What the cluster's diagnostic page shows: the rounds, the current endorsed round, the draft (if allowed) and whether the actor manages it. */
export async function getClusterDiagnostics(actor: Actor, slug: string, options: { round?: number } = {}): Promise<ClusterDiagnostics> {
  const db = getDb();
  const clusterRef = await clusterOf(db, slug);
  const rows = (await selectDiagnosticsOfCluster(db, clusterRef)).filter((row) => canReadDiagnostic(actor, clusterRef, row.status));
  const chosen =
    options.round === undefined
      ? rows.find((row) => row.status === 'endorsed')
      : rows.find((row) => row.round === options.round && row.status === 'endorsed');
  if (options.round !== undefined && !chosen) throw diagnosticNotFound();
  const draftRow = rows.find((row) => row.status === 'draft');
  return {
    cluster: clusterRef,
    rounds: rows.map(summaryOf),
    current: chosen ? await detailOf(db, actor, chosen) : null,
    draft: draftRow ? await detailOf(db, actor, draftRow) : null,
    canManage: canManageDiagnostics(actor, clusterRef),
    themes: (await selectThemes(db, { includeArchived: true })).map((theme) => ({
      code: theme.code,
      name: theme.name,
      archived: theme.archivedAt !== null,
    })),
  };
}

/** One round in full; a draft is "not found" to those who may not read it. */
export async function getDiagnostic(actor: Actor, id: string): Promise<Diagnostic> {
  const db = getDb();
  return detailOf(db, actor, await readable(db, actor, id));
}

/**
 * The challenges of each cluster's current (latest endorsed) round: what the priority synthesis
 * reads. Filtered by cluster slug, country and theme; paginated. Evidence only where the actor
 * holds `needs.read` over the cluster.
 */
export async function listEndorsedChallenges(actor: Actor, input: ListChallengesInput = {}): Promise<EndorsedChallengePage> {
  const { page, pageSize, ...filters } = parseInput(listChallengesInputSchema, input);
  const { rows, total } = await selectEndorsedChallenges(getDb(), filters, { limit: pageSize, offset: (page - 1) * pageSize });
  return {
    items: rows.map((row) => ({
      ...challengeOf(row.challenge, canReadNeedsDetail(actor, clusterSubject(row.cluster))),
      cluster: row.cluster.slug,
      country: row.cluster.countryIso2,
      round: row.diagnostic.round,
      diagnosedOn: row.diagnostic.diagnosedOn,
      endorsedAt: (row.diagnostic.endorsedAt ?? row.diagnostic.updatedAt).toISOString(),
    })),
    total,
    page,
    pageSize,
  };
}

// Rounds.

/**
 * Starts a draft round for the cluster. Refused (NEEDS_DIAGNOSTIC_DRAFT_EXISTS, 409) while a draft
 * exists; when the cluster has an endorsed round, the draft starts as a copy of the latest one.
 */
export async function createDiagnostic(actor: Actor, input: CreateDiagnosticInput): Promise<Diagnostic> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const parsed = parseInput(createDiagnosticInputSchema, input);
  return getDb().transaction(async (tx) => {
    const clusterRef = await clusterOf(tx, parsed.cluster);
    authoriseManage(actor, clusterRef);
    const round = await nextRound(tx, clusterRef.id);
    const rounds = await selectDiagnosticsOfCluster(tx, clusterRef);
    if (rounds.some((row) => row.status === 'draft')) throw new AppError('NEEDS_DIAGNOSTIC_DRAFT_EXISTS', 409);
    const basedOn = rounds.find((row) => row.status === 'endorsed');
    const row = await insertDiagnostic(tx, {
      clusterId: clusterRef.id,
      round,
      diagnosedOn: parsed.diagnosedOn,
      basedOnId: basedOn?.id ?? null,
      createdByUserId: actor.kind === 'user' ? actor.userId : null,
    });
    if (basedOn) await copyContents(tx, basedOn.id, row.id);
    await recordAudit(tx, actor, {
      action: 'needs.diagnostic.create',
      subjectType: SUBJECT,
      subjectId: row.id,
      data: { cluster: clusterRef.slug, round, diagnosedOn: parsed.diagnosedOn, basedOn: basedOn?.id ?? null },
    });
    const created = await findDiagnostic(tx, row.id);
    return detailOf(tx, actor, created!);
  });
}

/** Changes a draft's date. */
export async function updateDiagnostic(actor: Actor, id: string, input: UpdateDiagnosticInput): Promise<Diagnostic> {
  return getDb().transaction(async (tx) => {
    const before = await editableDraft(tx, actor, id);
    const parsed = parseInput(updateDiagnosticInputSchema, input);
    if (parsed.diagnosedOn !== undefined && parsed.diagnosedOn !== before.diagnosedOn) {
      await updateDiagnosticRow(tx, before.id, { diagnosedOn: parsed.diagnosedOn });
      await recordAudit(tx, actor, {
        action: 'needs.diagnostic.update',
        subjectType: SUBJECT,
        subjectId: before.id,
        data: { fields: ['diagnosedOn'], before: { diagnosedOn: before.diagnosedOn } },
      });
    }
    return detailOf(tx, actor, (await findDiagnostic(tx, before.id))!);
  });
}

/**
 * Records who endorsed the draft (name and role as given; the account that recorded it) and when;
 * the round is read-only from then on. A round without challenges cannot be endorsed
 * (NEEDS_DIAGNOSTIC_EMPTY, 400).
 */
export async function endorseDiagnostic(actor: Actor, id: string, input: EndorseInput): Promise<Diagnostic> {
  return getDb().transaction(async (tx) => {
    const before = await editableDraft(tx, actor, id);
    const parsed = parseInput(endorseInputSchema, input);
    if (before.challengeCount === 0) throw new AppError('NEEDS_DIAGNOSTIC_EMPTY', 400);
    await updateDiagnosticRow(tx, before.id, {
      status: 'endorsed',
      endorsedByName: parsed.name,
      endorsedByRole: parsed.role,
      endorsedByUserId: actor.kind === 'user' ? actor.userId : null,
      endorsedAt: new Date(),
    });
    await recordAudit(tx, actor, {
      action: 'needs.diagnostic.endorse',
      subjectType: SUBJECT,
      subjectId: before.id,
      data: { cluster: before.cluster.slug, round: before.round, name: parsed.name, role: parsed.role },
    });
    return detailOf(tx, actor, (await findDiagnostic(tx, before.id))!);
  });
}

// Challenges, SWOT items and baseline figures of a draft.

export async function addChallenge(actor: Actor, diagnosticId: string, input: ChallengeInput): Promise<Challenge> {
  return getDb().transaction(async (tx) => {
    const round = await editableDraft(tx, actor, diagnosticId);
    const parsed = parseInput(challengeInputSchema, input);
    await requireActiveTheme(tx, parsed.themeCode);
    const row = await insertChallenge(tx, {
      ...parsed,
      diagnosticId: round.id,
      genderNote: parsed.genderNote ?? null,
      evidence: parsed.evidence ?? null,
      evidenceUrl: parsed.evidenceUrl ?? null,
      sortOrder: parsed.sortOrder ?? (await nextItemOrder(tx, ITEM_TABLES.challenge, round.id)),
    });
    await touch(tx, round.id);
    await recordAudit(tx, actor, {
      action: 'needs.diagnostic.challenge.add',
      subjectType: SUBJECT,
      subjectId: round.id,
      data: { challenge: row.id, themeCode: row.themeCode, severity: row.severity },
    });
    return challengeOf(row, true);
  });
}

/** The challenge and its draft round, locked; the round must be one the actor may edit. */
async function editableChallenge(tx: Executor, actor: Actor, challengeId: string) {
  const found = await findChallenge(tx, parseInput(diagnosticIdSchema, challengeId));
  if (!found) throw itemNotFound();
  const round = await editableDraft(tx, actor, found.diagnosticId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NEEDS_DIAGNOSTIC_NOT_FOUND' ? itemNotFound() : error;
  });
  return { found, round };
}

/**
 * Changes the given fields of a draft's challenge; absent fields keep their value, `null` clears an
 * optional one, and a text (description, gender note, evidence) merges by language.
 */
export async function updateChallenge(actor: Actor, challengeId: string, input: ChallengePatch): Promise<Challenge> {
  return getDb().transaction(async (tx) => {
    const { found, round } = await editableChallenge(tx, actor, challengeId);
    const parsed = parseInput(challengePatchSchema, input);
    const changes: Record<string, unknown> = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
    if (Object.keys(changes).length === 0) return challengeOf(found, true);
    if (parsed.themeCode && parsed.themeCode !== found.themeCode) await requireActiveTheme(tx, parsed.themeCode);
    // Texts merge by language (as in a JSON merge patch): the languages given replace those, the others stay.
    for (const field of ['description', 'genderNote', 'evidence'] as const) {
      const given = parsed[field];
      if (given && found[field]) changes[field] = { ...found[field], ...given };
    }
    const row = await updateChallengeRow(tx, found.id, changes);
    await touch(tx, round.id);
    await recordAudit(tx, actor, {
      action: 'needs.diagnostic.challenge.update',
      subjectType: SUBJECT,
      subjectId: round.id,
      data: { challenge: found.id, fields: Object.keys(changes) },
    });
    return challengeOf(row!, true);
  });
}

type ItemKind = keyof typeof ITEM_TABLES;

/** Removes a challenge, SWOT item or baseline figure from a draft. */
async function removeItem(actor: Actor, kind: ItemKind, itemId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const table = ITEM_TABLES[kind];
    const found = await findItem(tx, table, parseInput(diagnosticIdSchema, itemId));
    if (!found) throw itemNotFound();
    const round = await editableDraft(tx, actor, found.diagnosticId).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'NEEDS_DIAGNOSTIC_NOT_FOUND' ? itemNotFound() : error;
    });
    await deleteItem(tx, table, found.id);
    await touch(tx, round.id);
    await recordAudit(tx, actor, {
      action: `needs.diagnostic.${kind}.remove`,
      subjectType: SUBJECT,
      subjectId: round.id,
      data: { item: found.id },
    });
  });
}

export async function removeChallenge(actor: Actor, challengeId: string): Promise<void> {
  await removeItem(actor, 'challenge', challengeId);
}

export async function addSwotItem(actor: Actor, diagnosticId: string, input: SwotItemInput): Promise<SwotItem> {
  return getDb().transaction(async (tx) => {
    const round = await editableDraft(tx, actor, diagnosticId);
    const parsed = parseInput(swotItemInputSchema, input);
    const row = await insertSwotItem(tx, {
      ...parsed,
      diagnosticId: round.id,
      sortOrder: await nextItemOrder(tx, ITEM_TABLES.swot, round.id),
    });
    await touch(tx, round.id);
    await recordAudit(tx, actor, {
      action: 'needs.diagnostic.swot.add',
      subjectType: SUBJECT,
      subjectId: round.id,
      data: { item: row.id, kind: row.kind },
    });
    return swotOf(row);
  });
}

export async function removeSwotItem(actor: Actor, itemId: string): Promise<void> {
  await removeItem(actor, 'swot', itemId);
}

export async function addBaselineFigure(actor: Actor, diagnosticId: string, input: BaselineInput): Promise<BaselineFigure> {
  return getDb().transaction(async (tx) => {
    const round = await editableDraft(tx, actor, diagnosticId);
    const parsed = parseInput(baselineInputSchema, input);
    const row = await insertBaseline(tx, {
      ...parsed,
      source: parsed.source ?? null,
      diagnosticId: round.id,
      sortOrder: await nextItemOrder(tx, ITEM_TABLES.baseline, round.id),
    });
    await touch(tx, round.id);
    await recordAudit(tx, actor, {
      action: 'needs.diagnostic.baseline.add',
      subjectType: SUBJECT,
      subjectId: round.id,
      data: { item: row.id, indicatorCode: row.indicatorCode, value: row.value, unit: row.unit, year: row.year },
    });
    return baselineOf(row);
  });
}

export async function removeBaselineFigure(actor: Actor, itemId: string): Promise<void> {
  await removeItem(actor, 'baseline', itemId);
}

// Demo data.

export interface DemoDiagnosticCounts {
  diagnostics: number;
  challenges: number;
}

/**
 * Writes an endorsed, demo-marked round for each demo cluster present that has no diagnostic yet
 * (so a manager's own rounds are never touched, and seeding again writes nothing). A system task
 * (start-up, CLI), so it is not audited.
 */
export async function seedDemoDiagnostics(executor: Executor = getDb()): Promise<DemoDiagnosticCounts> {
  return executor.transaction(async (tx) => {
    const counts = { diagnostics: 0, challenges: 0 };
    for (const demo of DEMO_DIAGNOSTICS) {
      const clusterRef = await findClusterBySlug(tx, demo.cluster);
      if (!clusterRef || (await clusterHasDiagnostic(tx, clusterRef.id))) continue;
      const row = await insertDiagnostic(tx, {
        clusterId: clusterRef.id,
        round: await nextRound(tx, clusterRef.id),
        diagnosedOn: demo.diagnosedOn,
        status: 'endorsed',
        endorsedByName: demo.endorsedBy.name,
        endorsedByRole: demo.endorsedBy.role,
        endorsedAt: new Date(`${demo.diagnosedOn}T12:00:00Z`),
        isDemo: true,
      });
      const contents = demoContents(demo);
      for (const challenge of contents.challenges) await insertChallenge(tx, { ...challenge, diagnosticId: row.id });
      for (const item of contents.swot) await insertSwotItem(tx, { ...item, diagnosticId: row.id });
      counts.diagnostics += 1;
      counts.challenges += contents.challenges.length;
    }
    return counts;
  });
}

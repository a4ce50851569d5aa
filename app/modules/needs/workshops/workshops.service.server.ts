/**
 * Workshop outputs as needs records (issue 5, item 5).
 * - Facilitators (`events.manage` over the event) capture challenges (a theme, a description in
 *   any language, the event's clusters that raised it) and training needs (topic, format), and edit
 *   or remove them until voting closes. Audited.
 * - They set the dots each participant has (default 3), open and close the dot voting, and see
 *   the results at any time.
 * - Participants are the event's confirmed registrations, identified by their signed-in account
 *   or by their registration's check-in code (printed on the badge and the confirmation). While
 *   voting is open they spread their dots, several on one challenge if they like, and change them;
 *   never more than the voting's dots: each change locks the participant's registration row and
 *   shares the voting's row (closing waits for changes under way). They see the results once
 *   voting has closed.
 * - Closed votings feed the priority synthesis (`loadWorkshopVotes`) and the comparison of
 *   workshops (`compareWorkshopOutputs`).
 * Every write authorises first, parses its input and runs in one transaction with its audit entry;
 * a refused call writes nothing.
 */
import { canManageEvent, canReadEvent, type PolicyEvent } from '#app/modules/events/index.ts';
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { parseInput } from '#app/shared/validation.ts';
import { canReadNeedsDetail } from '../needs.policy.ts';
// biome-ignore lint/style/noRestrictedImports: the needs module's own synthesis (workshops/ is a folder of the needs module).
import { type Scope, voteInScope, type WorkshopVote } from '../synthesis/evidence.ts';
import {
  type DotChangeInput,
  dotChangeInputSchema,
  eventSlugSchema,
  type MyBallot,
  type MyVotesInput,
  myVotesInputSchema,
  type Voting,
  type VotingInput,
  type VotingResults,
  votingInputSchema,
  type WorkshopChallenge,
  type WorkshopChallengeInput,
  type WorkshopChallengePatch,
  type WorkshopComparison,
  type WorkshopOutputs,
  type WorkshopTrainingNeed,
  type WorkshopTrainingNeedInput,
  type WorkshopTrainingNeedPatch,
  workshopChallengeInputSchema,
  workshopChallengePatchSchema,
  workshopIdSchema,
  workshopTrainingNeedInputSchema,
  workshopTrainingNeedPatchSchema,
} from './workshops.contracts.ts';
import {
  type ChallengeRow,
  countConfirmed,
  deleteChallengeRow,
  deleteTrainingNeedRow,
  findOutputsEvent,
  findThemeName,
  findVoterRegistration,
  findVoting,
  insertChallengeRow,
  insertTrainingNeedRow,
  lockVoting,
  nextSortOrder,
  type OutputsEvent,
  type RegistrationRow,
  replaceVotes,
  selectChallenges,
  selectClosedVotes,
  selectEventClusters,
  selectEventVotes,
  selectMemberships,
  selectThemeNames,
  selectThemeTotals,
  selectTrainingNeeds,
  selectVotesOfRegistration,
  selectWorkshopsWithChallenges,
  setChallengeClusters,
  type TrainingNeedRow,
  updateChallengeRow,
  updateTrainingNeedRow,
  updateVoting,
  type VotingRow,
} from './workshops.repository.server.ts';
import { checkAllocation, compareWorkshops, placeVoter, votingResults, workshopVotes } from './workshops.ts';

const SUBJECT = 'event';

// Errors and guards.

const eventNotFound = (slug: string) => new AppError('EVENTS_OUTPUTS_EVENT_NOT_FOUND', 404, { slug });
const challengeNotFound = () => new AppError('EVENTS_OUTPUTS_CHALLENGE_NOT_FOUND', 404);
const trainingNeedNotFound = () => new AppError('EVENTS_OUTPUTS_TRAINING_NEED_NOT_FOUND', 404);
const votingClosed = () => new AppError('EVENTS_OUTPUTS_VOTING_CLOSED', 409);
const notParticipant = () => new AppError('EVENTS_OUTPUTS_NOT_PARTICIPANT', 403);

function policyEvent(row: OutputsEvent): PolicyEvent {
  return { slug: row.slug, status: row.status, hostClusterSlug: row.hostClusterSlug, countryIso2: row.countryIso2 };
}

/** The event, if the actor may read it (a draft is "not found" to others). */
async function readableEvent(executor: Executor, actor: Actor, slug: string): Promise<OutputsEvent> {
  const parsed = parseInput(eventSlugSchema, slug);
  const row = await findOutputsEvent(executor, parsed);
  if (!row || !canReadEvent(actor, policyEvent(row))) throw eventNotFound(parsed);
  return row;
}

/** The event after checking the actor facilitates it (`events.manage` over it). */
async function managedEvent(executor: Executor, actor: Actor, slug: string): Promise<OutputsEvent> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const row = await readableEvent(executor, actor, slug);
  if (!canManageEvent(actor, policyEvent(row))) throw CommonErrors.forbidden();
  return row;
}

export function canFacilitate(actor: Actor, row: Pick<OutputsEvent, 'slug' | 'status' | 'hostClusterSlug' | 'countryIso2'>): boolean {
  return canManageEvent(actor, { slug: row.slug, status: row.status, hostClusterSlug: row.hostClusterSlug, countryIso2: row.countryIso2 });
}

/** The voting's row locked for update; capture changes are refused once it closed. */
async function editableVoting(tx: Executor, row: OutputsEvent): Promise<VotingRow> {
  const voting = await lockVoting(tx, row.id, row.isDemo);
  if (voting.status === 'closed') throw votingClosed();
  return voting;
}

async function requireActiveTheme(executor: Executor, code: string): Promise<void> {
  const theme = await findThemeName(executor, code);
  if (!theme || theme.archivedAt) {
    throw new AppError('EVENTS_OUTPUTS_UNKNOWN_THEME', 400, { fields: [{ field: 'themeCode', code: 'EVENTS_OUTPUTS_UNKNOWN_THEME' }] });
  }
}

/** Cluster ids of the given slugs, all among the event's clusters. */
async function eventClusterIds(executor: Executor, eventId: string, slugs: readonly string[]): Promise<string[]> {
  const clusters = await selectEventClusters(executor, [eventId]);
  const ids: string[] = [];
  for (const slug of new Set(slugs)) {
    const found = clusters.find((c) => c.slug === slug);
    if (!found) {
      throw new AppError('EVENTS_OUTPUTS_UNKNOWN_CLUSTER', 400, {
        fields: [{ field: 'clusters', code: 'EVENTS_OUTPUTS_UNKNOWN_CLUSTER' }],
      });
    }
    ids.push(found.id);
  }
  return ids;
}

// Presenters.

function votingOf(row: VotingRow | undefined): Voting {
  return {
    status: row?.status ?? 'not-open',
    dots: row?.dots ?? 3,
    openedAt: row?.openedAt ? row.openedAt.toISOString() : null,
    closedAt: row?.closedAt ? row.closedAt.toISOString() : null,
  };
}

function challengeOf(row: ChallengeRow): WorkshopChallenge {
  return {
    id: row.id,
    themeCode: row.themeCode,
    themeName: row.themeName,
    description: row.description,
    sourceLocale: row.sourceLocale as WorkshopChallenge['sourceLocale'],
    clusters: row.clusters,
    isDemo: row.isDemo,
  };
}

function trainingNeedOf(row: TrainingNeedRow): WorkshopTrainingNeed {
  return {
    id: row.id,
    topic: row.topic,
    format: row.format,
    description: row.description,
    sourceLocale: row.sourceLocale as WorkshopTrainingNeed['sourceLocale'],
    isDemo: row.isDemo,
  };
}

async function outputsOf(executor: Executor, row: OutputsEvent): Promise<WorkshopOutputs> {
  const [voting, challenges, trainingNeeds, clusters] = await Promise.all([
    findVoting(executor, row.id),
    selectChallenges(executor, row.id),
    selectTrainingNeeds(executor, row.id),
    selectEventClusters(executor, [row.id]),
  ]);
  return {
    event: {
      slug: row.slug,
      title: row.title,
      clusters: clusters.map((c) => ({ slug: c.slug, name: c.name, country: c.countryIso2 })),
    },
    voting: votingOf(voting),
    editable: voting?.status !== 'closed',
    challenges: challenges.map(challengeOf),
    trainingNeeds: trainingNeeds.map(trainingNeedOf),
  };
}

async function resultsOf(executor: Executor, eventId: string, challenges: ChallengeRow[]) {
  const votes = await selectEventVotes(executor, eventId);
  const byId = new Map(challenges.map((c) => [c.id, c]));
  const results = votingResults(
    challenges.map((c) => c.id),
    votes,
  ).map((r) => ({ ...r, themeCode: byId.get(r.challengeId)!.themeCode, description: byId.get(r.challengeId)!.description }));
  return { results, voters: new Set(votes.map((v) => v.registrationId)).size };
}

// Reading.

/** The event's captured outputs and voting, for its facilitators. */
export async function getWorkshopOutputs(actor: Actor, slug: string): Promise<WorkshopOutputs> {
  const db = getDb();
  return outputsOf(db, await managedEvent(db, actor, slug));
}

/**
 * The voting's results: for facilitators at any time (live); for participants (by account or
 * check-in code) once voting has closed.
 */
export async function getVotingResults(actor: Actor, slug: string, voter: { checkInCode?: string } = {}): Promise<VotingResults> {
  const db = getDb();
  const row = await readableEvent(db, actor, slug);
  const voting = await findVoting(db, row.id);
  if (!canFacilitate(actor, row)) {
    if (actor.kind === 'anonymous' && !voter.checkInCode) throw CommonErrors.unauthenticated();
    const registration = await identifyVoter(db, actor, row, voter);
    if (!registration) throw notParticipant();
    if (voting?.status !== 'closed') throw new AppError('EVENTS_OUTPUTS_RESULTS_NOT_YET', 403);
  }
  const challenges = await selectChallenges(db, row.id);
  const { results, voters } = await resultsOf(db, row.id, challenges);
  return { voting: votingOf(voting), participants: await countConfirmed(db, row.id), voters, results };
}

// Capture.

export async function addWorkshopChallenge(actor: Actor, slug: string, input: WorkshopChallengeInput): Promise<WorkshopChallenge> {
  return getDb().transaction(async (tx) => {
    const row = await managedEvent(tx, actor, slug);
    const parsed = parseInput(workshopChallengeInputSchema, input);
    await editableVoting(tx, row);
    await requireActiveTheme(tx, parsed.themeCode);
    const clusterIds = await eventClusterIds(tx, row.id, parsed.clusters);
    const created = await insertChallengeRow(tx, {
      eventId: row.id,
      themeCode: parsed.themeCode,
      description: parsed.description,
      sourceLocale: parsed.sourceLocale,
      sortOrder: await nextSortOrder(tx, 'challenge', row.id),
      createdByUserId: actor.kind === 'user' ? actor.userId : null,
      isDemo: row.isDemo,
    });
    await setChallengeClusters(tx, created.id, clusterIds);
    await recordAudit(tx, actor, {
      action: 'events.outputs.challenge.create',
      subjectType: SUBJECT,
      subjectId: row.id,
      data: { challenge: created.id, themeCode: parsed.themeCode, clusters: parsed.clusters },
    });
    return challengeOf((await selectChallenges(tx, row.id)).find((c) => c.id === created.id)!);
  });
}

async function challengeOfEvent(tx: Executor, eventId: string, id: string): Promise<ChallengeRow> {
  const parsed = parseInput(workshopIdSchema, id);
  const found = (await selectChallenges(tx, eventId)).find((c) => c.id === parsed);
  if (!found) throw challengeNotFound();
  return found;
}

export async function updateWorkshopChallenge(
  actor: Actor,
  slug: string,
  id: string,
  patch: WorkshopChallengePatch,
): Promise<WorkshopChallenge> {
  return getDb().transaction(async (tx) => {
    const row = await managedEvent(tx, actor, slug);
    const parsed = parseInput(workshopChallengePatchSchema, patch);
    await editableVoting(tx, row);
    const before = await challengeOfEvent(tx, row.id, id);
    if (parsed.themeCode !== undefined && parsed.themeCode !== before.themeCode) await requireActiveTheme(tx, parsed.themeCode);
    const values: Parameters<typeof updateChallengeRow>[2] = {};
    if (parsed.themeCode !== undefined) values.themeCode = parsed.themeCode;
    if (parsed.description !== undefined) values.description = parsed.description;
    if (parsed.sourceLocale !== undefined) values.sourceLocale = parsed.sourceLocale;
    await updateChallengeRow(tx, before.id, { ...values, updatedAt: new Date() });
    if (patch.clusters !== undefined) await setChallengeClusters(tx, before.id, await eventClusterIds(tx, row.id, parsed.clusters ?? []));
    await recordAudit(tx, actor, {
      action: 'events.outputs.challenge.update',
      subjectType: SUBJECT,
      subjectId: row.id,
      data: {
        challenge: before.id,
        fields: Object.keys(patch),
        before: { themeCode: before.themeCode, description: before.description, clusters: before.clusters },
      },
    });
    return challengeOf(await challengeOfEvent(tx, row.id, before.id));
  });
}

/** Removes a challenge (and any dots on it: the participants get them back while voting is open). */
export async function removeWorkshopChallenge(actor: Actor, slug: string, id: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const row = await managedEvent(tx, actor, slug);
    await editableVoting(tx, row);
    const before = await challengeOfEvent(tx, row.id, id);
    await deleteChallengeRow(tx, before.id);
    await recordAudit(tx, actor, {
      action: 'events.outputs.challenge.delete',
      subjectType: SUBJECT,
      subjectId: row.id,
      data: { challenge: before.id, themeCode: before.themeCode, description: before.description },
    });
  });
}

export async function addWorkshopTrainingNeed(actor: Actor, slug: string, input: WorkshopTrainingNeedInput): Promise<WorkshopTrainingNeed> {
  return getDb().transaction(async (tx) => {
    const row = await managedEvent(tx, actor, slug);
    const parsed = parseInput(workshopTrainingNeedInputSchema, input);
    await editableVoting(tx, row);
    const created = await insertTrainingNeedRow(tx, {
      eventId: row.id,
      ...parsed,
      sortOrder: await nextSortOrder(tx, 'training', row.id),
      createdByUserId: actor.kind === 'user' ? actor.userId : null,
      isDemo: row.isDemo,
    });
    await recordAudit(tx, actor, {
      action: 'events.outputs.training-need.create',
      subjectType: SUBJECT,
      subjectId: row.id,
      data: { trainingNeed: created.id, topic: parsed.topic, format: parsed.format },
    });
    return trainingNeedOf(created);
  });
}

async function trainingNeedOfEvent(tx: Executor, eventId: string, id: string): Promise<TrainingNeedRow> {
  const parsed = parseInput(workshopIdSchema, id);
  const found = (await selectTrainingNeeds(tx, eventId)).find((t) => t.id === parsed);
  if (!found) throw trainingNeedNotFound();
  return found;
}

export async function updateWorkshopTrainingNeed(
  actor: Actor,
  slug: string,
  id: string,
  patch: WorkshopTrainingNeedPatch,
): Promise<WorkshopTrainingNeed> {
  return getDb().transaction(async (tx) => {
    const row = await managedEvent(tx, actor, slug);
    const parsed = parseInput(workshopTrainingNeedPatchSchema, patch);
    await editableVoting(tx, row);
    const before = await trainingNeedOfEvent(tx, row.id, id);
    await updateTrainingNeedRow(tx, before.id, { ...parsed, updatedAt: new Date() });
    await recordAudit(tx, actor, {
      action: 'events.outputs.training-need.update',
      subjectType: SUBJECT,
      subjectId: row.id,
      data: { trainingNeed: before.id, fields: Object.keys(patch), before: { topic: before.topic, format: before.format } },
    });
    return trainingNeedOf(await trainingNeedOfEvent(tx, row.id, before.id));
  });
}

export async function removeWorkshopTrainingNeed(actor: Actor, slug: string, id: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const row = await managedEvent(tx, actor, slug);
    await editableVoting(tx, row);
    const before = await trainingNeedOfEvent(tx, row.id, id);
    await deleteTrainingNeedRow(tx, before.id);
    await recordAudit(tx, actor, {
      action: 'events.outputs.training-need.delete',
      subjectType: SUBJECT,
      subjectId: row.id,
      data: { trainingNeed: before.id, topic: before.topic, format: before.format },
    });
  });
}

// The voting.

/**
 * `set-dots` before voting opens; `open` (with `dots`, optionally) opens it; `close` closes it for
 * good (capture and dots are then final, and the votes feed the synthesis).
 */
export async function changeVoting(actor: Actor, slug: string, input: VotingInput): Promise<Voting> {
  return getDb().transaction(async (tx) => {
    const row = await managedEvent(tx, actor, slug);
    const parsed = parseInput(votingInputSchema, input);
    const before = await editableVoting(tx, row);
    const now = new Date();
    if (parsed.dots !== undefined && parsed.dots !== before.dots && before.status !== 'not-open') {
      throw new AppError('EVENTS_OUTPUTS_DOTS_LOCKED', 409);
    }
    const dots = parsed.dots ?? before.dots;
    if (parsed.action === 'open') {
      if ((await selectChallenges(tx, row.id)).length === 0) throw new AppError('EVENTS_OUTPUTS_NOTHING_TO_VOTE', 409);
      await updateVoting(tx, row.id, { status: 'open', dots, openedAt: before.openedAt ?? now, updatedAt: now });
    } else if (parsed.action === 'close') {
      if (before.status !== 'open') throw new AppError('EVENTS_OUTPUTS_VOTING_NOT_OPEN', 409);
      await updateVoting(tx, row.id, { status: 'closed', closedAt: now, updatedAt: now });
    } else {
      await updateVoting(tx, row.id, { dots, updatedAt: now });
    }
    await recordAudit(tx, actor, {
      action: `events.outputs.voting.${parsed.action}`,
      subjectType: SUBJECT,
      subjectId: row.id,
      data: { dots, before: { status: before.status, dots: before.dots } },
    });
    return votingOf(await findVoting(tx, row.id));
  });
}

/** The confirmed registration voting: by check-in code when given, else by the signed-in account. */
async function identifyVoter(
  executor: Executor,
  actor: Actor,
  row: OutputsEvent,
  voter: { checkInCode?: string },
  options: { forUpdate?: boolean } = {},
): Promise<RegistrationRow | undefined> {
  if (voter.checkInCode) return findVoterRegistration(executor, row.id, { checkInCode: voter.checkInCode }, options);
  if (actor.kind === 'user') return findVoterRegistration(executor, row.id, { userId: actor.userId }, options);
  return undefined;
}

/** What a participant's phone shows: the challenges, their dots, and the results once closed. */
export async function getMyBallot(actor: Actor, slug: string, voter: { checkInCode?: string } = {}): Promise<MyBallot> {
  const db = getDb();
  const row = await readableEvent(db, actor, slug);
  if (actor.kind === 'anonymous' && !voter.checkInCode) throw CommonErrors.unauthenticated();
  const registration = await identifyVoter(db, actor, row, voter);
  if (!registration) throw notParticipant();
  const [voting, challenges, mine] = await Promise.all([
    findVoting(db, row.id),
    selectChallenges(db, row.id),
    selectVotesOfRegistration(db, registration.id),
  ]);
  const allocation = Object.fromEntries(mine.map((v) => [v.challengeId, v.dots]));
  return {
    event: { slug: row.slug, title: row.title },
    voting: votingOf(voting),
    voter: { name: registration.name },
    challenges: challenges.map(challengeOf),
    allocation,
    used: mine.reduce((s, v) => s + v.dots, 0),
    results: voting?.status === 'closed' ? (await resultsOf(db, row.id, challenges)).results : null,
  };
}

/** Runs `change` on the voter's current dots with the voter's registration locked and voting open. */
async function withMyDots(
  actor: Actor,
  slug: string,
  voter: { checkInCode?: string },
  change: (current: Record<string, number>, challengeIds: string[], dots: number) => Record<string, number>,
): Promise<MyBallot> {
  await getDb().transaction(async (tx) => {
    const row = await readableEvent(tx, actor, slug);
    if (actor.kind === 'anonymous' && !voter.checkInCode) throw CommonErrors.unauthenticated();
    const registration = await identifyVoter(tx, actor, row, voter, { forUpdate: true });
    if (!registration) throw notParticipant();
    const voting = await findVoting(tx, row.id, 'share');
    if (voting?.status !== 'open') throw voting?.status === 'closed' ? votingClosed() : new AppError('EVENTS_OUTPUTS_VOTING_NOT_OPEN', 409);
    const challengeIds = (await selectChallenges(tx, row.id)).map((c) => c.id);
    const current = Object.fromEntries((await selectVotesOfRegistration(tx, registration.id)).map((v) => [v.challengeId, v.dots]));
    const checked = checkAllocation(change(current, challengeIds, voting.dots), challengeIds, voting.dots);
    if (!checked.ok) {
      if (checked.reason === 'too-many-dots') throw new AppError('EVENTS_OUTPUTS_TOO_MANY_DOTS', 409, { dots: voting.dots });
      throw new AppError('EVENTS_OUTPUTS_UNKNOWN_CHALLENGE', 400, {
        fields: [{ field: 'allocation', code: 'EVENTS_OUTPUTS_UNKNOWN_CHALLENGE' }],
      });
    }
    await replaceVotes(tx, registration.id, row.id, checked.allocation, registration.isDemo);
    await recordAudit(tx, actor, {
      action: 'events.outputs.votes.set',
      subjectType: SUBJECT,
      subjectId: row.id,
      data: { registration: registration.id, allocation: checked.allocation, via: voter.checkInCode ? 'check-in-code' : 'account' },
    });
  });
  return getMyBallot(actor, slug, voter);
}

/** Replaces the participant's dots with an allocation (challenge id to dots), at most the voting's dots in all. */
export async function setMyVotes(actor: Actor, slug: string, input: MyVotesInput): Promise<MyBallot> {
  const parsed = parseInput(myVotesInputSchema, input);
  return withMyDots(actor, slug, parsed, () => parsed.allocation);
}

/** Adds (+1) or takes back (-1) one dot on one challenge. */
export async function changeMyDot(actor: Actor, slug: string, input: DotChangeInput): Promise<MyBallot> {
  const parsed = parseInput(dotChangeInputSchema, input);
  return withMyDots(actor, slug, parsed, (current) => ({
    ...current,
    [parsed.challengeId]: Math.max(0, (current[parsed.challengeId] ?? 0) + parsed.change),
  }));
}

// The synthesis and the comparison.

/**
 * The workshop evidence of the priority synthesis: the dots of every closed voting, summed per
 * event, theme and voter placement (see workshops.ts). Read afresh on each call, so a voting
 * counts as soon as it closes.
 */
export async function loadWorkshopVotes(options: { theme?: string } = {}): Promise<WorkshopVote[]> {
  const db = getDb();
  const rows = await selectClosedVotes(db, options);
  if (rows.length === 0) return [];
  const eventIds = [...new Set(rows.map((r) => r.eventId))];
  const organisationIds = [...new Set(rows.flatMap((r) => (r.organisationId ? [r.organisationId] : [])))];
  const [clusters, memberships] = await Promise.all([selectEventClusters(db, eventIds), selectMemberships(db, organisationIds)]);
  return workshopVotes(
    rows.map((r) => ({
      eventId: r.eventId,
      eventSlug: r.eventSlug,
      theme: r.theme,
      dots: r.dots,
      placement: placeVoter({
        memberships: memberships.filter((m) => m.organisationId === r.organisationId).map((m) => m.slug),
        voterCountry: r.voterCountry ?? r.organisationCountry ?? null,
        eventClusters: clusters.filter((c) => c.eventId === r.eventId).map((c) => ({ slug: c.slug, country: c.countryIso2 })),
        eventCountry: r.eventCountry,
      }),
    })),
  );
}

/** The events behind workshop votes, by id: slug and title (the drill-down names them). */
export async function workshopEventNames(eventIds: readonly string[]) {
  const db = getDb();
  const rows = await selectWorkshopsWithChallenges(db);
  return new Map(rows.filter((r) => eventIds.includes(r.id)).map((r) => [r.id, { slug: r.slug, title: r.title }]));
}

/**
 * Which challenge themes recur across workshops (published events with captured challenges): a
 * theme × workshop matrix of dots from closed votings, with the number of workshops and countries
 * where each theme was raised, sorted by recurrence. Public figures (small groups of voters hidden)
 * unless the actor holds `needs.read` over the region.
 */
export async function compareWorkshopOutputs(actor: Actor): Promise<WorkshopComparison> {
  const db = getDb();
  const staff = canReadNeedsDetail(actor, undefined);
  const workshops = await selectWorkshopsWithChallenges(db);
  const ids = workshops.map((w) => w.id);
  const [totals, clusters, themeNames] = await Promise.all([
    selectThemeTotals(db, ids),
    selectEventClusters(db, ids),
    selectThemeNames(db),
  ]);
  const names = new Map(themeNames.map((t) => [t.code, t.name]));
  const comparison = compareWorkshops(
    workshops.map((w) => {
      const closed = w.votingStatus === 'closed';
      const countries = [...new Set(clusters.filter((c) => c.eventId === w.id).map((c) => c.countryIso2))];
      return {
        slug: w.slug,
        title: w.title,
        startsAt: w.startsAt.toISOString(),
        countries: countries.length > 0 ? countries.sort() : w.countryIso2 ? [w.countryIso2] : [],
        votingClosed: closed,
        themes: totals
          .filter((t) => t.eventId === w.id)
          .map((t) => ({ theme: t.theme, dots: closed ? t.dots : 0, voters: closed ? t.voters : 0 })),
      };
    }),
    staff ? { minGroupSize: 1 } : {},
  );
  return {
    audience: staff ? 'staff' : 'public',
    minGroupSize: comparison.minGroupSize,
    workshops: comparison.workshops,
    rows: comparison.rows.map((r) => ({ ...r, themeName: names.get(r.theme) ?? {} })),
    computedAt: new Date().toISOString(),
  };
}

/** One row of the drill-down: dots of a closed workshop voting for a theme, placed in clusters and a country. */
export interface WorkshopVoteEvidence {
  id: string;
  event: { slug: string; title: Partial<Record<'ar' | 'fr' | 'en', string>> };
  clusters: string[];
  country: string;
  votes: number;
}

/** The workshop votes behind one theme of a scope's priorities (the same records the synthesis counts), most dots first. */
export async function listThemeVoteEvidence(scope: Scope, theme: string): Promise<WorkshopVoteEvidence[]> {
  const votes = (await loadWorkshopVotes({ theme })).filter((v) => voteInScope(scope, v));
  const events = await workshopEventNames([...new Set(votes.map((v) => v.eventId))]);
  return votes
    .map((v) => ({
      id: v.id,
      event: events.get(v.eventId) ?? { slug: v.eventId, title: {} },
      clusters: scope.kind === 'cluster' ? [scope.cluster] : [...v.clusters],
      country: v.country,
      votes: v.votes,
    }))
    .sort((a, b) => b.votes - a.votes || (a.id < b.id ? -1 : 1));
}

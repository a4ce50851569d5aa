/**
 * Storage of workshop outputs: the event as the outputs need it (with what the events policy
 * reads), captured challenges and training needs, the voting and the votes, and the reads of the
 * synthesis and the comparison. The only drizzle user of app/modules/needs/workshops.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import {
  challengeTheme,
  cluster,
  clusterMembership,
  event,
  eventCluster,
  eventRegistration,
  organisation,
  workshopChallenge,
  workshopChallengeCluster,
  workshopTrainingNeed,
  workshopVote,
  workshopVoting,
} from '#app/shared/db/schema.ts';

export type EventRow = typeof event.$inferSelect;
export type OutputsEvent = EventRow & { hostClusterSlug: string | null };

export async function findOutputsEvent(executor: Executor, slug: string): Promise<OutputsEvent | undefined> {
  const [row] = await executor
    .select({ row: event, hostClusterSlug: cluster.slug })
    .from(event)
    .leftJoin(cluster, eq(cluster.id, event.hostClusterId))
    .where(eq(event.slug, slug));
  return row ? { ...row.row, hostClusterSlug: row.hostClusterSlug } : undefined;
}

export async function selectEventClusters(executor: Executor, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return executor
    .select({ eventId: eventCluster.eventId, id: cluster.id, slug: cluster.slug, name: cluster.name, countryIso2: cluster.countryIso2 })
    .from(eventCluster)
    .innerJoin(cluster, eq(cluster.id, eventCluster.clusterId))
    .where(inArray(eventCluster.eventId, [...eventIds]))
    .orderBy(asc(cluster.slug));
}

// Voting.

export type VotingRow = typeof workshopVoting.$inferSelect;

/** `lock`: `update` for the facilitator's changes, `share` while a participant's dots change (closing waits for them). */
export async function findVoting(executor: Executor, eventId: string, lock?: 'update' | 'share'): Promise<VotingRow | undefined> {
  const query = executor.select().from(workshopVoting).where(eq(workshopVoting.eventId, eventId));
  const [row] = lock ? await query.for(lock) : await query;
  return row;
}

/** The event's voting row, created (not open, default dots) if missing, locked for update. */
export async function lockVoting(executor: Executor, eventId: string, isDemo = false): Promise<VotingRow> {
  await executor.insert(workshopVoting).values({ eventId, isDemo }).onConflictDoNothing();
  return (await findVoting(executor, eventId, 'update'))!;
}

export async function updateVoting(executor: Executor, eventId: string, values: Partial<typeof workshopVoting.$inferInsert>) {
  await executor.update(workshopVoting).set(values).where(eq(workshopVoting.eventId, eventId));
}

// Challenges and training needs.

export type ChallengeRow = typeof workshopChallenge.$inferSelect & {
  themeName: (typeof challengeTheme.$inferSelect)['name'];
  clusters: string[];
};

export async function selectChallenges(executor: Executor, eventId: string): Promise<ChallengeRow[]> {
  const rows = await executor
    .select({ row: workshopChallenge, themeName: challengeTheme.name })
    .from(workshopChallenge)
    .innerJoin(challengeTheme, eq(challengeTheme.code, workshopChallenge.themeCode))
    .where(eq(workshopChallenge.eventId, eventId))
    .orderBy(asc(workshopChallenge.sortOrder), asc(workshopChallenge.createdAt), asc(workshopChallenge.id));
  if (rows.length === 0) return [];
  const links = await executor
    .select({ challengeId: workshopChallengeCluster.challengeId, slug: cluster.slug })
    .from(workshopChallengeCluster)
    .innerJoin(cluster, eq(cluster.id, workshopChallengeCluster.clusterId))
    .where(
      inArray(
        workshopChallengeCluster.challengeId,
        rows.map((r) => r.row.id),
      ),
    )
    .orderBy(asc(cluster.slug));
  return rows.map((r) => ({
    ...r.row,
    themeName: r.themeName,
    clusters: links.filter((l) => l.challengeId === r.row.id).map((l) => l.slug),
  }));
}

export async function nextSortOrder(executor: Executor, table: 'challenge' | 'training', eventId: string): Promise<number> {
  const t = table === 'challenge' ? workshopChallenge : workshopTrainingNeed;
  const [row] = await executor
    .select({ max: sql<number | null>`max(${t.sortOrder})` })
    .from(t)
    .where(eq(t.eventId, eventId));
  return (row?.max ?? -1) + 1;
}

export async function insertChallengeRow(executor: Executor, values: typeof workshopChallenge.$inferInsert) {
  const [row] = await executor.insert(workshopChallenge).values(values).returning();
  return row!;
}

export async function updateChallengeRow(executor: Executor, id: string, values: Partial<typeof workshopChallenge.$inferInsert>) {
  await executor.update(workshopChallenge).set(values).where(eq(workshopChallenge.id, id));
}

export async function deleteChallengeRow(executor: Executor, id: string) {
  await executor.delete(workshopChallenge).where(eq(workshopChallenge.id, id));
}

export async function setChallengeClusters(executor: Executor, challengeId: string, clusterIds: readonly string[]) {
  await executor.delete(workshopChallengeCluster).where(eq(workshopChallengeCluster.challengeId, challengeId));
  if (clusterIds.length > 0) {
    await executor.insert(workshopChallengeCluster).values(clusterIds.map((clusterId) => ({ challengeId, clusterId })));
  }
}

export type TrainingNeedRow = typeof workshopTrainingNeed.$inferSelect;

export async function selectTrainingNeeds(executor: Executor, eventId: string): Promise<TrainingNeedRow[]> {
  return executor
    .select()
    .from(workshopTrainingNeed)
    .where(eq(workshopTrainingNeed.eventId, eventId))
    .orderBy(asc(workshopTrainingNeed.sortOrder), asc(workshopTrainingNeed.createdAt), asc(workshopTrainingNeed.id));
}

export async function insertTrainingNeedRow(executor: Executor, values: typeof workshopTrainingNeed.$inferInsert) {
  const [row] = await executor.insert(workshopTrainingNeed).values(values).returning();
  return row!;
}

export async function updateTrainingNeedRow(executor: Executor, id: string, values: Partial<typeof workshopTrainingNeed.$inferInsert>) {
  await executor.update(workshopTrainingNeed).set(values).where(eq(workshopTrainingNeed.id, id));
}

export async function deleteTrainingNeedRow(executor: Executor, id: string) {
  await executor.delete(workshopTrainingNeed).where(eq(workshopTrainingNeed.id, id));
}

// Voters and votes.

export type RegistrationRow = typeof eventRegistration.$inferSelect;

/**
 * The confirmed registration of the event that votes: by account or by check-in code. With
 * `forUpdate` the registration row is locked: one voter's dots change one call at a time.
 */
export async function findVoterRegistration(
  executor: Executor,
  eventId: string,
  who: { userId?: string; checkInCode?: string },
  options: { forUpdate?: boolean } = {},
): Promise<RegistrationRow | undefined> {
  const match = who.checkInCode
    ? eq(eventRegistration.checkInCode, who.checkInCode)
    : who.userId
      ? eq(eventRegistration.userId, who.userId)
      : null;
  if (!match) return undefined;
  const query = executor
    .select()
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.status, 'confirmed'), match))
    .orderBy(asc(eventRegistration.seq))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function selectVotesOfRegistration(executor: Executor, registrationId: string) {
  return executor
    .select({ challengeId: workshopVote.challengeId, dots: workshopVote.dots })
    .from(workshopVote)
    .where(eq(workshopVote.registrationId, registrationId));
}

/** Replaces the registration's dots with `allocation` (challenge id to dots, no zeros). */
export async function replaceVotes(
  executor: Executor,
  registrationId: string,
  eventId: string,
  allocation: Readonly<Record<string, number>>,
  isDemo = false,
) {
  await executor.delete(workshopVote).where(eq(workshopVote.registrationId, registrationId));
  const values = Object.entries(allocation).map(([challengeId, dots]) => ({ registrationId, challengeId, eventId, dots, isDemo }));
  if (values.length > 0) await executor.insert(workshopVote).values(values);
}

/** Every vote of the event's confirmed registrations. */
export async function selectEventVotes(executor: Executor, eventId: string) {
  return executor
    .select({ challengeId: workshopVote.challengeId, registrationId: workshopVote.registrationId, dots: workshopVote.dots })
    .from(workshopVote)
    .innerJoin(eventRegistration, eq(eventRegistration.id, workshopVote.registrationId))
    .where(and(eq(workshopVote.eventId, eventId), eq(eventRegistration.status, 'confirmed')));
}

export async function countConfirmed(executor: Executor, eventId: string): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.status, 'confirmed')));
  return row?.n ?? 0;
}

export async function selectConfirmedRegistrations(executor: Executor, eventId: string) {
  return executor
    .select({ id: eventRegistration.id })
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.status, 'confirmed')))
    .orderBy(asc(eventRegistration.seq));
}

// The synthesis and the comparison.

/**
 * Every dot of a closed voting of a published event by a confirmed registration, with what attribution needs: the
 * event, the theme, the voter's declared country and organisation (its country).
 */
export async function selectClosedVotes(executor: Executor, filter: { theme?: string } = {}) {
  return executor
    .select({
      eventId: event.id,
      eventSlug: event.slug,
      eventCountry: event.countryIso2,
      theme: workshopChallenge.themeCode,
      dots: workshopVote.dots,
      registrationId: workshopVote.registrationId,
      voterCountry: eventRegistration.countryIso2,
      organisationId: eventRegistration.organisationId,
      organisationCountry: organisation.countryIso2,
    })
    .from(workshopVote)
    .innerJoin(workshopVoting, and(eq(workshopVoting.eventId, workshopVote.eventId), eq(workshopVoting.status, 'closed')))
    .innerJoin(workshopChallenge, eq(workshopChallenge.id, workshopVote.challengeId))
    .innerJoin(event, eq(event.id, workshopVote.eventId))
    .innerJoin(eventRegistration, and(eq(eventRegistration.id, workshopVote.registrationId), eq(eventRegistration.status, 'confirmed')))
    .leftJoin(organisation, eq(organisation.id, eventRegistration.organisationId))
    .where(and(eq(event.status, 'published'), filter.theme ? eq(workshopChallenge.themeCode, filter.theme) : undefined));
}

/** Cluster slugs of each organisation's memberships. */
export async function selectMemberships(executor: Executor, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return [];
  return executor
    .select({ organisationId: clusterMembership.organisationId, slug: cluster.slug })
    .from(clusterMembership)
    .innerJoin(cluster, eq(cluster.id, clusterMembership.clusterId))
    .where(inArray(clusterMembership.organisationId, [...organisationIds]));
}

/** Published events with captured challenges: the workshops the comparison reads. */
export async function selectWorkshopsWithChallenges(executor: Executor) {
  return executor
    .selectDistinct({
      id: event.id,
      slug: event.slug,
      title: event.title,
      startsAt: event.startsAt,
      countryIso2: event.countryIso2,
      votingStatus: workshopVoting.status,
    })
    .from(event)
    .innerJoin(workshopChallenge, eq(workshopChallenge.eventId, event.id))
    .leftJoin(workshopVoting, eq(workshopVoting.eventId, event.id))
    .where(eq(event.status, 'published'));
}

/** Per event and theme: dots and distinct voters (confirmed registrations), every captured theme listed. */
export async function selectThemeTotals(executor: Executor, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return executor
    .select({
      eventId: workshopChallenge.eventId,
      theme: workshopChallenge.themeCode,
      dots: sql<number>`coalesce(sum(case when ${eventRegistration.id} is not null then ${workshopVote.dots} else 0 end), 0)::int`,
      voters: sql<number>`count(distinct ${eventRegistration.id})::int`,
    })
    .from(workshopChallenge)
    .leftJoin(workshopVote, eq(workshopVote.challengeId, workshopChallenge.id))
    .leftJoin(eventRegistration, and(eq(eventRegistration.id, workshopVote.registrationId), eq(eventRegistration.status, 'confirmed')))
    .where(inArray(workshopChallenge.eventId, [...eventIds]))
    .groupBy(workshopChallenge.eventId, workshopChallenge.themeCode);
}

/** Event ids of slugs (the demo events). */
export async function findEventIdsBySlugs(executor: Executor, slugs: readonly string[]) {
  if (slugs.length === 0) return [];
  return executor
    .select({ id: event.id, slug: event.slug })
    .from(event)
    .where(inArray(event.slug, [...slugs]));
}

export async function selectActiveThemeCodes(executor: Executor): Promise<string[]> {
  const rows = await executor
    .select({ code: challengeTheme.code })
    .from(challengeTheme)
    .where(sql`${challengeTheme.archivedAt} is null`)
    .orderBy(asc(challengeTheme.sortOrder), asc(challengeTheme.code));
  return rows.map((r) => r.code);
}

export async function findThemeName(executor: Executor, code: string) {
  const [row] = await executor
    .select({ code: challengeTheme.code, name: challengeTheme.name, archivedAt: challengeTheme.archivedAt })
    .from(challengeTheme)
    .where(eq(challengeTheme.code, code));
  return row;
}

export async function selectThemeNames(executor: Executor) {
  return executor.select({ code: challengeTheme.code, name: challengeTheme.name }).from(challengeTheme);
}

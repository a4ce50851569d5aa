/**
 * Workshop outputs on a real database (PGlite, and PostgreSQL with MOSAIC_TEST_DB=postgres):
 * facilitators capture challenges and training needs, participants (by account or check-in code)
 * spread their dots and never exceed them even with simultaneous calls, outsiders are refused with
 * nothing written, and closed votes change the national and regional priorities as the formula says.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
// biome-ignore lint/style/noRestrictedImports: the events module's test fixtures (rows written straight to its tables).
import { insertEvent, insertRegistration } from '#app/modules/events/event.fixture.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { queryRows } from '#app/shared/db/client.server.ts';
import { isAppError } from '#app/shared/errors.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { addMember, insertCluster, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { addChallenge, createDiagnostic, endorseDiagnostic, getThemeEvidence } from '../index.ts';
import { seedChallengeThemes } from '../needs.service.server.ts';
import { getPriorities } from '../priorities.service.server.ts';
import {
  addWorkshopChallenge,
  addWorkshopTrainingNeed,
  changeMyDot,
  changeVoting,
  compareWorkshopOutputs,
  getMyBallot,
  getVotingResults,
  getWorkshopOutputs,
  loadWorkshopVotes,
  removeWorkshopChallenge,
  setMyVotes,
  updateWorkshopChallenge,
} from './workshops.service.server.ts';
import { seedDemoWorkshopOutputs } from './workshops-demo.server.ts';

const staff = person([grant('programme_staff', 'global')], { userId: 'staff-1' });
const member = person([grant('member', 'global')], { userId: 'member-1' });

async function refusal(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, status: error.status };
    throw error;
  }
  throw new Error('expected a refusal');
}

const scores = (p: { priorities: { theme: string; score: number; rank: number }[] }) => p.priorities.map((x) => [x.theme, x.score, x.rank]);

describe('workshop outputs', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  const clusters: Record<string, { id: string; slug: string }> = {};
  const orgs: Record<string, { id: string }> = {};

  beforeAll(async () => {
    await seedChallengeThemes(db());
    for (const [key, country] of [
      ['tna', 'TN'],
      ['tnb', 'TN'],
      ['maa', 'MA'],
    ] as const) {
      clusters[key] = await insertCluster(db(), { slug: `ws-${key}`, countryIso2: country });
      orgs[key] = await insertOrganisation(db(), { countryIso2: country });
      await addMember(db(), clusters[key]!, orgs[key]!);
    }
  });

  const votesOf = async (eventId: string) =>
    (await queryRows<{ n: number }>(db(), sql`select coalesce(sum(dots), 0)::int as n from workshop_vote where event_id = ${eventId}`))[0]!
      .n;

  it('captures challenges and training needs for facilitators only, editable until voting closes, audited', async () => {
    const event = await insertEvent(db(), { clusterIds: [clusters.tna!.id, clusters.maa!.id] });
    const challenge = await addWorkshopChallenge(staff, event.slug, {
      themeCode: 'access-to-finance',
      description: 'لا تمنح البنوك قروضا صغيرة للحرفيات',
      sourceLocale: 'ar',
      clusters: ['ws-tna'],
    });
    expect(challenge).toMatchObject({ themeCode: 'access-to-finance', clusters: ['ws-tna'], sourceLocale: 'ar' });
    await addWorkshopChallenge(staff, event.slug, { themeCode: 'markets-and-buyers', description: 'Few buyers abroad' });
    const training = await addWorkshopTrainingNeed(staff, event.slug, { topic: 'export', format: 'coaching', description: 'Incoterms' });
    expect(training).toMatchObject({ topic: 'export', format: 'coaching' });
    const updated = await updateWorkshopChallenge(staff, event.slug, challenge.id, {
      description: 'Banks refuse small loans',
      clusters: [],
    });
    expect(updated).toMatchObject({ description: 'Banks refuse small loans', clusters: [] });

    // Refused: a member, an unknown theme, a cluster the event does not gather, an unknown training topic.
    expect(await refusal(addWorkshopChallenge(member, event.slug, { themeCode: 'infrastructure', description: 'x' }))).toEqual({
      code: 'COMMON_FORBIDDEN',
      status: 403,
    });
    expect(await refusal(addWorkshopChallenge(anonymous, event.slug, { themeCode: 'infrastructure', description: 'x' }))).toMatchObject({
      status: 401,
    });
    expect((await refusal(addWorkshopChallenge(staff, event.slug, { themeCode: 'no-such-theme', description: 'x' }))).code).toBe(
      'EVENTS_OUTPUTS_UNKNOWN_THEME',
    );
    expect(
      (await refusal(addWorkshopChallenge(staff, event.slug, { themeCode: 'infrastructure', description: 'x', clusters: ['ws-tnb'] })))
        .code,
    ).toBe('EVENTS_OUTPUTS_UNKNOWN_CLUSTER');
    expect((await refusal(addWorkshopTrainingNeed(staff, event.slug, { topic: 'juggling', format: 'coaching' }))).code).toBe(
      'COMMON_VALIDATION_FAILED',
    );
    expect((await refusal(getWorkshopOutputs(member, event.slug))).status).toBe(403);

    const outputs = await getWorkshopOutputs(staff, event.slug);
    expect(outputs.challenges.map((c) => c.themeCode)).toEqual(['access-to-finance', 'markets-and-buyers']);
    expect(outputs.trainingNeeds).toHaveLength(1);
    expect(outputs.editable).toBe(true);

    await changeVoting(staff, event.slug, { action: 'open', dots: 2 });
    await changeVoting(staff, event.slug, { action: 'close' });
    expect((await refusal(addWorkshopChallenge(staff, event.slug, { themeCode: 'infrastructure', description: 'late' }))).code).toBe(
      'EVENTS_OUTPUTS_VOTING_CLOSED',
    );
    expect((await refusal(removeWorkshopChallenge(staff, event.slug, challenge.id))).code).toBe('EVENTS_OUTPUTS_VOTING_CLOSED');
    expect((await getWorkshopOutputs(staff, event.slug)).editable).toBe(false);

    const audit = await queryRows<{ action: string }>(
      db(),
      sql`select action from audit_log where subject_type = 'event' and subject_id = ${event.id} order by created_at, id`,
    );
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        'events.outputs.challenge.create',
        'events.outputs.challenge.create',
        'events.outputs.challenge.update',
        'events.outputs.training-need.create',
        'events.outputs.voting.open',
        'events.outputs.voting.close',
      ].sort(),
    );
  });

  it('lets participants spread their dots, by account or by check-in code, and refuses outsiders with nothing written', async () => {
    const event = await insertEvent(db(), { clusterIds: [clusters.tna!.id] });
    const a = await addWorkshopChallenge(staff, event.slug, { themeCode: 'access-to-finance', description: 'a' });
    const b = await addWorkshopChallenge(staff, event.slug, { themeCode: 'infrastructure', description: 'b' });
    const voter = person([grant('member', 'global')], { userId: 'voter-by-account' });
    await insertRegistration(db(), event.id, { userId: 'voter-by-account' });
    const byCode = await insertRegistration(db(), event.id, { checkInCode: 'code-of-the-badge-1' });
    const cancelled = await insertRegistration(db(), event.id, { status: 'cancelled', userId: 'cancelled-voter' });

    // Not open yet.
    expect((await refusal(changeMyDot(voter, event.slug, { challengeId: a.id, change: 1 }))).code).toBe('EVENTS_OUTPUTS_VOTING_NOT_OPEN');
    await changeVoting(staff, event.slug, { action: 'open' });
    expect((await refusal(changeVoting(staff, event.slug, { action: 'set-dots', dots: 5 }))).code).toBe('EVENTS_OUTPUTS_DOTS_LOCKED');

    let ballot = await changeMyDot(voter, event.slug, { challengeId: a.id, change: 1 });
    ballot = await changeMyDot(voter, event.slug, { challengeId: a.id, change: 1 });
    expect(ballot).toMatchObject({ used: 2, allocation: { [a.id]: 2 }, results: null });
    ballot = await setMyVotes(anonymous, event.slug, { checkInCode: 'code-of-the-badge-1', allocation: { [a.id]: 1, [b.id]: 2 } });
    expect(ballot).toMatchObject({ used: 3, voter: { name: byCode.name } });
    expect((await refusal(setMyVotes(anonymous, event.slug, { checkInCode: 'code-of-the-badge-1', allocation: { [a.id]: 4 } }))).code).toBe(
      'EVENTS_OUTPUTS_TOO_MANY_DOTS',
    );

    // Outsiders: a member without a registration, a wrong code, a cancelled registration, no credentials.
    const before = await votesOf(event.id);
    expect((await refusal(changeMyDot(member, event.slug, { challengeId: a.id, change: 1 }))).code).toBe('EVENTS_OUTPUTS_NOT_PARTICIPANT');
    expect((await refusal(setMyVotes(anonymous, event.slug, { checkInCode: 'not-a-real-code', allocation: { [a.id]: 1 } }))).code).toBe(
      'EVENTS_OUTPUTS_NOT_PARTICIPANT',
    );
    expect(
      (
        await refusal(
          changeMyDot(person([grant('member', 'global')], { userId: cancelled.userId! }), event.slug, { challengeId: a.id, change: 1 }),
        )
      ).code,
    ).toBe('EVENTS_OUTPUTS_NOT_PARTICIPANT');
    expect((await refusal(changeMyDot(anonymous, event.slug, { challengeId: a.id, change: 1 }))).status).toBe(401);
    expect(await votesOf(event.id)).toBe(before);

    // Results: live for the facilitator, for participants only once closed.
    const live = await getVotingResults(staff, event.slug);
    expect(live.results.map((r) => [r.themeCode, r.dots, r.voters])).toEqual([
      ['access-to-finance', 3, 2],
      ['infrastructure', 2, 1],
    ]);
    expect(live).toMatchObject({ participants: 2, voters: 2 });
    expect((await refusal(getVotingResults(voter, event.slug))).code).toBe('EVENTS_OUTPUTS_RESULTS_NOT_YET');
    await changeVoting(staff, event.slug, { action: 'close' });
    expect((await refusal(changeMyDot(voter, event.slug, { challengeId: b.id, change: 1 }))).code).toBe('EVENTS_OUTPUTS_VOTING_CLOSED');
    expect((await getMyBallot(anonymous, event.slug, { checkInCode: 'code-of-the-badge-1' })).results).toHaveLength(2);
    expect((await getVotingResults(voter, event.slug)).voters).toBe(2);
  });

  it('never gives a participant more than their dots, even with simultaneous calls', async () => {
    const event = await insertEvent(db(), { clusterIds: [clusters.tna!.id] });
    const a = await addWorkshopChallenge(staff, event.slug, { themeCode: 'access-to-finance', description: 'a' });
    const b = await addWorkshopChallenge(staff, event.slug, { themeCode: 'infrastructure', description: 'b' });
    const registration = await insertRegistration(db(), event.id, { checkInCode: 'concurrent-voter-code' });
    await changeVoting(staff, event.slug, { action: 'open', dots: 3 });
    const code = { checkInCode: 'concurrent-voter-code' };
    const calls = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => changeMyDot(anonymous, event.slug, { ...code, challengeId: i % 2 ? a.id : b.id, change: 1 })),
    );
    expect(calls.filter((c) => c.status === 'fulfilled')).toHaveLength(3);
    for (const c of calls.filter((x) => x.status === 'rejected')) {
      expect((c as PromiseRejectedResult).reason).toMatchObject({ code: 'EVENTS_OUTPUTS_TOO_MANY_DOTS' });
    }
    expect(await votesOf(event.id)).toBe(3);

    // Whole allocations at once: whichever wins, the total stays within the dots.
    const sets = await Promise.allSettled([
      setMyVotes(anonymous, event.slug, { ...code, allocation: { [a.id]: 3 } }),
      setMyVotes(anonymous, event.slug, { ...code, allocation: { [b.id]: 2 } }),
      changeMyDot(anonymous, event.slug, { ...code, challengeId: a.id, change: 1 }),
      changeMyDot(anonymous, event.slug, { ...code, challengeId: b.id, change: 1 }),
    ]);
    expect(sets.some((s) => s.status === 'fulfilled')).toBe(true);
    const rows = await queryRows<{ dots: number }>(db(), sql`select dots from workshop_vote where registration_id = ${registration.id}`);
    expect(rows.reduce((s, r) => s + r.dots, 0)).toBeLessThanOrEqual(3);
  });

  it('compares workshops: which themes recur, with dots hidden in public for fewer than five voters', async () => {
    // The workshops above: finance captured at three (TN+MA, TN, TN), voted at the second only (3 dots by 2 voters).
    const comparison = await compareWorkshopOutputs(anonymous);
    expect(comparison.audience).toBe('public');
    const finance = comparison.rows.find((r) => r.theme === 'access-to-finance')!;
    expect(finance).toMatchObject({ workshops: 3, countries: ['MA', 'TN'], dots: null });
    expect(finance.cells.filter((c) => c.hidden)).toHaveLength(1);
    expect(comparison.rows[0]!.theme).toBe('access-to-finance');
    const staffView = await compareWorkshopOutputs(staff);
    expect(staffView.audience).toBe('staff');
    expect(staffView.rows.find((r) => r.theme === 'access-to-finance')).toMatchObject({ dots: 3 });
    expect(staffView.rows.find((r) => r.theme === 'infrastructure')).toMatchObject({ workshops: 2, countries: ['TN'], dots: 2 });
    expect(staffView.rows.map((r) => r.workshops)).toEqual([...staffView.rows.map((r) => r.workshops)].sort((a, b) => b - a));
  });

  it('changes the national and regional priorities as the formula says once voting closes', async () => {
    // A region without the workshops above, so the figures below are the formula's by hand.
    await db().execute(sql`delete from event`);
    // Endorsed diagnostics: tna finance 4 and markets 4; tnb finance 4; maa markets 3.
    const diagnose = async (slug: string, challenges: [string, 1 | 2 | 3 | 4][]) => {
      const d = await createDiagnostic(staff, { cluster: slug, diagnosedOn: '2026-10-01' });
      for (const [themeCode, severity] of challenges)
        await addChallenge(staff, d.id, { themeCode, severity, description: { en: themeCode } });
      await endorseDiagnostic(staff, d.id, { name: 'Chair', role: 'Steering committee' });
    };
    await diagnose('ws-tna', [
      ['access-to-finance', 4],
      ['markets-and-buyers', 4],
    ]);
    await diagnose('ws-tnb', [['access-to-finance', 4]]);
    await diagnose('ws-maa', [['markets-and-buyers', 3]]);

    const focus = (p: Awaited<ReturnType<typeof getPriorities>>) =>
      scores(p).filter(([theme]) => theme === 'access-to-finance' || theme === 'markets-and-buyers');
    const tnBefore = await getPriorities(staff, { scope: 'country:TN' });
    const maBefore = await getPriorities(staff, { scope: 'country:MA' });
    const regionBefore = await getPriorities(staff, { scope: 'region' });
    // TN: finance 2/2 clusters at 4 → 1.0, breadth 1 → 100; markets 1/2 at 4 → 0.7, breadth ½ → 0.65.
    expect(focus(tnBefore)).toEqual([
      ['access-to-finance', 100, 1],
      ['markets-and-buyers', 65, 2],
    ]);
    expect(focus(maBefore)).toEqual([['markets-and-buyers', 90, 1]]);
    // Region: finance 2/3 at 4 → 0.8, breadth ½·⅔ + ½·½; markets 2/3 at 3.5 → 0.7333, breadth ½·⅔ + ½·1.
    expect(focus(regionBefore)).toEqual([
      ['markets-and-buyers', 75.8, 1],
      ['access-to-finance', 74.6, 2],
    ]);

    // A thematic workshop gathering the three clusters: Tunisian voters put their dots on markets, the Moroccan on finance.
    const event = await insertEvent(db(), { clusterIds: [clusters.tna!.id, clusters.tnb!.id, clusters.maa!.id] });
    const markets = await addWorkshopChallenge(staff, event.slug, { themeCode: 'markets-and-buyers', description: 'Buyers' });
    const finance = await addWorkshopChallenge(staff, event.slug, { themeCode: 'access-to-finance', description: 'Loans' });
    const r1 = await insertRegistration(db(), event.id, { organisationId: orgs.tna!.id });
    const r2 = await insertRegistration(db(), event.id, { organisationId: orgs.tnb!.id });
    const r3 = await insertRegistration(db(), event.id, { organisationId: orgs.maa!.id });
    await changeVoting(staff, event.slug, { action: 'open' });
    await setMyVotes(anonymous, event.slug, { checkInCode: r1.checkInCode, allocation: { [markets.id]: 3 } });
    await setMyVotes(anonymous, event.slug, { checkInCode: r2.checkInCode, allocation: { [markets.id]: 3 } });
    await setMyVotes(anonymous, event.slug, { checkInCode: r3.checkInCode, allocation: { [finance.id]: 3 } });

    // Open voting does not count yet.
    expect(scores(await getPriorities(staff, { scope: 'country:TN' }))).toEqual(scores(tnBefore));
    await changeVoting(staff, event.slug, { action: 'close' });
    expect((await loadWorkshopVotes()).filter((v) => v.eventId === event.id)).toEqual([
      {
        id: `${event.slug}:access-to-finance:MA:ws-maa`,
        eventId: event.id,
        clusters: ['ws-maa'],
        country: 'MA',
        theme: 'access-to-finance',
        votes: 3,
      },
      {
        id: `${event.slug}:markets-and-buyers:TN:ws-tna`,
        eventId: event.id,
        clusters: ['ws-tna'],
        country: 'TN',
        theme: 'markets-and-buyers',
        votes: 3,
      },
      {
        id: `${event.slug}:markets-and-buyers:TN:ws-tnb`,
        eventId: event.id,
        clusters: ['ws-tnb'],
        country: 'TN',
        theme: 'markets-and-buyers',
        votes: 3,
      },
    ]);

    // Weights now: diagnostic ⅔, workshop ⅓.
    // TN: finance ⅔·1 + 0 → 0.75·⅔ + 0.25 = 75; markets ⅔·0.7 + ⅓·1 = 0.8, breadth 2/2 → 85: markets gains the first rank.
    expect(focus(await getPriorities(staff, { scope: 'country:TN' }))).toEqual([
      ['markets-and-buyers', 85, 1],
      ['access-to-finance', 75, 2],
    ]);
    // MA: markets ⅔·0.8667 → 68.3; finance ⅓·1, breadth 1 → 50.
    expect(focus(await getPriorities(staff, { scope: 'country:MA' }))).toEqual([
      ['markets-and-buyers', 68.3, 1],
      ['access-to-finance', 50, 2],
    ]);
    // The drill-down lists the votes behind a theme of a scope: the same records.
    const drill = await getThemeEvidence(staff, { scope: 'country:TN', theme: 'markets-and-buyers' });
    expect(drill.votes.map((v) => [v.event.slug, v.clusters, v.country, v.votes])).toEqual([
      [event.slug, ['ws-tna'], 'TN', 3],
      [event.slug, ['ws-tnb'], 'TN', 3],
    ]);
    expect((await getThemeEvidence(staff, { scope: 'cluster:ws-maa', theme: 'access-to-finance' })).votes).toMatchObject([
      { clusters: ['ws-maa'], country: 'MA', votes: 3 },
    ]);
    // Region: markets ⅔·0.7333 + ⅓·1, finance ⅔·0.8 + ⅓·½; both now in 3/3 clusters and 2/2 countries.
    expect(focus(await getPriorities(staff, { scope: 'region' }))).toEqual([
      ['markets-and-buyers', 86.7, 1],
      ['access-to-finance', 77.5, 2],
    ]);
  });

  it('seeds demo outputs for held demo workshops only, deterministic and idempotent, feeding the synthesis', async () => {
    const past = new Date(Date.now() - 40 * 86_400_000);
    const held = await insertEvent(db(), {
      clusterIds: [clusters.tna!.id],
      startsAt: past,
      endsAt: new Date(past.getTime() + 8 * 3_600_000),
      isDemo: true,
    });
    const upcoming = await insertEvent(db(), { clusterIds: [clusters.maa!.id], isDemo: true });
    for (let i = 0; i < 6; i++) await insertRegistration(db(), held.id, { organisationId: orgs.tna!.id, isDemo: true });
    const slugs = [held.slug, upcoming.slug, 'no-such-demo-event'];
    expect(await seedDemoWorkshopOutputs(db(), slugs)).toEqual({ workshops: 1, challenges: 4, trainingNeeds: 2, voters: 6 });
    expect(await seedDemoWorkshopOutputs(db(), slugs)).toEqual({ workshops: 0, challenges: 0, trainingNeeds: 0, voters: 0 });
    const outputs = await getWorkshopOutputs(staff, held.slug);
    expect(outputs.voting).toMatchObject({ status: 'closed', dots: 3 });
    expect(outputs.challenges.every((c) => c.isDemo && c.sourceLocale === 'fr')).toBe(true);
    expect(await votesOf(held.id)).toBe(18);
    expect((await getWorkshopOutputs(staff, upcoming.slug)).challenges).toEqual([]);
    const seeded = (await loadWorkshopVotes()).filter((v) => v.eventId === held.id);
    expect(seeded.map((v) => [v.country, v.clusters])).toEqual(seeded.map(() => ['TN', ['ws-tna']]));
    expect(seeded.reduce((sum, v) => sum + v.votes, 0)).toBe(18);
  });
});

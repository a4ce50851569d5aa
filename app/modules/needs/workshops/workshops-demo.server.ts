/**
 * Seeds the demo workshops' outputs (issue 5, item 9): for each demo event (DEMO_EVENT_SLUGS of
 * the events module) that is over, the challenges and training needs of workshops-demo.ts, a
 * closed voting of three dots and the dots of its confirmed participants, all marked demo, so the
 * board, the drill-down and the comparison of workshops have workshop evidence. Deterministic and
 * idempotent: an event that already has outputs is left alone; events not seeded yet are skipped.
 */
import { DEMO_EVENT_SLUGS } from '#app/modules/events/index.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import {
  findOutputsEvent,
  insertChallengeRow,
  insertTrainingNeedRow,
  lockVoting,
  replaceVotes,
  selectActiveThemeCodes,
  selectChallenges,
  selectConfirmedRegistrations,
  updateVoting,
} from './workshops.repository.server.ts';
import { demoDots, demoOutputsPlan } from './workshops-demo.ts';

export interface DemoWorkshopOutputCounts {
  workshops: number;
  challenges: number;
  trainingNeeds: number;
  voters: number;
}

export async function seedDemoWorkshopOutputs(
  executor: Executor = getDb(),
  slugs: readonly string[] = DEMO_EVENT_SLUGS,
): Promise<DemoWorkshopOutputCounts> {
  return executor.transaction(async (tx) => {
    const counts = { workshops: 0, challenges: 0, trainingNeeds: 0, voters: 0 };
    const themes = await selectActiveThemeCodes(tx);
    for (const [index, slug] of slugs.entries()) {
      const row = await findOutputsEvent(tx, slug);
      if (!row || row.endsAt.getTime() > Date.now() || row.status !== 'published') continue;
      if ((await selectChallenges(tx, row.id)).length > 0) continue;
      const plan = demoOutputsPlan(index, themes);
      if (plan.challenges.length === 0) continue;
      const challengeIds: string[] = [];
      for (const [order, c] of plan.challenges.entries()) {
        const created = await insertChallengeRow(tx, { eventId: row.id, ...c, sourceLocale: plan.locale, sortOrder: order, isDemo: true });
        challengeIds.push(created.id);
      }
      for (const [order, t] of plan.trainingNeeds.entries()) {
        await insertTrainingNeedRow(tx, { eventId: row.id, ...t, sourceLocale: plan.locale, sortOrder: order, isDemo: true });
      }
      await lockVoting(tx, row.id, true);
      const voters = await selectConfirmedRegistrations(tx, row.id);
      for (const [v, voter] of voters.entries()) {
        const dots = demoDots(index, v, challengeIds.length);
        const allocation = Object.fromEntries(Object.entries(dots).map(([i, n]) => [challengeIds[Number(i)]!, n]));
        await replaceVotes(tx, voter.id, row.id, allocation, true);
      }
      await updateVoting(tx, row.id, { dots: 3, status: 'closed', openedAt: row.startsAt, closedAt: row.endsAt, isDemo: true });
      counts.workshops += 1;
      counts.challenges += challengeIds.length;
      counts.trainingNeeds += plan.trainingNeeds.length;
      counts.voters += voters.length;
    }
    return counts;
  });
}

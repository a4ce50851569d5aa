/**
 * The priority formula against rankings computed by hand on synthesis.fixture.ts, with the default
 * weights (survey 0.4 and diagnostic 0.4, re-normalised to ½ each since there are no workshop
 * votes; frequency 0.6, severity 0.4; breadth 0.25; severity s rescaled to (s − 1) / 3).
 *
 * Survey signal = 0.6·freq + 0.4·sev; missing severities are left out of the mean, a theme with
 * none at all takes 0.5 (M in el-jem, D in Morocco). r4 named nothing but counts in denominators.
 *
 * ## Tunisia (el-jem, nabeul): 8 respondents, 2 diagnosed clusters, 2 clusters with evidence
 * | theme | survey freq | sev given → 0..1 | survey | diag freq | diag sev | diag | evidence | breadth | 75%·E + 25%·B | score |
 * |---|---|---|---|---|---|---|---|---|---|---|
 * | A | 4/8 (r1 r2 r3 r7) | 4,4,4 (r3 missing) → 1 | 0.7 | 1/2 | 4 → 1 | 0.7 | 0.7 | 2/2 | 0.775 | 77.5 |
 * | M | 3/8 (r1 r5 r6) | 4,1 (r1 missing) → 0.5 | 0.425 | 1/2 | 4 → 1 | 0.7 | 0.5625 | 2/2 | 0.671875 | 67.2 |
 * | S | 3/8 (r3 r5 r8) | 1,4 (r8 missing) → 0.5 | 0.425 | 1/2 | 4 → 1 | 0.7 | 0.5625 | 2/2 | 0.671875 | 67.2 |
 * | I | 1/8 (r2) | 2 → 1/3 | 0.208333 | 0 | | 0 | 0.104167 | 1/2 | 0.203125 | 20.3 |
 * Ranking: A 1, M 2, S 2 (tie: same breadth, listed by code), I 4.
 *
 * ## Morocco (fes, safi): 4 respondents (safi has no survey), 2 diagnosed clusters
 * | theme | survey freq | sev | survey | diag freq | diag sev | diag | evidence | breadth | score |
 * |---|---|---|---|---|---|---|---|---|---|
 * | M | 2/4 | 4,4 → 1 | 0.7 | 1/2 (safi) | 4 → 1 | 0.7 | 0.7 | 2/2 | 77.5 |
 * | R | 1/4 | 4 → 1 | 0.55 | 2/2 (fes, safi) | 4,1 → 0.5 | 0.8 | 0.675 | 2/2 | 75.625 → 75.6 |
 * | A | 2/4 | 1,1 → 0 | 0.3 | 1/2 (fes, unendorsed) | 1 → 0 | 0.3 | 0.3 | 1/2 | 35.0 |
 * | D | 1/4 | none → 0.5 | 0.35 | 0 | | 0 | 0.175 | 1/2 | 25.625 → 25.6 |
 * | T | 1/4 | 2 → 1/3 | 0.283333 | 0 | | 0 | 0.141667 | 1/2 | 23.125 → 23.1 |
 * Ranking: M 1, R 2, A 3, D 4, T 5.
 *
 * ## Region: 12 respondents, 4 diagnosed clusters, 4 clusters and 2 countries with evidence
 * Breadth = ½·clusters share + ½·countries share.
 * | theme | survey freq | sev | survey | diag freq | diag sev | diag | evidence | breadth | score |
 * |---|---|---|---|---|---|---|---|---|---|
 * | M | 5/12 | 4,1,4,4 → 3.25 → 0.75 | 0.55 | 2/4 | 4,4 → 1 | 0.7 | 0.625 | ½·4/4 + ½·2/2 = 1 | 71.875 → 71.9 |
 * | A | 6/12 | 4,4,4,1,1 → 2.8 → 0.6 | 0.54 | 2/4 | 4,1 → 0.5 | 0.5 | 0.52 | ½·3/4 + ½ = 0.875 | 60.875 → 60.9 |
 * | R | 1/12 | 4 → 1 | 0.45 | 2/4 | 4,1 → 0.5 | 0.5 | 0.475 | ½·2/4 + ½·1/2 = 0.5 | 48.125 → 48.1 |
 * | S | 3/12 | 1,4 → 0.5 | 0.35 | 1/4 | 4 → 1 | 0.55 | 0.45 | 0.5 | 46.25 → 46.3 |
 * | D | 1/12 | none → 0.5 | 0.25 | 0 | | 0 | 0.125 | ½·1/4 + ½·1/2 = 0.375 | 18.75 → 18.8 |
 * | I | 1/12 | 2 → 1/3 | 0.183333 | 0 | | 0 | 0.091667 | 0.375 | 16.25 → 16.3 |
 * | T | 1/12 | 2 → 1/3 | 0.183333 | 0 | | 0 | 0.091667 | 0.375 | 16.25 → 16.3 |
 * Ranking: M 1, A 2, R 3, S 4, D 5, I 6, T 6 (tie: same breadth, listed by code).
 *
 * ## Cluster el-jem: 4 respondents, 1 diagnosed cluster, no breadth
 * A: survey 0.6·3/4 + 0.4·1 = 0.85, diag 1 → 92.5; S: survey 0.6·1/4 + 0 = 0.15, diag 1 → 57.5;
 * M: survey 0.15 + 0.4·0.5 (no severity given) = 0.35 → 17.5; I: 0.15 + 0.4/3 = 0.283333 → 14.2.
 * ## Cluster safi: no survey, so diagnostics weigh 1: M 0.6 + 0.4 = 100; R 0.6 + 0 = 60.
 */
import { describe, expect, it } from 'vitest';
import type { Evidence, Scope, SurveyMention, WorkshopVote } from './evidence.ts';
import { prioritise, rankPriorities, roundScore } from './priority.ts';
import { A, D, FIXTURE, FIXTURE_MENTIONS, I, M, R, random, S, T } from './synthesis.fixture.ts';

const TN: Scope = { kind: 'country', country: 'TN' };
const MA: Scope = { kind: 'country', country: 'MA' };
const REGION: Scope = { kind: 'region' };

function ranking(evidence: Evidence, scope: Scope, options?: Parameters<typeof prioritise>[2]) {
  return prioritise(evidence, scope, options).priorities.map((p) => [p.rank, p.theme, p.score]);
}

describe('prioritise on the hand-computed fixture', () => {
  it('ranks Tunisia as computed by hand, with a tie sharing rank 2 and listed by code', () => {
    expect(ranking(FIXTURE, TN)).toEqual([
      [1, A, 77.5],
      [2, M, 67.2],
      [2, S, 67.2],
      [4, I, 20.3],
    ]);
  });

  it('ranks Morocco as computed by hand (a cluster without survey, a theme without any severity)', () => {
    expect(ranking(FIXTURE, MA)).toEqual([
      [1, M, 77.5],
      [2, R, 75.6],
      [3, A, 35],
      [4, D, 25.6],
      [5, T, 23.1],
    ]);
  });

  it('ranks the region as computed by hand, with a tie at the end', () => {
    expect(ranking(FIXTURE, REGION)).toEqual([
      [1, M, 71.9],
      [2, A, 60.9],
      [3, R, 48.1],
      [4, S, 46.3],
      [5, D, 18.8],
      [6, I, 16.3],
      [6, T, 16.3],
    ]);
  });

  it('ranks clusters without breadth, re-weighting a missing source', () => {
    expect(ranking(FIXTURE, { kind: 'cluster', cluster: 'el-jem' })).toEqual([
      [1, A, 92.5],
      [2, S, 57.5],
      [3, M, 17.5],
      [4, I, 14.2],
    ]);
    const safi = prioritise(FIXTURE, { kind: 'cluster', cluster: 'safi' });
    expect(safi.weights).toEqual({ survey: 0, diagnostic: 1, workshop: 0, breadth: 0 });
    expect(safi.priorities.map((p) => [p.rank, p.theme, p.score])).toEqual([
      [1, M, 100],
      [2, R, 60],
    ]);
  });

  it('returns the components that explain a score, and the evidence behind it', () => {
    const a = prioritise(FIXTURE, REGION).priorities.find((p) => p.theme === A)!;
    expect(a.survey).toMatchObject({ named: 6, respondents: 12, frequency: 0.5, severityMean: 2.8, severityAnswers: 5 });
    expect(a.survey!.severity).toBeCloseTo(0.6, 10);
    expect(a.survey!.signal).toBeCloseTo(0.54, 10);
    expect(a.survey!.byGender).toEqual({ woman: 2, man: 2, another: 1, undisclosed: 0, unknown: 1 });
    expect(a.diagnostic).toMatchObject({ named: 2, clusters: 4, frequency: 0.5, severityMean: 2.5, severity: 0.5 });
    expect(a.evidence).toBeCloseTo(0.52, 10);
    expect(a.breadth).toMatchObject({
      clusters: ['el-jem', 'fes', 'nabeul'],
      countries: ['MA', 'TN'],
      clustersInScope: 4,
      countriesInScope: 2,
    });
    expect(a.breadth.value).toBeCloseTo(0.875, 10);
    expect(a.evidenceIds).toEqual({
      mentions: ['r1', 'r10', 'r2', 'r3', 'r7', 'r9'].map((r) => `${r}-${A}`),
      challenges: ['c1', 'c4'],
      votes: [],
    });
    const d = prioritise(FIXTURE, MA).priorities.find((p) => p.theme === D)!;
    expect(d.survey).toMatchObject({ severityMean: null, severityAnswers: 0, severity: 0.5 });
    expect(d.survey!.bySize).toEqual({ micro: 0, small: 0, medium: 0, large: 0, unknown: 1 });
  });
});

describe('prioritise options and rules', () => {
  it('counts a respondent naming a theme twice once, at the highest severity given', () => {
    const twice: SurveyMention[] = [
      ...FIXTURE_MENTIONS,
      { ...FIXTURE_MENTIONS.find((m) => m.id === `r6-${M}`)!, id: 'r6-again', severity: 4 },
    ];
    const m = prioritise({ ...FIXTURE, mentions: twice }, TN).priorities.find((p) => p.theme === M)!;
    // r6 now counts at 4 instead of 1: severities 4 (r5), 4 (r6) → mean 4; still 3 of 8 respondents.
    expect(m.survey).toMatchObject({ named: 3, severityMean: 4 });
    expect(m.evidenceIds.mentions).toContain('r6-again');
  });

  it('leaves unendorsed diagnostics out on request', () => {
    const result = prioritise(FIXTURE, MA, { endorsedOnly: true });
    const a = result.priorities.find((p) => p.theme === A)!;
    expect(a.diagnostic).toMatchObject({ named: 0, clusters: 2 });
    expect(a.evidenceIds.challenges).toEqual([]);
    // A: survey 0.3 only → evidence 0.15; breadth 1/2 → 0.75·0.15 + 0.125 = 0.2375 → 23.8.
    expect(a.score).toBe(23.8);
  });

  it('restricts the survey to a gender (a disaggregated synthesis)', () => {
    const women = prioritise(FIXTURE, TN, { filter: { genders: ['woman'] } });
    // Women in Tunisia: r1 (A4, M missing), r4 (nothing), r5 (M4, S4).
    expect(women.respondents).toBe(3);
    const m = women.priorities.find((p) => p.theme === M)!;
    expect(m.survey).toMatchObject({ named: 2, respondents: 3, severityMean: 4 });
    expect(women.priorities.find((p) => p.theme === I)).toBeUndefined();
  });

  it('adds workshop votes relative to the most voted theme, re-weighting all three sources', () => {
    const votes: WorkshopVote[] = [
      { id: 'v1', eventId: 'w1', clusters: ['el-jem', 'nabeul'], country: 'TN', theme: I, votes: 10 },
      { id: 'v2', eventId: 'w1', clusters: ['el-jem', 'nabeul'], country: 'TN', theme: A, votes: 5 },
    ];
    const result = prioritise({ ...FIXTURE, votes }, TN);
    expect(result.weights).toEqual({ survey: 0.4, diagnostic: 0.4, workshop: 0.2, breadth: 0.25 });
    const i = result.priorities.find((p) => p.theme === I)!;
    expect(i.workshop).toEqual({ votes: 10, maxVotes: 10, signal: 1 });
    // I: 0.4·0.208333 + 0.4·0 + 0.2·1 = 0.283333; breadth now 2/2 → 0.75·0.283333 + 0.25 = 0.4625 → 46.3.
    expect(i.score).toBe(46.3);
    expect(i.breadth.clusters).toEqual(['el-jem', 'nabeul']);
  });

  it('lists equal scores by breadth before code', () => {
    const items = [
      { theme: 'a', score: 50, rank: 0, breadth: { clusters: ['x'], countries: ['TN'] } },
      { theme: 'b', score: 50, rank: 0, breadth: { clusters: ['x', 'y'], countries: ['TN'] } },
      { theme: 'c', score: 50, rank: 0, breadth: { clusters: ['x', 'y'], countries: ['MA', 'TN'] } },
      { theme: 'd', score: 70, rank: 0, breadth: { clusters: [], countries: [] } },
      { theme: 'e', score: 10, rank: 0, breadth: { clusters: [], countries: [] } },
    ];
    expect(rankPriorities(items).map((p) => [p.rank, p.theme])).toEqual([
      [1, 'd'],
      [2, 'c'],
      [2, 'b'],
      [2, 'a'],
      [5, 'e'],
    ]);
  });

  it('rounds half up whatever the floating-point noise', () => {
    expect(roundScore(46.25)).toBe(46.3);
    expect(roundScore(0.4625 * 100)).toBe(46.3);
    expect(roundScore(46.249)).toBe(46.2);
    expect(roundScore(100)).toBe(100);
    expect(roundScore(0)).toBe(0);
  });

  it('gives an empty synthesis for a scope without evidence', () => {
    const result = prioritise(FIXTURE, { kind: 'country', country: 'JO' });
    expect(result.priorities).toEqual([]);
    expect(result.respondents).toBe(0);
  });
});

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('prioritise properties', () => {
  const scopes: Scope[] = [REGION, TN, MA, { kind: 'cluster', cluster: 'fes' }];

  it('does not depend on the order of the input', () => {
    const next = random(7);
    for (let round = 0; round < 20; round += 1) {
      const evidence: Evidence = {
        responses: shuffled(FIXTURE.responses!, next),
        mentions: shuffled(FIXTURE.mentions!, next),
        challenges: shuffled(FIXTURE.challenges!, next),
      };
      for (const scope of scopes) expect(prioritise(evidence, scope)).toEqual(prioritise(FIXTURE, scope));
    }
  });

  it('never lowers a theme’s frequency when a mention is added', () => {
    const themes = [A, M, S, R, D, I, T];
    const next = random(11);
    for (let round = 0; round < 50; round += 1) {
      const respondent = FIXTURE.responses![Math.floor(next() * FIXTURE.responses!.length)]!;
      const theme = themes[Math.floor(next() * themes.length)]!;
      const added: SurveyMention = { ...respondent, id: `extra-${round}`, theme, severity: next() < 0.3 ? null : 1 };
      const after = { ...FIXTURE, mentions: [...FIXTURE.mentions!, added] };
      for (const scope of scopes) {
        const before = new Map(prioritise(FIXTURE, scope).priorities.map((p) => [p.theme, p.survey?.frequency ?? 0]));
        for (const p of prioritise(after, scope).priorities) {
          expect(p.survey?.frequency ?? 0).toBeGreaterThanOrEqual(before.get(p.theme) ?? 0);
        }
      }
    }
  });

  it('keeps every score within 0..100 for extreme weights', () => {
    for (const frequencyWeight of [0, 1]) {
      for (const breadthWeight of [0, 1]) {
        for (const p of prioritise(FIXTURE, REGION, { frequencyWeight, breadthWeight }).priorities) {
          expect(p.score).toBeGreaterThanOrEqual(0);
          expect(p.score).toBeLessThanOrEqual(100);
        }
      }
    }
  });
});

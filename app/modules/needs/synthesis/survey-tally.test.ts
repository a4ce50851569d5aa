/**
 * The survey as counts (what the summary table of decision 0012 keeps): the formula gives the same
 * figures from the counts as from the records, and the counts stay small whatever the number of
 * responses.
 */
import { describe, expect, it } from 'vitest';
import { type Evidence, GENDERS, type Respondent, type Scope, SIZE_CLASSES, type SurveyMention, tallySurvey } from './evidence.ts';
import { prioritise } from './priority.ts';
import { A, FIXTURE, random } from './synthesis.fixture.ts';

const withoutMentionIds = (evidence: Evidence, scope: Scope, options?: Parameters<typeof prioritise>[2]) => {
  const result = prioritise(evidence, scope, options);
  return { ...result, priorities: result.priorities.map((p) => ({ ...p, evidenceIds: { ...p.evidenceIds, mentions: [] } })) };
};

describe('tallySurvey', () => {
  it('counts respondents per cluster, gender and size, and each respondent once per theme', () => {
    const tally = tallySurvey(FIXTURE);
    // el-jem: r1 and r4 are women, micro.
    expect(tally.base).toContainEqual({ cluster: 'el-jem', country: 'TN', gender: 'woman', size: 'micro', respondents: 2 });
    expect(tally.base.reduce((s, c) => s + c.respondents, 0)).toBe(12);
    // A in fes by r9 (woman, medium, severity 1) and r10 (man, size unknown, severity 1).
    expect(tally.cells.filter((c) => c.theme === A && c.cluster === 'fes')).toEqual([
      { theme: A, cluster: 'fes', country: 'MA', gender: 'woman', size: 'medium', named: 1, severitySum: 1, severityAnswers: 1 },
      { theme: A, cluster: 'fes', country: 'MA', gender: 'man', size: null, named: 1, severitySum: 1, severityAnswers: 1 },
    ]);
    // r3 named A without severity: counted, no severity.
    expect(tally.cells).toContainEqual({
      theme: A,
      cluster: 'el-jem',
      country: 'TN',
      gender: null,
      size: null,
      named: 1,
      severitySum: 0,
      severityAnswers: 0,
    });
  });

  it('gives the formula the same figures as the records, in every scope and for a gender', () => {
    const counted: Evidence = { survey: tallySurvey(FIXTURE), challenges: FIXTURE.challenges };
    const scopes: Scope[] = [
      { kind: 'region' },
      { kind: 'country', country: 'TN' },
      { kind: 'country', country: 'MA' },
      { kind: 'cluster', cluster: 'el-jem' },
    ];
    for (const scope of scopes) {
      expect(withoutMentionIds(counted, scope)).toEqual(withoutMentionIds(FIXTURE, scope));
      expect(withoutMentionIds(counted, scope, { filter: { genders: ['woman', 'unknown'] } })).toEqual(
        withoutMentionIds(FIXTURE, scope, { filter: { genders: ['woman', 'unknown'] } }),
      );
    }
    // With the records as well, the counts give the figures and the records the evidence ids.
    const both = prioritise({ ...counted, mentions: FIXTURE.mentions }, { kind: 'region' });
    expect(both).toEqual(prioritise(FIXTURE, { kind: 'region' }));
  });

  it('stays within themes × clusters × genders × sizes rows whatever the number of responses (10,000 here)', () => {
    const next = random(3);
    const clusters = Array.from({ length: 40 }, (_, i) => `cluster-${i}`);
    const themes = Array.from({ length: 12 }, (_, i) => `theme-${i}`);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const responses: Respondent[] = [];
    const mentions: SurveyMention[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const cluster = pick(clusters);
      const r: Respondent = {
        respondentId: `r${i}`,
        cluster,
        country: `C${cluster.length % 7}`,
        gender: next() < 0.1 ? null : pick(GENDERS),
        size: next() < 0.1 ? null : pick(SIZE_CLASSES),
      };
      responses.push(r);
      for (let k = 0; k < 3; k += 1) mentions.push({ ...r, id: `m${i}-${k}`, theme: pick(themes), severity: next() < 0.2 ? null : 3 });
    }
    const tally = tallySurvey({ responses, mentions });
    expect(tally.base.length).toBeLessThanOrEqual(40 * 5 * 5);
    expect(tally.cells.length).toBeLessThanOrEqual(12 * 40 * 5 * 5);
    expect(tally.base.reduce((s, c) => s + c.respondents, 0)).toBe(10_000);
    const result = prioritise({ survey: tally }, { kind: 'region' });
    expect(result.respondents).toBe(10_000);
    expect(result.priorities).toHaveLength(12);
  });
});

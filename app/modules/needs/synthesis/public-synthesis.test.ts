/** The public synthesis: no group below the minimum, no evidence ids, no score resting on too few people. */
import { describe, expect, it } from 'vitest';
import { prioritise } from './priority.ts';
import { publicSynthesis } from './public-synthesis.ts';
import { A, FIXTURE, M } from './synthesis.fixture.ts';

/** Every protected count in a value: `{ value, suppressed }` objects, wherever they are. */
function protectedCounts(value: unknown): { value: number | null; suppressed: boolean }[] {
  if (!value || typeof value !== 'object') return [];
  if ('suppressed' in value && 'value' in value) return [value as { value: number | null; suppressed: boolean }];
  return Object.values(value).flatMap(protectedCounts);
}

describe('publicSynthesis', () => {
  it('shows no count of people between 1 and the minimum, for any minimum', () => {
    for (const minGroupSize of [2, 3, 5, 10]) {
      for (const scope of [{ kind: 'region' } as const, { kind: 'country', country: 'TN' } as const]) {
        const result = publicSynthesis(FIXTURE, scope, { minGroupSize });
        const counts = protectedCounts(result);
        expect(counts.length).toBeGreaterThan(10);
        for (const c of counts) {
          if (c.suppressed) expect(c.value).toBeNull();
          else expect(c.value === 0 || c.value! >= minGroupSize).toBe(true);
        }
      }
    }
  });

  it('keeps ranks and scores, and leaves out evidence ids and frequencies', () => {
    const result = publicSynthesis(FIXTURE, { kind: 'region' });
    const full = prioritise(FIXTURE, { kind: 'region' });
    expect(result.priorities.map((p) => [p.rank, p.theme, p.score])).toEqual(full.priorities.map((p) => [p.rank, p.theme, p.score]));
    expect(result.respondents).toEqual({ value: 12, suppressed: false });
    const a = result.priorities.find((p) => p.theme === A)!;
    // 6 respondents named A: shown; by gender 2, 2, 1, 0, 1: all hidden but the zero.
    expect(a.respondents).toEqual({ value: 6, suppressed: false });
    expect(Object.values(a.byGender).map((c) => c.value)).toEqual([null, null, null, 0, null]);
    const json = JSON.stringify(result);
    expect(json).not.toContain('r1-');
    expect(json).not.toContain('frequency');
  });

  it('drops the survey when it has fewer respondents than the minimum (three women in Tunisia)', () => {
    const women = publicSynthesis(FIXTURE, { kind: 'country', country: 'TN' }, { filter: { genders: ['woman'] } });
    expect(women.surveyUsed).toBe(false);
    expect(women.respondents).toEqual({ value: 0, suppressed: false });
    const diagnosticsOnly = prioritise({ challenges: FIXTURE.challenges }, { kind: 'country', country: 'TN' });
    expect(women.priorities.map((p) => [p.theme, p.score])).toEqual(diagnosticsOnly.priorities.map((p) => [p.theme, p.score]));
    expect(women.priorities.map((p) => p.theme)).toContain(M);
    // With a minimum of 3 the three women are enough.
    expect(
      publicSynthesis(FIXTURE, { kind: 'country', country: 'TN' }, { filter: { genders: ['woman'] }, minGroupSize: 3 }).surveyUsed,
    ).toBe(true);
  });
});

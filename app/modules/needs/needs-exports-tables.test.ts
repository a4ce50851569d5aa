import { describe, expect, it } from 'vitest';
import { synthesisTables, type TrainingCell, trainingTables } from './needs-exports-tables.ts';
import type { ProtectedCount } from './synthesis/disclosure.ts';
import { A, FIXTURE, M } from './synthesis/synthesis.fixture.ts';

const computedAt = '2026-11-23T00:00:00.000Z';

/** Training answers: a group of 2 women in el-jem (product-design, workshop), 6 men, and people in Morocco. */
const TRAINING: TrainingCell[] = [
  { cluster: 'el-jem', country: 'TN', gender: 'woman', size: 'micro', topic: 'product-design', format: 'workshop', people: 2 },
  { cluster: 'el-jem', country: 'TN', gender: 'man', size: 'micro', topic: 'product-design', format: 'workshop', people: 6 },
  { cluster: 'nabeul', country: 'TN', gender: 'man', size: 'small', topic: 'product-design', format: null, people: 5 },
  { cluster: 'fes', country: 'MA', gender: null, size: null, topic: 'export', format: 'online', people: 7 },
];

/** Every count of people in a value (any object with `suppressed`). */
function counts(value: unknown): ProtectedCount[] {
  if (Array.isArray(value)) return value.flatMap(counts);
  if (value && typeof value === 'object') {
    if ('suppressed' in value) return [value as ProtectedCount];
    return Object.values(value).flatMap(counts);
  }
  return [];
}

describe('synthesisTables', () => {
  it('gives the public no count of people under the minimum, anywhere', () => {
    const tables = synthesisTables({ evidence: FIXTURE, training: TRAINING, scope: { kind: 'region' }, audience: 'public', computedAt });
    const all = counts(tables);
    expect(all.length).toBeGreaterThan(50);
    for (const count of all) expect(count.value === null || count.value === 0 || count.value >= 5).toBe(true);
    expect(all.some((count) => count.suppressed)).toBe(true);
    // The two women asking for product design in a workshop: hidden, and the men's 6 with them (else 8 − 6).
    const workshop = tables.training.byGender.rows.find((row) => row.key === 'product-design/workshop')!;
    expect(workshop.cells.woman).toEqual({ value: null, suppressed: true });
    expect(workshop.total.suppressed || workshop.cells.man.suppressed).toBe(true);
    // Frequencies and severity means are staff figures.
    expect(tables.priorities.every((p) => p.frequency === null && p.severityMean === null)).toBe(true);
    expect(tables).toMatchObject({ audience: 'public', minGroupSize: 5, formulaVersion: '0012.1', scope: 'region', computedAt });
  });

  it('gives staff every count and the survey components', () => {
    const tables = synthesisTables({ evidence: FIXTURE, training: TRAINING, scope: { kind: 'region' }, audience: 'staff', computedAt });
    expect(counts(tables).every((count) => !count.suppressed)).toBe(true);
    const workshop = tables.training.byGender.rows.find((row) => row.key === 'product-design/workshop')!;
    expect(workshop.cells.woman.value).toBe(2);
    expect(workshop.total.value).toBe(8);
    const a = tables.priorities.find((p) => p.theme === A)!;
    expect(a.frequency).toBeGreaterThan(0);
    expect(a.surveySignal).not.toBeNull();
    expect(tables.respondents.value).toBe(12);
  });

  it('keeps the ranking of the public synthesis, with its components', () => {
    const tables = synthesisTables({
      evidence: FIXTURE,
      training: [],
      scope: { kind: 'country', country: 'TN' },
      audience: 'public',
      computedAt,
    });
    expect(tables.priorities.map((p) => p.rank)).toEqual([...tables.priorities.map((p) => p.rank)].sort((x, y) => x - y));
    for (const p of tables.priorities) {
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.breadth).not.toBeNull();
    }
    expect(tables.byGender.rows.map((row) => row.key)).toEqual(tables.priorities.map((p) => p.theme));
  });

  it('lists the common challenges of the region with their clusters in the scope, the public needing 5 respondents per cluster', () => {
    const staff = synthesisTables({
      evidence: FIXTURE,
      training: [],
      scope: { kind: 'country', country: 'MA' },
      audience: 'staff',
      computedAt,
    });
    const m = staff.commonChallenges.rows.find((row) => row.theme === M)!;
    expect(m.countries).toEqual(['MA', 'TN']);
    expect(m.clustersInScope).toBe(m.clusters.filter((c) => c === 'fes' || c === 'safi').length);
    const open = synthesisTables({ evidence: FIXTURE, training: [], scope: { kind: 'region' }, audience: 'public', computedAt });
    expect(open.commonChallenges.minMentions).toBe(5);
    // No cluster of the fixture has 5 respondents naming one theme: only diagnostics make a theme present.
    const diagnosticsOnly = synthesisTables({
      evidence: { challenges: FIXTURE.challenges },
      training: [],
      scope: { kind: 'region' },
      audience: 'staff',
      computedAt,
    });
    expect(open.commonChallenges.rows).toEqual(diagnosticsOnly.commonChallenges.rows);
  });
});

describe('trainingTables', () => {
  it('counts people by topic and format in the scope, topics by people then formats by people', () => {
    const [byGender, bySize] = trainingTables(TRAINING, { kind: 'country', country: 'TN' });
    expect(byGender.rows.map((row) => row.key)).toEqual(['product-design/workshop', 'product-design/unspecified']);
    expect(byGender.rows[0]!.cells).toEqual({ woman: 2, man: 6, another: 0, undisclosed: 0, unknown: 0 });
    expect(bySize.rows[1]!.cells).toEqual({ micro: 0, small: 5, medium: 0, large: 0, unknown: 0 });
    const [region] = trainingTables(TRAINING, { kind: 'region' });
    expect(region.rows.map((row) => row.key)).toEqual(['product-design/workshop', 'product-design/unspecified', 'export/online']);
  });
});

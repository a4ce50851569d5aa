/** The training needs catalogue: people per topic and format, by gender and by size. */
import { describe, expect, it } from 'vitest';
import { protectTable } from './disclosure.ts';
import type { Gender, SizeClass } from './evidence.ts';
import { buildTrainingCatalogue, type TrainingRequest, trainingCountTable } from './training-catalogue.ts';

function request(
  id: string,
  respondentId: string,
  topic: string,
  format: string | null,
  gender: Gender | null,
  size: SizeClass | null,
  country = 'TN',
) {
  return { id, respondentId, cluster: country === 'TN' ? 'el-jem' : 'fes', country, topic, format, gender, size } satisfies TrainingRequest;
}

const REQUESTS: TrainingRequest[] = [
  request('q1', 'p1', 'export', 'workshop', 'woman', 'micro'),
  request('q2', 'p1', 'export', 'online', 'woman', 'micro'),
  request('q3', 'p1', 'export', 'workshop', 'woman', 'micro'), // the same person, topic and format again
  request('q4', 'p2', 'export', 'workshop', 'man', null),
  request('q5', 'p3', 'export', null, null, 'small', 'MA'),
  request('q6', 'p3', 'design', 'coaching', null, 'small', 'MA'),
  request('q7', 'p4', 'design', 'coaching', 'another', 'large', 'MA'),
];

describe('buildTrainingCatalogue', () => {
  it('counts distinct people per topic and per format, by gender and by size', () => {
    const catalogue = buildTrainingCatalogue(REQUESTS);
    expect(catalogue.map((t) => [t.topic, t.people, t.formats.map((f) => [f.format, f.people])])).toEqual([
      [
        'export',
        3,
        [
          ['workshop', 2],
          ['online', 1],
          ['unspecified', 1],
        ],
      ],
      ['design', 2, [['coaching', 2]]],
    ]);
    const exportTopic = catalogue[0]!;
    expect(exportTopic.byGender).toEqual({ woman: 1, man: 1, another: 0, undisclosed: 0, unknown: 1 });
    expect(exportTopic.bySize).toEqual({ micro: 1, small: 1, medium: 0, large: 0, unknown: 1 });
    expect(exportTopic.countries).toEqual(['MA', 'TN']);
    expect(exportTopic.formats[0]).toMatchObject({ requestIds: ['q1', 'q3', 'q4'], byGender: { woman: 1, man: 1 } });
  });

  it('restricts to a scope and to a gender', () => {
    expect(buildTrainingCatalogue(REQUESTS, { kind: 'country', country: 'MA' }).map((t) => [t.topic, t.people])).toEqual([
      ['design', 2],
      ['export', 1],
    ]);
    expect(buildTrainingCatalogue(REQUESTS, { kind: 'region' }, { genders: ['woman'] }).map((t) => [t.topic, t.people])).toEqual([
      ['export', 1],
    ]);
  });

  it('builds tables by gender and size that disclosure protects', () => {
    const table = trainingCountTable(buildTrainingCatalogue(REQUESTS), 'size');
    expect(table.rows.map((r) => r.key)).toEqual(['export/workshop', 'export/online', 'export/unspecified', 'design/coaching']);
    expect(table.rows[3]!.cells).toEqual({ micro: 0, small: 1, medium: 0, large: 1, unknown: 0 });
    const published = protectTable(table);
    // Every group here is below 5 people: nothing but zeros is shown.
    for (const row of published.rows) for (const c of Object.values(row.cells)) expect(c.value === null || c.value === 0).toBe(true);
  });
});

/**
 * The synthesis as open data (issue 4, item 6): the public tables only (the caller passes tables
 * built for the public audience), with their licence; as JSON, or as CSV with one figure a line
 * (`table,row,column,value,suppressed`). Codes, not labels: themes, topics, formats, groups,
 * clusters and countries by their stable codes. No evidence id, organisation or person. Pure.
 */
import { stringify } from 'csv-stringify/sync';
import { OPEN_DATA_LICENCE, type OpenData } from './needs-exports.contracts.ts';
import type { GroupTable, SynthesisTables } from './needs-exports-tables.ts';
import type { ProtectedCount } from './synthesis/disclosure.ts';

const groupRows = <G extends string>(table: GroupTable<G>) =>
  table.rows.map((row) => ({ key: row.key, total: row.total, cells: row.cells as Record<string, ProtectedCount> }));

export function toOpenData(tables: SynthesisTables): OpenData {
  if (tables.audience !== 'public') throw new Error('Open data is built from the public figures only');
  return {
    licence: { ...OPEN_DATA_LICENCE },
    source: 'Mosaic priority needs synthesis (decision 0012)',
    scope: tables.scope,
    computedAt: tables.computedAt,
    formulaVersion: tables.formulaVersion,
    minGroupSize: tables.minGroupSize,
    weights: tables.weights,
    surveyUsed: tables.surveyUsed,
    respondents: tables.respondents,
    diagnosedClusters: tables.diagnosedClusters,
    priorities: tables.priorities.map(({ frequency: _f, severityMean: _s, ...row }) => row),
    respondentsByGender: groupRows(tables.byGender),
    respondentsBySize: groupRows(tables.bySize),
    commonChallenges: tables.commonChallenges,
    training: tables.training.rows,
    trainingByGender: groupRows(tables.training.byGender),
    trainingBySize: groupRows(tables.training.bySize),
  };
}

type Line = [table: string, row: string, column: string, value: string | number | null, suppressed: boolean];

const countLine = (table: string, row: string, column: string, count: ProtectedCount): Line => [
  table,
  row,
  column,
  count.value,
  count.suppressed,
];

/** The open data as CSV: a header, then one figure a line, every count with its `suppressed` flag. */
export function openDataCsv(data: OpenData): string {
  const lines: Line[] = [
    ['about', '', 'licence', data.licence.id, false],
    ['about', '', 'scope', data.scope, false],
    ['about', '', 'computedAt', data.computedAt, false],
    ['about', '', 'formulaVersion', data.formulaVersion, false],
    ['about', '', 'minGroupSize', data.minGroupSize, false],
    ['about', '', 'surveyUsed', String(data.surveyUsed), false],
    countLine('about', '', 'respondents', data.respondents),
    ['about', '', 'diagnosedClusters', data.diagnosedClusters, false],
  ];
  for (const [name, weight] of Object.entries(data.weights)) lines.push(['weights', '', name, weight, false]);
  for (const p of data.priorities) {
    for (const column of [
      'rank',
      'score',
      'surveySignal',
      'diagnosticSignal',
      'workshopSignal',
      'breadth',
      'clusters',
      'countries',
      'diagnosedClusters',
      'votes',
    ] as const) {
      lines.push(['priorities', p.theme, column, p[column], false]);
    }
    lines.push(countLine('priorities', p.theme, 'respondents', p.respondents));
  }
  const groups = (table: string, rows: OpenData['respondentsByGender']) => {
    for (const row of rows) {
      for (const [group, count] of Object.entries(row.cells)) lines.push(countLine(table, row.key, group, count));
      lines.push(countLine(table, row.key, 'total', row.total));
    }
  };
  groups('respondentsByGender', data.respondentsByGender);
  groups('respondentsBySize', data.respondentsBySize);
  for (const c of data.commonChallenges.rows) {
    lines.push(['commonChallenges', c.theme, 'clusters', c.clusters.join(' '), false]);
    lines.push(['commonChallenges', c.theme, 'countries', c.countries.join(' '), false]);
    lines.push(['commonChallenges', c.theme, 'clustersInScope', c.clustersInScope, false]);
  }
  for (const row of data.training) lines.push(countLine('training', `${row.topic}/${row.format}`, 'people', row.people));
  groups('trainingByGender', data.trainingByGender);
  groups('trainingBySize', data.trainingBySize);
  return stringify([
    ['table', 'row', 'column', 'value', 'suppressed'],
    ...lines.map(([t, r, c, v, s]) => [t, r, c, v ?? '', s ? 'true' : 'false']),
  ]);
}

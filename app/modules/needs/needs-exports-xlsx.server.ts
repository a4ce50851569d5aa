/**
 * Every table of a scope's synthesis as an XLSX workbook (issue 4, item 6), one sheet per table,
 * headers in the reader's language, right-to-left in Arabic: a cover (scope, audience, when the
 * figures were computed, the formula's version and weights, the minimum group size), the ranking
 * with its score components, respondents by gender and by size, common challenges, and the
 * training needs by topic and format, by gender and by size. Names are in the reader's language
 * with their stable codes beside them. A hidden count is the word for "hidden", never a number.
 */
import { addTableSheet, loadExcelJS, type SheetCell } from '#app/shared/xlsx/xlsx.ts';
import type { ExportLabels, GroupTable, SynthesisTables } from './needs-exports-tables.ts';
import type { ProtectedCount } from './synthesis/disclosure.ts';

export function workbookFileName(tables: SynthesisTables): string {
  return `needs-priorities-${tables.scope.replace(':', '-').toLowerCase()}-${tables.computedAt.slice(0, 10)}.xlsx`;
}

export async function synthesisWorkbook(tables: SynthesisTables, labels: ExportLabels): Promise<Buffer> {
  const { t, locale } = labels;
  const hidden = t('needs.synthesis.suppressed');
  const count = (value: ProtectedCount): SheetCell => (value.suppressed ? hidden : value.value);
  const staff = tables.audience === 'staff';
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.title = t('needs.exports.title', { scope: labels.scopeName });
  workbook.created = new Date(tables.computedAt);

  const w = tables.weights;
  const cover = addTableSheet(workbook, {
    name: t('needs.exports.sheet.cover'),
    locale,
    header: [t('needs.exports.title', { scope: labels.scopeName }), ''],
    widths: [36, 60],
    rows: [
      [t('needs.exports.cover.scope'), labels.scopeName],
      [t('needs.exports.cover.scopeCode'), tables.scope],
      [t('needs.exports.cover.audience'), t(`needs.exports.audience.${tables.audience}`, { min: tables.minGroupSize })],
      [t('needs.exports.cover.computedAt'), new Date(tables.computedAt)],
      [t('needs.exports.cover.formula'), tables.formulaVersion],
      [
        t('needs.exports.cover.weights'),
        t('needs.exports.cover.weightsValue', { survey: w.survey, diagnostic: w.diagnostic, workshop: w.workshop, breadth: w.breadth }),
      ],
      [t('needs.exports.cover.minGroupSize'), tables.minGroupSize],
      [t('needs.exports.cover.respondents'), count(tables.respondents)],
      [t('needs.exports.cover.diagnosedClusters'), tables.diagnosedClusters],
      [t('needs.exports.cover.surveyUsed'), t(tables.surveyUsed ? 'needs.exports.yes' : 'needs.exports.no')],
      [
        t('needs.exports.cover.method'),
        t('needs.exports.method', {
          version: tables.formulaVersion,
          min: tables.minGroupSize,
          clusters: tables.commonChallenges.minClusters,
          countries: tables.commonChallenges.minCountries,
        }),
      ],
    ],
  });
  cover.eachRow((row) => {
    if (row.getCell(2).value instanceof Date) row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
  });

  addTableSheet(workbook, {
    name: t('needs.exports.sheet.priorities'),
    locale,
    header: [
      t('needs.synthesis.column.rank'),
      t('needs.synthesis.column.theme'),
      t('needs.exports.column.code'),
      t('needs.synthesis.column.score'),
      t('needs.exports.column.surveySignal'),
      t('needs.exports.column.diagnosticSignal'),
      t('needs.exports.column.workshopSignal'),
      t('needs.exports.column.breadth'),
      t('needs.exports.column.clusters'),
      t('needs.exports.column.countries'),
      t('needs.exports.column.diagnosedClusters'),
      t('needs.exports.column.votes'),
      t('needs.exports.column.respondents'),
      ...(staff ? [t('needs.exports.column.frequency'), t('needs.exports.column.severityMean')] : []),
    ],
    widths: [8, 40, 28],
    rows: tables.priorities.map((p) => [
      p.rank,
      labels.theme(p.theme),
      p.theme,
      p.score,
      p.surveySignal,
      p.diagnosticSignal,
      p.workshopSignal,
      p.breadth,
      p.clusters,
      p.countries,
      p.diagnosedClusters,
      p.votes,
      count(p.respondents),
      ...(staff ? [p.frequency, p.severityMean] : []),
    ]),
  });

  const groupSheet = <G extends string>(
    name: string,
    table: GroupTable<G>,
    by: 'gender' | 'size',
    rowHeaders: string[],
    rowCells: (key: string) => SheetCell[],
  ) =>
    addTableSheet(workbook, {
      name,
      locale,
      header: [...rowHeaders, ...table.columns.map((g) => t(`needs.synthesis.${by}.${g}`)), t('needs.synthesis.column.total')],
      widths: rowHeaders.map(() => 32),
      rows: table.rows.map((row) => [...rowCells(row.key), ...table.columns.map((g) => count(row.cells[g])), count(row.total)]),
    });
  const themeCells = (key: string) => [labels.theme(key), key];
  const themeHeaders = [t('needs.synthesis.column.theme'), t('needs.exports.column.code')];
  groupSheet(t('needs.exports.sheet.byGender'), tables.byGender, 'gender', themeHeaders, themeCells);
  groupSheet(t('needs.exports.sheet.bySize'), tables.bySize, 'size', themeHeaders, themeCells);

  const separator = t('needs.exports.separator');
  addTableSheet(workbook, {
    name: t('needs.exports.sheet.common'),
    locale,
    header: [
      t('needs.synthesis.column.theme'),
      t('needs.exports.column.code'),
      t('needs.exports.column.clusters'),
      t('needs.exports.column.clustersInScope'),
      t('needs.exports.column.countries'),
      t('needs.exports.column.clusterNames'),
      t('needs.exports.column.countryNames'),
    ],
    widths: [40, 28, 12, 12, 12, 60, 40],
    rows: tables.commonChallenges.rows.map((c) => [
      labels.theme(c.theme),
      c.theme,
      c.clusters.length,
      c.clustersInScope,
      c.countries.length,
      c.clusters.map(labels.cluster).join(separator),
      c.countries.map(labels.country).join(separator),
    ]),
  });

  const trainingHeaders = [t('needs.exports.column.topic'), t('needs.exports.column.format'), t('needs.exports.column.code')];
  const trainingCells = (key: string) => {
    const [topic = '', format = ''] = key.split('/');
    return [labels.topic(topic), labels.format(format), key];
  };
  addTableSheet(workbook, {
    name: t('needs.exports.sheet.training'),
    locale,
    header: [...trainingHeaders, t('needs.exports.column.people')],
    widths: [40, 28, 32, 12],
    rows: tables.training.rows.map((row) => [...trainingCells(`${row.topic}/${row.format}`), count(row.people)]),
  });
  groupSheet(t('needs.exports.sheet.trainingByGender'), tables.training.byGender, 'gender', trainingHeaders, trainingCells);
  groupSheet(t('needs.exports.sheet.trainingBySize'), tables.training.bySize, 'size', trainingHeaders, trainingCells);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

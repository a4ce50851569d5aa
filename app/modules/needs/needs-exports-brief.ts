/**
 * The PDF brief's content (issue 4, item 6), pure: what the Typst layout shows, as data in the
 * reader's language (every figure already formatted, hidden counts as the word for "hidden"), and
 * the priority chart as a standalone SVG drawn on the board chart's geometry (bars from the inline
 * start, right in Arabic). The layout itself is needs-exports-brief.server.ts.
 */
import type { ExportLabels, SynthesisTables } from './needs-exports-tables.ts';
import { type Direction, layoutBarChart } from './synthesis/charts/bar-layout.ts';
import type { ProtectedCount } from './synthesis/disclosure.ts';

/** The brief shows the first rows of each table; the workbook has them all. */
export const BRIEF_ROWS = 10;

export interface BriefTable {
  header: string[];
  rows: string[][];
  /** Said instead of an empty table. */
  empty: string;
}

export interface BriefData {
  lang: string;
  dir: Direction;
  title: string;
  scopeLine: string;
  freshness: string;
  audienceNote: string;
  headings: { priorities: string; common: string; training: string; method: string };
  chartCaption: string;
  hasChart: boolean;
  priorities: BriefTable;
  common: BriefTable;
  training: BriefTable;
  method: string;
  footer: string;
}

export function briefData(tables: SynthesisTables, labels: ExportLabels): BriefData {
  const { t, locale } = labels;
  const number = new Intl.NumberFormat(locale);
  const score = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const count = (value: ProtectedCount) => (value.suppressed ? t('needs.synthesis.suppressed') : number.format(value.value));
  const separator = t('needs.exports.separator');
  const computedAt = new Date(tables.computedAt);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(computedAt);
  const top = tables.priorities.slice(0, BRIEF_ROWS);
  return {
    lang: locale,
    dir: locale === 'ar' ? 'rtl' : 'ltr',
    title: t('needs.exports.title', { scope: labels.scopeName }),
    scopeLine: t('needs.exports.pdf.scope', { scope: labels.scopeName, code: tables.scope }),
    freshness: t('needs.exports.pdf.freshness', { time: when }),
    audienceNote: t(`needs.exports.audience.${tables.audience}`, { min: tables.minGroupSize }),
    headings: {
      priorities: t('needs.exports.pdf.priorities', { count: top.length }),
      common: t('needs.exports.sheet.common'),
      training: t('needs.exports.sheet.training'),
      method: t('needs.exports.pdf.method'),
    },
    chartCaption: t('needs.exports.pdf.chart', { scope: labels.scopeName }),
    hasChart: top.length > 0,
    priorities: {
      header: [
        t('needs.synthesis.column.rank'),
        t('needs.synthesis.column.theme'),
        t('needs.synthesis.column.score'),
        t('needs.exports.column.respondents'),
        t('needs.exports.column.diagnosedClusters'),
      ],
      rows: top.map((p) => [
        number.format(p.rank),
        labels.theme(p.theme),
        score.format(p.score),
        count(p.respondents),
        number.format(p.diagnosedClusters),
      ]),
      empty: t('needs.exports.pdf.noPriorities'),
    },
    common: {
      header: [t('needs.synthesis.column.theme'), t('needs.exports.column.clusters'), t('needs.exports.column.countryNames')],
      rows: tables.commonChallenges.rows
        .slice(0, BRIEF_ROWS)
        .map((c) => [labels.theme(c.theme), number.format(c.clusters.length), c.countries.map(labels.country).join(separator)]),
      empty: t('needs.exports.pdf.noCommon', {
        clusters: tables.commonChallenges.minClusters,
        countries: tables.commonChallenges.minCountries,
      }),
    },
    training: {
      header: [t('needs.exports.column.topic'), t('needs.exports.column.format'), t('needs.exports.column.people')],
      rows: tables.training.rows.slice(0, BRIEF_ROWS).map((row) => [labels.topic(row.topic), labels.format(row.format), count(row.people)]),
      empty: t('needs.exports.pdf.noTraining'),
    },
    method: t('needs.exports.method', {
      version: tables.formulaVersion,
      min: tables.minGroupSize,
      clusters: tables.commonChallenges.minClusters,
      countries: tables.commonChallenges.minCountries,
    }),
    footer: t('needs.exports.pdf.footer', { time: when }),
  };
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const n = (value: number) => Math.round(value * 100) / 100;

/** The priority scores as a bar chart (SVG), labels in the reader's language. */
export function priorityChartSvg(tables: SynthesisTables, labels: ExportLabels, direction: Direction): string {
  const items = tables.priorities.slice(0, BRIEF_ROWS);
  const layout = layoutBarChart(
    items.map((p) => ({ key: p.theme, value: p.score })),
    direction,
    { max: 100, frame: { width: 480 } },
  );
  const number = new Intl.NumberFormat(labels.locale, { maximumFractionDigits: 1 });
  // Anchored by the physical edge that sits at x: the SVG renderer of Typst ignores `direction`, so
  // "end" of a left-to-right anchor puts a right-to-left label's right edge at x, as the layout wants.
  const anchor = (edge: 'left' | 'right') => (edge === 'left' ? 'start' : 'end');
  const text = (box: { x: number; y: number; edge: 'left' | 'right' }, size: number, content: string) =>
    `<text x="${n(box.x)}" y="${n(box.y)}" text-anchor="${anchor(box.edge)}" font-family="Noto Sans, Noto Sans Arabic" font-size="${size}" fill="#1f2933">${escapeXml(content)}</text>`;
  const rows = layout.rows.map((row, index) => {
    const item = items[index]!;
    const bar = row.bar
      ? `<rect x="${n(row.bar.x)}" y="${n(row.bar.y)}" width="${n(row.bar.width)}" height="${row.bar.height}" fill="#1d5c8f"/>`
      : '';
    return `${text(row.label, 13, labels.theme(item.theme))}${bar}${text(row.value, 12, number.format(item.score))}`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}"><line x1="${layout.baselineX}" x2="${layout.baselineX}" y1="0" y2="${layout.height}" stroke="#7b8794" stroke-width="1"/>${rows.join('')}</svg>`;
}

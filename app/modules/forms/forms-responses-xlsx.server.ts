/**
 * A form's responses as an XLSX workbook, in the reader's language and machine-readable too:
 * - sheet "responses": row 1 the headers in the reader's language, row 2 the stable column keys
 *   (question codes, `<question>.<option>`...), then one row per response read with its own version;
 * - sheet "questions": each column key with its question, part and type, and what the column was
 *   called in each version (empty where the version does not have it).
 * Sheets are right-to-left for Arabic.
 */
import ExcelJS from 'exceljs';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import type { ExportCell } from './form-export.ts';
import type { ResponseSummary, ResponsesExport } from './forms-responses.contracts.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Columns about the response itself, before the answers; their keys are stable too. */
const META_COLUMNS = ['response', 'version', 'status', 'respondent', 'enteredBy', 'startedAt', 'submittedAt'] as const;
type MetaColumn = (typeof META_COLUMNS)[number];

/**
 * Spreadsheet programs run a cell starting with `=`, `+`, `-`, `@` (or a tab or carriage return)
 * as a formula; answers come from respondents, so such text is prefixed with an apostrophe.
 * Numbers stay numbers.
 */
export function inertCell(value: ExportCell | Date): ExportCell | Date {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function metaCells(response: ResponseSummary, locale: Locale): Record<MetaColumn, ExportCell | Date> {
  return {
    response: response.id,
    version: response.version,
    status: translate(locale, `forms.responses.status.${response.status}`),
    respondent: response.respondent?.name ?? response.respondent?.userId ?? null,
    enteredBy: response.enteredBy?.name ?? response.enteredBy?.userId ?? null,
    startedAt: response.createdAt,
    submittedAt: response.submittedAt,
  };
}

/** The file name: the form's code and the day (`needs-survey-responses-2026-11-22.xlsx`). */
export function responsesFileName(formCode: string, now: Date = new Date()): string {
  return `${formCode}-responses-${now.toISOString().slice(0, 10)}.xlsx`;
}

export async function responsesWorkbook(exported: ResponsesExport, locale: Locale): Promise<Uint8Array> {
  const t = (id: string) => translate(locale, id);
  const workbook = new ExcelJS.Workbook();
  workbook.title = textIn(exported.form.title, locale, null, exported.form.code);
  const rightToLeft = locale === 'ar';

  const sheet = workbook.addWorksheet(t('forms.responses.export.sheet.responses'), {
    views: [{ state: 'frozen', ySplit: 2, rightToLeft }],
  });
  const keys = [...META_COLUMNS.map((column) => `_${column}`), ...exported.columns.map((column) => column.key)];
  sheet.addRow([
    ...META_COLUMNS.map((column) => t(`forms.responses.export.column.${column}`)),
    ...exported.columns.map((column) => column.label),
  ]);
  sheet.addRow(keys);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF555555' } };
  for (const { response, cells } of exported.rows) {
    const meta = metaCells(response, locale);
    sheet.addRow([
      ...META_COLUMNS.map((column) => inertCell(meta[column])),
      ...exported.columns.map((column) => inertCell(cells[column.key] ?? null)),
    ]);
  }
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 38 : 22;
  });
  for (const column of ['startedAt', 'submittedAt'] as const) {
    sheet.getColumn(META_COLUMNS.indexOf(column) + 1).numFmt = 'yyyy-mm-dd hh:mm';
  }

  const questions = workbook.addWorksheet(t('forms.responses.export.sheet.questions'), {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft }],
  });
  questions.addRow([
    t('forms.responses.export.question.key'),
    t('forms.responses.export.question.question'),
    t('forms.responses.export.question.part'),
    t('forms.responses.export.question.type'),
    ...exported.versions.map((version) => translate(locale, 'forms.responses.export.question.version', { version: version.version })),
  ]);
  questions.getRow(1).font = { bold: true };
  for (const column of exported.columns) {
    questions.addRow([
      column.key,
      column.question,
      column.part ?? null,
      column.type,
      ...exported.versions.map((version) => inertCell(version.columns.find((c) => c.key === column.key)?.label ?? null)),
    ]);
  }
  questions.columns.forEach((column, index) => {
    column.width = index < 4 ? 22 : 40;
  });

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

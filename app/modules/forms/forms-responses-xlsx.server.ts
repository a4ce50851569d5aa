/**
 * A form's responses as an XLSX workbook, in the reader's language and machine-readable too:
 * - sheet "responses": row 1 the headers in the reader's language, row 2 the stable column keys
 *   (question codes, `<question>.<option>`...), then one row per response read with its own version;
 * - sheet "questions": each column key with its question, part and type, and what the column was
 *   called in each version (empty where the version does not have it).
 * Sheets are right-to-left for Arabic.
 */
import { PassThrough, Readable } from 'node:stream';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { inertCell, loadExcelJS, XLSX_CONTENT_TYPE } from '#app/shared/xlsx/xlsx.ts';
import type { ExportCell } from './form-export.ts';
import type { ResponseSummary, ResponsesExport } from './forms-responses.contracts.ts';

export { XLSX_CONTENT_TYPE };

/** Columns about the response itself, before the answers; their keys are stable too. */
const META_COLUMNS = ['response', 'version', 'status', 'respondent', 'enteredBy', 'startedAt', 'submittedAt'] as const;
type MetaColumn = (typeof META_COLUMNS)[number];

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

/**
 * The workbook as a stream, written while the responses are read (a batch at a time), so a large
 * export never holds every response in memory. An error while writing ends the stream with it.
 */
export function responsesWorkbook(exported: ResponsesExport, locale: Locale): ReadableStream<Uint8Array> {
  const t = (id: string) => translate(locale, id);
  const output = new PassThrough();
  const rightToLeft = locale === 'ar';

  const write = async () => {
    const ExcelJS = await loadExcelJS();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
    workbook.title = textIn(exported.form.title, locale, null, exported.form.code);
    const sheet = workbook.addWorksheet(t('forms.responses.export.sheet.responses'), {
      views: [{ state: 'frozen', ySplit: 2, rightToLeft }],
    });
    const dates = new Set<string>(['startedAt', 'submittedAt']);
    sheet.columns = [
      ...META_COLUMNS.map((column, index) => ({
        key: `_${column}`,
        width: index === 0 ? 38 : 22,
        ...(dates.has(column) ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}),
      })),
      ...exported.columns.map((column) => ({ key: column.key, width: 22 })),
    ];
    const header = sheet.addRow([
      ...META_COLUMNS.map((column) => t(`forms.responses.export.column.${column}`)),
      ...exported.columns.map((column) => column.label),
    ]);
    header.font = { bold: true };
    header.commit();
    const codes = sheet.addRow([...META_COLUMNS.map((column) => `_${column}`), ...exported.columns.map((column) => column.key)]);
    codes.font = { italic: true, color: { argb: 'FF555555' } };
    codes.commit();
    for await (const batch of exported.batches) {
      for (const { response, cells } of batch) {
        const meta = metaCells(response, locale);
        sheet
          .addRow([
            ...META_COLUMNS.map((column) => inertCell(meta[column])),
            ...exported.columns.map((column) => inertCell(cells[column.key] ?? null)),
          ])
          .commit();
      }
    }
    sheet.commit();

    const questions = workbook.addWorksheet(t('forms.responses.export.sheet.questions'), {
      views: [{ state: 'frozen', ySplit: 1, rightToLeft }],
    });
    questions.columns = [...[0, 1, 2, 3].map(() => ({ width: 22 })), ...exported.versions.map(() => ({ width: 40 }))];
    const heading = questions.addRow([
      t('forms.responses.export.question.key'),
      t('forms.responses.export.question.question'),
      t('forms.responses.export.question.part'),
      t('forms.responses.export.question.type'),
      ...exported.versions.map((version) => translate(locale, 'forms.responses.export.question.version', { version: version.version })),
    ]);
    heading.font = { bold: true };
    heading.commit();
    for (const column of exported.columns) {
      questions
        .addRow([
          column.key,
          column.question,
          column.part ?? null,
          column.type,
          ...exported.versions.map((version) => inertCell(version.columns.find((c) => c.key === column.key)?.label ?? null)),
        ])
        .commit();
    }
    questions.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

/**
 * What every XLSX export shares (forms responses, the needs synthesis...): the content type, cells
 * made inert (no formula from user text), and sheets in the reader's direction with a bold, frozen
 * header row. Built on exceljs.
 */
import type ExcelJS from 'exceljs';
import type { Locale } from '#app/shared/i18n/locales.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * ExcelJS, loaded when a workbook is first read or written: it is about 300 modules, which every
 * process that merely imports a module with an export (the server, each command) would load at start.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/**
 * Spreadsheet programs run a cell starting with `=`, `+`, `-`, `@` (or a tab or carriage return)
 * as a formula; text may come from users, so such text is prefixed with an apostrophe. Numbers,
 * dates and empty cells stay as they are.
 */
export function inertCell<T>(value: T): T | string {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

export type SheetCell = string | number | boolean | Date | null;

/**
 * Adds a sheet holding one table: the header row in bold and frozen, right-to-left in Arabic, every
 * cell inert, column widths from `widths` (characters, default 18).
 */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  table: { name: string; locale: Locale; header: readonly string[]; rows: readonly (readonly SheetCell[])[]; widths?: readonly number[] },
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName(table.name), {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft: table.locale === 'ar' }],
  });
  sheet.columns = table.header.map((_, index) => ({ width: table.widths?.[index] ?? 18 }));
  sheet.addRow(table.header.map(inertCell)).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(inertCell));
  return sheet;
}

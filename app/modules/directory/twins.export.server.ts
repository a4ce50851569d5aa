/**
 * The twins of a cluster or an organisation as an invitation list for a workshop: CSV (UTF-8 with
 * a BOM, so spreadsheet programs read Arabic right) or XLSX, in the reader's language, every twin
 * under the filters (not one page). Contact columns appear only when the presenter gave the reader
 * at least one contact, and each cell only where it allowed it.
 */
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '#app/shared/auth/actor.ts';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { loadExcelJS } from '#app/shared/xlsx/xlsx.ts';
import type { TwinsFiltersInput } from './twins.contracts.ts';
import { describeTwinReason } from './twins.reasons.ts';
import { type AllTwins, findAllTwins } from './twins.service.server.ts';
import type { TwinKind } from './twins.ts';

export type TwinsExportFormat = 'csv' | 'xlsx';

export interface TwinsExport {
  filename: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}

const CONTENT_TYPES: Record<TwinsExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type Cell = string | number;

/** A plausible phone number is data, not a formula, even with its leading `+`. */
const PHONE = /^\+?[0-9 ().-]+$/;

/**
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula; names and
 * addresses come from users, so such cells are prefixed with an apostrophe (CSV injection).
 */
export function safeCell(value: Cell): Cell {
  if (typeof value !== 'string' || !/^[=+\-@\t\r]/.test(value) || PHONE.test(value)) return value;
  return `'${value}`;
}

interface Table {
  header: string[];
  rows: Cell[][];
}

export function invitationTable(twins: AllTwins, locale: Locale, publicUrl: string): Table {
  const t = (id: string, values?: Record<string, string | number>) => translate(locale, id, values);
  const yesNo = (value: boolean) => t(value ? 'directory.twins.export.yes' : 'directory.twins.export.no');
  const reasons = (twin: { reasons: AllTwins['clusters'][number]['reasons'] }) =>
    twin.reasons.map((reason) => describeTwinReason(reason, locale, twins.names, t)).join('\n');
  const country = (iso2: string) => textIn(twins.names.countries[iso2], locale, null, iso2);
  const withContact = twins.organisations.some((twin) => twin.contact !== null);

  const columns = ['kind', 'name', 'type', 'size', 'country', 'city', 'womenLed', 'score', 'strength', 'reasons', 'profile'];
  if (withContact) columns.push('email', 'phone', 'address');
  const header = columns.map((column) => t(`directory.twins.export.col.${column}`));

  const clusterRows = twins.clusters.map((twin): Cell[] => [
    t('directory.twins.source.cluster'),
    textIn(twin.cluster.name, locale, twin.cluster.sourceLocale),
    '',
    '',
    country(twin.cluster.countryIso2),
    textIn(twin.cluster.city, locale, twin.cluster.sourceLocale),
    '',
    twin.score,
    t(`directory.twins.strength.${twin.strength}`),
    reasons(twin),
    `${publicUrl}/${locale}/clusters/${twin.cluster.slug}`,
    ...(withContact ? ['', '', ''] : []),
  ]);
  const organisationRows = twins.organisations.map((twin): Cell[] => {
    const { organisation, contact } = twin;
    return [
      t('directory.twins.source.organisation'),
      textIn(organisation.name, locale, organisation.sourceLocale),
      t(`directory.type.${organisation.type}`),
      organisation.sizeClass ? t(`directory.size.${organisation.sizeClass}`) : '',
      country(organisation.countryIso2),
      textIn(organisation.city, locale, organisation.sourceLocale),
      yesNo(organisation.womenLed),
      twin.score,
      t(`directory.twins.strength.${twin.strength}`),
      reasons(twin),
      `${publicUrl}/${locale}/organisations/${organisation.slug}`,
      ...(withContact ? [contact?.email ?? '', contact?.phone ?? '', contact?.address ?? ''] : []),
    ];
  });
  return { header, rows: [...clusterRows, ...organisationRows].map((row) => row.map(safeCell)) };
}

async function toXlsx(table: Table, sheetName: string, locale: Locale): Promise<Uint8Array<ArrayBuffer>> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ rightToLeft: locale === 'ar', state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  for (const column of sheet.columns) {
    column.width = 24;
    column.alignment = { wrapText: true, vertical: 'top' };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface TwinsExportRequest {
  kind: TwinKind;
  slug: string;
  filters: TwinsFiltersInput;
  format: TwinsExportFormat;
  locale: Locale;
  publicUrl: string;
}

export async function exportTwins(actor: Actor, request: TwinsExportRequest): Promise<TwinsExport> {
  const twins = await findAllTwins(actor, request.kind, request.slug, request.filters);
  const table = invitationTable(twins, request.locale, request.publicUrl);
  const filename = `twins-${twins.source.slug}-${request.locale}.${request.format}`;
  if (request.format === 'csv') {
    const csv = `\uFEFF${stringify([table.header, ...table.rows])}`;
    return { filename, contentType: CONTENT_TYPES.csv, body: new TextEncoder().encode(csv) };
  }
  const sheetName = translate(request.locale, 'directory.twins.export.sheet');
  return { filename, contentType: CONTENT_TYPES.xlsx, body: await toXlsx(table, sheetName, request.locale) };
}

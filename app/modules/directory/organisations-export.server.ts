/**
 * Any filtered view of the directory as CSV or XLSX, in the reader's language: translated
 * headers, names by the display fallback rule, vocabulary labels instead of codes. Each row goes
 * through the presenter, so contact columns are filled only for organisations that consented and
 * only for a signed-in reader. Rows are read and written in batches (keyset paging), so an export
 * of 100,000 organisations never holds them all in memory.
 */
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '#app/shared/auth/actor.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { loadExcelJS } from '#app/shared/xlsx/xlsx.ts';
import type { OrganisationProfile } from './directory.contracts.ts';
import { presentOrganisationProfile } from './organisation.presenter.ts';
import type { DirectoryLabels, OrganisationFilters } from './organisation-filters.ts';
import { directoryLabels, listableStatuses, selectionOf } from './organisations.query.server.ts';
import { type BatchCursor, selectClustersOf, selectOrganisationBatch } from './organisations.repository.server.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const BATCH_SIZE = 500;

export const EXPORT_COLUMNS = [
  'name',
  'slug',
  'type',
  'size',
  'foundedYear',
  'country',
  'city',
  'subsectors',
  'materials',
  'products',
  'markets',
  'languages',
  'certifications',
  'staffTotal',
  'staffWomen',
  'staffMen',
  'womenLed',
  'womenOwned',
  'youthLed',
  'clusters',
  'website',
  'email',
  'phone',
  'address',
  'demo',
  'url',
] as const;
type Column = (typeof EXPORT_COLUMNS)[number];
type Cell = string | number | null;

export interface ExportOptions {
  locale: Locale;
  format: ExportFormat;
  /** Absolute origin for the profile links (`https://mosaic.example`). */
  publicUrl: string;
  /** Today, for the file name (a parameter so tests are stable). */
  now?: Date;
}

export interface OrganisationExport {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** One organisation as the reader sees it, column by column. */
function rowOf(profile: OrganisationProfile, labels: DirectoryLabels, locale: Locale, publicUrl: string): Record<Column, Cell> {
  const t = (id: string) => translate(locale, id);
  const list = (values: string[]) => values.join('; ');
  const named = (names: DirectoryLabels[keyof DirectoryLabels], codes: string[]) =>
    list(codes.map((code) => textIn(names[code], locale, null, code)));
  const yesNo = (value: boolean) => t(value ? 'directory.organisations.export.yes' : 'directory.organisations.export.no');
  const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  return {
    name: textIn(profile.name, locale, profile.sourceLocale),
    slug: profile.slug,
    type: t(`directory.type.${profile.type}`),
    size: profile.sizeClass ? t(`directory.size.${profile.sizeClass}`) : null,
    foundedYear: profile.foundedYear,
    country: textIn(labels.countries[profile.countryIso2], locale, null, profile.countryIso2),
    city: profile.city ? textIn(profile.city, locale, profile.sourceLocale) : null,
    subsectors: named(labels.subsectors, profile.subsectorCodes),
    materials: named(labels.materials, profile.materialCodes),
    products: profile.products ? textIn(profile.products, locale, profile.sourceLocale) : null,
    markets: list(profile.markets.map((market) => t(`directory.market.${market}`))),
    languages: list(profile.workingLanguages.map((code) => languages.of(code) ?? code)),
    certifications: list(profile.certifications),
    staffTotal: profile.staffTotal,
    staffWomen: profile.staffWomen,
    staffMen: profile.staffMen,
    womenLed: yesNo(profile.womenLed),
    womenOwned: yesNo(profile.womenOwned),
    youthLed: yesNo(profile.youthLed),
    clusters: list(profile.clusters.map((cluster) => textIn(cluster.name, locale))),
    website: profile.links.find((link) => link.kind === 'website')?.url ?? null,
    email: profile.contact?.email ?? null,
    phone: profile.contact?.phone ?? null,
    address: profile.contact?.address ?? null,
    demo: yesNo(profile.isDemo),
    url: `${publicUrl}/${locale}/organisations/${profile.slug}`,
  };
}

/** The rows of the view, a batch at a time, each through the presenter. */
async function* exportRows(actor: Actor, filters: OrganisationFilters, options: ExportOptions): AsyncGenerator<Record<Column, Cell>[]> {
  const db = getDb();
  const selection = selectionOf(filters, listableStatuses(actor, undefined));
  const labels = await directoryLabels(db);
  let after: BatchCursor | null = null;
  for (;;) {
    const batch = await selectOrganisationBatch(db, selection, { locale: options.locale, after, limit: BATCH_SIZE });
    if (batch.length === 0) return;
    const clusters = await selectClustersOf(
      db,
      batch.map(({ row }) => row.id),
    );
    yield batch.map(({ row }) =>
      rowOf(presentOrganisationProfile(actor, row, clusters.get(row.id) ?? []), labels, options.locale, options.publicUrl),
    );
    if (batch.length < BATCH_SIZE) return;
    const last = batch.at(-1)!;
    after = { sortName: last.sortName, slug: last.row.slug };
  }
}

function headers(locale: Locale): string[] {
  return EXPORT_COLUMNS.map((column) => translate(locale, `directory.organisations.export.column.${column}`));
}

function csvStream(rows: AsyncGenerator<Record<Column, Cell>[]>, locale: Locale): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // The byte order mark tells Excel the file is UTF-8 (Arabic would show as mojibake otherwise).
        controller.enqueue(encoder.encode(stringify([headers(locale)], { bom: true })));
        return;
      }
      const next = await rows.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(stringify(next.value.map((row) => EXPORT_COLUMNS.map((column) => row[column] ?? '')))));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}

function xlsxStream(rows: AsyncGenerator<Record<Column, Cell>[]>, locale: Locale): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const write = async () => {
    const ExcelJS = await loadExcelJS();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(translate(locale, 'directory.organisations.export.sheet'), {
      views: [{ state: 'frozen', ySplit: 1, rightToLeft: locale === 'ar' }],
    });
    sheet.columns = EXPORT_COLUMNS.map((column, index) => ({
      key: column,
      header: headers(locale)[index],
      width: column === 'name' ? 40 : 18,
    }));
    sheet.getRow(1).font = { bold: true };
    for await (const batch of rows) {
      for (const row of batch) sheet.addRow(row).commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

/** The file of a filtered view (the page and sort of the view do not matter: every row, in name order). */
export function exportOrganisations(actor: Actor, filters: OrganisationFilters, options: ExportOptions): OrganisationExport {
  const rows = exportRows(actor, { ...filters, page: 1 }, options);
  const day = (options.now ?? new Date()).toISOString().slice(0, 10);
  return {
    filename: `organisations-${day}.${options.format}`,
    contentType: CONTENT_TYPES[options.format],
    body: options.format === 'csv' ? csvStream(rows, options.locale) : xlsxStream(rows, options.locale),
  };
}

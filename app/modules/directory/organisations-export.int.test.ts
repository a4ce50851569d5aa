/**
 * Exports of directory views on a real database: headers and labels in the reader's language, a
 * byte order mark for Excel, contact columns only with consent and a signed-in reader, filters
 * honoured, every row present across batches, and an XLSX file that opens again.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorWith } from '#app/shared/audit/testing/staff-actor.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { organisation } from '#app/shared/db/schema.ts';
import { addMember, insertCluster, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { NO_FILTERS, type OrganisationFilters } from './organisation-filters.ts';
import { type ExportOptions, exportOrganisations } from './organisations-export.server.ts';

const member = actorWith([]);
const PUBLIC_URL = 'https://mosaic.example';

async function exportBytes(
  actor: typeof member | typeof anonymous,
  filters: Partial<OrganisationFilters>,
  options: Partial<ExportOptions>,
) {
  const file = exportOrganisations(
    actor,
    { ...NO_FILTERS, ...filters },
    { locale: 'en', format: 'csv', publicUrl: PUBLIC_URL, ...options },
  );
  const arrayBuffer = await new Response(file.body).arrayBuffer();
  return { file, arrayBuffer, bytes: Buffer.from(arrayBuffer) };
}

async function exportCsv(
  actor: typeof member | typeof anonymous,
  filters: Partial<OrganisationFilters> = {},
  options: Partial<ExportOptions> = {},
) {
  const { bytes } = await exportBytes(actor, filters, { ...options, format: 'csv' });
  return { bytes, records: parse(bytes.toString('utf8'), { bom: true }) as string[][] };
}

describe('organisations export', () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    const db = database().db;
    const jewellery = await insertCluster(db, { slug: 'export-jewellery', name: { ar: 'صاغة باتنة', en: 'Batna jewellers' } });
    const silver = await insertOrganisation(db, {
      slug: 'export-silver',
      name: { ar: 'ورشة الفضة', en: 'Silver Workshop' },
      sourceLocale: 'ar',
      countryIso2: 'DZ',
      type: 'cooperative',
      sizeClass: 'small',
      subsectorCodes: ['fashion'],
      materialCodes: ['silver', 'enamel'],
      markets: ['local', 'europe'],
      workingLanguages: ['ar', 'fr'],
      womenLed: true,
      email: 'silver@export.example',
      phone: '+213 33 00 00 00',
      address: 'Rue des orfèvres',
      contactConsent: true,
      links: [{ kind: 'website', url: 'https://silver.example' }],
    });
    await addMember(db, jewellery, silver);
    await insertOrganisation(db, {
      slug: 'export-private',
      name: { fr: 'Atelier Discret' },
      sourceLocale: 'fr',
      countryIso2: 'TN',
      email: 'discret@export.example',
      phone: '+216 70 00 00 00',
      contactConsent: false,
    });
    await insertOrganisation(db, { slug: 'export-proposed', name: { en: 'Not Published' }, status: 'proposed' });
    // More rows than one batch, so the export pages through the table.
    for (let start = 0; start < 1100; start += 275) {
      await db.insert(organisation).values(
        Array.from({ length: 275 }, (_, i) => ({
          slug: `export-bulk-${String(start + i).padStart(4, '0')}`,
          name: { en: `Bulk ${String(start + i).padStart(4, '0')}` },
          type: 'enterprise' as const,
          countryIso2: 'MA',
        })),
      );
    }
  });

  it('writes a UTF-8 CSV with a byte order mark, headers and labels in Arabic, names by the fallback rule', async () => {
    const { bytes, records } = await exportCsv(member, { country: ['DZ', 'TN'] }, { locale: 'ar' });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = records;
    expect(header?.slice(0, 3)).toEqual(['الاسم', 'المعرّف', 'النوع']);
    const byColumn = (row: string[]) => Object.fromEntries(header!.map((name, i) => [name, row[i]]));
    const silver = byColumn(rows.find((row) => row.includes('export-silver'))!);
    expect(silver).toMatchObject({
      الاسم: 'ورشة الفضة',
      النوع: 'تعاونية',
      البلد: 'الجزائر',
      'المواد والتقنيات': 'الفضة; المينا',
      'بقيادة نسائية': 'نعم',
      العناقيد: 'صاغة باتنة',
      'الموقع الإلكتروني': 'https://silver.example',
      'البريد الإلكتروني': 'silver@export.example',
      'الصفحة التعريفية': 'https://mosaic.example/ar/organisations/export-silver',
    });
    // Only in French: shown in French, the fallback.
    expect(rows.some((row) => row[0] === 'Atelier Discret')).toBe(true);
    expect(rows).toHaveLength(2);
  });

  it('leaves contact columns empty for visitors and for organisations that did not consent', async () => {
    const visitor = (await exportCsv(anonymous, { country: ['DZ', 'TN'] })).bytes.toString('utf8');
    expect(visitor).not.toMatch(/export\.example|\+213|\+216|orfèvres/);
    expect(visitor).toContain('Silver Workshop');
    const signedIn = (await exportCsv(member, { country: ['DZ', 'TN'] })).bytes.toString('utf8');
    expect(signedIn).toContain('silver@export.example');
    expect(signedIn).not.toMatch(/discret@export\.example|\+216/);
  });

  it('exports every published row of the view across batches, in name order, whatever the page', async () => {
    const { records } = await exportCsv(anonymous, { country: ['MA'], page: 7 });
    const slugs = records.slice(1).map((row) => row[1]);
    expect(slugs).toHaveLength(1100);
    expect(new Set(slugs).size).toBe(1100);
    expect(slugs[0]).toBe('export-bulk-0000');
    expect(slugs.at(-1)).toBe('export-bulk-1099');
    const all = (await exportCsv(anonymous)).records.slice(1).map((row) => row[1]);
    expect(all).not.toContain('export-proposed');
  });

  it('writes an XLSX workbook that opens again, right-to-left in Arabic', async () => {
    const { file, arrayBuffer } = await exportBytes(
      member,
      { country: ['DZ'] },
      { locale: 'ar', format: 'xlsx', now: new Date('2026-11-22T10:00:00Z') },
    );
    expect(file.filename).toBe('organisations-2026-11-22.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('المنظمات');
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    expect(sheet.getRow(1).getCell(1).value).toBe('الاسم');
    expect(sheet.getRow(2).getCell(1).value).toBe('ورشة الفضة');
    expect(sheet.getRow(2).getCell(2).value).toBe('export-silver');
    expect(sheet.rowCount).toBe(2);
  });
});

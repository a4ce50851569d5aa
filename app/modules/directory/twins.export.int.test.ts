import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorWith } from '#app/shared/audit/testing/staff-actor.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { exportTwins, safeCell } from './twins.export.server.ts';
import { insertTwinsFixture } from './twins.fixture.ts';

const publicUrl = 'https://mosaic.example';
const request = { kind: 'cluster' as const, slug: 'batna-jewellery', filters: {}, publicUrl };

function csvText(body: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
}

describe('twins invitation list', () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    await insertTwinsFixture(database().db);
  });

  it('lists every twin with its reasons in the reader’s language, as CSV with a BOM, without contact columns for visitors', async () => {
    const exported = await exportTwins(anonymous, { ...request, format: 'csv', locale: 'fr' });
    expect(exported.filename).toBe('twins-batna-jewellery-fr.csv');
    expect(exported.contentType).toBe('text/csv; charset=utf-8');
    const text = csvText(exported.body);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = text
      .slice(1)
      .trim()
      .split(/\r?\n(?=[^\n]*,)/);
    expect(header).toBe('Nature,Nom,Type,Taille,Pays,Ville,Dirigée par une femme,Score (sur 100),Correspondance,Raisons,Fiche');
    expect(text).toContain('Cluster des bijoutiers de Bourj Hammoud');
    expect(text).toContain('Même sous-secteur : Mode');
    expect(text).toContain('https://mosaic.example/fr/organisations/beirut-gold-exporter');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(text).not.toMatch(/beirut-gold\.example|tunis-silver\.example|Arax/);
  });

  it('adds contact details for signed-in people, only where the organisation consented', async () => {
    const exported = await exportTwins(actorWith([]), { ...request, format: 'csv', locale: 'en' });
    const text = csvText(exported.body);
    expect(text).toContain('E-mail,Phone,Address');
    expect(text).toContain('contact@beirut-gold.example,+961 1 234 567,"Arax Street, Bourj Hammoud"');
    expect(text).not.toContain('tunis-silver.example');
  });

  it('keeps the filters', async () => {
    const exported = await exportTwins(anonymous, { ...request, filters: { country: ['TN'] }, format: 'csv', locale: 'en' });
    const text = csvText(exported.body);
    expect(text).toContain('Orfèvrerie de Tunis');
    expect(text).not.toContain('Beirut Gold Exporter');
    expect(text).not.toContain('Bourj Hammoud Jewellery Cluster');
  });

  it('writes an Excel workbook, right to left in Arabic', async () => {
    const exported = await exportTwins(anonymous, { ...request, format: 'xlsx', locale: 'ar' });
    expect(exported.filename).toBe('twins-batna-jewellery-ar.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.body.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('قائمة الدعوة');
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    expect(sheet.getRow(1).getCell(2).value).toBe('الاسم');
    const names = sheet.getColumn(2).values.slice(2);
    expect(names).toContain('مصدّر الذهب في بيروت');
    expect(sheet.rowCount).toBe(1 + 2 + 2);
  });

  it('defuses cells a spreadsheet would run as formulas, but not phone numbers', () => {
    expect(safeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(safeCell('@cmd')).toBe("'@cmd");
    expect(safeCell('+961 1 234 567')).toBe('+961 1 234 567');
    expect(safeCell('Atelier')).toBe('Atelier');
    expect(safeCell(75)).toBe(75);
  });
});

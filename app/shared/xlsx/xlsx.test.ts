import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addTableSheet, inertCell, sheetName } from './xlsx.ts';

describe('xlsx kit', () => {
  it('makes text a spreadsheet would run inert, and leaves the rest alone', () => {
    for (const text of ['=1+1', '+33 1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(inertCell(text)).toBe(`'${text}`);
    const date = new Date();
    for (const value of ['plain', 'a=b', 3, -2, null, date, true]) expect(inertCell(value)).toBe(value);
  });

  it('names sheets as Excel accepts them', () => {
    expect(sheetName('Training: by gender / size [all]?')).toBe('Training  by gender   size  all');
    expect(sheetName('المجيبون حسب النوع الاجتماعي')).toBe('المجيبون حسب النوع الاجتماعي');
  });

  it('writes a table sheet with a bold frozen header, right-to-left in Arabic, cells inert', async () => {
    const workbook = new ExcelJS.Workbook();
    addTableSheet(workbook, { name: 'الأولويات', locale: 'ar', header: ['=الرمز', 'الدرجة'], rows: [['=cmd', 71.9]] });
    addTableSheet(workbook, { name: 'Priorities', locale: 'fr', header: ['Code'], rows: [] });
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await workbook.xlsx.writeBuffer());
    const [arabic, french] = read.worksheets;
    expect(arabic!.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
    expect(french!.views[0]?.rightToLeft).toBe(false);
    expect(arabic!.getRow(1).font?.bold).toBe(true);
    expect((arabic!.getRow(1).values as unknown[]).slice(1)).toEqual(["'=الرمز", 'الدرجة']);
    expect((arabic!.getRow(2).values as unknown[]).slice(1)).toEqual(["'=cmd", 71.9]);
  });
});

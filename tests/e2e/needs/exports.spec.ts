/**
 * The board's downloads in a browser: from the Arabic board of Tunisia at 360 px without JavaScript,
 * the workbook (every table, right-to-left, its Arabic title on the cover) and the PDF brief (its
 * Arabic title in the text pdftotext extracts); the French brief of the region from the French board.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { pdfText } from '#app/shared/pdf/pdf-text.ts';
import { message } from '../support/messages.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };

test.describe('priority-needs downloads', () => {
  test('the Arabic board of Tunisia downloads its workbook and its brief', async ({ openPage }) => {
    const page = await openPage({ locale: 'ar', viewport: PHONE, javaScriptEnabled: false });
    await page.goto('/ar/needs?scope=country%3ATN');
    await checkPage(page);
    await expect(page.getByRole('heading', { name: message('ar', 'needs.exports.download.heading') })).toBeVisible();

    const [workbookFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: message('ar', 'needs.exports.download.xlsx') }).click(),
    ]);
    expect(workbookFile.suggestedFilename()).toMatch(/^needs-priorities-country-tn-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await workbookFile.path()) as string)) as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(8);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('أولويات الاحتياجات في تونس');
    expect(workbook.worksheets[0]!.views[0]?.rightToLeft).toBe(true);

    const [briefFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: message('ar', 'needs.exports.download.pdf') }).click(),
    ]);
    expect(briefFile.suggestedFilename()).toMatch(/^needs-brief-country-tn-ar-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await readFile((await briefFile.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    if (text !== null) expect(text).toContain('أولويات الاحتياجات في تونس');
  });

  test('the French board of the region downloads the French brief', async ({ openPage }) => {
    const page = await openPage({ locale: 'fr', viewport: PHONE });
    await page.goto('/fr/needs');
    await checkPage(page);
    const [briefFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: message('fr', 'needs.exports.download.pdf') }).click(),
    ]);
    const pdf = await readFile((await briefFile.path()) as string);
    const text = pdfText(pdf);
    if (text !== null) expect(text).toContain('Besoins prioritaires : la région');
  });
});

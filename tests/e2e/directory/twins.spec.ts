/**
 * The twins finder in a browser, on the demo directory: the counterparts of batna-jewellery in
 * Arabic, French and English show bourj-hammoud-jewellery with its reasons; the filters work
 * without JavaScript; the invitation list downloads; every page is axe-clean at 360 px.
 */
import { readFile } from 'node:fs/promises';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { message } from '../support/messages.ts';
import { checkPage, e2eBaseUrl, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };

/** The start of a reason's sentence, before its evidence ("Same subsector:"). */
function reasonPrefix(locale: (typeof LOCALES)[number], key: string, placeholder: string): string {
  return message(locale, key, { [placeholder]: '' }).trim();
}

test.describe('twins finder', () => {
  for (const locale of LOCALES) {
    test(`/${locale}/clusters/batna-jewellery/twins shows bourj-hammoud-jewellery with its reasons`, async ({ openPage }) => {
      const page = await openPage({ locale, viewport: PHONE });
      await page.goto(`/${locale}/clusters/batna-jewellery/twins`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(message(locale, 'directory.twins.heading', { name: '' }).trim());
      const clusters = page.locator('section', { has: page.locator('#twins-clusters-heading') });
      const card = clusters.locator('li.twin-card', { has: page.locator(`a[href="/${locale}/clusters/bourj-hammoud-jewellery"]`) });
      await expect(card).toHaveCount(1);
      await expect(
        card.getByRole('listitem').filter({ hasText: reasonPrefix(locale, 'directory.twins.reason.same-subsector', 'subsectors') }),
      ).toHaveCount(1);
      await expect(
        card.getByRole('listitem').filter({ hasText: reasonPrefix(locale, 'directory.twins.reason.shared-materials', 'materials') }),
      ).toHaveCount(1);
      await expect(card).toContainText(message(locale, 'directory.twins.strength.strong'));
      await checkPage(page);
    });
  }

  test('the filters work without JavaScript and give a shareable address', async ({ openPage }) => {
    const page = await openPage({ locale: 'fr', javaScriptEnabled: false, viewport: PHONE });
    await page.goto('/fr/clusters/batna-jewellery/twins');
    await checkPage(page);
    await page.getByRole('checkbox', { name: 'Liban' }).check();
    await page.getByRole('button', { name: message('fr', 'directory.twins.filters.apply') }).click();
    await expect(page).toHaveURL('/fr/clusters/batna-jewellery/twins?country=LB');
    await expect(page.getByRole('checkbox', { name: 'Liban' })).toBeChecked();
    await expect(page.locator('a[href="/fr/clusters/bourj-hammoud-jewellery"]')).toHaveCount(1);
    await expect(page.locator('a[href="/fr/clusters/amman-fashion"]')).toHaveCount(0);
    await checkPage(page);
  });

  test('the invitation list downloads as CSV and Excel, without contact details for visitors', async ({ openPage, request }) => {
    const page = await openPage({ locale: 'en' });
    await page.goto('/en/clusters/batna-jewellery/twins');
    await checkPage(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: message('en', 'directory.twins.export.csv') }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('twins-batna-jewellery-en.csv');
    const csv = await readFile((await download.path()) as string, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Bourj Hammoud');
    expect(csv).toContain(message('en', 'directory.twins.export.col.reasons'));
    expect(csv).not.toContain(message('en', 'directory.twins.export.col.email'));

    const xlsx = await request.get(`${e2eBaseUrl()}/en/clusters/batna-jewellery/twins/export.xlsx?country=LB`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers()['content-disposition']).toContain('twins-batna-jewellery-en.xlsx');
  });

  for (const locale of LOCALES) {
    test(`/${locale}/organisations/demo-organisation/twins lists counterparts, axe-clean`, async ({ openPage }) => {
      const page = await openPage({ locale, viewport: PHONE });
      const response = await page.goto(`/${locale}/organisations/demo-organisation/twins`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('#twins-organisations-heading')).toBeVisible();
      await checkPage(page);
    });
  }
});

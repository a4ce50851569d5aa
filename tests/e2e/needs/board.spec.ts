/**
 * The priority-needs board in a browser: the region, a country and a cluster in Arabic, French
 * and English at 360 px with JavaScript off (the scope is a GET form, so each view has its own
 * address), axe-clean with no sideways scroll; an unreadable scope is a 400 page.
 */
import { message } from '../support/messages.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };

test.describe('priority-needs board', () => {
  const views = [
    { locale: 'ar', scope: 'region' },
    { locale: 'fr', scope: 'country:TN' },
    { locale: 'en', scope: 'cluster:el-jem-mosaic' },
  ] as const;
  for (const { locale, scope } of views) {
    test(`/${locale}/needs?scope=${scope} without JavaScript`, async ({ openPage }) => {
      const page = await openPage({ locale, viewport: PHONE, javaScriptEnabled: false });
      await page.goto(`/${locale}/needs?scope=${encodeURIComponent(scope)}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(message(locale, 'needs.board.title'));
      await expect(page.getByLabel(message(locale, 'needs.board.scope.label'))).toHaveValue(scope);
      await checkPage(page);
    });
  }

  test('choosing a scope in the form gives its own address', async ({ openPage }) => {
    const page = await openPage({ locale: 'fr', viewport: PHONE, javaScriptEnabled: false });
    await page.goto('/fr/needs');
    await checkPage(page);
    await page.getByLabel(message('fr', 'needs.board.scope.label')).selectOption('country:JO');
    await page.getByRole('button', { name: message('fr', 'needs.board.scope.show') }).click();
    await expect(page).toHaveURL(/\/fr\/needs\?scope=country%3AJO$/);
    await checkPage(page);
  });

  test('shows who names each theme, the common challenges at the thresholds the reader sets, and the training needs', async ({
    openPage,
  }) => {
    const page = await openPage({ locale: 'ar', viewport: PHONE, javaScriptEnabled: false });
    await page.goto('/ar/needs');
    await checkPage(page);
    for (const caption of ['needs.board.tables.common', 'needs.board.tables.training', 'needs.board.tables.disaggregation']) {
      await expect(page.getByRole('heading', { level: 2, name: message('ar', caption) })).toBeVisible();
    }
    // The demo answers name themes in several clusters: the training table and the gender table have rows.
    await expect(page.locator('#needs-training-table-caption')).toBeVisible();
    await expect(page.locator('[aria-labelledby="needs-by-gender-caption"] tbody tr').first()).toBeVisible();
    const commonRows = page.locator('[aria-labelledby="needs-common-table-caption"] tbody tr');
    const byDefault = await commonRows.count();

    // One cluster in one country is enough: at least as many themes are common, each its own address.
    await page.getByLabel(message('ar', 'needs.board.tables.minClusters')).fill('1');
    await page.getByLabel(message('ar', 'needs.board.tables.minCountries')).fill('1');
    await page.getByRole('button', { name: message('ar', 'needs.board.tables.apply') }).click();
    await expect(page).toHaveURL(/\/ar\/needs\?scope=region&minClusters=1&minCountries=1$/);
    await checkPage(page);
    await expect(page.getByLabel(message('ar', 'needs.board.tables.minClusters'))).toHaveValue('1');
    const lowered = await commonRows.count();
    expect(lowered).toBeGreaterThan(0);
    expect(lowered).toBeGreaterThanOrEqual(byDefault);

    const refused = await page.goto('/ar/needs?scope=region&minClusters=0');
    expect(refused?.status()).toBe(400);
    await checkPage(page);
  });

  test('an unreadable scope is refused', async ({ openPage }) => {
    const page = await openPage({ locale: 'en', viewport: PHONE });
    const response = await page.goto('/en/needs?scope=planet:earth');
    expect(response?.status()).toBe(400);
    await checkPage(page);
  });
});

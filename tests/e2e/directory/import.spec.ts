/**
 * Importing organisations in a browser at 360 px: programme staff (two-factor set up first) upload
 * the fixture CSV, check the guessed columns, dry-run it (nothing written), import it for real
 * and read the report of the rows left out, with their reasons and as CSV. The import pages are
 * checked with axe in English, French and Arabic.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { type E2eAccount, importStaffAccount } from '../support/accounts.ts';
import { message } from '../support/messages.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/import/organisations.csv');

function totpCode(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

/** A staff account needs two-factor before any staff page: set it up (the secret read as text). */
async function signInStaff(page: Page, staff: E2eAccount, target: string): Promise<void> {
  const { locale } = staff;
  await page.goto(target);
  await checkPage(page);
  await page.getByLabel(message(locale, 'identity.field.email'), { exact: true }).fill(staff.email);
  await page.getByLabel(message(locale, 'identity.field.password'), { exact: true }).fill(staff.password);
  await page.getByRole('button', { name: message(locale, 'identity.signIn.submit'), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/account/two-factor\\?required=1`));
  await checkPage(page);
  await page.getByLabel(message(locale, 'identity.field.password'), { exact: true }).fill(staff.password);
  await page.getByRole('button', { name: message(locale, 'identity.twoFactor.start.submit'), exact: true }).click();
  const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s+/g, '');
  await page.getByLabel(message(locale, 'identity.field.appCode'), { exact: true }).fill(totpCode(secret));
  await page.getByRole('button', { name: message(locale, 'identity.twoFactor.confirm.submit'), exact: true }).click();
  await expect(page.getByRole('link', { name: message(locale, 'identity.twoFactor.codes.continue'), exact: true })).toBeVisible();
  await checkPage(page);
  await page.goto(target);
}

/** The value shown beside a summary label (`Created: 4`). */
function summaryValue(page: Page, locale: 'en', key: string) {
  return page
    .locator('.import-summary > div')
    .filter({ has: page.locator('dt', { hasText: message(locale, `directory.import.summary.${key}`) }) })
    .locator('dd');
}

test('staff upload a CSV at 360 px, check its columns, dry-run it, import it and read the report', async ({ openPage }) => {
  // A dozen pages, each checked with axe, and two background imports: longer than the default.
  test.setTimeout(300_000);
  const staff = importStaffAccount();
  const page = await openPage({ locale: 'en', viewport: PHONE });
  let draftUrl = '';

  await test.step('sign in with two-factor and upload the file', async () => {
    await signInStaff(page, staff, '/en/admin/directory/import');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('en', 'directory.import.title'));
    await checkPage(page);
    await page.getByLabel(message('en', 'directory.import.upload.kind'), { exact: true }).selectOption('organisations');
    await page.getByLabel(message('en', 'directory.import.upload.locale'), { exact: true }).selectOption('fr');
    await page.getByLabel(message('en', 'directory.import.upload.file'), { exact: true }).setInputFiles(FIXTURE);
    await page.getByRole('button', { name: message('en', 'directory.import.upload.submit'), exact: true }).click();
    await expect(page).toHaveURL(/\/en\/admin\/directory\/import\/[0-9a-f-]{36}$/);
    draftUrl = page.url();
  });

  await test.step('the columns are guessed from the French headers', async () => {
    await expect(page.getByRole('heading', { level: 2, name: message('en', 'directory.import.mapping.title') })).toBeVisible();
    await expect(page.locator('#target-0')).toHaveValue('name.fr');
    await expect(page.locator('#target-1')).toHaveValue('name.ar');
    await expect(page.locator('#target-3')).toHaveValue('countryIso2');
    await expect(page.locator('#target-9')).toHaveValue('clusterSlug');
    await checkPage(page);
  });

  await test.step('a dry run reports what an import would do, writing nothing', async () => {
    // The fixture names a cluster the demo directory does not have: that row is left out too.
    await page.locator('#target-9').selectOption('');
    await page.getByRole('button', { name: message('en', 'directory.import.mapping.dryRun'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: message('en', 'directory.import.result.dryRunTitle') })).toBeVisible({
      timeout: 60_000,
    });
    await expect(summaryValue(page, 'en', 'wouldCreate')).toHaveText('4');
    await expect(summaryValue(page, 'en', 'duplicates')).toHaveText('1');
    await expect(summaryValue(page, 'en', 'rejected')).toHaveText('3');
    const report = page.locator('#import-report-caption').locator('xpath=ancestor::table');
    await expect(report.locator('tbody tr')).toHaveCount(4);
    await expect(report.locator('tbody tr').filter({ hasText: 'Atlantis' })).toContainText(
      message('en', 'errors.DIRECTORY_IMPORT_UNKNOWN_COUNTRY'),
    );
    await expect(
      report.locator('tbody tr').filter({ hasText: message('en', 'directory.import.report.duplicateOfRow', { row: 2 }) }),
    ).toHaveCount(1);
    await checkPage(page);
    expect((await page.request.get('/en/organisations/atelier-nour')).status()).toBe(404);
  });

  await test.step('importing for real creates the good rows and reports the others, also as CSV', async () => {
    await page.getByRole('button', { name: message('en', 'directory.import.result.importNow'), exact: true }).click();
    await expect(page).not.toHaveURL(draftUrl);
    await expect(page.getByRole('heading', { level: 2, name: message('en', 'directory.import.result.title') })).toBeVisible({
      timeout: 60_000,
    });
    await expect(summaryValue(page, 'en', 'created')).toHaveText('4');
    await checkPage(page);
    const csv = await page.request.get(`${new URL(page.url()).pathname}/report.csv`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain(message('en', 'errors.DIRECTORY_IMPORT_UNKNOWN_COUNTRY'));
    const profile = await page.request.get('/en/organisations/atelier-nour');
    expect(profile.status()).toBe(200);
  });

  await test.step('the import pages in French and Arabic', async () => {
    const runUrl = new URL(page.url()).pathname;
    await page.goto(runUrl.replace('/en/', '/fr/'));
    await expect(page.getByRole('heading', { level: 2, name: message('fr', 'directory.import.result.title') })).toBeVisible();
    await checkPage(page);
    await page.goto('/ar/admin/directory/import');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('ar', 'directory.import.title'));
    await expect(page.locator('#import-runs-table-caption')).toBeVisible();
    await checkPage(page);
  });
});

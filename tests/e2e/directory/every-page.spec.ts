/**
 * Every page of the directory, in Arabic, French and English at phone width, through axe and the
 * no-sideways-scroll check: the public pages for a visitor, the management pages for the demo
 * cluster manager (el-jem-mosaic) and the demo organisation admin (demo-organisation). The
 * journeys in the other specs exercise these pages; this sweep makes sure none is left unchecked
 * in any language. Read-only: it changes nothing other journeys rely on.
 */
import type { Page } from '@playwright/test';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { message } from '../support/messages.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const DEMO_PASSWORD = 'mosaic-demo-2026';

const PUBLIC_PAGES = [
  '/clusters',
  '/clusters?country=DZ',
  '/clusters/batna-jewellery',
  '/clusters/batna-jewellery/twins',
  '/organisations',
  '/organisations?country=TN&womenLed=true',
  '/organisations/demo-organisation',
  '/organisations/demo-organisation/twins',
  '/search?q=bijoux',
];
const CLUSTER_MANAGER_PAGES = [
  '/clusters/el-jem-mosaic/edit',
  '/clusters/el-jem-mosaic/members',
  // Organisations found to add, members among them marked (the new-cluster page, for staff, is checked by cluster-new.spec.ts).
  `/clusters/el-jem-mosaic/members?find=${encodeURIComponent('فسيفساء')}`,
  '/clusters/el-jem-mosaic/history',
];
const ORGANISATION_ADMIN_PAGES = [
  '/organisations/new',
  '/organisations/demo-organisation/edit',
  '/organisations/demo-organisation/people',
  '/organisations/demo-organisation/history',
];

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/en/account/sign-in');
  await checkPage(page);
  await page.getByLabel(message('en', 'identity.field.email'), { exact: true }).fill(email);
  await page.getByLabel(message('en', 'identity.field.password'), { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: message('en', 'identity.signIn.submit'), exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  await checkPage(page);
}

async function checkAll(page: Page, locale: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const response = await page.goto(`/${locale}${path}`);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
    await checkPage(page);
  }
}

test.describe('every directory page', () => {
  for (const locale of LOCALES) {
    test(`public pages in ${locale}`, async ({ openPage }) => {
      test.setTimeout(180_000);
      const page = await openPage({ locale, viewport: PHONE });
      await checkAll(page, locale, PUBLIC_PAGES);
    });

    test(`management pages in ${locale}`, async ({ openPage }) => {
      test.setTimeout(240_000);
      const manager = await openPage({ locale, viewport: PHONE });
      await signIn(manager, 'cluster-manager@demo.mosaic.localhost');
      await checkAll(manager, locale, CLUSTER_MANAGER_PAGES);
      const admin = await openPage({ locale, viewport: PHONE });
      await signIn(admin, 'organisation-admin@demo.mosaic.localhost');
      await checkAll(admin, locale, ORGANISATION_ADMIN_PAGES);
    });
  }
});

/**
 * The organisations directory in a browser, on the demo directory: the list in Arabic, French and
 * English at 360 px (axe-clean, no sideways scroll); facets, chips and paging as plain links with
 * JavaScript turned off; a profile in each language with the contact block held back from
 * visitors; a signed-in member seeing consented contact details; the demo organisation's admin
 * offered its edit and history links, which another organisation's page does not show.
 */
import type { Page } from '@playwright/test';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { message } from '../support/messages.ts';
import { checkPage, e2eBaseUrl, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const PAGE_SIZE = 20;
const DEMO_PASSWORD = 'mosaic-demo-2026';
const MEMBER = 'member@demo.mosaic.localhost';
const ORGANISATION_ADMIN = 'organisation-admin@demo.mosaic.localhost';
const NAMES = { ar: 'ورشة الزيتونة للفسيفساء', fr: 'Atelier Zitouna de mosaïque', en: 'Zitouna Mosaic Workshop' } as const;

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/fr/account/sign-in');
  await checkPage(page);
  await page.getByLabel(message('fr', 'identity.field.email'), { exact: true }).fill(email);
  await page.getByLabel(message('fr', 'identity.field.password'), { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: message('fr', 'identity.signIn.submit'), exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  await checkPage(page);
}

function resultCount(page: Page): Promise<number> {
  return page.locator('.org-list > li').count();
}

test.describe('organisations directory', () => {
  for (const locale of LOCALES) {
    test(`/${locale}/organisations lists a page of organisations with facets, at phone width`, async ({ openPage }) => {
      const page = await openPage({ locale, viewport: PHONE });
      await page.goto(`/${locale}/organisations`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(message(locale, 'directory.organisations.title'));
      await expect(page.locator('.org-list > li')).toHaveCount(PAGE_SIZE);
      await expect(page.locator('.facets__summary')).toBeVisible();
      await checkPage(page);
      // The disclosure opens the facets on a phone.
      await page.locator('.facets__summary').click();
      await expect(page.getByRole('heading', { level: 3, name: message(locale, 'directory.organisations.facet.country') })).toBeVisible();
      await checkPage(page);
    });
  }

  test('facets, chips and pages are links that work without JavaScript', async ({ openPage }) => {
    const page = await openPage({ locale: 'fr', javaScriptEnabled: false, viewport: PHONE });
    await page.goto('/fr/organisations');
    await checkPage(page);
    const facets = page.locator('.facets');
    await facets.locator('.facets__summary').click();
    await facets.locator('#facet-country ~ ul a', { hasText: 'Tunisie' }).click();
    await expect(page).toHaveURL('/fr/organisations?country=TN');
    await expect(page.locator('.chip')).toHaveCount(1);
    await expect(page.locator('.chip')).toContainText('Tunisie');
    await checkPage(page);

    // A second facet narrows; the type facet is counted with the country applied.
    await page
      .locator('.facets a', { hasText: message('fr', 'directory.type.enterprise') })
      .first()
      .click();
    await expect(page).toHaveURL('/fr/organisations?country=TN&type=enterprise');
    await expect(page.locator('.chip')).toHaveCount(2);
    await checkPage(page);

    // Next page, then remove the country with its chip (back to page 1).
    const next = page.getByRole('link', { name: message('fr', 'directory.organisations.pagination.next') });
    if ((await next.count()) > 0) {
      await next.click();
      await expect(page).toHaveURL(/page=2/);
      await checkPage(page);
    }
    await page.getByRole('link', { name: message('fr', 'directory.organisations.active.remove', { filter: 'Tunisie' }) }).click();
    await expect(page).toHaveURL('/fr/organisations?type=enterprise');
    await checkPage(page);
  });

  test('with JavaScript, facet, chip and card links navigate without reloading the page', async ({ openPage }) => {
    const page = await openPage({ locale: 'en' });
    await page.goto('/en/organisations');
    await checkPage(page);
    // A full page load would forget this; a client-side navigation keeps it.
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    const sameDocument = () => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);
    await page.locator('#facet-country ~ ul a', { hasText: 'Tunisia' }).click();
    await expect(page).toHaveURL('/en/organisations?country=TN');
    await expect(page.locator('.chip')).toContainText('Tunisia');
    expect(await sameDocument()).toBe(true);
    await checkPage(page);
    await page.getByRole('link', { name: message('en', 'directory.organisations.active.remove', { filter: 'Tunisia' }) }).click();
    await expect(page).toHaveURL('/en/organisations');
    await expect(page.locator('.chip')).toHaveCount(0);
    await checkPage(page);
    await page.locator('.org-card__name a').first().click();
    await expect(page).toHaveURL(/\/en\/organisations\/[a-z0-9-]+$/);
    expect(await sameDocument()).toBe(true);
    await checkPage(page);
    // The downloads stay with the browser.
    await page.goBack();
    await expect(page.locator('a[download]').first()).toHaveAttribute('href', /export\.csv/);
    await checkPage(page);
  });

  test('the search form keeps the facets, and one link clears everything, without JavaScript', async ({ openPage }) => {
    const page = await openPage({ locale: 'fr', javaScriptEnabled: false, viewport: PHONE });
    await page.goto('/fr/organisations?type=enterprise');
    const filtered = await page.locator('.results-bar__count').textContent();
    await checkPage(page);
    await page.getByLabel(message('fr', 'directory.organisations.search.label')).fill('mosaïque');
    await page.getByRole('button', { name: message('fr', 'directory.organisations.search.submit') }).click();
    await expect(page).toHaveURL(/q=mosa%C3%AFque/);
    await expect(page).toHaveURL(/type=enterprise/);
    expect(await resultCount(page)).toBeGreaterThan(0);
    await checkPage(page);
    await page.getByRole('link', { name: message('fr', 'directory.organisations.active.clear') }).click();
    await expect(page).toHaveURL('/fr/organisations');
    expect(await page.locator('.results-bar__count').textContent()).not.toBe(filtered);
    await checkPage(page);
  });

  test('a bad value in the address is ignored with a notice; on a wide screen the facets are open', async ({ openPage }) => {
    const page = await openPage({ locale: 'en' });
    await page.goto('/en/organisations?country=Atlantis&size=small');
    await expect(page.locator('.facets__summary')).toBeHidden();
    await expect(page.getByRole('heading', { level: 3, name: message('en', 'directory.organisations.facet.material') })).toBeVisible();
    await expect(page.locator('.notice')).toContainText('country=Atlantis');
    await expect(page.locator('.chip')).toHaveCount(1);
    await checkPage(page);
  });

  for (const locale of LOCALES) {
    test(`/${locale}/organisations/demo-organisation shows the profile, contact held back from visitors`, async ({ openPage }) => {
      const page = await openPage({ locale, viewport: PHONE });
      await page.goto(`/${locale}/organisations/demo-organisation`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAMES[locale]);
      await expect(page).toHaveTitle(new RegExp(`^${NAMES[locale]} — ${message(locale, 'directory.organisations.title')}`));
      await expect(page.getByRole('link', { name: message(locale, 'directory.organisations.profile.contact.signIn') })).toBeVisible();
      await expect(page.locator('body')).not.toContainText('contact@demo-organisation.example');
      await expect(page.getByRole('link', { name: message(locale, 'directory.organisations.profile.twins') })).toHaveAttribute(
        'href',
        `/${locale}/organisations/demo-organisation/twins`,
      );
      await expect(page.getByRole('link', { name: message(locale, 'directory.organisations.profile.edit') })).toHaveCount(0);
      await expect(page.locator('.org-profile')).toContainText(message(locale, 'directory.demo.explanation'));
      await checkPage(page);
    });
  }

  test('a signed-in member sees consented contact details, and no edit link', async ({ openPage }) => {
    const page = await openPage({ locale: 'fr' });
    await signIn(page, MEMBER);
    await page.goto('/fr/organisations/demo-organisation');
    await expect(page.getByRole('link', { name: 'contact@demo-organisation.example' })).toBeVisible();
    await expect(page.getByRole('link', { name: message('fr', 'directory.organisations.profile.edit') })).toHaveCount(0);
    await checkPage(page);
  });

  test("the organisation's admin is offered edit and history on its own page only", async ({ openPage }) => {
    const page = await openPage({ locale: 'fr' });
    await signIn(page, ORGANISATION_ADMIN);
    await page.goto('/fr/organisations/demo-organisation');
    await expect(page.getByRole('link', { name: message('fr', 'directory.organisations.profile.edit') })).toHaveAttribute(
      'href',
      '/fr/organisations/demo-organisation/edit',
    );
    await expect(page.getByRole('link', { name: message('fr', 'directory.organisations.profile.history') })).toBeVisible();
    await checkPage(page);
    await page.goto('/fr/organisations');
    await checkPage(page);
    await page.locator('.org-list a').filter({ hasNotText: NAMES.fr }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: message('fr', 'directory.organisations.profile.edit') })).toHaveCount(0);
    await checkPage(page);
  });

  test('the list downloads as CSV with a byte order mark, for the same filters', async ({ request }) => {
    const response = await request.get(`${e2eBaseUrl()}/ar/organisations/export.csv?country=TN`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    expect(response.headers()['content-disposition']).toMatch(/attachment; filename="organisations-\d{4}-\d{2}-\d{2}\.csv"/);
    const body = await response.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8');
    expect(text).toContain(message('ar', 'directory.organisations.export.column.name'));
    expect(text).toContain('ورشة الزيتونة للفسيفساء');
    expect(text).not.toContain('contact@demo-organisation.example');
  });
});

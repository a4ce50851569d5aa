/**
 * A new cluster from the pages: the demo programme officer (two-factor set up first) follows the
 * link on /fr/clusters, is refused a form with no name and no subsector (translated errors beside
 * the fields, what was typed kept, nothing written), then creates the cluster, which the list
 * shows. The page is checked with axe at 360 px in Arabic, French and English. A member without
 * the permission gets 403 on the page and on a posted form. Clusters cannot be deleted: the one
 * created has a unique name, no coordinates (the map is unchanged) and is in Morocco, which no
 * other journey counts.
 */
import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { message } from '../support/messages.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const DEMO_PASSWORD = 'mosaic-demo-2026';
/** Programme staff (global) of the demo accounts; no other journey signs in with it. */
const STAFF = { email: 'staff@demo.mosaic.localhost', password: DEMO_PASSWORD };
const MEMBER = { email: 'member@demo.mosaic.localhost', password: DEMO_PASSWORD };

function totpCode(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await checkPage(page);
  await page.getByLabel(message('fr', 'identity.field.email'), { exact: true }).fill(account.email);
  await page.getByLabel(message('fr', 'identity.field.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: message('fr', 'identity.signIn.submit'), exact: true }).click();
}

/** Staff roles count only with two-factor: the staff pages ask for it first (the secret read as text). */
async function signInStaff(page: Page): Promise<void> {
  await page.goto('/fr/admin/directory/requests');
  await signIn(page, STAFF);
  await expect(page).toHaveURL(/\/fr\/account\/two-factor\?required=1/);
  await checkPage(page);
  await page.getByLabel(message('fr', 'identity.field.password'), { exact: true }).fill(STAFF.password);
  await page.getByRole('button', { name: message('fr', 'identity.twoFactor.start.submit'), exact: true }).click();
  const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s+/g, '');
  await checkPage(page);
  await page.getByLabel(message('fr', 'identity.field.appCode'), { exact: true }).fill(totpCode(secret));
  await page.getByRole('button', { name: message('fr', 'identity.twoFactor.confirm.submit'), exact: true }).click();
  await expect(page.getByRole('link', { name: message('fr', 'identity.twoFactor.codes.continue'), exact: true })).toBeVisible();
  await checkPage(page);
}

test('programme staff create a cluster in French; a member is refused the page and its form', async ({ openPage }) => {
  test.setTimeout(300_000);
  const name = `Potiers de Sejnane ${Date.now()}`;
  const staff = await openPage({ locale: 'fr', viewport: PHONE });

  await test.step('staff open the new-cluster page from the list', async () => {
    await signInStaff(staff);
    await staff.goto('/fr/clusters');
    await checkPage(staff);
    await staff.getByRole('link', { name: message('fr', 'directory.clusters.new.link'), exact: true }).click();
    await expect(staff).toHaveURL('/fr/clusters/new');
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'directory.clusters.new.title'));
    await checkPage(staff);
  });

  await test.step('a form with no name and no subsector is refused, field by field, keeping what was typed', async () => {
    await staff.locator('#city-fr').fill('Sejnane');
    await staff.locator('#cluster-country').selectOption('MA');
    // The browser would stop at the required subsector: submit without its check, as a script-less browser may.
    await staff.locator('form.form').evaluate((form) => form.setAttribute('novalidate', ''));
    await staff.getByRole('button', { name: message('fr', 'directory.clusters.new.submit') }).click();
    await expect(staff.getByRole('alert')).toContainText(message('fr', 'errors.COMMON_VALIDATION_FAILED'));
    await expect(staff.locator('#name-fr')).toHaveAttribute('aria-invalid', 'true');
    await expect(staff.locator('#name-error')).toHaveText(message('fr', 'errors.field.required'));
    await expect(staff.locator('#cluster-subsector')).toHaveAttribute('aria-invalid', 'true');
    await expect(staff.locator('#cluster-subsector-error')).toHaveText(message('fr', 'errors.field.required'));
    await expect(staff.locator('#city-fr')).toHaveValue('Sejnane');
    await expect(staff.locator('#cluster-country')).toHaveValue('MA');
    await checkPage(staff);
  });

  await test.step('the cluster is created and listed', async () => {
    await staff.locator('#name-fr').fill(name);
    await staff.locator('#cluster-subsector').selectOption('habitat');
    await staff.locator('#fact-0-fr').fill('Poterie modelée à la main par les femmes de Sejnane.');
    await staff.locator('#fact-0-source').fill('https://ich.unesco.org/fr/RL/01385');
    await staff.getByRole('button', { name: message('fr', 'directory.clusters.new.submit') }).click();
    await expect(staff.getByRole('status').filter({ hasText: message('fr', 'directory.clusters.new.created') })).toBeVisible();
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText(name);
    const slug = new URL(staff.url()).pathname.split('/').at(-1);
    expect(slug).toMatch(/^potiers-de-sejnane-\d+$/);
    await checkPage(staff);
    await staff.goto('/fr/clusters?country=MA');
    await expect(staff.locator('.cluster-list').getByRole('link', { name, exact: true })).toHaveAttribute('href', `/fr/clusters/${slug}`);
    await checkPage(staff);
  });

  await test.step('the page in Arabic and English', async () => {
    for (const locale of ['ar', 'en'] as const) {
      const response = await staff.goto(`/${locale}/clusters/new`);
      expect(response?.status()).toBe(200);
      await expect(staff.getByRole('heading', { level: 1 })).toHaveText(message(locale, 'directory.clusters.new.title'));
      await checkPage(staff);
    }
  });

  await test.step('a member gets 403 on the page and on a posted form, and no link', async () => {
    const member = await openPage({ locale: 'fr', viewport: PHONE });
    await member.goto('/fr/account/sign-in');
    await signIn(member, MEMBER);
    await expect(member).not.toHaveURL(/sign-in/);
    await checkPage(member);
    await member.goto('/fr/clusters');
    await checkPage(member);
    await expect(member.getByRole('link', { name: message('fr', 'directory.clusters.new.link'), exact: true })).toHaveCount(0);
    const page = await member.goto('/fr/clusters/new');
    expect(page?.status()).toBe(403);
    await expect(member.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'errors.page.forbidden.title'));
    await checkPage(member);
    const refusedName = `${name} (refusé)`;
    const posted = await member.request.post('/fr/clusters/new', {
      form: { 'name.fr': refusedName, sourceLocale: 'fr', countryIso2: 'MA', subsectorCode: 'habitat', stage: 'mapped' },
      headers: { origin: new URL(member.url()).origin },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(403);
    await member.goto('/fr/clusters?country=MA');
    await expect(member.getByRole('link', { name: refusedName })).toHaveCount(0);
    await checkPage(member);
  });
});

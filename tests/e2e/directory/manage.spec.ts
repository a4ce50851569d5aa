/**
 * Managing the directory in a browser. A member proposes an organisation in Arabic on a 360 px
 * phone; programme staff (two-factor set up first) approve it on the requests page; the member,
 * now its admin, edits it, adds a person and reads its history, and is refused another
 * organisation's edit page, whose profile offers no edit link. The management pages are checked
 * with axe in Arabic, French (without JavaScript) and English.
 */
import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { directoryStaffAccount, type E2eAccount } from '../support/accounts.ts';
import { message } from '../support/messages.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const DEMO_PASSWORD = 'mosaic-demo-2026';
const MEMBER = { email: 'member@demo.mosaic.localhost', password: DEMO_PASSWORD };
const ORGANISATION_ADMIN = { email: 'organisation-admin@demo.mosaic.localhost', password: DEMO_PASSWORD };

function totpCode(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

async function signIn(page: Page, locale: 'ar' | 'fr' | 'en', account: { email: string; password: string }): Promise<void> {
  await page.goto(`/${locale}/account/sign-in`);
  await checkPage(page);
  await page.getByLabel(message(locale, 'identity.field.email'), { exact: true }).fill(account.email);
  await page.getByLabel(message(locale, 'identity.field.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: message(locale, 'identity.signIn.submit'), exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  await checkPage(page);
}

/** A staff account needs two-factor before any staff page: set it up (the secret read as text). */
async function signInStaff(page: Page, staff: E2eAccount): Promise<void> {
  const { locale } = staff;
  await page.goto(`/${locale}/admin/directory/requests`);
  await checkPage(page);
  await page.getByLabel(message(locale, 'identity.field.email'), { exact: true }).fill(staff.email);
  await page.getByLabel(message(locale, 'identity.field.password'), { exact: true }).fill(staff.password);
  await page.getByRole('button', { name: message(locale, 'identity.signIn.submit'), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/account/two-factor\\?required=1`));
  await checkPage(page);
  await page.getByLabel(message(locale, 'identity.field.password'), { exact: true }).fill(staff.password);
  await page.getByRole('button', { name: message(locale, 'identity.twoFactor.start.submit'), exact: true }).click();
  const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s+/g, '');
  await checkPage(page);
  await page.getByLabel(message(locale, 'identity.field.appCode'), { exact: true }).fill(totpCode(secret));
  await page.getByRole('button', { name: message(locale, 'identity.twoFactor.confirm.submit'), exact: true }).click();
  await expect(page.getByRole('link', { name: message(locale, 'identity.twoFactor.codes.continue'), exact: true })).toBeVisible();
  await checkPage(page);
  await page.goto(`/${locale}/admin/directory/requests`);
}

test('a member proposes an organisation in Arabic at 360 px, staff approve it, the member manages it and nothing else', async ({
  openPage,
}) => {
  // Two people, a dozen pages, each checked with axe: longer than the default on two shared cores.
  test.setTimeout(360_000);
  const member = await openPage({ locale: 'ar', viewport: PHONE });
  const staff = await openPage({ locale: 'en' });
  const name = `ورشة الاختبار ${Date.now()}`;

  await test.step('the member proposes an organisation, after a refused first try that keeps what was typed', async () => {
    await signIn(member, 'ar', MEMBER);
    await member.goto('/ar/organisations/new');
    await expect(member.getByRole('heading', { level: 1 })).toHaveText(message('ar', 'directory.manage.new.title'));
    await checkPage(member);
    await member.locator('#field-name-ar').fill(name);
    await member.locator('#field-city-ar').fill('القيروان');
    await member.getByRole('button', { name: message('ar', 'directory.manage.new.submit'), exact: true }).click();
    // No type and no country yet: refused, the fields say why, the name is still there.
    await expect(member.getByRole('alert')).toContainText(message('ar', 'errors.COMMON_VALIDATION_FAILED'));
    await expect(member.locator('#field-type')).toHaveAttribute('aria-invalid', 'true');
    await expect(member.locator('#field-name-ar')).toHaveValue(name);
    await checkPage(member);
    await member.locator('#field-type').selectOption('cooperative');
    await member.locator('#field-countryIso2').selectOption('TN');
    await member.getByLabel(message('ar', 'directory.manage.field.contactConsent')).check();
    await member.getByRole('button', { name: message('ar', 'directory.manage.new.submit'), exact: true }).click();
    await expect(member).toHaveURL('/ar/organisations');
    await expect(member.getByRole('status').filter({ hasText: message('ar', 'directory.manage.flash.proposed') })).toBeVisible();
    await checkPage(member);
  });

  let slug = '';
  await test.step('staff approve the proposal on the requests page', async () => {
    await signInStaff(staff, directoryStaffAccount());
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText(message('en', 'directory.manage.requests.title'));
    const card = staff.locator('.manage-requests > li').filter({ hasText: name });
    await expect(card).toHaveCount(1);
    await checkPage(staff);
    const href = (await card.getByRole('link').first().getAttribute('href')) ?? '';
    slug = href.split('/')[3] ?? '';
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    await card.getByRole('button', { name: message('en', 'directory.manage.requests.approveLabel', { name }), exact: true }).click();
    await expect(staff.getByRole('status').filter({ hasText: message('en', 'directory.manage.flash.approved') })).toBeVisible();
    await expect(staff.locator('.manage-requests > li').filter({ hasText: name })).toHaveCount(0);
    await checkPage(staff);
  });

  await test.step('the member, now its admin, edits it, adds a person and reads its history', async () => {
    await member.goto(`/ar/organisations/${slug}/edit`);
    await expect(member.getByRole('heading', { level: 1 })).toHaveText(message('ar', 'directory.manage.edit.title'));
    await checkPage(member);
    await member.locator('#field-description-ar').fill('تعاونية لنسج الزرابي في القيروان.');
    await member.getByRole('button', { name: message('ar', 'directory.manage.edit.submit'), exact: true }).click();
    await expect(member).toHaveURL(`/ar/organisations/${slug}`);
    await expect(member.getByRole('status').filter({ hasText: message('ar', 'directory.manage.flash.saved') })).toBeVisible();
    await checkPage(member);

    await member.goto(`/ar/organisations/${slug}/people`);
    await checkPage(member);
    await member.getByLabel(message('ar', 'directory.manage.people.fullName'), { exact: true }).fill('فاطمة الزهراء');
    await member.getByRole('button', { name: message('ar', 'directory.manage.people.addSubmit'), exact: true }).click();
    await expect(member.locator('.manage-people > li')).toHaveCount(1);
    await checkPage(member);

    await member.goto(`/ar/organisations/${slug}/history`);
    const entries = member.locator('.history-list__entry');
    await expect(entries.first()).toContainText(message('ar', 'directory.manage.action.person-add'));
    await expect(entries.filter({ hasText: message('ar', 'directory.manage.action.organisation-approve') })).toHaveCount(1);
    await checkPage(member);
  });

  await test.step('another organisation: no edit link on its page, and its edit page is refused', async () => {
    await member.goto('/ar/organisations/chambre-artisanat-metiers-batna');
    await expect(member.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(member.locator('a[href$="/edit"]')).toHaveCount(0);
    await checkPage(member);
    const refused = await member.goto('/ar/organisations/chambre-artisanat-metiers-batna/edit');
    expect(refused?.status()).toBe(403);
    await checkPage(member);
  });
});

test('an organisation admin edits their organisation without JavaScript and is refused another', async ({ openPage }) => {
  test.setTimeout(240_000);
  const page = await openPage({ locale: 'fr', javaScriptEnabled: false, viewport: PHONE });
  await signIn(page, 'fr', ORGANISATION_ADMIN);
  await page.goto('/fr/organisations/demo-organisation/edit');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'directory.manage.edit.title'));
  await checkPage(page);
  // Other journeys read the demo organisation's e-mail at the same time: the refused edit writes
  // nothing, and the accepted one puts the same address back.
  const email = await page.locator('#field-email').inputValue();
  await page.locator('#field-email').fill('pas-un-courriel');
  await page.getByRole('button', { name: message('fr', 'directory.manage.edit.submit'), exact: true }).click();
  await expect(page.locator('#field-email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-email-error')).toHaveText(message('fr', 'errors.field.invalid_format'));
  await expect(page.locator('#field-email')).toHaveValue('pas-un-courriel');
  await checkPage(page);
  await page.locator('#field-email').fill(email);
  await page.locator('#field-foundedYear').fill('2004');
  await page.getByRole('button', { name: message('fr', 'directory.manage.edit.submit'), exact: true }).click();
  await expect(page).toHaveURL('/fr/organisations/demo-organisation');
  await checkPage(page);

  await page.goto('/fr/organisations/demo-organisation/history');
  await expect(page.locator('.history-list__entry').first()).toContainText(message('fr', 'directory.manage.action.organisation-update'));
  await checkPage(page);

  const refused = await page.goto('/fr/organisations/office-national-de-l-artisanat-tunisie/edit');
  expect(refused?.status()).toBe(403);
  await checkPage(page);
});

for (const locale of LOCALES) {
  test(`the proposal and claim pages in ${locale} are accessible and fit a phone`, async ({ openPage }) => {
    const page = await openPage({ locale, viewport: PHONE, javaScriptEnabled: locale !== 'fr' });
    await signIn(page, locale, MEMBER);
    await page.goto(`/${locale}/organisations/new`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(message(locale, 'directory.manage.new.title'));
    await checkPage(page);
    await page.goto(`/${locale}/organisations/demo-organisation/claim`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      message(locale, 'directory.manage.claim.heading', { name: '' }).trim().split(' ')[0] ?? '',
    );
    await checkPage(page);
    if (locale === 'en') {
      await page.getByLabel(message(locale, 'directory.manage.claim.message'), { exact: true }).fill('I coordinate its exports.');
      await page.getByRole('button', { name: message(locale, 'directory.manage.claim.submit'), exact: true }).click();
      await expect(page).toHaveURL(`/${locale}/organisations/demo-organisation`);
      await expect(page.getByRole('status').filter({ hasText: message(locale, 'directory.manage.flash.claimSent') })).toBeVisible();
      await checkPage(page);
    }
  });
}

/**
 * People linked to accounts from the people page, without JavaScript, at 360 px, in French: the
 * demo organisation's admin adds a person, is told that an unknown e-mail has no account (what
 * was typed kept), links the person to the demo member's account, unlinks it, reads both changes,
 * naming the person, in the organisation's history (fr, ar, en), and removes the person again (the
 * e2e database is shared by the specs). Someone who does not manage the
 * organisation (the demo cluster manager) gets 403 on the page and on the link form, whether the
 * e-mail has an account or not, and nothing changes.
 */
import type { Page } from '@playwright/test';
import { message } from '../support/messages.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const DEMO_PASSWORD = 'mosaic-demo-2026';
const ORGANISATION_ADMIN = 'organisation-admin@demo.mosaic.localhost';
const CLUSTER_MANAGER = 'cluster-manager@demo.mosaic.localhost';
/** A verified demo account that no person is linked to. */
const MEMBER_EMAIL = 'member@demo.mosaic.localhost';
const PEOPLE_PAGE = '/fr/organisations/demo-organisation/people';

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/fr/account/sign-in');
  await checkPage(page);
  await page.getByLabel(message('fr', 'identity.field.email'), { exact: true }).fill(email);
  await page.getByLabel(message('fr', 'identity.field.password'), { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: message('fr', 'identity.signIn.submit'), exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  await checkPage(page);
}

function flash(page: Page, key: string) {
  return page.getByRole('status').filter({ hasText: message('fr', key) });
}

test('an organisation admin links a person to an account and unlinks it; others are refused', async ({ openPage }) => {
  test.setTimeout(300_000);
  const name = `Nour Ben Salem ${Date.now()}`;
  const admin = await openPage({ locale: 'fr', viewport: PHONE, javaScriptEnabled: false });
  const card = admin.locator('li.card', { has: admin.getByRole('heading', { name, exact: true }) });
  let personId = '';

  await test.step('the admin adds a person, not linked to any account', async () => {
    await signIn(admin, ORGANISATION_ADMIN);
    await admin.goto(PEOPLE_PAGE);
    await checkPage(admin);
    await admin.locator('#field-fullName').fill(name);
    await admin.getByRole('button', { name: message('fr', 'directory.manage.people.addSubmit') }).click();
    await expect(flash(admin, 'directory.manage.flash.personSaved')).toBeVisible();
    await expect(card).toContainText(message('fr', 'directory.manage.people.accountNone'));
    await checkPage(admin);
  });

  await test.step('an e-mail without an account is refused, keeping what was typed', async () => {
    await card.getByRole('link', { name: message('fr', 'directory.manage.people.linkAccount', { name }) }).click();
    personId = new URL(admin.url()).searchParams.get('link') ?? '';
    expect(personId).not.toBe('');
    await checkPage(admin);
    const unknown = `nobody-${Date.now()}@example.org`;
    await admin.locator('#field-accountEmail').fill(unknown);
    await admin.getByRole('button', { name: message('fr', 'directory.manage.people.linkSubmit') }).click();
    await expect(admin.getByRole('alert')).toHaveText(message('fr', 'errors.DIRECTORY_PEOPLE_ACCOUNT_NOT_FOUND'));
    await expect(admin.locator('#field-accountEmail-error')).toHaveText(message('fr', 'errors.field.account_not_found'));
    await expect(admin.locator('#field-accountEmail')).toHaveValue(unknown);
    await expect(admin.locator('#field-accountEmail')).toHaveAttribute('aria-invalid', 'true');
    await checkPage(admin);
  });

  await test.step('the person is linked to an existing account', async () => {
    await admin.locator('#field-accountEmail').fill(MEMBER_EMAIL);
    await admin.getByRole('button', { name: message('fr', 'directory.manage.people.linkSubmit') }).click();
    await expect(flash(admin, 'directory.manage.flash.accountLinked')).toBeVisible();
    await expect(card).toContainText(message('fr', 'directory.manage.people.accountLinked'));
    await checkPage(admin);
  });

  await test.step('the person is unlinked', async () => {
    await card.getByRole('button', { name: message('fr', 'directory.manage.people.unlinkAccount', { name }) }).click();
    await expect(flash(admin, 'directory.manage.flash.accountUnlinked')).toBeVisible();
    await expect(card).toContainText(message('fr', 'directory.manage.people.accountNone'));
    await checkPage(admin);
  });

  await test.step('the organisation’s history names the person linked and unlinked, in every language', async () => {
    for (const locale of ['fr', 'ar', 'en'] as const) {
      await admin.goto(`/${locale}/organisations/demo-organisation/history`);
      // Other specs change the demo organisation at the same time: only this person's entries count.
      const entries = admin
        .locator('.history-list__entry')
        .filter({ hasText: message(locale, 'directory.manage.history.person', { name }) });
      await expect(entries.nth(0).locator('.history-list__what')).toHaveText(message(locale, 'directory.manage.action.person-unlink'));
      await expect(entries.nth(1).locator('.history-list__what')).toHaveText(message(locale, 'directory.manage.action.person-link'));
      await expect(entries.nth(2).locator('.history-list__what')).toHaveText(message(locale, 'directory.manage.action.person-add'));
      await checkPage(admin);
    }
  });

  await test.step('someone who does not manage the organisation gets 403, whether the e-mail has an account or not', async () => {
    const outsider = await openPage({ locale: 'fr', viewport: PHONE });
    await signIn(outsider, CLUSTER_MANAGER);
    const page = await outsider.goto(PEOPLE_PAGE);
    expect(page?.status()).toBe(403);
    await checkPage(outsider);
    const origin = new URL(outsider.url()).origin;
    for (const accountEmail of [MEMBER_EMAIL, `nobody-${Date.now()}@example.org`]) {
      const posted = await outsider.request.post(PEOPLE_PAGE, {
        form: { intent: 'link', personId, accountEmail },
        headers: { origin },
        maxRedirects: 0,
      });
      expect(posted.status(), accountEmail).toBe(403);
    }
    await admin.goto(PEOPLE_PAGE);
    await expect(card).toContainText(message('fr', 'directory.manage.people.accountNone'));
    await checkPage(admin);
  });

  await test.step('the admin removes the person again', async () => {
    await card.getByRole('link', { name: message('fr', 'directory.manage.people.remove', { name }) }).click();
    await checkPage(admin);
    await admin.getByRole('button', { name: message('fr', 'directory.manage.people.removeConfirm') }).click();
    await expect(flash(admin, 'directory.manage.flash.personRemoved')).toBeVisible();
    await expect(card).toHaveCount(0);
    await checkPage(admin);
  });
});

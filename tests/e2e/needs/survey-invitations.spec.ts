/**
 * Survey sending (issue 4, item 4): the demo cluster manager of el-jem-mosaic previews the
 * members' addresses for the cluster's demo needs survey and sends it, in Arabic for people without
 * a language of their own; the invitation reaches the outbox (read by a platform admin, since the
 * e2e server keeps mail there; the int test delivers it over a real SMTP server); the personal link
 * opens the survey in Arabic at 360 px without signing in and without JavaScript, is answered page
 * by page and submitted; a second visit thanks the person instead; the manager's status page shows
 * the invitation answered. An unknown link is a translated 404. Axe on every page.
 */
import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { surveysStaffAccount } from '../support/accounts.ts';
import { message } from '../support/messages.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const DEMO_PASSWORD = 'mosaic-demo-2026';
const CLUSTER_MANAGER = 'cluster-manager@demo.mosaic.localhost';
const SURVEY = 'demo-needs-survey-el-jem-mosaic';
const fr = (key: string, values?: Record<string, string | number>) => message('fr', key, values);
const ar = (key: string, values?: Record<string, string | number>) => message('ar', key, values);

function totpCode(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

async function press(page: Page, name: string): Promise<void> {
  await page.locator('main').getByRole('button', { name, exact: true }).click();
  await page.waitForLoadState('load');
  await checkPage(page);
}

/** The admin reads the outbox (two-factor set up first, as the staff gate asks) and returns the survey link mailed to `to`. */
async function invitationLink(page: Page, to: string): Promise<string> {
  const staff = surveysStaffAccount();
  await page.goto('/en/admin/outbox');
  await checkPage(page);
  await page.getByLabel(message('en', 'identity.field.email'), { exact: true }).fill(staff.email);
  await page.getByLabel(message('en', 'identity.field.password'), { exact: true }).fill(staff.password);
  await page.getByRole('button', { name: message('en', 'identity.signIn.submit'), exact: true }).click();
  await expect(page).toHaveURL(/\/en\/account\/two-factor\?required=1/);
  await checkPage(page);
  await page.getByLabel(message('en', 'identity.field.password'), { exact: true }).fill(staff.password);
  await page.getByRole('button', { name: message('en', 'identity.twoFactor.start.submit'), exact: true }).click();
  const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s+/g, '');
  await checkPage(page);
  await page.getByLabel(message('en', 'identity.field.appCode'), { exact: true }).fill(totpCode(secret));
  await page.getByRole('button', { name: message('en', 'identity.twoFactor.confirm.submit'), exact: true }).click();
  await expect(page.getByRole('link', { name: message('en', 'identity.twoFactor.codes.continue'), exact: true })).toBeVisible();
  await checkPage(page);

  const mail = page.locator('article').filter({ hasText: to });
  // The mail jobs run every 100 ms on the test server, and the outbox shows 20 mails a page, newest
  // first (other journeys mail too): look through its first pages until the invitation is there.
  await expect(async () => {
    for (let n = 1; n <= 10; n++) {
      await page.goto(`/en/admin/outbox?page=${n}`);
      await checkPage(page);
      if ((await mail.count()) > 0) return;
    }
    throw new Error(`no mail to ${to} yet`);
  }).toPass({ timeout: 60_000 });
  const subject = mail.getByRole('heading', { level: 2 }).getByRole('link');
  await expect(subject).toHaveAttribute('lang', 'ar');
  await subject.click();
  await page.waitForLoadState('load');
  await checkPage(page);
  const link = page.getByRole('link', { name: /\/ar\/surveys\/[A-Za-z0-9_-]{43}/ });
  await expect(link).toHaveCount(1);
  return (await link.getAttribute('href')) ?? '';
}

test('a cluster manager sends the needs survey; the invitation is answered in Arabic at 360 px without an account or JavaScript', async ({
  openPage,
}) => {
  test.setTimeout(600_000);
  const manager = await openPage({ locale: 'fr' });
  const status = `/fr/needs/surveys/${SURVEY}/invitations`;
  let recipient = '';

  await test.step('the manager previews the cluster members and sends the survey', async () => {
    await manager.goto('/fr/account/sign-in');
    await checkPage(manager);
    await manager.getByLabel(fr('identity.field.email'), { exact: true }).fill(CLUSTER_MANAGER);
    await manager.getByLabel(fr('identity.field.password'), { exact: true }).fill(DEMO_PASSWORD);
    await manager.getByRole('button', { name: fr('identity.signIn.submit'), exact: true }).click();
    await expect(manager).not.toHaveURL(/sign-in/);
    await checkPage(manager);
    await manager.goto(status);
    await expect(manager.getByRole('heading', { level: 1 })).toHaveText(fr('needs.invitations.title'));
    await checkPage(manager);
    await manager.getByLabel(fr('needs.invitations.send.audience.cluster')).check();
    await manager.getByLabel(fr('needs.invitations.send.locale')).selectOption('ar');
    await press(manager, fr('needs.invitations.send.preview'));
    const rows = manager.locator('#invitations-recipients-caption').locator('xpath=ancestor::table').locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    const count = await rows.count();
    recipient = ((await rows.first().locator('td').nth(2).textContent()) ?? '').trim();
    expect(recipient).toContain('@');
    await press(manager, fr('needs.invitations.preview.send', { count }));
    await expect(manager.getByRole('status').filter({ hasText: fr('needs.invitations.flash.sent') })).toBeVisible();
    await expect(manager.locator('[data-count="invited"]')).toHaveText(String(count));
    await expect(manager.locator(`tr[data-email="${recipient}"] [data-state]`)).toHaveAttribute('data-state', 'sent');
  });

  const admin = await openPage({ locale: 'en' });
  const link = await invitationLink(admin, recipient);

  await test.step('the link opens in Arabic at 360 px without signing in or JavaScript, and is answered', async () => {
    const person = await openPage({ locale: 'ar', viewport: PHONE, javaScriptEnabled: false });
    await person.goto(link);
    await checkPage(person);
    await expect(person.locator('html')).toHaveAttribute('dir', 'rtl');
    await person.getByRole('link', { name: ar('forms.answer.intro.start'), exact: true }).click();
    await person.waitForLoadState('load');
    await checkPage(person);
    await person.locator('#fq-respondent-gender--woman').check();
    await person.locator('#fq-organisation-size--micro').check();
    await press(person, ar('forms.answer.page.next'));
    // Nothing chosen on a required question: refused beside the field, nothing stored.
    await press(person, ar('forms.answer.page.next'));
    await expect(person.locator('.answer-summary, [role="alert"]').first()).toBeVisible();
    await person.locator('#fq-challenges--markets-and-buyers').check();
    await press(person, ar('forms.answer.page.next'));
    await person.locator('#fq-challenge-severity\\.markets-and-buyers--3').check();
    await press(person, ar('forms.answer.page.next'));
    while ((await person.getByRole('button', { name: ar('forms.answer.page.toReview'), exact: true }).count()) === 0)
      await press(person, ar('forms.answer.page.next'));
    await press(person, ar('forms.answer.page.toReview'));
    await expect(person.getByRole('heading', { level: 1 })).toHaveText(ar('forms.answer.review.title'));
    await press(person, ar('forms.answer.review.submit'));
    await expect(person.getByRole('heading', { level: 1 })).toHaveText(ar('forms.answer.thanks.title'));
    await expect(person.getByText(ar('needs.invitations.flash.submitted'))).toBeVisible();

    // Opening the link again thanks the person; an unknown link is a translated 404, storing nothing.
    await person.goto(link);
    await checkPage(person);
    await expect(person.getByRole('heading', { level: 1 })).toHaveText(ar('forms.answer.thanks.title'));
    const unknown = await person.goto(`/ar/surveys/${'A'.repeat(43)}`);
    expect(unknown?.status()).toBe(404);
    await checkPage(person);
    await expect(person.getByRole('heading', { level: 1 })).toHaveText(ar('needs.invitations.link.notFound.title'));
  });

  await test.step("the manager's status page shows the invitation answered", async () => {
    await manager.goto(status);
    await checkPage(manager);
    await expect(manager.locator(`tr[data-email="${recipient}"] [data-state]`)).toHaveAttribute('data-state', 'answered');
    await expect(manager.locator('[data-count="answered"]')).toHaveText('1');
    await expect(manager.locator('[data-count="opened"]')).toHaveText('1');
  });
});

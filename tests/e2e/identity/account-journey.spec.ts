/**
 * The account journey, in Arabic, French and English: a visitor signs up; a platform admin signs
 * in, is made to set up two-factor first (the secret is read as text and the codes computed with
 * otpauth), then reads the verification mail in the outbox; the visitor opens the link, signs in
 * and signs out; the admin signs in again through the two-factor challenge. Every page visited is
 * checked with axe. The visitor varies by locale: in Arabic on a 360 px wide phone, in French with
 * JavaScript turned off (plain HTML forms), in English on a desktop browser with JavaScript.
 */
import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { LOCALES, type Locale } from '#app/shared/i18n/locales.ts';
import { type E2eAccount, newMemberAccount, staffAccount } from '../support/accounts.ts';
import { message } from '../support/messages.ts';
import { checkPage, expect, type OpenPageOptions, test } from '../support/test.ts';

function totpCode(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

async function fillField(page: Page, locale: Locale, labelKey: string, value: string): Promise<void> {
  await page.getByLabel(message(locale, labelKey), { exact: true }).fill(value);
}

async function submit(page: Page, locale: Locale, buttonKey: string): Promise<void> {
  await page.getByRole('button', { name: message(locale, buttonKey), exact: true }).click();
}

async function expectFlash(page: Page, locale: Locale, key: string): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: message(locale, key) })).toBeVisible();
}

async function expectHeading(page: Page, locale: Locale, key: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(message(locale, key));
}

/** On the sign-in page: email and password, then the submit button. */
async function signIn(page: Page, account: E2eAccount): Promise<void> {
  const { locale } = account;
  await expectHeading(page, locale, 'identity.signIn.title');
  await checkPage(page);
  await fillField(page, locale, 'identity.field.email', account.email);
  await fillField(page, locale, 'identity.field.password', account.password);
  await submit(page, locale, 'identity.signIn.submit');
}

async function signOut(page: Page, locale: Locale): Promise<void> {
  await page.getByRole('button', { name: message(locale, 'shell.signOut'), exact: true }).click();
  await expect(page).toHaveURL(`/${locale}/`);
  await expectFlash(page, locale, 'identity.flash.signedOut');
  await expect(page.getByRole('banner').getByRole('link', { name: message(locale, 'shell.signIn'), exact: true })).toBeVisible();
  await checkPage(page);
}

/** The staff gate sends an admin without two-factor to set it up; returns the TOTP secret. */
async function setUpTwoFactor(page: Page, admin: E2eAccount): Promise<string> {
  const { locale } = admin;
  await expect(page).toHaveURL(new RegExp(`/${locale}/account/two-factor\\?required=1`));
  await expectHeading(page, locale, 'identity.twoFactor.title');
  await expect(page.getByText(message(locale, 'identity.twoFactor.required'))).toBeVisible();
  await checkPage(page);

  await fillField(page, locale, 'identity.field.password', admin.password);
  await submit(page, locale, 'identity.twoFactor.start.submit');
  await expect(page.getByRole('heading', { level: 2, name: message(locale, 'identity.twoFactor.confirm.title') })).toBeVisible();
  await expect(page.getByRole('img', { name: message(locale, 'identity.twoFactor.confirm.qrAlt') })).toBeVisible();
  await checkPage(page);

  const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await fillField(page, locale, 'identity.field.appCode', totpCode(secret));
  await submit(page, locale, 'identity.twoFactor.confirm.submit');
  await expect(page.getByRole('heading', { level: 2, name: message(locale, 'identity.twoFactor.codes.title') })).toBeVisible();
  await expect(page.getByText(message(locale, 'identity.twoFactor.enabled'))).toBeVisible();
  await expect(page.locator('.backup-codes li')).not.toHaveCount(0);
  await checkPage(page);

  await page.getByRole('link', { name: message(locale, 'identity.twoFactor.codes.continue'), exact: true }).click();
  await expect(page).not.toHaveURL(/two-factor/);
  await checkPage(page);
  return secret;
}

/** Opens the outbox, then the verification mail sent to `to`; returns the link it carries. */
async function readVerificationLink(page: Page, locale: Locale, to: E2eAccount): Promise<string> {
  await page.goto(`/${locale}/admin/outbox`);
  await expectHeading(page, locale, 'admin.outbox.title');
  const mail = page.locator('article').filter({ hasText: to.email });
  // The mail job runs every 100 ms in the test server; reload until it has.
  await expect(async () => {
    await page.reload();
    await expect(mail).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await checkPage(page);

  const subject = mail.getByRole('heading', { level: 2 }).getByRole('link');
  await expect(subject).toHaveAttribute('lang', to.locale);
  await subject.click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin/outbox/[^/]+$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', to.locale);
  await checkPage(page);

  const link = page.getByRole('link', { name: /\/account\/verify-email\?token=/ });
  await expect(link).toHaveCount(1);
  const href = await link.getAttribute('href');
  expect(href).toMatch(new RegExp(`/${to.locale}/account/verify-email\\?token=`));
  return href ?? '';
}

const VISITOR_BROWSER: Record<Locale, OpenPageOptions> = {
  ar: { viewport: { width: 360, height: 780 } },
  fr: { javaScriptEnabled: false },
  en: {},
};

for (const locale of LOCALES) {
  test(`account journey in ${locale}: sign up, verify through the outbox, sign in, two-factor for staff, sign out`, async ({
    openPage,
  }) => {
    const member = newMemberAccount(locale);
    const admin = staffAccount(locale);
    const visitor = await openPage({ locale, ...VISITOR_BROWSER[locale] });
    const staff = await openPage({ locale });

    await test.step('a visitor signs up', async () => {
      await visitor.goto(`/${locale}/`);
      await checkPage(visitor);
      await visitor
        .getByRole('main')
        .getByRole('link', { name: message(locale, 'shell.home.cta.signUp'), exact: true })
        .click();
      await expect(visitor).toHaveURL(`/${locale}/account/sign-up`);
      await expectHeading(visitor, locale, 'identity.signUp.title');
      await checkPage(visitor);
      await fillField(visitor, locale, 'identity.field.name', member.name);
      await fillField(visitor, locale, 'identity.field.email', member.email);
      await fillField(visitor, locale, 'identity.field.newPassword', member.password);
      await expect(visitor.getByLabel(message(locale, 'identity.field.locale'))).toHaveValue(locale);
      await submit(visitor, locale, 'identity.signUp.submit');
      await expect(visitor).toHaveURL(`/${locale}/account/verify-email`);
      await expectHeading(visitor, locale, 'identity.verifyEmail.title');
      await expectFlash(visitor, locale, 'identity.flash.signedUp');
      await checkPage(visitor);
    });

    await test.step('signing in before verifying is refused and says why', async () => {
      await visitor.goto(`/${locale}/account/sign-in`);
      await signIn(visitor, member);
      await expect(visitor.getByRole('alert')).toContainText(message(locale, 'errors.IDENTITY_EMAIL_NOT_VERIFIED'));
      await expect(visitor.getByRole('button', { name: message(locale, 'identity.verifyEmail.resend'), exact: true })).toBeVisible();
      await checkPage(visitor);
    });

    let verificationLink = '';
    let secret = '';
    await test.step('the platform admin signs in and must set up two-factor before staff pages', async () => {
      await staff.goto(`/${locale}/admin/outbox`);
      await expect(staff).toHaveURL(`/${locale}/account/sign-in?redirectTo=${encodeURIComponent(`/${locale}/admin/outbox`)}`);
      await signIn(staff, admin);
      secret = await setUpTwoFactor(staff, admin);
    });

    await test.step('the admin reads the verification mail in the outbox', async () => {
      verificationLink = await readVerificationLink(staff, locale, member);
    });

    await test.step('the visitor opens the link, signs in and signs out', async () => {
      await visitor.goto(verificationLink);
      await expect(visitor).toHaveURL(`/${locale}/account/sign-in`);
      await expectFlash(visitor, locale, 'identity.flash.emailVerified');
      await signIn(visitor, member);
      await expect(visitor).toHaveURL(`/${locale}/account`);
      await expectFlash(visitor, locale, 'identity.flash.signedIn');
      await expectHeading(visitor, locale, 'identity.profile.title');
      await expect(visitor.getByLabel(message(locale, 'identity.field.name'), { exact: true })).toHaveValue(member.name);
      await checkPage(visitor);
      await signOut(visitor, locale);
      await visitor.goto(`/${locale}/account`);
      await expect(visitor).toHaveURL(new RegExp(`/${locale}/account/sign-in\\?redirectTo=`));
      await checkPage(visitor);
    });

    await test.step('the admin signs out, then back in through the two-factor challenge', async () => {
      await signOut(staff, locale);
      await staff.goto(`/${locale}/admin/outbox`);
      await signIn(staff, admin);
      await expect(staff).toHaveURL(new RegExp(`/${locale}/account/sign-in/two-factor\\?redirectTo=`));
      await expectHeading(staff, locale, 'identity.twoFactorChallenge.title');
      await expectFlash(staff, locale, 'identity.flash.codeNeeded');
      await checkPage(staff);
      await fillField(staff, locale, 'identity.field.code', totpCode(secret));
      await submit(staff, locale, 'identity.twoFactorChallenge.submit');
      await expect(staff).toHaveURL(`/${locale}/admin/outbox`);
      await expectHeading(staff, locale, 'admin.outbox.title');
      await checkPage(staff);
      await signOut(staff, locale);
    });
  });
}

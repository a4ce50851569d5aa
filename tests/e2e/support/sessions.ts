/** Signing in through the sign-in page, and setting up two-factor as the staff gate asks, for journeys; axe on each page. */
import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { message } from './messages.ts';
import { checkPage, expect } from './test.ts';

export async function signIn(page: Page, locale: Locale, email: string, password: string): Promise<void> {
  await page.goto(`/${locale}/account/sign-in`);
  await checkPage(page);
  await page.getByLabel(message(locale, 'identity.field.email'), { exact: true }).fill(email);
  await page.getByLabel(message(locale, 'identity.field.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: message(locale, 'identity.signIn.submit'), exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  await checkPage(page);
}

/** On the two-factor page the staff gate sent the person to: starts the setup and confirms it with a code from the secret shown. */
export async function setUpTwoFactor(page: Page, locale: Locale, password: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/${locale}/account/two-factor\\?required=1`));
  await checkPage(page);
  await page.getByLabel(message(locale, 'identity.field.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: message(locale, 'identity.twoFactor.start.submit'), exact: true }).click();
  const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s+/g, '');
  await checkPage(page);
  const code = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
  await page.getByLabel(message(locale, 'identity.field.appCode'), { exact: true }).fill(code);
  await page.getByRole('button', { name: message(locale, 'identity.twoFactor.confirm.submit'), exact: true }).click();
  await expect(page.getByRole('link', { name: message(locale, 'identity.twoFactor.codes.continue'), exact: true })).toBeVisible();
  await checkPage(page);
}

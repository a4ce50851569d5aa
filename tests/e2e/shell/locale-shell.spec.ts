/**
 * The locale shell: `/` picks the reader's language, `<html lang dir>` comes from the server,
 * the language switcher keeps the page, the 404 page is translated, phone width works, and the
 * Arabic home page is kept as a screenshot (tests/artifacts/home-ar.png).
 */
import path from 'node:path';
import { directionOf, LOCALES } from '#app/shared/i18n/locales.ts';
import { message } from '../support/messages.ts';
import { checkPage, e2eBaseUrl, expect, test } from '../support/test.ts';

const LANGUAGE_NAMES = { ar: 'العربية', fr: 'Français', en: 'English' } as const;

test.describe('locale shell', () => {
  for (const [acceptLanguage, expected] of [
    ['ar-MA,ar;q=0.9,fr;q=0.8', 'ar'],
    ['fr-TN,fr;q=0.9,en;q=0.5', 'fr'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9', 'en'],
  ] as const) {
    test(`/ sends Accept-Language "${acceptLanguage}" to /${expected}/`, async ({ request }) => {
      const response = await request.get(`${e2eBaseUrl()}/`, { headers: { 'Accept-Language': acceptLanguage }, maxRedirects: 0 });
      expect(response.status()).toBe(302);
      expect(response.headers().location).toBe(`/${expected}/`);
    });
  }

  test('an anonymous page served again from the page cache carries its own CSP nonce', async ({ request }) => {
    const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
    // The Playwright request context keeps no cookies here: both requests are anonymous.
    const first = await request.get(`${e2eBaseUrl()}/fr/`);
    const second = await request.get(`${e2eBaseUrl()}/fr/`);
    expect(second.headers()['x-mosaic-cache']).toBe('hit');
    const [firstNonce, secondNonce] = [
      nonceOf(first.headers()['content-security-policy']),
      nonceOf(second.headers()['content-security-policy']),
    ];
    expect(firstNonce).toBeTruthy();
    expect(secondNonce).not.toBe(firstNonce);
    const body = await second.text();
    expect(body).toContain(`nonce="${secondNonce}"`);
    expect(body).not.toContain(firstNonce as string);
  });

  for (const locale of LOCALES) {
    test(`/${locale}/ is rendered on the server with lang="${locale}" dir="${directionOf(locale)}"`, async ({ request, openPage }) => {
      const html = await (await request.get(`${e2eBaseUrl()}/${locale}/`)).text();
      expect(html).toMatch(new RegExp(`<html[^>]*\\blang="${locale}"[^>]*\\bdir="${directionOf(locale)}"`));

      const page = await openPage({ locale });
      await page.goto('/');
      await expect(page).toHaveURL(`/${locale}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('dir', directionOf(locale));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(message(locale, 'shell.home.title'));
      await checkPage(page);
    });
  }

  test('the language switcher keeps the current page and its query', async ({ openPage }) => {
    const page = await openPage({ locale: 'fr' });
    await page.goto('/fr/account/sign-in?redirectTo=%2Ffr%2Faccount');
    await checkPage(page);
    const switcher = page.getByRole('navigation', { name: message('fr', 'shell.language.label') });
    await expect(switcher.getByRole('link', { name: LANGUAGE_NAMES.fr })).toHaveAttribute('aria-current', 'true');
    await switcher.getByRole('link', { name: LANGUAGE_NAMES.ar }).click();
    await expect(page).toHaveURL('/ar/account/sign-in?redirectTo=%2Ffr%2Faccount');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await checkPage(page);
    await page
      .getByRole('navigation', { name: message('ar', 'shell.language.label') })
      .getByRole('link', { name: LANGUAGE_NAMES.en })
      .click();
    await expect(page).toHaveURL('/en/account/sign-in?redirectTo=%2Ffr%2Faccount');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await checkPage(page);
  });

  for (const locale of LOCALES) {
    test(`an unknown page answers a translated 404 in ${locale}`, async ({ openPage }) => {
      const page = await openPage({ locale });
      const response = await page.goto(`/${locale}/no-such-page`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(message(locale, 'errors.page.notFound.title'));
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await checkPage(page);
    });
  }

  for (const locale of LOCALES) {
    test(`the home page fits a 360 px wide phone in ${locale}`, async ({ openPage }) => {
      const page = await openPage({ locale, viewport: { width: 360, height: 780 } });
      await page.goto(`/${locale}/`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // checkPage fails when the page scrolls sideways.
      await checkPage(page);
    });
  }

  test('keeps a full-page screenshot of the Arabic home page', async ({ openPage }) => {
    const page = await openPage({ locale: 'ar' });
    await page.goto('/ar/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('ar', 'shell.home.title'));
    await checkPage(page);
    const file = path.resolve(import.meta.dirname, '../../artifacts/home-ar.png');
    await page.screenshot({ path: file, fullPage: true });
    test.info().attachments.push({ name: 'home-ar', path: file, contentType: 'image/png' });
  });
});

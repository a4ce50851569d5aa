/**
 * The site search in a browser, on the demo directory: the acceptance queries in Arabic, French
 * and English (typed in the header's box or the page's form, or opened from a shared address), the
 * matches marked, the kind tabs, the too-short state, without JavaScript too; every page is
 * axe-clean at 360 px.
 */
import { LOCALES, type Locale } from '#app/shared/i18n/locales.ts';
import { message } from '../support/messages.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };

/** The queries, the clusters they must find, and the word marked in a title where the title holds it. */
const ACCEPTANCE: { query: string; slugs: string[]; marked: Partial<Record<Locale, string>> }[] = [
  { query: 'مجوهرات', slugs: ['batna-jewellery', 'bourj-hammoud-jewellery'], marked: { ar: 'المجوهرات' } },
  // Found through the fashion subsector and the jewellers' metals: no title holds the word itself.
  { query: 'bijoux', slugs: ['batna-jewellery', 'bourj-hammoud-jewellery'], marked: {} },
  { query: 'jewellery', slugs: ['batna-jewellery', 'bourj-hammoud-jewellery'], marked: { en: 'Jewellery' } },
  { query: 'Betlehem', slugs: ['bethlehem-treasures'], marked: { en: 'Bethlehem' } },
  { query: 'الفسيفساء', slugs: ['el-jem-mosaic'], marked: { ar: 'الفسيفساء' } },
  { query: 'فسيفساء', slugs: ['el-jem-mosaic'], marked: { ar: 'الفسيفساء' } },
];

test.describe('search', () => {
  for (const locale of LOCALES) {
    test(`/${locale}/search answers the acceptance queries`, async ({ openPage }) => {
      const page = await openPage({ locale, viewport: PHONE });
      for (const { query, slugs, marked } of ACCEPTANCE) {
        await page.goto(`/${locale}/search?q=${encodeURIComponent(query)}&kind=cluster`);
        await expect(page).toHaveTitle(new RegExp(query));
        for (const slug of slugs) await expect(page.locator(`.search-result a[href="/${locale}/clusters/${slug}"]`)).toHaveCount(1);
        const word = marked[locale];
        if (word) await expect(page.locator('.search-result__title mark', { hasText: word }).first()).toBeVisible();
        await checkPage(page);
      }
    });
  }

  test('the header box searches from any page and the tabs filter by kind', async ({ openPage }) => {
    const page = await openPage({ locale: 'fr', viewport: PHONE });
    await page.goto('/fr/');
    await checkPage(page);
    await page.getByRole('searchbox', { name: message('fr', 'search.header.label') }).fill('bijoux');
    await page
      .getByRole('search', { name: message('fr', 'search.header.label') })
      .getByRole('button')
      .click();
    await expect(page).toHaveURL('/fr/search?q=bijoux');
    await expect(page.getByRole('searchbox', { name: message('fr', 'search.form.label') })).toHaveValue('bijoux');
    await expect(page.locator('.search-result a[href="/fr/clusters/batna-jewellery"]')).toHaveCount(1);
    await checkPage(page);
    await page
      .getByRole('navigation', { name: message('fr', 'search.filter.label') })
      .getByRole('link', { name: /^Clusters/ })
      .click();
    await expect(page).toHaveURL('/fr/search?q=bijoux&kind=cluster');
    await expect(page.locator('.search-result a[href^="/fr/organisations/"]')).toHaveCount(0);
    await checkPage(page);
  });

  test('works without JavaScript, in Arabic, and says when a query is too short', async ({ openPage }) => {
    const page = await openPage({ locale: 'ar', javaScriptEnabled: false, viewport: PHONE });
    await page.goto('/ar/search');
    await checkPage(page);
    await page.getByRole('searchbox', { name: message('ar', 'search.form.label') }).fill('الفسيفساء');
    await page
      .getByRole('button', { name: message('ar', 'search.form.submit') })
      .last()
      .click();
    await expect(page.locator('.search-result a[href="/ar/clusters/el-jem-mosaic"]')).toHaveCount(1);
    await expect(page.locator('.search-result mark', { hasText: 'الفسيفساء' }).first()).toBeVisible();
    await checkPage(page);
    await page.goto('/ar/search?q=a');
    await expect(page.getByRole('status')).toHaveText(message('ar', 'search.results.tooShort'));
    await checkPage(page);
  });
});

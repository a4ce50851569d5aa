/**
 * The e2e `test`: `openPage()` gives a page in its own browser context (its own cookies: one per
 * person in a journey) on the test server, and records every page the test visits. `checkPage(page)`
 * runs axe on the page shown now; a test that leaves a visited page unchecked fails, so "axe on
 * every page visited" cannot be forgotten.
 */
import { test as base, expect, type Page } from '@playwright/test';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { expectNoAxeViolations } from './axe.ts';

interface Visit {
  url: string;
  checked: boolean;
}

const visitsByPage = new WeakMap<Page, Visit[]>();

export function e2eBaseUrl(): string {
  const url = process.env.MOSAIC_E2E_BASE_URL;
  if (!url) throw new Error('MOSAIC_E2E_BASE_URL is not set: run the e2e tests through Playwright (tests/e2e/support/global-setup.ts)');
  return url;
}

export interface OpenPageOptions {
  /** Browser language: sets Accept-Language. */
  locale?: Locale;
  viewport?: { width: number; height: number };
  javaScriptEnabled?: boolean;
}

/**
 * Runs axe on the page shown now, checks that it does not scroll sideways (pages must work at
 * 360 px), and marks the visit as checked.
 */
export async function checkPage(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await expectNoAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways by ${overflow}px at ${page.viewportSize()?.width}px wide`).toBeLessThanOrEqual(0);
  const visits = visitsByPage.get(page) ?? [];
  for (const visit of visits) if (visit.url === page.url()) visit.checked = true;
}

export const test = base.extend<{ openPage: (options?: OpenPageOptions) => Promise<Page> }>({
  openPage: async ({ browser }, use, testInfo) => {
    const pages: Page[] = [];
    await use(async ({ locale, viewport, javaScriptEnabled } = {}) => {
      const context = await browser.newContext({
        baseURL: e2eBaseUrl(),
        locale,
        extraHTTPHeaders: locale ? { 'Accept-Language': locale } : undefined,
        viewport: viewport ?? { width: 1280, height: 900 },
        javaScriptEnabled: javaScriptEnabled ?? true,
      });
      const page = await context.newPage();
      const visits: Visit[] = [];
      visitsByPage.set(page, visits);
      page.on('framenavigated', (frame) => {
        if (frame !== page.mainFrame()) return;
        const url = frame.url();
        // Same-URL events (React Router's history bookkeeping on hydration) are the same visit.
        if (url === 'about:blank' || visits.at(-1)?.url === url) return;
        visits.push({ url, checked: false });
      });
      pages.push(page);
      return page;
    });
    const unchecked = pages.flatMap((page) => (visitsByPage.get(page) ?? []).filter((v) => !v.checked).map((v) => v.url));
    await Promise.all(pages.map((page) => page.context().close()));
    // After a failure the journey stopped early: its unchecked pages are not the problem.
    if (testInfo.status !== testInfo.expectedStatus) return;
    expect(unchecked, 'pages visited without an axe check (call checkPage after each navigation)').toEqual([]);
  },
});

export { expect };

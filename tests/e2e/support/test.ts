/**
 * The e2e `test`: `openPage()` gives a page in its own browser context (its own cookies: one per
 * person in a journey) on the test server, and records every page the test visits. `checkPage(page)`
 * runs axe on the page shown now; a test that leaves a visited page unchecked fails, so "axe on
 * every page visited" cannot be forgotten. Axe needs JavaScript: for a page opened with JavaScript
 * off, it checks a copy of the HTML that page shows, scripts removed, served at the same address.
 */
import { test as base, expect, type Page } from '@playwright/test';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { expectNoAxeViolations } from './axe.ts';

interface Visit {
  url: string;
  checked: boolean;
}

interface Tracked {
  visits: Visit[];
  javaScriptEnabled: boolean;
}

const tracked = new WeakMap<Page, Tracked>();

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
  const state = tracked.get(page);
  const subject = state?.javaScriptEnabled === false ? await staticCopy(page) : page;
  try {
    await expectNoAxeViolations(subject);
    const overflow = await subject.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${page.url()} scrolls sideways by ${overflow}px at ${page.viewportSize()?.width}px wide`).toBeLessThanOrEqual(0);
  } finally {
    if (subject !== page) await subject.context().close();
  }
  for (const visit of state?.visits ?? []) if (visit.url === page.url()) visit.checked = true;
}

/** The HTML a page without JavaScript shows, in a page that can run axe (same address, so styles load alike). */
async function staticCopy(page: Page): Promise<Page> {
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const browser = page.context().browser();
  if (!browser) throw new Error('checkPage: the page has no browser');
  const context = await browser.newContext({ viewport: page.viewportSize() });
  const copy = await context.newPage();
  await copy.route(
    (address) => address.href === url,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await copy.goto(url);
  return copy;
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
      tracked.set(page, { visits, javaScriptEnabled: javaScriptEnabled ?? true });
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
    const unchecked = pages.flatMap((page) => (tracked.get(page)?.visits ?? []).filter((v) => !v.checked).map((v) => v.url));
    await Promise.all(pages.map((page) => page.context().close()));
    // After a failure the journey stopped early: its unchecked pages are not the problem.
    if (testInfo.status !== testInfo.expectedStatus) return;
    expect(unchecked, 'pages visited without an axe check (call checkPage after each navigation)').toEqual([]);
  },
});

export { expect };

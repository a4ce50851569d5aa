/**
 * The challenge themes page in a browser, at 360 px without JavaScript: a platform admin (two-factor
 * set up first, as the staff gate asks) adds a theme in three languages (its code made from the
 * English name), edits its French name, moves it up, archives and restores it; the Arabic page shows
 * the names side by side in their own directions; a member is refused (403). Axe on every page.
 */
import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { themesStaffAccount } from '../support/accounts.ts';
import { message } from '../support/messages.ts';
import { setUpTwoFactor, signIn } from '../support/sessions.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const fr = (key: string, values?: Record<string, string | number>) => message('fr', key, values);

/** Signs the themes admin in and sets up their two-factor (the staff gate asks for it). */
async function signInStaff(page: Page): Promise<void> {
  const staff = themesStaffAccount();
  await signIn(page, 'fr', staff.email, staff.password);
  await page.goto('/fr/needs/themes');
  await setUpTwoFactor(page, 'fr', staff.password);
}

function themeItem(page: Page, code: string): Locator {
  return page.locator(`li#theme-${code}`);
}

async function press(page: Page, button: Locator): Promise<void> {
  await button.click();
  await page.waitForLoadState('load');
  await checkPage(page);
}

test('a platform admin adds, edits, moves, archives and restores a challenge theme without JavaScript; a member is refused', async ({
  openPage,
}) => {
  test.setTimeout(480_000);
  const suffix = randomBytes(3).toString('hex');
  const english = `Energy costs ${suffix}`;
  const code = `energy-costs-${suffix}`;

  const page = await openPage({ locale: 'fr', viewport: PHONE, javaScriptEnabled: false });
  await signInStaff(page);
  await page.goto('/fr/needs/themes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr('needs.themes.title'));
  await checkPage(page);

  const add = page.locator('form', { has: page.locator('input[name="intent"][value="create"]') });
  await add.getByLabel(message('fr', 'shell.language.ar')).first().fill(`تكاليف الطاقة ${suffix}`);
  await add.getByLabel(message('fr', 'shell.language.fr')).first().fill(`Coût de l’énergie ${suffix}`);
  await add.getByLabel(message('fr', 'shell.language.en')).first().fill(english);
  await press(page, add.getByRole('button', { name: fr('needs.themes.add.submit') }));
  await expect(page.getByText(fr('needs.themes.flash.created'))).toBeVisible();
  const item = themeItem(page, code);
  await expect(item.locator('code')).toHaveText(code);
  await expect(item.getByRole('heading', { level: 3 })).toContainText(`Coût de l’énergie ${suffix}`);

  // The French name edited in the form beside the Arabic and English ones.
  await item.locator('summary').click();
  await item.getByLabel(message('fr', 'shell.language.fr')).first().fill(`Coûts de l’énergie ${suffix}`);
  await press(page, item.getByRole('button', { name: fr('needs.themes.save') }));
  await expect(page.getByText(fr('needs.themes.flash.saved'))).toBeVisible();
  await expect(themeItem(page, code).getByRole('heading', { level: 3 })).toContainText(`Coûts de l’énergie ${suffix}`);
  await expect(themeItem(page, code).locator('code')).toHaveText(code);

  // Added last, moved one place up.
  const codes = () => page.locator('li[id^="theme-"]').evaluateAll((items) => items.map((li) => li.id.slice('theme-'.length)));
  const before = await codes();
  expect(before.at(-1)).toBe(code);
  await press(page, themeItem(page, code).getByRole('button', { name: new RegExp(`^${fr('needs.themes.up')}`) }));
  expect(await codes()).toEqual([...before.slice(0, -2), code, before.at(-2)]);

  await press(page, themeItem(page, code).getByRole('button', { name: new RegExp(`^${fr('needs.themes.archive')}`) }));
  await expect(themeItem(page, code).getByText(fr('needs.themes.archived'))).toBeVisible();
  await press(page, themeItem(page, code).getByRole('button', { name: new RegExp(`^${fr('needs.themes.restore')}`) }));
  await expect(themeItem(page, code).getByText(fr('needs.themes.archived'))).toHaveCount(0);

  // The Arabic page: names side by side, each field in its own language and direction.
  await page.goto('/ar/needs/themes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('ar', 'needs.themes.title'));
  await expect(page.locator(`#${code}-name-ar`)).toHaveAttribute('dir', 'rtl');
  await expect(page.locator(`#${code}-name-en`)).toHaveAttribute('dir', 'ltr');
  await checkPage(page);

  const member = await openPage({ locale: 'en', viewport: PHONE, javaScriptEnabled: false });
  await signIn(member, 'en', 'member@demo.mosaic.localhost', 'mosaic-demo-2026');
  const refused = await member.goto('/en/needs/themes');
  expect(refused?.status()).toBe(403);
  await checkPage(member);
});

/**
 * A cluster's diagnostic in a browser: the demo manager of el-jem-mosaic, without JavaScript at
 * phone width, opens a round (a copy of the endorsed one, if the demo has one), records two
 * challenges in French and a SWOT item, and endorses it; a visitor reads them on the Arabic page;
 * a member is refused the editor (403).
 */
import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { message } from '../support/messages.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const PASSWORD = 'mosaic-demo-2026';
const CLUSTER = 'el-jem-mosaic';

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/fr/account/sign-in');
  await checkPage(page);
  await page.getByLabel(message('fr', 'identity.field.email'), { exact: true }).fill(email);
  await page.getByLabel(message('fr', 'identity.field.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: message('fr', 'identity.signIn.submit'), exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  await checkPage(page);
}

/** The form posting `intent`. */
function formOf(page: Page, intent: string): Locator {
  return page.locator('form', { has: page.locator(`input[name="intent"][value="${intent}"]`) });
}

test('the cluster manager records and endorses a diagnostic in French; the Arabic page shows it; a member may not edit', async ({
  openPage,
}) => {
  test.setTimeout(180_000);
  const suffix = randomBytes(3).toString('hex');
  const finance = `Les banques refusent le crédit aux ateliers (${suffix}).`;
  const markets = `Peu d’acheteurs hors saison touristique (${suffix}).`;
  const strength = `Un savoir-faire romain reconnu (${suffix}).`;

  const manager = await openPage({ locale: 'fr', viewport: PHONE, javaScriptEnabled: false });
  await signIn(manager, 'cluster-manager@demo.mosaic.localhost');
  await manager.goto(`/fr/clusters/${CLUSTER}`);
  await checkPage(manager);
  await manager.getByRole('link', { name: message('fr', 'needs.diagnostics.profileLink') }).click();
  await expect(manager).toHaveURL(`/fr/clusters/${CLUSTER}/diagnostic`);
  await checkPage(manager);
  await manager.getByRole('link', { name: message('fr', 'needs.diagnostics.manage.edit') }).click();
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'needs.diagnostics.edit.title'));
  await checkPage(manager);

  const start = manager.getByRole('button', { name: message('fr', 'needs.diagnostics.edit.start.submit') });
  if (await start.isVisible()) {
    await start.click();
    await expect(formOf(manager, 'addChallenge')).toBeVisible();
    await checkPage(manager);
  }

  for (const [theme, text, severity] of [
    ['access-to-finance', finance, 'critical'],
    ['markets-and-buyers', markets, 'high'],
  ] as const) {
    const form = formOf(manager, 'addChallenge');
    await form.getByLabel(message('fr', 'needs.diagnostics.field.themeCode'), { exact: true }).selectOption(theme);
    await form.getByLabel(message('fr', 'needs.diagnostics.field.language'), { exact: true }).selectOption('fr');
    await form.getByLabel(message('fr', 'needs.diagnostics.field.description'), { exact: true }).fill(text);
    await form.getByLabel(message('fr', `needs.diagnostics.severity.${severity}`), { exact: true }).check();
    if (theme === 'access-to-finance') {
      await form.getByLabel(message('fr', 'needs.diagnostics.group.women-artisans'), { exact: true }).check();
      await form.getByLabel(message('fr', 'needs.diagnostics.gender.women-more'), { exact: true }).check();
      await form.getByLabel(message('fr', 'needs.diagnostics.field.evidenceInput'), { exact: true }).fill(`Entretiens ${suffix}`);
    }
    await form.getByRole('button', { name: message('fr', 'needs.diagnostics.edit.challenge.submit') }).click();
    await expect(manager.locator('.diagnostic__challenge', { hasText: text })).toBeVisible();
    await checkPage(manager);
  }

  // Editing a challenge: the markets one becomes moderate.
  const marketsItem = manager.locator('.diagnostic__challenge', { hasText: markets });
  await marketsItem.getByText(message('fr', 'needs.diagnostics.edit.editChallenge')).click();
  await marketsItem.getByLabel(message('fr', 'needs.diagnostics.severity.moderate'), { exact: true }).check();
  await marketsItem.getByRole('button', { name: message('fr', 'needs.diagnostics.edit.challenge.save') }).click();
  await expect(manager.locator('.diagnostic__challenge', { hasText: markets }).locator('.severity')).toHaveText(
    message('fr', 'needs.diagnostics.severityBadge', { severity: message('fr', 'needs.diagnostics.severity.moderate') }),
  );
  await checkPage(manager);

  // A source address that is not http(s) is refused beside the field, and nothing is added.
  const refusedForm = formOf(manager, 'addChallenge');
  await refusedForm.getByLabel(message('fr', 'needs.diagnostics.field.themeCode'), { exact: true }).selectOption('infrastructure');
  await refusedForm.getByLabel(message('fr', 'needs.diagnostics.field.description'), { exact: true }).fill(`Routes (${suffix})`);
  await refusedForm.getByLabel(message('fr', 'needs.diagnostics.severity.low'), { exact: true }).check();
  await refusedForm.getByLabel(message('fr', 'needs.diagnostics.field.evidenceUrl'), { exact: true }).fill('ftp://example.org/etude');
  await refusedForm.getByRole('button', { name: message('fr', 'needs.diagnostics.edit.challenge.submit') }).click();
  await expect(manager.getByRole('alert')).toHaveText(message('fr', 'errors.COMMON_VALIDATION_FAILED'));
  await expect(manager.locator('#challenge-evidence-url-error')).toBeVisible();
  await expect(manager.locator('.diagnostic__challenge', { hasText: `Routes (${suffix})` })).toHaveCount(0);
  await checkPage(manager);

  const swot = formOf(manager, 'addSwot');
  await swot.getByLabel(message('fr', 'needs.diagnostics.field.kind'), { exact: true }).selectOption('strength');
  await swot.getByLabel(message('fr', 'needs.diagnostics.field.text'), { exact: true }).fill(strength);
  await swot.getByRole('button', { name: message('fr', 'needs.diagnostics.edit.swot.submit') }).click();
  await expect(manager.getByText(strength)).toBeVisible();
  await checkPage(manager);

  const endorse = formOf(manager, 'endorse');
  await endorse.getByLabel(message('fr', 'needs.diagnostics.field.endorserName'), { exact: true }).fill('Hédi Ben Salah');
  await endorse.getByLabel(message('fr', 'needs.diagnostics.field.endorserRole'), { exact: true }).fill('Président du comité de pilotage');
  await endorse.getByRole('button', { name: message('fr', 'needs.diagnostics.edit.endorse.submit') }).click();
  await expect(manager).toHaveURL(`/fr/clusters/${CLUSTER}/diagnostic`);
  await expect(manager.getByText(finance)).toBeVisible();
  await checkPage(manager);

  // A visitor reads the endorsed round on the Arabic page: the French texts, grouped by theme, with their severity; no evidence.
  const visitor = await openPage({ locale: 'ar', viewport: PHONE });
  await visitor.goto(`/ar/clusters/${CLUSTER}/diagnostic`);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(message('ar', 'needs.diagnostics.title'));
  const financeItem = visitor.locator('.diagnostic__challenge', { hasText: finance });
  await expect(financeItem).toBeVisible();
  await expect(financeItem).toContainText(
    message('ar', 'needs.diagnostics.severityBadge', { severity: message('ar', 'needs.diagnostics.severity.critical') }),
  );
  await expect(financeItem).toContainText(message('ar', 'needs.diagnostics.group.women-artisans'));
  await expect(financeItem.locator('p[dir="auto"]')).toHaveAttribute('lang', 'fr');
  const financeTheme = visitor.locator('.diagnostic__theme', { has: financeItem });
  await expect(financeTheme.getByRole('heading', { level: 3 })).toHaveText('الوصول إلى التمويل');
  await expect(visitor.locator('.diagnostic__challenge', { hasText: markets })).toBeVisible();
  await expect(visitor.getByText(strength)).toBeVisible();
  await expect(visitor.getByText(`Entretiens ${suffix}`)).toHaveCount(0);
  await expect(visitor.getByText('Hédi Ben Salah')).toBeVisible();
  await expect(visitor.getByRole('link', { name: message('ar', 'needs.diagnostics.manage.edit') })).toHaveCount(0);
  await checkPage(visitor);

  // A member may not open the editor.
  const member = await openPage({ locale: 'ar', viewport: PHONE });
  await signIn(member, 'member@demo.mosaic.localhost');
  const refused = await member.goto(`/ar/clusters/${CLUSTER}/diagnostic/edit`);
  expect(refused?.status()).toBe(403);
  await checkPage(member);
});

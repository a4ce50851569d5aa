/**
 * The clusters pages in a browser, on the demo directory: the list with its map in Arabic, French
 * and English at 360 px (axe-clean, no sideways scroll); the map read with JavaScript turned off
 * (one link per cluster, Lebanon and Palestine in the enlarged Levant); filter links; a profile
 * with its sourced facts; and the demo cluster manager of el-jem-mosaic managing its members
 * (and kept out of another cluster's).
 */
import type { Page } from '@playwright/test';
import { LOCALES } from '#app/shared/i18n/locales.ts';
import { message } from '../support/messages.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const REAL_CLUSTERS = 14;
/** A 1×1 transparent PNG. */
const PNG_PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** The demo accounts `npm run mosaic -- seed --demo` creates (one password for all, see admin-accounts.server.ts). */
const CLUSTER_MANAGER = { email: 'cluster-manager@demo.mosaic.localhost', password: 'mosaic-demo-2026', cluster: 'el-jem-mosaic' };

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/fr/account/sign-in');
  await checkPage(page);
  await page.getByLabel(message('fr', 'identity.field.email'), { exact: true }).fill(email);
  await page.getByLabel(message('fr', 'identity.field.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: message('fr', 'identity.signIn.submit'), exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

test.describe('clusters', () => {
  for (const locale of LOCALES) {
    test(`/${locale}/clusters lists the clusters with a map, at phone width`, async ({ openPage }) => {
      const page = await openPage({ locale, viewport: PHONE });
      await page.goto(`/${locale}/clusters`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(message(locale, 'directory.clusters.title'));
      // The new-cluster journey may have added one (without coordinates, in Morocco): clusters are never deleted.
      await expect(page.locator('.cluster-list > li').nth(REAL_CLUSTERS - 1)).toBeVisible();
      await expect(page.locator('figure.region-map svg a.region-map__point')).toHaveCount(REAL_CLUSTERS);
      await checkPage(page);
    });
  }

  test('the map reads and links without JavaScript: one link per cluster, Lebanon and Palestine enlarged', async ({ openPage }) => {
    const page = await openPage({ locale: 'ar', javaScriptEnabled: false });
    await page.goto('/ar/clusters');
    const points = page.locator('svg a.region-map__point');
    await expect(points).toHaveCount(REAL_CLUSTERS);
    const hrefs = await points.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(new Set(hrefs).size).toBe(REAL_CLUSTERS);
    expect(hrefs).toEqual(
      expect.arrayContaining(['/ar/clusters/batna-jewellery', '/ar/clusters/bourj-hammoud-jewellery', '/ar/clusters/bethlehem-treasures']),
    );
    const levant = page.locator('.region-map__view--inset svg');
    await expect(levant.locator('a[href="/ar/clusters/bourj-hammoud-jewellery"]')).toHaveCount(1);
    await expect(levant.locator('a[href="/ar/clusters/bethlehem-treasures"]')).toHaveCount(1);
    // Each point is named by its SVG title; countries say their count in words.
    await expect(page.locator('svg a[href="/ar/clusters/batna-jewellery"] title')).toContainText('باتنة');
    await checkPage(page);

    await page.locator('.cluster-filters').getByRole('link', { name: 'تونس', exact: true }).click();
    await expect(page).toHaveURL('/ar/clusters?country=TN');
    await expect(page.locator('.cluster-list > li')).toHaveCount(2);
    await checkPage(page);
  });

  test('a profile shows its facts with their sources and links to its twins', async ({ openPage }) => {
    const page = await openPage({ locale: 'en', viewport: PHONE });
    await page.goto('/en/clusters/batna-jewellery');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Batna Jewellery Cluster');
    await expect(page).toHaveTitle(/Batna Jewellery Cluster/);
    const facts = page.locator('section', { has: page.locator('#cluster-facts') });
    await expect(facts.getByRole('link', { name: /djazairess\.com/ })).toHaveAttribute('href', /^https:\/\/djazairess\.com\//);
    await expect(page.getByRole('link', { name: message('en', 'directory.clusters.profile.twins') })).toHaveAttribute(
      'href',
      '/en/clusters/batna-jewellery/twins',
    );
    // Visitors get no management controls.
    await expect(page.getByRole('link', { name: message('en', 'directory.clusters.manage.members') })).toHaveCount(0);
    await checkPage(page);
  });

  test('the cluster manager adds, re-roles and removes a member; another cluster is refused', async ({ openPage }) => {
    // A long journey (sign-in, nine pages each checked with axe) on a shared two-core machine.
    test.setTimeout(300_000);
    const page = await openPage({ locale: 'fr' });
    await signIn(page, CLUSTER_MANAGER.email, CLUSTER_MANAGER.password);
    await checkPage(page);

    await page.goto(`/fr/clusters/${CLUSTER_MANAGER.cluster}`);
    await expect(page.getByRole('link', { name: message('fr', 'directory.clusters.manage.edit') })).toBeVisible();
    await checkPage(page);
    await page.getByRole('link', { name: message('fr', 'directory.clusters.manage.members') }).click();
    await expect(page).toHaveURL(`/fr/clusters/${CLUSTER_MANAGER.cluster}/members`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'directory.clusters.members.title'));
    await checkPage(page);

    // An institution of another cluster (Nabeul), found by its Arabic name on the French page, joins el-jem-mosaic as a partner.
    const newcomer = 'association-art-de-la-table-de-nabeul';
    const row = page.locator('tr', { has: page.locator(`a[href="/fr/organisations/${newcomer}"]`) });
    // A run stopped halfway left it a member: take it out first (the e2e database is shared by the specs).
    if ((await row.count()) > 0) {
      await row.getByRole('button', { name: new RegExp(message('fr', 'directory.clusters.members.remove')) }).click();
      await expect(row).toHaveCount(0);
    }
    await page.getByLabel(message('fr', 'directory.clusters.members.find')).fill('جمعية فن المائدة بنابل');
    const add = page.getByRole('region', { name: message('fr', 'directory.clusters.members.add') });
    await add.getByRole('button', { name: message('fr', 'directory.clusters.members.findSubmit') }).click();
    await expect(page).toHaveURL(/\/members\?find=/);
    const result = page.locator('.member-result', { has: page.locator(`a[href="/fr/organisations/${newcomer}"]`) });
    await expect(result).toContainText('Association Art de la table de Nabeul');
    await expect(result).toContainText('Tunisie');
    await checkPage(page);
    await result.getByLabel(message('fr', 'directory.clusters.members.addAs')).selectOption('partner');
    await result.getByRole('button', { name: new RegExp(message('fr', 'directory.clusters.members.addSubmit')) }).click();
    await expect(page.getByRole('status').filter({ hasText: message('fr', 'directory.clusters.members.added') })).toBeVisible();
    // Back on the same search, now marked as a member.
    await expect(page).toHaveURL(/\/members\?find=/);
    await expect(result).toContainText(
      message('fr', 'directory.clusters.members.alreadyMember', { role: message('fr', 'directory.membershipRole.partner') }),
    );
    await expect(row.locator('select')).toHaveValue('partner');
    await checkPage(page);

    await row.locator('select').selectOption('support-institution');
    await row.getByRole('button', { name: new RegExp(message('fr', 'directory.clusters.members.changeRole')) }).click();
    await expect(page.getByRole('status').filter({ hasText: message('fr', 'directory.clusters.members.roleChanged') })).toBeVisible();
    await expect(row.locator('select')).toHaveValue('support-institution');
    await checkPage(page);

    await row.getByRole('button', { name: new RegExp(message('fr', 'directory.clusters.members.remove')) }).click();
    await expect(page.getByRole('status').filter({ hasText: message('fr', 'directory.clusters.members.removed') })).toBeVisible();
    await expect(row).toHaveCount(0);
    await checkPage(page);

    await page.goto(`/fr/clusters/${CLUSTER_MANAGER.cluster}/history`);
    await expect(page.getByText(message('fr', 'directory.clusters.history.member.remove')).first()).toBeVisible();
    // The latest removal names the organisation removed, in French, linked to its profile (the
    // profile-editing journey may add entries at the same time).
    const removal = page.locator('.history-list__entry', { hasText: message('fr', 'directory.clusters.history.member.remove') }).first();
    await expect(removal.getByRole('link', { name: 'Association Art de la table de Nabeul' })).toHaveAttribute(
      'href',
      `/fr/organisations/${newcomer}`,
    );
    await expect(removal).toContainText(message('fr', 'directory.membershipRole.support-institution'));
    await checkPage(page);

    const refused = await page.goto('/fr/clusters/batna-jewellery/members');
    expect(refused?.status()).toBe(403);
    await checkPage(page);
  });

  test('the cluster manager edits the profile and sets its logo', async ({ openPage }) => {
    test.setTimeout(240_000);
    const page = await openPage({ locale: 'fr' });
    await signIn(page, CLUSTER_MANAGER.email, CLUSTER_MANAGER.password);
    await checkPage(page);
    await page.goto(`/fr/clusters/${CLUSTER_MANAGER.cluster}/edit`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(message('fr', 'directory.clusters.edit.title'));
    await checkPage(page);
    await page.locator('#description-fr').fill('Mosaïstes d’El Jem, autour de l’amphithéâtre.');
    await page.getByRole('button', { name: message('fr', 'directory.clusters.edit.save') }).click();
    await expect(page).toHaveURL(`/fr/clusters/${CLUSTER_MANAGER.cluster}`);
    await expect(page.getByRole('status').filter({ hasText: message('fr', 'directory.clusters.edit.saved') })).toBeVisible();
    await expect(page.getByText('Mosaïstes d’El Jem, autour de l’amphithéâtre.')).toBeVisible();
    await checkPage(page);

    await page.goto(`/fr/clusters/${CLUSTER_MANAGER.cluster}/edit#images`);
    await checkPage(page);
    await page.getByLabel(message('fr', 'directory.clusters.images.logo'), { exact: true }).setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG_PIXEL, 'base64'),
    });
    await page.getByRole('button', { name: message('fr', 'directory.clusters.images.submit') }).click();
    await expect(page.getByRole('status').filter({ hasText: message('fr', 'directory.clusters.images.saved') })).toBeVisible();
    await expect(page.getByRole('button', { name: message('fr', 'directory.clusters.images.removeLogo') })).toBeVisible();
    await checkPage(page);
  });
});

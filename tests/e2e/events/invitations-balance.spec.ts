/**
 * Building an invitation list at 360 px without JavaScript: the El Jem cluster manager (demo
 * account, no two-factor needed) creates and publishes a workshop of their own through the API,
 * then on its invitations page adds the El Jem members and, after previewing the balance, the
 * twins finder's counterparts of the Batna jewellery cluster (its best-matched clusters abroad and
 * organisation twins): the list then holds people from at least three countries. The page warns in words (role=alert) under a 100 % women
 * target and stops warning when the target is lowered to 0. With JavaScript, changing the cluster
 * shows the balance after adding in a polite live region without leaving the page. The page is
 * axe-clean in English, French and Arabic; an unknown personal link is a 404 page.
 */
import type { Page } from '@playwright/test';
import { message } from '../support/messages.ts';
import { signIn } from '../support/sessions.ts';
import { checkPage, e2eBaseUrl, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const MANAGER = { email: 'cluster-manager@demo.mosaic.localhost', password: 'mosaic-demo-2026' };

async function createWorkshop(page: Page): Promise<string> {
  const base = e2eBaseUrl();
  const startsAt = new Date(Date.now() + 45 * 86_400_000);
  startsAt.setUTCHours(8, 0, 0, 0);
  const stamp = Date.now();
  const created = await page.request.post('/api/v1/events', {
    headers: { Origin: base },
    data: {
      type: 'cluster-workshop',
      hostCluster: 'el-jem-mosaic',
      countryIso2: 'TN',
      clusters: ['el-jem-mosaic'],
      title: { en: `Mosaic exchange ${stamp}`, fr: `Échange mosaïque ${stamp}`, ar: `تبادل الفسيفساء ${stamp}` },
      timeZone: 'Africa/Tunis',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 7 * 3_600_000).toISOString(),
      womenTargetPercent: 40,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { slug } = (await created.json()) as { slug: string };
  const published = await page.request.post(`/api/v1/events/${slug}/publish`, { headers: { Origin: base } });
  expect(published.status(), await published.text()).toBe(200);
  return slug;
}

const section = (page: Page, key: string) => page.getByRole('region', { name: message('en', key), exact: true });

test('a cluster manager invites counterparts from three countries and is warned under the gender target', async ({ openPage }) => {
  test.setTimeout(300_000);
  const manager = await openPage({ locale: 'en', viewport: PHONE, javaScriptEnabled: false });
  await signIn(manager, 'en', MANAGER.email, MANAGER.password);
  const slug = await createWorkshop(manager);
  const invitations = `/en/events/${slug}/invitations`;

  await test.step('the empty list', async () => {
    await manager.goto(invitations);
    await expect(manager.getByRole('heading', { level: 1 })).toHaveText(message('en', 'events.invitations.title'));
    await expect(manager.getByText(message('en', 'events.invitations.list.empty'))).toBeVisible();
    await checkPage(manager);
  });

  await test.step('the El Jem members are added', async () => {
    const form = section(manager, 'events.invitations.add.cluster');
    await form.locator('#add-cluster').selectOption('el-jem-mosaic');
    await form.getByRole('button', { name: message('en', 'events.invitations.add.submit'), exact: true }).click();
    await expect(manager).toHaveURL(invitations);
    await expect(manager.locator('table tbody tr').first()).toBeVisible();
    await expect(manager.locator('ul[aria-labelledby="balance-countries"] li')).toHaveCount(1);
    await checkPage(manager);
  });

  await test.step("the twins finder's counterparts of a jewellery cluster: previewed, then added", async () => {
    const form = section(manager, 'events.invitations.add.twins');
    // The host cluster is offered first; mosaic has no twins in the demo directory, jewellery has (Algeria, Lebanon...).
    await expect(form.locator('#add-twins-slug')).toHaveValue('el-jem-mosaic');
    await form.locator('#add-twins-slug').fill('batna-jewellery');
    await form.getByRole('button', { name: message('en', 'events.invitations.add.preview'), exact: true }).click();
    await expect(section(manager, 'events.invitations.add.twins').getByTestId('balance-preview')).toBeVisible();
    await expect(section(manager, 'events.invitations.add.twins').locator('#add-twins-slug')).toHaveValue('batna-jewellery');
    await checkPage(manager);
    await section(manager, 'events.invitations.add.twins')
      .getByRole('button', { name: message('en', 'events.invitations.add.submit'), exact: true })
      .click();
    await expect(manager).toHaveURL(invitations);
    const countries = manager.locator('ul[aria-labelledby="balance-countries"] li');
    await expect.poll(() => countries.count()).toBeGreaterThanOrEqual(3);
    await checkPage(manager);
  });

  await test.step('a 100 % target warns in words; lowered to 0 it stops warning', async () => {
    const balance = section(manager, 'events.invitations.balance.heading');
    await balance.getByLabel(message('en', 'events.invitations.target.label')).fill('100');
    await balance.getByRole('button', { name: message('en', 'events.invitations.target.save'), exact: true }).click();
    const warning = manager.getByRole('alert').filter({ hasText: message('en', 'events.invitations.balance.warning.label') });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('target of 100%');
    await checkPage(manager);
    await section(manager, 'events.invitations.balance.heading').getByLabel(message('en', 'events.invitations.target.label')).fill('0');
    await section(manager, 'events.invitations.balance.heading')
      .getByRole('button', { name: message('en', 'events.invitations.target.save'), exact: true })
      .click();
    await expect(manager.getByTestId('balance-ok')).toBeVisible();
    await expect(manager.getByTestId('balance-warning')).toHaveCount(0);
    await checkPage(manager);
  });

  await test.step('the page in French and Arabic; an unknown personal link', async () => {
    for (const locale of ['fr', 'ar'] as const) {
      await manager.goto(`/${locale}/events/${slug}/invitations`);
      await expect(manager.getByRole('heading', { level: 1 })).toHaveText(message(locale, 'events.invitations.title'));
      await checkPage(manager);
    }
    const response = await manager.goto(`/ar/events/${slug}/invited/${'x'.repeat(43)}`);
    expect(response?.status()).toBe(404);
    await expect(manager.getByRole('heading', { level: 1 })).toHaveText(message('ar', 'events.invitations.link.notFound.title'));
    await checkPage(manager);
  });

  await test.step('with JavaScript, choosing a cluster previews the balance in a live region without leaving the page', async () => {
    const scripted = await openPage({ locale: 'en', viewport: PHONE });
    await signIn(scripted, 'en', MANAGER.email, MANAGER.password);
    await scripted.goto(invitations);
    await checkPage(scripted);
    const form = section(scripted, 'events.invitations.add.cluster');
    await form.locator('#add-cluster').selectOption('casablanca-home-textile');
    const live = form.locator('[aria-live="polite"]');
    await expect(live.getByTestId('balance-preview')).toBeVisible();
    await expect(scripted).toHaveURL(invitations);
    await checkPage(scripted);
  });
});

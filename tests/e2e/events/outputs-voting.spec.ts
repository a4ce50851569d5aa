/**
 * Workshop outputs in a browser: the El Jem cluster manager (demo account) makes and publishes a
 * workshop over the API; two participants register; the manager captures three challenges and a
 * training need on the outputs page without JavaScript and opens the dot voting; one participant
 * votes signed in, in Arabic at 360 px with JavaScript; the other, not signed in, in French at
 * 360 px without JavaScript, with the check-in code of the badge; the manager sees the live
 * results and closes the vote; the needs board of El Jem then shows the workshop's dots, the
 * drill-down lists the vote and the comparison of workshops lists the workshop. Axe on every page.
 */
import type { Page } from '@playwright/test';
import { message } from '../support/messages.ts';
import { signIn } from '../support/sessions.ts';
import { checkPage, e2eBaseUrl, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const TABLET = { width: 800, height: 1100 };
const PASSWORD = 'mosaic-demo-2026';
const MANAGER = 'cluster-manager@demo.mosaic.localhost';
const MEMBER = 'member@demo.mosaic.localhost';
const SECOND = 'reviewer@demo.mosaic.localhost';
const fr = (key: string, values?: Record<string, string | number>) => message('fr', key, values);
const ar = (key: string, values?: Record<string, string | number>) => message('ar', key, values);

async function register(page: Page, slug: string, locale: string): Promise<{ checkInCode: string }> {
  const response = await page.request.post(`/api/v1/events/${slug}/registrations`, {
    headers: { Origin: e2eBaseUrl() },
    data: { consentListed: false, consentPhotographed: false, locale },
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { status: string; checkInCode: string };
  expect(body.status).toBe('confirmed');
  return body;
}

async function press(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForLoadState('load');
}

test('facilitators capture three challenges, participants vote from phones, and the synthesis shows the result', async ({ openPage }) => {
  test.setTimeout(360_000);
  const stamp = Date.now();
  const challenges = [
    { theme: 'women-specific-barriers', text: `Les artisanes ne peuvent pas voyager seules aux salons ${stamp}` },
    { theme: 'intellectual-property-and-counterfeiting', text: `Copies importées vendues au souk ${stamp}` },
    { theme: 'infrastructure', text: `الطريق إلى الورشات غير معبّد ${stamp}` },
  ];

  // The workshop, over the API, by the manager's session.
  const manager = await openPage({ locale: 'fr', viewport: TABLET, javaScriptEnabled: false });
  await signIn(manager, 'fr', MANAGER, PASSWORD);
  const startsAt = new Date(Date.now() + 86_400_000);
  const created = await manager.request.post('/api/v1/events', {
    headers: { Origin: e2eBaseUrl() },
    data: {
      type: 'cluster-workshop',
      hostCluster: 'el-jem-mosaic',
      clusters: ['el-jem-mosaic'],
      countryIso2: 'TN',
      title: { fr: `Atelier de priorisation ${stamp}`, ar: `ورشة تحديد الأولويات ${stamp}` },
      sourceLocale: 'fr',
      timeZone: 'Africa/Tunis',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 6 * 3_600_000).toISOString(),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { slug } = (await created.json()) as { slug: string };
  const published = await manager.request.post(`/api/v1/events/${slug}/publish`, { headers: { Origin: e2eBaseUrl() } });
  expect(published.status(), await published.text()).toBe(200);

  // Two participants register.
  const member = await openPage({ locale: 'ar', viewport: PHONE });
  await signIn(member, 'ar', MEMBER, PASSWORD);
  await register(member, slug, 'ar');
  const second = await openPage({ locale: 'fr', viewport: PHONE });
  await signIn(second, 'fr', SECOND, PASSWORD);
  const { checkInCode } = await register(second, slug, 'fr');

  await test.step('the manager captures three challenges and a training need, then opens the voting', async () => {
    await manager.goto(`/fr/events/${slug}/outputs`);
    await checkPage(manager);
    await expect(manager.getByRole('heading', { level: 1, name: fr('events.outputs.title') })).toBeVisible();
    for (const challenge of challenges) {
      await manager.locator('#challenge-new-theme').selectOption(challenge.theme);
      await manager.locator('#challenge-new-description').fill(challenge.text);
      await manager.locator('#challenge-new-language').selectOption(/[\u0600-\u06FF]/.test(challenge.text) ? 'ar' : 'fr');
      await press(manager, fr('events.outputs.challenges.add'));
      await expect(manager.getByText(fr('events.outputs.flash.challengeAdded'))).toBeVisible();
      await checkPage(manager);
    }
    await expect(manager.locator('.event-outputs__list').first().getByRole('listitem')).toHaveCount(3);
    await manager.getByText(fr('events.outputs.training.add'), { exact: true }).first().click();
    await manager.locator('#training-new-topic').selectOption('export');
    await manager.locator('#training-new-format').selectOption('coaching');
    await press(manager, fr('events.outputs.training.add'));
    await expect(manager.getByText(fr('events.outputs.flash.trainingAdded'))).toBeVisible();
    await checkPage(manager);
    await manager.locator('#voting-dots').fill('3');
    await press(manager, fr('events.outputs.voting.open'));
    await expect(manager.getByText(fr('events.outputs.voting.status.open', { dots: 3 }))).toBeVisible();
    await checkPage(manager);
  });

  await test.step('a member votes signed in, in Arabic at 360 px with JavaScript', async () => {
    await member.goto(`/ar/events/${slug}/vote`);
    await checkPage(member);
    await expect(member.getByText(ar('events.outputs.vote.left', { left: 3, dots: 3 }))).toBeVisible();
    const first = member.getByRole('listitem').filter({ hasText: challenges[0]!.text });
    for (let i = 0; i < 2; i++) {
      await first.getByRole('button', { name: /إضافة نقطة/ }).click();
      await expect(member.getByText(ar('events.outputs.vote.left', { left: 2 - i, dots: 3 }))).toBeVisible();
      await checkPage(member);
    }
    await member
      .getByRole('listitem')
      .filter({ hasText: challenges[2]!.text })
      .getByRole('button', { name: /إضافة نقطة/ })
      .click();
    await expect(member.getByText(ar('events.outputs.vote.left', { left: 0, dots: 3 }))).toBeVisible();
    await expect(
      member
        .getByRole('listitem')
        .filter({ hasText: challenges[1]!.text })
        .getByRole('button', { name: /إضافة نقطة/ }),
    ).toBeDisabled();
    await checkPage(member);
  });

  await test.step('another participant votes with the badge’s code, not signed in, in French without JavaScript', async () => {
    const phone = await openPage({ locale: 'fr', viewport: PHONE, javaScriptEnabled: false });
    await phone.goto(`/fr/events/${slug}/vote`);
    await checkPage(phone);
    await phone.getByLabel(fr('events.outputs.vote.code'), { exact: true }).fill('not-the-right-code');
    await press(phone, fr('events.outputs.vote.continue'));
    await expect(phone.getByRole('alert')).toHaveText(fr('errors.EVENTS_OUTPUTS_NOT_PARTICIPANT'));
    await checkPage(phone);
    await phone.getByLabel(fr('events.outputs.vote.code'), { exact: true }).fill(checkInCode);
    await press(phone, fr('events.outputs.vote.continue'));
    await expect(phone.getByText(fr('events.outputs.vote.left', { left: 3, dots: 3 }))).toBeVisible();
    await checkPage(phone);
    const first = phone.getByRole('listitem').filter({ hasText: challenges[0]!.text });
    for (let i = 0; i < 3; i++) {
      await first.getByRole('button', { name: /Ajouter une gommette/ }).click();
      await phone.waitForLoadState('load');
      await checkPage(phone);
    }
    await expect(phone.getByText(fr('events.outputs.vote.left', { left: 0, dots: 3 }))).toBeVisible();
    await checkPage(phone);
  });

  await test.step('the manager sees the live results and closes the voting', async () => {
    await manager.goto(`/fr/events/${slug}/outputs`);
    await checkPage(manager);
    await expect(manager.getByText(fr('events.outputs.voting.turnout', { voters: 2, participants: 2 }))).toBeVisible();
    const results = manager.locator('[aria-labelledby="outputs-results-caption"]');
    await expect(results.getByRole('row').nth(1)).toContainText(challenges[0]!.text);
    await expect(results.getByRole('row').nth(1).locator('td').nth(1)).toHaveText('5');
    await press(manager, fr('events.outputs.voting.close'));
    await expect(manager.getByText(fr('events.outputs.final'))).toBeVisible();
    await checkPage(manager);
  });

  await test.step('the needs board, the drill-down and the comparison of workshops show the votes', async () => {
    await manager.goto('/fr/needs?scope=cluster%3Ael-jem-mosaic');
    await checkPage(manager);
    // The ranking's row (the board's other tables name the theme too); its workshop dots column counts the votes placed in El Jem.
    const row = manager.locator('[aria-labelledby="needs-board-table-caption"]').getByRole('row', { name: /Obstacles propres aux femmes/ });
    await expect(row).toBeVisible();
    expect(Number(((await row.locator('td').nth(4).textContent()) ?? '').replace(/\D/g, ''))).toBeGreaterThanOrEqual(3);
    await row.getByRole('link').click();
    await manager.waitForLoadState('load');
    await checkPage(manager);
    const votes = manager.locator('[aria-labelledby="needs-evidence-votes-table-caption"]');
    await expect(votes.getByRole('row', { name: new RegExp(`Atelier de priorisation ${stamp}`) }).first()).toBeVisible();
    await manager.goto('/fr/needs/workshops');
    await checkPage(manager);
    await expect(manager.getByRole('columnheader', { name: new RegExp(`Atelier de priorisation ${stamp}`) })).toBeVisible();
  });

  await test.step('the participant sees the results once voting has closed', async () => {
    await member.reload();
    await checkPage(member);
    await expect(member.getByRole('heading', { name: ar('events.outputs.vote.results') })).toBeVisible();
  });
});

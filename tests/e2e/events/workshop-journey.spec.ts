/**
 * Issue 5's acceptance journey, on one workshop from start to synthesis. Programme staff create a
 * thematic workshop in French gathering clusters of three countries and publish it; on its
 * invitations page they invite the El Jem members and the counterparts the twins finder gives for
 * the Batna jewellers (at least three countries), and the page warns under a gender target; the
 * demo member registers in Arabic on a 360 px phone; staff check her in from the check-in page;
 * staff capture three challenges and open the dot voting; she votes from her phone in Arabic, and
 * a second participant (registered over the API) with the code of his badge; staff close the
 * voting, and the national priorities of Tunisia on the needs board count the dots. Axe checks
 * every page on the way.
 */
import type { Page } from '@playwright/test';
import { workshopJourneyStaffAccount } from '../support/accounts.ts';
import { message } from '../support/messages.ts';
import { setUpTwoFactor, signIn } from '../support/sessions.ts';
import { checkPage, e2eBaseUrl, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const PASSWORD = 'mosaic-demo-2026';
const MEMBER = { email: 'member@demo.mosaic.localhost', name: 'مريم سعيد (demo)' };
const SECOND = 'reviewer@demo.mosaic.localhost';
const fr = (key: string, values?: Record<string, string | number>) => message('fr', key, values);
const ar = (key: string, values?: Record<string, string | number>) => message('ar', key, values);
const THEME = { code: 'women-specific-barriers', fr: /Obstacles propres aux femmes/ };

async function press(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForLoadState('load');
  await checkPage(page);
}

/** The workshop dots the national board of Tunisia counts for the theme (0 when the theme is not ranked). */
async function tunisiaDots(staff: Page): Promise<number> {
  await staff.goto('/fr/needs?scope=country%3ATN');
  await checkPage(staff);
  const row = staff.locator('[aria-labelledby="needs-board-table-caption"]').getByRole('row', { name: THEME.fr });
  if ((await row.count()) === 0) return 0;
  // rank, score, respondents, diagnosed clusters, workshop dots
  return Number(((await row.locator('td').nth(4).textContent()) ?? '').replace(/\D/g, ''));
}

/** `YYYY-MM-DD`, days from now (UTC). */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('a thematic workshop from the French form to the national priorities: invite, register in Arabic, check in, capture, vote', async ({
  openPage,
}) => {
  test.setTimeout(600_000);
  const account = workshopJourneyStaffAccount();
  const stamp = Date.now();
  const title = `Atelier thématique patrimoine ${stamp}`;
  const challenges = [
    `Les artisanes ne peuvent pas voyager seules aux salons ${stamp}`,
    `Copies importées vendues au souk ${stamp}`,
    `الطريق إلى الورشات غير معبّد ${stamp}`,
  ];

  const staff = await openPage({ locale: 'fr' });
  await signIn(staff, 'fr', account.email, account.password);
  await staff.goto('/fr/admin/jobs');
  await setUpTwoFactor(staff, 'fr', account.password);
  const before = await tunisiaDots(staff);

  let slug = '';
  await test.step('staff create the thematic workshop in French, gathering clusters of three countries, and publish it', async () => {
    await staff.goto('/fr/events');
    await checkPage(staff);
    await staff.getByRole('link', { name: fr('events.new.link'), exact: true }).click();
    await expect(staff).toHaveURL('/fr/events/new');
    await checkPage(staff);
    await staff.locator('#event-type').selectOption('thematic-workshop');
    await staff.locator('#event-host').selectOption('');
    await staff.locator('#event-clusters').selectOption(['el-jem-mosaic', 'bethlehem-treasures', 'constantine-copperware']);
    await staff.locator('#event-title-fr').fill(title);
    await staff.locator('#event-description-fr').fill('Les clusters du patrimoine comparent leurs défis et votent leurs priorités.');
    await staff.locator('#event-sourceLocale').selectOption('fr');
    await staff.locator('#event-country').selectOption('TN');
    await staff.locator('#event-city-fr').fill('El Jem');
    await staff.locator('#event-timeZone').selectOption('Africa/Tunis');
    await staff.locator('#event-startsAt').fill(`${day(1)}T09:00`);
    await staff.locator('#event-endsAt').fill(`${day(2)}T17:00`);
    await staff.locator('#event-capacity').fill('30');
    await staff.getByRole('button', { name: fr('events.new.submit'), exact: true }).click();
    await expect(staff).toHaveURL(/\/fr\/events\/atelier-thematique-patrimoine-\d+-\d{4}-\d{2}-\d{2}$/);
    await checkPage(staff);
    slug = new URL(staff.url()).pathname.split('/').pop()!;
    await press(staff, fr('events.page.publish'));
    await expect(staff.getByText(fr('events.page.published'))).toBeVisible();
  });

  await test.step('staff invite counterparts from three countries; the page warns under the gender target', async () => {
    const invitations = `/fr/events/${slug}/invitations`;
    await staff.goto(invitations);
    await checkPage(staff);
    const region = (key: string) => staff.getByRole('region', { name: fr(key), exact: true });
    await region('events.invitations.add.cluster').locator('#add-cluster').selectOption('el-jem-mosaic');
    await region('events.invitations.add.cluster')
      .getByRole('button', { name: fr('events.invitations.add.submit'), exact: true })
      .click();
    await expect(staff).toHaveURL(invitations);
    await checkPage(staff);
    await region('events.invitations.add.twins').locator('#add-twins-slug').fill('batna-jewellery');
    await region('events.invitations.add.twins')
      .getByRole('button', { name: fr('events.invitations.add.submit'), exact: true })
      .click();
    await expect(staff).toHaveURL(invitations);
    await checkPage(staff);
    await expect.poll(() => staff.locator('ul[aria-labelledby="balance-countries"] li').count()).toBeGreaterThanOrEqual(3);
    const balance = region('events.invitations.balance.heading');
    await balance.getByLabel(fr('events.invitations.target.label')).fill('100');
    await balance.getByRole('button', { name: fr('events.invitations.target.save'), exact: true }).click();
    // The list's own warning comes first (the add forms' previews warn too).
    await expect(
      staff
        .getByRole('alert')
        .filter({ hasText: fr('events.invitations.balance.warning.label') })
        .first(),
    ).toContainText('100');
    await checkPage(staff);
  });

  await test.step('the member registers in Arabic at 360 px', async () => {
    const member = await openPage({ locale: 'ar', viewport: PHONE });
    await signIn(member, 'ar', MEMBER.email, PASSWORD);
    await member.goto(`/ar/events/${slug}`);
    await checkPage(member);
    await expect(member.locator('html')).toHaveAttribute('dir', 'rtl');
    await member.getByRole('link', { name: ar('events.page.register'), exact: true }).click();
    await expect(member).toHaveURL(`/ar/events/${slug}/register`);
    await checkPage(member);
    await member.getByLabel(ar('events.registration.form.gender')).selectOption('woman');
    await member.getByLabel(ar('events.registration.form.consentListed')).check();
    await member.getByRole('button', { name: ar('events.registration.form.submit') }).click();
    await expect(member).toHaveURL(`/ar/events/${slug}/registration`);
    await expect(member.getByText(ar('events.registration.flash.confirmed'))).toBeVisible();
    await checkPage(member);
  });

  // A second participant, registered over the API; he will vote with the code on his badge.
  const second = await openPage({ locale: 'fr' });
  await signIn(second, 'fr', SECOND, PASSWORD);
  const registered = await second.request.post(`/api/v1/events/${slug}/registrations`, {
    headers: { Origin: e2eBaseUrl() },
    data: { consentListed: false, consentPhotographed: false, locale: 'fr' },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const { checkInCode } = (await registered.json()) as { checkInCode: string };

  await test.step('staff check the member in from the check-in page', async () => {
    // On a phone at the door.
    const door = staff;
    await door.setViewportSize(PHONE);
    await door.goto(`/fr/events/${slug}/check-in`);
    await checkPage(door);
    await expect(door.getByText(fr('events.checkin.counts', { checkedIn: 0, expected: 2 }))).toBeVisible();
    await door.getByLabel(fr('events.checkin.search.label')).fill('مريم');
    const row = door
      .getByRole('region', { name: fr('events.checkin.search.title') })
      .getByRole('listitem')
      .filter({ hasText: MEMBER.name });
    await row.getByRole('button', { name: new RegExp(`^${fr('events.checkin.list.checkIn')}`) }).click();
    await expect(door.getByText(fr('events.checkin.counts', { checkedIn: 1, expected: 2 }))).toBeVisible();
    await checkPage(door);
    await expect
      .poll(async () => ((await (await door.request.get(`/api/v1/events/${slug}/check-ins`)).json()) as { total: number }).total)
      .toBe(1);
    await door.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step('staff capture three challenges and open the voting', async () => {
    await staff.goto(`/fr/events/${slug}/outputs`);
    await checkPage(staff);
    for (const text of challenges) {
      await staff.locator('#challenge-new-theme').selectOption(text === challenges[0] ? THEME.code : 'infrastructure');
      await staff.locator('#challenge-new-description').fill(text);
      await staff.locator('#challenge-new-language').selectOption(/[\u0600-\u06FF]/.test(text) ? 'ar' : 'fr');
      await press(staff, fr('events.outputs.challenges.add'));
      await expect(staff.getByText(fr('events.outputs.flash.challengeAdded'))).toBeVisible();
    }
    await staff.locator('#voting-dots').fill('3');
    await press(staff, fr('events.outputs.voting.open'));
    await expect(staff.getByText(fr('events.outputs.voting.status.open', { dots: 3 }))).toBeVisible();
  });

  await test.step('participants vote from their phones: the member in Arabic, the second with his badge code', async () => {
    const member = await openPage({ locale: 'ar', viewport: PHONE });
    await signIn(member, 'ar', MEMBER.email, PASSWORD);
    await member.goto(`/ar/events/${slug}/vote`);
    await checkPage(member);
    const first = member.getByRole('listitem').filter({ hasText: challenges[0]! });
    for (let i = 0; i < 3; i++) {
      await first.getByRole('button', { name: /إضافة نقطة/ }).click();
      await expect(member.getByText(ar('events.outputs.vote.left', { left: 2 - i, dots: 3 }))).toBeVisible();
    }
    await checkPage(member);

    const phone = await openPage({ locale: 'fr', viewport: PHONE, javaScriptEnabled: false });
    await phone.goto(`/fr/events/${slug}/vote`);
    await checkPage(phone);
    await phone.getByLabel(fr('events.outputs.vote.code'), { exact: true }).fill(checkInCode);
    await press(phone, fr('events.outputs.vote.continue'));
    const mine = phone.getByRole('listitem').filter({ hasText: challenges[0]! });
    for (let i = 0; i < 2; i++) {
      await mine.getByRole('button', { name: /Ajouter une gommette/ }).click();
      await phone.waitForLoadState('load');
    }
    await expect(phone.getByText(fr('events.outputs.vote.left', { left: 1, dots: 3 }))).toBeVisible();
    await checkPage(phone);
  });

  await test.step('staff close the voting; Tunisia’s priorities count the five dots', async () => {
    await staff.goto(`/fr/events/${slug}/outputs`);
    await checkPage(staff);
    await press(staff, fr('events.outputs.voting.close'));
    await expect(staff.getByText(fr('events.outputs.final'))).toBeVisible();
    // Both voters' organisations are outside the gathered clusters: their dots count for the venue's country.
    await expect.poll(() => tunisiaDots(staff), { timeout: 30_000 }).toBe(before + 5);
  });
});

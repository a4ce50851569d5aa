/**
 * Registration in a browser: programme staff create and publish a workshop over the API (their
 * session, two-factor set up first); a member registers in Arabic on a 360 px phone without
 * JavaScript (organisation, gender, consent), sees their confirmed seat with its QR code and the
 * event in "My events"; staff see the registration on the event's registrations page. Axe on
 * every page.
 */
import { registrationStaffAccount } from '../support/accounts.ts';
import { message } from '../support/messages.ts';
import { setUpTwoFactor, signIn } from '../support/sessions.ts';
import { checkPage, e2eBaseUrl, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const ar = (key: string, values?: Record<string, string | number>) => message('ar', key, values);
const MEMBER = { email: 'member@demo.mosaic.localhost', password: 'mosaic-demo-2026', name: 'مريم سعيد (demo)' };

test('a member registers for a workshop in Arabic at 360 px without JavaScript; staff see the registration', async ({ openPage }) => {
  test.setTimeout(360_000);
  const staffAccount = registrationStaffAccount();
  const staff = await openPage({ locale: 'en' });
  await signIn(staff, 'en', staffAccount.email, staffAccount.password);
  await staff.goto('/en/admin/jobs');
  await setUpTwoFactor(staff, 'en', staffAccount.password);

  // The workshop, made and published over the API with the staff session.
  const startsAt = new Date(Date.now() + 20 * 86_400_000);
  const created = await staff.request.post('/api/v1/events', {
    headers: { Origin: e2eBaseUrl() },
    data: {
      type: 'thematic-workshop',
      countryIso2: 'TN',
      title: { fr: 'Atelier design et artisanat', ar: 'ورشة التصميم والحرف' },
      sourceLocale: 'fr',
      timeZone: 'Africa/Tunis',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 7 * 3_600_000).toISOString(),
      capacity: 20,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { slug } = (await created.json()) as { slug: string };
  const published = await staff.request.post(`/api/v1/events/${slug}/publish`, { headers: { Origin: e2eBaseUrl() } });
  expect(published.status(), await published.text()).toBe(200);

  const member = await openPage({ locale: 'ar', viewport: PHONE, javaScriptEnabled: false });
  await signIn(member, 'ar', MEMBER.email, MEMBER.password);
  await member.goto(`/ar/events/${slug}/register`);
  await checkPage(member);
  await expect(member.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(member.getByRole('heading', { level: 1 })).toContainText('ورشة التصميم والحرف');
  await expect(member.getByText(ar('events.registration.seats.left', { count: 20 }))).toBeVisible();
  await member.getByLabel(ar('events.registration.form.gender')).selectOption('woman');
  await member.getByLabel(ar('events.registration.form.consentListed')).check();
  await member.getByRole('button', { name: ar('events.registration.form.submit') }).click();

  await expect(member).toHaveURL(new RegExp(`/ar/events/${slug}/registration$`));
  await checkPage(member);
  await expect(member.getByText(ar('events.registration.flash.confirmed'))).toBeVisible();
  await expect(member.getByText(ar('events.registration.status.confirmed'), { exact: true })).toBeVisible();
  await expect(member.getByRole('img', { name: ar('events.registration.mine.qrTitle') })).toBeVisible();
  await expect(member.getByText(ar('events.registration.mine.listedYes'))).toBeVisible();
  await expect(member.getByText(ar('events.registration.mine.photoNo'))).toBeVisible();
  const ics = await member.request.get(`/ar/events/${slug}/registration.ics`);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  expect(await ics.text()).toContain('TZID=Africa/Tunis');

  // Registering again sends the member to their registration.
  await member.goto(`/ar/events/${slug}/register`);
  await expect(member).toHaveURL(new RegExp(`/ar/events/${slug}/registration$`));
  await checkPage(member);

  await member.goto('/ar/events/mine');
  await checkPage(member);
  await expect(member.getByRole('heading', { level: 1 })).toHaveText(ar('events.registration.myEvents.title'));
  await expect(member.getByRole('link', { name: 'ورشة التصميم والحرف' })).toBeVisible();

  // A member does not reach the staff page.
  const refused = await member.goto(`/ar/events/${slug}/registrations`);
  expect(refused?.status()).toBe(403);
  await checkPage(member);

  await staff.goto(`/en/events/${slug}/registrations`);
  await checkPage(staff);
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText(message('en', 'events.registration.staff.title'));
  const row = staff.getByRole('row').filter({ hasText: MEMBER.email });
  await expect(row).toContainText(message('en', 'events.registration.status.confirmed'));
  await expect(row).toContainText(message('en', 'events.registration.staff.listed'));
});

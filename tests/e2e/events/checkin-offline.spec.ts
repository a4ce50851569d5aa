/**
 * Check-in at the door in a browser: programme staff make and publish a workshop over the API (their
 * session, two-factor set up first), a demo member registers over the API; staff open the check-in
 * page on a 360 px phone with JavaScript, the connection drops, they find the member by name and
 * check her in (shown "waiting to sync"), the connection returns and the server has exactly one
 * check-in; the same queued check-in sent again, and a reload, leave it at one. Axe on every state.
 */
import { checkinStaffAccount } from '../support/accounts.ts';
import { message } from '../support/messages.ts';
import { setUpTwoFactor, signIn } from '../support/sessions.ts';
import { checkPage, e2eBaseUrl, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const en = (key: string, values?: Record<string, string | number>) => message('en', key, values);
const MEMBER = { email: 'member@demo.mosaic.localhost', password: 'mosaic-demo-2026', name: 'مريم سعيد (demo)' };

interface CheckInsPage {
  total: number;
  items: { id: string; name: string; source: string }[];
}

test('staff check a member in while offline; once back online the server has exactly one check-in', async ({ openPage }) => {
  test.setTimeout(360_000);
  const account = checkinStaffAccount();
  const staff = await openPage({ locale: 'en', viewport: PHONE });
  await signIn(staff, 'en', account.email, account.password);
  await staff.goto('/en/admin/jobs');
  await setUpTwoFactor(staff, 'en', account.password);

  const origin = { Origin: e2eBaseUrl() };
  const startsAt = new Date(Date.now() + 2 * 86_400_000);
  const created = await staff.request.post('/api/v1/events', {
    headers: origin,
    data: {
      type: 'thematic-workshop',
      countryIso2: 'TN',
      title: { en: 'Check-in rehearsal', fr: 'Répétition de l’accueil', ar: 'تمرين تسجيل الحضور' },
      sourceLocale: 'en',
      timeZone: 'Africa/Tunis',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 6 * 3_600_000).toISOString(),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { slug } = (await created.json()) as { slug: string };
  const published = await staff.request.post(`/api/v1/events/${slug}/publish`, { headers: origin });
  expect(published.status(), await published.text()).toBe(200);

  const member = await openPage({ locale: 'ar' });
  await signIn(member, 'ar', MEMBER.email, MEMBER.password);
  const registered = await member.request.post(`/api/v1/events/${slug}/registrations`, {
    headers: origin,
    data: { consentListed: true, consentPhotographed: false, locale: 'ar' },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  expect(await registered.json()).toMatchObject({ status: 'confirmed' });

  // Online: the page loads, keeps the list on the device and its files in the service worker's cache.
  await staff.goto(`/en/events/${slug}/check-in`);
  await checkPage(staff);
  await expect(staff.getByText(en('events.checkin.counts', { checkedIn: 0, expected: 1 }))).toBeVisible();
  await expect(staff.getByText(en('events.checkin.sync.online'))).toBeVisible();
  await staff.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(() => staff.evaluate(async () => (await (await caches.open('mosaic-checkin-v1')).keys()).length), { timeout: 30_000 })
    .toBeGreaterThan(0);

  // The venue's connection drops: the member is found by name and checked in on the device.
  await staff.context().setOffline(true);
  await expect(staff.getByText(en('events.checkin.sync.offline'))).toBeVisible();
  await staff.getByLabel(en('events.checkin.search.label')).fill('مريم');
  const found = staff.getByRole('region', { name: en('events.checkin.search.title') });
  const row = found.getByRole('listitem').filter({ hasText: MEMBER.name });
  await row.getByRole('button', { name: new RegExp(`^${en('events.checkin.list.checkIn')}`) }).click();
  await expect(row.getByText(en('events.checkin.state.pending'))).toBeVisible();
  await expect(staff.getByText(en('events.checkin.sync.waiting', { count: 1 }))).toBeVisible();
  await expect(staff.getByText(en('events.checkin.counts', { checkedIn: 1, expected: 1 }))).toBeVisible();
  await checkPage(staff);
  const queued = await staff.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('mosaic-checkin');
        open.onsuccess = () => {
          const request = open.result.transaction('queue').objectStore('queue').getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
  );
  expect(queued).toHaveLength(1);

  // Back online: the queue is sent and cleared.
  await staff.context().setOffline(false);
  await expect(staff.getByText(en('events.checkin.sync.done'))).toBeVisible();
  await expect(row.getByText(en('events.checkin.state.pending'))).toHaveCount(0);
  const after = (await (await staff.request.get(`/api/v1/events/${slug}/check-ins`)).json()) as CheckInsPage;
  expect(after.total).toBe(1);
  expect(after.items[0]).toMatchObject({ name: MEMBER.name, source: 'offline' });

  // The same check-in sent again (a device that missed the answer) changes nothing.
  const resent = await staff.request.post(`/api/v1/events/${slug}/check-ins/sync`, { headers: origin, data: { items: queued } });
  expect(resent.status(), await resent.text()).toBe(200);
  expect(await resent.json()).toMatchObject({ results: [{ status: 'duplicate' }], checkedIn: 1, expected: 1 });

  // A reload syncs again on load: still one, and the member is shown checked in.
  await staff.reload();
  await checkPage(staff);
  await expect(staff.getByText(en('events.checkin.sync.done'))).toBeVisible();
  await expect(staff.getByText(en('events.checkin.counts', { checkedIn: 1, expected: 1 }))).toBeVisible();
  await expect(staff.getByRole('listitem').filter({ hasText: MEMBER.name }).first()).toBeVisible();
  const final = (await (await staff.request.get(`/api/v1/events/${slug}/check-ins`)).json()) as CheckInsPage;
  expect(final.total).toBe(1);

  // The QR code's link opens the page on that person; undoing (a plain form post) leaves no standing check-in.
  const attendees = (await (await staff.request.get(`/api/v1/events/${slug}/attendees`)).json()) as { items: { code: string }[] };
  await staff.goto(`/en/events/${slug}/check-in?code=${attendees.items[0]?.code}`);
  await checkPage(staff);
  await expect(row.getByText(new RegExp(`^${en('events.checkin.state.checkedIn', { time: '' }).trim()}`))).toBeVisible();
  const recent = staff.getByRole('region', { name: en('events.checkin.recent.title') });
  await recent.getByRole('button', { name: new RegExp(`^${en('events.checkin.recent.undo')}`) }).click();
  await expect(staff.getByText(en('events.checkin.result.undone', { name: MEMBER.name }))).toBeVisible();
  await checkPage(staff);
  const undone = (await (await staff.request.get(`/api/v1/events/${slug}/check-ins`)).json()) as CheckInsPage;
  expect(undone.total).toBe(0);
});

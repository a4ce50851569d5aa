/**
 * A thematic workshop from the pages, without JavaScript, at 360 px: the El Jem cluster manager
 * (demo account, no two-factor needed) creates it in French, hosted by their cluster and
 * gathering clusters of three countries, with its start and end typed at the venue's clock in
 * Cairo; adds a session on the agenda (one on a day outside the event is refused, with the reason
 * beside the day); publishes it. It then shows on /ar/events with its Cairo time, its page shows
 * the agenda, and its ICS parses. The manager gets a private calendar address from the calendar
 * page. Every page is axe-checked in Arabic, French and English.
 */
import ICAL from 'ical.js';
import { message } from '../support/messages.ts';
import { signIn } from '../support/sessions.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const MANAGER = { email: 'cluster-manager@demo.mosaic.localhost', password: 'mosaic-demo-2026' };

/** `YYYY-MM-DD`, days from now (UTC). */
function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

test('a cluster manager creates, fills and publishes a thematic workshop in French; it shows on the Arabic calendar', async ({
  openPage,
}) => {
  test.setTimeout(300_000);
  const title = `Atelier thématique mosaïque ${Date.now()}`;
  const first = day(60);
  const second = day(61);
  const manager = await openPage({ locale: 'fr', viewport: PHONE, javaScriptEnabled: false });
  await signIn(manager, 'fr', MANAGER.email, MANAGER.password);

  let eventPath = '';
  await test.step('the new-event form creates a draft gathering clusters of three countries', async () => {
    await manager.goto('/fr/events');
    await checkPage(manager);
    await manager.getByRole('link', { name: message('fr', 'events.new.link'), exact: true }).click();
    await expect(manager).toHaveURL('/fr/events/new');
    await checkPage(manager);
    await manager.locator('#event-type').selectOption('thematic-workshop');
    await manager.locator('#event-host').selectOption('el-jem-mosaic');
    const others = await manager.locator('#event-clusters optgroup').evaluateAll((groups) =>
      groups
        .filter((g) => !g.querySelector('option[value="el-jem-mosaic"]'))
        .map((g) => g.querySelector('option')?.getAttribute('value'))
        .filter(Boolean),
    );
    expect(others.length).toBeGreaterThanOrEqual(2);
    await manager.locator('#event-clusters').selectOption(['el-jem-mosaic', others[0]!, others[1]!]);
    await manager.locator('#event-title-fr').fill(title);
    await manager.locator('#event-description-fr').fill('Les clusters de la mosaïque se retrouvent au Caire.');
    await manager.locator('#event-sourceLocale').selectOption('fr');
    await manager.locator('#event-country').selectOption('EG');
    await manager.locator('#event-city-fr').fill('Le Caire');
    await manager.locator('#event-timeZone').selectOption('Africa/Cairo');
    await manager.locator('#event-startsAt').fill(`${first}T09:00`);
    await manager.locator('#event-endsAt').fill(`${second}T17:00`);
    await manager.locator('#event-capacity').fill('40');
    await manager.getByRole('button', { name: message('fr', 'events.new.submit'), exact: true }).click();
    await expect(manager).toHaveURL(/\/fr\/events\/atelier-thematique-mosaique-\d+-\d{4}-\d{2}-\d{2}$/);
    eventPath = new URL(manager.url()).pathname;
    await expect(manager.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(manager.getByText(message('fr', 'events.status.draft'), { exact: true })).toBeVisible();
    await checkPage(manager);
  });

  await test.step('the agenda refuses a session outside the event days, then takes one', async () => {
    await manager.getByRole('link', { name: message('fr', 'events.tabs.agenda'), exact: true }).click();
    await expect(manager).toHaveURL(`${eventPath}/agenda`);
    await checkPage(manager);
    await manager.locator('#new-title-fr').fill('Ouverture');
    await manager.locator('#new-day').evaluate((input: HTMLInputElement) => input.removeAttribute('max'));
    await manager.locator('#new-day').fill(day(70));
    await manager.locator('#new-from').fill('09:30');
    await manager.locator('#new-to').fill('10:30');
    await manager.getByRole('button', { name: message('fr', 'events.agenda.addSubmit'), exact: true }).click();
    await expect(manager.locator('#new-startsAt-error')).toHaveText(message('fr', 'errors.EVENTS_SESSION_OUTSIDE_EVENT'));
    await checkPage(manager);
    await manager.locator('#new-title-fr').fill('Ouverture');
    await manager.locator('#new-day').fill(first);
    await manager.locator('#new-from').fill('09:30');
    await manager.locator('#new-to').fill('10:30');
    await manager.locator('#new-room').fill('Salle Nil');
    await manager.locator('input[name="languages"][value="ar"]').last().check();
    await manager.locator('input[name="interpretation"][value="fr"]').last().check();
    await manager.locator('#new-speakers').fill('Salma Haddad | Atelier de mosaïque');
    await manager.getByRole('button', { name: message('fr', 'events.agenda.addSubmit'), exact: true }).click();
    await expect(manager.getByText(message('fr', 'events.agenda.added'))).toBeVisible();
    await expect(manager.locator('.event-session__title')).toHaveText(['Ouverture']);
    await checkPage(manager);
  });

  await test.step('publishing puts it on the calendar', async () => {
    await manager.goto(eventPath);
    await checkPage(manager);
    await manager.getByRole('button', { name: message('fr', 'events.page.publish'), exact: true }).click();
    await expect(manager.getByText(message('fr', 'events.page.published'))).toBeVisible();
    await expect(manager.getByText('Salma Haddad')).toBeVisible();
    await checkPage(manager);
  });

  const slug = eventPath.split('/').pop()!;
  await test.step('anyone sees it on /ar/events at 360 px with its Cairo time, and its page in three languages', async () => {
    const visitor = await openPage({ locale: 'ar', viewport: PHONE, javaScriptEnabled: false });
    await visitor.goto('/ar/events');
    await checkPage(visitor);
    const card = visitor.locator('.event-card', { hasText: title });
    await expect(card).toBeVisible();
    await expect(card).toContainText(message('ar', 'events.zone.Africa/Cairo'));
    await expect(card).toContainText(message('ar', 'events.type.thematic-workshop'));
    await expect(visitor.locator('html')).toHaveAttribute('dir', 'rtl');
    for (const locale of ['ar', 'fr', 'en'] as const) {
      await visitor.goto(`/${locale}/events/${slug}`);
      await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(visitor.getByRole('link', { name: message(locale, 'events.page.register'), exact: true })).toBeVisible();
      await checkPage(visitor);
      await visitor.goto(`/${locale}/events`);
      await checkPage(visitor);
    }
    const ics = await visitor.request.get(`/fr/events/${slug}/calendar.ics`);
    expect(ics.status()).toBe(200);
    const root = new ICAL.Component(ICAL.parse(await ics.text()));
    for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const [main, session] = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(main?.summary).toBe(title);
    expect(main?.startDate.hour).toBe(9);
    expect(main?.startDate.toString().slice(0, 10)).toBe(first);
    expect(session?.summary).toBe('Ouverture');
    expect(session?.startDate.hour).toBe(9);
    expect(session?.startDate.minute).toBe(30);
  });

  await test.step('a signed-in person gets a private calendar address from the calendar page', async () => {
    await manager.goto('/fr/events');
    await checkPage(manager);
    await manager.getByRole('button', { name: message('fr', 'events.calendar.personalFeedCreate'), exact: true }).click();
    const address = await manager.getByLabel(message('fr', 'events.calendar.personalFeedUrl'), { exact: true }).inputValue();
    expect(address).toMatch(/\/fr\/events\/feeds\/[A-Za-z0-9_-]{32}\.ics$/);
    await checkPage(manager);
    const feed = await manager.request.get(new URL(address).pathname);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    expect((await manager.request.get('/fr/events/feeds/not-a-token.ics')).status()).toBe(404);
  });

  await test.step('the staff pages pass axe in Arabic and English too', async () => {
    for (const locale of ['ar', 'en'] as const) {
      for (const path of ['events/new', `events/${slug}/edit`, `events/${slug}/agenda`]) {
        await manager.goto(`/${locale}/${path}`);
        await expect(manager.getByRole('heading', { level: 1 })).toBeVisible();
        await checkPage(manager);
      }
    }
  });
});

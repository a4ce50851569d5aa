/**
 * Follow-up and statistics in a browser at 360 px: programme staff (two-factor set up first) make
 * and publish a workshop over the API, then on its French follow-up page record a public decision,
 * a public action already past its due date (the page says "En retard" in words) and a staff-only
 * one, public minutes and a public PDF; a visitor in Arabic without JavaScript sees the public
 * items only and downloads the PDF; staff find the action among the open actions. The event's
 * statistics page and the programme-wide page are axe-clean in Arabic, French and English, and the
 * participant list downloads. Axe on every page.
 */
import { followupStaffAccount } from '../support/accounts.ts';
import { message } from '../support/messages.ts';
import { setUpTwoFactor, signIn } from '../support/sessions.ts';
import { checkPage, e2eBaseUrl, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const fr = (key: string, values?: Record<string, string | number>) => message('fr', key, values);
const ar = (key: string, values?: Record<string, string | number>) => message('ar', key, values);

test('staff keep a workshop’s follow-up and read its statistics at 360 px; visitors see what is public', async ({ openPage }) => {
  test.setTimeout(360_000);
  const account = followupStaffAccount();
  const staff = await openPage({ locale: 'fr', viewport: PHONE });
  await signIn(staff, 'fr', account.email, account.password);
  await staff.goto('/fr/admin/jobs');
  await setUpTwoFactor(staff, 'fr', account.password);

  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  const created = await staff.request.post('/api/v1/events', {
    headers: { Origin: e2eBaseUrl() },
    data: {
      type: 'thematic-workshop',
      countryIso2: 'TN',
      title: { fr: 'Atelier suivi des actions', ar: 'ورشة متابعة المهام' },
      sourceLocale: 'fr',
      timeZone: 'Africa/Tunis',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 6 * 3_600_000).toISOString(),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { slug } = (await created.json()) as { slug: string };
  const published = await staff.request.post(`/api/v1/events/${slug}/publish`, { headers: { Origin: e2eBaseUrl() } });
  expect(published.status(), await published.text()).toBe(200);

  await staff.goto(`/fr/events/${slug}/follow-up`);
  await checkPage(staff);
  await expect(staff.getByRole('heading', { level: 1 })).toContainText('Atelier suivi des actions');

  // A public decision.
  await staff.getByLabel(fr('events.followup.decisions.text'), { exact: true }).fill('Créer un label commun aux trois pays');
  await staff.getByLabel(fr('events.followup.decisions.decidedOn'), { exact: true }).fill('2026-11-20');
  await staff.locator('#decision-public').check();
  await staff.getByRole('button', { name: fr('events.followup.decisions.add') }).click();
  await expect(staff.getByText(fr('events.followup.flash.saved'))).toBeVisible();
  await checkPage(staff);

  // A refused action (no owner): nothing saved, the reason named.
  await staff.getByLabel(fr('events.followup.actions.title'), { exact: true }).fill('Sans responsable');
  await staff.getByLabel(fr('events.followup.actions.ownerEmail'), { exact: true }).fill('nobody@e2e.mosaic.localhost');
  await staff.getByLabel(fr('events.followup.actions.owner'), { exact: true }).fill('Personne');
  await staff.getByRole('button', { name: fr('events.followup.actions.add') }).click();
  await expect(staff.getByRole('alert').filter({ hasText: message('fr', 'errors.EVENTS_FOLLOWUP_OWNER_UNKNOWN') })).toBeVisible();
  await checkPage(staff);

  // A public action already overdue, then a staff-only one.
  for (const [title, owner, due, isPublic] of [
    ['Rédiger la charte du label', 'Sami Trabelsi', '2026-01-15', true],
    ['Réserver la salle suivante', 'Équipe', '', false],
  ] as const) {
    await staff.goto(`/fr/events/${slug}/follow-up`);
    await checkPage(staff);
    await staff.getByLabel(fr('events.followup.actions.title'), { exact: true }).fill(title);
    await staff.getByLabel(fr('events.followup.actions.owner'), { exact: true }).fill(owner);
    if (due) await staff.getByLabel(fr('events.followup.actions.due'), { exact: true }).fill(due);
    if (isPublic) await staff.locator('#action-public').check();
    await staff.getByRole('button', { name: fr('events.followup.actions.add') }).click();
    await expect(staff.getByText(fr('events.followup.flash.saved'))).toBeVisible();
    await checkPage(staff);
  }
  const overdueRow = staff.getByRole('row').filter({ hasText: 'Rédiger la charte du label' });
  await expect(overdueRow.getByText(fr('events.followup.actions.overdue'), { exact: true })).toBeVisible();

  // Public minutes, and a public PDF.
  await staff.getByLabel(fr('events.followup.minutes.body'), { exact: true }).fill('Les participants ont retenu trois défis communs.');
  await staff.locator('#minutes-public').check();
  await staff.getByRole('button', { name: fr('events.followup.minutes.save') }).click();
  await expect(staff.getByText(fr('events.followup.flash.saved'))).toBeVisible();
  await checkPage(staff);
  await staff.getByLabel(fr('events.followup.documents.title'), { exact: true }).fill('Programme de la journée');
  await staff.getByLabel(fr('events.followup.documents.file'), { exact: true }).setInputFiles({
    name: 'programme.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%e2e\n'),
  });
  await staff.locator('#document-public').check();
  await staff.getByRole('button', { name: fr('events.followup.documents.upload') }).click();
  await expect(staff.getByText(fr('events.followup.flash.saved'))).toBeVisible();
  await checkPage(staff);
  await expect(staff.getByRole('link', { name: /Programme de la journée \(PDF/ })).toBeVisible();

  // A visitor in Arabic, without JavaScript: the public items only.
  const visitor = await openPage({ locale: 'ar', viewport: PHONE, javaScriptEnabled: false });
  await visitor.goto(`/ar/events/${slug}/follow-up`);
  await checkPage(visitor);
  await expect(visitor.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(visitor.getByText('Créer un label commun aux trois pays')).toBeVisible();
  await expect(visitor.getByText('Rédiger la charte du label')).toBeVisible();
  await expect(visitor.getByText(ar('events.followup.actions.overdue'), { exact: true })).toBeVisible();
  await expect(visitor.getByText('Réserver la salle suivante')).toHaveCount(0);
  await expect(visitor.getByText('Les participants ont retenu trois défis communs.')).toBeVisible();
  await expect(visitor.getByRole('button', { name: ar('events.followup.decisions.add') })).toHaveCount(0);
  const link = visitor.getByRole('link', { name: /Programme de la journée/ });
  const pdf = await visitor.request.get((await link.getAttribute('href')) ?? '');
  expect(pdf.status()).toBe(200);
  expect(await pdf.text()).toContain('%PDF-1.4');
  const refused = await visitor.goto('/ar/events/actions');
  expect(refused?.url()).toContain('/ar/account/sign-in');
  await checkPage(visitor);

  // Staff: the open actions across events.
  await staff.goto('/fr/events/actions');
  await checkPage(staff);
  const row = staff.getByRole('row').filter({ hasText: 'Rédiger la charte du label' });
  await expect(row.getByText(fr('events.followup.actions.overdue'), { exact: true })).toBeVisible();

  // Statistics: the event's page and the programme-wide one in three languages at 360 px.
  for (const locale of ['ar', 'fr', 'en'] as const) {
    await staff.goto(`/${locale}/events/${slug}/statistics`);
    await checkPage(staff);
    await expect(staff.getByRole('table', { name: message(locale, 'events.statistics.page.funnelCaption') })).toBeVisible();
    await expect(
      staff.getByRole('table', {
        name: message(locale, 'events.statistics.page.breakdownCaption', {
          dimension: message(locale, 'events.statistics.dimension.gender'),
        }),
      }),
    ).toBeVisible();
    await staff.goto(`/${locale}/events/statistics?country=TN`);
    await checkPage(staff);
    await expect(staff.getByRole('link', { name: locale === 'ar' ? 'ورشة متابعة المهام' : 'Atelier suivi des actions' })).toBeVisible();
  }
  const csv = await staff.request.get(`/fr/events/${slug}/participants.csv?list=sharing`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(fr('events.statistics.participants.column.name'));
  const xlsx = await staff.request.get(`/fr/events/${slug}/statistics.xlsx`);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
});

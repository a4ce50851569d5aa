/**
 * The drill-down to the evidence in a browser, at 360 px without JavaScript: on the demo data, the
 * national focal point for Tunisia opens a theme from the board's staff view and finds the board's
 * two figures on the evidence page, the challenges and the answers (paged), without links to the
 * responses; the El Jem cluster manager, in Arabic, opens one of the answers; visitors see no
 * drill-down links and members are refused the page. Axe on every page.
 */
import { message } from '../support/messages.ts';
import { signIn } from '../support/sessions.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const DEMO_PASSWORD = 'mosaic-demo-2026';

test('a focal point drills down from the board to the evidence; the counts match the board', async ({ openPage }) => {
  test.setTimeout(300_000);
  const page = await openPage({ locale: 'en', viewport: PHONE, javaScriptEnabled: false });
  await signIn(page, 'en', 'focal-point@demo.mosaic.localhost', DEMO_PASSWORD);
  await page.goto('/en/needs?scope=country%3ATN');
  await checkPage(page);
  const firstRow = page.locator('.needs-board__table tbody tr').first();
  const respondents = (await firstRow.locator('td').nth(2).textContent())?.trim() ?? '';
  const diagnosed = (await firstRow.locator('td').nth(3).textContent())?.trim() ?? '';
  const link = firstRow.getByRole('link');
  const themeName = (await link.textContent())?.trim() ?? '';
  await link.click();
  await expect(page).toHaveURL(/\/en\/needs\/evidence\?scope=country%3ATN&theme=/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(themeName);
  await expect(page.getByText(message('en', 'needs.evidence.facts', { clusters: diagnosed, respondents }))).toBeVisible();
  await checkPage(page);

  const answers = page.locator('#needs-evidence-answers-caption').locator('xpath=ancestor::table').locator('tbody tr');
  expect(await answers.count()).toBeGreaterThan(0);
  await expect(answers.first()).toContainText(message('en', 'needs.evidence.notYours'));
  await expect(answers.first()).toContainText(message('en', 'needs.evidence.demo'));
  const next = page.getByRole('link', { name: message('en', 'needs.evidence.next') });
  if (Number(respondents.replace(/\D/g, '')) > 50) {
    await next.click();
    await expect(page).toHaveURL(/page=2/);
    await checkPage(page);
    await expect(page.getByRole('link', { name: message('en', 'needs.evidence.previous') })).toBeVisible();
  } else {
    await expect(next).toHaveCount(0);
  }

  // Another country is not theirs.
  const refused = await page.goto('/en/needs/evidence?scope=country%3ADZ&theme=access-to-finance');
  expect(refused?.status()).toBe(403);
  await checkPage(page);
});

test('the cluster manager opens an answer from the Arabic evidence page', async ({ openPage }) => {
  test.setTimeout(300_000);
  const page = await openPage({ locale: 'ar', viewport: PHONE, javaScriptEnabled: false });
  await signIn(page, 'ar', 'cluster-manager@demo.mosaic.localhost', DEMO_PASSWORD);
  await page.goto('/ar/needs?scope=cluster%3Ael-jem-mosaic');
  await checkPage(page);
  await page.locator('.needs-board__table tbody tr').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/ar\/needs\/evidence\?scope=cluster%3Ael-jem-mosaic&theme=/);
  await checkPage(page);
  await page
    .getByRole('link', { name: message('ar', 'needs.evidence.open') })
    .first()
    .click();
  await expect(page).toHaveURL(/\/ar\/forms\/manage\/demo-needs-survey-el-jem-mosaic\/responses\//);
  await checkPage(page);
});

test('visitors get no drill-down links and members are refused the evidence', async ({ openPage }) => {
  test.setTimeout(300_000);
  const visitor = await openPage({ locale: 'fr', viewport: PHONE, javaScriptEnabled: false });
  await visitor.goto('/fr/needs?scope=region');
  await checkPage(visitor);
  await expect(visitor.locator('.needs-board__table tbody tr').first()).toBeVisible();
  await expect(visitor.locator('.needs-board__table tbody a')).toHaveCount(0);

  const member = await openPage({ locale: 'fr', viewport: PHONE, javaScriptEnabled: false });
  await signIn(member, 'fr', 'member@demo.mosaic.localhost', DEMO_PASSWORD);
  const refused = await member.goto('/fr/needs/evidence?scope=region&theme=access-to-finance');
  expect(refused?.status()).toBe(403);
  await checkPage(member);
});

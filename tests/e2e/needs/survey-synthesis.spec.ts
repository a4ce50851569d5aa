/**
 * Issue 4's acceptance journey: a survey built in the UI in three languages, with a condition,
 * answered in Arabic at 360 px with JavaScript off and on, reaches the cluster's synthesis. The
 * demo cluster manager of el-jem-mosaic starts a form from the needs survey template in the
 * builder (French, no JavaScript), adds a condition (comments asked of micro enterprises only) and
 * publishes it; the demo member answers twice in Arabic, once without and once with JavaScript,
 * the condition showing and hiding the question; the manager's board for the cluster then counts
 * both answers. Every page is checked with axe.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { message } from '../support/messages.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const DEMO_PASSWORD = 'mosaic-demo-2026';
const CLUSTER_MANAGER = 'cluster-manager@demo.mosaic.localhost';
const MEMBER = 'member@demo.mosaic.localhost';
const fr = (key: string, values?: Record<string, string | number>) => message('fr', key, values);
const ar = (key: string, values?: Record<string, string | number>) => message('ar', key, values);

async function signIn(page: Page, email: string, locale: 'fr' | 'ar'): Promise<void> {
  await page.goto(`/${locale}/account/sign-in`);
  await checkPage(page);
  await page.getByLabel(message(locale, 'identity.field.email'), { exact: true }).fill(email);
  await page.getByLabel(message(locale, 'identity.field.password'), { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: message(locale, 'identity.signIn.submit'), exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  await checkPage(page);
}

async function press(page: Page, name: string, scope = 'main'): Promise<void> {
  await page.locator(scope).getByRole('button', { name, exact: true }).click();
  await page.waitForLoadState('load');
  await checkPage(page);
}

/** The board's count of respondents naming "access to finance" for el-jem-mosaic (0 when the theme is not ranked). */
async function financeRespondents(manager: Page): Promise<number> {
  await manager.goto('/fr/needs?scope=cluster%3Ael-jem-mosaic');
  await checkPage(manager);
  await expect(manager.locator('.needs-board__note')).toContainText(fr('needs.board.staffNote', { time: '' }).split(' ')[0]!);
  // The ranking's row (the board's other tables name the theme too).
  const row = manager.locator('[aria-labelledby="needs-board-table-caption"]').getByRole('row', { name: /Accès au financement/ });
  if ((await row.count()) === 0) return 0;
  return Number(((await row.locator('td').nth(2).textContent()) ?? '').replace(/\D/g, ''));
}

async function answer(member: Page, code: string, size: 'micro' | 'small'): Promise<void> {
  await member.goto(`/ar/forms/${code}`);
  await checkPage(member);
  await member.getByRole('button', { name: ar('forms.answer.intro.start'), exact: true }).click();
  await member.waitForLoadState('load');
  await checkPage(member);
  await member.locator(`#fq-respondent-gender--${size === 'micro' ? 'woman' : 'man'}`).check();
  await member.locator(`#fq-organisation-size--${size}`).check();
  await press(member, ar('forms.answer.page.next'));
  await member.locator('#fq-challenges--access-to-finance').check();
  await member.locator('#fq-challenges--markets-and-buyers').check();
  await press(member, ar('forms.answer.page.next'));
  // The severity page shows once a theme is chosen: only finance is rated.
  await member.locator('#fq-challenge-severity\\.access-to-finance--4').check();
  await press(member, ar('forms.answer.page.next'));
  // The builder's condition: comments are asked of micro enterprises only.
  if (size === 'micro') {
    await expect(member.locator('#fq-comments')).toBeVisible();
    await member.locator('#fq-comments').fill('نحتاج إلى قروض صغيرة بشروط ميسرة');
  } else {
    await expect(member.locator('#fq-comments')).toHaveCount(0);
  }
  await member.locator('#fq-training-needs\\.export--online').check();
  await press(member, ar('forms.answer.page.toReview'));
  await expect(member.getByRole('heading', { level: 1 })).toHaveText(ar('forms.answer.review.title'));
  await press(member, ar('forms.answer.review.submit'));
  await expect(member.getByRole('heading', { level: 1 })).toHaveText(ar('forms.answer.thanks.title'));
}

test('a needs survey built in the builder, with a condition, answered in Arabic without and with JavaScript, reaches the cluster synthesis', async ({
  openPage,
}) => {
  test.setTimeout(900_000);
  const code = `e2e-needs-${randomBytes(3).toString('hex')}`;
  const manager = await openPage({ locale: 'fr', viewport: PHONE, javaScriptEnabled: false });
  let before = 0;

  await test.step('the cluster manager starts a needs survey from the template, in three languages', async () => {
    await signIn(manager, CLUSTER_MANAGER, 'fr');
    before = await financeRespondents(manager);
    await manager.goto('/fr/forms/manage');
    await checkPage(manager);
    for (const [language, text] of [
      ['ar', 'احتياجات مجموعة الجم'],
      ['fr', 'Besoins du cluster d’El Jem'],
      ['en', 'El Jem cluster needs'],
    ] as const) {
      await manager.locator(`#new-form-title-text-${language}`).fill(text);
    }
    await manager.locator('#new-form-code').fill(code);
    await manager.getByLabel(fr('forms.builder.new.startNeedsSurvey')).check();
    await press(manager, fr('forms.builder.new.submit'), 'form.form');
    await expect(manager).toHaveURL(`/fr/forms/manage/${code}`);
    await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Besoins du cluster d’El Jem');
  });

  await test.step('adds a condition: comments only from micro enterprises, then publishes', async () => {
    await manager.locator('#q-comments-condition-test').selectOption('organisation-size::equals');
    await manager.locator('#q-comments-condition-option').selectOption('organisation-size::micro');
    await press(manager, fr('forms.builder.condition.set'), '#q-comments');
    await expect(manager.locator('#q-comments')).toContainText(fr('forms.builder.op.equals'));
    await press(manager, fr('forms.builder.publish.submit', { version: 1 }), '#publish');
    await expect(manager.locator('main')).toContainText(fr('forms.builder.editor.allPublished', { version: 1, next: 2 }));
  });

  await test.step('the member answers in Arabic at 360 px without JavaScript (a micro enterprise: asked for comments)', async () => {
    const member = await openPage({ locale: 'ar', viewport: PHONE, javaScriptEnabled: false });
    await signIn(member, MEMBER, 'ar');
    await answer(member, code, 'micro');
  });

  await test.step('and again with JavaScript (a small enterprise: not asked)', async () => {
    const member = await openPage({ locale: 'ar', viewport: PHONE, javaScriptEnabled: true });
    await signIn(member, MEMBER, 'ar');
    await answer(member, code, 'small');
  });

  await test.step("the cluster's synthesis counts both answers", async () => {
    expect(await financeRespondents(manager)).toBe(before + 2);
  });
});

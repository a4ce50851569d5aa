/**
 * The form builder without JavaScript, at 360 px, in French: the demo cluster manager of
 * el-jem-mosaic creates a form with two pages titled in Arabic, French and English, a single
 * choice on page 1 and a question on page 2 shown only for one of its options; publishing is
 * refused while the choice has no option (the problem listed), then succeeds; a later edit opens
 * version 2 and the page says what it changes (a breaking change once an option is added). A
 * member gets 403 on the list and on the editor. Every page is checked with axe.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { message } from '../support/messages.ts';
import { checkPage, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const DEMO_PASSWORD = 'mosaic-demo-2026';
const CLUSTER_MANAGER = 'cluster-manager@demo.mosaic.localhost';
const MEMBER = 'member@demo.mosaic.localhost';

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/fr/account/sign-in');
  await checkPage(page);
  await page.getByLabel(message('fr', 'identity.field.email'), { exact: true }).fill(email);
  await page.getByLabel(message('fr', 'identity.field.password'), { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: message('fr', 'identity.signIn.submit'), exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  await checkPage(page);
}

/** Fills `<prefix>-ar`, `-fr`, `-en`. */
async function fillTexts(page: Page, prefix: string, texts: { ar: string; fr: string; en: string }): Promise<void> {
  for (const language of ['ar', 'fr', 'en'] as const) await page.locator(`#${prefix}-${language}`).fill(texts[language]);
}

async function submit(page: Page, scope: string, name: string): Promise<void> {
  await page.locator(scope).getByRole('button', { name, exact: true }).click();
  await page.waitForLoadState('load');
  await checkPage(page);
}

test('a cluster manager builds, publishes and revises a trilingual form with a condition, without JavaScript; a member is refused', async ({
  openPage,
}) => {
  test.setTimeout(900_000);
  const code = `e2e-builder-${randomBytes(3).toString('hex')}`;
  const editor = `/fr/forms/manage/${code}`;
  const page = await openPage({ locale: 'fr', viewport: PHONE, javaScriptEnabled: false });
  const t = (key: string, values?: Record<string, string | number>) => message('fr', key, values);

  await test.step('the manager creates the form from the list of forms they manage', async () => {
    await signIn(page, CLUSTER_MANAGER);
    await page.goto('/fr/forms/manage');
    await checkPage(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('forms.builder.list.title'));
    await fillTexts(page, 'new-form-title-text', { ar: 'استبيان الاحتياجات', fr: 'Enquête sur les besoins', en: 'Needs survey' });
    await page.locator('#new-form-code').fill(code);
    await expect(page.locator('#new-form-scope option')).toHaveCount(1);
    await submit(page, 'form.form', t('forms.builder.new.submit'));
    await expect(page).toHaveURL(editor);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enquête sur les besoins');
    await expect(page.locator('#publish')).toContainText(t('errors.FORMS_DEFINITION_NO_PAGES'));
  });

  await test.step('two pages titled in three languages', async () => {
    await fillTexts(page, 'page-new-title', { ar: 'عن مؤسستك', fr: 'Votre entreprise', en: 'About your business' });
    await submit(page, 'main', t('forms.builder.page.addSubmit'));
    await fillTexts(page, 'page-new-title', { ar: 'التكوين', fr: 'Formation', en: 'Training' });
    await submit(page, 'main', t('forms.builder.page.addSubmit'));
    await expect(page.locator('#p-about-your-business h2')).toHaveText(
      `${t('forms.builder.page.heading', { number: 1 })}: Votre entreprise`,
    );
    await expect(page.locator('#p-training h2')).toHaveText(`${t('forms.builder.page.heading', { number: 2 })}: Formation`);
    await expect(page.locator('#p-about-your-business-title-ar')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('#p-about-your-business-title-ar')).toHaveValue('عن مؤسستك');
  });

  await test.step('a single choice on page 1: publishing is refused while it has no option', async () => {
    const section = '#s-about-your-business-section';
    await page.locator(`${section} select[name=type]`).last().selectOption('single-choice');
    await fillTexts(page, 's-about-your-business-section-new-label', {
      ar: 'حجم المؤسسة',
      fr: 'Taille de l’entreprise',
      en: 'Size of the business',
    });
    await submit(page, section, t('forms.builder.question.addSubmit'));
    await expect(page.locator('#q-size-of-the-business')).toContainText(t('errors.FORMS_DEFINITION_NO_OPTIONS'));
    await submit(page, '#publish', t('forms.builder.publish.submit', { version: 1 }));
    await expect(page.getByRole('alert').first()).toContainText(t('errors.FORMS_DEFINITION_HAS_PROBLEMS'));
    await expect(page.locator('#publish')).toContainText(t('errors.FORMS_DEFINITION_NO_OPTIONS'));

    const options = '#q-size-of-the-business';
    await fillTexts(page, 'q-size-of-the-business-options-new-label', { ar: 'صغيرة جدًا', fr: 'Micro', en: 'Micro' });
    await submit(page, options, t('forms.builder.items.add.options'));
    await fillTexts(page, 'q-size-of-the-business-options-new-label', { ar: 'صغيرة', fr: 'Petite', en: 'Small' });
    await submit(page, options, t('forms.builder.items.add.options'));
    await expect(page.locator('#q-size-of-the-business-options-micro-code')).toHaveValue('micro');
    await expect(page.locator('#q-size-of-the-business-options-small-code')).toHaveValue('small');
  });

  await test.step('a question on page 2, shown only for micro businesses', async () => {
    const section = '#s-training-section';
    await page.locator(`${section} select[name=type]`).last().selectOption('long-text');
    await fillTexts(page, 's-training-section-new-label', {
      ar: 'احتياجاتك من التكوين',
      fr: 'Vos besoins de formation',
      en: 'Training needs',
    });
    await submit(page, section, t('forms.builder.question.addSubmit'));
    const question = '#q-training-needs';
    // A rule that is not a number is refused beside its field, keeping what was typed.
    await page.locator(`${question}-label-fr`).fill('Vos besoins de formation, en détail');
    await page.locator(`${question}-rule-maxLength`).fill('dix');
    await submit(page, question, t('forms.builder.action.saveQuestion'));
    await expect(page.locator(`${question} .form-error`)).toHaveText(t('errors.FORMS_BUILDER_INVALID'));
    await expect(page.locator(`${question}-rule-maxLength`)).toHaveValue('dix');
    await expect(page.locator(`${question}-rule-maxLength`)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`${question}-rule-maxLength-error`)).toHaveText(t('errors.FORMS_BUILDER_NOT_A_NUMBER'));
    await expect(page.locator(`${question}-label-fr`)).toHaveValue('Vos besoins de formation, en détail');
    await page.locator(`${question}-label-fr`).fill('Vos besoins de formation');
    await page.locator(`${question}-rule-maxLength`).fill('2000');
    await submit(page, question, t('forms.builder.action.saveQuestion'));
    await expect(page.locator(`${question}-rule-maxLength`)).toHaveValue('2000');
    // Only questions of earlier pages are offered, with the tests of their type.
    await expect(page.locator(`${question}-condition-test option`)).toHaveCount(4);
    await page.locator(`${question}-condition-test`).selectOption('size-of-the-business::equals');
    await page.locator(`${question}-condition-option`).selectOption('size-of-the-business::micro');
    await submit(page, question, t('forms.builder.condition.set'));
    await expect(page.locator(question)).toContainText(
      t('forms.builder.condition.current', { question: 'Taille de l’entreprise', test: t('forms.builder.op.equals'), value: 'Micro' }),
    );
    // Page 1's question has no earlier page to read from.
    await expect(page.locator('#q-size-of-the-business')).toContainText(t('forms.builder.condition.noSources'));
    await expect(page.locator('#publish')).toContainText(t('forms.builder.publish.ready'));
  });

  await test.step('the manager previews page 2 and publishes version 1', async () => {
    await page
      .locator('#p-training')
      .getByRole('link', { name: t('forms.builder.page.preview') })
      .click();
    await checkPage(page);
    await expect(page.locator('#preview')).toContainText('Vos besoins de formation');
    await expect(page.locator('#preview')).toContainText(t('forms.builder.preview.conditional'));
    await submit(page, '#publish', t('forms.builder.publish.submit', { version: 1 }));
    await expect(page.locator('.flash')).toContainText(t('forms.builder.flash.published'));
    await expect(page.locator('main')).toContainText(t('forms.builder.editor.allPublished', { version: 1, next: 2 }));
    await expect(page.locator('#q-size-of-the-business-code')).toHaveAttribute('readonly', '');
  });

  await test.step('editing opens version 2, whose changes are shown before publishing', async () => {
    await page.locator('#q-size-of-the-business-label-fr').fill('Taille de votre entreprise');
    await submit(page, '#q-size-of-the-business', t('forms.builder.action.saveQuestion'));
    await expect(page.locator('main')).toContainText(t('forms.builder.editor.draft', { version: 2 }));
    const wording = t('forms.builder.diff.changed', {
      question: 'Taille de votre entreprise',
      severity: t('forms.builder.diff.severity.wording'),
      changes: t('forms.builder.diff.change.label'),
    });
    await expect(page.locator('#diff')).toContainText(wording);
    await expect(page.locator('#diff')).toContainText(t('forms.builder.diff.compatible'));

    await fillTexts(page, 'q-size-of-the-business-options-new-label', { ar: 'كبيرة', fr: 'Grande', en: 'Large' });
    await submit(page, '#q-size-of-the-business', t('forms.builder.items.add.options'));
    await expect(page.locator('#diff')).toContainText(t('forms.builder.diff.breaking'));
    await expect(page.locator('#diff')).toContainText(t('forms.builder.diff.change.options-added'));
    await submit(page, '#publish', t('forms.builder.publish.submit', { version: 2 }));
    await expect(page.locator('main')).toContainText(t('forms.builder.editor.allPublished', { version: 2, next: 3 }));
  });

  await test.step('the editor in Arabic (right to left) and English', async () => {
    for (const locale of ['ar', 'en'] as const) {
      await page.goto(`/${locale}/forms/manage/${code}`);
      await checkPage(page);
      await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'ar' ? 'استبيان الاحتياجات' : 'Needs survey');
      await expect(page.locator('#q-training-needs')).toContainText(
        message(locale, 'forms.builder.condition.current', {
          question: locale === 'ar' ? 'حجم المؤسسة' : 'Size of the business',
          test: message(locale, 'forms.builder.op.equals'),
          value: locale === 'ar' ? 'صغيرة جدًا' : 'Micro',
        }),
      );
    }
  });

  await test.step('the list shows the form with its published version', async () => {
    await page.goto('/fr/forms/manage');
    await checkPage(page);
    await expect(page.locator('.builder-list')).toContainText('Enquête sur les besoins');
    await expect(page.locator('.builder-list')).toContainText(t('forms.builder.list.published', { version: 2 }));
  });

  await test.step('a member is refused the list and the editor', async () => {
    const member = await openPage({ locale: 'fr', viewport: PHONE, javaScriptEnabled: false });
    await signIn(member, MEMBER);
    for (const path of ['/fr/forms/manage', editor]) {
      const response = await member.goto(path);
      expect(response?.status(), path).toBe(403);
      await checkPage(member);
    }
    const origin = new URL(member.url()).origin;
    const posted = await member.request.post(editor, { form: { intent: 'page.add', 'title.fr': 'Intrus' }, headers: { Origin: origin } });
    expect(posted.status()).toBe(403);
    await page.goto(editor);
    await checkPage(page);
    await expect(page.locator('main')).not.toContainText('Intrus');
    await expect(page.locator('main')).toContainText(t('forms.builder.editor.allPublished', { version: 2, next: 3 }));
  });
});

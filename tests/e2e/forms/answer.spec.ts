/**
 * Answering a published form in a browser, in Arabic on a 360 px phone, without JavaScript and
 * with it. A cluster manager publishes a three-page form through the API (a page and a question
 * shown only for some answers on page 1); the demo member answers it: refused answers come back
 * translated beside their fields and store nothing, Arabic-Indic digits are read, the condition
 * hides and shows its question, "previous" keeps the answers, the review lists them, and the
 * response is submitted. Every page is checked with axe and for sideways scrolling.
 */
import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { message } from '../support/messages.ts';
import { checkPage, e2eBaseUrl, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const DEMO_PASSWORD = 'mosaic-demo-2026';
const MEMBER = { email: 'member@demo.mosaic.localhost', password: DEMO_PASSWORD };
const CLUSTER_MANAGER = { email: 'cluster-manager@demo.mosaic.localhost', password: DEMO_PASSWORD };
/** Assisted entry needs users.act_as: the demo platform admin, which no other journey uses (it sets up its two-factor here). */
const ADMIN = { email: 'admin@demo.mosaic.localhost', password: DEMO_PASSWORD };
const MEMBER_NAME = 'مريم سعيد (demo)';

const t3 = (ar: string, fr: string, en: string) => ({ ar, fr, en });

/** Three pages: the third shows from 10 employees on; the export question only for medium-sized organisations. */
function definition(code: string) {
  return {
    code,
    title: t3('استبيان احتياجات المجموعة', 'Enquête sur les besoins du cluster', 'Cluster needs survey'),
    description: t3('بضع دقائق تكفي.', 'Quelques minutes suffisent.', 'A few minutes are enough.'),
    pages: [
      {
        code: 'about',
        title: t3('مؤسستك', 'Votre organisation', 'Your organisation'),
        sections: [
          {
            code: 'organisation',
            questions: [
              {
                code: 'org-size',
                type: 'single-choice',
                label: t3('حجم المؤسسة', 'Taille de l’organisation', 'Size of the organisation'),
                required: true,
                options: [
                  { code: 'micro', label: t3('صغيرة جدًا', 'Micro', 'Micro') },
                  { code: 'medium', label: t3('متوسطة', 'Moyenne', 'Medium') },
                ],
              },
              {
                code: 'employees',
                type: 'number',
                label: t3('عدد العاملين', 'Nombre de salariés', 'Number of employees'),
                required: true,
                integer: true,
                min: 0,
                max: 10000,
              },
              {
                code: 'activities',
                type: 'multiple-choice',
                label: t3('الأنشطة', 'Activités', 'Activities'),
                options: [
                  { code: 'weaving', label: t3('النسيج', 'Tissage', 'Weaving') },
                  { code: 'pottery', label: t3('الفخار', 'Poterie', 'Pottery') },
                ],
                other: { label: t3('نشاط آخر', 'Autre activité', 'Another activity') },
              },
            ],
          },
        ],
      },
      {
        code: 'needs',
        title: t3('احتياجاتك', 'Vos besoins', 'Your needs'),
        sections: [
          {
            code: 'needs',
            questions: [
              {
                code: 'export-plans',
                type: 'long-text',
                label: t3('خطط التصدير', 'Projets d’export', 'Export plans'),
                showIf: { op: 'equals', question: 'org-size', value: 'medium' },
              },
              {
                code: 'priorities',
                type: 'ranking',
                label: t3('أولويات التدريب', 'Priorités de formation', 'Training priorities'),
                required: true,
                maxRanked: 2,
                options: [
                  { code: 'design', label: t3('التصميم', 'Design', 'Design') },
                  { code: 'marketing', label: t3('التسويق', 'Marketing', 'Marketing') },
                  { code: 'export', label: t3('التصدير', 'Export', 'Export') },
                ],
              },
              {
                code: 'formats',
                type: 'matrix',
                label: t3('صيغ التدريب المفضلة', 'Formats de formation préférés', 'Preferred training formats'),
                required: true,
                rows: [
                  { code: 'design', label: t3('التصميم', 'Design', 'Design') },
                  { code: 'marketing', label: t3('التسويق', 'Marketing', 'Marketing') },
                ],
                columns: [
                  { code: 'online', label: t3('عن بعد', 'En ligne', 'Online') },
                  { code: 'workshop', label: t3('ورشة', 'Atelier', 'Workshop') },
                ],
              },
              {
                code: 'satisfaction',
                type: 'scale',
                label: t3('الرضا عن الدعم الحالي', 'Satisfaction du soutien actuel', 'Satisfaction with current support'),
                min: 1,
                max: 5,
                minLabel: t3('غير راضٍ', 'Pas satisfait', 'Not satisfied'),
                maxLabel: t3('راضٍ جدًا', 'Très satisfait', 'Very satisfied'),
              },
            ],
          },
        ],
      },
      {
        code: 'details',
        title: t3('تفاصيل', 'Détails', 'Details'),
        showIf: { op: 'gte', question: 'employees', value: 10 },
        sections: [
          {
            code: 'details',
            questions: [
              { code: 'founded', type: 'date', label: t3('تاريخ التأسيس', 'Date de création', 'Founded on'), min: '1900-01-01' },
              {
                code: 'report',
                type: 'file',
                label: t3('التقرير السنوي', 'Rapport annuel', 'Annual report'),
                accept: ['application/pdf'],
                maxBytes: 1_000_000,
              },
            ],
          },
        ],
      },
    ],
  };
}

async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/ar/account/sign-in');
  await checkPage(page);
  await page.getByLabel(message('ar', 'identity.field.email'), { exact: true }).fill(account.email);
  await page.getByLabel(message('ar', 'identity.field.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: message('ar', 'identity.signIn.submit'), exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  await checkPage(page);
}

/** The cluster manager publishes the form through the API (the session cookie, with the Origin the CSRF check wants). */
async function publishForm(manager: Page, code: string): Promise<void> {
  const headers = { Origin: e2eBaseUrl() };
  const created = await manager.request.post('/api/v1/forms', {
    headers,
    data: { code, title: definition(code).title, scope: { type: 'cluster', id: 'el-jem-mosaic' }, definition: definition(code) },
  });
  expect(created.status(), await created.text()).toBe(201);
  const published = await manager.request.post(`/api/v1/forms/${code}/publish`, { headers });
  expect(published.status(), await published.text()).toBe(200);
}

const ar = (key: string, values?: Record<string, string | number>) => message('ar', key, values);
const arabicDigits = (n: number) => new Intl.NumberFormat('ar').format(n);
const progress = (current: number, total: number) =>
  ar('forms.answer.page.progress', { current: arabicDigits(current), total: arabicDigits(total) });

async function next(page: Page, label = ar('forms.answer.page.next')): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.waitForLoadState('load');
}

async function answerInArabic(member: Page, code: string): Promise<void> {
  await test.step('the introduction names the form and starts it', async () => {
    await member.goto(`/ar/forms/${code}`);
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('استبيان احتياجات المجموعة');
    await expect(member.locator('html')).toHaveAttribute('dir', 'rtl');
    await checkPage(member);
    await member.getByRole('button', { name: ar('forms.answer.intro.start'), exact: true }).click();
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('مؤسستك');
    // Without answers the third page (from 10 employees on) is not counted.
    await expect(member.getByText(progress(1, 2), { exact: true })).toBeVisible();
    await checkPage(member);
  });

  await test.step('missing and unreadable answers are refused beside their fields, and nothing is stored', async () => {
    await next(member);
    const summary = member.getByRole('alert');
    await expect(summary).toContainText(ar('errors.FORMS_ANSWERS_INVALID'));
    await expect(member.locator('#fq-employees')).toHaveAttribute('aria-invalid', 'true');
    await expect(member.locator('#fq-employees-error')).toHaveText(ar('errors.FORMS_ANSWER_REQUIRED'));
    await expect(member.locator('#fq-org-size-error')).toHaveText(ar('errors.FORMS_ANSWER_REQUIRED'));
    // The summary links to the first radio of the choice, which can take the focus.
    await expect(summary.getByRole('link', { name: /حجم المؤسسة/ })).toHaveAttribute('href', '#fq-org-size--micro');
    // The summary takes the focus (autofocus without JavaScript), so a screen reader reads it first.
    await expect(summary).toBeFocused();
    await checkPage(member);

    await member.getByLabel('صغيرة جدًا', { exact: true }).check();
    await member.locator('#fq-employees').fill('اثنا عشر');
    await next(member);
    await expect(member.locator('#fq-employees-error')).toHaveText(ar('errors.FORMS_ANSWER_NOT_A_NUMBER'));
    // What was typed and chosen comes back.
    await expect(member.locator('#fq-employees')).toHaveValue('اثنا عشر');
    await expect(member.getByLabel('صغيرة جدًا', { exact: true })).toBeChecked();
    await checkPage(member);

    // Nothing was stored: the introduction still offers to start, not to continue.
    await member.goto(`/ar/forms/${code}`);
    await expect(member.getByRole('button', { name: ar('forms.answer.intro.start'), exact: true })).toBeVisible();
    await checkPage(member);
    await member.getByRole('button', { name: ar('forms.answer.intro.start'), exact: true }).click();
    await checkPage(member);
  });

  await test.step('Arabic-Indic digits are read; the condition hides the export question for a micro organisation', async () => {
    await member.getByLabel('صغيرة جدًا', { exact: true }).check();
    await member.locator('#fq-employees').fill('١٢');
    await member.getByLabel('نشاط آخر', { exact: true }).check();
    await member.getByLabel(ar('forms.answer.other'), { exact: true }).fill('الزليج');
    await next(member);
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('احتياجاتك');
    // Twelve employees: the third page now counts.
    await expect(member.getByText(progress(2, 3), { exact: true })).toBeVisible();
    await expect(member.getByLabel('خطط التصدير')).toHaveCount(0);
    await checkPage(member);
  });

  await test.step('"previous" keeps the answers; a medium organisation sees the export question', async () => {
    await next(member, ar('forms.answer.page.previous'));
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('مؤسستك');
    await expect(member.locator('#fq-employees')).toHaveValue('12');
    await expect(member.getByLabel('صغيرة جدًا', { exact: true })).toBeChecked();
    await expect(member.getByLabel(ar('forms.answer.other'), { exact: true })).toHaveValue('الزليج');
    await checkPage(member);
    await member.getByLabel('متوسطة', { exact: true }).check();
    await next(member);
    await expect(member.getByLabel('خطط التصدير')).toBeVisible();
    await checkPage(member);
  });

  await test.step('a ranking with the same rank twice and a matrix row left out are refused', async () => {
    await member.getByLabel('خطط التصدير').fill('أسواق أوروبا');
    await member.locator('#fq-priorities\\.design').selectOption('1');
    await member.locator('#fq-priorities\\.export').selectOption('1');
    await member.locator('#fq-formats\\.design--workshop').check();
    await next(member);
    await expect(member.locator('#fq-priorities\\.export-error')).toHaveText(ar('errors.FORMS_ANSWER_RANK_DUPLICATE'));
    await checkPage(member);
    await member.locator('#fq-priorities\\.export').selectOption('2');
    await next(member);
    await expect(member.locator('#fq-formats\\.marketing-error')).toHaveText(ar('errors.FORMS_ANSWER_ROW_REQUIRED'));
    await expect(member.locator('#fq-formats\\.design--workshop')).toBeChecked();
    await checkPage(member);
    await member.locator('#fq-formats\\.marketing--online').check();
    await member.locator('#fq-satisfaction--4').check();
    await next(member);
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('تفاصيل');
    await expect(member.getByText(progress(3, 3), { exact: true })).toBeVisible();
    await checkPage(member);
  });

  await test.step('a file of a refused type is refused; a date and a PDF are accepted, then the review lists everything', async () => {
    await member.locator('#fq-founded').fill('2015-04-20');
    await member.locator('#fq-report').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('notes') });
    await next(member, ar('forms.answer.page.toReview'));
    await expect(member.locator('#fq-report-error')).toHaveText(ar('errors.FORMS_FILE_TYPE_REFUSED', { types: 'application/pdf' }));
    await checkPage(member);
    await member
      .locator('#fq-report')
      .setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
    await next(member, ar('forms.answer.page.toReview'));
    await expect(member.getByRole('heading', { level: 1 })).toHaveText(ar('forms.answer.review.title'));
    const review = member.locator('main');
    for (const text of ['متوسطة', 'الزليج', 'أسواق أوروبا', 'التصميم: ورشة', 'التسويق: عن بعد', 'report.pdf']) {
      await expect(review.getByText(text, { exact: true })).toBeVisible();
    }
    await checkPage(member);
  });

  await test.step('the response is submitted; the introduction then offers a new start', async () => {
    await member.getByRole('button', { name: ar('forms.answer.review.submit'), exact: true }).click();
    await expect(member.getByRole('heading', { level: 1 })).toHaveText(ar('forms.answer.thanks.title'));
    await checkPage(member);
    await member.goto(`/ar/forms/${code}`);
    await expect(member.getByRole('button', { name: ar('forms.answer.intro.start'), exact: true })).toBeVisible();
    await checkPage(member);
  });
}

for (const javaScriptEnabled of [false, true]) {
  test(`a member answers a form in Arabic at 360 px with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({ openPage }) => {
    test.setTimeout(360_000);
    const code = `answer-e2e-${javaScriptEnabled ? 'js' : 'nojs'}-${Date.now().toString(36)}`;
    const manager = await openPage({ locale: 'ar' });
    await signIn(manager, CLUSTER_MANAGER);
    await publishForm(manager, code);

    const member = await openPage({ locale: 'ar', viewport: PHONE, javaScriptEnabled });
    await signIn(member, MEMBER);
    await answerInArabic(member, code);
  });
}

test('a signed-out visitor is sent to sign in and comes back to the form', async ({ openPage }) => {
  const visitor = await openPage({ locale: 'ar', viewport: PHONE, javaScriptEnabled: false });
  await visitor.goto('/ar/forms/any-form');
  await expect(visitor).toHaveURL(/\/ar\/account\/sign-in\?.*forms%2Fany-form/);
  await checkPage(visitor);
});

function totpCode(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

/** A staff account needs two-factor before its staff grants count: set it up (the secret read as text). */
async function signInStaff(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/fr/admin');
  await checkPage(page);
  await page.getByLabel(message('fr', 'identity.field.email'), { exact: true }).fill(account.email);
  await page.getByLabel(message('fr', 'identity.field.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: message('fr', 'identity.signIn.submit'), exact: true }).click();
  await expect(page).toHaveURL(/\/fr\/account\/two-factor\?required=1/);
  await checkPage(page);
  await page.getByLabel(message('fr', 'identity.field.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: message('fr', 'identity.twoFactor.start.submit'), exact: true }).click();
  const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s+/g, '');
  await checkPage(page);
  await page.getByLabel(message('fr', 'identity.field.appCode'), { exact: true }).fill(totpCode(secret));
  await page.getByRole('button', { name: message('fr', 'identity.twoFactor.confirm.submit'), exact: true }).click();
  await expect(page.getByRole('link', { name: message('fr', 'identity.twoFactor.codes.continue'), exact: true })).toBeVisible();
  await checkPage(page);
}

test('staff enter answers for a member (assisted entry), named on every page, and the member is not bothered with it', async ({
  openPage,
}) => {
  test.setTimeout(360_000);
  const code = `answer-e2e-assisted-${Date.now().toString(36)}`;
  const manager = await openPage({ locale: 'fr' });
  await signIn(manager, CLUSTER_MANAGER);
  await publishForm(manager, code);

  const member = await openPage({ locale: 'ar', viewport: PHONE });
  await signIn(member, MEMBER);
  const session = await member.request.get('/api/auth/get-session');
  const memberId = ((await session.json()) as { user: { id: string } }).user.id;

  const staff = await openPage({ locale: 'fr' });
  await signInStaff(staff, ADMIN);
  const fr = (key: string, values?: Record<string, string | number>) => message('fr', key, values);
  const notice = fr('forms.answer.assisted', { name: MEMBER_NAME });

  await staff.goto(`/fr/forms/${code}?for=${encodeURIComponent(memberId)}`);
  await expect(staff.getByText(notice, { exact: true })).toBeVisible();
  await checkPage(staff);
  await staff.getByRole('button', { name: fr('forms.answer.intro.start'), exact: true }).click();
  await expect(staff.getByText(notice, { exact: true })).toBeVisible();
  await checkPage(staff);
  await staff.getByLabel('Micro', { exact: true }).check();
  await staff.locator('#fq-employees').fill('3');
  // Saved for later: the introduction says so and continues on the next page, still for the member.
  await staff.getByRole('button', { name: fr('forms.answer.page.saveForLater'), exact: true }).click();
  await expect(staff.getByRole('status').filter({ hasText: fr('forms.answer.flash.saved') })).toBeVisible();
  await expect(staff.getByText(fr('forms.answer.intro.draftKept'))).toBeVisible();
  await expect(staff.getByText(notice, { exact: true })).toBeVisible();
  await checkPage(staff);
  await staff.getByRole('button', { name: fr('forms.answer.intro.continue'), exact: true }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Vos besoins');
  // Three employees: no third page, so this one leads to the review.
  await expect(staff.getByText(fr('forms.answer.page.progress', { current: '2', total: '2' }), { exact: true })).toBeVisible();
  await expect(staff.getByText(notice, { exact: true })).toBeVisible();
  await checkPage(staff);

  // Skipping to the review and submitting is refused: the missing answers are listed with a link to their page.
  const responseId = new URL(staff.url()).pathname.split('/')[5];
  await staff.goto(`/fr/forms/${code}/review/${responseId}`);
  await checkPage(staff);
  await staff.getByRole('button', { name: fr('forms.answer.review.submit'), exact: true }).click();
  const refusal = staff.getByRole('alert');
  await expect(refusal).toContainText(fr('forms.answer.review.refused'));
  await expect(refusal).toContainText(fr('errors.FORMS_ANSWER_REQUIRED'));
  await checkPage(staff);
  await refusal.getByRole('link', { name: /Priorités de formation/ }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Vos besoins');
  await checkPage(staff);

  // The draft entered for the member is the staff member's to continue, not the member's own.
  await member.goto(`/ar/forms/${code}`);
  await expect(member.getByRole('button', { name: ar('forms.answer.intro.start'), exact: true })).toBeVisible();
  await expect(member.getByText(ar('forms.answer.intro.draftKept'))).toHaveCount(0);
  await checkPage(member);

  await staff.locator('#fq-priorities\\.marketing').selectOption('1');
  await staff.locator('#fq-priorities\\.design').selectOption('2');
  await staff.locator('#fq-formats\\.design--online').check();
  await staff.locator('#fq-formats\\.marketing--workshop').check();
  await staff.getByRole('button', { name: fr('forms.answer.page.toReview'), exact: true }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText(fr('forms.answer.review.title'));
  await expect(staff.getByText(notice, { exact: true })).toBeVisible();
  await checkPage(staff);
  await staff.getByRole('button', { name: fr('forms.answer.review.submit'), exact: true }).click();
  await expect(staff.getByText(fr('forms.answer.thanks.assisted'), { exact: true })).toBeVisible();
  await checkPage(staff);
});

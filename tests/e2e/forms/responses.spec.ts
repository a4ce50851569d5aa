/**
 * A form's responses for its manager, in Arabic on a 360 px phone without JavaScript: the demo
 * member answers version 1 of a form, the cluster manager publishes version 2 (a question
 * reworded, one removed), the member answers again; the manager lists both responses, filters by
 * version, reads the old response with its original questions, and downloads the XLSX (headers
 * in Arabic, the stable codes, each version's labels, right-to-left). A member is refused the page.
 */
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { message } from '../support/messages.ts';
import { checkPage, e2eBaseUrl, expect, test } from '../support/test.ts';

const PHONE = { width: 360, height: 800 };
const DEMO_PASSWORD = 'mosaic-demo-2026';
const MEMBER = { email: 'member@demo.mosaic.localhost', password: DEMO_PASSWORD };
const CLUSTER_MANAGER = { email: 'cluster-manager@demo.mosaic.localhost', password: DEMO_PASSWORD };
const MEMBER_NAME = 'مريم سعيد (demo)';

const t3 = (ar: string, fr: string, en: string) => ({ ar, fr, en });
const ar = (key: string, values?: Record<string, string | number>) => message('ar', key, values);

function version1(code: string) {
  return {
    code,
    title: t3('متابعة ورشات الزليج', 'Suivi des ateliers de zellige', 'Zellige workshops follow-up'),
    pages: [
      {
        code: 'about',
        sections: [
          {
            code: 'org',
            questions: [
              { code: 'org-name', type: 'short-text', label: t3('اسم الورشة', 'Nom de l’atelier', 'Workshop name'), required: true },
              {
                code: 'employees',
                type: 'number',
                label: t3('عدد العاملين', 'Nombre de salariés', 'Number of employees'),
                integer: true,
                min: 0,
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Version 2: the name question reworded, the head count removed. */
function version2(code: string) {
  const v2 = version1(code);
  const questions = v2.pages[0]?.sections[0]?.questions ?? [];
  questions.splice(1, 1);
  if (questions[0]) questions[0].label = t3('الاسم التجاري', 'Nom commercial', 'Trading name');
  return v2;
}

async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/ar/account/sign-in');
  await checkPage(page);
  await page.getByLabel(ar('identity.field.email'), { exact: true }).fill(account.email);
  await page.getByLabel(ar('identity.field.password'), { exact: true }).fill(account.password);
  await page.getByRole('button', { name: ar('identity.signIn.submit'), exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  await checkPage(page);
}

/** Calls the API with the page's session cookie and the Origin the CSRF check wants; returns the JSON body. */
async function api(page: Page, method: 'post' | 'put', path: string, data?: unknown): Promise<Record<string, unknown>> {
  const response = await page.request[method](path, { headers: { Origin: e2eBaseUrl() }, data });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

test('a cluster manager reads responses of two versions at 360 px without JavaScript and downloads the XLSX', async ({ openPage }) => {
  test.setTimeout(240_000);
  const code = `responses-e2e-${Date.now().toString(36)}`;
  const manager = await openPage({ locale: 'ar', viewport: PHONE, javaScriptEnabled: false });
  await signIn(manager, CLUSTER_MANAGER);
  const member = await openPage({ locale: 'ar', viewport: PHONE });
  await signIn(member, MEMBER);

  await test.step('answers under version 1, then version 2 is published and answered', async () => {
    await api(manager, 'post', '/api/v1/forms', {
      code,
      title: version1(code).title,
      scope: { type: 'cluster', id: 'el-jem-mosaic' },
      definition: version1(code),
    });
    await api(manager, 'post', `/api/v1/forms/${code}/publish`);
    const first = await api(member, 'post', `/api/v1/forms/${code}/responses`, {
      page: 'about',
      locale: 'ar',
      fields: { 'org-name': 'ورشة الزليج', employees: '١٢' },
    });
    const id = (first.response as { id: string }).id;
    await api(member, 'post', `/api/v1/forms/responses/${id}/submit`);
    await api(manager, 'put', `/api/v1/forms/${code}/draft`, version2(code));
    await api(manager, 'post', `/api/v1/forms/${code}/publish`);
    await api(member, 'post', `/api/v1/forms/${code}/responses`, { page: 'about', locale: 'ar', fields: { 'org-name': 'دار النخلة' } });
  });

  const list = `/ar/forms/manage/${code}/responses`;
  await test.step('the list shows both responses, newest first, and filters by version', async () => {
    await manager.goto(list);
    await expect(manager.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(manager.getByRole('heading', { level: 1 })).toContainText('متابعة ورشات الزليج');
    const rows = manager.locator('table tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(ar('forms.responses.status.draft'));
    await expect(rows.nth(1)).toContainText(ar('forms.responses.status.submitted'));
    await expect(rows.nth(0).getByRole('link')).toHaveText(MEMBER_NAME);
    await checkPage(manager);

    await manager.getByLabel(ar('forms.responses.filter.version'), { exact: true }).selectOption('1');
    await manager.getByRole('button', { name: ar('forms.responses.filter.apply'), exact: true }).click();
    await expect(manager).toHaveURL(/version=1/);
    await expect(rows).toHaveCount(1);
    await expect(rows.nth(0)).toContainText(ar('forms.responses.status.submitted'));
    await checkPage(manager);
  });

  await test.step('the old response reads with its original questions, the removed one included', async () => {
    await manager.locator('table tbody tr').nth(0).getByRole('link').click();
    await expect(manager.getByRole('heading', { level: 1 })).toHaveText(ar('forms.responses.detail.heading', { name: MEMBER_NAME }));
    await expect(manager.getByText(ar('forms.responses.detail.version', { version: 1 }))).toBeVisible();
    const answers = manager.locator('dl.responses-answers');
    await expect(answers.locator('dt')).toHaveText(['اسم الورشة', 'عدد العاملين']);
    await expect(answers.locator('dd')).toHaveText(['ورشة الزليج', new Intl.NumberFormat('ar').format(12)]);
    await checkPage(manager);
  });

  await test.step('the XLSX has every response, Arabic headers, the codes and each version’s labels', async () => {
    await manager.goto(list);
    await checkPage(manager);
    const href = await manager.getByRole('link', { name: ar('forms.responses.download.all'), exact: true }).getAttribute('href');
    const file = await manager.request.get(href ?? '');
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await file.body()).buffer);
    const [responses, questions] = workbook.worksheets;
    if (!responses || !questions) throw new Error('two sheets expected');
    expect(responses.views[0]?.rightToLeft).toBe(true);
    const codes = (responses.getRow(2).values as unknown[]).slice(1);
    expect(codes.slice(-2)).toEqual(['org-name', 'employees']);
    expect((responses.getRow(1).values as unknown[]).slice(-2)).toEqual(['الاسم التجاري', 'عدد العاملين']);
    expect(responses.rowCount).toBe(4);
    const labels = (questions.getRow(2).values as unknown[]).slice(-2);
    expect(labels).toEqual(['اسم الورشة', 'الاسم التجاري']);
  });

  await test.step('a member is refused the responses page', async () => {
    const refused = await member.goto(list);
    expect(refused?.status()).toBe(403);
    await checkPage(member);
    const download = await member.request.get(`${list}.xlsx`);
    expect(download.status()).toBe(403);
  });
});

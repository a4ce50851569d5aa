/** Forms over the API: building, publishing, answering, refusals as problems, managers' lists and the XLSX export. */
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, TEST_ORIGIN, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { auditLog, formResponse, user } from '#app/shared/db/schema.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { needsSurvey } from './form.fixture.ts';
import type { FormDefinition } from './forms.contracts.ts';

interface Problem {
  status: number;
  code: string;
  title: string;
  errors?: { field: string; code: string; message: string }[];
}

/** Version 2 of the survey: the name reworded, the head count removed (the evidence page no longer reads it). */
function version2(): FormDefinition {
  const copy = structuredClone(needsSurvey);
  const organisation = copy.pages[0]?.sections[0];
  if (!organisation) throw new Error('fixture changed');
  organisation.questions = organisation.questions
    .filter((q) => q.code !== 'employees')
    .map((q) => (q.code === 'org-name' ? { ...q, label: { en: 'Trading name', fr: 'Nom commercial', ar: 'الاسم التجاري' } } : q));
  const evidence = copy.pages.find((p) => p.code === 'evidence');
  if (evidence) evidence.showIf = { op: 'notEquals', question: 'org-size', value: 'micro' };
  return copy;
}

describe('forms API', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  let app: TestApp;
  let managerToken: string;
  let otherManagerToken: string;
  let memberToken: string;
  let member2Token: string;

  async function tokenFor(name: string, role?: { key: string; scopeId: string | null; scopeType: 'global' | 'cluster' }) {
    const person = await createPerson({ name });
    await db().update(user).set({ twoFactorEnabled: true }).where(eq(user.id, person.userId));
    if (role) await assignRole(system, { userId: person.userId, role: role.key, scopeType: role.scopeType, scopeId: role.scopeId });
    return (await issueToken(person)).token;
  }

  const responseCount = async () => (await db().select({ n: count() }).from(formResponse))[0]?.n ?? 0;
  const auditCount = async () => (await db().select({ n: count() }).from(auditLog))[0]?.n ?? 0;

  beforeAll(async () => {
    await seedRoles(db());
    app = createTestApp();
    managerToken = await tokenFor('Manager El Jem', { key: 'cluster_manager', scopeType: 'cluster', scopeId: 'el-jem-mosaic' });
    otherManagerToken = await tokenFor('Manager Batna', { key: 'cluster_manager', scopeType: 'cluster', scopeId: 'batna-jewellery' });
    memberToken = await tokenFor('Amina Haddad', { key: 'member', scopeType: 'global', scopeId: null });
    member2Token = await tokenFor('Karim Ben Salah', { key: 'member', scopeType: 'global', scopeId: null });
  });

  it('lets a cluster manager create, draft and publish a form; members read the published version', async () => {
    const created = await apiRequest(app, '/api/v1/forms', {
      method: 'POST',
      token: managerToken,
      json: { code: 'needs-survey', title: needsSurvey.title, scope: { type: 'cluster', id: 'el-jem-mosaic' } },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      form: { code: 'needs-survey', scope: { type: 'cluster', id: 'el-jem-mosaic' } },
      draft: { version: 1, publishedAt: null },
      problems: [{ code: 'FORMS_DEFINITION_NO_PAGES' }],
    });

    const notYet = await apiRequest(app, '/api/v1/forms/needs-survey/publish', { method: 'POST', token: managerToken });
    expect(notYet.status).toBe(422);
    const saved = await apiRequest(app, '/api/v1/forms/needs-survey/draft', { method: 'PUT', token: managerToken, json: needsSurvey });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ draft: { version: 1 }, problems: [] });
    const published = await apiRequest(app, '/api/v1/forms/needs-survey/publish', { method: 'POST', token: managerToken });
    expect(published.status).toBe(200);
    expect((await published.json()) as { publishedAt: string }).toMatchObject({ version: 1, publishedAt: expect.any(String) });

    const read = await apiRequest(app, '/api/v1/forms/needs-survey', { token: memberToken });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { version: { definition: FormDefinition } }).version.definition).toEqual(needsSurvey);
    const v1 = await apiRequest(app, '/api/v1/forms/needs-survey/versions/1', { token: memberToken });
    expect(v1.status).toBe(200);
    expect((await apiRequest(app, '/api/v1/forms/needs-survey/versions/9', { token: memberToken })).status).toBe(404);
    expect((await apiRequest(app, '/api/v1/forms/needs-survey', { token: otherManagerToken })).status).toBe(403);
  });

  it('answers 401 to anonymous callers and 403 to those who do not manage the form, changing nothing', async () => {
    const before = { audit: await auditCount(), responses: await responseCount() };
    const managerOnly = [
      {
        path: '/api/v1/forms',
        method: 'POST',
        json: { code: 'x-form', title: { en: 'X' }, scope: { type: 'cluster', id: 'el-jem-mosaic' } },
      },
      { path: '/api/v1/forms/needs-survey/draft', method: 'PUT', json: needsSurvey },
      { path: '/api/v1/forms/needs-survey/publish', method: 'POST' },
      { path: '/api/v1/forms/needs-survey/responses', method: 'GET' },
      { path: '/api/v1/forms/needs-survey/responses.xlsx', method: 'GET' },
    ];
    for (const { path, ...call } of managerOnly) {
      const anonymousCall = await apiRequest(app, path, { ...call, headers: { Origin: TEST_ORIGIN } });
      expect(anonymousCall.status, path).toBe(401);
      for (const token of [memberToken, otherManagerToken]) {
        const refused = await apiRequest(app, path, { ...call, token });
        expect(refused.status, path).toBe(403);
        const text = await refused.text();
        expect(text).toContain('COMMON_FORBIDDEN');
        expect(text).not.toContain('Atelier');
      }
    }
    expect((await apiRequest(app, '/api/v1/forms', { token: memberToken })).status).toBe(403);
    for (const path of ['/api/v1/forms', '/api/v1/forms/needs-survey', '/api/v1/forms/needs-survey/versions/1']) {
      expect((await apiRequest(app, path)).status).toBe(401);
    }
    expect(await auditCount()).toBe(before.audit);
    expect(await responseCount()).toBe(before.responses);
  });

  it('refuses bad answers with 400, each field and its code, translated, and stores nothing', async () => {
    const before = await responseCount();
    const page = (fields: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      apiRequest(app, '/api/v1/forms/needs-survey/responses', {
        method: 'POST',
        token: memberToken,
        json: { page: 'about', locale: 'fr', fields, ...extra },
        headers: { 'Accept-Language': 'fr' },
      });
    const refused = await page({ 'org-name': '', 'org-size': 'huge', employees: 'douze' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await refused.json()) as Problem;
    expect(problem.code).toBe('FORMS_ANSWERS_INVALID');
    expect(problem.errors?.map(({ field, code }) => ({ field, code }))).toEqual(
      expect.arrayContaining([
        { field: 'org-name', code: 'FORMS_ANSWER_REQUIRED' },
        { field: 'org-size', code: 'FORMS_ANSWER_NOT_AN_OPTION' },
        { field: 'employees', code: 'FORMS_ANSWER_NOT_A_NUMBER' },
      ]),
    );
    for (const error of problem.errors ?? []) expect(error.message).not.toMatch(/^FORMS_/);
    expect(await responseCount()).toBe(before);

    // A file question given text (wrong type) and an oversized file, on the evidence page of a fresh response.
    const started = await page({ 'org-name': 'Atelier Zellige', 'org-size': 'small', employees: '12' });
    expect(started.status).toBe(200);
    const { response } = (await started.json()) as { response: { id: string; answers: Record<string, unknown> } };
    expect(response.answers).toEqual({ 'org-name': 'Atelier Zellige', 'org-size': 'small', employees: 12 });
    const attempts: [unknown, string][] = [
      ['report.pdf', 'FORMS_ANSWER_WRONG_TYPE'],
      [{ name: 'report.pdf', type: 'application/pdf', size: 5_000_000 }, 'FORMS_FILE_TOO_LARGE'],
    ];
    for (const [report, code] of attempts) {
      const bad = await apiRequest(app, '/api/v1/forms/needs-survey/responses', {
        method: 'POST',
        token: memberToken,
        json: { responseId: response.id, page: 'evidence', fields: { report } },
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as Problem).errors?.map((e) => [e.field, e.code])).toEqual([['report', code]]);
    }
    const [stored] = await db().select().from(formResponse).where(eq(formResponse.id, response.id));
    expect(stored?.answers).toEqual(response.answers);
    // Typed answers (JSON) are checked as they are: a string for a number is the wrong type; a key that is not a question of the page is refused.
    const typed = await apiRequest(app, '/api/v1/forms/needs-survey/responses', {
      method: 'POST',
      token: memberToken,
      json: { page: 'about', answers: { 'org-name': 'Atelier', 'org-size': 'huge', employees: 'twelve', 'loan-amount': 5 } },
    });
    expect(typed.status).toBe(400);
    expect(((await typed.json()) as Problem).errors?.map((e) => [e.field, e.code]).sort()).toEqual([
      ['employees', 'FORMS_ANSWER_WRONG_TYPE'],
      ['loan-amount', 'FORMS_ANSWER_UNKNOWN_QUESTION'],
      ['org-size', 'FORMS_ANSWER_NOT_AN_OPTION'],
    ]);
    const both = await page({ 'org-name': 'Atelier' }, { answers: { 'org-name': 'Atelier' } });
    expect(both.status).toBe(400);
    expect(((await both.json()) as Problem).errors?.map((e) => e.field)).toEqual(['fields']);
    // A body of the wrong shape is refused before any service runs.
    const malformed = await page({ 'org-name': 42 });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Problem).code).toBe('COMMON_VALIDATION_FAILED');
    expect(await responseCount()).toBe(before + 1);
  });

  it('answers page by page, submits, reads the response with its version; a second version keeps old answers readable', async () => {
    const save = (token: string, json: Record<string, unknown>) =>
      apiRequest(app, '/api/v1/forms/needs-survey/responses', { method: 'POST', token, json: { locale: 'en', ...json } });
    const first = await save(member2Token, { page: 'about', fields: { 'org-name': 'Dar Nakhla', 'org-size': 'micro', employees: '3' } });
    const { response, nextPage } = (await first.json()) as { response: { id: string }; nextPage: string };
    expect(nextPage).toBe('challenges');
    // The same page as typed answers.
    const typed = await save(member2Token, { responseId: response.id, page: 'challenges', answers: { challenges: ['markets'] } });
    expect(typed.status).toBe(200);
    expect(((await typed.json()) as { response: { answers: Record<string, unknown> } }).response.answers).toMatchObject({
      challenges: ['markets'],
    });
    const last = await save(member2Token, {
      responseId: response.id,
      page: 'training',
      fields: { 'formats.design': 'online', 'formats.marketing': 'workshop' },
    });
    expect(((await last.json()) as { nextPage: string | null }).nextPage).toBeNull();
    const submitted = await apiRequest(app, `/api/v1/forms/responses/${response.id}/submit`, { method: 'POST', token: member2Token });
    expect(submitted.status).toBe(200);
    expect(await submitted.json()).toMatchObject({ status: 'submitted', version: 1, submittedAt: expect.any(String) });
    const again = await apiRequest(app, `/api/v1/forms/responses/${response.id}/submit`, { method: 'POST', token: member2Token });
    expect(again.status).toBe(409);
    expect((await apiRequest(app, `/api/v1/forms/responses/${response.id}`, { token: memberToken })).status).toBe(404);

    const v2 = await apiRequest(app, '/api/v1/forms/needs-survey/draft', { method: 'PUT', token: managerToken, json: version2() });
    expect(((await v2.json()) as { draft: { version: number } }).draft.version).toBe(2);
    expect((await apiRequest(app, '/api/v1/forms/needs-survey/publish', { method: 'POST', token: managerToken })).status).toBe(200);

    const read = await apiRequest(app, `/api/v1/forms/responses/${response.id}`, { token: managerToken });
    const body = (await read.json()) as {
      response: { answers: Record<string, unknown> };
      version: { version: number; definition: FormDefinition };
    };
    expect(body.version.version).toBe(1);
    expect(body.response.answers).toMatchObject({ 'org-name': 'Dar Nakhla', employees: 3 });
    expect(JSON.stringify(body.version.definition)).toContain('"employees"');

    const versions = await apiRequest(app, '/api/v1/forms/needs-survey/versions', { token: managerToken });
    expect(((await versions.json()) as { items: { version: number }[] }).items.map((v) => v.version)).toEqual([1, 2]);
  });

  it('lists responses a page at a time and exports them all to XLSX with both versions’ questions', async () => {
    const forms = await apiRequest(app, '/api/v1/forms', { token: managerToken });
    expect(await forms.json()).toMatchObject({
      items: [{ code: 'needs-survey', publishedVersion: 2, responses: { draft: 1, submitted: 1 } }],
    });

    const first = await apiRequest(app, '/api/v1/forms/needs-survey/responses?limit=1', { token: managerToken });
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as { items: { id: string; respondent: { name: string } }[]; nextCursor: string };
    expect(page1.items).toHaveLength(1);
    const second = await apiRequest(app, `/api/v1/forms/needs-survey/responses?limit=1&cursor=${page1.nextCursor}`, {
      token: managerToken,
    });
    const page2 = (await second.json()) as { items: { id: string; respondent: { name: string } }[]; nextCursor: string | null };
    expect(page2.nextCursor).toBeNull();
    expect([...page1.items, ...page2.items].map((r) => r.respondent.name)).toEqual(['Karim Ben Salah', 'Amina Haddad']);
    expect((await apiRequest(app, '/api/v1/forms/needs-survey/responses?limit=1000', { token: managerToken })).status).toBe(400);

    const file = await apiRequest(app, '/api/v1/forms/needs-survey/responses.xlsx?locale=fr', { token: managerToken });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="needs-survey-responses-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const [responses, questions] = workbook.worksheets;
    if (!responses || !questions) throw new Error('two sheets expected');
    const codes = (responses.getRow(2).values as unknown[]).slice(1);
    expect(codes).toEqual(expect.arrayContaining(['org-name', 'employees', 'challenges.markets']));
    const header = (responses.getRow(1).values as unknown[]).slice(1);
    expect(header[codes.indexOf('org-name')]).toBe('Nom commercial');
    const employees = (questions.getRow(codes.indexOf('employees') - 7 + 2).values as unknown[]).slice(1);
    expect(employees).toEqual(['employees', 'employees', undefined, 'number', 'Salariés']);
  });

  it('describes every operation in the OpenAPI document, whose references all resolve', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toMatch(/^3\.1\./);
    const methods = (path: string) => Object.keys(document.paths[path] ?? {}).sort();
    expect(methods('/forms')).toEqual(['get', 'post']);
    expect(methods('/forms/{code}')).toEqual(['get']);
    expect(methods('/forms/{code}/versions')).toEqual(['get']);
    expect(methods('/forms/{code}/versions/{version}')).toEqual(['get']);
    expect(methods('/forms/{code}/draft')).toEqual(['put']);
    expect(methods('/forms/{code}/publish')).toEqual(['post']);
    expect(methods('/forms/{code}/responses')).toEqual(['get', 'post']);
    expect(methods('/forms/{code}/responses.xlsx')).toEqual(['get']);
    expect(methods('/forms/responses/{id}')).toEqual(['get']);
    expect(methods('/forms/responses/{id}/submit')).toEqual(['post']);
    expect(document.paths['/forms/{code}/responses']?.post?.responses).toHaveProperty('400');
    for (const id of ['FormDefinition', 'FormVersion', 'FormResponse', 'FormResponseSummary', 'FormSummary', 'FormPageAnswers'])
      expect(document.components.schemas, id).toHaveProperty(id);

    // Every operation id is unique and every $ref points at a schema the document defines.
    const operationIds = Object.values(document.paths).flatMap((operations) => Object.values(operations).map((o) => o.operationId));
    expect(new Set(operationIds).size).toBe(operationIds.length);
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1] as string);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
      expect(section && name && (document.components as Record<string, Record<string, unknown>>)[section]?.[name], ref).toBeTruthy();
    }
  });
});

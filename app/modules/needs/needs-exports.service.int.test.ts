/**
 * The synthesis's exports from stored answers (issue 4, item 6): the XLSX workbook (every table,
 * Arabic right-to-left, opens in LibreOffice), the PDF brief (its title in the text pdftotext
 * extracts, in Arabic and French), open data; a group of two never appears in the public files,
 * staff with needs.read get it.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveResponsePage, submitResponse } from '#app/modules/forms/index.ts';
import { seedRoles } from '#app/modules/identity/index.ts';
import { anonymous, type UserActor } from '#app/shared/auth/actor.ts';
import { queryRows } from '#app/shared/db/client.server.ts';
import { isAppError } from '#app/shared/errors.ts';
import { PDFTOTEXT, pdfText } from '#app/shared/pdf/pdf-text.ts';
import { SOFFICE_MISSING, xlsxToCsvWithLibreOffice } from '#app/shared/xlsx/libreoffice.testing.ts';
import { insertCluster } from '#tests/factories/directory.ts';
import { insertUserWithRole } from '#tests/factories/users.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { seedChallengeThemes } from './needs.service.server.ts';
import { exportSynthesisBrief, exportSynthesisWorkbook, getNeedsOpenData, getSynthesisTables } from './needs-exports.service.server.ts';
import { openDataCsv } from './needs-exports-open-data.ts';
import { createNeedsSurvey } from './needs-survey.service.server.ts';
import { NEEDS_SURVEY_QUESTIONS as Q } from './needs-survey.ts';

/** Every count of people shown that is above zero and under the minimum of five. */
function visibleCountsUnderFive(value: unknown, at = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  if ('suppressed' in value && 'value' in value) {
    const count = (value as { value: number | null }).value;
    return count !== null && count > 0 && count < 5 ? [`${at}=${count}`] : [];
  }
  return Object.entries(value).flatMap(([key, inner]) => visibleCountsUnderFive(inner, `${at}.${key}`));
}

/** The count sheets' numbers: every cell of the sheets after the cover and the priorities' scores. */
async function workbookOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('needs synthesis exports', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let staff: UserActor;
  let focalPointMA: UserActor;

  const person = (role: string, scopeType: 'global' | 'country' = 'global', scopeId: string | null = null) =>
    insertUserWithRole(db(), `Person ${role}`, { key: role, scopeType, scopeId });

  async function answer(
    member: UserActor,
    form: string,
    a: { gender: string; size: string; challenges: string[]; training: Record<string, string> },
  ) {
    const fields = (entries: [string, string][]) => entries;
    let { response } = await saveResponsePage(member, form, {
      page: 'about',
      fields: fields([
        [Q.gender, a.gender],
        [Q.size, a.size],
      ]),
      locale: 'fr',
    });
    ({ response } = await saveResponsePage(member, form, {
      responseId: response.id,
      page: 'challenges',
      fields: fields(a.challenges.map((theme) => [Q.challenges, theme])),
      locale: 'fr',
    }));
    ({ response } = await saveResponsePage(member, form, { responseId: response.id, page: 'severity', fields: [], locale: 'fr' }));
    ({ response } = await saveResponsePage(member, form, {
      responseId: response.id,
      page: 'support',
      fields: fields(Object.entries(a.training).map(([topic, format]) => [`${Q.training}.${topic}`, format])),
      locale: 'fr',
    }));
    await submitResponse(member, response.id);
  }

  beforeAll(async () => {
    await seedRoles(db());
    await seedChallengeThemes(db());
    await insertCluster(db(), { slug: 'sfax-weavers', countryIso2: 'TN', subsectorCode: 'fashion' });
    staff = await person('programme_staff');
    focalPointMA = await person('national_focal_point', 'country', 'MA');
    await createNeedsSurvey(staff, { code: 'needs-sfax', scope: { type: 'cluster', id: 'sfax-weavers' } });
    // Seven respondents: two women (the small group) and five men, all naming finance; the two
    // women ask for product design in a workshop, the five men for export online.
    const answers = [
      ...Array.from({ length: 2 }, () => ({ gender: 'woman', size: 'micro', training: { 'product-design': 'workshop' } })),
      ...Array.from({ length: 5 }, () => ({ gender: 'man', size: 'small', training: { export: 'online' } })),
    ];
    for (const a of answers) await answer(await person('member'), 'needs-sfax', { ...a, challenges: ['access-to-finance'] });
  }, 120_000);

  it('gives the public a workbook of every table in Arabic, right-to-left, where the group of two never appears', async () => {
    const file = await exportSynthesisWorkbook(anonymous, { scope: 'country:TN', locale: 'ar' });
    expect(file.audience).toBe('public');
    expect(file.fileName).toMatch(/^needs-priorities-country-tn-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = await workbookOf(file.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'حول الملف',
      'الأولويات',
      'المجيبون حسب النوع الاجتماعي',
      'المجيبون حسب الحجم',
      'التحديات المشتركة',
      'الاحتياجات التكوينية',
      'التكوين حسب النوع الاجتماعي',
      'التكوين حسب الحجم',
    ]);
    for (const sheet of workbook.worksheets) expect(sheet.views[0]?.rightToLeft).toBe(true);
    const cover = rowsOf(workbook.worksheets[0]!);
    expect(cover[0]![0]).toBe('أولويات الاحتياجات في تونس');
    expect(cover.flat()).toEqual(expect.arrayContaining(['country:TN', '0012.1', 5]));
    // Counts of people (after the cover and the ranking's columns of scores) are 0, 5 or more, or hidden.
    for (const sheet of workbook.worksheets.slice(2)) {
      for (const row of rowsOf(sheet).slice(1)) {
        for (const cell of row)
          if (typeof cell === 'number') expect(cell === 0 || cell >= 5, `${sheet.name}: ${row.join(' | ')}`).toBe(true);
      }
    }
    const trainingByGender = rowsOf(workbook.worksheets[6]!);
    const workshop = trainingByGender.find((row) => row[2] === 'product-design/workshop')!;
    expect(workshop[0]).toBe('التصميم وتطوير المنتجات');
    expect(workshop[3]).toBe('مخفي');
    // The ranking: finance first, named by seven (shown), score components beside it.
    const priorities = rowsOf(workbook.worksheets[1]!);
    expect(priorities[1]!.slice(0, 3)).toEqual([1, 'الوصول إلى التمويل', 'access-to-finance']);
    expect(priorities[1]![12]).toBe(7);
    expect(priorities[0]).toHaveLength(13);
  });

  it('gives staff with needs.read every count and the survey components, and audits it', async () => {
    const file = await exportSynthesisWorkbook(staff, { scope: 'country:TN', locale: 'fr' });
    expect(file.audience).toBe('staff');
    const workbook = await workbookOf(file.body);
    expect(workbook.worksheets[0]!.views[0]?.rightToLeft).toBe(false);
    const workshop = rowsOf(workbook.worksheets[6]!).find((row) => row[2] === 'product-design/workshop')!;
    expect(workshop.slice(0, 4)).toEqual(['Design et développement de produits', 'Atelier en présentiel', 'product-design/workshop', 2]);
    const priorities = rowsOf(workbook.worksheets[1]!);
    expect(priorities[0]).toHaveLength(15);
    expect(priorities[1]![13]).toBe(1);
    const audit = await queryRows<{ subject_id: string; data: { format: string } }>(
      db(),
      sql`SELECT subject_id, data FROM audit_log WHERE action = 'needs.synthesis.export'`,
    );
    expect(audit).toEqual([{ subject_id: 'country:TN', data: { format: 'xlsx', locale: 'fr' } }]);
    // A focal point of another country reads Tunisia's public figures.
    expect((await exportSynthesisWorkbook(focalPointMA, { scope: 'country:TN', locale: 'en' })).audience).toBe('public');
  });

  it('writes a workbook LibreOffice opens (headless conversion to CSV)', async (context) => {
    const csv = xlsxToCsvWithLibreOffice((await exportSynthesisWorkbook(anonymous, { scope: 'region', locale: 'fr' })).body);
    if (csv === null) return context.skip(SOFFICE_MISSING);
    expect(csv).toContain('Besoins prioritaires : la région');
    expect(csv).toContain('0012.1');
  }, 150_000);

  it('typesets the brief in Arabic and in French, their titles in the extracted text', async (context) => {
    const arabic = await exportSynthesisBrief(anonymous, { scope: 'country:TN', locale: 'ar' });
    const french = await exportSynthesisBrief(anonymous, { scope: 'region', locale: 'fr' });
    for (const file of [arabic, french]) expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(arabic.fileName).toMatch(/^needs-brief-country-tn-ar-/);
    if (!PDFTOTEXT) return context.skip('pdftotext (poppler-utils) is not installed');
    const arabicText = pdfText(arabic.body)!;
    expect(arabicText).toContain('أولويات الاحتياجات في تونس');
    // pdftotext reverses ligatures of lam (لى in إلى): the theme's other words.
    expect(arabicText).toContain('الوصول');
    expect(arabicText).toContain('التمويل');
    const frenchText = pdfText(french.body)!;
    expect(frenchText).toContain('Besoins prioritaires : la région');
    expect(frenchText).toContain('Accès au financement');
    expect(frenchText).toContain('Export et marchés extérieurs');
  });

  it('gives open data with its licence, public figures only even to staff, no identifier', async () => {
    for (const actor of [anonymous, staff]) {
      const data = await getNeedsOpenData(actor, { scope: 'cluster:sfax-weavers' });
      expect(data.licence.id).toBe('CC-BY-4.0');
      expect(visibleCountsUnderFive(data)).toEqual([]);
      expect(data.respondents.value).toBe(7);
      const workshop = data.trainingByGender.find((row) => row.key === 'product-design/workshop')!;
      expect(workshop.cells.woman).toEqual({ value: null, suppressed: true });
      const text = JSON.stringify(data);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
      expect(text).not.toMatch(/respondent(Id)?"|@example\.org|Person /);
    }
    const csv = openDataCsv(await getNeedsOpenData(anonymous, { scope: 'cluster:sfax-weavers', format: 'csv' }));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('table,row,column,value,suppressed');
    expect(lines).toContain('trainingByGender,product-design/workshop,woman,,true');
    expect(lines).toContain('priorities,access-to-finance,respondents,7,false');
    expect(lines).toContain('about,,licence,CC-BY-4.0,false');
  });

  it('finds common challenges with the thresholds the reader sets, in the board’s tables and the exports, and refuses bad ones', async () => {
    // One cluster in one country names finance: not common by default (3 clusters, 2 countries)...
    const byDefault = await getSynthesisTables(anonymous, { scope: 'region', minClusters: undefined });
    expect(byDefault.commonChallenges).toMatchObject({ minClusters: 3, minCountries: 2, rows: [] });
    // ...but common at one cluster in one country, wherever the tables go.
    const lowered = await getSynthesisTables(anonymous, { scope: 'region', minClusters: '1', minCountries: '1' });
    expect(lowered.commonChallenges.rows.map((row) => [row.theme, row.clusters, row.countries])).toEqual([
      ['access-to-finance', ['sfax-weavers'], ['TN']],
    ]);
    const open = await getNeedsOpenData(anonymous, { scope: 'region', minClusters: 1, minCountries: 1 });
    expect(open.commonChallenges.rows.map((row) => row.theme)).toEqual(['access-to-finance']);
    const sheet = (
      await workbookOf((await exportSynthesisWorkbook(anonymous, { scope: 'region', locale: 'en', minClusters: 1, minCountries: 1 })).body)
    ).worksheets[4]!;
    expect(
      rowsOf(sheet)
        .slice(1)
        .map((row) => row[1]),
    ).toEqual(['access-to-finance']);
    // The board's training needs come from a cache, saying when they were counted; exports count afresh.
    expect(lowered.trainingCountedAt).toBe(byDefault.trainingCountedAt);
    expect(lowered.trainingCountedAt <= lowered.computedAt).toBe(true);
    for (const bad of [{ minClusters: '0' }, { minCountries: '8' }, { minClusters: 'three' }]) {
      const error = await getSynthesisTables(anonymous, { scope: 'region', ...bad }).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('COMMON_VALIDATION_FAILED');
    }
  });

  it('counts a training need answered through an invitation for the invited organisation’s country', async () => {
    const [response] = await queryRows<{ id: string; form_id: string }>(
      db(),
      sql`SELECT r.id, r.form_id FROM form_response r JOIN form f ON f.id = r.form_id
          WHERE f.code = 'needs-sfax' AND r.answers->'training-needs'->>'export' = 'online' ORDER BY r.id LIMIT 1`,
    );
    await db().execute(
      sql`INSERT INTO survey_invitation (form_id, email, locale, country_iso2, response_id, expires_at)
          VALUES (${response!.form_id}, 'invited@example.org', 'fr', 'MA', ${response!.id}, now() + interval '30 days')`,
    );
    const training = async (scope: string) =>
      rowsOf((await workbookOf((await exportSynthesisWorkbook(staff, { scope, locale: 'en' })).body)).worksheets[5]!).slice(1);
    expect((await training('country:MA')).map((row) => [row[2], row[3]])).toEqual([['export/online', 1]]);
    expect((await training('country:TN')).find((row) => row[2] === 'export/online')?.[3]).toBe(4);
  });

  it('refuses a scope it cannot read', async () => {
    const error = await exportSynthesisWorkbook(anonymous, { scope: 'country:tunisia', locale: 'en' }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('NEEDS_SCOPE_INVALID');
  });
});

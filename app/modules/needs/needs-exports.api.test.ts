/**
 * The synthesis's exports over the API: the workbook and the brief in the requested language (a
 * staff token gets the staff figures, said in X-Mosaic-Audience), open data as JSON in the documented
 * shape or CSV, a bad scope refused, every operation in the OpenAPI document.
 */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { user } from '#app/shared/db/schema.ts';
import { insertCluster } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { openDataSchema, seedChallengeThemes, XLSX_CONTENT_TYPE } from './index.ts';

describe('needs API: exports', () => {
  const database = useTestDatabase();
  let app: TestApp;
  let staffToken: string;

  beforeAll(async () => {
    await seedRoles(database().db);
    await seedChallengeThemes(database().db);
    app = createTestApp();
    await insertCluster(database().db, { slug: 'api-sfax', countryIso2: 'TN', subsectorCode: 'fashion' });
    const staff = await createPerson({ name: 'Programme staff' });
    // Staff roles count only with two-factor authentication on.
    await database().db.update(user).set({ twoFactorEnabled: true }).where(eq(user.id, staff.userId));
    await assignRole(system, { userId: staff.userId, role: 'programme_staff', scopeType: 'global', scopeId: null });
    staffToken = (await issueToken(staff)).token;
  });

  it('gives the workbook of a scope in the requested language, public figures to anyone', async () => {
    const response = await apiRequest(app, '/api/v1/needs/priorities.xlsx?scope=country:TN&locale=fr');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="needs-priorities-country-tn-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    expect(response.headers.get('x-mosaic-audience')).toBe('public');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('Besoins prioritaires : Tunisie');
    expect(workbook.worksheets).toHaveLength(8);
  });

  it('gives staff the staff figures, in the language of Accept-Language', async () => {
    const response = await apiRequest(app, '/api/v1/needs/priorities.xlsx?scope=region', {
      token: staffToken,
      headers: { 'Accept-Language': 'ar' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-mosaic-audience')).toBe('staff');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('أولويات الاحتياجات في المنطقة');
    expect(workbook.worksheets[0]!.views[0]?.rightToLeft).toBe(true);
  });

  it('gives the PDF brief', async () => {
    const response = await apiRequest(app, '/api/v1/needs/priorities.pdf?scope=country:MA&locale=ar');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/filename="needs-brief-country-ma-ar-/);
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('gives open data as JSON in the documented shape, or as CSV, with its licence', async () => {
    const json = await apiRequest(app, '/api/v1/needs/open-data?scope=region', { token: staffToken });
    expect(json.status).toBe(200);
    const data = openDataSchema.parse(await json.json());
    expect(data).toMatchObject({ scope: 'region', minGroupSize: 5, licence: { id: 'CC-BY-4.0' } });
    const csv = await apiRequest(app, '/api/v1/needs/open-data?scope=country:TN&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('table,row,column,value,suppressed');
    expect(lines).toContain('about,,scope,country:TN,false');
  });

  it('refuses a bad scope or format, in the caller’s language', async () => {
    for (const path of [
      '/api/v1/needs/priorities.xlsx?scope=tunisia',
      '/api/v1/needs/priorities.pdf?scope=country:tn',
      '/api/v1/needs/open-data?scope=x',
    ]) {
      const response = await apiRequest(app, path, { headers: { 'Accept-Language': 'fr' } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe('NEEDS_SCOPE_INVALID');
    }
    const format = await apiRequest(app, '/api/v1/needs/open-data?format=xml');
    expect(format.status).toBe(400);
  });

  it('documents every operation in the OpenAPI document', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const path of ['/needs/priorities.xlsx', '/needs/priorities.pdf', '/needs/open-data'])
      expect(document.paths[path]?.get).toBeDefined();
  });
});

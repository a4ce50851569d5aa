/** The priority synthesis over the API: open to anyone, in the documented shape; a bad scope is a translated 400. */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, createTestApp, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { prioritiesSchema, seedChallengeThemes } from './index.ts';

describe('needs API: priorities', () => {
  const database = useTestDatabase();
  let app: TestApp;

  beforeAll(async () => {
    await seedChallengeThemes(database().db);
    app = createTestApp();
  });

  it('answers anyone for the region, a country and a cluster', async () => {
    for (const scope of ['region', 'country:TN', 'cluster:el-jem-mosaic']) {
      const response = await apiRequest(app, `/api/v1/needs/priorities?scope=${encodeURIComponent(scope)}`);
      expect(response.status).toBe(200);
      const body = prioritiesSchema.parse(await response.json());
      expect(body.scope).toBe(scope);
      expect(body.minGroupSize).toBe(5);
    }
    expect(prioritiesSchema.parse(await (await apiRequest(app, '/api/v1/needs/priorities')).json()).scope).toBe('region');
  });

  it('refuses a scope it cannot read, in the caller’s language', async () => {
    const response = await apiRequest(app, '/api/v1/needs/priorities?scope=country:tunisia', { headers: { 'Accept-Language': 'fr' } });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; title: string; errors?: { field: string; code: string }[] };
    expect(problem.code).toBe('NEEDS_SCOPE_INVALID');
    expect(problem.errors?.map(({ field, code }) => ({ field, code }))).toEqual([{ field: 'scope', code: 'NEEDS_SCOPE_INVALID' }]);
    expect(problem.title).toContain('Portée invalide');
  });
});

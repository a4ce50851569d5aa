/** The evidence drill-down over the API: in the OpenAPI document, for needs.read over the scope only, in the documented shape. */
import { beforeAll, describe, expect, it } from 'vitest';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { insertCluster } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { seedChallengeThemes, seedDemoDiagnostics, themeEvidenceSchema } from './index.ts';

describe('needs API: evidence', () => {
  const database = useTestDatabase();
  let app: TestApp;
  let focalToken: string;
  let memberToken: string;

  beforeAll(async () => {
    await seedRoles(database().db);
    await seedChallengeThemes(database().db);
    await insertCluster(database().db, { slug: 'el-jem-mosaic', countryIso2: 'TN' });
    await seedDemoDiagnostics(database().db);
    const focal = await createPerson({ name: 'Focal Point' });
    await assignRole(system, { userId: focal.userId, role: 'national_focal_point', scopeType: 'country', scopeId: 'TN' });
    focalToken = (await issueToken(focal)).token;
    memberToken = (await issueToken(await createPerson({ name: 'Plain Member' }))).token;
    app = createTestApp();
  });

  it('answers a national focal point for their country in the documented shape', async () => {
    const response = await apiRequest(app, '/api/v1/needs/evidence?scope=country:TN&theme=access-to-finance', { token: focalToken });
    expect(response.status).toBe(200);
    const body = themeEvidenceSchema.parse(await response.json());
    expect(body).toMatchObject({ scope: 'country:TN', theme: 'access-to-finance', diagnosedClusters: 1 });
    expect(body.challenges.map((c) => c.cluster)).toEqual(['el-jem-mosaic']);
    expect(body.answers).toMatchObject({ total: 0, page: 1, items: [] });
  });

  it('refuses anonymous callers, other scopes and members, in the caller’s language', async () => {
    expect((await apiRequest(app, '/api/v1/needs/evidence?scope=region&theme=access-to-finance')).status).toBe(401);
    const region = await apiRequest(app, '/api/v1/needs/evidence?scope=region&theme=access-to-finance', { token: focalToken });
    expect(region.status).toBe(403);
    const member = await apiRequest(app, '/api/v1/needs/evidence?scope=country:TN&theme=access-to-finance', {
      token: memberToken,
      headers: { 'Accept-Language': 'fr' },
    });
    expect(member.status).toBe(403);
    expect(((await member.json()) as { code: string }).code).toBe('COMMON_FORBIDDEN');
    const unknown = await apiRequest(app, '/api/v1/needs/evidence?scope=country:TN&theme=no-such-theme', { token: focalToken });
    expect(unknown.status).toBe(404);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as {
      paths: Record<string, { get?: { operationId?: string } }>;
    };
    expect(document.paths['/needs/evidence']?.get?.operationId).toBe('getNeedsThemeEvidence');
  });
});

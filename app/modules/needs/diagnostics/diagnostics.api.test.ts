/** Cluster diagnostics over the API: a manager's round from draft to endorsement, public reading, refusals as translated problems. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { auditLog, diagnostic, diagnosticChallenge } from '#app/shared/db/schema.ts';
import { type ClusterRow, insertCluster } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { seedChallengeThemes } from '../needs.service.server.ts';
import { diagnosticListSchema, diagnosticSchema, endorsedChallengePageSchema } from './diagnostics.contracts.ts';

describe('needs API: cluster diagnostics', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  let app: TestApp;
  let cluster: ClusterRow;
  let managerToken: string;
  let memberToken: string;
  let diagnosticId: string;
  let challengeId: string;

  beforeAll(async () => {
    await seedRoles(db());
    await seedChallengeThemes(db());
    cluster = await insertCluster(db(), { countryIso2: 'TN' });
    app = createTestApp();
    const manager = await createPerson({ name: 'Cluster Manager' });
    await assignRole(system, { userId: manager.userId, role: 'cluster_manager', scopeType: 'cluster', scopeId: cluster.slug });
    managerToken = (await issueToken(manager)).token;
    memberToken = (await issueToken(await createPerson({ name: 'Plain Member' }))).token;
  });

  it('lets the cluster manager start a round, add a challenge, a SWOT item and a figure, and endorse it', async () => {
    const created = await apiRequest(app, '/api/v1/needs/diagnostics', {
      method: 'POST',
      token: managerToken,
      json: { cluster: cluster.slug, diagnosedOn: '2026-10-14' },
    });
    expect(created.status).toBe(201);
    diagnosticId = diagnosticSchema.parse(await created.json()).id;

    const challenge = await apiRequest(app, `/api/v1/needs/diagnostics/${diagnosticId}/challenges`, {
      method: 'POST',
      token: managerToken,
      json: {
        themeCode: 'access-to-finance',
        description: { fr: 'Pas de crédit pour les ateliers.' },
        sourceLocale: 'fr',
        severity: 4,
        affectedGroups: ['micro-firms'],
        genderDimension: 'women-barrier',
        evidence: { fr: 'Enquête 2026' },
      },
    });
    expect(challenge.status).toBe(201);
    challengeId = ((await challenge.json()) as { id: string }).id;
    const patched = await apiRequest(app, `/api/v1/needs/challenges/${challengeId}`, {
      method: 'PATCH',
      token: managerToken,
      json: { severity: 3, evidenceUrl: 'https://example.org/survey' },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ severity: 3, evidenceUrl: 'https://example.org/survey' });
    const swot = await apiRequest(app, `/api/v1/needs/diagnostics/${diagnosticId}/swot-items`, {
      method: 'POST',
      token: managerToken,
      json: { kind: 'opportunity', text: { en: 'Tourists back in El Jem.' } },
    });
    expect(swot.status).toBe(201);
    const figure = await apiRequest(app, `/api/v1/needs/diagnostics/${diagnosticId}/baseline-figures`, {
      method: 'POST',
      token: managerToken,
      json: { indicatorCode: 'jobs', value: 310, unit: 'count', year: 2026 },
    });
    expect(figure.status).toBe(201);
    const removed = await apiRequest(app, `/api/v1/needs/baseline-figures/${((await figure.json()) as { id: string }).id}`, {
      method: 'DELETE',
      token: managerToken,
    });
    expect(removed.status).toBe(204);

    const endorsed = await apiRequest(app, `/api/v1/needs/diagnostics/${diagnosticId}/endorse`, {
      method: 'POST',
      token: managerToken,
      json: { name: 'Hédi Ben Salah', role: 'Président du comité de pilotage' },
    });
    expect(endorsed.status).toBe(200);
    expect(diagnosticSchema.parse(await endorsed.json())).toMatchObject({
      status: 'endorsed',
      challengeCount: 1,
      baseline: [],
      swot: [{ kind: 'opportunity' }],
      endorsedBy: { name: 'Hédi Ben Salah' },
    });
    expect((await db().select().from(auditLog).where(eq(auditLog.subjectId, diagnosticId))).length).toBe(7);
  });

  it('shows the endorsed round and its challenges to anyone, without the evidence', async () => {
    const list = diagnosticListSchema.parse(await (await apiRequest(app, `/api/v1/clusters/${cluster.slug}/diagnostics`)).json());
    expect(list.items.map((d) => [d.round, d.status])).toEqual([[1, 'endorsed']]);
    const round = diagnosticSchema.parse(await (await apiRequest(app, `/api/v1/needs/diagnostics/${diagnosticId}`)).json());
    expect(round.challenges[0]).toMatchObject({ severity: 3, evidence: null, evidenceUrl: null });
    const asManager = diagnosticSchema.parse(
      await (await apiRequest(app, `/api/v1/needs/diagnostics/${diagnosticId}`, { token: managerToken })).json(),
    );
    expect(asManager.challenges[0]).toMatchObject({ evidence: { fr: 'Enquête 2026' }, evidenceUrl: 'https://example.org/survey' });

    const page = endorsedChallengePageSchema.parse(
      await (await apiRequest(app, '/api/v1/needs/challenges?country=TN&theme=access-to-finance&pageSize=10')).json(),
    );
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(page.items[0]).toMatchObject({ cluster: cluster.slug, country: 'TN', round: 1, themeCode: 'access-to-finance', evidence: null });
    const none = endorsedChallengePageSchema.parse(await (await apiRequest(app, '/api/v1/needs/challenges?country=MA')).json());
    expect(none).toMatchObject({ total: 0, items: [] });
    expect((await apiRequest(app, '/api/v1/needs/challenges?pageSize=500')).status).toBe(400);
    expect((await apiRequest(app, `/api/v1/clusters/no-such-cluster/diagnostics`)).status).toBe(404);
  });

  it('refuses a member (403), an endorsed round (409) and a bad body (translated 400), writing nothing', async () => {
    const rowsBefore = {
      diagnostics: await db().select().from(diagnostic),
      challenges: await db().select().from(diagnosticChallenge),
    };
    const memberCreate = await apiRequest(app, '/api/v1/needs/diagnostics', {
      method: 'POST',
      token: memberToken,
      json: { cluster: cluster.slug, diagnosedOn: '2027-01-01' },
    });
    expect(memberCreate.status).toBe(403);
    const memberPatch = await apiRequest(app, `/api/v1/needs/challenges/${challengeId}`, {
      method: 'PATCH',
      token: memberToken,
      json: { severity: 1 },
    });
    expect(memberPatch.status).toBe(403);
    const anonymousCreate = await apiRequest(app, '/api/v1/needs/diagnostics', {
      method: 'POST',
      json: { cluster: cluster.slug, diagnosedOn: '2027-01-01' },
    });
    expect(anonymousCreate.status).toBe(401);

    const late = await apiRequest(app, `/api/v1/needs/diagnostics/${diagnosticId}/challenges`, {
      method: 'POST',
      token: managerToken,
      json: { themeCode: 'infrastructure', description: { en: 'Roads' }, severity: 2 },
      headers: { 'Accept-Language': 'ar' },
    });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({
      code: 'NEEDS_DIAGNOSTIC_ENDORSED',
      title: 'تم اعتماد هذا التشخيص ولم يعد بالإمكان تعديله. ابدأ جولة جديدة لتحديثه.',
    });

    const next = await apiRequest(app, '/api/v1/needs/diagnostics', {
      method: 'POST',
      token: managerToken,
      json: { cluster: cluster.slug, diagnosedOn: '2027-04-01' },
    });
    const draft = diagnosticSchema.parse(await next.json());
    expect(draft).toMatchObject({ round: 2, status: 'draft', challengeCount: 1 });
    const bad = await apiRequest(app, `/api/v1/needs/diagnostics/${draft.id}/challenges`, {
      method: 'POST',
      token: managerToken,
      json: { themeCode: 'access-to-finance', description: { fr: '' }, severity: 0, genderDimension: 'maybe' },
      headers: { 'Accept-Language': 'fr' },
    });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { code: string; errors: { field: string }[] };
    expect(problem.code).toBe('COMMON_VALIDATION_FAILED');
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['description', 'description.fr', 'genderDimension', 'severity']);
    const unknownTheme = await apiRequest(app, `/api/v1/needs/diagnostics/${draft.id}/challenges`, {
      method: 'POST',
      token: managerToken,
      json: { themeCode: 'no-such-theme', description: { fr: 'x' }, severity: 2 },
      headers: { 'Accept-Language': 'fr' },
    });
    expect(await unknownTheme.json()).toMatchObject({
      code: 'NEEDS_DIAGNOSTIC_UNKNOWN_THEME',
      title: 'Choisissez l’un des thèmes de défis actifs.',
    });
    // The draft is not public.
    expect((await apiRequest(app, `/api/v1/needs/diagnostics/${draft.id}`, { token: memberToken })).status).toBe(404);
    expect(await db().select().from(diagnosticChallenge)).toHaveLength(rowsBefore.challenges.length + 1);
  });

  it('describes every diagnostics operation in the OpenAPI document', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/needs/diagnostics/{id}'] ?? {}).sort()).toEqual(['get', 'patch']);
    for (const path of [
      '/clusters/{slug}/diagnostics',
      '/needs/diagnostics',
      '/needs/diagnostics/{id}/endorse',
      '/needs/diagnostics/{id}/challenges',
      '/needs/challenges/{id}',
      '/needs/challenges',
      '/needs/diagnostics/{id}/swot-items',
      '/needs/swot-items/{id}',
      '/needs/diagnostics/{id}/baseline-figures',
      '/needs/baseline-figures/{id}',
    ]) {
      expect(document.paths[path], path).toBeDefined();
    }
  });
});

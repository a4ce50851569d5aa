/** The twins finder over the API: reasons as codes, evidence and a sentence; filters; consent; problems. */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, createPerson, createTestApp, issueToken, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { twinsResponseSchema } from './twins.contracts.ts';
import { insertTwinsFixture } from './twins.fixture.ts';

describe('twins API', () => {
  const database = useTestDatabase();
  let app: TestApp;

  beforeAll(async () => {
    await insertTwinsFixture(database().db);
    app = createTestApp();
  });

  async function twins(path: string, headers: Record<string, string> = {}, token?: string) {
    const response = await apiRequest(app, path, { headers, token });
    expect(response.status).toBe(200);
    return twinsResponseSchema.parse(await response.json());
  }

  it('GET /clusters/{slug}/twins: the twins of batna-jewellery include bourj-hammoud-jewellery, with reasons in the reader’s language', async () => {
    const body = await twins('/api/v1/clusters/batna-jewellery/twins', { 'Accept-Language': 'fr-DZ,fr;q=0.9' });
    expect(body.locale).toBe('fr');
    expect(body.source).toEqual({ kind: 'cluster', slug: 'batna-jewellery', countryIso2: 'DZ' });
    const bourjHammoud = body.clusters.find((twin) => twin.cluster.slug === 'bourj-hammoud-jewellery');
    expect(bourjHammoud?.strength).toBe('strong');
    expect(bourjHammoud?.reasons).toContainEqual(
      expect.objectContaining({
        code: 'same-subsector',
        subsectors: ['fashion'],
        label: expect.stringMatching(/^Même sous-secteur : Mode/),
      }),
    );
    expect(bourjHammoud?.reasons).toContainEqual(
      expect.objectContaining({
        code: 'shared-materials',
        materials: ['enamel', 'silver'],
        label: 'Matériaux et techniques en commun : Émail et Argent',
      }),
    );
    expect(body.organisations.items.map((twin) => twin.organisation.slug)).toEqual(['beirut-gold-exporter', 'tunis-silversmith']);
  });

  it('takes ?locale= over Accept-Language', async () => {
    const body = await twins('/api/v1/clusters/batna-jewellery/twins?locale=ar', { 'Accept-Language': 'en' });
    expect(body.locale).toBe('ar');
    expect(body.clusters[0]?.reasons[0]?.label).toMatch(/^القطاع الفرعي نفسه/);
  });

  it('filters by one or several countries and types', async () => {
    const tunisia = await twins('/api/v1/clusters/batna-jewellery/twins?country=TN');
    expect(tunisia.organisations.items.map((twin) => twin.organisation.slug)).toEqual(['tunis-silversmith']);
    const two = await twins('/api/v1/clusters/batna-jewellery/twins?country=TN&country=LB&type=enterprise');
    expect(two.organisations.items.map((twin) => twin.organisation.slug)).toEqual(['beirut-gold-exporter']);
    expect(two.clusters.map((twin) => twin.cluster.slug)).toEqual(['bourj-hammoud-jewellery']);
  });

  it('GET /organisations/{slug}/twins: contact details only for signed-in callers and consenting organisations', async () => {
    const anonymousBody = await twins('/api/v1/organisations/atelier-argent-batna/twins');
    expect(anonymousBody.organisations.items.map((twin) => twin.contact)).toEqual([null, null]);
    const { token } = await issueToken(await createPerson());
    const memberBody = await twins('/api/v1/organisations/atelier-argent-batna/twins', {}, token);
    const contacts = Object.fromEntries(memberBody.organisations.items.map((twin) => [twin.organisation.slug, twin.contact]));
    expect(contacts['beirut-gold-exporter']?.email).toBe('contact@beirut-gold.example');
    expect(contacts['tunis-silversmith']).toBeNull();
  });

  it('answers problems for an unknown source and for bad filters', async () => {
    const missing = await apiRequest(app, '/api/v1/organisations/proposed-jeweller/twins');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'DIRECTORY_TWINS_SOURCE_NOT_FOUND' });
    const bad = await apiRequest(app, '/api/v1/clusters/batna-jewellery/twins?country=Algeria&page=0');
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors?: { field: string }[] };
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(['country', 'page']);
  });

  it('is described in the OpenAPI document', async () => {
    const response = await apiRequest(app, '/api/v1/openapi.json');
    const document = (await response.json()) as { paths: Record<string, { get?: { operationId?: string } }> };
    expect(document.paths['/clusters/{slug}/twins']?.get?.operationId).toBe('listClusterTwins');
    expect(document.paths['/organisations/{slug}/twins']?.get?.operationId).toBe('listOrganisationTwins');
  });
});

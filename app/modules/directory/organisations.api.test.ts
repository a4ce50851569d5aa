/** The organisations directory over the API: list with filters and facets, profiles, 404, validation, consent. */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRequest, createPerson, createTestApp, issueToken, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { addMember, insertCluster, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { organisationProfileSchema, organisationSummarySchema } from './index.ts';

const listSchema = z.object({
  items: z.array(organisationSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  pageCount: z.number(),
  facets: z.record(z.string(), z.array(z.object({ value: z.string(), count: z.number(), selected: z.boolean() }))).nullable(),
});

describe('organisations API', () => {
  const database = useTestDatabase();
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    const db = database().db;
    const silver = await insertCluster(db, { slug: 'api-silver', name: { en: 'Silversmiths' } });
    const tnSilver = await insertOrganisation(db, {
      slug: 'api-tn-silver',
      name: { en: 'Tunis Silver' },
      countryIso2: 'TN',
      materialCodes: ['silver'],
      womenLed: true,
      email: 'tunis@silver.example',
      phone: '+216 71 000 000',
      contactConsent: true,
    });
    const maSilver = await insertOrganisation(db, {
      slug: 'api-ma-silver',
      name: { en: 'Fes Silver' },
      countryIso2: 'MA',
      materialCodes: ['silver'],
      email: 'fes@silver.example',
      phone: '+212 5 00 00 00',
      contactConsent: false,
    });
    await insertOrganisation(db, { slug: 'api-ma-wood', name: { en: 'Essaouira Wood' }, countryIso2: 'MA', materialCodes: ['wood'] });
    await insertOrganisation(db, { slug: 'api-proposed', name: { en: 'Not Yet' }, status: 'proposed' });
    await addMember(db, silver, tnSilver);
    await addMember(db, silver, maSilver);
    app = createTestApp();
    ({ token } = await issueToken(await createPerson()));
  });

  it('lists published organisations, without credentials, facets only on request', async () => {
    const response = await apiRequest(app, '/api/v1/organisations');
    expect(response.status).toBe(200);
    const list = listSchema.parse(await response.json());
    expect(list.items.map((o) => o.slug).sort()).toEqual(['api-ma-silver', 'api-ma-wood', 'api-tn-silver']);
    expect(list).toMatchObject({ total: 3, page: 1, pageSize: 20, pageCount: 1, facets: null });
  });

  it('filters with repeated keys and counts facets with the other filters', async () => {
    const response = await apiRequest(app, '/api/v1/organisations?country=MA&country=TN&material=silver&facets=true');
    const list = listSchema.parse(await response.json());
    expect(list.items.map((o) => o.slug).sort()).toEqual(['api-ma-silver', 'api-tn-silver']);
    const countries = Object.fromEntries(list.facets!.country!.map((v) => [v.value, v.count]));
    expect(countries).toEqual({ MA: 1, TN: 1 });
    const materials = Object.fromEntries(list.facets!.material!.map((v) => [v.value, v.count]));
    expect(materials).toEqual({ silver: 2, wood: 1 });
    expect(list.facets!.cluster).toEqual([expect.objectContaining({ value: 'api-silver', count: 2 })]);

    const single = listSchema.parse(await (await apiRequest(app, '/api/v1/organisations?womenLed=true&cluster=api-silver')).json());
    expect(single.items.map((o) => o.slug)).toEqual(['api-tn-silver']);
  });

  it('searches with q, in any language of the index', async () => {
    const list = listSchema.parse(await (await apiRequest(app, '/api/v1/organisations?q=essaouira')).json());
    expect(list.items.map((o) => o.slug)).toEqual(['api-ma-wood']);
    const none = listSchema.parse(await (await apiRequest(app, '/api/v1/organisations?q=essaouira&country=TN')).json());
    expect(none.total).toBe(0);
  });

  it('pages with page and pageSize', async () => {
    const list = listSchema.parse(await (await apiRequest(app, '/api/v1/organisations?pageSize=2&page=2')).json());
    expect(list).toMatchObject({ total: 3, page: 2, pageSize: 2, pageCount: 2 });
    expect(list.items.map((o) => o.slug)).toEqual(['api-tn-silver']);
  });

  it('refuses bad filters with a translated 400 naming each field', async () => {
    const response = await apiRequest(app, '/api/v1/organisations?country=Morocco&pageSize=500&size=huge', {
      headers: { 'Accept-Language': 'fr' },
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; title: string; errors: { field: string }[] };
    expect(problem.code).toBe('COMMON_VALIDATION_FAILED');
    expect(problem.title).toBe('Certains champs demandent votre attention.');
    expect(problem.errors.map((e) => e.field.split('.')[0]).sort()).toEqual(['country', 'pageSize', 'size']);
  });

  it('gets a profile by slug with its clusters', async () => {
    const response = await apiRequest(app, '/api/v1/organisations/api-ma-silver');
    expect(response.status).toBe(200);
    const profile = organisationProfileSchema.parse(await response.json());
    expect(profile.clusters).toEqual([{ slug: 'api-silver', name: { en: 'Silversmiths' }, role: 'member' }]);
    expect(profile.contact).toBeNull();
  });

  it('answers 404 problems for unknown and unpublished organisations', async () => {
    for (const slug of ['api-nobody', 'api-proposed']) {
      const response = await apiRequest(app, `/api/v1/organisations/${slug}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe('DIRECTORY_ORGANISATION_NOT_FOUND');
    }
  });

  it('gives contact details only to signed-in callers and only with consent', async () => {
    const anonymousProfile = await (await apiRequest(app, '/api/v1/organisations/api-tn-silver')).json();
    expect(anonymousProfile.contact).toBeNull();
    expect(JSON.stringify(anonymousProfile)).not.toContain('tunis@silver.example');

    const signedIn = await (await apiRequest(app, '/api/v1/organisations/api-tn-silver', { token })).json();
    expect(signedIn.contact).toEqual({ email: 'tunis@silver.example', phone: '+216 71 000 000', address: null });

    const noConsent = await (await apiRequest(app, '/api/v1/organisations/api-ma-silver', { token })).json();
    expect(noConsent.contact).toBeNull();
    expect(JSON.stringify(noConsent)).not.toContain('fes@silver.example');

    const list = await (await apiRequest(app, '/api/v1/organisations?facets=true', { token })).text();
    expect(list).not.toMatch(/silver\.example|\+216|\+212/);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId: string; parameters?: { name: string }[] }>>;
    };
    expect(document.paths['/organisations']?.get?.operationId).toBe('listOrganisations');
    expect(document.paths['/organisations/{slug}']?.get?.operationId).toBe('getOrganisation');
    const parameters = document.paths['/organisations']?.get?.parameters?.map((p) => p.name);
    expect(parameters).toEqual(
      expect.arrayContaining([
        'q',
        'country',
        'subsector',
        'type',
        'size',
        'womenLed',
        'material',
        'cluster',
        'page',
        'pageSize',
        'sort',
        'facets',
      ]),
    );
  });
});

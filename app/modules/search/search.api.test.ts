/** `/api/v1/search` over HTTP: the acceptance queries, kinds and pages, validation, no contact details, the OpenAPI entry. */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, createPerson, createTestApp, issueToken, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { insertCluster, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { searchResponseSchema } from './index.ts';

describe('search API', () => {
  const database = useTestDatabase();
  let app: TestApp;

  beforeAll(async () => {
    const db = database().db;
    await insertCluster(db, {
      slug: 'batna-jewellery',
      name: { en: 'Batna Jewellery Cluster', fr: 'Cluster des bijoutiers de Batna', ar: 'عنقود المجوهرات في باتنة' },
      countryIso2: 'DZ',
      subsectorCode: 'fashion',
      materialCodes: ['silver', 'enamel'],
    });
    await insertCluster(db, {
      slug: 'bourj-hammoud-jewellery',
      name: { en: 'Bourj Hammoud Jewellery Cluster', fr: 'Cluster de la bijouterie de Bourj Hammoud', ar: 'عنقود المجوهرات في برج حمود' },
      countryIso2: 'LB',
      subsectorCode: 'fashion',
      materialCodes: ['gold', 'silver'],
    });
    await insertCluster(db, {
      slug: 'bethlehem-treasures',
      name: { en: 'Bethlehem Treasures', fr: 'Trésors de Bethléem', ar: 'كنوز بيت لحم' },
      countryIso2: 'PS',
      subsectorCode: 'habitat',
    });
    await insertCluster(db, {
      slug: 'el-jem-mosaic',
      name: { en: 'El Jem Mosaic Cluster', fr: "Cluster de la mosaïque d'El Jem", ar: 'عنقود الفسيفساء في الجم' },
      countryIso2: 'TN',
      subsectorCode: 'heritage',
      materialCodes: ['mosaic', 'stone', 'marble'],
    });
    await insertOrganisation(db, {
      slug: 'api-search-silver',
      name: { en: 'Aurès Silver House' },
      countryIso2: 'DZ',
      materialCodes: ['silver'],
      email: 'private-api@example.org',
      phone: '+213 777 000 000',
      contactConsent: true,
    });
    app = createTestApp();
  });

  const slugsFor = async (query: string) => {
    const response = await apiRequest(app, `/api/v1/search?q=${encodeURIComponent(query)}`);
    expect(response.status).toBe(200);
    return searchResponseSchema.parse(await response.json()).items.map((item) => item.slug);
  };

  it('answers the acceptance queries', async () => {
    for (const q of ['مجوهرات', 'bijoux', 'jewellery']) {
      expect(await slugsFor(q), q).toEqual(expect.arrayContaining(['batna-jewellery', 'bourj-hammoud-jewellery']));
    }
    expect(await slugsFor('Betlehem')).toContain('bethlehem-treasures');
    expect((await slugsFor('الفسيفساء'))[0]).toBe('el-jem-mosaic');
    expect((await slugsFor('فسيفساء'))[0]).toBe('el-jem-mosaic');
  });

  it('filters by repeated kind keys and describes each result', async () => {
    const response = await apiRequest(app, '/api/v1/search?q=silver&kind=organisation&kind=cluster&page=1');
    const body = searchResponseSchema.parse(await response.json());
    expect(body.counts).toEqual({ cluster: 2, organisation: 1 });
    expect(body).toMatchObject({ total: 3, totalIsCapped: false, countIsCapped: { cluster: false, organisation: false } });
    const organisations = searchResponseSchema.parse(await (await apiRequest(app, '/api/v1/search?q=silver&kind=organisation')).json());
    expect(organisations.items).toMatchObject([
      { kind: 'organisation', slug: 'api-search-silver', path: '/organisations/api-search-silver', countryIso2: 'DZ' },
    ]);
    expect(organisations.total).toBe(1);
  });

  it('never returns contact details, even to a signed-in caller', async () => {
    const { token } = await issueToken(await createPerson());
    const response = await apiRequest(app, '/api/v1/search?q=Aur%C3%A8s', { token });
    const text = await response.text();
    expect(text).toContain('api-search-silver');
    expect(text).not.toContain('private-api');
    expect(text).not.toContain('777 000');
  });

  it('answers 400 problems for a missing, blank or too long query, an unknown kind or a bad page', async () => {
    for (const query of ['', '?q=', '?q=%20%20', `?q=${'a'.repeat(201)}`, '?q=silver&kind=person', '?q=silver&page=0']) {
      const response = await apiRequest(app, `/api/v1/search${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('says when a query is too short to search', async () => {
    const body = searchResponseSchema.parse(await (await apiRequest(app, '/api/v1/search?q=%C3%A9')).json());
    expect(body).toMatchObject({ tooShort: true, items: [], total: 0 });
  });

  it('is in the OpenAPI document', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as {
      paths: Record<string, { get?: { operationId?: string; tags?: string[] } }>;
    };
    expect(document.paths['/search']?.get).toMatchObject({ operationId: 'search', tags: ['search'] });
  });
});

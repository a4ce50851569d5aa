/** The directory's public reference data over the API: readable by anyone, in every language. */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRequest, createTestApp, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { countryListSchema, sectorListSchema, seedReferenceData } from './index.ts';

describe('directory API', () => {
  const database = useTestDatabase();

  let app: TestApp;

  beforeAll(async () => {
    await seedReferenceData(database().db);
    app = createTestApp();
  });

  describe('GET /api/v1/countries', () => {
    it('lists the programme countries with their names in three languages, without credentials', async () => {
      const response = await apiRequest(app, '/api/v1/countries');
      expect(response.status).toBe(200);
      const { items } = z.object({ items: countryListSchema }).parse(await response.json());
      expect(items.map((c) => c.iso2)).toEqual(['DZ', 'EG', 'JO', 'LB', 'MA', 'PS', 'TN']);
      const morocco = items.find((c) => c.iso2 === 'MA');
      expect(morocco?.name).toMatchObject({ en: 'Morocco', fr: 'Maroc' });
      expect(morocco?.name.ar).toMatch(/[\u0600-\u06FF]/);
    });
  });

  describe('GET /api/v1/sectors', () => {
    it('lists the 4 families of the taxonomy with their 11 subsectors', async () => {
      const response = await apiRequest(app, '/api/v1/sectors');
      expect(response.status).toBe(200);
      const { items } = z.object({ items: sectorListSchema }).parse(await response.json());
      expect(items).toHaveLength(4);
      expect(items.flatMap((family) => family.subsectors)).toHaveLength(11);
      for (const family of items) {
        expect(family.subsectors.length).toBeGreaterThan(0);
        for (const subsector of family.subsectors) expect(subsector.familyCode).toBe(family.code);
      }
    });
  });
});

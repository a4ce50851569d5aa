/**
 * The directory's public API operations: reference data anyone may read (countries and the CCI
 * taxonomy), in every language at once so clients choose their own display language. Lists come
 * as `{ items }`, like every list of the API, so paging can be added without breaking clients.
 */
import { z } from 'zod';
import { createApiRouter, jsonContent, publicRoute } from '#app/shared/api/router.server.ts';
import { countryListSchema, sectorListSchema } from './directory.contracts.ts';
import { listCountries, listSectors } from './directory.service.server.ts';

const TAG = 'directory';

const listCountriesRoute = publicRoute({
  method: 'get',
  path: '/countries',
  tags: [TAG],
  operationId: 'listCountries',
  summary: 'Countries',
  description: 'The countries of the programme, ordered by ISO code, with their names in Arabic, French and English.',
  responses: { 200: jsonContent(z.object({ items: countryListSchema }).meta({ id: 'CountryList' }), 'Every country.') },
});

const listSectorsRoute = publicRoute({
  method: 'get',
  path: '/sectors',
  tags: [TAG],
  operationId: 'listSectors',
  summary: 'Sectors of the cultural and creative industries',
  description: 'The CCI taxonomy: its families in programme order, each with its subsectors.',
  responses: {
    200: jsonContent(z.object({ items: sectorListSchema }).meta({ id: 'SectorFamilyList' }), 'Every family with its subsectors.'),
  },
});

export function createDirectoryApi() {
  return createApiRouter()
    .openapi(listCountriesRoute, async (c) => c.json({ items: await listCountries() }, 200))
    .openapi(listSectorsRoute, async (c) => c.json({ items: await listSectors() }, 200));
}

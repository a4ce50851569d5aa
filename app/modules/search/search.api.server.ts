/**
 * `GET /api/v1/search`: the site search over the API. Public; results carry every language of
 * their title and summary (clients choose), never contact details. Adapter only.
 */
import { createApiRouter, jsonContent, publicRoute } from '#app/shared/api/router.server.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { searchInputSchema, searchResponseSchema } from './search.contracts.ts';
import { search } from './search.service.server.ts';

export const SEARCH_TAG = 'search';

const searchRoute = publicRoute({
  method: 'get',
  path: '/search',
  tags: [SEARCH_TAG],
  operationId: 'search',
  summary: 'Search clusters and organisations',
  description:
    'One search across clusters and published organisations, in Arabic, French or English: names, cities, subsectors, materials and techniques (in all three languages), descriptions and products. Arabic is normalised (hamza and alef forms, ta marbuta, diacritics, tatweel, the article), accents are ignored, and misspelt names are found by trigram similarity. Results are ranked, twenty a page.',
  request: { query: searchInputSchema },
  responses: { 200: jsonContent(searchResponseSchema, 'A page of results with counts per kind.') },
});

export function createSearchApi() {
  return createApiRouter().openapi(searchRoute, async (c) => c.json(await search(c.get('actor') ?? anonymous, c.req.valid('query')), 200));
}

/**
 * The priority synthesis over the API, as anonymised open data: anyone reads the priorities of the
 * region, a country or a cluster, with every count of people protected by the minimum group size.
 * Adapters only: parse (the Zod contracts), call one service, map the result.
 */
import { createApiRouter, jsonContent, problemContent, publicRoute } from '#app/shared/api/router.server.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { prioritiesQuerySchema, prioritiesSchema } from './priorities.contracts.ts';
import { getPriorities } from './priorities.service.server.ts';

const prioritiesRoute = publicRoute({
  method: 'get',
  path: '/needs/priorities',
  tags: ['needs'],
  operationId: 'getNeedsPriorities',
  summary: 'Priority needs of the region, a country or a cluster',
  description:
    'Challenge themes ranked by the documented formula (decision 0012: frequency and severity in cluster needs surveys, endorsed diagnostic challenges, breadth across clusters and countries), with the clusters and countries where each appears and the respondents by gender and size. Counts of fewer people than the minimum group size are hidden (null, `suppressed: true`), and a scope with fewer respondents than that minimum is ranked without its survey answers. Computed at the time of the request (`computedAt`).',
  request: { query: prioritiesQuerySchema },
  responses: {
    200: jsonContent(prioritiesSchema, 'The priorities.'),
    400: problemContent('The scope is not `region`, `country:XX` or `cluster:<slug>`.', {
      status: 400,
      code: 'NEEDS_SCOPE_INVALID',
      fields: [{ field: 'scope', code: 'NEEDS_SCOPE_INVALID' }],
    }),
  },
});

export function createPrioritiesApi() {
  return createApiRouter().openapi(prioritiesRoute, async (c) =>
    c.json(await getPriorities(c.get('actor') ?? anonymous, c.req.valid('query')), 200),
  );
}

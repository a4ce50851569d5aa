/**
 * The drill-down to the evidence over the API: for callers holding `needs.read` over the scope.
 * Adapters only: authenticate, parse (the Zod contracts), call one service, map the result.
 */
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute } from '#app/shared/api/router.server.ts';
import { evidenceQuerySchema, themeEvidenceSchema } from './evidence.contracts.ts';
import { getThemeEvidence } from './evidence.service.server.ts';

const evidenceRoute = protectedRoute({
  method: 'get',
  path: '/needs/evidence',
  tags: ['needs'],
  operationId: 'getNeedsThemeEvidence',
  summary: 'The evidence behind one theme of a scope’s priorities',
  description:
    'For those holding `needs.read` over the scope (programme staff, the country’s national focal points, the cluster’s managers): the endorsed diagnostic challenges recording the theme and the submitted needs survey answers naming it (50 a page, newest first), with the organisation, size, gender and cluster of each answer. `answers.total` and `diagnosedClusters` are the figures the staff view of `/needs/priorities` counts.',
  request: { query: evidenceQuerySchema },
  responses: {
    200: jsonContent(themeEvidenceSchema, 'The evidence.'),
    400: problemContent('The scope is not `region`, `country:XX` or `cluster:<slug>`.', {
      status: 400,
      code: 'NEEDS_SCOPE_INVALID',
      fields: [{ field: 'scope', code: 'NEEDS_SCOPE_INVALID' }],
    }),
    403: problemContent('The caller does not hold `needs.read` over the scope.', { status: 403, code: 'COMMON_FORBIDDEN' }),
    404: problemContent('No challenge theme has this code.', { status: 404, code: 'NEEDS_THEME_NOT_FOUND' }),
  },
});

export function createEvidenceApi() {
  return createApiRouter().openapi(evidenceRoute, async (c) => c.json(await getThemeEvidence(currentUser(c), c.req.valid('query')), 200));
}

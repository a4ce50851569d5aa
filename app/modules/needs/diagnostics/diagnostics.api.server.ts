/**
 * Cluster diagnostics over the API: anyone reads endorsed rounds and the endorsed challenges (what
 * the priority synthesis reads); drafts and evidence need `needs.read` over the cluster; the
 * cluster's managers and programme staff (`needs.manage`) start rounds, edit drafts and endorse.
 * Adapters only: authenticate, parse (the Zod contracts), call one service, map the result.
 */
import { z } from 'zod';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute, publicRoute } from '#app/shared/api/router.server.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { themeCodeSchema } from '../needs.contracts.ts';
import {
  baselineFigureSchema,
  baselineInputSchema,
  challengeInputSchema,
  challengePatchSchema,
  challengeSchema,
  createDiagnosticInputSchema,
  diagnosticListSchema,
  diagnosticSchema,
  endorsedChallengePageSchema,
  endorseInputSchema,
  swotItemInputSchema,
  swotItemSchema,
  updateDiagnosticInputSchema,
} from './diagnostics.contracts.ts';
import {
  addBaselineFigure,
  addChallenge,
  addSwotItem,
  createDiagnostic,
  endorseDiagnostic,
  getDiagnostic,
  listClusterDiagnostics,
  listEndorsedChallenges,
  removeBaselineFigure,
  removeChallenge,
  removeSwotItem,
  updateChallenge,
  updateDiagnostic,
} from './diagnostics.service.server.ts';

const TAG = 'needs';
const idParams = z.object({ id: z.string().min(1).max(64).meta({ description: 'The id.' }) });
const slugParams = z.object({ slug: z.string().min(1).max(100).meta({ description: 'The cluster’s slug.', example: 'el-jem-mosaic' }) });
const body = <S>(schema: S) => ({ body: { required: true, content: { 'application/json': { schema } } } });

const forbidden = problemContent('The caller does not manage this cluster’s diagnostics; nothing was changed.', {
  status: 403,
  code: 'COMMON_FORBIDDEN',
});
const notFound = problemContent('No diagnostic has this id, or it is a draft the caller may not read.', {
  status: 404,
  code: 'NEEDS_DIAGNOSTIC_NOT_FOUND',
});
const itemNotFound = problemContent('No item of a diagnostic the caller may read has this id.', {
  status: 404,
  code: 'NEEDS_DIAGNOSTIC_ITEM_NOT_FOUND',
});
const endorsed = problemContent('The diagnostic is endorsed, so read-only: start a new round (POST /needs/diagnostics).', {
  status: 409,
  code: 'NEEDS_DIAGNOSTIC_ENDORSED',
});
const unknownTheme = problemContent('The theme code is not an active challenge theme (or a field is invalid); nothing was written.', {
  status: 400,
  code: 'NEEDS_DIAGNOSTIC_UNKNOWN_THEME',
  fields: [{ field: 'themeCode', code: 'NEEDS_DIAGNOSTIC_UNKNOWN_THEME' }],
});

const listClusterRoute = publicRoute({
  method: 'get',
  path: '/clusters/{slug}/diagnostics',
  tags: [TAG],
  operationId: 'listClusterDiagnostics',
  summary: 'A cluster’s diagnostic rounds',
  description: 'Newest first: endorsed rounds for anyone, and the draft for callers holding `needs.read` over the cluster.',
  request: { params: slugParams },
  responses: {
    200: jsonContent(diagnosticListSchema, 'The rounds.'),
    404: problemContent('No cluster has this slug.', { status: 404, code: 'NEEDS_DIAGNOSTIC_CLUSTER_NOT_FOUND' }),
  },
});

const createRoute = protectedRoute({
  method: 'post',
  path: '/needs/diagnostics',
  tags: [TAG],
  operationId: 'createDiagnostic',
  summary: 'Start a diagnostic round',
  description:
    'For the cluster’s managers and programme staff: a draft round, numbered after the last one; when the cluster has an endorsed round, the draft starts as a copy of the latest. One draft per cluster. Audited.',
  request: body(createDiagnosticInputSchema),
  responses: {
    201: jsonContent(diagnosticSchema, 'The draft.'),
    403: forbidden,
    404: problemContent('No cluster has this slug.', { status: 404, code: 'NEEDS_DIAGNOSTIC_CLUSTER_NOT_FOUND' }),
    409: problemContent('The cluster already has a draft round.', { status: 409, code: 'NEEDS_DIAGNOSTIC_DRAFT_EXISTS' }),
  },
});

const getRoute = publicRoute({
  method: 'get',
  path: '/needs/diagnostics/{id}',
  tags: [TAG],
  operationId: 'getDiagnostic',
  summary: 'A diagnostic round',
  description:
    'Challenges, SWOT and baseline figures. Endorsed rounds are public; evidence (text and address) is `null` unless the caller holds `needs.read` over the cluster; drafts are for those callers only.',
  request: { params: idParams },
  responses: { 200: jsonContent(diagnosticSchema, 'The round.'), 404: notFound },
});

const patchRoute = protectedRoute({
  method: 'patch',
  path: '/needs/diagnostics/{id}',
  tags: [TAG],
  operationId: 'updateDiagnostic',
  summary: 'Edit a draft round',
  description: 'Changes the date of a draft round. Audited.',
  request: { params: idParams, ...body(updateDiagnosticInputSchema) },
  responses: { 200: jsonContent(diagnosticSchema, 'The round.'), 403: forbidden, 404: notFound, 409: endorsed },
});

const endorseRoute = protectedRoute({
  method: 'post',
  path: '/needs/diagnostics/{id}/endorse',
  tags: [TAG],
  operationId: 'endorseDiagnostic',
  summary: 'Record the endorsement of a draft round',
  description:
    'Records who endorsed the round (name and role) and when, and the account that recorded it; the round is read-only afterwards. A round needs at least one challenge. Audited.',
  request: { params: idParams, ...body(endorseInputSchema) },
  responses: {
    200: jsonContent(diagnosticSchema, 'The endorsed round.'),
    400: problemContent('The round has no challenge (or a field is invalid).', { status: 400, code: 'NEEDS_DIAGNOSTIC_EMPTY' }),
    403: forbidden,
    404: notFound,
    409: endorsed,
  },
});

const addChallengeRoute = protectedRoute({
  method: 'post',
  path: '/needs/diagnostics/{id}/challenges',
  tags: [TAG],
  operationId: 'addDiagnosticChallenge',
  summary: 'Add a challenge to a draft round',
  description: 'Placed after the round’s challenges unless given a `sortOrder`. Audited.',
  request: { params: idParams, ...body(challengeInputSchema) },
  responses: { 201: jsonContent(challengeSchema, 'The challenge.'), 400: unknownTheme, 403: forbidden, 404: notFound, 409: endorsed },
});

const updateChallengeRoute = protectedRoute({
  method: 'patch',
  path: '/needs/challenges/{id}',
  tags: [TAG],
  operationId: 'updateDiagnosticChallenge',
  summary: 'Edit a challenge of a draft round',
  description:
    'Absent fields keep their value; `null` clears an optional one; a text (description, gender note, evidence) merges by language: the languages given replace those, the others stay. Audited with the changed fields.',
  request: { params: idParams, ...body(challengePatchSchema) },
  responses: { 200: jsonContent(challengeSchema, 'The challenge.'), 400: unknownTheme, 403: forbidden, 404: itemNotFound, 409: endorsed },
});

const addSwotRoute = protectedRoute({
  method: 'post',
  path: '/needs/diagnostics/{id}/swot-items',
  tags: [TAG],
  operationId: 'addSwotItem',
  summary: 'Add a SWOT item to a draft round',
  description: 'Strength, weakness, opportunity or threat, placed last. Audited.',
  request: { params: idParams, ...body(swotItemInputSchema) },
  responses: { 201: jsonContent(swotItemSchema, 'The item.'), 403: forbidden, 404: notFound, 409: endorsed },
});

const addBaselineRoute = protectedRoute({
  method: 'post',
  path: '/needs/diagnostics/{id}/baseline-figures',
  tags: [TAG],
  operationId: 'addBaselineFigure',
  summary: 'Add a baseline figure to a draft round',
  description: 'An indicator’s value, unit, year and source, placed last. Audited.',
  request: { params: idParams, ...body(baselineInputSchema) },
  responses: { 201: jsonContent(baselineFigureSchema, 'The figure.'), 403: forbidden, 404: notFound, 409: endorsed },
});

/** Removing one item (challenge, SWOT item, baseline figure) of a draft round: same answers for all three. */
function removeItemRoute<const P extends string>(path: P, operationId: string, what: string) {
  return protectedRoute({
    method: 'delete',
    path,
    tags: [TAG],
    operationId,
    summary: `Remove ${what} from a draft round`,
    description: 'Audited.',
    request: { params: idParams },
    responses: { 204: { description: 'Removed.' }, 403: forbidden, 404: itemNotFound, 409: endorsed },
  });
}

const removeChallengeRoute = removeItemRoute('/needs/challenges/{id}', 'removeDiagnosticChallenge', 'a challenge');
const removeSwotRoute = removeItemRoute('/needs/swot-items/{id}', 'removeSwotItem', 'a SWOT item');
const removeBaselineRoute = removeItemRoute('/needs/baseline-figures/{id}', 'removeBaselineFigure', 'a baseline figure');

const listChallengesRoute = publicRoute({
  method: 'get',
  path: '/needs/challenges',
  tags: [TAG],
  operationId: 'listEndorsedChallenges',
  summary: 'Endorsed challenges',
  description:
    'The challenges of each cluster’s current diagnostic (its latest endorsed round), by country, cluster and order: what the priority synthesis reads. Evidence is `null` unless the caller holds `needs.read` over the cluster.',
  request: {
    query: z.object({
      cluster: z.string().optional().meta({ description: 'A cluster’s slug.' }),
      country: z.string().optional().meta({ description: 'An ISO 3166-1 alpha-2 country code.', example: 'TN' }),
      theme: themeCodeSchema.optional(),
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: { 200: jsonContent(endorsedChallengePageSchema, 'A page of challenges with the total.') },
});

export function createDiagnosticsApi() {
  return createApiRouter()
    .openapi(listClusterRoute, async (c) =>
      c.json({ items: await listClusterDiagnostics(c.get('actor') ?? anonymous, c.req.valid('param').slug) }, 200),
    )
    .openapi(createRoute, async (c) => c.json(await createDiagnostic(currentUser(c), c.req.valid('json')), 201))
    .openapi(getRoute, async (c) => c.json(await getDiagnostic(c.get('actor') ?? anonymous, c.req.valid('param').id), 200))
    .openapi(patchRoute, async (c) => c.json(await updateDiagnostic(currentUser(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(endorseRoute, async (c) => c.json(await endorseDiagnostic(currentUser(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(addChallengeRoute, async (c) => c.json(await addChallenge(currentUser(c), c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(updateChallengeRoute, async (c) =>
      c.json(await updateChallenge(currentUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(removeChallengeRoute, async (c) => {
      await removeChallenge(currentUser(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(addSwotRoute, async (c) => c.json(await addSwotItem(currentUser(c), c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(removeSwotRoute, async (c) => {
      await removeSwotItem(currentUser(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(addBaselineRoute, async (c) =>
      c.json(await addBaselineFigure(currentUser(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(removeBaselineRoute, async (c) => {
      await removeBaselineFigure(currentUser(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(listChallengesRoute, async (c) =>
      c.json(await listEndorsedChallenges(c.get('actor') ?? anonymous, c.req.valid('query')), 200),
    );
}

/**
 * The challenge taxonomy over the API: anyone reads the active themes, in every language at once;
 * taxonomy managers create, edit, archive and restore them. Adapters only: authenticate, parse
 * (the Zod contracts), call one service, map the result.
 */
import { z } from 'zod';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute, publicRoute } from '#app/shared/api/router.server.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { createDiagnosticsApi } from './diagnostics/diagnostics.api.server.ts';
import { createEvidenceApi } from './evidence.api.server.ts';
import { createSurveyInvitationsApi } from './invitations/invitations.api.server.ts';
import {
  challengeThemeListSchema,
  challengeThemeSchema,
  createThemeInputSchema,
  themeCodeSchema,
  updateThemeInputSchema,
} from './needs.contracts.ts';
import {
  archiveChallengeTheme,
  createChallengeTheme,
  listChallengeThemes,
  restoreChallengeTheme,
  updateChallengeTheme,
} from './needs.service.server.ts';
import { createNeedsExportsApi } from './needs-exports.api.server.ts';
import { createNeedsSurveyApi } from './needs-survey.api.server.ts';
import { createPrioritiesApi } from './priorities.api.server.ts';
import { createWorkshopOutputsApi } from './workshops/workshops.api.server.ts';

export const NEEDS_TAG = 'needs';

const codeParams = z.object({ code: themeCodeSchema });

const forbidden = problemContent('Only taxonomy managers may change challenge themes; nothing was changed.', {
  status: 403,
  code: 'COMMON_FORBIDDEN',
});
const notFound = problemContent('No challenge theme has this code.', { status: 404, code: 'NEEDS_THEME_NOT_FOUND' });

const listThemesRoute = publicRoute({
  method: 'get',
  path: '/needs/themes',
  tags: [NEEDS_TAG],
  operationId: 'listChallengeThemes',
  summary: 'Challenge themes',
  description:
    'The challenge taxonomy in its order, with names and descriptions in Arabic, French and English. Archived themes are listed only with `includeArchived=true`, for taxonomy managers.',
  request: {
    query: z.object({
      includeArchived: z.enum(['true', 'false']).optional().meta({ description: 'Also list archived themes (taxonomy managers only).' }),
    }),
  },
  responses: {
    200: jsonContent(challengeThemeListSchema, 'The themes.'),
    401: problemContent('`includeArchived=true` without credentials.', { status: 401, code: 'COMMON_UNAUTHENTICATED' }),
    403: forbidden,
  },
});

const createThemeRoute = protectedRoute({
  method: 'post',
  path: '/needs/themes',
  tags: [NEEDS_TAG],
  operationId: 'createChallengeTheme',
  summary: 'Add a challenge theme',
  description:
    'For taxonomy managers. The code is stable: records point at it, so it never changes. Placed last unless given a `sortOrder`. Audited.',
  request: { body: { required: true, content: { 'application/json': { schema: createThemeInputSchema } } } },
  responses: {
    201: jsonContent(challengeThemeSchema, 'The theme as created.'),
    403: forbidden,
    409: problemContent('A theme (perhaps archived) already has this code; nothing was written.', {
      status: 409,
      code: 'NEEDS_THEME_CODE_TAKEN',
      fields: [{ field: 'code', code: 'NEEDS_THEME_CODE_TAKEN' }],
    }),
  },
});

const updateThemeRoute = protectedRoute({
  method: 'patch',
  path: '/needs/themes/{code}',
  tags: [NEEDS_TAG],
  operationId: 'updateChallengeTheme',
  summary: 'Edit a challenge theme',
  description:
    'For taxonomy managers: changes the given name, description or order; absent fields keep their value and `description: null` clears it. Audited with the changed fields.',
  request: { params: codeParams, body: { required: true, content: { 'application/json': { schema: updateThemeInputSchema } } } },
  responses: { 200: jsonContent(challengeThemeSchema, 'The theme as changed.'), 403: forbidden, 404: notFound },
});

const archiveThemeRoute = protectedRoute({
  method: 'post',
  path: '/needs/themes/{code}/archive',
  tags: [NEEDS_TAG],
  operationId: 'archiveChallengeTheme',
  summary: 'Archive a challenge theme',
  description:
    'For taxonomy managers: the theme leaves the public list; records keep pointing at it. Themes are never deleted. Idempotent; audited.',
  request: { params: codeParams },
  responses: { 200: jsonContent(challengeThemeSchema, 'The theme, archived.'), 403: forbidden, 404: notFound },
});

const restoreThemeRoute = protectedRoute({
  method: 'post',
  path: '/needs/themes/{code}/restore',
  tags: [NEEDS_TAG],
  operationId: 'restoreChallengeTheme',
  summary: 'Restore an archived challenge theme',
  description: 'For taxonomy managers: the theme is back in the public list. Idempotent; audited.',
  request: { params: codeParams },
  responses: { 200: jsonContent(challengeThemeSchema, 'The theme, active again.'), 403: forbidden, 404: notFound },
});

export function createNeedsApi() {
  return createApiRouter()
    .openapi(listThemesRoute, async (c) => {
      const includeArchived = c.req.valid('query').includeArchived === 'true';
      return c.json({ items: await listChallengeThemes(c.get('actor') ?? anonymous, { includeArchived }) }, 200);
    })
    .openapi(createThemeRoute, async (c) => c.json(await createChallengeTheme(currentUser(c), c.req.valid('json')), 201))
    .openapi(updateThemeRoute, async (c) =>
      c.json(await updateChallengeTheme(currentUser(c), c.req.valid('param').code, c.req.valid('json')), 200),
    )
    .openapi(archiveThemeRoute, async (c) => c.json(await archiveChallengeTheme(currentUser(c), c.req.valid('param').code), 200))
    .openapi(restoreThemeRoute, async (c) => c.json(await restoreChallengeTheme(currentUser(c), c.req.valid('param').code), 200))
    .route('/', createDiagnosticsApi())
    .route('/', createNeedsSurveyApi())
    .route('/', createSurveyInvitationsApi())
    .route('/', createPrioritiesApi())
    .route('/', createNeedsExportsApi())
    .route('/', createEvidenceApi())
    .route('/', createWorkshopOutputsApi());
}

/**
 * Needs surveys over the API: anyone may read the ready-made template as it stands (the current
 * challenge themes); those who manage forms over a scope create and publish a survey for it. The
 * survey is a form: read it, answer it and export its responses through `/forms`.
 * Adapters only: authenticate, parse (the Zod contracts), call one service, map the result.
 */
import { z } from 'zod';
import { formCodeSchema, formDefinitionSchema, formLabelSchema, formScopeSchema } from '#app/modules/forms/index.ts';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute, publicRoute } from '#app/shared/api/router.server.ts';
import { createNeedsSurveyInputSchema } from './needs-survey.contracts.ts';
import { createNeedsSurvey, needsSurveyTemplate } from './needs-survey.service.server.ts';

const TAG = 'needs';

const createdSurveySchema = z
  .object({
    code: formCodeSchema,
    title: formLabelSchema,
    scope: formScopeSchema,
    version: z.int().min(1).meta({ description: 'The published version, read and answered through /forms/{code}.' }),
  })
  .meta({ id: 'NeedsSurvey' });

const templateRoute = publicRoute({
  method: 'get',
  path: '/needs/surveys/template',
  tags: [TAG],
  operationId: 'getNeedsSurveyTemplate',
  summary: 'The needs survey template',
  description:
    'The ready-made needs survey as a form definition, in Arabic, French and English, asking the current challenge themes: respondent gender and organisation size (for disaggregation), challenges and their severity, support services, training needs by topic and format.',
  responses: { 200: jsonContent(formDefinitionSchema, 'The template (code `needs-survey`).') },
});

const createSurveyRoute = protectedRoute({
  method: 'post',
  path: '/needs/surveys',
  tags: [TAG],
  operationId: 'createNeedsSurvey',
  summary: 'Create and publish a needs survey',
  description:
    'For those who manage forms over the scope (programme staff; a cluster’s managers for their cluster): a form made from the template and published at once, so members can answer it. Audited.',
  request: { body: { required: true, content: { 'application/json': { schema: createNeedsSurveyInputSchema } } } },
  responses: {
    201: jsonContent(createdSurveySchema, 'The published survey.'),
    403: problemContent('The caller does not manage forms over this scope; nothing was created.', {
      status: 403,
      code: 'COMMON_FORBIDDEN',
    }),
    409: problemContent('A form already has this code.', { status: 409, code: 'FORMS_CODE_TAKEN' }),
  },
});

export function createNeedsSurveyApi() {
  return createApiRouter()
    .openapi(templateRoute, async (c) => c.json(await needsSurveyTemplate('needs-survey'), 200))
    .openapi(createSurveyRoute, async (c) => {
      const { form, version } = await createNeedsSurvey(currentUser(c), c.req.valid('json'));
      return c.json({ code: form.code, title: form.title, scope: form.scope, version: version.version }, 201);
    });
}

/**
 * Forms over the API: building and publishing versions (managers), reading versions, answering
 * page by page and submitting (respondents, or staff entering answers for someone), and the
 * managers' list and XLSX export of responses. Adapters only: authenticate, parse (the Zod
 * contracts), call one service, map the result to JSON (dates as ISO strings).
 */
import { z } from 'zod';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute } from '#app/shared/api/router.server.ts';
import { LOCALES, negotiateLocale } from '#app/shared/i18n/locales.ts';
import type { FormFieldValue } from './form-fields.ts';
import { createFormInputSchema, type FormResponseView, formScopeSchema, type StoredForm } from './form-store.contracts.ts';
import {
  type DefinitionProblem,
  FORMS_DEFINITION_PROBLEM_CODES,
  type FormVersion,
  formCodeSchema,
  formDefinitionSchema,
  formLabelSchema,
  rawAnswersSchema,
} from './forms.contracts.ts';
import {
  createForm,
  exportResponses,
  getFormVersion,
  getResponse,
  listForms,
  listResponses,
  listVersions,
  publishDraft,
  saveDraft,
  saveResponsePage,
  submitResponse,
} from './forms.service.server.ts';
import {
  type FormSummary,
  listFormsInputSchema,
  listResponsesInputSchema,
  RESPONSE_STATUSES,
  type ResponseSummary,
} from './forms-responses.contracts.ts';
import { responsesFileName, responsesWorkbook, XLSX_CONTENT_TYPE } from './forms-responses-xlsx.server.ts';

export const FORMS_TAG = 'forms';

// ---- JSON shapes -----------------------------------------------------------------------------

const isoDate = z.iso.datetime();

const storedFormSchema = z
  .object({ code: formCodeSchema, title: formLabelSchema, scope: formScopeSchema, createdAt: isoDate })
  .meta({ id: 'StoredForm', description: 'A form: its stable code, title (from its latest published version) and scope.' });

const formVersionSchema = z
  .object({
    formCode: formCodeSchema,
    version: z.int().min(1),
    publishedAt: isoDate.nullable().meta({ description: 'Null while a draft; a published version never changes.' }),
    definition: formDefinitionSchema,
  })
  .meta({ id: 'FormVersion' });

const definitionProblemSchema = z
  .object({
    path: z.string().meta({ example: 'pages.0.sections.1.questions.2.max' }),
    code: z.enum(FORMS_DEFINITION_PROBLEM_CODES),
    values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: 'FormDefinitionProblem', description: 'What still prevents publishing the draft (saving is allowed).' });

const draftResultSchema = z.object({ draft: formVersionSchema, problems: z.array(definitionProblemSchema) });

const responseSchema = z
  .object({
    id: z.string(),
    formCode: formCodeSchema,
    version: z.int().min(1).meta({ description: 'The version the response was given against: the only one it is read with.' }),
    status: z.enum(RESPONSE_STATUSES),
    answers: z.record(z.string(), z.unknown()).meta({ description: 'Question code -> answer, as validated.' }),
    respondentUserId: z.string().nullable(),
    enteredByUserId: z.string().nullable().meta({ description: 'Staff who entered the answers for the respondent.' }),
    currentPage: z.string().nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
    submittedAt: isoDate.nullable(),
  })
  .meta({ id: 'FormResponse' });

const personRefSchema = z.object({ userId: z.string(), name: z.string().nullable() }).nullable();

const responseSummarySchema = z
  .object({
    id: z.string(),
    formCode: formCodeSchema,
    version: z.int().min(1),
    status: z.enum(RESPONSE_STATUSES),
    respondent: personRefSchema,
    enteredBy: personRefSchema,
    createdAt: isoDate,
    updatedAt: isoDate,
    submittedAt: isoDate.nullable(),
  })
  .meta({ id: 'FormResponseSummary' });

const formSummarySchema = storedFormSchema
  .extend({
    publishedVersion: z.int().nullable(),
    draftVersion: z.int().nullable(),
    versions: z.int(),
    responses: z.object({ draft: z.int(), submitted: z.int() }),
  })
  .meta({ id: 'FormSummary' });

// ---- Mapping ----------------------------------------------------------------------------------

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

function formJson(form: StoredForm) {
  return { ...form, scope: formScopeSchema.parse(form.scope), createdAt: iso(form.createdAt) };
}

function versionJson(version: FormVersion) {
  return { ...version, publishedAt: isoOrNull(version.publishedAt) };
}

function problemsJson(problems: DefinitionProblem[]) {
  return problems.map((problem) => ({ ...problem }));
}

function responseJson(response: FormResponseView) {
  return {
    ...response,
    createdAt: iso(response.createdAt),
    updatedAt: iso(response.updatedAt),
    submittedAt: isoOrNull(response.submittedAt),
  };
}

function summaryJson(response: ResponseSummary) {
  return {
    ...response,
    createdAt: iso(response.createdAt),
    updatedAt: iso(response.updatedAt),
    submittedAt: isoOrNull(response.submittedAt),
  };
}

function formSummaryJson(form: FormSummary) {
  return { ...formJson(form), ...form, scope: formScopeSchema.parse(form.scope), createdAt: iso(form.createdAt) };
}

// ---- Requests ---------------------------------------------------------------------------------

const codeParams = z.object({ code: formCodeSchema });
const versionParams = z.object({ code: formCodeSchema, version: z.coerce.number().int().min(1) });
const responseParams = z.object({ id: z.string().min(1).max(100) });

const fileMetaSchema = z
  .object({ name: z.string().min(1).max(255), type: z.string().min(1).max(255), size: z.int().min(0) })
  .meta({ id: 'FormFileMeta', description: 'An uploaded file as the answer sees it (the file itself goes through the files API).' });

const fieldValueSchema = z.union([z.string().max(20_000), fileMetaSchema]);

const saveResponseBodySchema = z
  .object({
    responseId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: 'The draft to continue; a new response is started when absent.' }),
    page: formCodeSchema.meta({ description: 'The code of the page these fields answer.' }),
    fields: z
      .record(z.string().max(200), z.union([fieldValueSchema, z.array(fieldValueSchema).max(200)]))
      .optional()
      .meta({
        description:
          'The page\'s fields as a no-JavaScript form posts them: question code -> value (several for ticked boxes), `<question>.<option>` for ranks and matrix rows, `<question>._other` for "other" texts, file metadata for a file question.',
        example: { 'org-name': 'Atelier Zellige', 'org-size': 'small', employees: '12', challenges: ['finance', 'markets'] },
      }),
    answers: rawAnswersSchema.optional().meta({
      description:
        'Instead of `fields`: typed answers as `GET /forms/responses/{id}` returns them (numbers as numbers, choices as codes, `{ "other": text }`, ranks as ordered codes, matrix rows as an object). Keys must be questions of the page.',
      example: { 'org-name': 'Atelier Zellige', 'org-size': 'small', employees: 12, challenges: ['finance'] },
    }),
    locale: z.enum(LOCALES).optional().meta({ description: 'The language numbers were typed in (default: Accept-Language).' }),
    onBehalfOf: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: 'Assisted entry: the user the caller answers for (needs users.act_as).' }),
  })
  .refine((body) => (body.fields === undefined) !== (body.answers === undefined), {
    path: ['fields'],
    message: 'Give either fields or answers.',
  })
  .meta({ id: 'FormPageAnswers' });

function fieldPairs(fields: Record<string, FormFieldValue | FormFieldValue[]>): [string, FormFieldValue][] {
  return Object.entries(fields).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((one): [string, FormFieldValue] => [name, one]),
  );
}

// ---- Documented problems ------------------------------------------------------------------------

const forbidden = problemContent('The caller may not do this with this form; nothing was changed.', {
  status: 403,
  code: 'COMMON_FORBIDDEN',
});
const formNotFound = problemContent('No form has this code.', { status: 404, code: 'FORMS_FORM_NOT_FOUND' });
const responseNotFound = problemContent('No response with this id that the caller may read.', {
  status: 404,
  code: 'FORMS_RESPONSE_NOT_FOUND',
});
const answersRefused = problemContent('Some answers are not valid: `errors` names each field with its code; nothing was stored.', {
  status: 400,
  code: 'FORMS_ANSWERS_INVALID',
  fields: [{ field: 'employees', code: 'FORMS_ANSWER_NOT_A_NUMBER' }],
});
const alreadySubmitted = problemContent('The response is submitted: it is final.', { status: 409, code: 'FORMS_RESPONSE_SUBMITTED' });

// ---- Operations ---------------------------------------------------------------------------------

const listFormsRoute = protectedRoute({
  method: 'get',
  path: '/forms',
  tags: [FORMS_TAG],
  operationId: 'listForms',
  summary: 'Forms the caller manages',
  description: 'Every form whose scope the caller manages (`forms.manage`), by code, with its versions and response counts.',
  request: { query: listFormsInputSchema },
  responses: { 200: jsonContent(z.object({ items: z.array(formSummarySchema) }), 'The forms.'), 403: forbidden },
});

const createFormRoute = protectedRoute({
  method: 'post',
  path: '/forms',
  tags: [FORMS_TAG],
  operationId: 'createForm',
  summary: 'Create a form',
  description: 'For those who manage the scope. Opens version 1 as a draft (empty unless a definition is given). Audited.',
  request: { body: { required: true, content: { 'application/json': { schema: createFormInputSchema } } } },
  responses: {
    201: jsonContent(
      z.object({ form: storedFormSchema, draft: formVersionSchema, problems: z.array(definitionProblemSchema) }),
      'Created.',
    ),
    403: forbidden,
    409: problemContent('A form already has this code.', {
      status: 409,
      code: 'FORMS_CODE_TAKEN',
      fields: [{ field: 'code', code: 'FORMS_CODE_TAKEN' }],
    }),
  },
});

const getFormRoute = protectedRoute({
  method: 'get',
  path: '/forms/{code}',
  tags: [FORMS_TAG],
  operationId: 'getForm',
  summary: 'A form and its latest published version',
  description: 'For those who may answer or manage the form.',
  request: { params: codeParams },
  responses: {
    200: jsonContent(z.object({ form: storedFormSchema, version: formVersionSchema }), 'The form.'),
    403: forbidden,
    404: formNotFound,
  },
});

const listVersionsRoute = protectedRoute({
  method: 'get',
  path: '/forms/{code}/versions',
  tags: [FORMS_TAG],
  operationId: 'listFormVersions',
  summary: 'Every version of a form',
  description: 'Oldest first: drafts too for managers, published versions for those who may answer.',
  request: { params: codeParams },
  responses: {
    200: jsonContent(z.object({ form: storedFormSchema, items: z.array(formVersionSchema) }), 'The versions.'),
    403: forbidden,
    404: formNotFound,
  },
});

const getVersionRoute = protectedRoute({
  method: 'get',
  path: '/forms/{code}/versions/{version}',
  tags: [FORMS_TAG],
  operationId: 'getFormVersion',
  summary: 'One version of a form',
  description: 'Published versions for those who may answer or manage the form; a draft for its managers only.',
  request: { params: versionParams },
  responses: {
    200: jsonContent(z.object({ form: storedFormSchema, version: formVersionSchema }), 'The version.'),
    403: forbidden,
    404: problemContent('No such form or version.', { status: 404, code: 'FORMS_VERSION_NOT_FOUND' }),
  },
});

const saveDraftRoute = protectedRoute({
  method: 'put',
  path: '/forms/{code}/draft',
  tags: [FORMS_TAG],
  operationId: 'saveFormDraft',
  summary: 'Save the draft',
  description:
    'Replaces the open draft, or opens the next version when every version is published. The problems returned do not prevent saving, only publishing. Audited.',
  request: { params: codeParams, body: { required: true, content: { 'application/json': { schema: formDefinitionSchema } } } },
  responses: { 200: jsonContent(draftResultSchema, 'The draft and its problems.'), 403: forbidden, 404: formNotFound },
});

const publishRoute = protectedRoute({
  method: 'post',
  path: '/forms/{code}/publish',
  tags: [FORMS_TAG],
  operationId: 'publishFormDraft',
  summary: 'Publish the draft',
  description: 'The draft becomes the version new responses are given against; it never changes again. Audited.',
  request: { params: codeParams },
  responses: {
    200: jsonContent(formVersionSchema, 'The published version.'),
    403: forbidden,
    404: problemContent('The form has no open draft.', { status: 404, code: 'FORMS_DRAFT_NOT_FOUND' }),
    422: problemContent('The draft still has problems.', { status: 422, code: 'FORMS_DEFINITION_HAS_PROBLEMS' }),
  },
});

const saveResponseRoute = protectedRoute({
  method: 'post',
  path: '/forms/{code}/responses',
  tags: [FORMS_TAG],
  operationId: 'saveFormResponsePage',
  summary: 'Answer one page',
  description:
    'Starts a response on the latest published version, or continues a draft with the version it started with. Any bad answer refuses the page: 400 with each field and its code, and nothing is stored.',
  request: { params: codeParams, body: { required: true, content: { 'application/json': { schema: saveResponseBodySchema } } } },
  responses: {
    200: jsonContent(
      z.object({ response: responseSchema, nextPage: z.string().nullable().meta({ description: 'Null after the last page.' }) }),
      'The response as stored.',
    ),
    400: answersRefused,
    403: forbidden,
    404: formNotFound,
    409: alreadySubmitted,
  },
});

const submitRoute = protectedRoute({
  method: 'post',
  path: '/forms/responses/{id}/submit',
  tags: [FORMS_TAG],
  operationId: 'submitFormResponse',
  summary: 'Submit a response',
  description: 'Checks the whole response with its version; a submitted response is final. Audited.',
  request: { params: responseParams },
  responses: {
    200: jsonContent(responseSchema, 'The submitted response.'),
    400: answersRefused,
    403: forbidden,
    404: responseNotFound,
    409: alreadySubmitted,
  },
});

const getResponseRoute = protectedRoute({
  method: 'get',
  path: '/forms/responses/{id}',
  tags: [FORMS_TAG],
  operationId: 'getFormResponse',
  summary: 'A response with the version it was given against',
  description: 'For its respondent, whoever entered it, and the form’s managers. Read the answers with this version’s definition.',
  request: { params: responseParams },
  responses: {
    200: jsonContent(z.object({ response: responseSchema, version: formVersionSchema }), 'The response.'),
    404: responseNotFound,
  },
});

const listResponsesRoute = protectedRoute({
  method: 'get',
  path: '/forms/{code}/responses',
  tags: [FORMS_TAG],
  operationId: 'listFormResponses',
  summary: 'Responses to a form',
  description: 'For the form’s managers: newest first, a page at a time (`nextCursor`), optionally one version or status.',
  request: { params: codeParams, query: listResponsesInputSchema },
  responses: {
    200: jsonContent(z.object({ items: z.array(responseSummarySchema), nextCursor: z.string().nullable() }), 'A page of responses.'),
    403: forbidden,
    404: formNotFound,
  },
});

const exportRoute = protectedRoute({
  method: 'get',
  path: '/forms/{code}/responses.xlsx',
  tags: [FORMS_TAG],
  operationId: 'exportFormResponses',
  summary: 'Every response as XLSX',
  description:
    'For the form’s managers. Each response read with its own version. Sheet 1: headers in the requested language (`locale`, else Accept-Language), then a row of stable column codes, then one row per response. Sheet 2: each column’s code and its label in every version. Audited.',
  request: {
    params: codeParams,
    query: z.object({ locale: z.enum(LOCALES).optional(), status: z.enum(RESPONSE_STATUSES).optional() }),
  },
  responses: {
    200: { description: 'The workbook.', content: { [XLSX_CONTENT_TYPE]: { schema: z.string().meta({ format: 'binary' }) } } },
    403: forbidden,
    404: formNotFound,
  },
});

export function createFormsApi() {
  return createApiRouter()
    .openapi(listFormsRoute, async (c) => {
      const items = await listForms(currentUser(c), c.req.valid('query'));
      return c.json({ items: items.map(formSummaryJson) }, 200);
    })
    .openapi(createFormRoute, async (c) => {
      const created = await createForm(currentUser(c), c.req.valid('json'));
      return c.json({ form: formJson(created.form), draft: versionJson(created.draft), problems: problemsJson(created.problems) }, 201);
    })
    .openapi(getFormRoute, async (c) => {
      const found = await getFormVersion(currentUser(c), c.req.valid('param').code);
      return c.json({ form: formJson(found.form), version: versionJson(found.version) }, 200);
    })
    .openapi(listVersionsRoute, async (c) => {
      const found = await listVersions(currentUser(c), c.req.valid('param').code);
      return c.json({ form: formJson(found.form), items: found.versions.map(versionJson) }, 200);
    })
    .openapi(getVersionRoute, async (c) => {
      const { code, version } = c.req.valid('param');
      const found = await getFormVersion(currentUser(c), code, version);
      return c.json({ form: formJson(found.form), version: versionJson(found.version) }, 200);
    })
    .openapi(saveDraftRoute, async (c) => {
      const saved = await saveDraft(currentUser(c), c.req.valid('param').code, c.req.valid('json'));
      return c.json({ draft: versionJson(saved.draft), problems: problemsJson(saved.problems) }, 200);
    })
    .openapi(publishRoute, async (c) => c.json(versionJson(await publishDraft(currentUser(c), c.req.valid('param').code)), 200))
    .openapi(saveResponseRoute, async (c) => {
      const body = c.req.valid('json');
      const saved = await saveResponsePage(currentUser(c), c.req.valid('param').code, {
        responseId: body.responseId,
        page: body.page,
        ...(body.answers !== undefined ? { answers: body.answers } : { fields: fieldPairs(body.fields ?? {}) }),
        locale: body.locale ?? negotiateLocale(c.req.header('accept-language')),
        onBehalfOf: body.onBehalfOf,
      });
      return c.json({ response: responseJson(saved.response), nextPage: saved.nextPage }, 200);
    })
    .openapi(submitRoute, async (c) => c.json(responseJson(await submitResponse(currentUser(c), c.req.valid('param').id)), 200))
    .openapi(getResponseRoute, async (c) => {
      const found = await getResponse(currentUser(c), c.req.valid('param').id);
      return c.json({ response: responseJson(found.response), version: versionJson(found.version) }, 200);
    })
    .openapi(listResponsesRoute, async (c) => {
      const page = await listResponses(currentUser(c), c.req.valid('param').code, c.req.valid('query'));
      return c.json({ items: page.items.map(summaryJson), nextCursor: page.nextCursor }, 200);
    })
    .openapi(exportRoute, async (c) => {
      const query = c.req.valid('query');
      const locale = query.locale ?? negotiateLocale(c.req.header('accept-language'));
      const exported = await exportResponses(currentUser(c), c.req.valid('param').code, locale, { status: query.status });
      const body = responsesWorkbook(exported, locale);
      return c.body(body as ReadableStream<Uint8Array<ArrayBuffer>>, 200, {
        'Content-Type': XLSX_CONTENT_TYPE,
        'Content-Disposition': `attachment; filename="${responsesFileName(exported.form.code)}"`,
        'Cache-Control': 'no-store',
      });
    });
}

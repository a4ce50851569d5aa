/**
 * An event's follow-up over the API (issue 5, items 5 and 8): read it (public items for anyone,
 * everything for those who manage the event), and for its managers: decisions, actions, minutes and
 * documents (create, replace, delete; documents uploaded as multipart). The open actions across
 * the events the caller manages. Adapters only: parse, call one service, map the result.
 */
import { z } from 'zod';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute, publicRoute } from '#app/shared/api/router.server.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { AppError } from '#app/shared/errors.ts';
import { eventSlugSchema } from '../events.contracts.ts';
import {
  actionInputSchema,
  actionStatusInputSchema,
  decisionInputSchema,
  documentInputSchema,
  followUpActionSchema,
  followUpDecisionSchema,
  followUpDocumentSchema,
  followUpSchema,
  minutesInputSchema,
  openActionsSchema,
} from './followup.contracts.ts';
import {
  createAction,
  createDecision,
  deleteAction,
  deleteDecision,
  deleteDocument,
  getFollowUp,
  listOpenActions,
  openDocument,
  saveMinutes,
  setActionStatus,
  updateAction,
  updateDecision,
  uploadDocument,
} from './followup.service.server.ts';

const TAG = 'events';
const slugParams = z.object({ slug: eventSlugSchema });
const itemParams = z.object({ slug: eventSlugSchema, id: z.string().min(1).max(64) });
const forbidden = problemContent('Only those who manage the event change its follow-up; nothing was changed.', {
  status: 403,
  code: 'COMMON_FORBIDDEN',
});
const notFound = problemContent('No event has this slug, or it is a draft you do not manage.', { status: 404, code: 'COMMON_NOT_FOUND' });
const json = <S>(schema: S) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const getRoute = publicRoute({
  method: 'get',
  path: '/events/{slug}/follow-up',
  tags: [TAG],
  operationId: 'getEventFollowUp',
  summary: 'An event’s decisions, actions, minutes and documents',
  description:
    'Public items for anyone who may read the event; every item, and the earlier versions of the minutes, for those who manage it. Actions past their due date (in the event’s time zone) and still open or in progress are `overdue`.',
  request: { params: slugParams },
  responses: { 200: jsonContent(followUpSchema, 'The follow-up.'), 404: notFound },
});

const openActionsRoute = protectedRoute({
  method: 'get',
  path: '/events/actions',
  tags: [TAG],
  operationId: 'listOpenEventActions',
  summary: 'Open follow-up actions across events',
  description: 'Open and in-progress actions of the events the caller manages, by due date (undated last), overdue ones flagged.',
  responses: { 200: jsonContent(openActionsSchema, 'The actions.'), 403: forbidden },
});

const createDecisionRoute = protectedRoute({
  method: 'post',
  path: '/events/{slug}/decisions',
  tags: [TAG],
  operationId: 'createEventDecision',
  summary: 'Record a decision',
  request: { params: slugParams, ...json(decisionInputSchema) },
  responses: { 201: jsonContent(followUpDecisionSchema, 'The decision.'), 403: forbidden, 404: notFound },
});

const updateDecisionRoute = protectedRoute({
  method: 'put',
  path: '/events/{slug}/decisions/{id}',
  tags: [TAG],
  operationId: 'updateEventDecision',
  summary: 'Replace a decision',
  request: { params: itemParams, ...json(decisionInputSchema) },
  responses: { 200: jsonContent(followUpDecisionSchema, 'The decision.'), 403: forbidden, 404: notFound },
});

const deleteDecisionRoute = protectedRoute({
  method: 'delete',
  path: '/events/{slug}/decisions/{id}',
  tags: [TAG],
  operationId: 'deleteEventDecision',
  summary: 'Delete a decision (its actions stay, unlinked)',
  request: { params: itemParams },
  responses: { 204: { description: 'Deleted.' }, 403: forbidden, 404: notFound },
});

const createActionRoute = protectedRoute({
  method: 'post',
  path: '/events/{slug}/actions',
  tags: [TAG],
  operationId: 'createEventAction',
  summary: 'Agree a follow-up action',
  description: 'With `ownerEmail`, the owner’s verified account: they are told by mail, in their language.',
  request: { params: slugParams, ...json(actionInputSchema) },
  responses: { 201: jsonContent(followUpActionSchema, 'The action.'), 403: forbidden, 404: notFound },
});

const updateActionRoute = protectedRoute({
  method: 'put',
  path: '/events/{slug}/actions/{id}',
  tags: [TAG],
  operationId: 'updateEventAction',
  summary: 'Replace an action',
  description: 'A new owner with an account is told by mail; the same owner is not told again.',
  request: { params: itemParams, ...json(actionInputSchema) },
  responses: { 200: jsonContent(followUpActionSchema, 'The action.'), 403: forbidden, 404: notFound },
});

const statusRoute = protectedRoute({
  method: 'patch',
  path: '/events/{slug}/actions/{id}',
  tags: [TAG],
  operationId: 'setEventActionStatus',
  summary: 'Change an action’s status',
  request: { params: itemParams, ...json(actionStatusInputSchema) },
  responses: { 200: jsonContent(followUpActionSchema, 'The action.'), 403: forbidden, 404: notFound },
});

const deleteActionRoute = protectedRoute({
  method: 'delete',
  path: '/events/{slug}/actions/{id}',
  tags: [TAG],
  operationId: 'deleteEventAction',
  summary: 'Delete an action',
  request: { params: itemParams },
  responses: { 204: { description: 'Deleted.' }, 403: forbidden, 404: notFound },
});

const minutesRoute = protectedRoute({
  method: 'put',
  path: '/events/{slug}/minutes',
  tags: [TAG],
  operationId: 'saveEventMinutes',
  summary: 'Save the minutes (a new version; earlier ones are kept)',
  request: { params: slugParams, ...json(minutesInputSchema) },
  responses: {
    200: jsonContent(
      z.object({ body: z.string(), isPublic: z.boolean(), updatedAt: z.string(), authorName: z.string().nullable() }),
      'The minutes.',
    ),
    403: forbidden,
    404: notFound,
  },
});

const uploadSchema = documentInputSchema.extend({
  file: z.any().meta({ type: 'string', format: 'binary', description: 'PDF, DOCX, XLSX, PNG, JPEG or WebP, at most 20 MB.' }),
});

const uploadRoute = protectedRoute({
  method: 'post',
  path: '/events/{slug}/documents',
  tags: [TAG],
  operationId: 'uploadEventDocument',
  summary: 'Upload a document',
  request: { params: slugParams, body: { content: { 'multipart/form-data': { schema: uploadSchema } }, required: true } },
  responses: {
    201: jsonContent(followUpDocumentSchema, 'The document.'),
    403: forbidden,
    404: notFound,
    413: problemContent('The file is larger than 20 MB.', { status: 413, code: 'EVENTS_FOLLOWUP_DOCUMENT_TOO_LARGE' }),
  },
});

const downloadRoute = publicRoute({
  method: 'get',
  path: '/events/{slug}/documents/{id}',
  tags: [TAG],
  operationId: 'downloadEventDocument',
  summary: 'Download a document',
  description: 'A public document for anyone who may read the event; a staff-only one for its managers (404 for others).',
  request: { params: itemParams },
  responses: {
    200: { description: 'The file.', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } },
    404: problemContent('No such document, or not shared with you.', { status: 404, code: 'EVENTS_FOLLOWUP_DOCUMENT_NOT_FOUND' }),
  },
});

const deleteDocumentRoute = protectedRoute({
  method: 'delete',
  path: '/events/{slug}/documents/{id}',
  tags: [TAG],
  operationId: 'deleteEventDocument',
  summary: 'Delete a document and its file',
  request: { params: itemParams },
  responses: { 204: { description: 'Deleted.' }, 403: forbidden, 404: notFound },
});

/** `attachment; filename*=` for any name (RFC 6266), with a plain ASCII fallback. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function createFollowUpApi() {
  return createApiRouter()
    .openapi(openActionsRoute, async (c) => c.json(await listOpenActions(currentUser(c)), 200))
    .openapi(getRoute, async (c) => c.json(await getFollowUp(c.get('actor') ?? anonymous, c.req.valid('param').slug), 200))
    .openapi(createDecisionRoute, async (c) =>
      c.json(await createDecision(currentUser(c), c.req.valid('param').slug, c.req.valid('json')), 201),
    )
    .openapi(updateDecisionRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      return c.json(await updateDecision(currentUser(c), slug, id, c.req.valid('json')), 200);
    })
    .openapi(deleteDecisionRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      await deleteDecision(currentUser(c), slug, id);
      return c.body(null, 204);
    })
    .openapi(createActionRoute, async (c) =>
      c.json(await createAction(currentUser(c), c.req.valid('param').slug, c.req.valid('json')), 201),
    )
    .openapi(updateActionRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      return c.json(await updateAction(currentUser(c), slug, id, c.req.valid('json')), 200);
    })
    .openapi(statusRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      return c.json(await setActionStatus(currentUser(c), slug, id, c.req.valid('json')), 200);
    })
    .openapi(deleteActionRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      await deleteAction(currentUser(c), slug, id);
      return c.body(null, 204);
    })
    .openapi(minutesRoute, async (c) => c.json(await saveMinutes(currentUser(c), c.req.valid('param').slug, c.req.valid('json')), 200))
    .openapi(uploadRoute, async (c) => {
      const { file, ...fields } = c.req.valid('form');
      if (!(file instanceof File)) {
        throw new AppError('EVENTS_FOLLOWUP_DOCUMENT_MISSING', 400, {
          fields: [{ field: 'file', code: 'EVENTS_FOLLOWUP_DOCUMENT_MISSING' }],
        });
      }
      const document = await uploadDocument(currentUser(c), c.req.valid('param').slug, fields, {
        name: file.name || 'document',
        contentType: file.type,
        size: file.size,
        bytes: file.stream(),
      });
      return c.json(document, 201);
    })
    .openapi(downloadRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      const document = await openDocument(c.get('actor') ?? anonymous, slug, id);
      return c.body(document.body, 200, {
        'Content-Type': document.contentType,
        'Content-Length': String(document.size),
        'Content-Disposition': contentDisposition(document.fileName),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      }) as never;
    })
    .openapi(deleteDocumentRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      await deleteDocument(currentUser(c), slug, id);
      return c.body(null, 204);
    });
}

/**
 * Event invitations over the API (issue 5, items 2 and 8): the invitation list with its tracking
 * counts and balance, adding from a directory view, a cluster, the twins finder or organisation
 * ids (or previewing the balance after adding with `dryRun`), removing an entry, sending personal
 * invitations (or counting them with `dryRun`), and the balance alone. Those who manage the event
 * only; the service decides. Adapters only.
 */
import { z } from 'zod';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute } from '#app/shared/api/router.server.ts';
import { eventSlugSchema } from '../events.contracts.ts';
import {
  addInvitationsInputSchema,
  addInvitationsResultSchema,
  balanceSchema,
  invitationListSchema,
  sendInvitationsInputSchema,
  sendInvitationsResultSchema,
} from './invitations.contracts.ts';
import {
  addInvitations,
  getInvitationBalance,
  getInvitationList,
  removeInvitation,
  sendInvitations,
} from './invitations.service.server.ts';

const TAG = 'events';
const slugParams = z.object({ slug: eventSlugSchema });
const entryParams = z.object({ slug: eventSlugSchema, id: z.string().min(1).max(64) });
const addBodySchema = addInvitationsInputSchema.omit({ event: true }).meta({ id: 'AddEventInvitationsBody' });
const sendBodySchema = sendInvitationsInputSchema.omit({ event: true }).meta({ id: 'SendEventInvitationsBody' });

const forbidden = problemContent('The caller does not manage this event; nothing was changed or sent.', {
  status: 403,
  code: 'COMMON_FORBIDDEN',
});
const notFound = problemContent('No event has this slug.', { status: 404, code: 'EVENTS_INVITATION_EVENT_NOT_FOUND' });

const listRoute = protectedRoute({
  method: 'get',
  path: '/events/{slug}/invitations',
  tags: [TAG],
  operationId: 'getEventInvitations',
  summary: 'The invitation list of an event, with tracking and balance',
  description:
    "Every entry (organisation, person, address, language, country, type, size, women-led, gender when known, where it came from, and its state: listed, sent, opened, registered, declined or revoked), the counts, the balance against the event's women target, and the share link's path (the registration page with `?via=share`).",
  request: { params: slugParams },
  responses: { 200: jsonContent(invitationListSchema, 'The list.'), 403: forbidden, 404: notFound },
});

const addRoute = protectedRoute({
  method: 'post',
  path: '/events/{slug}/invitations',
  tags: [TAG],
  operationId: 'addEventInvitations',
  summary: 'Add people to the invitation list (or preview the balance after adding)',
  description:
    "Adds every person of the organisations a source names (the organisation's own address when it has no people): a directory view (`query` as on /{locale}/organisations), a cluster's members (any cluster), the organisation twins of a cluster or an organisation, or organisation ids. Each organisation+person and each address is listed once. With `dryRun: true` nothing is stored and the result gives the balance after adding. Audited.",
  request: { params: slugParams, body: { required: true, content: { 'application/json': { schema: addBodySchema } } } },
  responses: {
    200: jsonContent(addInvitationsResultSchema, 'What was (or would be) added and the balance after.'),
    400: problemContent('The source cannot be read, or names too many organisations.', {
      status: 400,
      code: 'EVENTS_INVITATION_QUERY_INVALID',
    }),
    403: forbidden,
    404: notFound,
  },
});

const removeRoute = protectedRoute({
  method: 'delete',
  path: '/events/{slug}/invitations/{id}',
  tags: [TAG],
  operationId: 'removeEventInvitation',
  summary: 'Remove an entry from the invitation list',
  description: 'An entry not sent yet is deleted; a sent one is revoked (its personal links then answer 410). Audited.',
  request: { params: entryParams },
  responses: {
    204: { description: 'Removed.' },
    403: forbidden,
    404: problemContent('No such entry on this list.', { status: 404, code: 'EVENTS_INVITATION_NOT_FOUND' }),
  },
});

const sendRoute = protectedRoute({
  method: 'post',
  path: '/events/{slug}/invitations/send',
  tags: [TAG],
  operationId: 'sendEventInvitations',
  summary: 'Send personal invitations (or count them)',
  description:
    "`mode: new` mails a personal link to every entry with an address not sent yet, each once, in the invitee's language; `mode: resend` mails a new link to those sent who have not answered (earlier links keep working). Published events only. With `dryRun: true` nothing is sent. Audited.",
  request: { params: slugParams, body: { required: false, content: { 'application/json': { schema: sendBodySchema } } } },
  responses: {
    200: jsonContent(sendInvitationsResultSchema, 'How many were (or would be) mailed, by language.'),
    403: forbidden,
    404: notFound,
    409: problemContent('The event is not published.', { status: 409, code: 'EVENTS_INVITATION_EVENT_NOT_PUBLISHED' }),
  },
});

const balanceRoute = protectedRoute({
  method: 'get',
  path: '/events/{slug}/invitations/balance',
  tags: [TAG],
  operationId: 'getEventInvitationBalance',
  summary: 'The balance of the invitation list',
  description:
    "Counts and shares by the invited person's gender (women, men, other, unknown), women-led organisations, country, organisation type and size class, and whether women are below the event's target (unknown genders count in the total). Revoked entries are left out.",
  request: { params: slugParams },
  responses: { 200: jsonContent(balanceSchema, 'The balance.'), 403: forbidden, 404: notFound },
});

export function createInvitationsApi() {
  return createApiRouter()
    .openapi(balanceRoute, async (c) => c.json(await getInvitationBalance(currentUser(c), { event: c.req.valid('param').slug }), 200))
    .openapi(listRoute, async (c) => c.json(await getInvitationList(currentUser(c), { event: c.req.valid('param').slug }), 200))
    .openapi(sendRoute, async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
      return c.json(await sendInvitations(currentUser(c), { ...body, event: c.req.valid('param').slug }), 200);
    })
    .openapi(addRoute, async (c) =>
      c.json(await addInvitations(currentUser(c), { ...c.req.valid('json'), event: c.req.valid('param').slug }), 200),
    )
    .openapi(removeRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      await removeInvitation(currentUser(c), { event: slug, id });
      return c.body(null, 204);
    });
}

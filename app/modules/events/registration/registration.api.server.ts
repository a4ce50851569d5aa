/**
 * Registration over the API (issue 5, items 3 and 8): register oneself (or through an invitation
 * token), list (staff: all with counts; a member: their own), cancel (the registrant or staff),
 * approve and decline (staff). Adapters only: parse, call one service, map.
 */
import { z } from 'zod';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute } from '#app/shared/api/router.server.ts';
import {
  listRegistrationsInputSchema,
  registerInputSchema,
  registrationListSchema,
  registrationSchema,
  registrationStatusSchema,
} from './registration.contracts.ts';
import {
  approveRegistration,
  cancelRegistration,
  declineRegistration,
  listRegistrations,
  registerForEvent,
} from './registration.service.server.ts';

const TAG = 'events';

const slugParams = z.object({ slug: z.string().min(1).max(200).meta({ description: 'The event’s slug.' }) });
const registrationParams = slugParams.extend({ id: z.string().min(1).max(100).meta({ description: 'The registration’s id.' }) });

const forbidden = problemContent('The caller may not do this for this registration; nothing was changed.', {
  status: 403,
  code: 'COMMON_FORBIDDEN',
});
const notFound = problemContent('No registration has this id.', { status: 404, code: 'EVENTS_REGISTRATION_NOT_FOUND' });

const registerRoute = protectedRoute({
  method: 'post',
  path: '/events/{slug}/registrations',
  tags: [TAG],
  operationId: 'registerForEvent',
  summary: 'Register for an event',
  description:
    'Registers the caller (name and address from the account) for a published event: `confirmed` while seats are free and nobody waits, else `waiting` (with `waitingPlace`) when the event keeps a waiting list, or `pending` when staff approve registrations. Decided under a lock on the event, so simultaneous registrations never exceed the capacity and the waiting list keeps arrival order. An `invitation` token opens invitation-only events. A confirmation mail in the registrant’s language carries the event as ICS and the check-in QR code. Audited.',
  request: { params: slugParams, body: { required: true, content: { 'application/json': { schema: registerInputSchema } } } },
  responses: {
    201: jsonContent(registrationSchema, 'The registration, with its status.'),
    400: problemContent('An organisation that is not the caller’s.', {
      status: 400,
      code: 'EVENTS_REGISTRATION_ORGANISATION_INVALID',
      fields: [{ field: 'organisationId', code: 'EVENTS_REGISTRATION_ORGANISATION_INVALID' }],
    }),
    403: problemContent('The event is by invitation and no valid invitation was given.', {
      status: 403,
      code: 'EVENTS_INVITATION_REQUIRED',
    }),
    404: problemContent('No published event has this slug.', { status: 404, code: 'COMMON_NOT_FOUND' }),
    409: problemContent(
      'Full without a waiting list (`EVENTS_FULL`), already registered (`EVENTS_ALREADY_REGISTERED`), or registration not open (`EVENTS_REGISTRATION_NOT_OPEN`, `EVENTS_REGISTRATION_CLOSED`); nothing was written.',
      { status: 409, code: 'EVENTS_FULL' },
    ),
  },
});

const listRoute = protectedRoute({
  method: 'get',
  path: '/events/{slug}/registrations',
  tags: [TAG],
  operationId: 'listEventRegistrations',
  summary: 'Registrations of an event',
  description:
    'For the event’s managers: every registration in arrival order (50 a page, optionally of one `status`), with waiting places and the counts. For anyone else: their own registration only, and no counts.',
  request: {
    params: slugParams,
    query: z.object({
      status: registrationStatusSchema.optional(),
      page: z.string().regex(/^\d+$/).optional().meta({ description: 'From 1.' }),
    }),
  },
  responses: {
    200: jsonContent(registrationListSchema, 'The registrations.'),
    404: problemContent('No event has this slug.', { status: 404, code: 'COMMON_NOT_FOUND' }),
  },
});

function decisionRoute(verb: 'cancel' | 'approve' | 'decline', summary: string, description: string) {
  return protectedRoute({
    method: 'post',
    path: `/events/{slug}/registrations/{id}/${verb}`,
    tags: [TAG],
    operationId: `${verb}EventRegistration`,
    summary,
    description,
    request: { params: registrationParams },
    responses: {
      200: jsonContent(registrationSchema, 'The registration as it is now.'),
      403: forbidden,
      404: notFound,
      409: problemContent('The registration is not in a state this applies to; nothing was changed.', {
        status: 409,
        code: verb === 'cancel' ? 'EVENTS_REGISTRATION_NOT_ACTIVE' : 'EVENTS_REGISTRATION_NOT_PENDING',
      }),
    },
  });
}

const cancelRoute = decisionRoute(
  'cancel',
  'Cancel a registration',
  'By the registrant or the event’s managers. A freed seat goes at once to the first waiting registration, who is mailed. Audited.',
);
const approveRoute = decisionRoute(
  'approve',
  'Approve a pending registration',
  'For the event’s managers: a seat if one is free, else the waiting list (409 `EVENTS_FULL` without one). The registrant is mailed. Audited.',
);
const declineRoute = decisionRoute(
  'decline',
  'Decline a pending registration',
  'For the event’s managers. The registrant is mailed. Audited.',
);

export function createRegistrationApi() {
  return createApiRouter()
    .openapi(registerRoute, async (c) => {
      const { slug } = c.req.valid('param');
      return c.json(await registerForEvent(currentUser(c), slug, c.req.valid('json')), 201);
    })
    .openapi(listRoute, async (c) => {
      const { slug } = c.req.valid('param');
      const query = listRegistrationsInputSchema.parse(c.req.valid('query'));
      return c.json(await listRegistrations(currentUser(c), slug, query), 200);
    })
    .openapi(cancelRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      return c.json((await cancelRegistration(currentUser(c), id, slug)).registration, 200);
    })
    .openapi(approveRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      return c.json(await approveRegistration(currentUser(c), id, slug), 200);
    })
    .openapi(declineRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      return c.json(await declineRegistration(currentUser(c), id, slug), 200);
    });
}

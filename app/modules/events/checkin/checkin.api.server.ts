/**
 * Check-in over the API (issue 5, items 4 and 8): for staff who may check people in at the event
 * (`events.checkin` or `events.manage` over it), by token or by the check-in page's session (the
 * front door's origin rules apply to cookie calls). Adapters only: parse, call one service, map.
 */
import { z } from 'zod';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute } from '#app/shared/api/router.server.ts';
import {
  attendeesPageSchema,
  attendeesQuerySchema,
  checkInInputSchema,
  checkInOutcomeSchema,
  checkInsPageSchema,
  checkInsQuerySchema,
  SYNC_MAX_ITEMS,
  syncCheckInsInputSchema,
  syncCheckInsResultSchema,
} from './checkin.contracts.ts';
import { checkIn, listAttendees, listCheckIns, syncCheckIns, undoCheckIn } from './checkin.service.server.ts';

const TAG = 'events';

const slugParams = z.object({ slug: z.string().min(1).max(200).meta({ description: 'The event’s slug.' }) });
const checkInParams = slugParams.extend({ id: z.string().min(1).max(100).meta({ description: 'The check-in’s id.' }) });

const forbidden = problemContent('The caller may not check people in at this event; nothing was changed.', {
  status: 403,
  code: 'COMMON_FORBIDDEN',
});
const eventNotFound = problemContent('No event has this slug.', { status: 404, code: 'EVENTS_CHECKIN_EVENT_NOT_FOUND' });
const countsSchema = z.object({ checkedIn: z.int().min(0), expected: z.int().min(0) }).meta({ id: 'CheckInCounts' });

const checkInRoute = protectedRoute({
  method: 'post',
  path: '/events/{slug}/check-ins',
  tags: [TAG],
  operationId: 'checkIn',
  summary: 'Check a participant in',
  description:
    'By `code` (the code, or the URL its QR code carries) or by `registrationId`; only confirmed registrations. The `id` is made by the client (UUID) and makes the call idempotent: sending it again, or checking in someone already checked in, answers 200 `duplicate` and records nothing. A new attendance answers 201 `recorded`. Audited.',
  request: { params: slugParams, body: { required: true, content: { 'application/json': { schema: checkInInputSchema } } } },
  responses: {
    200: jsonContent(checkInOutcomeSchema, 'Already checked in (`duplicate`): nothing was recorded.'),
    201: jsonContent(checkInOutcomeSchema, 'Checked in (`recorded`).'),
    403: forbidden,
    404: problemContent('No event has this slug, or no registration of it has this code.', {
      status: 404,
      code: 'EVENTS_CHECKIN_CODE_UNKNOWN',
      fields: [{ field: 'code', code: 'EVENTS_CHECKIN_CODE_UNKNOWN' }],
    }),
    409: problemContent('The registration is not confirmed (waiting, pending, declined, cancelled), or the event is not open.', {
      status: 409,
      code: 'EVENTS_CHECKIN_NOT_CONFIRMED',
    }),
  },
});

const syncRoute = protectedRoute({
  method: 'post',
  path: '/events/{slug}/check-ins/sync',
  tags: [TAG],
  operationId: 'syncCheckIns',
  summary: 'Send check-ins made offline',
  description: `A device's queue of check-ins made without a connection (at most ${SYNC_MAX_ITEMS} a call), each answered in order: \`recorded\`, \`duplicate\` (its id was received before, or the person is already checked in: drop it from the queue) or \`refused\` with an error code (unknown code, not confirmed...). Sending the same batch again records nothing new. The device's times are kept.`,
  request: { params: slugParams, body: { required: true, content: { 'application/json': { schema: syncCheckInsInputSchema } } } },
  responses: {
    200: jsonContent(syncCheckInsResultSchema, 'One outcome per item, and the counts after the batch.'),
    403: forbidden,
    404: eventNotFound,
    409: problemContent('The event is a draft or was cancelled: nothing was recorded.', {
      status: 409,
      code: 'EVENTS_CHECKIN_EVENT_NOT_OPEN',
    }),
  },
});

const listCheckInsRoute = protectedRoute({
  method: 'get',
  path: '/events/{slug}/check-ins',
  tags: [TAG],
  operationId: 'listCheckIns',
  summary: 'Check-ins of an event',
  description:
    'Standing check-ins (undone ones left out), latest received first, 50 a page, with who made them and whether they came from an offline queue.',
  request: { params: slugParams, query: checkInsQuerySchema },
  responses: { 200: jsonContent(checkInsPageSchema, 'A page of check-ins and the counts.'), 403: forbidden, 404: eventNotFound },
});

const undoRoute = protectedRoute({
  method: 'delete',
  path: '/events/{slug}/check-ins/{id}',
  tags: [TAG],
  operationId: 'undoCheckIn',
  summary: 'Undo a check-in',
  description:
    'A mistake at the door: the person is no longer counted as attending. The check-in stays on record as undone, so a device resending its id does not check the person in again. Audited.',
  request: { params: checkInParams },
  responses: {
    200: jsonContent(countsSchema, 'Undone; the counts after it.'),
    403: forbidden,
    404: problemContent('No standing check-in of this event has this id.', { status: 404, code: 'EVENTS_CHECKIN_NOT_FOUND' }),
  },
});

const attendeesRoute = protectedRoute({
  method: 'get',
  path: '/events/{slug}/attendees',
  tags: [TAG],
  operationId: 'listAttendees',
  summary: 'Who is expected at the door',
  description:
    'Every registration but cancelled and declined ones (so the door can tell a waiting person why), by name, 500 a page, with the check-in code and whether each is checked in: what the check-in page keeps offline. `q` searches names, organisations and whole codes.',
  request: { params: slugParams, query: attendeesQuerySchema },
  responses: { 200: jsonContent(attendeesPageSchema, 'A page of registrations and the counts.'), 403: forbidden, 404: eventNotFound },
});

export function createCheckInApi() {
  return createApiRouter()
    .openapi(checkInRoute, async (c) => {
      const result = await checkIn(currentUser(c), c.req.valid('param').slug, c.req.valid('json'));
      return result.status === 'recorded' ? c.json(result, 201) : c.json(result, 200);
    })
    .openapi(syncRoute, async (c) => c.json(await syncCheckIns(currentUser(c), c.req.valid('param').slug, c.req.valid('json')), 200))
    .openapi(listCheckInsRoute, async (c) =>
      c.json(await listCheckIns(currentUser(c), c.req.valid('param').slug, c.req.valid('query')), 200),
    )
    .openapi(undoRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      return c.json(await undoCheckIn(currentUser(c), slug, id), 200);
    })
    .openapi(attendeesRoute, async (c) =>
      c.json(await listAttendees(currentUser(c), c.req.valid('param').slug, c.req.valid('query')), 200),
    );
}

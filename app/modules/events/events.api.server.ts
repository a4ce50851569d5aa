/**
 * Events and workshops over the API (issue 5, item 8): the calendar and one event for anyone
 * (drafts only for their managers), their iCalendar files, and for those who manage events:
 * create (a draft), edit, publish, cancel, and the agenda's sessions. Adapters only: parse with
 * the contracts, call one service, map the result. Each part of the module (registration,
 * invitations, check-in, outputs, statistics, follow-up) mounts its own router below.
 */
import { z } from 'zod';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute, publicRoute } from '#app/shared/api/router.server.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { LOCALES, negotiateLocale } from '#app/shared/i18n/locales.ts';
import { createCheckInApi } from './checkin/checkin.api.server.ts';
import {
  cancelEventInputSchema,
  createEventInputSchema,
  eventListSchema,
  eventSchema,
  eventSlugSchema,
  listEventsInputSchema,
  sessionInputSchema,
  sessionSchema,
  updateEventInputSchema,
  updateSessionInputSchema,
} from './events.contracts.ts';
import {
  addSession,
  cancelEvent,
  createEvent,
  eventCalendarFile,
  getEvent,
  listEvents,
  publicCalendarFeed,
  publishEvent,
  removeSession,
  updateEvent,
  updateSession,
} from './events.service.server.ts';
import { createFollowUpApi } from './followup/followup.api.server.ts';
import { createInvitationsApi } from './invitations/invitations.api.server.ts';
import { createRegistrationApi } from './registration/registration.api.server.ts';
import { createStatisticsApi } from './statistics/statistics.api.server.ts';

export const EVENTS_TAG = 'events';

const slugParams = z.object({ slug: eventSlugSchema });
const sessionParams = z.object({ slug: eventSlugSchema, id: z.string().min(1).max(64) });
const localeQuery = z.object({
  locale: z.enum(LOCALES).optional().meta({ description: 'The language of titles and descriptions (else from Accept-Language).' }),
});

const forbidden = problemContent('You may not manage this event; nothing was changed.', { status: 403, code: 'COMMON_FORBIDDEN' });
const notFound = problemContent('No event has this slug, or it is a draft you do not manage.', { status: 404, code: 'EVENTS_NOT_FOUND' });
const cancelled = problemContent('The event is cancelled and can no longer be changed.', { status: 409, code: 'EVENTS_CANCELLED' });
const calendarContent = (description: string) => ({ description, content: { 'text/calendar': { schema: z.string() } } });

const listRoute = publicRoute({
  method: 'get',
  path: '/events',
  tags: [EVENTS_TAG],
  operationId: 'listEvents',
  summary: 'The events calendar',
  description:
    'Published events (cancelled ones too, with their status), filtered by type, country, cluster (hosting or gathered) and dates. `when=upcoming` (default): not yet ended, soonest first; `past`: latest first. Paginated.',
  request: { query: listEventsInputSchema },
  responses: { 200: jsonContent(eventListSchema, 'A page of events.') },
});

const createRoute = protectedRoute({
  method: 'post',
  path: '/events',
  tags: [EVENTS_TAG],
  operationId: 'createEvent',
  summary: 'Create an event (a draft)',
  description:
    'For those who manage events over the host (a cluster they manage, or the programme in their country or region-wide). The slug comes from the title and the venue’s start date and never changes. Audited.',
  request: { body: { required: true, content: { 'application/json': { schema: createEventInputSchema } } } },
  responses: {
    201: jsonContent(eventSchema, 'The draft event.'),
    403: forbidden,
  },
});

const getRoute = publicRoute({
  method: 'get',
  path: '/events/{slug}',
  tags: [EVENTS_TAG],
  operationId: 'getEvent',
  summary: 'One event with its agenda',
  description: 'A published or cancelled event for anyone; a draft for its managers only. With the seats taken (confirmed registrations).',
  request: { params: slugParams },
  responses: { 200: jsonContent(eventSchema, 'The event.'), 404: notFound },
});

const updateRoute = protectedRoute({
  method: 'patch',
  path: '/events/{slug}',
  tags: [EVENTS_TAG],
  operationId: 'updateEvent',
  summary: 'Edit an event',
  description:
    'Changes the given fields; the slug stays. A change of time or place of a published event is mailed to every standing registrant. Audited.',
  request: { params: slugParams, body: { required: true, content: { 'application/json': { schema: updateEventInputSchema } } } },
  responses: { 200: jsonContent(eventSchema, 'The event as changed.'), 403: forbidden, 404: notFound, 409: cancelled },
});

const publishRoute = protectedRoute({
  method: 'post',
  path: '/events/{slug}/publish',
  tags: [EVENTS_TAG],
  operationId: 'publishEvent',
  summary: 'Publish an event',
  description: 'Puts a draft on the calendar. Idempotent; audited.',
  request: { params: slugParams },
  responses: { 200: jsonContent(eventSchema, 'The published event.'), 403: forbidden, 404: notFound, 409: cancelled },
});

const cancelRoute = protectedRoute({
  method: 'post',
  path: '/events/{slug}/cancel',
  tags: [EVENTS_TAG],
  operationId: 'cancelEvent',
  summary: 'Cancel an event',
  description:
    'Every standing registrant (confirmed, waiting, pending) is mailed in their language, with the reason if given. Idempotent; audited.',
  request: { params: slugParams, body: { required: false, content: { 'application/json': { schema: cancelEventInputSchema } } } },
  responses: { 200: jsonContent(eventSchema, 'The cancelled event.'), 403: forbidden, 404: notFound },
});

const listSessionsRoute = publicRoute({
  method: 'get',
  path: '/events/{slug}/sessions',
  tags: [EVENTS_TAG],
  operationId: 'listEventSessions',
  summary: 'The agenda of an event',
  request: { params: slugParams },
  responses: { 200: jsonContent(z.object({ items: z.array(sessionSchema) }), 'The sessions in time order.'), 404: notFound },
});

const addSessionRoute = protectedRoute({
  method: 'post',
  path: '/events/{slug}/sessions',
  tags: [EVENTS_TAG],
  operationId: 'addEventSession',
  summary: 'Add a session to the agenda',
  description: 'On one of the event’s days in the venue’s time zone (else `EVENTS_SESSION_OUTSIDE_EVENT`). Audited.',
  request: { params: slugParams, body: { required: true, content: { 'application/json': { schema: sessionInputSchema } } } },
  responses: { 201: jsonContent(sessionSchema, 'The session.'), 403: forbidden, 404: notFound, 409: cancelled },
});

const sessionNotFound = problemContent('No such session on this event’s agenda.', { status: 404, code: 'EVENTS_SESSION_NOT_FOUND' });

const updateSessionRoute = protectedRoute({
  method: 'patch',
  path: '/events/{slug}/sessions/{id}',
  tags: [EVENTS_TAG],
  operationId: 'updateEventSession',
  summary: 'Edit a session',
  description: 'Changes the given fields; `speakers` replaces the speakers. Audited.',
  request: { params: sessionParams, body: { required: true, content: { 'application/json': { schema: updateSessionInputSchema } } } },
  responses: { 200: jsonContent(sessionSchema, 'The session as changed.'), 403: forbidden, 404: sessionNotFound, 409: cancelled },
});

const removeSessionRoute = protectedRoute({
  method: 'delete',
  path: '/events/{slug}/sessions/{id}',
  tags: [EVENTS_TAG],
  operationId: 'removeEventSession',
  summary: 'Remove a session',
  request: { params: sessionParams },
  responses: { 204: { description: 'Removed.' }, 403: forbidden, 404: sessionNotFound, 409: cancelled },
});

const eventIcsRoute = publicRoute({
  method: 'get',
  path: '/events/{slug}/calendar.ics',
  tags: [EVENTS_TAG],
  operationId: 'getEventCalendar',
  summary: 'The event as an iCalendar file',
  description: 'The event and each session of its agenda, with the venue’s time zone (TZID and VTIMEZONE).',
  request: { params: slugParams, query: localeQuery },
  responses: { 200: calendarContent('The iCalendar file.'), 404: notFound },
});

const feedRoute = publicRoute({
  method: 'get',
  path: '/events.ics',
  tags: [EVENTS_TAG],
  operationId: 'getEventsFeed',
  summary: 'The public calendar feed',
  description: 'Published public events from 90 days ago on, as an iCalendar feed to subscribe to.',
  request: { query: localeQuery },
  responses: { 200: calendarContent('The feed.') },
});

const FEED_NAME = { ar: 'فعاليات موزاييك', fr: 'Événements Mosaic', en: 'Mosaic events' } as const;

function calendarHeaders(fileName: string) {
  return { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `inline; filename="${fileName}"` };
}

export function createEventsApi() {
  // Statistics and follow-up first: their fixed paths (/events/statistics, /events/actions) must win over /events/{slug}.
  return createApiRouter()
    .route('/', createStatisticsApi())
    .route('/', createFollowUpApi())
    .openapi(listRoute, async (c) => c.json(await listEvents(c.get('actor') ?? anonymous, c.req.valid('query')), 200))
    .openapi(createRoute, async (c) => c.json(await createEvent(currentUser(c), c.req.valid('json')), 201))
    .openapi(getRoute, async (c) => {
      const { canManage: _canManage, ...event } = await getEvent(c.get('actor') ?? anonymous, c.req.valid('param').slug);
      return c.json(event, 200);
    })
    .openapi(updateRoute, async (c) => c.json(await updateEvent(currentUser(c), c.req.valid('param').slug, c.req.valid('json')), 200))
    .openapi(publishRoute, async (c) => c.json(await publishEvent(currentUser(c), c.req.valid('param').slug), 200))
    .openapi(cancelRoute, async (c) => {
      const body = c.req.header('content-type')?.includes('application/json') ? c.req.valid('json') : {};
      return c.json(await cancelEvent(currentUser(c), c.req.valid('param').slug, body ?? {}), 200);
    })
    .openapi(listSessionsRoute, async (c) => {
      const event = await getEvent(c.get('actor') ?? anonymous, c.req.valid('param').slug);
      return c.json({ items: event.sessions }, 200);
    })
    .openapi(addSessionRoute, async (c) => c.json(await addSession(currentUser(c), c.req.valid('param').slug, c.req.valid('json')), 201))
    .openapi(updateSessionRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      return c.json(await updateSession(currentUser(c), slug, id, c.req.valid('json')), 200);
    })
    .openapi(removeSessionRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      await removeSession(currentUser(c), slug, id);
      return c.body(null, 204);
    })
    .openapi(eventIcsRoute, async (c) => {
      const locale = c.req.valid('query').locale ?? negotiateLocale(c.req.header('accept-language'));
      const { slug, ics } = await eventCalendarFile(c.get('actor') ?? anonymous, c.req.valid('param').slug, locale);
      return c.body(ics, 200, calendarHeaders(`${slug}.ics`));
    })
    .openapi(feedRoute, async (c) => {
      const locale = c.req.valid('query').locale ?? negotiateLocale(c.req.header('accept-language'));
      return c.body(await publicCalendarFeed(locale, FEED_NAME[locale]), 200, calendarHeaders('events.ics'));
    })
    .route('/', createCheckInApi())
    .route('/', createRegistrationApi())
    .route('/', createInvitationsApi());
}

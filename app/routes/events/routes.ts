import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Paths are relative to the locale prefix (/:lang): the calendar and its feed, a new event, then one event's pages (A: core). */
export const eventsRoutes: RouteConfigEntry[] = [
  route('events', 'routes/events/list.tsx'),
  route('events/feed.ics', 'routes/events/feed-ics.ts'),
  route('events/feeds/:token', 'routes/events/personal-feed-ics.ts'),
  route('events/new', 'routes/events/new.tsx'),
  route('events/:slug', 'routes/events/event.tsx'),
  route('events/:slug/calendar.ics', 'routes/events/event-ics.ts'),
  route('events/:slug/edit', 'routes/events/edit.tsx'),
  route('events/:slug/agenda', 'routes/events/agenda.tsx'),
];

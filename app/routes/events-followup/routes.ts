import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Event follow-up (issue 5, item 5), relative to the locale prefix (/:lang): open actions across events, an event's follow-up and its documents. */
export const eventsFollowUpRoutes: RouteConfigEntry[] = [
  route('events/actions', 'routes/events-followup/actions.tsx'),
  route('events/:slug/follow-up', 'routes/events-followup/follow-up.tsx'),
  route('events/:slug/follow-up/documents/:id', 'routes/events-followup/document.ts'),
];

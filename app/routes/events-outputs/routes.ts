import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/**
 * Workshop outputs (issue 5, item 5), relative to the locale prefix (/:lang): the facilitators'
 * capture and voting page, the participants' voting page (phones), and the comparison of
 * workshops linked from the needs board.
 */
export const eventsOutputsRoutes: RouteConfigEntry[] = [
  route('events/:slug/outputs', 'routes/events-outputs/outputs.tsx'),
  route('events/:slug/vote', 'routes/events-outputs/vote.tsx'),
  route('needs/workshops', 'routes/events-outputs/workshops.tsx'),
];

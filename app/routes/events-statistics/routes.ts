import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Event statistics (issue 5, item 6), relative to the locale prefix (/:lang): the programme-wide view, one event's page and its downloads. */
export const eventsStatisticsRoutes: RouteConfigEntry[] = [
  route('events/statistics', 'routes/events-statistics/programme.tsx'),
  route('events/:slug/statistics', 'routes/events-statistics/statistics.tsx'),
  route('events/:slug/statistics.xlsx', 'routes/events-statistics/statistics-xlsx.ts'),
  route('events/:slug/participants.xlsx', 'routes/events-statistics/participants-xlsx.ts'),
  route('events/:slug/participants.csv', 'routes/events-statistics/participants-csv.ts'),
];

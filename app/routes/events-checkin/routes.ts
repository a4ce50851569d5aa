import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Check-in and badges (issue 5, item 4), relative to the locale prefix (/:lang). */
export const eventsCheckInRoutes: RouteConfigEntry[] = [
  route('events/:slug/check-in', 'routes/events-checkin/check-in.tsx'),
  route('events/:slug/badges.pdf', 'routes/events-checkin/badges.pdf.ts'),
  // The participant's own badge, linked from the my-registration page (registration's).
  route('events/:slug/registration/badge.pdf', 'routes/events-checkin/my-badge.pdf.ts'),
];

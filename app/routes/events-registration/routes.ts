import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** Registration for events (issue 5, item 3), relative to the locale prefix (/:lang). */
export const eventsRegistrationRoutes: RouteConfigEntry[] = [
  route('events/mine', 'routes/events-registration/mine.tsx'),
  route('events/:slug/register', 'routes/events-registration/register.tsx'),
  route('events/:slug/registration', 'routes/events-registration/registration.tsx'),
  route('events/:slug/registration.ics', 'routes/events-registration/registration-ics.ts'),
  route('events/:slug/registrations', 'routes/events-registration/registrations.tsx'),
];

import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/**
 * Invitations to an event (issue 5, item 2), relative to the locale prefix (/:lang): the staff
 * page of the invitation list, its balance preview for scripts (JSON), and the invitee's
 * personal link (no sign-in).
 */
export const eventsInvitationsRoutes: RouteConfigEntry[] = [
  route('events/:slug/invitations', 'routes/events-invitations/invitations.tsx'),
  route('events/:slug/invitations/preview', 'routes/events-invitations/preview.ts'),
  route('events/:slug/invited/:token', 'routes/events-invitations/invited.tsx'),
];

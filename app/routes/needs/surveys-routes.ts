import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/**
 * Survey sending (issue 4, item 4), relative to the locale prefix (/:lang): the managers' page of
 * a survey's invitations, the signed-in person's invitations, and answering through a personal
 * link (`:key` is the link's token, or the invitation's id for the invited person signed in).
 */
export const needsSurveysRoutes: RouteConfigEntry[] = [
  route('needs/surveys/:code/invitations', 'routes/needs/surveys-invitations.tsx'),
  route('surveys', 'routes/needs/surveys-mine.tsx'),
  route('surveys/:key', 'routes/needs/surveys-intro.tsx'),
  route('surveys/:key/page/:page', 'routes/needs/surveys-page.tsx'),
  route('surveys/:key/review', 'routes/needs/surveys-review.tsx'),
];

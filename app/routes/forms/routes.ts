import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/**
 * Answering a published form, relative to the locale prefix (/:lang): its introduction, one
 * page at a time (`new` until the first page is sent), the review with the submit button, and
 * the thanks. Page codes cannot contain `/`, and `review`/`thanks` are their own segments.
 */
export const formsAnswerRoutes: RouteConfigEntry[] = [
  route('forms/:code', 'routes/forms/intro.tsx'),
  route('forms/:code/respond/:responseId/:page', 'routes/forms/page.tsx'),
  route('forms/:code/review/:responseId', 'routes/forms/review.tsx'),
  route('forms/:code/thanks/:responseId', 'routes/forms/thanks.tsx'),
];

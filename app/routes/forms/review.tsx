/**
 * /{locale}/forms/{code}/review/{responseId}: every answer of a draft, page by page as the
 * answers show them, each page with a link to change it, then "Submit". The whole form is checked
 * again with the response's own version when it is submitted; what is refused is listed with a
 * link to its page, and nothing changes.
 */
import { data, redirect } from 'react-router';
import { getResponse, submitResponse } from '#app/modules/forms/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import type { Route } from './+types/review';
import { asErrorResponse, assistedRespondent } from './answer.server.ts';
import { reviewPages, submitProblems } from './answer-pages.server.ts';
import { AnswerErrorBoundary, AnswerReview, AssistedNotice, answerPageMeta } from './answer-ui.tsx';
import { pagePath, reviewPath, thanksPath } from './answering.ts';
import '#app/styles/forms-answer.css';

function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : 'en';
}

export const meta: Route.MetaFunction = ({ loaderData, matches, params, error }) =>
  answerPageMeta(matches, params, loaderData ?? undefined, 'forms.answer.review.title', {}, error);

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

async function draftOf(actor: Parameters<typeof getResponse>[0], locale: Locale, params: Route.LoaderArgs['params']) {
  const read = await getResponse(actor, params.responseId).catch(asErrorResponse);
  if (read.response.formCode !== params.code) throw new Response(null, { status: 404 });
  if (read.response.status === 'submitted') throw redirect(thanksPath(locale, params.code, read.response.id));
  return read;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const { response, version } = await draftOf(actor, locale, params);
  const pages = reviewPages(version.definition, response.answers, locale, (page) => pagePath(locale, params.code, response.id, page));
  const respondent = await assistedRespondent(actor, params.code, response.enteredByUserId ? response.respondentUserId : null);
  return {
    formTitle: version.definition.title,
    pages,
    respondent: respondent ? { name: respondent.name } : null,
    postTo: reviewPath(locale, params.code, response.id),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const { response, version } = await draftOf(actor, locale, params);
  try {
    await submitResponse(actor, response.id);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'FORMS_ANSWERS_INVALID') asErrorResponse(error);
    const problems = submitProblems(version.definition, error, (page) => pagePath(locale, params.code, response.id, page));
    return data({ problems }, { status: 400 });
  }
  return redirect(thanksPath(locale, params.code, response.id));
}

export default function FormReviewPage({ loaderData, actionData }: Route.ComponentProps) {
  const { formTitle, pages, respondent, postTo } = loaderData;
  return (
    <AnswerReview
      formTitle={formTitle}
      pages={pages}
      problems={actionData?.problems ?? []}
      postTo={postTo}
      notice={<AssistedNotice respondent={respondent} />}
    />
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <AnswerErrorBoundary error={error} />;
}

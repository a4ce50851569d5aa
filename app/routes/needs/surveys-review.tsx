/**
 * /{locale}/surveys/{key}/review: every answer given through the invitation, page by page, each
 * page with a link to change it, then "Submit". The whole survey is checked again when it is
 * submitted (what is refused is listed with a link to its page, nothing changes); it is sent once:
 * a second submit (another window, a reload) is answered politely with the thanks page.
 */
import { data, redirect } from 'react-router';
import { openSurveyInvitation, submitSurveyInvitation } from '#app/modules/needs/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { reviewPages, submitProblems } from '../forms/answer-pages.server.ts';
import { AnswerReview, answerPageMeta } from '../forms/answer-ui.tsx';
import type { Route } from './+types/surveys-review';
import { surveyIntroPath, surveyPagePath, surveyReviewPath } from './surveys-answering.ts';
import { asErrorResponse, localeOf, SurveyLinkErrorBoundary } from './surveys-ui.tsx';
import '#app/styles/forms-answer.css';

export const meta: Route.MetaFunction = ({ loaderData, matches, params, error }) =>
  answerPageMeta(matches, params, loaderData ?? undefined, 'forms.answer.review.title', {}, error);

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const opened = await openSurveyInvitation(context.get(requestContext).actor, params.key).catch(asErrorResponse);
  if (opened.state === 'answered' || !opened.response) throw redirect(surveyIntroPath(locale, params.key));
  const { definition } = opened;
  const pages = reviewPages(definition, opened.response.answers, locale, (page) => surveyPagePath(locale, params.key, page));
  return { formTitle: definition.title, pages, postTo: surveyReviewPath(locale, params.key) };
}

export async function action({ params, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = context.get(requestContext).actor;
  try {
    await submitSurveyInvitation(actor, params.key);
  } catch (error) {
    if (isAppError(error) && error.code === 'NEEDS_INVITATION_ANSWERED')
      return redirectWithFlash(surveyIntroPath(locale, params.key), { key: 'needs.invitations.flash.alreadyAnswered', kind: 'info' });
    if (!isAppError(error) || error.code !== 'FORMS_ANSWERS_INVALID') asErrorResponse(error);
    const { definition } = await openSurveyInvitation(actor, params.key).catch(asErrorResponse);
    const problems = submitProblems(definition, error, (page) => surveyPagePath(locale, params.key, page));
    return data({ problems }, { status: 400 });
  }
  return redirectWithFlash(surveyIntroPath(locale, params.key), { key: 'needs.invitations.flash.submitted', kind: 'success' });
}

export default function SurveyReviewPage({ loaderData, actionData }: Route.ComponentProps) {
  const { formTitle, pages, postTo } = loaderData;
  return <AnswerReview formTitle={formTitle} pages={pages} problems={actionData?.problems ?? []} postTo={postTo} />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <SurveyLinkErrorBoundary error={error} />;
}

/**
 * /{locale}/surveys/{key}/page/{page}: one page of a survey answered through an invitation, as
 * `/{locale}/forms/...` answers it for a signed-in person: the server decides what the page shows
 * from earlier answers (no JavaScript needed), "Next" saves and goes on (the review after the
 * last page), "Previous" goes back, "Save for later" keeps the answers for the link's next visit;
 * refused answers come back beside their fields and nothing is stored.
 */
import { data, redirect } from 'react-router';
import { type FormDefinition, previousPage, type RawAnswers, shownPages } from '#app/modules/forms/index.ts';
import { openSurveyInvitation, saveSurveyInvitationPage } from '#app/modules/needs/index.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { answerPageView, postedPage, refusedPage } from '../forms/answer-pages.server.ts';
import { AnswerPageForm, answerPageMeta } from '../forms/answer-ui.tsx';
import type { Route } from './+types/surveys-page';
import { surveyIntroPath, surveyPagePath, surveyReviewPath } from './surveys-answering.ts';
import { asErrorResponse, localeOf, SurveyLinkErrorBoundary } from './surveys-ui.tsx';
import '#app/styles/forms-answer.css';

export const meta: Route.MetaFunction = ({ loaderData, matches, params, error }) =>
  answerPageMeta(
    matches,
    params,
    loaderData ?? undefined,
    'forms.answer.page.progress',
    loaderData ? { current: loaderData.progress.current, total: loaderData.progress.total } : {},
    error,
  );

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });

/** The invitation's survey and answers so far; an answered one goes to its thanks. */
async function situationOf(actor: Actor, locale: Locale, key: string): Promise<{ definition: FormDefinition; answers: RawAnswers }> {
  const opened = await openSurveyInvitation(actor, key).catch(asErrorResponse);
  if (opened.state === 'answered') throw redirect(surveyIntroPath(locale, key));
  return { definition: opened.definition, answers: opened.response?.answers ?? {} };
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const { definition, answers } = await situationOf(context.get(requestContext).actor, locale, params.key);
  const shown = shownPages(definition, answers).map((page) => page.code);
  if (!shown.includes(params.page)) throw redirect(surveyIntroPath(locale, params.key));
  return {
    ...answerPageView(definition, answers, params.page),
    postTo: surveyPagePath(locale, params.key, params.page),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = context.get(requestContext).actor;
  const { definition, answers } = await situationOf(actor, locale, params.key);
  const { intent, entries, fields } = await postedPage(request, definition, answers, params.page);
  let saved: Awaited<ReturnType<typeof saveSurveyInvitationPage>>;
  try {
    saved = await saveSurveyInvitationPage(actor, params.key, { page: params.page, fields, locale });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'FORMS_ANSWERS_INVALID') asErrorResponse(error);
    if (intent === 'previous') {
      const back = previousPage(definition, answers, params.page);
      const to = back ? surveyPagePath(locale, params.key, back) : surveyIntroPath(locale, params.key);
      return redirectWithFlash(to, { key: 'forms.answer.flash.notSaved', kind: 'info' });
    }
    return data(refusedPage(error, entries), { status: 400 });
  }
  if (intent === 'save')
    return redirectWithFlash(surveyIntroPath(locale, params.key), { key: 'forms.answer.flash.saved', kind: 'success' });
  if (intent === 'previous') {
    const back = previousPage(definition, saved.response.answers, params.page);
    return redirect(back ? surveyPagePath(locale, params.key, back) : surveyIntroPath(locale, params.key));
  }
  return redirect(saved.nextPage ? surveyPagePath(locale, params.key, saved.nextPage) : surveyReviewPath(locale, params.key));
}

export default function SurveyAnswerPage({ loaderData, actionData }: Route.ComponentProps) {
  const { postTo, ...view } = loaderData;
  return <AnswerPageForm view={view} postTo={postTo} refused={actionData} />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <SurveyLinkErrorBoundary error={error} />;
}

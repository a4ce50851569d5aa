/**
 * /{locale}/forms/{code}/respond/{responseId}/{page}: one page of a form (`new` as the response
 * until its first page is sent). The server decides what the page shows from the answers given on
 * earlier pages (decision 0011), so it works the same without JavaScript. "Next" saves the page
 * and goes to the next page the answers show (the review after the last); "Previous" saves it
 * and goes back, or goes back without saving when the page's answers are refused; "Save for
 * later" saves it and returns to the introduction, which then offers to continue. Refused answers
 * change nothing: the page comes back with what was typed, each message beside its field and a
 * summary at the top.
 */
import { data, redirect } from 'react-router';
import {
  type FormDefinition,
  getFormVersion,
  getResponse,
  previousPage,
  type RawAnswers,
  saveResponsePage,
  shownPages,
} from '#app/modules/forms/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import type { UserActor } from '#app/shared/auth/actor.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import type { Route } from './+types/page';
import { asErrorResponse, assistedRespondent, forUserOf } from './answer.server.ts';
import { answerPageView, postedPage, refusedPage } from './answer-pages.server.ts';
import { AnswerErrorBoundary, AnswerPageForm, AssistedNotice, answerPageMeta } from './answer-ui.tsx';
import { introPath, NEW_RESPONSE, pagePath, reviewPath, thanksPath } from './answering.ts';
import '#app/styles/forms-answer.css';

function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : 'en';
}

export const meta: Route.MetaFunction = ({ loaderData, matches, params, error }) =>
  answerPageMeta(
    matches,
    params,
    loaderData ?? undefined,
    'forms.answer.page.progress',
    loaderData ? { current: loaderData.progress.current, total: loaderData.progress.total } : {},
    error,
  );

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

interface Situation {
  definition: FormDefinition;
  answers: RawAnswers;
  /** The stored response's id, or undefined for a response not stored yet. */
  responseId: string | undefined;
  /** Assisted entry: the person answered for. */
  respondentUserId: string | undefined;
}

/**
 * The response and its version's definition (the latest published one for a new response), once
 * the actor may read it; a submitted response goes to its thanks page.
 */
async function situationOf(actor: UserActor, locale: Locale, params: Route.LoaderArgs['params'], request: Request): Promise<Situation> {
  if (params.responseId === NEW_RESPONSE) {
    const { version } = await getFormVersion(actor, params.code).catch(asErrorResponse);
    return { definition: version.definition, answers: {}, responseId: undefined, respondentUserId: forUserOf(request) };
  }
  const { response, version } = await getResponse(actor, params.responseId).catch(asErrorResponse);
  if (response.formCode !== params.code) throw new Response(null, { status: 404 });
  if (response.status === 'submitted') throw redirect(thanksPath(locale, params.code, response.id));
  return {
    definition: version.definition,
    answers: response.answers,
    responseId: response.id,
    respondentUserId: response.enteredByUserId !== null ? (response.respondentUserId ?? undefined) : undefined,
  };
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const situation = await situationOf(actor, locale, params, request);
  const { definition, answers, responseId, respondentUserId } = situation;
  const forUser = responseId === undefined ? respondentUserId : undefined;
  const shown = shownPages(definition, answers).map((page) => page.code);
  // A page the answers hide (or not the first one of a new response) is not answered: go where the person should be.
  if (!shown.includes(params.page) || (responseId === undefined && shown[0] !== params.page)) {
    const target = responseId === undefined ? shown[0] : undefined;
    if (target) throw redirect(pagePath(locale, params.code, NEW_RESPONSE, target, forUser));
    throw redirect(responseId ? reviewPath(locale, params.code, responseId) : introPath(locale, params.code, forUser));
  }
  const respondent = await assistedRespondent(actor, params.code, respondentUserId);
  return {
    ...answerPageView(definition, answers, params.page),
    respondent: respondent ? { name: respondent.name } : null,
    postTo: pagePath(locale, params.code, responseId ?? NEW_RESPONSE, params.page, forUser),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const { definition, answers, responseId, respondentUserId } = await situationOf(actor, locale, params, request);
  const { intent, entries, fields } = await postedPage(request, definition, answers, params.page);
  const forUser = responseId === undefined ? respondentUserId : undefined;

  let saved: Awaited<ReturnType<typeof saveResponsePage>>;
  try {
    saved = await saveResponsePage(actor, params.code, {
      responseId,
      page: params.page,
      fields,
      locale,
      onBehalfOf: respondentUserId,
    });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'FORMS_ANSWERS_INVALID') asErrorResponse(error);
    if (intent === 'previous') {
      // Going back is never blocked: the page's refused answers are simply not kept.
      const back = previousPage(definition, answers, params.page);
      const to = back && responseId ? pagePath(locale, params.code, responseId, back) : introPath(locale, params.code, forUser);
      return redirectWithFlash(to, { key: 'forms.answer.flash.notSaved', kind: 'info' });
    }
    return data(refusedPage(error, entries), { status: 400 });
  }

  const id = saved.response.id;
  const assistedFor = saved.response.enteredByUserId ? saved.response.respondentUserId : null;
  if (intent === 'save')
    return redirectWithFlash(introPath(locale, params.code, assistedFor), { key: 'forms.answer.flash.saved', kind: 'success' });
  if (intent === 'previous') {
    const back = previousPage(definition, saved.response.answers, params.page);
    return redirect(back ? pagePath(locale, params.code, id, back) : introPath(locale, params.code, assistedFor));
  }
  return redirect(saved.nextPage ? pagePath(locale, params.code, id, saved.nextPage) : reviewPath(locale, params.code, id));
}

export default function FormAnswerPage({ loaderData, actionData }: Route.ComponentProps) {
  const { respondent, postTo, ...view } = loaderData;
  return <AnswerPageForm view={view} postTo={postTo} refused={actionData} notice={<AssistedNotice respondent={respondent} />} />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <AnswerErrorBoundary error={error} />;
}

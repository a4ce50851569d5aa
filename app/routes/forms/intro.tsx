/**
 * /{locale}/forms/{code}: a published form's introduction: its title and description, how many
 * pages it has, and a button to start, or to continue the draft the person left. Staff with
 * `users.act_as` answering for someone add `?for=<user id>`: the page names that person and
 * continues the draft entered for them. Signed-out visitors are sent to sign in and back.
 */
import { Form, redirect } from 'react-router';
import { findDraftResponse, firstPage, getFormVersion, shownPages } from '#app/modules/forms/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { Route } from './+types/intro';
import { asErrorResponse, assistedRespondent, forUserOf } from './answer.server.ts';
import { AnswerErrorBoundary, AssistedNotice, answerPageMeta } from './answer-ui.tsx';
import { introPath, NEW_RESPONSE, pagePath, reviewPath } from './answering.ts';
import '#app/styles/forms-answer.css';

function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : 'en';
}

export const meta: Route.MetaFunction = ({ loaderData, matches, params, error }) =>
  answerPageMeta(matches, params, loaderData ?? undefined, 'forms.answer.intro.title', {}, error);

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

/** Where "start" or "continue" leads: the draft's next page (or its review), or the first page of a new response. */
async function startingPoint(actor: Parameters<typeof findDraftResponse>[0], locale: Locale, code: string, forUser: string | undefined) {
  const { version } = await getFormVersion(actor, code).catch(asErrorResponse);
  const draft = await findDraftResponse(actor, code, { onBehalfOf: forUser }).catch(asErrorResponse);
  const definition = version.definition;
  const first = firstPage(definition, {});
  let next: string | null = null;
  if (draft) next = draft.currentPage ? pagePath(locale, code, draft.id, draft.currentPage, forUser) : reviewPath(locale, code, draft.id);
  else if (first) next = pagePath(locale, code, NEW_RESPONSE, first, forUser);
  return { definition, draft, next };
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const forUser = forUserOf(request);
  const { definition, draft, next } = await startingPoint(actor, locale, params.code, forUser);
  const respondent = await assistedRespondent(actor, params.code, forUser);
  return {
    formTitle: definition.title,
    description: definition.description ?? null,
    pageCount: shownPages(definition, draft?.answers ?? {}).length,
    /** Pages that may still show, depending on the answers. */
    conditionalPages: definition.pages.length - shownPages(definition, draft?.answers ?? {}).length,
    hasDraft: draft !== null,
    respondent: respondent ? { name: respondent.name } : null,
    canStart: next !== null,
    postTo: introPath(locale, params.code, forUser),
  };
}

/** "Start" / "Continue": a POST, so the same button works with and without JavaScript and the draft is looked up afresh. */
export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const forUser = forUserOf(request);
  const { next } = await startingPoint(actor, locale, params.code, forUser);
  throw redirect(next ?? introPath(locale, params.code, forUser));
}

export default function FormIntroPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { formTitle, description, pageCount, conditionalPages, hasDraft, respondent, canStart, postTo } = loaderData;
  return (
    <div className="answer-page">
      <TranslatedText as="h1" value={formTitle} />
      <AssistedNotice respondent={respondent} />
      {description && <TranslatedText as="p" value={description} className="answer-intro__description" />}
      <p>
        {t('forms.answer.intro.pages', { count: pageCount })}
        {conditionalPages > 0 && ` ${t('forms.answer.intro.conditionalPages', { count: conditionalPages })}`}
      </p>
      {hasDraft && <p>{t('forms.answer.intro.draftKept')}</p>}
      {canStart ? (
        <Form method="post" action={postTo}>
          <button type="submit" className="button button--primary">
            {hasDraft ? t('forms.answer.intro.continue') : t('forms.answer.intro.start')}
          </button>
        </Form>
      ) : (
        <p>{t('forms.answer.intro.nothingToAnswer')}</p>
      )}
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <AnswerErrorBoundary error={error} />;
}

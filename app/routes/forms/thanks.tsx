/**
 * /{locale}/forms/{code}/thanks/{responseId}: the thank-you page of a submitted response (a draft
 * goes back to its review). Read by whoever may read the response.
 */
import { Link, redirect } from 'react-router';
import { getResponse } from '#app/modules/forms/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { Route } from './+types/thanks';
import { asErrorResponse, assistedRespondent } from './answer.server.ts';
import { AnswerErrorBoundary, AssistedNotice, answerPageMeta } from './answer-ui.tsx';
import { reviewPath } from './answering.ts';
import '#app/styles/forms-answer.css';

function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : 'en';
}

export const meta: Route.MetaFunction = ({ loaderData, matches, params, error }) =>
  answerPageMeta(matches, params, loaderData ?? undefined, 'forms.answer.thanks.title', {}, error);

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const { response, version } = await getResponse(actor, params.responseId).catch(asErrorResponse);
  if (response.formCode !== params.code) throw new Response(null, { status: 404 });
  if (response.status !== 'submitted') throw redirect(reviewPath(locale, params.code, response.id));
  const respondent = await assistedRespondent(actor, params.code, response.enteredByUserId ? response.respondentUserId : null);
  return {
    formTitle: version.definition.title,
    respondent: respondent ? { name: respondent.name } : null,
    home: `/${locale}`,
  };
}

/** Nothing to send from here: a POST (a resubmitted form) lands on the same page. */
export async function action({ params }: Route.ActionArgs) {
  throw redirect(`/${localeOf(params)}/forms/${params.code}/thanks/${params.responseId}`);
}

export default function FormThanksPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { formTitle, respondent, home } = loaderData;
  return (
    <div className="answer-page">
      <p className="answer-form-title">
        <TranslatedText value={formTitle} />
      </p>
      <AssistedNotice respondent={respondent} />
      <h1>{t('forms.answer.thanks.title')}</h1>
      <p role="status">{respondent ? t('forms.answer.thanks.assisted') : t('forms.answer.thanks.body')}</p>
      <p>
        <Link to={home}>{t('forms.answer.thanks.home')}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <AnswerErrorBoundary error={error} />;
}

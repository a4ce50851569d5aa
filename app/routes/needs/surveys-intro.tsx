/**
 * /{locale}/surveys/{key}: a survey opened through a personal link, without signing in (or, for
 * the invited person signed in, through their account's list). The first visit is recorded. It
 * says whom the answer speaks for, how many pages the survey has and leads to the first page, or
 * to where the person left off; once the answer is sent, it thanks them instead. Unknown links are
 * a 404 page, expired or withdrawn ones a 410 page; nothing is stored for either.
 */
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { firstPage, shownPages } from '#app/modules/forms/index.ts';
import { openSurveyInvitation } from '#app/modules/needs/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import { answerPageMeta } from '../forms/answer-ui.tsx';
import type { Route } from './+types/surveys-intro';
import { surveyPagePath, surveyReviewPath } from './surveys-answering.ts';
import { asErrorResponse, localeOf, SurveyLinkErrorBoundary } from './surveys-ui.tsx';
import '#app/styles/forms-answer.css';

export const meta: Route.MetaFunction = ({ loaderData, matches, params, error }) =>
  answerPageMeta(
    matches,
    params,
    loaderData ?? undefined,
    loaderData?.answered ? 'forms.answer.thanks.title' : 'forms.answer.intro.title',
    {},
    error,
  );

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const opened = await openSurveyInvitation(context.get(requestContext).actor, params.key).catch(asErrorResponse);
  const { definition, response } = opened;
  const answers = response?.answers ?? {};
  const first = firstPage(definition, {});
  let next: string | null = null;
  if (response)
    next = response.currentPage ? surveyPagePath(locale, params.key, response.currentPage) : surveyReviewPath(locale, params.key);
  else if (first) next = surveyPagePath(locale, params.key, first);
  return {
    formTitle: opened.formTitle,
    description: definition.description ?? null,
    name: opened.name,
    answered: opened.state === 'answered',
    started: response !== null,
    pageCount: shownPages(definition, answers).length,
    next,
  };
}

export default function SurveyIntroPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const intl = useIntl();
  const { formTitle, description, name, answered, started, pageCount, next } = loaderData;
  if (answered) {
    return (
      <div className="answer-page">
        <p className="answer-form-title">
          <TranslatedText value={formTitle} />
        </p>
        <h1>{t('forms.answer.thanks.title')}</h1>
        <p>{t('needs.invitations.answer.answered')}</p>
      </div>
    );
  }
  return (
    <div className="answer-page">
      <TranslatedText as="h1" value={formTitle} />
      {name && <p>{intl.formatMessage({ id: 'needs.invitations.answer.for' }, { name: <bdi key="name">{name}</bdi> })}</p>}
      {description && <TranslatedText as="p" value={description} className="answer-intro__description" />}
      <p>{t('forms.answer.intro.pages', { count: pageCount })}</p>
      <p>{t('needs.invitations.answer.noAccount')}</p>
      {started && <p>{t('forms.answer.intro.draftKept')}</p>}
      {next ? (
        <p>
          <Link to={next} className="button button--primary">
            {started ? t('forms.answer.intro.continue') : t('forms.answer.intro.start')}
          </Link>
        </p>
      ) : (
        <p>{t('forms.answer.intro.nothingToAnswer')}</p>
      )}
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <SurveyLinkErrorBoundary error={error} />;
}

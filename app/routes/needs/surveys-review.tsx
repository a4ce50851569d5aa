/**
 * /{locale}/surveys/{key}/review: every answer given through the invitation, page by page, each
 * page with a link to change it, then "Submit". The whole survey is checked again when it is
 * submitted (what is refused is listed with a link to its page, nothing changes); it is sent once:
 * a second submit (another window, a reload) is answered politely with the thanks page.
 */
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { type AnswerValue, type FormText, pageContent, shownPages } from '#app/modules/forms/index.ts';
import { openSurveyInvitation, submitSurveyInvitation } from '#app/modules/needs/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import { answerPageMeta } from '../forms/answer-ui.tsx';
import { answerLines } from '../forms/answering.ts';
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
  const answers = opened.response.answers;
  const pages = shownPages(definition, answers).map((page, index) => ({
    code: page.code,
    number: index + 1,
    title: page.title ?? null,
    href: surveyPagePath(locale, params.key, page.code),
    questions: pageContent(definition, answers, page.code).sections.flatMap(({ questions }) =>
      questions.map((question) => ({
        code: question.code,
        label: question.label,
        lines: answerLines(question, answers[question.code] as AnswerValue | undefined, locale),
      })),
    ),
  }));
  return { formTitle: definition.title, pages, postTo: surveyReviewPath(locale, params.key) };
}

interface SubmitProblem {
  key: string;
  label: FormText | null;
  href: string | null;
  code: string;
  values?: Record<string, string | number>;
  message?: FormText;
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
    const located = new Map(
      definition.pages.flatMap((page) => page.sections.flatMap((section) => section.questions.map((q) => [q.code, { page, q }] as const))),
    );
    const errors = (error.details?.answerErrors ?? []) as {
      question: string;
      field: string;
      code: string;
      values?: Record<string, string | number>;
      message?: FormText;
    }[];
    const problems: SubmitProblem[] = errors.map((problem) => {
      const where = located.get(problem.question);
      return {
        key: `${problem.field}-${problem.code}`,
        label: where?.q.label ?? null,
        href: where ? surveyPagePath(locale, params.key, where.page.code) : null,
        code: problem.code,
        ...(problem.values ? { values: problem.values } : {}),
        ...(problem.message ? { message: problem.message } : {}),
      };
    });
    return data({ problems }, { status: 400 });
  }
  return redirectWithFlash(surveyIntroPath(locale, params.key), { key: 'needs.invitations.flash.submitted', kind: 'success' });
}

export default function SurveyReviewPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const { formTitle, pages, postTo } = loaderData;
  const problems = actionData?.problems ?? [];
  return (
    <div className="answer-page">
      <p className="answer-form-title">
        <TranslatedText value={formTitle} />
      </p>
      <h1>{t('forms.answer.review.title')}</h1>
      {problems.length > 0 && (
        // biome-ignore lint/a11y/noAutofocus: the refusal must be read first, with or without JavaScript.
        <div className="form-error answer-summary" role="alert" tabIndex={-1} autoFocus>
          <p>{t('forms.answer.review.refused')}</p>
          <ul>
            {problems.map((problem) => {
              const text = problem.message
                ? textIn(problem.message, locale)
                : t(`errors.${problem.code}`, problem.values as Record<string, string | number>);
              return (
                <li key={problem.key}>
                  {problem.href ? (
                    <Link to={problem.href}>
                      {problem.label && <span dir="auto">{textIn(problem.label, locale)}</span>}: {text}
                    </Link>
                  ) : (
                    text
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <p>{t('forms.answer.review.lead')}</p>
      {pages.map((page) => (
        <section key={page.code} className="answer-review__page" aria-labelledby={`review-${page.code}`}>
          <h2 id={`review-${page.code}`}>
            {page.title ? <TranslatedText value={page.title} /> : t('forms.answer.page.untitled', { current: page.number })}
          </h2>
          <dl className="answer-review__list">
            {page.questions.map((question) => (
              <div key={question.code} className="answer-review__item">
                <dt>
                  <TranslatedText value={question.label} />
                </dt>
                <dd>
                  {question.lines.length === 0 ? (
                    <span className="answer-review__none">{t('forms.answer.review.noAnswer')}</span>
                  ) : (
                    question.lines.map((line) => (
                      <span key={line} className="answer-review__line" dir="auto">
                        {line}
                      </span>
                    ))
                  )}
                </dd>
              </div>
            ))}
          </dl>
          <p>
            <Link to={page.href}>
              {t('forms.answer.review.change')}
              <span className="visually-hidden">
                {' '}
                {page.title ? textIn(page.title, locale) : t('forms.answer.page.untitled', { current: page.number })}
              </span>
            </Link>
          </p>
        </section>
      ))}
      <Form method="post" action={postTo}>
        <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
          {t('forms.answer.review.submit')}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <SurveyLinkErrorBoundary error={error} />;
}

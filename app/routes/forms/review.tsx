/**
 * /{locale}/forms/{code}/review/{responseId}: every answer of a draft, page by page as the
 * answers show them, each page with a link to change it, then "Submit". The whole form is checked
 * again with the response's own version when it is submitted; what is refused is listed with a
 * link to its page, and nothing changes.
 */
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { type AnswerValue, type FormText, getResponse, pageContent, shownPages, submitResponse } from '#app/modules/forms/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { Route } from './+types/review';
import { asErrorResponse, assistedRespondent } from './answer.server.ts';
import { AnswerErrorBoundary, AssistedNotice, answerPageMeta } from './answer-ui.tsx';
import { answerLines, pagePath, reviewPath, thanksPath } from './answering.ts';
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
  const definition = version.definition;
  const answers = response.answers;
  const pages = shownPages(definition, answers).map((page, index) => ({
    code: page.code,
    number: index + 1,
    title: page.title ?? null,
    href: pagePath(locale, params.code, response.id, page.code),
    questions: pageContent(definition, answers, page.code).sections.flatMap(({ questions }) =>
      questions.map((question) => ({
        code: question.code,
        label: question.label,
        lines: answerLines(question, answers[question.code] as AnswerValue | undefined, locale),
      })),
    ),
  }));
  const respondent = await assistedRespondent(actor, params.code, response.enteredByUserId ? response.respondentUserId : null);
  return {
    formTitle: definition.title,
    pages,
    respondent: respondent ? { name: respondent.name } : null,
    postTo: reviewPath(locale, params.code, response.id),
  };
}

interface SubmitProblem {
  key: string;
  label: FormText | null;
  href: string | null;
  code: string;
  values?: Record<string, string | number>;
  message?: FormText;
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const { response, version } = await draftOf(actor, locale, params);
  try {
    await submitResponse(actor, response.id);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'FORMS_ANSWERS_INVALID') asErrorResponse(error);
    const definition = version.definition;
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
        href: where ? pagePath(locale, params.code, response.id, where.page.code) : null,
        code: problem.code,
        ...(problem.values ? { values: problem.values } : {}),
        ...(problem.message ? { message: problem.message } : {}),
      };
    });
    return data({ problems }, { status: 400 });
  }
  return redirect(thanksPath(locale, params.code, response.id));
}

export default function FormReviewPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const { formTitle, pages, respondent, postTo } = loaderData;
  const problems = actionData?.problems ?? [];
  return (
    <div className="answer-page">
      <p className="answer-form-title">
        <TranslatedText value={formTitle} />
      </p>
      <AssistedNotice respondent={respondent} />
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
  return <AnswerErrorBoundary error={error} />;
}

/**
 * Pieces every answering page shows: its title, the assisted-entry notice, the error page, and the
 * page form and review themselves (shared by the signed-in pages and those answering through a
 * survey invitation).
 */
import type { ReactNode } from 'react';
import { createIntl, useIntl } from 'react-intl';
import { Form, isRouteErrorResponse, Link, useNavigation } from 'react-router';
import type { FieldProblem } from '#app/modules/forms/components/answer-fields.ts';
import { ErrorSummary, FormPageFields } from '#app/modules/forms/components/form-page-fields.tsx';
import type { FormText } from '#app/modules/forms/index.ts';
import { isLocale } from '#app/shared/i18n/locales.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage, errorTitleKey } from '#app/shared/ui/error-page.tsx';
import { pageTitle, rootMessages } from '#app/shared/ui/meta.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { answerPageView, ReviewPage, SubmitProblem } from './answer-pages.server.ts';

type Matches = Parameters<typeof rootMessages>[0];

/**
 * The document title "<what this page is> · <form title> · Mosaic" in the page's language; an
 * error page's own title when the loader refused.
 */
export function answerPageMeta(
  matches: Matches,
  params: { lang?: string },
  data: { formTitle: FormText } | undefined,
  key: string,
  values: Record<string, string | number> = {},
  error?: unknown,
) {
  const messages = rootMessages(matches);
  if (error || !data) return pageTitle(messages, errorTitleKey(isRouteErrorResponse(error) ? error.status : 500));
  const locale = isLocale(params.lang) ? params.lang : 'en';
  const brand = messages?.['shell.brand'] ?? 'Mosaic';
  const what = messages ? String(createIntl({ locale, messages, onError: () => {} }).formatMessage({ id: key }, values)) : '';
  const form = textIn(data.formTitle, locale);
  return [{ title: [what, form, brand].filter(Boolean).join(' · ') }, { property: 'og:title', content: form || brand }];
}

/** "You are entering answers for <name>": staff answering for someone see it on every page. */
export function AssistedNotice({ respondent }: { respondent: { name: string } | null }) {
  const intl = useIntl();
  if (!respondent) return null;
  return (
    <p className="notice answer-assisted">
      {intl.formatMessage({ id: 'forms.answer.assisted' }, { name: <bdi key="name">{respondent.name}</bdi> })}
    </p>
  );
}

/** Translated 401/403/404/500 pages for the answering routes; never a raw message. */
export function AnswerErrorBoundary({ error }: { error: unknown }) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return <ErrorPage status={status} />;
}

type PageView = ReturnType<typeof answerPageView>;

/** One page of a form: progress, its questions, the refusals beside their fields and a summary, Next / Previous / Save for later. */
export function AnswerPageForm({
  view,
  postTo,
  refused,
  notice,
}: {
  view: PageView;
  postTo: string;
  refused: { problems: FieldProblem[]; values: PageView['values'] } | undefined;
  notice?: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const { formTitle, pageTitle: title, sections, values, files, progress, hasPrevious, multipart } = view;
  const problems = refused?.problems ?? [];
  const number = new Intl.NumberFormat(locale);
  const busy = navigation.state === 'submitting';
  return (
    <div className="answer-page">
      <p className="answer-form-title">
        <TranslatedText value={formTitle} />
      </p>
      {notice}
      <p className="answer-progress">
        {t('forms.answer.page.progress', { current: number.format(progress.current), total: number.format(progress.total) })}
      </p>
      <progress className="answer-progress__bar" max={progress.total} value={progress.current} aria-hidden="true" />
      {title ? (
        <TranslatedText as="h1" value={title} />
      ) : (
        <h1>{t('forms.answer.page.untitled', { current: number.format(progress.current) })}</h1>
      )}
      <ErrorSummary sections={sections} problems={problems} />
      <p className="field__hint">{t('forms.answer.page.requiredNote')}</p>
      <Form
        method="post"
        action={postTo}
        encType={multipart ? 'multipart/form-data' : undefined}
        noValidate
        className="form answer-form"
        key={refused ? 'refused' : 'fresh'}
      >
        <FormPageFields sections={sections} values={refused?.values ?? values} problems={problems} files={files} />
        <div className="answer-actions">
          <button type="submit" name="intent" value="next" className="button button--primary" disabled={busy}>
            {progress.current === progress.total ? t('forms.answer.page.toReview') : t('forms.answer.page.next')}
          </button>
          {hasPrevious && (
            <button type="submit" name="intent" value="previous" className="button" disabled={busy}>
              {t('forms.answer.page.previous')}
            </button>
          )}
          <button type="submit" name="intent" value="save" className="button" disabled={busy}>
            {t('forms.answer.page.saveForLater')}
          </button>
        </div>
      </Form>
    </div>
  );
}

/** The review: every answer page by page with a link to change each page, refusals of a submit linked to their page, then Submit. */
export function AnswerReview({
  formTitle,
  pages,
  problems,
  postTo,
  notice,
}: {
  formTitle: FormText;
  pages: ReviewPage[];
  problems: SubmitProblem[];
  postTo: string;
  notice?: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const untitled = (page: ReviewPage) => t('forms.answer.page.untitled', { current: page.number });
  return (
    <div className="answer-page">
      <p className="answer-form-title">
        <TranslatedText value={formTitle} />
      </p>
      {notice}
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
          <h2 id={`review-${page.code}`}>{page.title ? <TranslatedText value={page.title} /> : untitled(page)}</h2>
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
              <span className="visually-hidden"> {page.title ? textIn(page.title, locale) : untitled(page)}</span>
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

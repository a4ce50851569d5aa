/**
 * /{locale}/surveys/{key}/page/{page}: one page of a survey answered through an invitation, as
 * `/{locale}/forms/...` answers it for a signed-in person: the server decides what the page shows
 * from earlier answers (no JavaScript needed), "Next" saves and goes on (the review after the
 * last page), "Previous" goes back, "Save for later" keeps the answers for the link's next visit;
 * refused answers come back beside their fields and nothing is stored.
 */
import { data, Form, redirect, useNavigation } from 'react-router';
import { type FieldProblem, postedValues } from '#app/modules/forms/components/answer-fields.ts';
import { ErrorSummary, FormPageFields } from '#app/modules/forms/components/form-page-fields.tsx';
import {
  type FileAnswer,
  type FormDefinition,
  type FormQuestion,
  formFieldsFromAnswers,
  pageContent,
  pageProgress,
  previousPage,
  type RawAnswers,
  shownPages,
} from '#app/modules/forms/index.ts';
import { openSurveyInvitation, saveSurveyInvitationPage } from '#app/modules/needs/index.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import { answerPageMeta } from '../forms/answer-ui.tsx';
import { fieldsKeepingFiles } from '../forms/answering.ts';
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

function questionsOn(definition: FormDefinition, answers: RawAnswers, page: string): FormQuestion[] {
  return pageContent(definition, answers, page).sections.flatMap((entry) => entry.questions);
}

function storedFiles(questions: readonly FormQuestion[], answers: RawAnswers): Record<string, FileAnswer> {
  const files: Record<string, FileAnswer> = {};
  for (const question of questions) {
    const value = answers[question.code];
    if (question.type === 'file' && typeof value === 'object' && value !== null && 'name' in value)
      files[question.code] = value as FileAnswer;
  }
  return files;
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const { definition, answers } = await situationOf(context.get(requestContext).actor, locale, params.key);
  const shown = shownPages(definition, answers).map((page) => page.code);
  if (!shown.includes(params.page)) throw redirect(surveyIntroPath(locale, params.key));
  const content = pageContent(definition, answers, params.page);
  const questions = content.sections.flatMap((entry) => entry.questions);
  return {
    formTitle: definition.title,
    pageTitle: content.page.title ?? null,
    sections: content.sections,
    values: formFieldsFromAnswers(definition, params.page, answers),
    files: storedFiles(questions, answers),
    progress: pageProgress(definition, answers, params.page),
    hasPrevious: previousPage(definition, answers, params.page) !== null,
    multipart: questions.some((question) => question.type === 'file'),
    postTo: surveyPagePath(locale, params.key, params.page),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = context.get(requestContext).actor;
  const { definition, answers } = await situationOf(actor, locale, params.key);
  const form = await request.formData();
  const sent = form.get('intent');
  const intent = sent === 'previous' || sent === 'save' ? sent : 'next';
  const entries = [...form.entries()] as [string, string | File][];
  const questions = questionsOn(definition, answers, params.page);
  const fields = fieldsKeepingFiles(entries, questions, storedFiles(questions, answers));
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
    const problems = ((error.details?.answerErrors ?? []) as FieldProblem[]).map(({ field, code, values, message }) => ({
      field,
      code,
      ...(values ? { values } : {}),
      ...(message ? { message } : {}),
    }));
    return data({ problems, values: postedValues(entries) }, { status: 400 });
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
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const { formTitle, pageTitle, sections, values, files, progress, hasPrevious, multipart, postTo } = loaderData;
  const problems = actionData?.problems ?? [];
  const number = new Intl.NumberFormat(locale);
  const busy = navigation.state === 'submitting';
  return (
    <div className="answer-page">
      <p className="answer-form-title">
        <TranslatedText value={formTitle} />
      </p>
      <p className="answer-progress">
        {t('forms.answer.page.progress', { current: number.format(progress.current), total: number.format(progress.total) })}
      </p>
      <progress className="answer-progress__bar" max={progress.total} value={progress.current} aria-hidden="true" />
      {pageTitle ? (
        <TranslatedText as="h1" value={pageTitle} />
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
        key={actionData ? 'refused' : 'fresh'}
      >
        <FormPageFields sections={sections} values={actionData?.values ?? values} problems={problems} files={files} />
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

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <SurveyLinkErrorBoundary error={error} />;
}

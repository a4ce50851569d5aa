/**
 * What the answering pages' loaders and actions compute, shared by the signed-in pages
 * (`/{locale}/forms/...`) and those answering through a survey invitation (`/{locale}/surveys/...`):
 * one page's content and values, the files it keeps, the review's pages, and refusals mapped to
 * their fields or pages. Server only (it reads the form engine); the pages render it with
 * `AnswerPageForm` and `AnswerReview` (answer-ui.tsx).
 */
import type { FieldProblem } from '#app/modules/forms/components/answer-fields.ts';
import { postedValues } from '#app/modules/forms/components/answer-fields.ts';
import {
  type AnswerValue,
  type FileAnswer,
  type FormDefinition,
  type FormQuestion,
  type FormText,
  formFieldsFromAnswers,
  pageContent,
  pageProgress,
  previousPage,
  type RawAnswers,
  shownPages,
} from '#app/modules/forms/index.ts';
import type { AppError } from '#app/shared/errors.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { answerLines, fieldsKeepingFiles } from './answering.ts';

export function questionsOn(definition: FormDefinition, answers: RawAnswers, page: string): FormQuestion[] {
  return pageContent(definition, answers, page).sections.flatMap((entry) => entry.questions);
}

export function storedFiles(questions: readonly FormQuestion[], answers: RawAnswers): Record<string, FileAnswer> {
  const files: Record<string, FileAnswer> = {};
  for (const question of questions) {
    const value = answers[question.code];
    if (question.type === 'file' && typeof value === 'object' && value !== null && 'name' in value)
      files[question.code] = value as FileAnswer;
  }
  return files;
}

/** One page as `AnswerPageForm` shows it (without where it posts to). */
export function answerPageView(definition: FormDefinition, answers: RawAnswers, page: string) {
  const content = pageContent(definition, answers, page);
  const questions = content.sections.flatMap((entry) => entry.questions);
  return {
    formTitle: definition.title,
    pageTitle: content.page.title ?? null,
    sections: content.sections,
    values: formFieldsFromAnswers(definition, page, answers),
    files: storedFiles(questions, answers),
    progress: pageProgress(definition, answers, page),
    hasPrevious: previousPage(definition, answers, page) !== null,
    multipart: questions.some((question) => question.type === 'file'),
  };
}

/** A page's POSTed intent and the fields to save (files already given kept when no new one is sent). */
export async function postedPage(request: Request, definition: FormDefinition, answers: RawAnswers, page: string) {
  const form = await request.formData();
  const sent = form.get('intent');
  const intent: 'next' | 'previous' | 'save' = sent === 'previous' || sent === 'save' ? sent : 'next';
  const entries = [...form.entries()] as [string, string | File][];
  const questions = questionsOn(definition, answers, page);
  return { intent, entries, fields: fieldsKeepingFiles(entries, questions, storedFiles(questions, answers)) };
}

/** A refused page (FORMS_ANSWERS_INVALID): each problem for its field, and what was typed to show again. */
export function refusedPage(error: AppError, entries: [string, string | File][]) {
  const problems = ((error.details?.answerErrors ?? []) as FieldProblem[]).map(({ field, code, values, message }) => ({
    field,
    code,
    ...(values ? { values } : {}),
    ...(message ? { message } : {}),
  }));
  return { problems, values: postedValues(entries) };
}

export interface ReviewPage {
  code: string;
  number: number;
  title: FormText | null;
  href: string;
  questions: { code: string; label: FormText; lines: string[] }[];
}

/** Every page the answers show, with each answer as lines of text in the reader's language. */
export function reviewPages(
  definition: FormDefinition,
  answers: RawAnswers,
  locale: Locale,
  hrefOf: (page: string) => string,
): ReviewPage[] {
  return shownPages(definition, answers).map((page, index) => ({
    code: page.code,
    number: index + 1,
    title: page.title ?? null,
    href: hrefOf(page.code),
    questions: pageContent(definition, answers, page.code).sections.flatMap(({ questions }) =>
      questions.map((question) => ({
        code: question.code,
        label: question.label,
        lines: answerLines(question, answers[question.code] as AnswerValue | undefined, locale),
      })),
    ),
  }));
}

export interface SubmitProblem {
  key: string;
  label: FormText | null;
  href: string | null;
  code: string;
  values?: Record<string, string | number>;
  message?: FormText;
}

/** A refused submit: each problem with its question's label and a link to its page. */
export function submitProblems(definition: FormDefinition, error: AppError, hrefOf: (page: string) => string): SubmitProblem[] {
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
  return errors.map((problem) => {
    const where = located.get(problem.question);
    return {
      key: `${problem.field}-${problem.code}`,
      label: where?.q.label ?? null,
      href: where ? hrefOf(where.page.code) : null,
      code: problem.code,
      ...(problem.values ? { values: problem.values } : {}),
      ...(problem.message ? { message: problem.message } : {}),
    };
  });
}

/**
 * Answers against a form definition: which pages, sections and questions are shown, whether the
 * answers are valid, and how a person moves from page to page. Pure.
 *
 * The form is read once, in order: a page, section or question is shown when its condition holds
 * on the answers to the questions shown before it (conditions only read earlier pages, see
 * `checkFormDefinition`), so a question hidden because an earlier one is hidden counts as not
 * answered, and the answers to hidden questions are dropped.
 */
import { AppError } from '#app/shared/errors.ts';
import { evaluateCondition, isAnswered, ownValue } from './form-conditions.ts';
import { isCalendarDate, isValidPattern } from './form-definition.ts';
import {
  type AnswerError,
  type AnswerValue,
  type ChoiceValue,
  type FileAnswer,
  type FormAnswerErrorCode,
  type FormAnswers,
  type FormDefinition,
  type FormPage,
  type FormQuestion,
  type FormSection,
  OTHER_TEXT_MAX_LENGTH,
  type QuestionOfType,
  type RawAnswers,
  TEXT_LIMITS,
} from './forms.contracts.ts';

/** The part of a field name (`<question>._other`) and the choice value that stand for "other, please say". */
export const OTHER_CHOICE = '_other';

/**
 * The HTML field name of a question (`org-size`) or of one of its parts: a matrix row, a ranked
 * option, the "other" text (`training.design`, `org-size._other`). Codes have no dot, so names never clash.
 */
export function fieldName(questionCode: string, part?: string): string {
  return part === undefined ? questionCode : `${questionCode}.${part}`;
}

// ---- Visibility -----------------------------------------------------------------------------

export interface FormVisibility {
  /** Pages whose condition holds and that show at least one question. */
  pages: ReadonlySet<string>;
  sections: ReadonlySet<string>;
  questions: ReadonlySet<string>;
}

/**
 * Walks the form in order, telling `onShown` about each shown question; what it returns is the
 * answer later conditions read (undefined: not answered).
 */
function walkShown(definition: FormDefinition, onShown: (question: FormQuestion, page: FormPage) => unknown): FormVisibility {
  const read: Record<string, unknown> = {};
  const pages = new Set<string>();
  const sections = new Set<string>();
  const questions = new Set<string>();
  for (const page of definition.pages) {
    if (page.showIf && !evaluateCondition(page.showIf, read)) continue;
    for (const section of page.sections) {
      if (section.showIf && !evaluateCondition(section.showIf, read)) continue;
      sections.add(section.code);
      for (const question of section.questions) {
        if (question.showIf && !evaluateCondition(question.showIf, read)) continue;
        questions.add(question.code);
        pages.add(page.code);
        const value = onShown(question, page);
        if (value !== undefined) read[question.code] = value;
      }
    }
  }
  return { pages, sections, questions };
}

/** What the answers show of the form. */
export function formVisibility(definition: FormDefinition, answers: RawAnswers): FormVisibility {
  return walkShown(definition, (question) => ownValue(answers, question.code));
}

/** The questions shown, in form order. */
export function visibleQuestions(definition: FormDefinition, answers: RawAnswers): FormQuestion[] {
  const shown = formVisibility(definition, answers).questions;
  return definition.pages.flatMap((page) => page.sections.flatMap((section) => section.questions.filter((q) => shown.has(q.code))));
}

export function isVisible(definition: FormDefinition, answers: RawAnswers, questionCode: string): boolean {
  return formVisibility(definition, answers).questions.has(questionCode);
}

// ---- Checking one answer --------------------------------------------------------------------

type Checked = { value: AnswerValue; errors?: undefined } | { value?: undefined; errors: AnswerError[] };

function fail(question: FormQuestion, code: FormAnswerErrorCode, values?: AnswerError['values'], part?: string): Checked {
  return { errors: [{ question: question.code, field: fieldName(question.code, part), code, ...(values ? { values } : {}) }] };
}

function characters(text: string): number {
  return [...text].length;
}

function checkText(question: QuestionOfType<'short-text' | 'long-text'>, value: unknown): Checked {
  if (typeof value !== 'string') return fail(question, 'FORMS_ANSWER_WRONG_TYPE');
  const text = value.trim();
  const max = question.maxLength ?? TEXT_LIMITS[question.type];
  if (characters(text) > max) return fail(question, 'FORMS_ANSWER_TOO_LONG', { max });
  if (question.minLength !== undefined && characters(text) < question.minLength)
    return fail(question, 'FORMS_ANSWER_TOO_SHORT', { min: question.minLength });
  const pattern = question.pattern;
  if (pattern && isValidPattern(pattern.regex) && !new RegExp(`^(?:${pattern.regex})$`, 'u').test(text)) {
    return { errors: [{ question: question.code, field: question.code, code: 'FORMS_ANSWER_PATTERN_MISMATCH', message: pattern.message }] };
  }
  return { value: text };
}

function checkNumber(question: QuestionOfType<'number'>, value: unknown): Checked {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail(question, 'FORMS_ANSWER_WRONG_TYPE');
  if (question.integer && !Number.isInteger(value)) return fail(question, 'FORMS_ANSWER_NOT_AN_INTEGER');
  if (question.min !== undefined && value < question.min) return fail(question, 'FORMS_ANSWER_TOO_SMALL', { min: question.min });
  if (question.max !== undefined && value > question.max) return fail(question, 'FORMS_ANSWER_TOO_LARGE', { max: question.max });
  return { value };
}

function checkScale(question: QuestionOfType<'scale'>, value: unknown): Checked {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail(question, 'FORMS_ANSWER_WRONG_TYPE');
  const onScale = value >= question.min && value <= question.max && Number.isInteger((value - question.min) / (question.step ?? 1));
  return onScale ? { value } : fail(question, 'FORMS_ANSWER_NOT_ON_SCALE', { min: question.min, max: question.max });
}

/** One choice of a single- or multiple-choice question, cleaned, or the error code it earns. */
function readChoice(question: QuestionOfType<'single-choice' | 'multiple-choice'>, value: unknown): ChoiceValue | Checked {
  if (typeof value === 'string') {
    return question.options.some((option) => option.code === value) ? value : fail(question, 'FORMS_ANSWER_NOT_AN_OPTION');
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'other' in value && typeof value.other === 'string') {
    if (!question.other) return fail(question, 'FORMS_ANSWER_NOT_AN_OPTION');
    const other = value.other.trim();
    if (other === '') return fail(question, 'FORMS_ANSWER_OTHER_TEXT_REQUIRED', undefined, OTHER_CHOICE);
    if (characters(other) > OTHER_TEXT_MAX_LENGTH)
      return fail(question, 'FORMS_ANSWER_TOO_LONG', { max: OTHER_TEXT_MAX_LENGTH }, OTHER_CHOICE);
    return { other };
  }
  return fail(question, 'FORMS_ANSWER_WRONG_TYPE');
}

function isChecked(read: ChoiceValue | Checked): read is Checked {
  return typeof read === 'object' && ('errors' in read || 'value' in read);
}

function checkSingleChoice(question: QuestionOfType<'single-choice'>, value: unknown): Checked {
  const choice = readChoice(question, value);
  return isChecked(choice) ? choice : { value: choice };
}

function checkMultipleChoice(question: QuestionOfType<'multiple-choice'>, value: unknown): Checked {
  if (!Array.isArray(value)) return fail(question, 'FORMS_ANSWER_WRONG_TYPE');
  const choices: ChoiceValue[] = [];
  for (const item of value) {
    const choice = readChoice(question, item);
    if (isChecked(choice)) return choice;
    const duplicate = typeof choice === 'string' ? choices.includes(choice) : choices.some((c) => typeof c === 'object');
    if (duplicate) return fail(question, 'FORMS_ANSWER_DUPLICATE_OPTION');
    choices.push(choice);
  }
  if (question.minSelections !== undefined && choices.length < question.minSelections) {
    return fail(question, 'FORMS_ANSWER_TOO_FEW_CHOICES', { min: question.minSelections });
  }
  if (question.maxSelections !== undefined && choices.length > question.maxSelections) {
    return fail(question, 'FORMS_ANSWER_TOO_MANY_CHOICES', { max: question.maxSelections });
  }
  return { value: choices };
}

/** How many options a ranking answer ranks. */
export function rankedCount(question: QuestionOfType<'ranking'>): number {
  return Math.min(question.maxRanked ?? question.options.length, question.options.length);
}

function checkRanking(question: QuestionOfType<'ranking'>, value: unknown): Checked {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return fail(question, 'FORMS_ANSWER_WRONG_TYPE');
  if (!value.every((code) => question.options.some((option) => option.code === code))) return fail(question, 'FORMS_ANSWER_NOT_AN_OPTION');
  if (new Set(value).size !== value.length) return fail(question, 'FORMS_ANSWER_RANK_DUPLICATE');
  const count = rankedCount(question);
  if (value.length > count) return fail(question, 'FORMS_ANSWER_RANK_OUT_OF_RANGE', { max: count });
  if (value.length < count) return fail(question, 'FORMS_ANSWER_RANKING_INCOMPLETE', { count });
  return { value: [...value] };
}

function checkDate(question: QuestionOfType<'date'>, value: unknown): Checked {
  if (typeof value !== 'string') return fail(question, 'FORMS_ANSWER_WRONG_TYPE');
  if (!isCalendarDate(value)) return fail(question, 'FORMS_ANSWER_NOT_A_DATE');
  if (question.min !== undefined && value < question.min) return fail(question, 'FORMS_ANSWER_DATE_TOO_EARLY', { min: question.min });
  if (question.max !== undefined && value > question.max) return fail(question, 'FORMS_ANSWER_DATE_TOO_LATE', { max: question.max });
  return { value };
}

/** True when `mediaType` (`image/png; charset=…`) is one of `accept` (`image/png`, `image/*`); any type when `accept` is empty. */
export function mediaTypeAccepted(mediaType: string, accept: readonly string[]): boolean {
  if (accept.length === 0) return true;
  const type = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  const family = type.split('/')[0];
  return accept.some((pattern) => pattern === type || (pattern.endsWith('/*') && pattern.slice(0, -2) === family));
}

function checkFile(question: QuestionOfType<'file'>, value: unknown): Checked {
  const file = value as Partial<Record<keyof FileAnswer, unknown>>;
  const wellFormed =
    typeof value === 'object' &&
    value !== null &&
    typeof file.name === 'string' &&
    typeof file.mediaType === 'string' &&
    typeof file.size === 'number' &&
    Number.isInteger(file.size) &&
    file.size >= 0 &&
    (file.fileId === undefined || typeof file.fileId === 'string');
  if (!wellFormed) return fail(question, 'FORMS_ANSWER_WRONG_TYPE');
  const answer: FileAnswer = { name: file.name as string, mediaType: file.mediaType as string, size: file.size as number };
  if (typeof file.fileId === 'string') answer.fileId = file.fileId;
  if (answer.size > question.maxBytes) {
    return fail(question, 'FORMS_FILE_TOO_LARGE', {
      max: question.maxBytes,
      maxMegabytes: Math.round((question.maxBytes / 1_048_576) * 10) / 10,
    });
  }
  if (!mediaTypeAccepted(answer.mediaType, question.accept))
    return fail(question, 'FORMS_FILE_TYPE_REFUSED', { types: question.accept.join(', ') });
  return { value: answer };
}

function checkMatrix(question: QuestionOfType<'matrix'>, value: unknown): Checked {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(question, 'FORMS_ANSWER_WRONG_TYPE');
  const cells: Record<string, string> = {};
  const errors: AnswerError[] = [];
  for (const [row, column] of Object.entries(value)) {
    if (!question.rows.some((r) => r.code === row))
      errors.push(...(fail(question, 'FORMS_ANSWER_UNKNOWN_ROW', undefined, row).errors ?? []));
    else if (typeof column !== 'string') errors.push(...(fail(question, 'FORMS_ANSWER_WRONG_TYPE', undefined, row).errors ?? []));
    else if (column === '') continue;
    else if (!question.columns.some((c) => c.code === column))
      errors.push(...(fail(question, 'FORMS_ANSWER_NOT_AN_OPTION', undefined, row).errors ?? []));
    else cells[row] = column;
  }
  return errors.length > 0 ? { errors } : { value: cells };
}

/** Checks the value of an answered question; the cleaned value (trimmed texts, known keys only) or its errors. */
function checkAnswer(question: FormQuestion, value: unknown): Checked {
  switch (question.type) {
    case 'short-text':
    case 'long-text':
      return checkText(question, value);
    case 'number':
      return checkNumber(question, value);
    case 'scale':
      return checkScale(question, value);
    case 'single-choice':
      return checkSingleChoice(question, value);
    case 'multiple-choice':
      return checkMultipleChoice(question, value);
    case 'ranking':
      return checkRanking(question, value);
    case 'date':
      return checkDate(question, value);
    case 'file':
      return checkFile(question, value);
    case 'matrix':
      return checkMatrix(question, value);
  }
}

// ---- Checking all answers -------------------------------------------------------------------

export interface AnswerValidation {
  valid: boolean;
  /** The valid answers to shown questions, cleaned: what may be stored. */
  answers: FormAnswers;
  errors: AnswerError[];
}

export interface ValidateOptions {
  /**
   * Check that required questions are answered on these pages only (the page a person just
   * sent, when a draft is saved page by page); every page when absent. Answers that are there
   * are checked on every page.
   */
  pages?: readonly string[];
}

/**
 * Checks answers against a definition: answers to unknown questions are refused, answers to
 * hidden questions dropped, every shown answer checked for its type and rules, and required
 * questions (and every row of a required matrix) must be answered.
 */
export function validateAnswers(definition: FormDefinition, answers: RawAnswers, options: ValidateOptions = {}): AnswerValidation {
  const known = new Set(definition.pages.flatMap((page) => page.sections.flatMap((section) => section.questions.map((q) => q.code))));
  const errors: AnswerError[] = Object.keys(answers)
    .filter((code) => !known.has(code))
    .map((code) => ({ question: code, field: code, code: 'FORMS_ANSWER_UNKNOWN_QUESTION' }));
  const cleaned: FormAnswers = {};
  const requiredOn = options.pages ? new Set(options.pages) : null;

  walkShown(definition, (question, page) => {
    const value = ownValue(answers, question.code);
    const mustAnswer = question.required === true && (requiredOn === null || requiredOn.has(page.code));
    if (!isAnswered(value)) {
      if (mustAnswer) errors.push({ question: question.code, field: question.code, code: 'FORMS_ANSWER_REQUIRED' });
      return undefined;
    }
    const checked = checkAnswer(question, value);
    if (checked.errors) {
      errors.push(...checked.errors);
      return undefined;
    }
    if (!isAnswered(checked.value)) {
      if (mustAnswer) errors.push({ question: question.code, field: question.code, code: 'FORMS_ANSWER_REQUIRED' });
      return undefined;
    }
    if (question.type === 'matrix' && mustAnswer) {
      const cells = checked.value as Record<string, string>;
      const missing = question.rows.filter((row) => !Object.hasOwn(cells, row.code));
      for (const row of missing)
        errors.push({ question: question.code, field: fieldName(question.code, row.code), code: 'FORMS_ANSWER_ROW_REQUIRED' });
      if (missing.length > 0) return undefined;
    }
    cleaned[question.code] = checked.value;
    return checked.value;
  });
  return { valid: errors.length === 0, answers: cleaned, errors };
}

// ---- Paging ---------------------------------------------------------------------------------

function pageIndex(definition: FormDefinition, pageCode: string): number {
  const index = definition.pages.findIndex((page) => page.code === pageCode);
  if (index === -1) throw new AppError('FORMS_PAGE_NOT_FOUND', 404, { page: pageCode });
  return index;
}

/** The pages a person goes through with these answers, in order. */
export function shownPages(definition: FormDefinition, answers: RawAnswers): FormPage[] {
  const shown = formVisibility(definition, answers).pages;
  return definition.pages.filter((page) => shown.has(page.code));
}

/** The first page to show, or null when no page shows anything. */
export function firstPage(definition: FormDefinition, answers: RawAnswers): string | null {
  return shownPages(definition, answers)[0]?.code ?? null;
}

/** The next page to show after `current` (pages whose condition is false or whose questions are all hidden are skipped); null after the last. */
export function nextPage(definition: FormDefinition, answers: RawAnswers, current: string): string | null {
  const index = pageIndex(definition, current);
  const shown = formVisibility(definition, answers).pages;
  return definition.pages.slice(index + 1).find((page) => shown.has(page.code))?.code ?? null;
}

/** The page to go back to from `current`; null on the first. */
export function previousPage(definition: FormDefinition, answers: RawAnswers, current: string): string | null {
  const index = pageIndex(definition, current);
  const shown = formVisibility(definition, answers).pages;
  return definition.pages.slice(0, index).findLast((page) => shown.has(page.code))?.code ?? null;
}

/** "Page n of m" over the pages these answers show (the current page counts even if the answers now hide it). */
export function pageProgress(definition: FormDefinition, answers: RawAnswers, current: string): { current: number; total: number } {
  pageIndex(definition, current);
  const shown = formVisibility(definition, answers).pages;
  const counted = definition.pages.filter((page) => shown.has(page.code) || page.code === current);
  return { current: counted.findIndex((page) => page.code === current) + 1, total: counted.length };
}

/** What a page shows with these answers: its shown sections, each with its shown questions. */
export function pageContent(
  definition: FormDefinition,
  answers: RawAnswers,
  pageCode: string,
): { page: FormPage; sections: { section: FormSection; questions: FormQuestion[] }[] } {
  const page = definition.pages[pageIndex(definition, pageCode)] as FormPage;
  const visibility = formVisibility(definition, answers);
  const sections = page.sections
    .filter((section) => visibility.sections.has(section.code))
    .map((section) => ({ section, questions: section.questions.filter((q) => visibility.questions.has(q.code)) }))
    .filter((entry) => entry.questions.length > 0);
  return { page, sections };
}

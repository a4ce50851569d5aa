/**
 * Reading one page of a form from what a browser POSTs without JavaScript (a FormData, or any
 * list of name/value pairs), and keeping a draft page by page. Pure.
 *
 * Field names (see `fieldName`): one field per question, named by its code (a multiple choice
 * repeats it, once per ticked box); `<question>.<row>` per matrix row; `<question>.<option>` with
 * the rank per ranked option; `<question>._other` for the "other, please say" text, whose box or
 * radio sends the value `_other`. Numbers are text (Arabic-Indic and Persian digits read; `,` is
 * the decimal separator in French and Arabic, `٫` in any locale); dates are `YYYY-MM-DD`; a file
 * field gives the file's metadata (name, type, size), never its bytes.
 *
 * Only the questions of the page are read; other fields (the submit button, the CSRF token) are
 * ignored. What cannot be read is reported with the same codes as `validateAnswers`; the rules of
 * each question are `validateAnswers`'s.
 */

import { AppError } from '#app/shared/errors.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { fieldName, OTHER_CHOICE, rankedCount } from './form-answers.ts';
import { ownValue } from './form-conditions.ts';
import { isCalendarDate } from './form-definition.ts';
import type {
  AnswerError,
  AnswerValue,
  ChoiceValue,
  FormAnswerErrorCode,
  FormAnswers,
  FormDefinition,
  FormQuestion,
  RawAnswers,
} from './forms.contracts.ts';

/** What a file input sends: a `File` has these. */
export interface UploadedFileMeta {
  name: string;
  type: string;
  size: number;
}
export type FormFieldValue = string | UploadedFileMeta;
/** A `FormData`, or name/value pairs in the order the browser sent them. */
export type FormFields = Iterable<readonly [string, FormFieldValue]>;

/** `٣٫٥` -> `3.5`: Arabic-Indic (U+0660) and Persian (U+06F0) digits become ASCII ones. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf));
}

/**
 * A number as people type it: `12`, `-3.5`, `1 200`, `3,5` (French and Arabic), `١٢٫٥`. In
 * English a comma only groups thousands (`1,200`). With both separators, the last one is the
 * decimal one (`1.234,5`). NaN when it is not a number.
 */
export function parseLocalisedNumber(text: string, locale: Locale): number {
  let ascii = toAsciiDigits(text)
    .replace(/[\s\u00a0\u202f\u066c\u200e\u200f\u061c']/g, '')
    .replace(/\u066b/g, '.')
    .replace(/^\u2212/, '-');
  const comma = ascii.lastIndexOf(',');
  const dot = ascii.lastIndexOf('.');
  if (comma !== -1 && dot !== -1) {
    ascii = comma > dot ? ascii.replace(/\./g, '').replace(',', '.') : ascii.replace(/,/g, '');
  } else if (comma !== -1) {
    if (locale === 'en') {
      if (!/^[-+]?\d{1,3}(,\d{3})+$/.test(ascii)) return Number.NaN;
      ascii = ascii.replace(/,/g, '');
    } else {
      ascii = ascii.replace(',', '.');
    }
  }
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(ascii) ? Number(ascii) : Number.NaN;
}

type Read = { value?: AnswerValue; errors?: AnswerError[] };

function refuse(question: FormQuestion, code: FormAnswerErrorCode, values?: AnswerError['values'], part?: string): Read {
  return { errors: [{ question: question.code, field: fieldName(question.code, part), code, ...(values ? { values } : {}) }] };
}

function textOf(value: FormFieldValue | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

function readChoice(question: FormQuestion, value: string, fields: ReadonlyMap<string, FormFieldValue[]>): ChoiceValue | Read {
  const offersOther = (question.type === 'single-choice' || question.type === 'multiple-choice') && question.other !== undefined;
  if (value !== OTHER_CHOICE || !offersOther) return value;
  const other = textOf(fields.get(fieldName(question.code, OTHER_CHOICE))?.[0]);
  return other === '' ? refuse(question, 'FORMS_ANSWER_OTHER_TEXT_REQUIRED', undefined, OTHER_CHOICE) : { other };
}

function isRead(choice: ChoiceValue | Read): choice is Read {
  return typeof choice === 'object' && !('other' in choice);
}

function readRanking(question: Extract<FormQuestion, { type: 'ranking' }>, fields: ReadonlyMap<string, FormFieldValue[]>): Read {
  const max = rankedCount(question);
  const byRank = new Map<number, string>();
  for (const option of question.options) {
    const text = toAsciiDigits(textOf(fields.get(fieldName(question.code, option.code))?.[0]));
    if (text === '') continue;
    const rank = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(rank >= 1 && rank <= max)) return refuse(question, 'FORMS_ANSWER_RANK_OUT_OF_RANGE', { max }, option.code);
    if (byRank.has(rank)) return refuse(question, 'FORMS_ANSWER_RANK_DUPLICATE', undefined, option.code);
    byRank.set(rank, option.code);
  }
  // Ranks 1, 2, 4 read as first, second, third: the order is what was meant; a missing rank is
  // then caught by validateAnswers as an incomplete ranking.
  const ranked = [...byRank.entries()].sort(([a], [b]) => a - b).map(([, code]) => code);
  return ranked.length > 0 ? { value: ranked } : {};
}

function readQuestion(question: FormQuestion, fields: ReadonlyMap<string, FormFieldValue[]>, locale: Locale): Read {
  const values = fields.get(question.code) ?? [];
  const first = values[0];
  switch (question.type) {
    case 'short-text':
    case 'long-text': {
      if (first !== undefined && typeof first !== 'string') return refuse(question, 'FORMS_ANSWER_WRONG_TYPE');
      // Line breaks arrive as CRLF from browsers; stored as LF so lengths count what people typed.
      const text = textOf(first).replace(/\r\n?/g, '\n');
      return text === '' ? {} : { value: text };
    }
    case 'number':
    case 'scale': {
      const text = textOf(first);
      if (text === '') return {};
      const number = parseLocalisedNumber(text, locale);
      return Number.isNaN(number) ? refuse(question, 'FORMS_ANSWER_NOT_A_NUMBER') : { value: number };
    }
    case 'date': {
      const text = toAsciiDigits(textOf(first));
      if (text === '') return {};
      return isCalendarDate(text) ? { value: text } : refuse(question, 'FORMS_ANSWER_NOT_A_DATE');
    }
    case 'single-choice': {
      const text = textOf(first);
      if (text === '') return {};
      const choice = readChoice(question, text, fields);
      return isRead(choice) ? choice : { value: choice };
    }
    case 'multiple-choice': {
      const choices: ChoiceValue[] = [];
      for (const text of values.map(textOf).filter((v) => v !== '')) {
        const choice = readChoice(question, text, fields);
        if (isRead(choice)) return choice;
        choices.push(choice);
      }
      return choices.length > 0 ? { value: choices } : {};
    }
    case 'ranking':
      return readRanking(question, fields);
    case 'matrix': {
      const cells: Record<string, string> = {};
      for (const row of question.rows) {
        const column = textOf(fields.get(fieldName(question.code, row.code))?.[0]);
        if (column !== '') cells[row.code] = column;
      }
      return Object.keys(cells).length > 0 ? { value: cells } : {};
    }
    case 'file': {
      if (first === undefined || first === '') return {};
      if (typeof first === 'string') return refuse(question, 'FORMS_ANSWER_WRONG_TYPE');
      // An empty file input still sends a part, with no name and no bytes.
      if (first.name === '' && first.size === 0) return {};
      return { value: { name: first.name, mediaType: first.type || 'application/octet-stream', size: first.size } };
    }
  }
}

function questionsOf(definition: FormDefinition, pageCode: string): FormQuestion[] {
  const page = definition.pages.find((p) => p.code === pageCode);
  if (!page) throw new AppError('FORMS_PAGE_NOT_FOUND', 404, { page: pageCode });
  return page.sections.flatMap((section) => section.questions);
}

/** The answers one page's POST gives (questions left blank have no key), and what could not be read. */
export function answersFromFormFields(
  definition: FormDefinition,
  pageCode: string,
  fields: FormFields,
  locale: Locale,
): { answers: FormAnswers; errors: AnswerError[] } {
  const byName = new Map<string, FormFieldValue[]>();
  for (const [name, value] of fields) byName.set(name, [...(byName.get(name) ?? []), value]);
  const answers: FormAnswers = {};
  const errors: AnswerError[] = [];
  for (const question of questionsOf(definition, pageCode)) {
    const read = readQuestion(question, byName, locale);
    if (read.errors) errors.push(...read.errors);
    else if (read.value !== undefined) answers[question.code] = read.value;
  }
  return { answers, errors };
}

/**
 * A draft after a page is sent: the page's answers replace whatever the draft held for the
 * page's questions (a field emptied on the way back clears its answer); other pages are kept.
 */
export function mergePageAnswers(definition: FormDefinition, pageCode: string, draft: RawAnswers, pageAnswers: RawAnswers): RawAnswers {
  const onPage = new Set(questionsOf(definition, pageCode).map((question) => question.code));
  const merged = Object.fromEntries(Object.entries(draft).filter(([code]) => !onPage.has(code)));
  for (const [code, value] of Object.entries(pageAnswers)) if (onPage.has(code)) merged[code] = value;
  return merged;
}

function choiceFields(code: string, choices: readonly unknown[]): Record<string, string[]> {
  const fields: Record<string, string[]> = { [code]: [] };
  for (const choice of choices) {
    if (typeof choice === 'string') fields[code]?.push(choice);
    else if (typeof choice === 'object' && choice !== null && 'other' in choice && typeof choice.other === 'string') {
      fields[code]?.push(OTHER_CHOICE);
      fields[fieldName(code, OTHER_CHOICE)] = [choice.other];
    }
  }
  return fields;
}

/**
 * What the inputs of a page show for these answers (a draft, or a page sent back with errors):
 * field name -> values, several for ticked boxes. The inverse of `answersFromFormFields`. File
 * inputs cannot be filled in; the page shows the stored file's name from the answer instead.
 */
export function formFieldsFromAnswers(definition: FormDefinition, pageCode: string, answers: RawAnswers): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const question of questionsOf(definition, pageCode)) {
    const value = ownValue(answers, question.code);
    if (value === undefined || value === null) continue;
    switch (question.type) {
      case 'short-text':
      case 'long-text':
      case 'date':
      case 'number':
      case 'scale':
        if (typeof value === 'string' || typeof value === 'number') fields[question.code] = [String(value)];
        break;
      case 'single-choice':
        Object.assign(fields, choiceFields(question.code, [value]));
        break;
      case 'multiple-choice':
        if (Array.isArray(value)) Object.assign(fields, choiceFields(question.code, value));
        break;
      case 'ranking':
        if (Array.isArray(value))
          for (const [index, code] of value.entries()) fields[fieldName(question.code, String(code))] = [String(index + 1)];
        break;
      case 'matrix':
        for (const [row, column] of Object.entries(value)) if (typeof column === 'string') fields[fieldName(question.code, row)] = [column];
        break;
      case 'file':
        break;
    }
  }
  return fields;
}

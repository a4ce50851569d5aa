/**
 * Exports of answers, built from the definition of the version they were given against: stable
 * column keys (question codes, `<question>.<option>` per option of a multiple choice or ranking,
 * `<question>.<row>` per matrix row, `<question>._other` for "other" texts) and headers in the
 * reader's language (with the fallback of decision 0003). Pure: the service writes CSV or XLSX.
 */
import type { Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { fieldName, OTHER_CHOICE } from './form-answers.ts';
import { ownValue } from './form-conditions.ts';
import { questionsInOrder } from './form-definition.ts';
import type { ChoiceValue, FormDefinition, FormOption, FormQuestion, QuestionType, RawAnswers } from './forms.contracts.ts';

export interface ExportColumn {
  /** Stable key: the question's code, or `<question>.<part>`. */
  key: string;
  question: string;
  /** The option, matrix row or `_other` the column is about. */
  part?: string;
  type: QuestionType;
  /** Header in the reader's language. */
  label: string;
}

export type ExportCell = string | number | null;

export interface ExportOptions {
  /** Choices as their labels in the reader's language (default) or as their stable codes (open data, analysis). */
  choices?: 'labels' | 'codes';
}

function joinLabels(question: string, part: string): string {
  return `${question} — ${part}`;
}

/** The export columns of a version, in form order. */
export function columnsOf(definition: FormDefinition, locale: Locale): ExportColumn[] {
  return questionsInOrder(definition).flatMap(({ question }): ExportColumn[] => {
    const label = textIn(question.label, locale, null, question.code);
    const whole: ExportColumn = { key: question.code, question: question.code, type: question.type, label };
    const perPart = (parts: readonly FormOption[]) =>
      parts.map((part) => ({
        key: fieldName(question.code, part.code),
        question: question.code,
        part: part.code,
        type: question.type,
        label: joinLabels(label, textIn(part.label, locale, null, part.code)),
      }));
    const other =
      (question.type === 'single-choice' || question.type === 'multiple-choice') && question.other
        ? [
            {
              key: fieldName(question.code, OTHER_CHOICE),
              question: question.code,
              part: OTHER_CHOICE,
              type: question.type,
              label: joinLabels(label, textIn(question.other.label, locale, null, OTHER_CHOICE)),
            },
          ]
        : [];
    switch (question.type) {
      case 'single-choice':
        return [whole, ...other];
      case 'multiple-choice':
        return [...perPart(question.options), ...other];
      case 'ranking':
        return perPart(question.options);
      case 'matrix':
        return perPart(question.rows);
      default:
        return [whole];
    }
  });
}

function optionText(options: readonly FormOption[], code: string, locale: Locale, choices: 'labels' | 'codes'): string {
  if (choices === 'codes') return code;
  const option = options.find((o) => o.code === code);
  return option ? textIn(option.label, locale, null, code) : code;
}

function answerCells(question: FormQuestion, value: unknown, locale: Locale, choices: 'labels' | 'codes'): Record<string, ExportCell> {
  const cells: Record<string, ExportCell> = {};
  const otherKey = fieldName(question.code, OTHER_CHOICE);
  switch (question.type) {
    case 'single-choice': {
      const choice = value as ChoiceValue;
      if (typeof choice === 'string') cells[question.code] = optionText(question.options, choice, locale, choices);
      else {
        cells[question.code] =
          choices === 'codes' || !question.other ? OTHER_CHOICE : textIn(question.other.label, locale, null, OTHER_CHOICE);
        cells[otherKey] = choice.other;
      }
      return cells;
    }
    case 'multiple-choice': {
      const chosen = value as ChoiceValue[];
      for (const option of question.options) cells[fieldName(question.code, option.code)] = chosen.includes(option.code) ? 1 : 0;
      const other = chosen.find((choice) => typeof choice === 'object');
      if (question.other) cells[otherKey] = other ? other.other : null;
      return cells;
    }
    case 'ranking': {
      const ranked = value as string[];
      for (const option of question.options) {
        const rank = ranked.indexOf(option.code);
        cells[fieldName(question.code, option.code)] = rank === -1 ? null : rank + 1;
      }
      return cells;
    }
    case 'matrix': {
      const matrix = value as Record<string, string>;
      for (const row of question.rows) {
        const column = ownValue(matrix, row.code) as string | undefined;
        cells[fieldName(question.code, row.code)] = column === undefined ? null : optionText(question.columns, column, locale, choices);
      }
      return cells;
    }
    case 'file':
      return { [question.code]: (value as { name: string }).name };
    default:
      return { [question.code]: value as string | number };
  }
}

/**
 * One response as export cells, keyed like `columnsOf` (every key present; null when not
 * answered). `answers` are a stored response's, read with the definition of ITS version.
 */
export function exportRow(
  definition: FormDefinition,
  answers: RawAnswers,
  locale: Locale,
  options: ExportOptions = {},
): Record<string, ExportCell> {
  const row: Record<string, ExportCell> = Object.fromEntries(columnsOf(definition, locale).map((column) => [column.key, null]));
  for (const { question } of questionsInOrder(definition)) {
    const value = ownValue(answers, question.code);
    if (value === undefined || value === null) continue;
    Object.assign(row, answerCells(question, value, locale, options.choices ?? 'labels'));
  }
  return row;
}

/**
 * The columns of an export over several versions (oldest first): every key once, where it first
 * appears, with the header of the latest version that has it.
 */
export function mergeColumns(versions: readonly (readonly ExportColumn[])[]): ExportColumn[] {
  const merged = new Map<string, ExportColumn>();
  for (const columns of versions) for (const column of columns) merged.set(column.key, column);
  return [...merged.values()];
}

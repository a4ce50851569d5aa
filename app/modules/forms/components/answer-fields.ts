/**
 * Pure helpers of the answering page: the ids its controls and messages carry (so an error
 * summary links to the right control and each message describes its field), refused answers
 * grouped by HTML field name, and what a refused POST sends back to re-fill the page.
 */
import { fieldName, OTHER_CHOICE } from '../form-answers.ts';
import type { AnswerError, FormQuestion } from '../forms.contracts.ts';

/** One refused answer as the page shows it: its field, the message code and values, or the definition's own message. */
export type FieldProblem = Pick<AnswerError, 'field' | 'code' | 'values' | 'message'>;

/** The id of the control of a field (`org-size`, `formats.design`, `org-size._other`); with `option`, one radio or box of a group. */
export function controlId(field: string, option?: string): string {
  return option === undefined ? `fq-${field}` : `fq-${field}--${option}`;
}

/** The id of the message beside a field. */
export function errorId(field: string): string {
  return `fq-${field}-error`;
}

/** The id of a question's help text. */
export function helpId(question: string): string {
  return `fq-${question}-help`;
}

/**
 * The control a summary link for an error on `field` moves to: the field's own input, or the
 * first radio or box of a group (a fieldset cannot take focus).
 */
export function anchorOf(question: FormQuestion, field: string): string {
  const part = field.startsWith(`${question.code}.`) ? field.slice(question.code.length + 1) : undefined;
  if (part === OTHER_CHOICE) return controlId(field);
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      return controlId(question.code, question.options[0]?.code ?? OTHER_CHOICE);
    case 'scale':
      return controlId(question.code, String(question.min));
    case 'ranking':
      return controlId(fieldName(question.code, part ?? question.options[0]?.code ?? ''));
    case 'matrix': {
      const row = part ?? question.rows[0]?.code ?? '';
      return controlId(fieldName(question.code, row), question.columns[0]?.code ?? '');
    }
    default:
      return controlId(question.code);
  }
}

/** Problems by field name, in the order they came. */
export function problemsByField(problems: readonly FieldProblem[]): Map<string, FieldProblem[]> {
  const byField = new Map<string, FieldProblem[]>();
  for (const problem of problems) byField.set(problem.field, [...(byField.get(problem.field) ?? []), problem]);
  return byField;
}

/** The question a field belongs to (`formats.design` -> `formats`). */
export function questionOfField(field: string): string {
  const dot = field.indexOf('.');
  return dot === -1 ? field : field.slice(0, dot);
}

/** What a refused POST sent, to show it again: text values only (a browser never re-fills a file input). */
export function postedValues(entries: Iterable<readonly [string, unknown]>): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const [name, value] of entries) {
    if (typeof value !== 'string') continue;
    values[name] = [...(values[name] ?? []), value];
  }
  return values;
}

/**
 * Show-if conditions: which operators fit which question type, and how a condition reads the
 * answers. Pure. Only answers to SHOWN questions are passed in (see `formVisibility`), so a
 * question hidden by an earlier condition counts as not answered.
 *
 * Unanswered questions: `equals`, `includes` and the comparisons are false, `notEquals` is true
 * (it is the negation of `equals`, as in XLSForm and SurveyJS): "show if the answer is not X"
 * shows the question while nothing has been said.
 */
import type { AnswerOperator, Condition, QuestionType } from './forms.contracts.ts';

const PRESENCE = ['answered', 'notAnswered'] as const;
const ORDERED = ['equals', 'notEquals', 'gt', 'gte', 'lt', 'lte', ...PRESENCE] as const;

/** The operators a condition may apply to an answer of each question type. */
export const OPERATORS_BY_TYPE: Record<QuestionType, readonly AnswerOperator[]> = {
  'short-text': ['equals', 'notEquals', ...PRESENCE],
  'long-text': PRESENCE,
  number: ORDERED,
  scale: ORDERED,
  date: ORDERED,
  'single-choice': ['equals', 'notEquals', ...PRESENCE],
  'multiple-choice': ['includes', ...PRESENCE],
  ranking: PRESENCE,
  file: PRESENCE,
  matrix: PRESENCE,
};

/** A test on one question's answer (a condition that is not all/any/not). */
export type AnswerCondition = Extract<Condition, { question: string }>;

/**
 * The value a record holds under `key` itself: a code such as `constructor` is a valid question,
 * row or option code and must not read what every object inherits.
 */
export function ownValue(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** True when the value says something: not missing, not blank text, not an empty list or matrix. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return !Number.isNaN(value);
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function compare(answer: unknown, value: string | number): number | null {
  if (typeof answer === 'number' && typeof value === 'number') return answer - value;
  // Dates are `YYYY-MM-DD`: their text order is their time order.
  if (typeof answer === 'string' && typeof value === 'string') return answer < value ? -1 : answer > value ? 1 : 0;
  return null;
}

function testAnswer(condition: AnswerCondition, answer: unknown): boolean {
  const answered = isAnswered(answer);
  switch (condition.op) {
    case 'answered':
      return answered;
    case 'notAnswered':
      return !answered;
    case 'includes':
      return Array.isArray(answer) && answer.includes(condition.value);
    case 'equals':
      return answered && compare(answer, condition.value) === 0;
    case 'notEquals':
      return !(answered && compare(answer, condition.value) === 0);
    default: {
      const order = answered ? compare(answer, condition.value) : null;
      if (order === null) return false;
      if (condition.op === 'gt') return order > 0;
      if (condition.op === 'gte') return order >= 0;
      if (condition.op === 'lt') return order < 0;
      return order <= 0;
    }
  }
}

/** Evaluates a condition against the answers of the questions shown so far. */
export function evaluateCondition(condition: Condition, answers: Readonly<Record<string, unknown>>): boolean {
  switch (condition.op) {
    case 'all':
      return condition.conditions.every((part) => evaluateCondition(part, answers));
    case 'any':
      return condition.conditions.some((part) => evaluateCondition(part, answers));
    case 'not':
      return !evaluateCondition(condition.condition, answers);
    default:
      return testAnswer(condition, ownValue(answers, condition.question));
  }
}

/** Each test on an answer inside a condition, with its dotted path from the condition. */
export function answerConditions(condition: Condition, path: string): { condition: AnswerCondition; path: string }[] {
  switch (condition.op) {
    case 'all':
    case 'any':
      return condition.conditions.flatMap((part, index) => answerConditions(part, `${path}.conditions.${index}`));
    case 'not':
      return answerConditions(condition.condition, `${path}.condition`);
    default:
      return [{ condition, path }];
  }
}

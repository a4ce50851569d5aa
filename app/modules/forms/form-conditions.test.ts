import { describe, expect, it } from 'vitest';
import { answerConditions, evaluateCondition, isAnswered } from './form-conditions.ts';
import type { Condition } from './forms.contracts.ts';

describe('isAnswered', () => {
  it('treats missing values, blank text, empty lists and empty matrices as not answered', () => {
    for (const value of [undefined, null, '', '   ', [], {}, Number.NaN]) expect(isAnswered(value), String(value)).toBe(false);
    for (const value of ['a', 0, ['x'], { row: 'col' }, { other: 'text' }]) expect(isAnswered(value)).toBe(true);
  });
});

describe('evaluateCondition', () => {
  const answers = { size: 'small', employees: 12, founded: '2010-05-31', challenges: ['finance', 'skills'] };

  it('compares single answers', () => {
    expect(evaluateCondition({ op: 'equals', question: 'size', value: 'small' }, answers)).toBe(true);
    expect(evaluateCondition({ op: 'equals', question: 'size', value: 'large' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'notEquals', question: 'size', value: 'large' }, answers)).toBe(true);
    expect(evaluateCondition({ op: 'gt', question: 'employees', value: 12 }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'gte', question: 'employees', value: 12 }, answers)).toBe(true);
    expect(evaluateCondition({ op: 'lt', question: 'founded', value: '2011-01-01' }, answers)).toBe(true);
    expect(evaluateCondition({ op: 'lte', question: 'founded', value: '2010-05-30' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'includes', question: 'challenges', value: 'skills' }, answers)).toBe(true);
    expect(evaluateCondition({ op: 'includes', question: 'challenges', value: 'markets' }, answers)).toBe(false);
  });

  it('reads an unanswered question as not equal to anything and never compared', () => {
    expect(evaluateCondition({ op: 'equals', question: 'missing', value: 'a' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'notEquals', question: 'missing', value: 'a' }, answers)).toBe(true);
    expect(evaluateCondition({ op: 'lt', question: 'missing', value: 5 }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'gte', question: 'missing', value: 5 }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'includes', question: 'missing', value: 'a' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'answered', question: 'missing' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'notAnswered', question: 'missing' }, answers)).toBe(true);
  });

  it('does not compare a number with a text', () => {
    expect(evaluateCondition({ op: 'equals', question: 'employees', value: '12' }, answers)).toBe(false);
    expect(evaluateCondition({ op: 'gt', question: 'size', value: 3 }, answers)).toBe(false);
  });

  it('combines nested all, any and not', () => {
    const condition: Condition = {
      op: 'any',
      conditions: [
        {
          op: 'all',
          conditions: [
            { op: 'equals', question: 'size', value: 'large' },
            { op: 'answered', question: 'employees' },
          ],
        },
        {
          op: 'not',
          condition: {
            op: 'any',
            conditions: [
              { op: 'lt', question: 'employees', value: 10 },
              { op: 'includes', question: 'challenges', value: 'markets' },
            ],
          },
        },
      ],
    };
    expect(evaluateCondition(condition, answers)).toBe(true);
    expect(evaluateCondition(condition, { ...answers, employees: 3 })).toBe(false);
    expect(evaluateCondition(condition, { ...answers, employees: 3, size: 'large' })).toBe(true);
  });
});

describe('answerConditions', () => {
  it('lists each test with its path inside the condition', () => {
    const condition: Condition = {
      op: 'all',
      conditions: [
        { op: 'answered', question: 'a' },
        { op: 'not', condition: { op: 'equals', question: 'b', value: 1 } },
      ],
    };
    expect(answerConditions(condition, 'showIf').map(({ condition: c, path }) => [c.question, path])).toEqual([
      ['a', 'showIf.conditions.0'],
      ['b', 'showIf.conditions.1.condition'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { needsSurvey } from './form.fixture.ts';
import { checkFormDefinition, isCalendarDate, questionsInOrder } from './form-definition.ts';
import { type FormDefinition, type FormQuestion, formDefinitionSchema } from './forms.contracts.ts';

const label = { en: 'Label' };

/** A two-page form: `first` on page one, then the given questions on page two. */
function formWith(...questions: unknown[]): FormDefinition {
  return formDefinitionSchema.parse({
    code: 'f',
    title: label,
    pages: [
      {
        code: 'one',
        sections: [
          {
            code: 's1',
            questions: [
              {
                code: 'first',
                type: 'single-choice',
                label,
                options: [
                  { code: 'yes', label },
                  { code: 'no', label },
                ],
              },
              { code: 'count', type: 'number', label },
              { code: 'picked', type: 'multiple-choice', label, options: [{ code: 'a', label }] },
              { code: 'day', type: 'date', label },
              { code: 'notes', type: 'long-text', label },
            ],
          },
        ],
      },
      { code: 'two', sections: [{ code: 's2', questions }] },
    ],
  });
}

function codesOf(definition: FormDefinition) {
  return checkFormDefinition(definition).map((p) => [p.path, p.code]);
}

describe('checkFormDefinition', () => {
  it('finds nothing wrong with a sound form', () => {
    expect(checkFormDefinition(needsSurvey)).toEqual([]);
  });

  it('refuses codes used twice: questions in the form, options per question, pages', () => {
    const definition = formWith(
      { code: 'first', type: 'short-text', label },
      {
        code: 'q',
        type: 'ranking',
        label,
        options: [
          { code: 'x', label },
          { code: 'x', label },
        ],
      },
    );
    definition.pages.push({
      ...structuredClone(definition.pages[1]!),
      sections: [{ code: 's3', questions: [{ code: 'z', type: 'short-text', label }] }],
    });
    expect(checkFormDefinition(definition)).toEqual([
      { path: 'pages.2.code', code: 'FORMS_DEFINITION_DUPLICATE_CODE', values: { code: 'two' } },
      { path: 'pages.1.sections.0.questions.0.code', code: 'FORMS_DEFINITION_DUPLICATE_CODE', values: { code: 'first' } },
      { path: 'pages.1.sections.0.questions.1.options.1.code', code: 'FORMS_DEFINITION_DUPLICATE_CODE', values: { code: 'x' } },
    ]);
  });

  it('allows the same option code in two questions', () => {
    expect(codesOf(formWith({ code: 'q', type: 'single-choice', label, options: [{ code: 'yes', label }] }))).toEqual([]);
  });

  it('refuses empty forms, pages, sections and choice lists', () => {
    expect(codesOf(formDefinitionSchema.parse({ code: 'f', title: label, pages: [] }))).toEqual([['pages', 'FORMS_DEFINITION_NO_PAGES']]);
    const definition = formWith(
      { code: 'c', type: 'single-choice', label, options: [] },
      { code: 'm', type: 'matrix', label, rows: [{ code: 'r', label }], columns: [] },
    );
    definition.pages[1]!.sections.push({ code: 'empty', questions: [] });
    definition.pages.push({ code: 'three', sections: [] });
    expect(codesOf(definition)).toEqual([
      ['pages.1.sections.0.questions.0.options', 'FORMS_DEFINITION_NO_OPTIONS'],
      ['pages.1.sections.0.questions.1.columns', 'FORMS_DEFINITION_NO_OPTIONS'],
      ['pages.1.sections.1', 'FORMS_DEFINITION_EMPTY_SECTION'],
      ['pages.2', 'FORMS_DEFINITION_EMPTY_PAGE'],
    ]);
  });

  it('refuses limits that do not fit together', () => {
    const definition = formWith(
      { code: 't', type: 'short-text', label, minLength: 10, maxLength: 5 },
      { code: 'u', type: 'short-text', label, minLength: 600 },
      { code: 'n', type: 'number', label, min: 10, max: 1 },
      {
        code: 'm',
        type: 'multiple-choice',
        label,
        options: [
          { code: 'a', label },
          { code: 'b', label },
        ],
        minSelections: 2,
        maxSelections: 3,
      },
      { code: 'r', type: 'ranking', label, options: [{ code: 'a', label }], maxRanked: 2 },
      { code: 'd', type: 'date', label, min: '2026-02-30', max: '2026-01-01' },
      { code: 'e', type: 'date', label, min: '2026-03-01', max: '2026-01-01' },
      { code: 'p', type: 'short-text', label, pattern: { regex: '([a-z', message: label } },
    );
    expect(checkFormDefinition(definition).map((p) => [p.path.replace('pages.1.sections.0.questions.', ''), p.code, p.values])).toEqual([
      ['0.minLength', 'FORMS_DEFINITION_MIN_ABOVE_MAX', { min: 10, max: 5 }],
      ['1.minLength', 'FORMS_DEFINITION_MIN_ABOVE_MAX', { min: 600, max: 500 }],
      ['2.min', 'FORMS_DEFINITION_MIN_ABOVE_MAX', { min: 10, max: 1 }],
      ['3.maxSelections', 'FORMS_DEFINITION_LIMIT_ABOVE_OPTIONS', { count: 2 }],
      ['4.maxRanked', 'FORMS_DEFINITION_LIMIT_ABOVE_OPTIONS', { count: 1 }],
      ['5.min', 'FORMS_DEFINITION_DATE_INVALID', undefined],
      ['6.min', 'FORMS_DEFINITION_MIN_ABOVE_MAX', { min: '2026-03-01', max: '2026-01-01' }],
      ['7.pattern.regex', 'FORMS_DEFINITION_PATTERN_INVALID', undefined],
    ]);
  });

  it('counts the "other" choice among the options a multiple choice may require', () => {
    const definition = formWith({
      code: 'm',
      type: 'multiple-choice',
      label,
      options: [{ code: 'a', label }],
      other: { label },
      minSelections: 2,
    });
    expect(checkFormDefinition(definition)).toEqual([]);
  });

  it('refuses a scale whose step does not divide its range, or with no range', () => {
    expect(codesOf(formWith({ code: 's', type: 'scale', label, min: 1, max: 10, step: 2 }))).toEqual([
      ['pages.1.sections.0.questions.0.step', 'FORMS_DEFINITION_SCALE_STEP'],
    ]);
    expect(codesOf(formWith({ code: 's', type: 'scale', label, min: 5, max: 5 }))).toEqual([
      ['pages.1.sections.0.questions.0.min', 'FORMS_DEFINITION_MIN_ABOVE_MAX'],
    ]);
    expect(codesOf(formWith({ code: 's', type: 'scale', label, min: 0, max: 10, step: 5 }))).toEqual([]);
  });

  it('refuses a condition on a later question, on the question itself, or on the same page', () => {
    const definition = formWith(
      { code: 'a', type: 'short-text', label, showIf: { op: 'answered', question: 'b' } },
      { code: 'b', type: 'short-text', label, showIf: { op: 'answered', question: 'b' } },
      { code: 'c', type: 'short-text', label, showIf: { op: 'answered', question: 'a' } },
    );
    definition.pages[0]!.showIf = { op: 'answered', question: 'first' };
    definition.pages[1]!.sections[0]!.showIf = { op: 'answered', question: 'a' };
    expect(codesOf(definition)).toEqual([
      ['pages.0.showIf.question', 'FORMS_DEFINITION_CONDITION_LATER_QUESTION'],
      ['pages.1.sections.0.showIf.question', 'FORMS_DEFINITION_CONDITION_LATER_QUESTION'],
      ['pages.1.sections.0.questions.0.showIf.question', 'FORMS_DEFINITION_CONDITION_LATER_QUESTION'],
      ['pages.1.sections.0.questions.1.showIf.question', 'FORMS_DEFINITION_CONDITION_LATER_QUESTION'],
      ['pages.1.sections.0.questions.2.showIf.question', 'FORMS_DEFINITION_CONDITION_SAME_PAGE'],
    ]);
  });

  it('refuses a condition on an unknown question or option, with an unfit operator or value, deep inside any/all/not', () => {
    const question: FormQuestion = {
      code: 'q',
      type: 'short-text',
      label,
      showIf: {
        op: 'any',
        conditions: [
          { op: 'equals', question: 'ghost', value: 'x' },
          { op: 'not', condition: { op: 'equals', question: 'first', value: 'maybe' } },
          {
            op: 'all',
            conditions: [
              { op: 'gt', question: 'first', value: 1 },
              { op: 'equals', question: 'count', value: 'ten' },
            ],
          },
          { op: 'includes', question: 'picked', value: 'b' },
          { op: 'lt', question: 'day', value: '2026-13-01' },
          { op: 'equals', question: 'notes', value: 'x' },
          { op: 'gte', question: 'count', value: 3 },
          { op: 'includes', question: 'picked', value: 'a' },
        ],
      },
    };
    expect(
      checkFormDefinition(formWith(question)).map((p) => [p.path.replace('pages.1.sections.0.questions.0.showIf.', ''), p.code, p.values]),
    ).toEqual([
      ['conditions.0.question', 'FORMS_DEFINITION_CONDITION_UNKNOWN_QUESTION', { question: 'ghost' }],
      ['conditions.1.condition.value', 'FORMS_DEFINITION_CONDITION_UNKNOWN_OPTION', { question: 'first', value: 'maybe' }],
      ['conditions.2.conditions.0.op', 'FORMS_DEFINITION_CONDITION_OPERATOR', { op: 'gt', type: 'single-choice' }],
      ['conditions.2.conditions.1.value', 'FORMS_DEFINITION_CONDITION_VALUE', { type: 'number' }],
      ['conditions.3.value', 'FORMS_DEFINITION_CONDITION_UNKNOWN_OPTION', { question: 'picked', value: 'b' }],
      ['conditions.4.value', 'FORMS_DEFINITION_CONDITION_VALUE', { type: 'date' }],
      ['conditions.5.op', 'FORMS_DEFINITION_CONDITION_OPERATOR', { op: 'equals', type: 'long-text' }],
    ]);
  });
});

describe('formDefinitionSchema', () => {
  it('refuses codes with capitals, spaces or dots, labels with no language, and an unknown type', () => {
    const base = { code: 'f', title: label, pages: [] };
    expect(formDefinitionSchema.safeParse(base).success).toBe(true);
    for (const code of ['Org', 'org size', 'org.size', '-org', ''])
      expect(formDefinitionSchema.safeParse({ ...base, code }).success, code).toBe(false);
    expect(formDefinitionSchema.safeParse({ ...base, title: {} }).success).toBe(false);
    expect(formDefinitionSchema.safeParse({ ...base, title: { en: '  ' } }).success).toBe(false);
    const page = (question: unknown) => ({ ...base, pages: [{ code: 'p', sections: [{ code: 's', questions: [question] }] }] });
    expect(formDefinitionSchema.safeParse(page({ code: 'q', type: 'slider', label })).success).toBe(false);
    expect(formDefinitionSchema.safeParse(page({ code: 'q', type: 'file', label, accept: ['pdf'], maxBytes: 10 })).success).toBe(false);
    expect(formDefinitionSchema.safeParse(page({ code: 'q', type: 'file', label, accept: ['image/*'], maxBytes: 10 })).success).toBe(true);
  });
});

describe('questionsInOrder and isCalendarDate', () => {
  it('lists questions across pages with their order and path', () => {
    const located = questionsInOrder(needsSurvey);
    expect(located.map((q) => q.question.code).slice(0, 5)).toEqual(['org-name', 'org-size', 'employees', 'founded', 'challenges']);
    expect(located[4]).toMatchObject({ order: 4, pageIndex: 1, path: 'pages.1.sections.0.questions.0' });
  });

  it('knows which days exist', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-2-1')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '#app/shared/errors.ts';
import { completeAnswers, needsSurvey } from './form.fixture.ts';
import {
  firstPage,
  formVisibility,
  isVisible,
  mediaTypeAccepted,
  nextPage,
  pageContent,
  pageProgress,
  previousPage,
  validateAnswers,
  visibleQuestions,
} from './form-answers.ts';
import { type FormDefinition, formDefinitionSchema } from './forms.contracts.ts';

const label = { en: 'Label' };

function errorsOf(answers: Record<string, unknown>, definition: FormDefinition = needsSurvey) {
  return validateAnswers(definition, answers).errors.map((e) => [e.field, e.code, e.values]);
}

describe('visibility', () => {
  it('shows a page only when its condition holds on earlier answers', () => {
    expect(isVisible(needsSurvey, completeAnswers, 'finance-detail')).toBe(true);
    expect(isVisible(needsSurvey, { ...completeAnswers, challenges: ['skills'] }, 'finance-detail')).toBe(false);
    expect(visibleQuestions(needsSurvey, { ...completeAnswers, challenges: ['skills'] }).map((q) => q.code)).not.toContain('loan-amount');
  });

  it('evaluates nested all/not on pages (micro organisations and those under 5 employees skip the evidence page)', () => {
    expect(isVisible(needsSurvey, completeAnswers, 'report')).toBe(true);
    expect(isVisible(needsSurvey, { ...completeAnswers, 'org-size': 'micro' }, 'report')).toBe(false);
    expect(isVisible(needsSurvey, { ...completeAnswers, employees: 4 }, 'report')).toBe(false);
    expect(isVisible(needsSurvey, { ...completeAnswers, employees: undefined }, 'report')).toBe(true);
  });

  it('counts a question hidden because an earlier one is hidden as not answered', () => {
    const chain = formDefinitionSchema.parse({
      code: 'chain',
      title: label,
      pages: [
        { code: 'p1', sections: [{ code: 's1', questions: [{ code: 'a', type: 'short-text', label }] }] },
        {
          code: 'p2',
          sections: [
            { code: 's2', questions: [{ code: 'b', type: 'short-text', label, showIf: { op: 'equals', question: 'a', value: 'yes' } }] },
          ],
        },
        {
          code: 'p3',
          sections: [{ code: 's3', questions: [{ code: 'c', type: 'short-text', label, showIf: { op: 'answered', question: 'b' } }] }],
        },
        {
          code: 'p4',
          sections: [{ code: 's4', questions: [{ code: 'd', type: 'short-text', label, showIf: { op: 'notAnswered', question: 'b' } }] }],
        },
      ],
    });
    // b still holds an old answer, but a no longer shows it: c (needs b) hides, d (needs no b) shows.
    const visibility = formVisibility(chain, { a: 'no', b: 'stale answer' });
    expect([...visibility.questions]).toEqual(['a', 'd']);
    expect([...visibility.pages]).toEqual(['p1', 'p4']);
    expect([...formVisibility(chain, { a: 'yes', b: 'x' }).questions]).toEqual(['a', 'b', 'c']);
  });
});

describe('validateAnswers', () => {
  it('accepts complete valid answers and returns them cleaned', () => {
    const result = validateAnswers(needsSurvey, { ...completeAnswers, 'org-name': '  Atelier Zellige  ' });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.answers).toEqual(completeAnswers);
  });

  it('does not require a required question hidden by a condition, and drops its answer', () => {
    const answers = { ...completeAnswers, challenges: ['markets'] };
    const { 'finance-detail': _detail, ...withoutDetail } = answers;
    expect(validateAnswers(needsSurvey, withoutDetail).valid).toBe(true);
    const result = validateAnswers(needsSurvey, answers);
    expect(result.valid).toBe(true);
    expect(result.answers).not.toHaveProperty('finance-detail');
    expect(result.answers).not.toHaveProperty('loan-amount');
  });

  it('drops even an invalid answer to a hidden question', () => {
    const result = validateAnswers(needsSurvey, { ...completeAnswers, challenges: ['markets'], 'loan-amount': 'a lot' });
    expect(result.valid).toBe(true);
  });

  it('refuses missing required answers, and answers to unknown questions', () => {
    const { 'org-name': _name, report: _report, ...answers } = completeAnswers;
    expect(errorsOf({ ...answers, 'org-size': '   ', colour: 'blue' })).toEqual([
      ['colour', 'FORMS_ANSWER_UNKNOWN_QUESTION', undefined],
      ['org-name', 'FORMS_ANSWER_REQUIRED', undefined],
      ['org-size', 'FORMS_ANSWER_REQUIRED', undefined],
      ['report', 'FORMS_ANSWER_REQUIRED', undefined],
    ]);
  });

  it('checks required questions on the given pages only, but every answer given', () => {
    const result = validateAnswers(needsSurvey, { 'org-name': 'Zellige', 'org-size': 'small', employees: 3.5 }, { pages: ['about'] });
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([['employees', 'FORMS_ANSWER_NOT_AN_INTEGER']]);
    expect(
      validateAnswers(needsSurvey, { 'org-name': 'Zellige', 'org-size': 'small', formats: { design: 'tv' } }, { pages: ['about'] }).errors,
    ).toMatchObject([{ field: 'formats.design', code: 'FORMS_ANSWER_NOT_AN_OPTION' }]);
  });

  it('refuses an option not in the list and a wrong type, whatever the question type', () => {
    expect(errorsOf({ ...completeAnswers, 'org-size': 'huge' })).toEqual([['org-size', 'FORMS_ANSWER_NOT_AN_OPTION', undefined]]);
    expect(errorsOf({ ...completeAnswers, challenges: ['finance', 'weather'] })).toEqual([
      ['challenges', 'FORMS_ANSWER_NOT_AN_OPTION', undefined],
    ]);
    const wrong = {
      'org-name': 42,
      'org-size': ['small'],
      employees: '12',
      founded: 20100531,
      challenges: 'finance',
      priorities: 'export',
      formats: ['workshop'],
      satisfaction: '6',
      report: 'report.pdf',
    };
    expect(errorsOf({ ...completeAnswers, ...wrong }).map(([field, code]) => [field, code])).toEqual(
      Object.keys(wrong).map((field) => [field, 'FORMS_ANSWER_WRONG_TYPE']),
    );
  });

  it('checks text lengths and patterns, with the pattern’s own message', () => {
    expect(errorsOf({ ...completeAnswers, 'org-name': 'x'.repeat(21) })).toEqual([['org-name', 'FORMS_ANSWER_TOO_LONG', { max: 20 }]]);
    const coded = formDefinitionSchema.parse({
      code: 'f',
      title: label,
      pages: [
        {
          code: 'p',
          sections: [
            {
              code: 's',
              questions: [
                {
                  code: 'tax-id',
                  type: 'short-text',
                  label,
                  minLength: 3,
                  pattern: { regex: '[0-9]+', message: { en: 'Digits only', ar: 'أرقام فقط' } },
                },
                { code: 'story', type: 'long-text', label },
              ],
            },
          ],
        },
      ],
    });
    expect(validateAnswers(coded, { 'tax-id': '12' }).errors).toMatchObject([{ code: 'FORMS_ANSWER_TOO_SHORT', values: { min: 3 } }]);
    expect(validateAnswers(coded, { 'tax-id': '123a' }).errors).toEqual([
      { question: 'tax-id', field: 'tax-id', code: 'FORMS_ANSWER_PATTERN_MISMATCH', message: { en: 'Digits only', ar: 'أرقام فقط' } },
    ]);
    expect(validateAnswers(coded, { 'tax-id': '1234', story: 'ب'.repeat(10_000) }).valid).toBe(true);
    expect(errorsOf({ story: 'ب'.repeat(10_001) }, coded)).toEqual([['story', 'FORMS_ANSWER_TOO_LONG', { max: 10_000 }]]);
  });

  it('checks numbers, scales and dates against their bounds', () => {
    expect(errorsOf({ ...completeAnswers, employees: -1 })).toEqual([['employees', 'FORMS_ANSWER_TOO_SMALL', { min: 0 }]]);
    expect(errorsOf({ ...completeAnswers, employees: 100001 })).toEqual([['employees', 'FORMS_ANSWER_TOO_LARGE', { max: 100000 }]]);
    expect(errorsOf({ ...completeAnswers, employees: Number.POSITIVE_INFINITY })).toEqual([
      ['employees', 'FORMS_ANSWER_WRONG_TYPE', undefined],
    ]);
    expect(errorsOf({ ...completeAnswers, satisfaction: 5 })).toEqual([['satisfaction', 'FORMS_ANSWER_NOT_ON_SCALE', { min: 0, max: 10 }]]);
    expect(errorsOf({ ...completeAnswers, satisfaction: 12 })).toEqual([
      ['satisfaction', 'FORMS_ANSWER_NOT_ON_SCALE', { min: 0, max: 10 }],
    ]);
    expect(errorsOf({ ...completeAnswers, founded: '2010-02-30' })).toEqual([['founded', 'FORMS_ANSWER_NOT_A_DATE', undefined]]);
    expect(errorsOf({ ...completeAnswers, founded: '1899-12-31' })).toEqual([
      ['founded', 'FORMS_ANSWER_DATE_TOO_EARLY', { min: '1900-01-01' }],
    ]);
    expect(errorsOf({ ...completeAnswers, founded: '2027-01-01' })).toEqual([
      ['founded', 'FORMS_ANSWER_DATE_TOO_LATE', { max: '2026-12-31' }],
    ]);
  });

  it('checks choices: how many, duplicates, and the "other" text', () => {
    expect(errorsOf({ ...completeAnswers, challenges: ['finance', 'markets', 'skills', { other: 'x' }] })).toEqual([
      ['challenges', 'FORMS_ANSWER_TOO_MANY_CHOICES', { max: 3 }],
    ]);
    expect(errorsOf({ ...completeAnswers, challenges: ['finance', 'finance'] })).toEqual([
      ['challenges', 'FORMS_ANSWER_DUPLICATE_OPTION', undefined],
    ]);
    expect(errorsOf({ ...completeAnswers, challenges: ['finance', { other: 'a' }, { other: 'b' }] })).toEqual([
      ['challenges', 'FORMS_ANSWER_DUPLICATE_OPTION', undefined],
    ]);
    expect(errorsOf({ ...completeAnswers, 'org-size': { other: '  ' } })).toEqual([
      ['org-size._other', 'FORMS_ANSWER_OTHER_TEXT_REQUIRED', undefined],
    ]);
    expect(errorsOf({ ...completeAnswers, 'org-size': { other: 'x'.repeat(201) } })).toEqual([
      ['org-size._other', 'FORMS_ANSWER_TOO_LONG', { max: 200 }],
    ]);
    expect(validateAnswers(needsSurvey, { ...completeAnswers, 'org-size': { other: ' Cooperative ' } }).answers['org-size']).toEqual({
      other: 'Cooperative',
    });
    expect(errorsOf({ ...completeAnswers, challenges: [] })).toEqual([['challenges', 'FORMS_ANSWER_REQUIRED', undefined]]);
  });

  it('refuses "other" where the question offers none, and too few choices', () => {
    const definition = formDefinitionSchema.parse({
      code: 'f',
      title: label,
      pages: [
        {
          code: 'p',
          sections: [
            {
              code: 's',
              questions: [
                {
                  code: 'pick',
                  type: 'multiple-choice',
                  label,
                  minSelections: 2,
                  options: [
                    { code: 'a', label },
                    { code: 'b', label },
                  ],
                },
                { code: 'one', type: 'single-choice', label, options: [{ code: 'a', label }] },
              ],
            },
          ],
        },
      ],
    });
    expect(errorsOf({ pick: ['a'], one: { other: 'x' } }, definition)).toEqual([
      ['pick', 'FORMS_ANSWER_TOO_FEW_CHOICES', { min: 2 }],
      ['one', 'FORMS_ANSWER_NOT_AN_OPTION', undefined],
    ]);
  });

  it('checks rankings: duplicates, unknown options, every option ranked', () => {
    expect(errorsOf({ ...completeAnswers, priorities: ['export', 'export', 'design'] })).toEqual([
      ['priorities', 'FORMS_ANSWER_RANK_DUPLICATE', undefined],
    ]);
    expect(errorsOf({ ...completeAnswers, priorities: ['export', 'crafts', 'design'] })).toEqual([
      ['priorities', 'FORMS_ANSWER_NOT_AN_OPTION', undefined],
    ]);
    expect(errorsOf({ ...completeAnswers, priorities: ['export', 'design'] })).toEqual([
      ['priorities', 'FORMS_ANSWER_RANKING_INCOMPLETE', { count: 3 }],
    ]);
  });

  it('requires every row of a required matrix, and refuses unknown rows and columns', () => {
    expect(errorsOf({ ...completeAnswers, formats: { design: 'workshop' } })).toEqual([
      ['formats.marketing', 'FORMS_ANSWER_ROW_REQUIRED', undefined],
    ]);
    expect(errorsOf({ ...completeAnswers, formats: { design: '', marketing: '' } })).toEqual([
      ['formats', 'FORMS_ANSWER_REQUIRED', undefined],
    ]);
    expect(errorsOf({ ...completeAnswers, formats: { design: 'workshop', marketing: 'radio', sales: 'online' } })).toEqual([
      ['formats.marketing', 'FORMS_ANSWER_NOT_AN_OPTION', undefined],
      ['formats.sales', 'FORMS_ANSWER_UNKNOWN_ROW', undefined],
    ]);
  });

  it('refuses an oversized file and a refused media type', () => {
    const report = completeAnswers.report;
    expect(errorsOf({ ...completeAnswers, report: { ...report, size: 1_000_001 } })).toEqual([
      ['report', 'FORMS_FILE_TOO_LARGE', { max: 1_000_000, maxMegabytes: 1 }],
    ]);
    expect(errorsOf({ ...completeAnswers, report: { ...report, mediaType: 'application/zip' } })).toEqual([
      ['report', 'FORMS_FILE_TYPE_REFUSED', { types: 'application/pdf, image/*' }],
    ]);
    expect(
      validateAnswers(needsSurvey, { ...completeAnswers, report: { ...report, mediaType: 'image/png', fileId: 'f1', extra: 1 } }).answers
        .report,
    ).toEqual({
      ...report,
      mediaType: 'image/png',
      fileId: 'f1',
    });
  });
});

describe('codes that objects inherit', () => {
  it('reads no answer for a question coded "constructor" until it is given', () => {
    const definition = formDefinitionSchema.parse({
      code: 'f',
      title: label,
      pages: [
        {
          code: 'p1',
          sections: [
            {
              code: 's1',
              questions: [
                { code: 'constructor', type: 'short-text', label, required: true },
                {
                  code: 'grid',
                  type: 'matrix',
                  label,
                  required: true,
                  rows: [{ code: 'constructor', label }],
                  columns: [{ code: 'a', label }],
                },
              ],
            },
          ],
        },
        {
          code: 'p2',
          sections: [
            { code: 's2', questions: [{ code: 'b', type: 'short-text', label, showIf: { op: 'answered', question: 'constructor' } }] },
          ],
        },
      ],
    });
    expect(isVisible(definition, {}, 'b')).toBe(false);
    expect(errorsOf({ grid: { other: 'a' } }, definition)).toEqual([
      ['constructor', 'FORMS_ANSWER_REQUIRED', undefined],
      ['grid.other', 'FORMS_ANSWER_UNKNOWN_ROW', undefined],
    ]);
    expect(errorsOf({ constructor: 'x', grid: { constructor: 'a' } }, definition)).toEqual([]);
  });
});

describe('mediaTypeAccepted', () => {
  it('matches exact types and families, ignoring parameters and case', () => {
    expect(mediaTypeAccepted('Image/PNG', ['image/*'])).toBe(true);
    expect(mediaTypeAccepted('application/pdf; version=1.7', ['application/pdf'])).toBe(true);
    expect(mediaTypeAccepted('application/pdfx', ['application/pdf'])).toBe(false);
    expect(mediaTypeAccepted('imagery/png', ['image/*'])).toBe(false);
    expect(mediaTypeAccepted('anything/else', [])).toBe(true);
  });
});

describe('paging', () => {
  const fresh = { 'org-name': 'Zellige', 'org-size': 'small', challenges: ['skills'] };

  it('skips pages whose condition is false', () => {
    expect(firstPage(needsSurvey, {})).toBe('about');
    expect(nextPage(needsSurvey, fresh, 'about')).toBe('challenges');
    expect(nextPage(needsSurvey, fresh, 'challenges')).toBe('training');
    expect(nextPage(needsSurvey, { ...fresh, challenges: ['finance'] }, 'challenges')).toBe('finance');
    expect(previousPage(needsSurvey, fresh, 'training')).toBe('challenges');
    expect(previousPage(needsSurvey, fresh, 'about')).toBeNull();
    expect(nextPage(needsSurvey, fresh, 'evidence')).toBeNull();
    expect(nextPage(needsSurvey, { ...fresh, 'org-size': 'micro' }, 'training')).toBeNull();
  });

  it('skips a page whose questions are all hidden', () => {
    const definition = formDefinitionSchema.parse({
      code: 'f',
      title: label,
      pages: [
        { code: 'p1', sections: [{ code: 's1', questions: [{ code: 'a', type: 'short-text', label }] }] },
        {
          code: 'p2',
          sections: [{ code: 's2', questions: [{ code: 'b', type: 'short-text', label, showIf: { op: 'answered', question: 'a' } }] }],
        },
        { code: 'p3', sections: [{ code: 's3', questions: [{ code: 'c', type: 'short-text', label }] }] },
      ],
    });
    expect(nextPage(definition, {}, 'p1')).toBe('p3');
    expect(nextPage(definition, { a: 'x' }, 'p1')).toBe('p2');
    expect(pageProgress(definition, {}, 'p3')).toEqual({ current: 2, total: 2 });
    expect(pageProgress(definition, { a: 'x' }, 'p3')).toEqual({ current: 3, total: 3 });
    expect(pageContent(definition, {}, 'p2').sections).toEqual([]);
  });

  it('counts progress over the pages shown, the current one included', () => {
    expect(pageProgress(needsSurvey, fresh, 'about')).toEqual({ current: 1, total: 4 });
    expect(pageProgress(needsSurvey, { ...fresh, challenges: ['finance'] }, 'training')).toEqual({ current: 4, total: 5 });
    expect(pageProgress(needsSurvey, { ...fresh, 'org-size': 'micro' }, 'evidence')).toEqual({ current: 4, total: 4 });
  });

  it('refuses an unknown page', () => {
    expect(() => nextPage(needsSurvey, {}, 'nowhere')).toThrowError(AppError);
    expect(() => pageProgress(needsSurvey, {}, 'nowhere')).toThrowError(
      expect.objectContaining({ code: 'FORMS_PAGE_NOT_FOUND', status: 404 }),
    );
  });

  it('gives the sections and questions a page shows', () => {
    const content = pageContent(needsSurvey, fresh, 'about');
    expect(content.page.code).toBe('about');
    expect(content.sections.map((s) => [s.section.code, s.questions.map((q) => q.code)])).toEqual([
      ['organisation', ['org-name', 'org-size', 'employees', 'founded']],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { completeAnswers, needsSurvey } from './form.fixture.ts';
import { validateAnswers } from './form-answers.ts';
import {
  answersFromFormFields,
  type FormFieldValue,
  formFieldsFromAnswers,
  mergePageAnswers,
  parseLocalisedNumber,
  toAsciiDigits,
} from './form-fields.ts';

type Fields = [string, FormFieldValue][];

describe('parseLocalisedNumber', () => {
  it('reads Arabic-Indic and Persian digits and the Arabic decimal separator', () => {
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
    expect(parseLocalisedNumber('١٢', 'ar')).toBe(12);
    expect(parseLocalisedNumber('۱۲٫۵', 'ar')).toBe(12.5);
    expect(parseLocalisedNumber('١٢,٥', 'ar')).toBe(12.5);
    expect(parseLocalisedNumber('١٬٢٠٠', 'ar')).toBe(1200);
  });

  it('takes a comma as the decimal separator in French and Arabic, as thousands in English', () => {
    expect(parseLocalisedNumber('3,5', 'fr')).toBe(3.5);
    expect(parseLocalisedNumber('1 200,75', 'fr')).toBe(1200.75);
    expect(parseLocalisedNumber('1\u202f200', 'fr')).toBe(1200);
    expect(parseLocalisedNumber('1.234,5', 'fr')).toBe(1234.5);
    expect(parseLocalisedNumber('3.5', 'fr')).toBe(3.5);
    expect(parseLocalisedNumber('1,200', 'en')).toBe(1200);
    expect(parseLocalisedNumber('1,234.5', 'en')).toBe(1234.5);
    expect(parseLocalisedNumber('-3.5', 'en')).toBe(-3.5);
    expect(parseLocalisedNumber('3,5', 'en')).toBeNaN();
  });

  it('refuses what is not a number', () => {
    for (const text of ['', 'twelve', '12a', '1,2,3', '--1', '.', '1e5']) expect(parseLocalisedNumber(text, 'fr'), text).toBeNaN();
  });
});

describe('answersFromFormFields', () => {
  it('reads a page sent in Arabic: text, Arabic-Indic digits, a radio, a date', () => {
    const fields: Fields = [
      ['org-name', '  تعاونية الزليج  '],
      ['org-size', 'small'],
      ['employees', '١٢'],
      ['founded', '٢٠١٠-٠٥-٣١'],
      ['intent', 'next'],
    ];
    expect(answersFromFormFields(needsSurvey, 'about', fields, 'ar')).toEqual({
      answers: { 'org-name': 'تعاونية الزليج', 'org-size': 'small', employees: 12, founded: '2010-05-31' },
      errors: [],
    });
  });

  it('leaves out blank fields and ignores fields of other pages', () => {
    const fields: Fields = [
      ['org-name', ''],
      ['employees', '  '],
      ['challenges', 'finance'],
    ];
    expect(answersFromFormFields(needsSurvey, 'about', fields, 'fr')).toEqual({ answers: {}, errors: [] });
  });

  it('reports what cannot be read with the validation codes', () => {
    const fields: Fields = [
      ['employees', 'douze'],
      ['founded', '31/05/2010'],
      ['org-size', '_other'],
      ['org-size._other', '  '],
    ];
    expect(answersFromFormFields(needsSurvey, 'about', fields, 'fr').errors.map((e) => [e.field, e.code])).toEqual([
      ['org-size._other', 'FORMS_ANSWER_OTHER_TEXT_REQUIRED'],
      ['employees', 'FORMS_ANSWER_NOT_A_NUMBER'],
      ['founded', 'FORMS_ANSWER_NOT_A_DATE'],
    ]);
  });

  it('reads repeated check boxes and the "other" text of a multiple choice', () => {
    const fields: Fields = [
      ['challenges', 'finance'],
      ['challenges', 'skills'],
      ['challenges', '_other'],
      ['challenges._other', 'Power cuts'],
    ];
    expect(answersFromFormFields(needsSurvey, 'challenges', fields, 'en').answers).toEqual({
      challenges: ['finance', 'skills', { other: 'Power cuts' }],
    });
  });

  it('reads one rank per option into an ordered ranking, one field per matrix row, and a scale point', () => {
    const fields: Fields = [
      ['priorities.design', '٢'],
      ['priorities.marketing', '3'],
      ['priorities.export', '1'],
      ['formats.design', 'workshop'],
      ['formats.marketing', ''],
      ['satisfaction', '8'],
    ];
    const { answers, errors } = answersFromFormFields(needsSurvey, 'training', fields, 'ar');
    expect(errors).toEqual([]);
    expect(answers).toEqual({ priorities: ['export', 'design', 'marketing'], formats: { design: 'workshop' }, satisfaction: 8 });
    expect(validateAnswers(needsSurvey, { ...completeAnswers, ...answers }).errors.map((e) => [e.field, e.code])).toEqual([
      ['formats.marketing', 'FORMS_ANSWER_ROW_REQUIRED'],
    ]);
  });

  it('refuses two options with the same rank, and a rank out of range', () => {
    const duplicate: Fields = [
      ['priorities.design', '1'],
      ['priorities.marketing', '1'],
      ['priorities.export', '2'],
    ];
    expect(answersFromFormFields(needsSurvey, 'training', duplicate, 'en').errors).toEqual([
      { question: 'priorities', field: 'priorities.marketing', code: 'FORMS_ANSWER_RANK_DUPLICATE' },
    ]);
    const outOfRange: Fields = [['priorities.design', '4']];
    expect(answersFromFormFields(needsSurvey, 'training', outOfRange, 'en').errors).toMatchObject([
      { field: 'priorities.design', code: 'FORMS_ANSWER_RANK_OUT_OF_RANGE', values: { max: 3 } },
    ]);
  });

  it('reads a file input’s metadata; an empty file input is no answer', () => {
    const file = new File(['%PDF-1.7'], 'rapport.pdf', { type: 'application/pdf' });
    const form = new FormData();
    form.append('report', file);
    expect(answersFromFormFields(needsSurvey, 'evidence', form, 'fr').answers).toEqual({
      report: { name: 'rapport.pdf', mediaType: 'application/pdf', size: 8 },
    });
    const empty = new FormData();
    empty.append('report', new File([], '', { type: 'application/octet-stream' }));
    expect(answersFromFormFields(needsSurvey, 'evidence', empty, 'fr').answers).toEqual({});
    expect(answersFromFormFields(needsSurvey, 'evidence', [['report', 'rapport.pdf']], 'fr').errors).toMatchObject([
      { field: 'report', code: 'FORMS_ANSWER_WRONG_TYPE' },
    ]);
  });

  it('keeps line breaks of long texts as LF', () => {
    expect(answersFromFormFields(needsSurvey, 'finance', [['finance-detail', 'a\r\nb\rc']], 'en').answers).toEqual({
      'finance-detail': 'a\nb\nc',
    });
  });

  it('leaves "other" to validation when the question offers no "other" choice', () => {
    const { answers, errors } = answersFromFormFields(needsSurvey, 'training', [['formats.design', '_other']], 'en');
    expect(errors).toEqual([]);
    expect(answers).toEqual({ formats: { design: '_other' } });
  });

  it('refuses an unknown page', () => {
    expect(() => answersFromFormFields(needsSurvey, 'nowhere', [], 'en')).toThrowError(
      expect.objectContaining({ code: 'FORMS_PAGE_NOT_FOUND' }),
    );
  });
});

describe('mergePageAnswers', () => {
  it('replaces the page’s answers, clears the fields emptied, and keeps the other pages', () => {
    const draft = { 'org-name': 'Old name', employees: 3, challenges: ['skills'] };
    expect(mergePageAnswers(needsSurvey, 'about', draft, { 'org-name': 'New name', challenges: ['finance'] })).toEqual({
      'org-name': 'New name',
      challenges: ['skills'],
    });
  });
});

describe('formFieldsFromAnswers', () => {
  it('gives back the fields that read as the same answers, page by page', () => {
    const answers = { ...completeAnswers, 'org-size': { other: 'Coopérative' }, formats: { design: 'workshop' } };
    for (const page of ['about', 'challenges', 'finance', 'training']) {
      const fields = formFieldsFromAnswers(needsSurvey, page, answers);
      const pairs = Object.entries(fields).flatMap(([name, values]) => values.map((value): [string, string] => [name, value]));
      const read = answersFromFormFields(needsSurvey, page, pairs, 'en');
      expect(read.errors, page).toEqual([]);
      const onPage = Object.keys(read.answers);
      expect(read.answers, page).toEqual(Object.fromEntries(Object.entries(answers).filter(([code]) => onPage.includes(code))));
      expect(onPage.length, page).toBeGreaterThan(0);
    }
    expect(formFieldsFromAnswers(needsSurvey, 'about', answers)).toMatchObject({
      'org-size': ['_other'],
      'org-size._other': ['Coopérative'],
      employees: ['12'],
    });
    expect(formFieldsFromAnswers(needsSurvey, 'training', answers)).toMatchObject({
      'priorities.export': ['1'],
      'formats.design': ['workshop'],
    });
  });
});

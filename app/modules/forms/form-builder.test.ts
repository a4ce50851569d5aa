import { describe, expect, it } from 'vitest';
import { isAppError } from '#app/shared/errors.ts';
import {
  addListItem,
  addPage,
  addQuestion,
  addSection,
  changeQuestionType,
  codeFromLabel,
  conditionFromInput,
  conditionSources,
  deleteListItem,
  deletePage,
  deleteQuestion,
  findQuestion,
  frozenCodes,
  moveListItem,
  movePage,
  moveQuestion,
  problemsAt,
  questionPath,
  ruleFieldValues,
  rulesFromFields,
  setQuestionCondition,
  updateListItem,
  updatePage,
  updateQuestion,
} from './form-builder.ts';
import { checkFormDefinition } from './form-definition.ts';
import { diffVersions } from './form-versions.ts';
import type { FormDefinition } from './forms.contracts.ts';

const empty: FormDefinition = { code: 'survey', title: { en: 'Survey' }, pages: [] };

function refusal(run: () => unknown): { code: string; fields: string[] } | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, fields: (error.details?.fields ?? []).map((f) => `${f.field}:${f.code}`) };
  }
}

/** Two pages: a single choice on the first, a short text on the second. */
function twoPages(): FormDefinition {
  let d = addPage(empty, { title: { en: 'About you', fr: 'Vous', ar: 'عنك' } });
  d = addPage(d, { title: { en: 'Needs' } });
  d = addQuestion(d, 'about-you-section', { type: 'single-choice', label: { en: 'Size of the business', fr: 'Taille', ar: 'الحجم' } });
  d = addListItem(d, 'size-of-the-business', 'options', { label: { en: 'Micro', fr: 'Micro', ar: 'صغيرة جدًا' } });
  d = addListItem(d, 'size-of-the-business', 'options', { label: { en: 'Small' } });
  d = addQuestion(d, 'needs-section', { type: 'short-text', label: { fr: 'Vos besoins ?' } });
  return d;
}

describe('codes', () => {
  it('are made from the English, French or Arabic label, accents dropped, and fall back when nothing is left', () => {
    expect(codeFromLabel({ fr: "Taille de l'entreprise", ar: 'الحجم' }, 'q')).toBe('taille-de-l-entreprise');
    expect(codeFromLabel({ en: 'Size: employees?', fr: 'Taille' }, 'q')).toBe('size-employees');
    expect(codeFromLabel({ fr: 'Année de création' }, 'q')).toBe('annee-de-creation');
    expect(codeFromLabel({ ar: 'الحجم' }, 'question')).toBe('question');
  });

  it('are made unique and a typed code is checked', () => {
    let d = twoPages();
    d = addQuestion(d, 'needs-section', { type: 'number', label: { en: 'Size of the business' } });
    expect(findQuestion(d, 'size-of-the-business-2').type).toBe('number');
    d = addQuestion(d, 'needs-section', { type: 'long-text', label: { ar: 'ملاحظات' } });
    d = addQuestion(d, 'needs-section', { type: 'long-text', label: { ar: 'أخرى' } });
    expect(d.pages[1]?.sections[0]?.questions.map((q) => q.code)).toEqual([
      'vos-besoins',
      'size-of-the-business-2',
      'question',
      'question-2',
    ]);
    expect(refusal(() => addQuestion(d, 'needs-section', { type: 'date', label: { en: 'When' }, code: 'vos-besoins' }))).toEqual({
      code: 'FORMS_BUILDER_CODE_TAKEN',
      fields: ['code:FORMS_BUILDER_CODE_TAKEN'],
    });
    expect(refusal(() => addQuestion(d, 'needs-section', { type: 'date', label: { en: 'When' }, code: 'a.b' }))).toEqual({
      code: 'FORMS_BUILDER_INVALID',
      fields: ['code:FORMS_BUILDER_CODE_INVALID'],
    });
  });

  it('can be changed until published, then are frozen', () => {
    const draft = twoPages();
    const renamed = updateQuestion(draft, 'size-of-the-business', { code: 'org-size' });
    expect(findQuestion(renamed, 'org-size').label.en).toBe('Size of the business');
    const frozen = frozenCodes([draft]);
    expect(refusal(() => updateQuestion(draft, 'size-of-the-business', { code: 'org-size' }, frozen))).toMatchObject({
      code: 'FORMS_BUILDER_CODE_FROZEN',
    });
    expect(refusal(() => updatePage(draft, 'about-you', { code: 'about' }, frozen))).toMatchObject({ code: 'FORMS_BUILDER_CODE_FROZEN' });
    expect(refusal(() => updateListItem(draft, 'size-of-the-business', 'options', 'micro', { code: 'tiny' }, frozen))).toMatchObject({
      code: 'FORMS_BUILDER_CODE_FROZEN',
    });
    // The same code typed again is no change, and an option added since publication may still be renamed.
    expect(updateQuestion(draft, 'size-of-the-business', { code: 'size-of-the-business' }, frozen)).toEqual(draft);
    const added = addListItem(draft, 'size-of-the-business', 'options', { label: { en: 'Large' } });
    const renamedOption = updateListItem(added, 'size-of-the-business', 'options', 'large', { code: 'big' }, frozen);
    expect(findQuestion(renamedOption, 'size-of-the-business')).toMatchObject({
      options: [{ code: 'micro' }, { code: 'small' }, { code: 'big' }],
    });
  });
});

describe('editing a definition', () => {
  it('never changes the definition it is given', () => {
    const before = twoPages();
    const copy = structuredClone(before);
    moveQuestion(before, 'size-of-the-business', 1);
    deletePage(before, 'needs');
    updateQuestion(before, 'vos-besoins', { label: { en: 'Needs' } });
    expect(before).toEqual(copy);
  });

  it('builds pages with a section each, and a form with a choice and a text that passes the checks', () => {
    const d = twoPages();
    expect(d.pages.map((p) => [p.code, p.sections.map((s) => s.code)])).toEqual([
      ['about-you', ['about-you-section']],
      ['needs', ['needs-section']],
    ]);
    expect(checkFormDefinition(d)).toEqual([]);
  });

  it('moves pages and questions, across sections and pages at the ends', () => {
    let d = twoPages();
    expect(movePage(d, 'needs', -1).pages.map((p) => p.code)).toEqual(['needs', 'about-you']);
    expect(movePage(d, 'about-you', -1)).toEqual(d);
    d = addSection(d, 'about-you', { title: { en: 'Contact' } });
    d = moveQuestion(d, 'size-of-the-business', 1);
    expect(d.pages[0]?.sections.map((s) => s.questions.map((q) => q.code))).toEqual([[], ['size-of-the-business']]);
    d = moveQuestion(d, 'size-of-the-business', 1);
    expect(d.pages[1]?.sections[0]?.questions.map((q) => q.code)).toEqual(['size-of-the-business', 'vos-besoins']);
    d = moveQuestion(d, 'size-of-the-business', 1);
    expect(d.pages[1]?.sections[0]?.questions.map((q) => q.code)).toEqual(['vos-besoins', 'size-of-the-business']);
  });

  it('adds, relabels, moves and deletes options, rows and columns', () => {
    let d = twoPages();
    d = moveListItem(d, 'size-of-the-business', 'options', 'small', -1);
    d = updateListItem(d, 'size-of-the-business', 'options', 'micro', { label: { en: 'Very small', ar: 'صغيرة جدًا' } });
    d = deleteListItem(d, 'size-of-the-business', 'options', 'small');
    expect(findQuestion(d, 'size-of-the-business')).toMatchObject({
      options: [{ code: 'micro', label: { en: 'Very small', ar: 'صغيرة جدًا' } }],
    });
    d = addQuestion(d, 'needs-section', { type: 'matrix', label: { en: 'Training' } });
    d = addListItem(d, 'training', 'rows', { label: { en: 'Design' } });
    d = addListItem(d, 'training', 'columns', { label: { ar: 'نعم' } });
    expect(findQuestion(d, 'training')).toMatchObject({ rows: [{ code: 'design' }], columns: [{ code: 'column-1' }] });
    expect(refusal(() => addListItem(d, 'vos-besoins', 'options', { label: { en: 'x' } }))).toMatchObject({
      code: 'FORMS_BUILDER_INVALID',
      fields: ['list:FORMS_BUILDER_NO_LIST'],
    });
    expect(refusal(() => deleteListItem(d, 'training', 'rows', 'nope'))).toMatchObject({ code: 'FORMS_BUILDER_NOT_FOUND' });
  });

  it('refuses a question without a label in any language', () => {
    expect(refusal(() => addQuestion(twoPages(), 'needs-section', { type: 'number', label: { en: '  ' } }))).toEqual({
      code: 'FORMS_BUILDER_INVALID',
      fields: ['label:required'],
    });
  });

  it('sets help, required and the rules of the type, and refuses rules the contracts refuse', () => {
    let d = twoPages();
    d = changeQuestionType(d, 'vos-besoins', 'number');
    const read = (fields: Record<string, string>) => (name: string) => fields[name];
    const rules = rulesFromFields('number', read({ 'rule.min': '0', 'rule.max': '1 000'.replace(' ', ''), 'rule.integer': 'on' }));
    d = updateQuestion(d, 'vos-besoins', { help: { fr: 'Nombre de salariés' }, required: true, rules });
    expect(findQuestion(d, 'vos-besoins')).toEqual({
      code: 'vos-besoins',
      type: 'number',
      label: { fr: 'Vos besoins ?' },
      help: { fr: 'Nombre de salariés' },
      required: true,
      min: 0,
      max: 1000,
      integer: true,
    });
    expect(ruleFieldValues(findQuestion(d, 'vos-besoins'))).toEqual({ 'rule.min': '0', 'rule.max': '1000', 'rule.integer': 'on' });
    // Emptied fields remove the rules and the help.
    d = updateQuestion(d, 'vos-besoins', { help: {}, required: false, rules: rulesFromFields('number', read({})) });
    expect(findQuestion(d, 'vos-besoins')).toEqual({ code: 'vos-besoins', type: 'number', label: { fr: 'Vos besoins ?' } });
    expect(refusal(() => rulesFromFields('short-text', read({ 'rule.maxLength': 'ten' })))).toEqual({
      code: 'FORMS_BUILDER_INVALID',
      fields: ['rule.maxLength:FORMS_BUILDER_NOT_A_NUMBER'],
    });
    expect(refusal(() => rulesFromFields('short-text', read({ 'rule.pattern': '^[0-9]+$' })))).toEqual({
      code: 'FORMS_BUILDER_INVALID',
      fields: ['rule.pattern.message:required'],
    });
    const scale = changeQuestionType(d, 'vos-besoins', 'scale');
    expect(refusal(() => updateQuestion(scale, 'vos-besoins', { rules: { min: 1, max: 5, step: 0 } }))).toMatchObject({
      code: 'FORMS_BUILDER_INVALID',
      fields: ['step:too_small'],
    });
  });

  it('reads and shows a pattern, an "other" choice, scale labels and file limits', () => {
    const fields: Record<string, string> = {
      'rule.pattern': '^[0-9]{8}$',
      'rule.pattern.message.fr': 'Huit chiffres',
      'rule.pattern.message.ar': 'ثمانية أرقام',
    };
    const rules = rulesFromFields('short-text', (name) => fields[name]);
    expect(rules).toEqual({ pattern: { regex: '^[0-9]{8}$', message: { fr: 'Huit chiffres', ar: 'ثمانية أرقام' } } });
    const d = updateQuestion(changeQuestionType(twoPages(), 'vos-besoins', 'short-text'), 'vos-besoins', { rules });
    expect(ruleFieldValues(findQuestion(d, 'vos-besoins'))).toEqual(fields);
    const other = rulesFromFields('single-choice', (name) => ({ 'rule.other.en': 'Other, please say' })[name]);
    expect(other).toEqual({ other: { label: { en: 'Other, please say' } } });
    const file = rulesFromFields('file', (name) => ({ 'rule.accept': 'application/pdf, image/*', 'rule.maxBytes': '2' })[name]);
    expect(file).toEqual({ accept: ['application/pdf', 'image/*'], maxBytes: 2 * 1024 * 1024 });
  });

  it('changes a type keeping the wording and the options between choice types, which the diff calls breaking', () => {
    const d = twoPages();
    const multiple = changeQuestionType(d, 'size-of-the-business', 'multiple-choice');
    expect(findQuestion(multiple, 'size-of-the-business')).toMatchObject({
      type: 'multiple-choice',
      options: [{ code: 'micro' }, { code: 'small' }],
    });
    const dated = changeQuestionType(d, 'size-of-the-business', 'date');
    expect(findQuestion(dated, 'size-of-the-business')).toEqual({
      code: 'size-of-the-business',
      type: 'date',
      label: d.pages[0]?.sections[0]?.questions[0]?.label,
    });
    expect(diffVersions(d, dated)).toMatchObject({ breaking: true, changed: [{ code: 'size-of-the-business', severity: 'structure' }] });
  });
});

describe('conditions', () => {
  it('offer exactly the questions of earlier pages, with the operators of their type', () => {
    let d = twoPages();
    d = addQuestion(d, 'about-you-section', { type: 'number', label: { en: 'Employees' } });
    expect(conditionSources(d, 'vos-besoins').map((s) => [s.code, s.operators])).toEqual([
      ['size-of-the-business', ['equals', 'notEquals', 'answered', 'notAnswered']],
      ['employees', ['equals', 'notEquals', 'gt', 'gte', 'lt', 'lte', 'answered', 'notAnswered']],
    ]);
    expect(conditionSources(d, 'employees')).toEqual([]);
  });

  it('are built from the fields, set and cleared, and pass the checks', () => {
    let d = addQuestion(twoPages(), 'about-you-section', { type: 'number', label: { en: 'Employees' } });
    const onSize = conditionFromInput(d, 'vos-besoins', { question: 'size-of-the-business', op: 'equals', value: 'micro' });
    expect(onSize).toEqual({ op: 'equals', question: 'size-of-the-business', value: 'micro' });
    expect(conditionFromInput(d, 'vos-besoins', { question: 'employees', op: 'gte', value: '2,5' })).toEqual({
      op: 'gte',
      question: 'employees',
      value: 2.5,
    });
    expect(conditionFromInput(d, 'vos-besoins', { question: 'employees', op: 'answered', value: 'ignored' })).toEqual({
      op: 'answered',
      question: 'employees',
    });
    d = setQuestionCondition(d, 'vos-besoins', onSize);
    expect(findQuestion(d, 'vos-besoins').showIf).toEqual(onSize);
    expect(checkFormDefinition(d)).toEqual([]);
    expect(findQuestion(setQuestionCondition(d, 'vos-besoins', undefined), 'vos-besoins').showIf).toBeUndefined();
  });

  it('refuse a question of the same or a later page, an operator of another type and a missing value', () => {
    const d = addQuestion(twoPages(), 'about-you-section', { type: 'number', label: { en: 'Employees' } });
    expect(refusal(() => conditionFromInput(d, 'employees', { question: 'size-of-the-business', op: 'equals', value: 'micro' }))).toEqual({
      code: 'FORMS_BUILDER_INVALID',
      fields: ['condition.question:FORMS_BUILDER_CONDITION_SOURCE'],
    });
    expect(refusal(() => conditionFromInput(d, 'vos-besoins', { question: 'size-of-the-business', op: 'gt', value: 'micro' }))).toEqual({
      code: 'FORMS_BUILDER_INVALID',
      fields: ['condition.op:FORMS_DEFINITION_CONDITION_OPERATOR'],
    });
    expect(refusal(() => conditionFromInput(d, 'vos-besoins', { question: 'employees', op: 'lt', value: '' }))).toEqual({
      code: 'FORMS_BUILDER_INVALID',
      fields: ['condition.value:required'],
    });
    expect(refusal(() => conditionFromInput(d, 'vos-besoins', { question: 'employees', op: 'lt', value: 'many' }))).toEqual({
      code: 'FORMS_BUILDER_INVALID',
      fields: ['condition.value:FORMS_DEFINITION_CONDITION_VALUE'],
    });
  });

  it('left on a question moved to an earlier page is reported where the question now stands', () => {
    const onSize = { op: 'equals' as const, question: 'size-of-the-business', value: 'micro' };
    let d = setQuestionCondition(twoPages(), 'vos-besoins', onSize);
    d = moveQuestion(d, 'vos-besoins', -1);
    const path = questionPath(d, 'vos-besoins');
    expect(path).toBe('pages.0.sections.0.questions.1');
    expect(problemsAt(checkFormDefinition(d), path, { inside: true }).map((p) => p.code)).toEqual(['FORMS_DEFINITION_CONDITION_SAME_PAGE']);
    expect(problemsAt(checkFormDefinition(d), 'pages.1')).toEqual([{ path: 'pages.1', code: 'FORMS_DEFINITION_EMPTY_PAGE' }]);
    expect(problemsAt(checkFormDefinition(deleteQuestion(d, 'vos-besoins')), path, { inside: true })).toEqual([]);
  });
});

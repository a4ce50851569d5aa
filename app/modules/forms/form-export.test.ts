import { describe, expect, it } from 'vitest';
import { completeAnswers, needsSurvey } from './form.fixture.ts';
import { columnsOf, exportRow, mergeColumns } from './form-export.ts';

describe('columnsOf', () => {
  it('gives stable keys and headers in the reader’s language, falling back to another language', () => {
    const columns = columnsOf(needsSurvey, 'fr');
    expect(columns.map((c) => c.key)).toEqual([
      'org-name',
      'org-size',
      'org-size._other',
      'employees',
      'founded',
      'challenges.finance',
      'challenges.markets',
      'challenges.skills',
      'challenges._other',
      'loan-amount',
      'finance-detail',
      'priorities.design',
      'priorities.marketing',
      'priorities.export',
      'formats.design',
      'formats.marketing',
      'satisfaction',
      'report',
    ]);
    const byKey = new Map(columns.map((c) => [c.key, c]));
    expect(byKey.get('org-size')?.label).toBe('Taille');
    expect(byKey.get('org-size._other')).toMatchObject({ question: 'org-size', part: '_other', label: 'Taille — Autre, précisez' });
    expect(byKey.get('challenges.finance')).toMatchObject({
      part: 'finance',
      type: 'multiple-choice',
      label: 'Difficultés rencontrées — Accès au financement',
    });
    expect(byKey.get('founded')?.label).toBe('Founded on');
    expect(byKey.get('formats.design')?.label).toBe('Format préféré — Design');
    expect(columnsOf(needsSurvey, 'ar').find((c) => c.key === 'org-size')?.label).toBe('الحجم');
  });
});

describe('exportRow', () => {
  it('writes labels in the reader’s language, 1/0 per option, ranks, matrix cells and the file name', () => {
    const row = exportRow(needsSurvey, completeAnswers, 'fr');
    expect(row).toEqual({
      'org-name': 'Atelier Zellige',
      'org-size': 'Petite',
      'org-size._other': null,
      employees: 12,
      founded: '2010-05-31',
      'challenges.finance': 1,
      'challenges.markets': 0,
      'challenges.skills': 0,
      'challenges._other': 'Electricity cuts',
      'loan-amount': 20000,
      'finance-detail': 'Banks ask for collateral.',
      'priorities.design': 2,
      'priorities.marketing': 3,
      'priorities.export': 1,
      'formats.design': 'Atelier',
      'formats.marketing': 'En ligne',
      satisfaction: 6,
      report: 'report.pdf',
    });
    expect(Object.keys(row)).toEqual(columnsOf(needsSurvey, 'fr').map((c) => c.key));
  });

  it('writes codes when asked, the "other" text beside its choice, and nulls for what was not answered', () => {
    const row = exportRow(needsSurvey, { 'org-size': { other: 'Coopérative' }, formats: { design: 'online' } }, 'en', { choices: 'codes' });
    expect(row['org-size']).toBe('_other');
    expect(row['org-size._other']).toBe('Coopérative');
    expect(row['formats.design']).toBe('online');
    expect(row['formats.marketing']).toBeNull();
    expect(row['challenges.finance']).toBeNull();
    expect(row['org-name']).toBeNull();
    expect(exportRow(needsSurvey, { 'org-size': { other: 'Coopérative' } }, 'en')['org-size']).toBe('Other, please say');
  });

  it('reads old answers with their own version: a question removed later still has its column', () => {
    const v2 = structuredClone(needsSurvey);
    v2.pages[0]!.sections[0]!.questions = v2.pages[0]!.sections[0]!.questions.filter((q) => q.code !== 'employees');
    v2.pages[0]!.sections[0]!.questions[0]!.label = { en: 'Trade name', fr: 'Raison sociale' };
    expect(exportRow(needsSurvey, completeAnswers, 'fr').employees).toBe(12);
    expect(exportRow(v2, completeAnswers, 'fr')).not.toHaveProperty('employees');
    const merged = mergeColumns([columnsOf(needsSurvey, 'fr'), columnsOf(v2, 'fr')]);
    expect(merged.slice(0, 4).map((c) => [c.key, c.label])).toEqual([
      ['org-name', 'Raison sociale'],
      ['org-size', 'Taille'],
      ['org-size._other', 'Taille — Autre, précisez'],
      ['employees', 'Salariés'],
    ]);
    expect(merged).toHaveLength(columnsOf(needsSurvey, 'fr').length);
  });
});

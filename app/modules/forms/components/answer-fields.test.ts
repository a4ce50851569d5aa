import { describe, expect, it } from 'vitest';
import { needsSurvey } from '../form.fixture.ts';
import type { FormQuestion } from '../forms.contracts.ts';
import { anchorOf, controlId, postedValues, problemsByField, questionOfField } from './answer-fields.ts';

function question(code: string): FormQuestion {
  const found = needsSurvey.pages.flatMap((p) => p.sections.flatMap((s) => s.questions)).find((q) => q.code === code);
  if (!found) throw new Error(`no question ${code}`);
  return found;
}

describe('answer page ids', () => {
  it('links an error to the control that can take the focus', () => {
    expect(anchorOf(question('org-name'), 'org-name')).toBe('fq-org-name');
    // A choice links to its first radio; its "other" text to the text input.
    expect(anchorOf(question('org-size'), 'org-size')).toBe(controlId('org-size', 'micro'));
    expect(anchorOf(question('challenges'), 'challenges._other')).toBe('fq-challenges._other');
    // A ranking links to the select of the option named, or the first one.
    expect(anchorOf(question('priorities'), 'priorities.export')).toBe('fq-priorities.export');
    expect(anchorOf(question('priorities'), 'priorities')).toBe('fq-priorities.design');
    // A matrix row links to its first radio; the whole question to the first row's.
    expect(anchorOf(question('formats'), 'formats.marketing')).toBe('fq-formats.marketing--online');
    expect(anchorOf(question('formats'), 'formats')).toBe('fq-formats.design--online');
    expect(anchorOf(question('satisfaction'), 'satisfaction')).toBe('fq-satisfaction--0');
  });

  it('groups problems by field and finds the question of a field', () => {
    const grouped = problemsByField([
      { field: 'formats.design', code: 'FORMS_ANSWER_ROW_REQUIRED' },
      { field: 'org-name', code: 'FORMS_ANSWER_REQUIRED' },
      { field: 'formats.design', code: 'FORMS_ANSWER_NOT_AN_OPTION' },
    ]);
    expect(grouped.get('formats.design')?.map((p) => p.code)).toEqual(['FORMS_ANSWER_ROW_REQUIRED', 'FORMS_ANSWER_NOT_AN_OPTION']);
    expect(questionOfField('formats.design')).toBe('formats');
    expect(questionOfField('org-name')).toBe('org-name');
  });

  it('sends back the text a refused POST held, ticked boxes included, never a file', () => {
    const file = new File(['x'], 'report.pdf', { type: 'application/pdf' });
    expect(
      postedValues([
        ['challenges', 'finance'],
        ['challenges', 'markets'],
        ['report', file],
        ['org-name', 'ورشة'],
      ]),
    ).toEqual({ challenges: ['finance', 'markets'], 'org-name': ['ورشة'] });
  });
});

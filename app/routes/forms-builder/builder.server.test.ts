import { describe, expect, it } from 'vitest';
import { type FormDefinition, formDefinitionSchema } from '#app/modules/forms/index.ts';
import { AppError } from '#app/shared/errors.ts';
import { anchorAfter, editFailure, editOf, targetOf } from './builder.server.ts';

const survey: FormDefinition = formDefinitionSchema.parse({
  code: 'survey',
  title: { en: 'Survey' },
  pages: [
    {
      code: 'about',
      sections: [
        {
          code: 'about-section',
          questions: [
            {
              code: 'size',
              type: 'single-choice',
              label: { en: 'Size' },
              options: [
                { code: 'micro', label: { en: 'Micro' } },
                { code: 'small', label: { en: 'Small' } },
              ],
            },
            { code: 'employees', type: 'number', label: { en: 'Employees' } },
          ],
        },
      ],
    },
    {
      code: 'needs',
      sections: [{ code: 'needs-section', questions: [{ code: 'training', type: 'long-text', label: { fr: 'Formation' } }] }],
    },
  ],
});

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

function run(intent: string, fields: Record<string, string>, frozen: ReadonlySet<string> = new Set()): FormDefinition {
  const edit = editOf(intent, formData(fields));
  if (!edit) throw new Error(`no edit for ${intent}`);
  return edit(survey, frozen);
}

describe('the builder POSTs', () => {
  it('set a condition on a choice from the option list of that question, ignoring the typed value', () => {
    const edited = run('condition.set', { question: 'training', test: 'size::equals', valueOption: 'size::small', value: 'ignored' });
    expect(edited.pages[1]?.sections[0]?.questions[0]?.showIf).toEqual({ op: 'equals', question: 'size', value: 'small' });
  });

  it('set a condition on a number from the typed value, read as a number', () => {
    const edited = run('condition.set', { question: 'training', test: 'employees::gte', valueOption: 'size::micro', value: '10' });
    expect(edited.pages[1]?.sections[0]?.questions[0]?.showIf).toEqual({ op: 'gte', question: 'employees', value: 10 });
  });

  it('refuse an option of another question than the one tested', () => {
    expect(() =>
      run('condition.set', { question: 'training', test: 'size::equals', valueOption: 'other-question::small', value: '' }),
    ).toThrow(AppError);
  });

  it('update a question with its label, help, required and the rules of its type from the fields', () => {
    const edited = run('question.update', {
      question: 'employees',
      'label.fr': 'Salariés',
      'label.en': 'Employees',
      required: 'on',
      'rule.min': '0',
    });
    expect(edited.pages[0]?.sections[0]?.questions[1]).toEqual({
      code: 'employees',
      type: 'number',
      label: { fr: 'Salariés', en: 'Employees' },
      required: true,
      min: 0,
    });
  });

  it('move with the button pressed, and refuse unknown intents', () => {
    expect(run('page.move-up', { page: 'needs' }).pages.map((p) => p.code)).toEqual(['needs', 'about']);
    expect(run('item.move-down', { question: 'size', list: 'options', item: 'micro' }).pages[0]?.sections[0]?.questions[0]).toMatchObject({
      options: [{ code: 'small' }, { code: 'micro' }],
    });
    expect(editOf('publish', formData({}))).toBeUndefined();
    expect(editOf('drop-table', formData({}))).toBeUndefined();
  });

  it('come back to the thing edited, and name it for a refusal', () => {
    expect(anchorAfter('item.add', formData({ question: 'size', list: 'options' }))).toBe('#q-size');
    expect(anchorAfter('question.add', formData({ section: 'needs-section' }))).toBe('#s-needs-section');
    expect(anchorAfter('page.delete', formData({ page: 'needs' }))).toBe('');
    expect(targetOf(formData({ question: 'size', list: 'options', item: 'micro' }))).toBe('size.micro');
    expect(targetOf(formData({ section: 'about-section' }))).toBe('about-section');
  });

  it('show a refusal beside its fields, but turn a forbidden edit into the error page', () => {
    const refused = new AppError('FORMS_BUILDER_INVALID', 400, {
      fields: [
        { field: 'label', code: 'required' },
        { field: 'rule.max', code: 'FORMS_BUILDER_NOT_A_NUMBER' },
      ],
    });
    expect(editFailure(refused, 'question.update', 'size')).toEqual({
      status: 400,
      failure: {
        intent: 'question.update',
        target: 'size',
        formError: 'errors.FORMS_BUILDER_INVALID',
        fieldErrors: { label: 'errors.field.required', 'rule.max': 'errors.FORMS_BUILDER_NOT_A_NUMBER' },
        problems: undefined,
        values: {},
      },
    });
    let thrown: unknown;
    try {
      editFailure(new AppError('COMMON_FORBIDDEN', 403), 'page.add', '');
    } catch (error) {
      thrown = error;
    }
    expect(thrown instanceof Response && thrown.status).toBe(403);
  });
});

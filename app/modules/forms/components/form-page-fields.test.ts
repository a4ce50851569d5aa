/**
 * The page's fields as the server renders them (what a browser without JavaScript gets): every
 * field the engine reads has its control, values come back, and a refused answer's message sits
 * beside its field and describes it.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadCatalog, translate } from '#app/shared/i18n/catalog.server.ts';
import { I18nProvider } from '#app/shared/i18n/react.tsx';
import { completeAnswers, needsSurvey } from '../form.fixture.ts';
import { pageContent } from '../form-answers.ts';
import { formFieldsFromAnswers } from '../form-fields.ts';
import type { FieldProblem } from './answer-fields.ts';
import { ErrorSummary, FormPageFields } from './form-page-fields.tsx';

function render(page: string, problems: FieldProblem[] = [], values = formFieldsFromAnswers(needsSurvey, page, completeAnswers)): string {
  const { sections } = pageContent(needsSurvey, completeAnswers, page);
  return renderToStaticMarkup(
    createElement(I18nProvider, {
      locale: 'ar',
      messages: loadCatalog('ar'),
      // biome-ignore lint/correctness/noChildrenProp: no JSX in a .ts test; the provider's props require children.
      children: [
        createElement(ErrorSummary, { key: 'summary', sections, problems }),
        createElement(FormPageFields, { key: 'fields', sections, values, problems }),
      ],
    }),
  );
}

/** The opening tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const match = html.match(new RegExp(`<[a-z]+ [^>]*id="${id.replace(/[.]/g, '\\.')}"[^>]*>`));
  if (!match) throw new Error(`no element #${id}`);
  return match[0];
}

describe('FormPageFields', () => {
  it('gives every field the engine reads a control, re-filled from the answers', () => {
    for (const page of ['about', 'challenges', 'training']) {
      const html = render(page);
      for (const name of Object.keys(formFieldsFromAnswers(needsSurvey, page, completeAnswers))) {
        expect(html, `${page}: ${name}`).toContain(`name="${name}"`);
      }
    }
    const about = render('about');
    expect(tagWithId(about, 'fq-org-name')).toContain('value="Atelier Zellige"');
    expect(tagWithId(about, 'fq-org-size--small')).toContain('checked');
    expect(tagWithId(about, 'fq-org-size--micro')).not.toContain('checked');
    // Numbers are text inputs (Arabic-Indic digits and decimal commas are typed), dates are date inputs with their limits.
    expect(tagWithId(about, 'fq-employees')).toMatch(/type="text".*inputMode="decimal"|inputMode="decimal".*type="text"/i);
    expect(tagWithId(about, 'fq-founded')).toContain('type="date"');
    expect(tagWithId(about, 'fq-founded')).toContain('max="2026-12-31"');

    const challenges = render('challenges');
    expect(tagWithId(challenges, 'fq-challenges--finance')).toContain('checked');
    expect(tagWithId(challenges, 'fq-challenges--_other')).toContain('checked');
    expect(tagWithId(challenges, 'fq-challenges._other')).toContain('value="Electricity cuts"');

    const training = render('training');
    expect(tagWithId(training, 'fq-formats.design--workshop')).toContain('checked');
    expect(tagWithId(training, 'fq-satisfaction--6')).toContain('checked');
    expect(training).toMatch(/id="fq-priorities\.export"[\s\S]*?<option value="1" selected=""/);
  });

  it('puts each refused answer beside its field, describing it, and lists it at the top with a link', () => {
    const html = render(
      'training',
      [
        { field: 'formats.marketing', code: 'FORMS_ANSWER_ROW_REQUIRED' },
        { field: 'priorities.design', code: 'FORMS_ANSWER_RANK_OUT_OF_RANGE', values: { max: 3 } },
      ],
      {},
    );
    const rowMessage = translate('ar', 'errors.FORMS_ANSWER_ROW_REQUIRED');
    expect(html).toContain(`<p id="fq-formats.marketing-error" class="field__error">${rowMessage}</p>`);
    expect(html).toMatch(/<fieldset class="answer-matrix__row" aria-invalid="true" aria-describedby="fq-formats\.marketing-error">/);
    const select = tagWithId(html, 'fq-priorities.design');
    expect(select).toContain('aria-invalid="true"');
    expect(select).toContain('aria-describedby="fq-priorities.design-error"');
    expect(html).toContain(translate('ar', 'errors.FORMS_ANSWER_RANK_OUT_OF_RANGE', { max: 3 }));
    // The summary links each message to a control that takes the focus.
    expect(html).toContain('href="#fq-formats.marketing--online"');
    expect(html).toContain('href="#fq-priorities.design"');
    expect(html).toMatch(/<div class="form-error answer-summary" role="alert" tabindex="-1"[^>]*autofocus=""/);
  });

  it('shows a label missing in Arabic in another language, marked with its language and said openly', () => {
    const html = render('training');
    // `satisfaction` has an English label only.
    expect(html).toContain('<span lang="en" dir="auto">Satisfaction</span>');
    expect(html).toContain(translate('ar', 'shell.fallback.note', { language: translate('ar', 'shell.language.en') }));
  });

  it('marks required questions and shows no summary when nothing is refused', () => {
    const html = render('about');
    expect(html).toContain(translate('ar', 'forms.answer.required'));
    expect(html).not.toContain('role="alert"');
  });
});

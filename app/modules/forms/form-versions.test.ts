import { describe, expect, it } from 'vitest';
import { needsSurvey } from './form.fixture.ts';
import { assertEditable, diffVersions, nextDraft, publishVersion, versionForResponse } from './form-versions.ts';
import type { FormDefinition, FormQuestion, FormVersion } from './forms.contracts.ts';

const published: FormVersion = {
  formCode: 'needs-survey',
  version: 1,
  publishedAt: new Date('2026-11-01T00:00:00Z'),
  definition: needsSurvey,
};

/** A copy of the survey with one question changed. */
function withQuestion(code: string, change: (question: FormQuestion) => FormQuestion): FormDefinition {
  const copy = structuredClone(needsSurvey);
  for (const page of copy.pages)
    for (const section of page.sections) section.questions = section.questions.map((q) => (q.code === code ? change(q) : q));
  return copy;
}

describe('versions', () => {
  it('starts the next draft from the latest version, numbered after it, as a copy', () => {
    const draft = nextDraft('needs-survey', [published]);
    expect(draft).toMatchObject({ formCode: 'needs-survey', version: 2, publishedAt: null });
    expect(draft.definition).toEqual(needsSurvey);
    draft.definition.pages.pop();
    expect(needsSurvey.pages).toHaveLength(5);
  });

  it('starts a new form at version 1, and refuses a second draft', () => {
    expect(nextDraft('other-form', [published], needsSurvey)).toMatchObject({ version: 1, definition: { code: 'other-form' } });
    expect(() => nextDraft('other-form', [published])).toThrowError(expect.objectContaining({ code: 'FORMS_FORM_NOT_FOUND' }));
    const draft = nextDraft('needs-survey', [published]);
    expect(() => nextDraft('needs-survey', [published, draft])).toThrowError(
      expect.objectContaining({ code: 'FORMS_DRAFT_EXISTS', status: 409 }),
    );
  });

  it('publishes a sound draft once; a published version cannot be changed', () => {
    const at = new Date('2026-11-22T10:00:00Z');
    const version = publishVersion(nextDraft('needs-survey', [published]), at);
    expect(version).toMatchObject({ version: 2, publishedAt: at });
    expect(() => publishVersion(version, at)).toThrowError(expect.objectContaining({ code: 'FORMS_VERSION_PUBLISHED', status: 409 }));
    expect(() => assertEditable(version)).toThrowError(expect.objectContaining({ code: 'FORMS_VERSION_PUBLISHED' }));
    expect(() => assertEditable({ ...version, publishedAt: null })).not.toThrow();
  });

  it('refuses to publish a definition with problems, listing them', () => {
    const broken = withQuestion('satisfaction', (q) => ({ ...q, showIf: { op: 'answered', question: 'report' } }));
    const draft: FormVersion = { formCode: 'needs-survey', version: 2, publishedAt: null, definition: broken };
    expect(() => publishVersion(draft, new Date())).toThrowError(
      expect.objectContaining({
        code: 'FORMS_DEFINITION_HAS_PROBLEMS',
        status: 422,
        details: { problems: [expect.objectContaining({ code: 'FORMS_DEFINITION_CONDITION_LATER_QUESTION' })] },
      }),
    );
  });

  it('reads a response with the version it was given against', () => {
    const second: FormVersion = {
      ...published,
      version: 2,
      definition: withQuestion('org-name', (q) => ({ ...q, label: { en: 'Trade name' } })),
    };
    expect(versionForResponse([published, second], { formCode: 'needs-survey', version: 1 })).toBe(published);
    expect(() => versionForResponse([published], { formCode: 'needs-survey', version: 3 })).toThrowError(
      expect.objectContaining({ code: 'FORMS_VERSION_NOT_FOUND', status: 404 }),
    );
  });
});

describe('diffVersions', () => {
  it('finds no change between equal definitions, whatever the order of keys', () => {
    const reordered = withQuestion('org-name', (q) => Object.fromEntries(Object.entries(q).reverse()) as FormQuestion);
    expect(diffVersions(needsSurvey, reordered)).toEqual({ added: [], removed: [], changed: [], breaking: false });
  });

  it('tells a label-only change from a type change', () => {
    const relabelled = withQuestion('org-name', (q) => ({ ...q, label: { en: 'Trade name', fr: 'Raison sociale' } }));
    expect(diffVersions(needsSurvey, relabelled)).toEqual({
      added: [],
      removed: [],
      changed: [{ code: 'org-name', changes: ['label'], severity: 'wording' }],
      breaking: false,
    });
    const retyped = withQuestion('employees', (q) => ({
      code: q.code,
      label: q.label,
      type: 'single-choice',
      options: [{ code: 'few', label: { en: 'Few' } }],
    }));
    expect(diffVersions(needsSurvey, retyped)).toEqual({
      added: [],
      removed: [],
      changed: [{ code: 'employees', changes: ['type'], severity: 'structure' }],
      breaking: true,
    });
  });

  it('reports options added, removed, relabelled and reordered, and rule changes', () => {
    const changed = withQuestion('challenges', (q) => {
      if (q.type !== 'multiple-choice') throw new Error('fixture changed');
      const [finance, markets] = q.options;
      return {
        ...q,
        required: false,
        maxSelections: 2,
        options: [markets!, { ...finance!, label: { en: 'Money' } }, { code: 'design', label: { en: 'Design' } }],
      };
    });
    expect(diffVersions(needsSurvey, changed).changed).toEqual([
      {
        code: 'challenges',
        changes: ['required', 'options-added', 'options-removed', 'options-reordered', 'option-labels', 'limits'],
        severity: 'structure',
      },
    ]);
    const rules = withQuestion('report', (q) => ({ ...q, maxBytes: 2_000_000, showIf: { op: 'answered', question: 'org-name' } }));
    expect(diffVersions(needsSurvey, rules).changed).toEqual([{ code: 'report', changes: ['condition', 'limits'], severity: 'rules' }]);
    const scale = withQuestion('satisfaction', (q) => (q.type === 'scale' ? { ...q, max: 8 } : q));
    expect(diffVersions(needsSurvey, scale)).toMatchObject({
      changed: [{ code: 'satisfaction', changes: ['scale-range'], severity: 'structure' }],
      breaking: true,
    });
    const ends = withQuestion('satisfaction', (q) => (q.type === 'scale' ? { ...q, maxLabel: { en: 'Very satisfied' } } : q));
    expect(diffVersions(needsSurvey, ends)).toMatchObject({
      changed: [{ code: 'satisfaction', changes: ['option-labels'], severity: 'wording' }],
      breaking: false,
    });
    const rows = withQuestion('formats', (q) => (q.type === 'matrix' ? { ...q, rows: q.rows.slice(0, 1) } : q));
    expect(diffVersions(needsSurvey, rows).changed).toEqual([{ code: 'formats', changes: ['rows'], severity: 'structure' }]);
  });

  it('lists questions added and removed, and a question moved to another page', () => {
    const after = structuredClone(needsSurvey);
    const about = after.pages[0]!.sections[0]!;
    const founded = about.questions.pop()!;
    after.pages[3]!.sections[0]!.questions.push(founded);
    about.questions.push({ code: 'website', type: 'short-text', label: { en: 'Website' } });
    after.pages[4]!.sections[0]!.questions = [];
    expect(diffVersions(needsSurvey, after)).toEqual({
      added: ['website'],
      removed: ['report'],
      changed: [{ code: 'founded', changes: ['page'], severity: 'rules' }],
      breaking: true,
    });
  });
});

/** The form builder's services on a real database: editing a draft with the pure operations, frozen codes after publishing, the diff of a new draft, discarding it, who may do it. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorForUser, assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { system, type UserActor } from '#app/shared/auth/actor.ts';
import { auditLog, form, formVersion, user } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import {
  addListItem,
  addPage,
  addQuestion,
  conditionFromInput,
  setQuestionCondition,
  updateListItem,
  updateQuestion,
} from './form-builder.ts';
import { createForm, publishDraft } from './forms.service.server.ts';
import { discardDraft, editDraft, formScopeChoices, getBuilderForm } from './forms-builder.service.server.ts';

describe('form builder services', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  let manager: UserActor;
  let otherManager: UserActor;
  let staff: UserActor;
  let member: UserActor;

  async function refusal(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => 'resolved',
      (error: unknown) => (isAppError(error) ? `${error.status} ${error.code}` : error),
    );
  }

  async function person(name: string, role: { key: string; scopeType: 'global' | 'cluster' | 'country'; scopeId: string | null }) {
    const id = randomUUID();
    await db()
      .insert(user)
      .values({ id, name, email: `${id.slice(0, 8)}@example.org`, emailVerified: true, twoFactorEnabled: true });
    await assignRole(system, { userId: id, role: role.key, scopeType: role.scopeType, scopeId: role.scopeId });
    return actorForUser(id, 'session');
  }

  async function versionRows(code: string) {
    const [row] = await db().select({ id: form.id }).from(form).where(eq(form.code, code));
    if (!row) return [];
    return db().select().from(formVersion).where(eq(formVersion.formId, row.id)).orderBy(formVersion.version);
  }

  beforeAll(async () => {
    await seedRoles(db());
    manager = await person('Manager El Jem', { key: 'cluster_manager', scopeType: 'cluster', scopeId: 'el-jem-mosaic' });
    otherManager = await person('Manager Batna', { key: 'cluster_manager', scopeType: 'cluster', scopeId: 'batna-jewellery' });
    staff = await person('Staff Tunisia', { key: 'programme_staff', scopeType: 'country', scopeId: 'TN' });
    member = await person('Member', { key: 'member', scopeType: 'global', scopeId: null });
  });

  it('says where each person may create a form', () => {
    expect(formScopeChoices(manager)).toEqual({ global: false, countries: [], clusters: ['el-jem-mosaic'] });
    expect(formScopeChoices(staff)).toEqual({ global: false, countries: ['TN'], clusters: [] });
    expect(formScopeChoices(member)).toBeNull();
    expect(formScopeChoices({ kind: 'anonymous' })).toBeNull();
  });

  it('edits a draft, publishes it, then opens a new draft whose diff and frozen codes the builder shows', async () => {
    await createForm(manager, {
      code: 'builder-survey',
      title: { en: 'Survey', fr: 'Enquête', ar: 'استبيان' },
      scope: { type: 'cluster', id: 'el-jem-mosaic' },
    });
    let built = await getBuilderForm(manager, 'builder-survey');
    expect(built).toMatchObject({ draft: { version: 1 }, published: null, frozen: [], diff: null });
    expect(built.problems.map((p) => p.code)).toEqual(['FORMS_DEFINITION_NO_PAGES']);

    await editDraft(manager, 'builder-survey', (d) => addPage(addPage(d, { title: { en: 'About' } }), { title: { en: 'Needs' } }));
    await editDraft(manager, 'builder-survey', (d) =>
      addQuestion(d, 'about-section', { type: 'single-choice', label: { en: 'Size', ar: 'الحجم' } }),
    );
    await editDraft(manager, 'builder-survey', (d) => addListItem(d, 'size', 'options', { label: { en: 'Micro' } }));
    await editDraft(manager, 'builder-survey', (d) => addQuestion(d, 'needs-section', { type: 'long-text', label: { fr: 'Besoins' } }));
    const saved = await editDraft(manager, 'builder-survey', (d) =>
      setQuestionCondition(d, 'besoins', conditionFromInput(d, 'besoins', { question: 'size', op: 'equals', value: 'micro' })),
    );
    expect(saved.problems).toEqual([]);
    expect((await versionRows('builder-survey')).map((v) => v.version)).toEqual([1]);

    await publishDraft(manager, 'builder-survey');
    built = await getBuilderForm(manager, 'builder-survey');
    expect(built).toMatchObject({ draft: null, published: { version: 1 }, diff: null });
    expect(built.frozen).toEqual(
      expect.arrayContaining(['page:about', 'section:needs-section', 'question:size', 'size.options:micro', 'question:besoins']),
    );

    // A frozen code is refused and nothing is saved: no draft was opened.
    expect(
      await refusal(editDraft(manager, 'builder-survey', (d, frozen) => updateQuestion(d, 'size', { code: 'org-size' }, frozen))),
    ).toBe('409 FORMS_BUILDER_CODE_FROZEN');
    expect((await versionRows('builder-survey')).map((v) => v.version)).toEqual([1]);

    // The next edit opens version 2 from version 1; the diff says what it changes.
    await editDraft(manager, 'builder-survey', (d) => updateQuestion(d, 'size', { label: { en: 'Size of the business', ar: 'الحجم' } }));
    await editDraft(manager, 'builder-survey', (d, frozen) =>
      updateListItem(d, 'size', 'options', 'micro', { label: { en: 'Very small' } }, frozen),
    );
    await editDraft(manager, 'builder-survey', (d) => addListItem(d, 'size', 'options', { label: { en: 'Small' } }));
    built = await getBuilderForm(manager, 'builder-survey');
    expect(built.draft?.version).toBe(2);
    expect(built.diff).toEqual({
      added: [],
      removed: [],
      changed: [{ code: 'size', changes: ['label', 'options-added', 'option-labels'], severity: 'structure' }],
      breaking: true,
    });
    const rows = await versionRows('builder-survey');
    expect(rows.map((v) => [v.version, v.publishedAt !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('discards a draft, going back to the published version, but never a form’s only version', async () => {
    const [formRow] = await db().select({ id: form.id }).from(form).where(eq(form.code, 'builder-survey'));
    await discardDraft(manager, 'builder-survey');
    const built = await getBuilderForm(manager, 'builder-survey');
    expect(built).toMatchObject({ draft: null, published: { version: 1 }, diff: null });
    expect(built.definition.pages[0]?.sections[0]?.questions[0]?.label).toEqual({ en: 'Size', ar: 'الحجم' });
    expect(await refusal(discardDraft(manager, 'builder-survey'))).toBe('404 FORMS_DRAFT_NOT_FOUND');
    const actions = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, formRow?.id ?? ''));
    expect(actions.map((a) => a.action)).toContain('forms.draft.discard');

    await createForm(staff, { code: 'builder-new', title: { fr: 'Nouveau' }, scope: { type: 'country', id: 'TN' } });
    expect(await refusal(discardDraft(staff, 'builder-new'))).toBe('409 FORMS_BUILDER_DRAFT_ONLY_VERSION');
    expect((await versionRows('builder-new')).length).toBe(1);
  });

  it('keeps both of two edits made at the same time: each applies to the definition the other saved', async () => {
    await createForm(manager, { code: 'builder-race', title: { en: 'Race' }, scope: { type: 'cluster', id: 'el-jem-mosaic' } });
    await editDraft(manager, 'builder-race', (d) => addPage(d, { title: { en: 'Only' } }));
    const labels = ['First', 'Second', 'Third', 'Fourth'];
    await Promise.all(
      labels.map((label) =>
        editDraft(manager, 'builder-race', (d) => addQuestion(d, 'only-section', { type: 'short-text', label: { en: label } })),
      ),
    );
    const built = await getBuilderForm(manager, 'builder-race');
    const added = built.definition.pages[0]?.sections[0]?.questions.map((q) => q.label.en) ?? [];
    expect([...added].sort()).toEqual([...labels].sort());
  });
  it('refuses those who do not manage the form (403), anonymous visitors (401), and says 404 for an unknown form', async () => {
    const before = await versionRows('builder-survey');
    for (const actor of [otherManager, member, staff]) {
      expect(await refusal(getBuilderForm(actor, 'builder-survey'))).toBe('403 COMMON_FORBIDDEN');
      expect(await refusal(editDraft(actor, 'builder-survey', (d) => addPage(d)))).toBe('403 COMMON_FORBIDDEN');
      expect(await refusal(discardDraft(actor, 'builder-survey'))).toBe('403 COMMON_FORBIDDEN');
    }
    expect(await refusal(getBuilderForm({ kind: 'anonymous' }, 'builder-survey'))).toBe('401 COMMON_UNAUTHENTICATED');
    expect(await refusal(getBuilderForm(manager, 'no-such-form'))).toBe('404 FORMS_FORM_NOT_FOUND');
    expect(await versionRows('builder-survey')).toEqual(before);
  });
});

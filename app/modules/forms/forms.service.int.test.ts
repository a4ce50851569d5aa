/** Stored forms on a real database: versions, immutability, answering page by page, who may do what, assisted entry. */
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorForUser, assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { system, type UserActor } from '#app/shared/auth/actor.ts';
import { auditLog, form, formResponse, formVersion, user } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { needsSurvey } from './form.fixture.ts';
import type { FormDefinition, FormQuestion } from './forms.contracts.ts';
import { findFormByCode, markVersionPublished, updateDraftDefinition } from './forms.repository.server.ts';
import {
  createForm,
  getFormVersion,
  getResponse,
  publishDraft,
  saveDraft,
  saveResponsePage,
  submitResponse,
} from './forms.service.server.ts';

type Fields = [string, string | { name: string; type: string; size: number }][];

const aboutMicro: Fields = [
  ['org-name', 'Atelier Zellige'],
  ['org-size', 'micro'],
  ['employees', '3'],
  ['founded', '2010-05-31'],
];

/** The survey with the first question reworded and `employees` removed: what version 2 changes. */
function reworded(definition: FormDefinition): FormDefinition {
  const copy = structuredClone(definition);
  const organisation = copy.pages[0]?.sections[0];
  if (!organisation) throw new Error('fixture changed');
  organisation.questions = organisation.questions
    .filter((q) => q.code !== 'employees')
    .map((q): FormQuestion => (q.code === 'org-name' ? { ...q, label: { en: 'Trading name', fr: 'Nom commercial' } } : q));
  // The evidence page's condition read `employees`: keep only the size test.
  const evidence = copy.pages.find((p) => p.code === 'evidence');
  if (evidence) evidence.showIf = { op: 'notEquals', question: 'org-size', value: 'micro' };
  return copy;
}

describe('forms service', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  let elJemManager: UserActor;
  let batnaManager: UserActor;
  let staff: UserActor;
  let member: UserActor;
  let neighbour: UserActor;

  async function codeOf(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => 'resolved',
      (error: unknown) => (isAppError(error) ? error.code : error),
    );
  }

  async function person(name: string, role: { key: string; scopeType: 'global' | 'cluster'; scopeId: string | null }) {
    const id = randomUUID();
    await db()
      .insert(user)
      .values({ id, name, email: `${id.slice(0, 8)}@example.org`, emailVerified: true, twoFactorEnabled: true });
    await assignRole(system, { userId: id, role: role.key, scopeType: role.scopeType, scopeId: role.scopeId });
    return actorForUser(id, 'session');
  }

  async function auditCount(): Promise<number> {
    const [row] = await db().select({ n: count() }).from(auditLog);
    return row?.n ?? 0;
  }

  async function responseCount(): Promise<number> {
    const [row] = await db().select({ n: count() }).from(formResponse);
    return row?.n ?? 0;
  }

  beforeAll(async () => {
    await seedRoles(db());
    elJemManager = await person('Manager El Jem', { key: 'cluster_manager', scopeType: 'cluster', scopeId: 'el-jem-mosaic' });
    batnaManager = await person('Manager Batna', { key: 'cluster_manager', scopeType: 'cluster', scopeId: 'batna-jewellery' });
    staff = await person('Staff', { key: 'programme_staff', scopeType: 'global', scopeId: null });
    member = await person('Member', { key: 'member', scopeType: 'global', scopeId: null });
    neighbour = await person('Neighbour', { key: 'member', scopeType: 'global', scopeId: null });
  });

  it('creates a form with its first draft, saves and publishes it; the published version never changes', async () => {
    const created = await createForm(elJemManager, {
      code: 'needs-survey',
      title: needsSurvey.title,
      scope: { type: 'cluster', id: 'el-jem-mosaic' },
    });
    expect(created.form).toMatchObject({ code: 'needs-survey', scope: { type: 'cluster', id: 'el-jem-mosaic' } });
    expect(created.draft).toMatchObject({ version: 1, publishedAt: null });
    expect(created.problems.map((p) => p.code)).toEqual(['FORMS_DEFINITION_NO_PAGES']);
    expect(await codeOf(publishDraft(elJemManager, 'needs-survey'))).toBe('FORMS_DEFINITION_HAS_PROBLEMS');
    expect(await codeOf(createForm(staff, { code: 'needs-survey', title: { en: 'Again' }, scope: { type: 'global', id: null } }))).toBe(
      'FORMS_CODE_TAKEN',
    );

    const saved = await saveDraft(elJemManager, 'needs-survey', needsSurvey);
    expect(saved.draft.version).toBe(1);
    expect(saved.problems).toEqual([]);
    const published = await publishDraft(elJemManager, 'needs-survey');
    expect(published.version).toBe(1);
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(await codeOf(publishDraft(elJemManager, 'needs-survey'))).toBe('FORMS_DRAFT_NOT_FOUND');

    const read = await getFormVersion(member, 'needs-survey');
    expect(read.version.version).toBe(1);
    expect(read.version.definition).toEqual(needsSurvey);

    // The repository itself refuses to touch a published row.
    const formRow = await findFormByCode(db(), 'needs-survey');
    if (!formRow) throw new Error('form not stored');
    expect(await updateDraftDefinition(db(), formRow.id, 1, reworded(needsSurvey))).toBeUndefined();
    expect(await markVersionPublished(db(), formRow.id, 1, new Date(0))).toBeUndefined();
    const [stored] = await db()
      .select()
      .from(formVersion)
      .where(and(eq(formVersion.formId, formRow.id), eq(formVersion.version, 1)));
    expect(stored?.definition).toEqual(needsSurvey);
    expect(stored?.publishedAt).toEqual(published.publishedAt);

    const actions = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, formRow.id));
    expect(actions.map((a) => a.action)).toEqual(['forms.form.create', 'forms.draft.save', 'forms.version.publish']);
  });

  it('refuses a cluster manager another cluster’s form, changing nothing', async () => {
    const before = await auditCount();
    // Started one at a time, so that no refusal comes before something awaits it (an unhandled rejection).
    for (const attempt of [
      () => saveDraft(batnaManager, 'needs-survey', reworded(needsSurvey)),
      () => publishDraft(batnaManager, 'needs-survey'),
    ]) {
      const error = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isAppError(error) && error.status).toBe(403);
    }
    expect(
      await codeOf(createForm(batnaManager, { code: 'el-jem-2', title: { fr: 'Autre' }, scope: { type: 'cluster', id: 'el-jem-mosaic' } })),
    ).toBe('COMMON_FORBIDDEN');
    expect(await db().select().from(formVersion)).toHaveLength(1);
    expect(await db().select().from(form)).toHaveLength(1);
    expect(await auditCount()).toBe(before);
    // Their respond grant covers their own cluster only.
    expect(await codeOf(getFormVersion(batnaManager, 'needs-survey'))).toBe('COMMON_FORBIDDEN');
  });

  it('refuses a page with bad answers and stores nothing', async () => {
    const before = { audit: await auditCount(), responses: await responseCount() };
    const refused = await saveResponsePage(member, 'needs-survey', {
      page: 'about',
      locale: 'fr',
      fields: [
        ['org-name', ''],
        ['org-size', 'huge'],
        ['employees', 'douze'],
      ],
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!isAppError(refused)) throw new Error('the page was accepted');
    expect(refused.code).toBe('FORMS_ANSWERS_INVALID');
    expect(refused.status).toBe(400);
    expect(refused.details?.fields).toEqual(
      expect.arrayContaining([
        { field: 'org-name', code: 'FORMS_ANSWER_REQUIRED' },
        { field: 'org-size', code: 'FORMS_ANSWER_NOT_AN_OPTION' },
        { field: 'employees', code: 'FORMS_ANSWER_NOT_A_NUMBER' },
      ]),
    );
    expect(await responseCount()).toBe(before.responses);
    expect(await auditCount()).toBe(before.audit);

    // On a started response, a wrong type or an oversized file refuses the page and keeps the draft as it was.
    const started = await saveResponsePage(member, 'needs-survey', {
      page: 'about',
      locale: 'fr',
      fields: [
        ['org-name', 'Atelier Zellige'],
        ['org-size', 'small'],
        ['employees', '12'],
      ],
    });
    expect(started.nextPage).toBe('challenges');
    const [draftBefore] = await db().select().from(formResponse).where(eq(formResponse.id, started.response.id));
    const auditBefore = await auditCount();
    const attempts: [Fields, string][] = [
      [[['report', 'report.pdf']], 'FORMS_ANSWER_WRONG_TYPE'],
      [[['report', { name: 'report.pdf', type: 'application/pdf', size: 5_000_000 }]], 'FORMS_FILE_TOO_LARGE'],
    ];
    for (const [fields, code] of attempts) {
      const error = await saveResponsePage(member, 'needs-survey', {
        responseId: started.response.id,
        page: 'evidence',
        locale: 'en',
        fields,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isAppError(error) && error.details?.fields).toEqual([{ field: 'report', code }]);
    }
    const [draftAfter] = await db().select().from(formResponse).where(eq(formResponse.id, started.response.id));
    expect(draftAfter).toEqual(draftBefore);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('keeps a response on the version it started with after a new version is published', async () => {
    const started = await saveResponsePage(neighbour, 'needs-survey', { page: 'about', locale: 'ar', fields: aboutMicro });
    expect(started.response).toMatchObject({ version: 1, status: 'draft', currentPage: 'challenges', respondentUserId: neighbour.userId });
    expect(started.response.answers).toEqual({ 'org-name': 'Atelier Zellige', 'org-size': 'micro', employees: 3, founded: '2010-05-31' });

    const draft = await saveDraft(elJemManager, 'needs-survey', reworded(needsSurvey));
    expect(draft.draft.version).toBe(2);
    expect(draft.problems).toEqual([]);
    // Drafts are for managers only.
    expect(await codeOf(getFormVersion(member, 'needs-survey', 2))).toBe('FORMS_VERSION_NOT_FOUND');
    expect((await getFormVersion(elJemManager, 'needs-survey', 2)).version.publishedAt).toBeNull();
    await publishDraft(elJemManager, 'needs-survey');
    expect((await getFormVersion(member, 'needs-survey')).version.version).toBe(2);

    // The old response still reads with its own questions, including the one version 2 removed.
    const read = await getResponse(neighbour, started.response.id);
    expect(read.version.version).toBe(1);
    expect(read.version.definition).toEqual(needsSurvey);
    expect(read.response.answers.employees).toBe(3);
    const orgName = read.version.definition.pages[0]?.sections[0]?.questions[0];
    expect(orgName?.label).toEqual({ en: 'Name', fr: 'Nom', ar: 'الاسم' });

    // It goes on being answered, and submitted, with version 1.
    await saveResponsePage(neighbour, 'needs-survey', {
      responseId: started.response.id,
      page: 'challenges',
      locale: 'ar',
      fields: [['challenges', 'markets']],
    });
    const last = await saveResponsePage(neighbour, 'needs-survey', {
      responseId: started.response.id,
      page: 'training',
      locale: 'ar',
      fields: [
        ['formats.design', 'online'],
        ['formats.marketing', 'workshop'],
      ],
    });
    expect(last.nextPage).toBeNull();
    const submitted = await submitResponse(neighbour, started.response.id);
    expect(submitted).toMatchObject({ status: 'submitted', version: 1, currentPage: null });
    expect(submitted.submittedAt).toBeInstanceOf(Date);
    expect(
      await codeOf(
        saveResponsePage(neighbour, 'needs-survey', { responseId: started.response.id, page: 'about', locale: 'ar', fields: aboutMicro }),
      ),
    ).toBe('FORMS_RESPONSE_SUBMITTED');
    expect(await codeOf(submitResponse(neighbour, started.response.id))).toBe('FORMS_RESPONSE_SUBMITTED');

    // A new response starts on version 2, which no longer knows `employees`.
    const fresh = await saveResponsePage(member, 'needs-survey', { page: 'about', locale: 'fr', fields: aboutMicro });
    expect(fresh.response.version).toBe(2);
    expect(fresh.response.answers).not.toHaveProperty('employees');
    // Others cannot read or continue someone's response.
    expect(await codeOf(getResponse(member, started.response.id))).toBe('FORMS_RESPONSE_NOT_FOUND');
    expect(
      await codeOf(
        saveResponsePage(member, 'needs-survey', { responseId: started.response.id, page: 'about', locale: 'fr', fields: aboutMicro }),
      ),
    ).toBe('FORMS_RESPONSE_NOT_FOUND');
  });

  it('refuses submitting an incomplete response', async () => {
    const started = await saveResponsePage(member, 'needs-survey', { page: 'about', locale: 'fr', fields: aboutMicro });
    const error = await submitResponse(member, started.response.id).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isAppError(error) && error.code).toBe('FORMS_ANSWERS_INVALID');
    expect(isAppError(error) && error.details?.fields).toEqual(
      expect.arrayContaining([
        { field: 'challenges', code: 'FORMS_ANSWER_REQUIRED' },
        { field: 'formats', code: 'FORMS_ANSWER_REQUIRED' },
      ]),
    );
    const [row] = await db().select().from(formResponse).where(eq(formResponse.id, started.response.id));
    expect(row?.status).toBe('draft');
  });

  it('records assisted entry: staff enter answers for a person, the audit log says who for whom', async () => {
    expect(
      await codeOf(
        saveResponsePage(elJemManager, 'needs-survey', { page: 'about', locale: 'fr', fields: aboutMicro, onBehalfOf: member.userId }),
      ),
    ).toBe('COMMON_FORBIDDEN');
    expect(
      await codeOf(saveResponsePage(staff, 'needs-survey', { page: 'about', locale: 'fr', fields: aboutMicro, onBehalfOf: randomUUID() })),
    ).toBe('FORMS_RESPONDENT_NOT_FOUND');

    const entered = await saveResponsePage(staff, 'needs-survey', {
      page: 'about',
      locale: 'fr',
      fields: aboutMicro,
      onBehalfOf: member.userId,
    });
    expect(entered.response).toMatchObject({ respondentUserId: member.userId, enteredByUserId: staff.userId, version: 2 });
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.subjectId, entered.response.id));
    expect(audit).toMatchObject({
      action: 'forms.response.start',
      actorId: staff.userId,
      actingAsId: member.userId,
      data: { form: 'needs-survey', version: 2, page: 'about', enteredBy: staff.userId, enteredFor: member.userId },
    });

    // The respondent reads it; the staff member continues it, but only for that person.
    expect((await getResponse(member, entered.response.id)).response.enteredByUserId).toBe(staff.userId);
    expect(
      await codeOf(
        saveResponsePage(staff, 'needs-survey', {
          responseId: entered.response.id,
          page: 'challenges',
          locale: 'fr',
          fields: [['challenges', 'skills']],
        }),
      ),
    ).toBe('COMMON_FORBIDDEN');
    await saveResponsePage(staff, 'needs-survey', {
      responseId: entered.response.id,
      page: 'challenges',
      locale: 'fr',
      fields: [['challenges', 'skills']],
      onBehalfOf: member.userId,
    });
    const entries = await db().select().from(auditLog).where(eq(auditLog.subjectId, entered.response.id));
    expect(entries.map((e) => [e.action, e.actorId, e.actingAsId])).toEqual([
      ['forms.response.start', staff.userId, member.userId],
      ['forms.response.update', staff.userId, member.userId],
    ]);
  });
});

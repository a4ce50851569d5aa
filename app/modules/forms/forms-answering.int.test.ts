/** Answering in the browser on a real database: the draft to continue (own or entered for someone) and the person answered for. */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedRoles } from '#app/modules/identity/index.ts';
import type { UserActor } from '#app/shared/auth/actor.ts';
import { isAppError } from '#app/shared/errors.ts';
import { insertUserWithRole, outcomeCode } from '#tests/factories/users.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { needsSurvey } from './form.fixture.ts';
import {
  createForm,
  findDraftResponse,
  getRespondent,
  publishDraft,
  saveDraft,
  saveResponsePage,
  submitResponse,
} from './forms.service.server.ts';

const firstPage: [string, string][] = [
  ['org-name', 'Atelier Zellige'],
  ['org-size', 'micro'],
  ['employees', '3'],
  ['founded', '2010-05-31'],
];

describe('forms answering services', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  let manager: UserActor;
  let staff: UserActor;
  let member: UserActor;
  let other: UserActor;

  beforeAll(async () => {
    await seedRoles(db());
    manager = await insertUserWithRole(db(), 'Manager El Jem', { key: 'cluster_manager', scopeType: 'cluster', scopeId: 'el-jem-mosaic' });
    staff = await insertUserWithRole(db(), 'Staff', { key: 'programme_staff', scopeType: 'global', scopeId: null });
    member = await insertUserWithRole(db(), 'يوسف الحداد', { key: 'member', scopeType: 'global', scopeId: null });
    other = await insertUserWithRole(db(), 'Other member', { key: 'member', scopeType: 'global', scopeId: null });
    await createForm(manager, { code: 'answering', title: needsSurvey.title, scope: { type: 'cluster', id: 'el-jem-mosaic' } });
    await saveDraft(manager, 'answering', needsSurvey);
    await publishDraft(manager, 'answering');
  });

  it('finds the member’s own latest draft, not someone else’s, not one entered for them, and none once submitted', async () => {
    expect(await findDraftResponse(member, 'answering')).toBeNull();
    const own = await saveResponsePage(member, 'answering', { page: 'about', fields: firstPage, locale: 'en' });
    await saveResponsePage(other, 'answering', { page: 'about', fields: firstPage, locale: 'en' });
    // Staff entering answers for the member: a separate draft, which the member's own search does not return.
    const entered = await saveResponsePage(staff, 'answering', {
      page: 'about',
      fields: firstPage,
      locale: 'en',
      onBehalfOf: member.userId,
    });

    const found = await findDraftResponse(member, 'answering');
    expect(found?.id).toBe(own.response.id);
    expect(found?.answers).toEqual(own.response.answers);
    expect(found?.currentPage).toBe(own.nextPage);
    expect((await findDraftResponse(other, 'answering'))?.id).not.toBe(own.response.id);

    expect((await findDraftResponse(staff, 'answering', { onBehalfOf: member.userId }))?.id).toBe(entered.response.id);
    expect(await findDraftResponse(staff, 'answering')).toBeNull();

    // The response is complete once every shown page is answered: submitting it leaves no draft.
    let page = own.nextPage;
    const pageFields: Record<string, [string, string][]> = {
      challenges: [['challenges', 'markets']],
      training: [
        ['priorities.export', '1'],
        ['priorities.design', '2'],
        ['priorities.marketing', '3'],
        ['formats.design', 'workshop'],
        ['formats.marketing', 'online'],
      ],
    };
    while (page) {
      const saved = await saveResponsePage(member, 'answering', {
        responseId: own.response.id,
        page,
        fields: pageFields[page] ?? [],
        locale: 'en',
      }).catch((error: unknown) => {
        throw new Error(`page ${page}: ${JSON.stringify(isAppError(error) ? error.details : error)}`);
      });
      page = saved.nextPage;
    }
    await submitResponse(member, own.response.id);
    expect(await findDraftResponse(member, 'answering')).toBeNull();
  });

  it('refuses a member the assisted search, and anyone an unknown form', async () => {
    expect(await outcomeCode(findDraftResponse(member, 'answering', { onBehalfOf: other.userId }))).toBe('COMMON_FORBIDDEN');
    expect(await outcomeCode(findDraftResponse(member, 'no-such-form'))).toBe('FORMS_FORM_NOT_FOUND');
  });

  it('names the person answered for to staff who may enter answers, to no one else', async () => {
    expect(await getRespondent(staff, 'answering', member.userId)).toEqual({ userId: member.userId, name: 'يوسف الحداد' });
    expect(await outcomeCode(getRespondent(staff, 'answering', 'no-such-user'))).toBe('FORMS_RESPONDENT_NOT_FOUND');
    // A cluster manager builds forms but may not enter answers for others (no users.act_as).
    expect(await outcomeCode(getRespondent(manager, 'answering', member.userId))).toBe('COMMON_FORBIDDEN');
    expect(await outcomeCode(getRespondent(other, 'answering', member.userId))).toBe('COMMON_FORBIDDEN');
  });
});

/** Needs surveys created from the template on a real database: who may, what is published, and what answers read. */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createForm, getFormVersion, saveResponsePage, submitResponse } from '#app/modules/forms/index.ts';
import { actorForUser, assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { system, type UserActor } from '#app/shared/auth/actor.ts';
import { user } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { archiveChallengeTheme, seedChallengeThemes } from './needs.service.server.ts';
import { createNeedsSurvey, needsSurveysAmong } from './needs-survey.service.server.ts';
import { NEEDS_SURVEY_QUESTIONS as Q, surveyEvidence } from './needs-survey.ts';

describe('needs surveys', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let staff: UserActor;
  let manager: UserActor;
  let member: UserActor;
  let admin: UserActor;

  async function person(name: string, role: string, scopeType: 'global' | 'cluster', scopeId: string | null): Promise<UserActor> {
    const id = randomUUID();
    await db()
      .insert(user)
      .values({ id, name, email: `${id.slice(0, 8)}@example.org`, emailVerified: true, twoFactorEnabled: true });
    await assignRole(system, { userId: id, role, scopeType, scopeId });
    return actorForUser(id, 'session');
  }

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error) => (isAppError(error) ? error.code : String(error)),
    );

  beforeAll(async () => {
    await seedRoles(db());
    await seedChallengeThemes(db());
    admin = await person('Admin', 'platform_admin', 'global', null);
    staff = await person('Staff', 'programme_staff', 'global', null);
    manager = await person('Manager', 'cluster_manager', 'cluster', 'el-jem-mosaic');
    member = await person('Member', 'member', 'global', null);
  });

  it('lets a cluster manager publish the survey for their cluster, asking the current themes', async () => {
    await archiveChallengeTheme(admin, 'infrastructure');
    const { form, version } = await createNeedsSurvey(manager, {
      code: 'needs-el-jem-2026',
      scope: { type: 'cluster', id: 'el-jem-mosaic' },
    });
    expect(form.scope).toEqual({ type: 'cluster', id: 'el-jem-mosaic' });
    expect(version.version).toBe(1);
    const published = await getFormVersion(member, form.code);
    const challenges = published.version.definition.pages[1]!.sections[0]!.questions[0]!;
    const codes = challenges.type === 'multiple-choice' ? challenges.options.map((option) => option.code) : [];
    expect(codes).toContain('access-to-finance');
    expect(codes).not.toContain('infrastructure');
    expect(published.form.title).toEqual({ ar: 'استبيان الاحتياجات', fr: 'Questionnaire des besoins', en: 'Needs survey' });

    // The builder's list links needs surveys (and no other form) to their invitations page.
    await createForm(manager, { code: 'plain-form', title: { en: 'Plain' }, scope: { type: 'cluster', id: 'el-jem-mosaic' } });
    expect([...(await needsSurveysAmong(manager, ['needs-el-jem-2026', 'plain-form', 'no-such-form']))]).toEqual(['needs-el-jem-2026']);
    expect((await needsSurveysAmong({ kind: 'anonymous' }, ['needs-el-jem-2026'])).size).toBe(0);
    expect((await needsSurveysAmong(manager, [])).size).toBe(0);
  });

  it("refuses a manager outside the survey's cluster and a member, writing nothing", async () => {
    expect(await refusal(createNeedsSurvey(manager, { code: 'needs-batna', scope: { type: 'cluster', id: 'batna-jewellery' } }))).toBe(
      'COMMON_FORBIDDEN',
    );
    expect(await refusal(createNeedsSurvey(member, { code: 'needs-member', scope: { type: 'global', id: null } }))).toBe(
      'COMMON_FORBIDDEN',
    );
    expect(await refusal(getFormVersion(staff, 'needs-batna'))).toBe('FORMS_FORM_NOT_FOUND');
    expect(await refusal(createNeedsSurvey(staff, { code: 'Not A Code', scope: { type: 'global', id: null } }))).toBe(
      'COMMON_VALIDATION_FAILED',
    );
  });

  it('stores answers posted page by page, which read as the synthesis expects', async () => {
    await createNeedsSurvey(staff, { code: 'needs-region', scope: { type: 'global', id: null } });
    // Name/value pairs as a browser posts them (a multiple choice repeats its name).
    const fields = (entries: Record<string, string | string[]>) =>
      Object.entries(entries).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => [name, v] as const));
    let { response } = await saveResponsePage(member, 'needs-region', {
      page: 'about',
      fields: fields({ [Q.gender]: 'woman', [Q.size]: 'micro' }),
      locale: 'ar',
    });
    ({ response } = await saveResponsePage(member, 'needs-region', {
      responseId: response.id,
      page: 'challenges',
      fields: fields({ [Q.challenges]: ['access-to-finance', 'markets-and-buyers'] }),
      locale: 'ar',
    }));
    ({ response } = await saveResponsePage(member, 'needs-region', {
      responseId: response.id,
      page: 'severity',
      fields: fields({ [`${Q.severity}.access-to-finance`]: '4' }),
      locale: 'ar',
    }));
    ({ response } = await saveResponsePage(member, 'needs-region', {
      responseId: response.id,
      page: 'support',
      fields: fields({ [`${Q.training}.export`]: 'online' }),
      locale: 'ar',
    }));
    const submitted = await submitResponse(member, response.id);
    expect(submitted.status).toBe('submitted');
    const evidence = surveyEvidence(submitted.answers, { respondentId: submitted.id, cluster: 'el-jem-mosaic', country: 'TN' });
    expect(evidence.response).toMatchObject({ gender: 'woman', size: 'micro' });
    expect(evidence.mentions.map((m) => [m.theme, m.severity])).toEqual([
      ['access-to-finance', 4],
      ['markets-and-buyers', null],
    ]);
    expect(evidence.training.map((t) => [t.topic, t.format])).toEqual([['export', 'online']]);
  });
});

/**
 * The priority synthesis from stored evidence: cluster needs surveys answered through the form
 * engine and endorsed diagnostic challenges, ranked by the formula of decision 0012, with small
 * groups hidden. Survey answers of other forms, drafts and surveys of another cluster do not count.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createForm, publishDraft, saveResponsePage, submitResponse } from '#app/modules/forms/index.ts';
import { actorForUser, assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { anonymous, system, type UserActor } from '#app/shared/auth/actor.ts';
import { queryRows } from '#app/shared/db/client.server.ts';
import { user } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { insertCluster } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { addChallenge, createDiagnostic, endorseDiagnostic } from './diagnostics/diagnostics.service.server.ts';
import { RECOUNTED_TALLY, STORED_TALLY } from './invitations/tally-recount.testing.ts';
import { seedChallengeThemes } from './needs.service.server.ts';
import { createNeedsSurvey, needsSurveyTemplate } from './needs-survey.service.server.ts';
import { NEEDS_SURVEY_QUESTIONS as Q } from './needs-survey.ts';
import { getPriorities } from './priorities.service.server.ts';

/** Every count of people shown (not hidden) that is above zero and under the minimum of five. */
function visibleCountsUnderFive(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  if ('suppressed' in value && 'value' in value) {
    const count = (value as { value: number | null }).value;
    return count !== null && count > 0 && count < 5 ? [`${path}=${count}`] : [];
  }
  return Object.entries(value).flatMap(([key, inner]) => visibleCountsUnderFive(inner, `${path}.${key}`));
}

describe('priorities from stored evidence', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let staff: UserActor;
  const members: UserActor[] = [];

  async function person(
    role: string,
    grant: { scopeType: 'global' | 'country'; scopeId: string | null } = { scopeType: 'global', scopeId: null },
  ): Promise<UserActor> {
    const id = randomUUID();
    await db()
      .insert(user)
      .values({
        id,
        name: `Person ${id.slice(0, 4)}`,
        email: `${id.slice(0, 8)}@example.org`,
        emailVerified: true,
        twoFactorEnabled: true,
      });
    await assignRole(system, { userId: id, role, ...grant });
    return actorForUser(id, 'session');
  }

  /** One member's answers, page by page, then submitted (unless `draft`). */
  async function answer(
    member: UserActor,
    form: string,
    answers: { gender?: string; challenges: string[]; severity?: Record<string, string> },
    draft = false,
  ) {
    const pairs = (entries: [string, string][]) => entries;
    let { response } = await saveResponsePage(member, form, {
      page: 'about',
      fields: pairs(answers.gender ? [[Q.gender, answers.gender]] : []),
      locale: 'fr',
    });
    ({ response } = await saveResponsePage(member, form, {
      responseId: response.id,
      page: 'challenges',
      fields: pairs(answers.challenges.map((theme) => [Q.challenges, theme])),
      locale: 'fr',
    }));
    if (!answers.challenges.includes('none')) {
      ({ response } = await saveResponsePage(member, form, {
        responseId: response.id,
        page: 'severity',
        fields: pairs(Object.entries(answers.severity ?? {}).map(([theme, level]) => [`${Q.severity}.${theme}`, level])),
        locale: 'fr',
      }));
    }
    ({ response } = await saveResponsePage(member, form, { responseId: response.id, page: 'support', fields: [], locale: 'fr' }));
    if (!draft) await submitResponse(member, response.id);
  }

  beforeAll(async () => {
    await seedRoles(db());
    await seedChallengeThemes(db());
    await insertCluster(db(), { slug: 'sfax-weavers', countryIso2: 'TN', subsectorCode: 'fashion' });
    await insertCluster(db(), { slug: 'irbid-potters', countryIso2: 'JO', subsectorCode: 'habitat' });
    staff = await person('programme_staff');
    for (let n = 0; n < 8; n++) members.push(await person('member'));

    await createNeedsSurvey(staff, { code: 'needs-sfax', scope: { type: 'cluster', id: 'sfax-weavers' } });
    // Six respondents in Sfax: finance named by all six (severities 4, 4, 3, 3, blank, blank),
    // markets by two (2, 2), and one naming nothing.
    const sfax: { gender?: string; challenges: string[]; severity?: Record<string, string> }[] = [
      {
        gender: 'woman',
        challenges: ['access-to-finance', 'markets-and-buyers'],
        severity: { 'access-to-finance': '4', 'markets-and-buyers': '2' },
      },
      {
        gender: 'woman',
        challenges: ['access-to-finance', 'markets-and-buyers'],
        severity: { 'access-to-finance': '4', 'markets-and-buyers': '2' },
      },
      { gender: 'woman', challenges: ['access-to-finance'], severity: { 'access-to-finance': '3' } },
      { gender: 'man', challenges: ['access-to-finance'], severity: { 'access-to-finance': '3' } },
      { challenges: ['access-to-finance'] },
      { gender: 'woman', challenges: ['access-to-finance'] },
      { gender: 'man', challenges: ['none'] },
    ];
    for (const [index, answers] of sfax.entries()) await answer(members[index]!, 'needs-sfax', answers);
    // A draft does not count.
    await answer(members[7]!, 'needs-sfax', { challenges: ['infrastructure'], severity: { infrastructure: '4' } }, true);

    // Two respondents in Irbid: fewer than the minimum group size, so not used.
    await createNeedsSurvey(staff, { code: 'needs-irbid', scope: { type: 'cluster', id: 'irbid-potters' } });
    await answer(members[0]!, 'needs-irbid', { challenges: ['infrastructure'], severity: { infrastructure: '4' } });
    await answer(members[1]!, 'needs-irbid', { challenges: ['infrastructure'], severity: { infrastructure: '4' } });

    // The same questions in a form that is not a needs survey do not count.
    await createForm(staff, {
      code: 'not-a-survey',
      title: { en: 'Not a survey' },
      scope: { type: 'cluster', id: 'sfax-weavers' },
      definition: await needsSurveyTemplate('not-a-survey'),
    });
    await publishDraft(staff, 'not-a-survey');
    await answer(members[6]!, 'not-a-survey', { challenges: ['infrastructure'], severity: { infrastructure: '4' } });

    // Irbid's endorsed diagnostic records infrastructure as critical.
    const round = await createDiagnostic(staff, { cluster: 'irbid-potters', diagnosedOn: '2026-10-01' });
    await addChallenge(staff, round.id, { themeCode: 'infrastructure', description: { en: 'No kiln nearby' }, severity: 4 });
    await endorseDiagnostic(staff, round.id, { name: 'Rana Haddad', role: 'Cluster chair' });
  });

  it("ranks a cluster's themes from its survey, hiding groups of fewer than five people", async () => {
    const sfax = await getPriorities(anonymous, { scope: 'cluster:sfax-weavers' });
    expect(sfax.scope).toBe('cluster:sfax-weavers');
    expect(sfax.surveyUsed).toBe(true);
    expect(sfax.respondents).toEqual({ value: 7, suppressed: false });
    expect(sfax.priorities.map((p) => [p.theme, p.rank])).toEqual([
      ['access-to-finance', 1],
      ['markets-and-buyers', 2],
    ]);
    // Four women and one man named finance, one did not say: every group is under five, so hidden;
    // markets was named by two, so its count is hidden, and so must be another row's.
    const finance = sfax.priorities[0]!;
    expect(finance.byGender.woman).toEqual({ value: null, suppressed: true });
    expect(finance.byGender.man).toEqual({ value: null, suppressed: true });
    expect(sfax.priorities[1]!.respondents).toEqual({ value: null, suppressed: true });
    expect(visibleCountsUnderFive(sfax)).toEqual([]);
    expect(Number.isNaN(Date.parse(sfax.computedAt))).toBe(false);
  });

  it('shows every count to those who read needs over the scope, and only to them', async () => {
    const sfax = await getPriorities(staff, { scope: 'cluster:sfax-weavers' });
    expect(sfax.audience).toBe('staff');
    const finance = sfax.priorities[0]!;
    expect(finance.respondents).toEqual({ value: 6, suppressed: false });
    expect(finance.byGender.woman).toEqual({ value: 4, suppressed: false });
    expect(finance.byGender.man).toEqual({ value: 1, suppressed: false });
    // Two respondents in Irbid: too few for the public, counted for staff.
    const irbid = await getPriorities(staff, { scope: 'cluster:irbid-potters' });
    expect(irbid.surveyUsed).toBe(true);
    expect(irbid.respondents).toEqual({ value: 2, suppressed: false });

    const focalPoint = await person('national_focal_point', { scopeType: 'country', scopeId: 'TN' });
    expect((await getPriorities(focalPoint, { scope: 'country:TN' })).audience).toBe('staff');
    expect((await getPriorities(focalPoint, { scope: 'cluster:sfax-weavers' })).audience).toBe('staff');
    expect((await getPriorities(focalPoint, { scope: 'country:JO' })).audience).toBe('public');
    expect((await getPriorities(focalPoint, { scope: 'region' })).audience).toBe('public');
    expect((await getPriorities(members[0]!, { scope: 'cluster:sfax-weavers' })).audience).toBe('public');
  });

  it('ranks a cluster with too few respondents from its diagnostic only, and the region from both', async () => {
    const irbid = await getPriorities(anonymous, { scope: 'cluster:irbid-potters' });
    expect(irbid.surveyUsed).toBe(false);
    expect(irbid.respondents).toEqual({ value: 0, suppressed: false });
    expect(irbid.priorities.map((p) => p.theme)).toEqual(['infrastructure']);
    expect(irbid.priorities[0]!.diagnosedClusters).toBe(1);

    const region = await getPriorities(anonymous, { scope: 'region' });
    expect(region.priorities.map((p) => p.theme)).toEqual(
      expect.arrayContaining(['access-to-finance', 'markets-and-buyers', 'infrastructure']),
    );
    expect(visibleCountsUnderFive(region)).toEqual([]);
    const infrastructure = region.priorities.find((p) => p.theme === 'infrastructure')!;
    expect(infrastructure.countries).toEqual(['JO']);
    expect((await getPriorities(anonymous, { scope: 'country:TN' })).priorities.map((p) => p.theme)).toEqual([
      'access-to-finance',
      'markets-and-buyers',
    ]);
  });

  it('keeps the tally equal to a recount of the submitted answers, through inserts, updates and deletes', async () => {
    const recount = RECOUNTED_TALLY;
    const tally = STORED_TALLY;
    expect((await queryRows(db(), tally)).length).toBeGreaterThan(5);
    expect(await queryRows(db(), tally)).toEqual(await queryRows(db(), recount));
    // A statement changing several responses at once, one leaving the survey's count, then a delete.
    await db().execute(
      sql`UPDATE form_response SET answers = jsonb_set(answers, '{respondent-gender}', '"another"') WHERE form_id IN (SELECT form_id FROM needs_survey)`,
    );
    await db().execute(
      sql`UPDATE form_response SET status = 'draft' WHERE id = (SELECT min(id) FROM form_response WHERE status = 'submitted')`,
    );
    expect(await queryRows(db(), tally)).toEqual(await queryRows(db(), recount));
    await db().execute(sql`DELETE FROM form_response WHERE id IN (SELECT id FROM form_response ORDER BY id LIMIT 3)`);
    expect(await queryRows(db(), tally)).toEqual(await queryRows(db(), recount));
  });

  it('refuses a scope it cannot read', async () => {
    const code = await getPriorities(anonymous, { scope: 'planet:earth' }).then(
      () => 'resolved',
      (error) => (isAppError(error) ? error.code : String(error)),
    );
    expect(code).toBe('NEEDS_SCOPE_INVALID');
  });
});

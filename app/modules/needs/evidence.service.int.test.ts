/**
 * The drill-down to the evidence: for each theme of a scope's priorities, the diagnostic challenges
 * and survey answers listed are exactly those the board's staff figures count; pages cover the
 * answers once each; only `needs.read` over the scope reads it (refused in the service); a
 * response is linked for the form's managers only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '#app/shared/auth/actor.ts';
import { isAppError } from '#app/shared/errors.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { addMember, insertCluster, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { seedDemoDiagnostics } from './diagnostics/diagnostics.service.server.ts';
import { EVIDENCE_PAGE_SIZE } from './evidence.contracts.ts';
import { getThemeEvidence } from './evidence.service.server.ts';
import { seedChallengeThemes } from './needs.service.server.ts';
import { seedDemoSurveys } from './needs-demo.server.ts';
import { getPriorities } from './priorities.service.server.ts';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'allowed';
  } catch (error) {
    if (isAppError(error)) return `${error.status} ${error.code}`;
    throw error;
  }
}

describe('needs evidence drill-down', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  const staff = person([grant('programme_staff', 'global')]);

  beforeAll(async () => {
    await seedChallengeThemes(db());
    // Three demo clusters in two countries, each with demo member organisations (one size class each).
    for (const [slug, country, members] of [
      ['el-jem-mosaic', 'TN', 40],
      ['nabeul-tableware', 'TN', 25],
      ['batna-jewellery', 'DZ', 45],
    ] as const) {
      const cluster = await insertCluster(db(), { slug, countryIso2: country, isDemo: true });
      for (let i = 0; i < members; i++) {
        const organisation = await insertOrganisation(db(), {
          slug: `${slug}-workshop-${String(i).padStart(2, '0')}`,
          countryIso2: country,
          sizeClass: i % 4 === 0 ? 'small' : 'micro',
          isDemo: true,
        });
        await addMember(db(), cluster, organisation);
      }
    }
    await seedDemoDiagnostics(db());
    expect((await seedDemoSurveys(db())).responses).toBeGreaterThan(EVIDENCE_PAGE_SIZE);
  });

  it('lists, for every theme of every scope, the challenges and answers the staff figures count', async () => {
    let checked = 0;
    for (const scope of ['region', 'country:TN', 'country:DZ', 'cluster:el-jem-mosaic', 'cluster:batna-jewellery']) {
      const priorities = await getPriorities(staff, { scope });
      expect(priorities.audience).toBe('staff');
      for (const p of priorities.priorities) {
        const evidence = await getThemeEvidence(staff, { scope, theme: p.theme });
        expect({ scope, theme: p.theme, answers: evidence.answers.total, clusters: evidence.diagnosedClusters }).toEqual({
          scope,
          theme: p.theme,
          answers: p.respondents.value,
          clusters: p.diagnosedClusters,
        });
        for (const challenge of evidence.challenges) expect(challenge.themeCode).toBe(p.theme);
        if (scope.startsWith('country:')) {
          for (const answer of evidence.answers.items) expect(answer.country).toBe(scope.slice(8));
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('gives each answer its organisation, size, gender, cluster and date, newest first, pages covering them once each', async () => {
    const first = await getThemeEvidence(staff, { scope: 'region', theme: 'access-to-finance' });
    expect(first.answers.total).toBeGreaterThan(EVIDENCE_PAGE_SIZE);
    const pages = [first];
    for (let page = 2; (page - 1) * EVIDENCE_PAGE_SIZE < first.answers.total; page++) {
      pages.push(await getThemeEvidence(staff, { scope: 'region', theme: 'access-to-finance', page }));
    }
    const items = pages.flatMap((p) => p.answers.items);
    expect(new Set(items.map((item) => item.responseId)).size).toBe(first.answers.total);
    const times = items.map((item) => item.submittedAt);
    expect([...times].sort().reverse()).toEqual(times);
    for (const item of items) {
      expect(item.organisation?.slug).toMatch(new RegExp(`^${item.cluster}-workshop-`));
      expect(item).toMatchObject({ demo: true, readable: true, formCode: `demo-needs-survey-${item.cluster}` });
    }
    expect(items.some((item) => item.size === 'small') && items.some((item) => item.gender === 'woman')).toBe(true);
    expect(first.challenges.map((c) => c.cluster).sort()).toEqual(['batna-jewellery', 'el-jem-mosaic']);
    expect(first.challenges[0]?.evidence).not.toBeNull();
  });

  it('is refused without needs.read over the scope, and links responses only for the form’s managers', async () => {
    const focal = person([grant('national_focal_point', 'country', 'TN')]);
    const manager = person([grant('cluster_manager', 'cluster', 'el-jem-mosaic')]);
    const member = person([grant('member', 'global')]);
    const theme = 'access-to-finance';
    expect(await refusal(getThemeEvidence(anonymous, { scope: 'region', theme }))).toBe('401 COMMON_UNAUTHENTICATED');
    expect(await refusal(getThemeEvidence(member, { scope: 'cluster:el-jem-mosaic', theme }))).toBe('403 COMMON_FORBIDDEN');
    expect(await refusal(getThemeEvidence(focal, { scope: 'region', theme }))).toBe('403 COMMON_FORBIDDEN');
    expect(await refusal(getThemeEvidence(focal, { scope: 'country:DZ', theme }))).toBe('403 COMMON_FORBIDDEN');
    expect(await refusal(getThemeEvidence(manager, { scope: 'country:TN', theme }))).toBe('403 COMMON_FORBIDDEN');
    expect(await refusal(getThemeEvidence(staff, { scope: 'country:tunisia', theme }))).toBe('400 NEEDS_SCOPE_INVALID');
    expect(await refusal(getThemeEvidence(staff, { scope: 'region', theme: 'no-such-theme' }))).toBe('404 NEEDS_THEME_NOT_FOUND');

    const national = await getThemeEvidence(focal, { scope: 'country:TN', theme });
    expect(national.answers.items.length).toBeGreaterThan(0);
    expect(national.answers.items.every((item) => !item.readable)).toBe(true);
    const own = await getThemeEvidence(manager, { scope: 'cluster:el-jem-mosaic', theme });
    expect(own.answers.items.length).toBeGreaterThan(0);
    expect(own.answers.items.every((item) => item.readable && item.cluster === 'el-jem-mosaic')).toBe(true);
  });
});

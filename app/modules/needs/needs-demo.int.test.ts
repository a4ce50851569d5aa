/**
 * Seeding the demo survey answers after the demo directory and diagnostics: marked demo, counted by
 * the tally (several themes with survey evidence in two countries or more), suppression visible
 * in public figures, each answer's organisation kept, and a second run adds nothing.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDirectory } from '#app/modules/directory/index.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { queryRows } from '#app/shared/db/client.server.ts';
import { grant, person } from '#tests/factories/actors.ts';
import { ensureReferenceData } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { seedDemoDiagnostics } from './diagnostics/diagnostics.service.server.ts';
import { seedChallengeThemes } from './needs.service.server.ts';
import { seedDemoSurveys } from './needs-demo.server.ts';
import { DEMO_SMALL_CLUSTER, DEMO_SMALL_CLUSTER_RESPONDENTS } from './needs-demo.ts';
import { getPriorities } from './priorities.service.server.ts';

describe('demo needs surveys seeding', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  const staff = person([grant('programme_staff', 'global')]);
  let written = { surveys: 0, responses: 0 };

  beforeAll(async () => {
    await ensureReferenceData(db());
    await seedChallengeThemes(db());
    await seedDemoDirectory(db());
    await seedDemoDiagnostics(db());
    written = await seedDemoSurveys(db());
  });

  it('writes a demo survey per demo cluster with a few hundred answers, their organisations, and nothing on a second run', async () => {
    expect(written.surveys).toBe(8);
    expect(written.responses).toBeGreaterThan(150);
    expect(written.responses).toBeLessThan(1000);
    const [row] = await queryRows<{ surveys: number; demo: number; responses: number; attributed: number; foreign_members: number }>(
      db(),
      sql`SELECT (SELECT count(*)::int FROM needs_survey) AS surveys,
                 (SELECT count(*)::int FROM needs_survey WHERE is_demo) AS demo,
                 (SELECT count(*)::int FROM form_response WHERE status = 'submitted') AS responses,
                 (SELECT count(*)::int FROM needs_survey_respondent) AS attributed,
                 (SELECT count(*)::int FROM needs_survey_respondent r JOIN form_response fr ON fr.id = r.response_id
                    JOIN form f ON f.id = fr.form_id JOIN cluster c ON c.slug = f.scope_id
                    WHERE NOT EXISTS (SELECT 1 FROM cluster_membership m WHERE m.cluster_id = c.id AND m.organisation_id = r.organisation_id)) AS foreign_members`,
    );
    expect(row).toEqual({ surveys: 8, demo: 8, responses: written.responses, attributed: written.responses, foreign_members: 0 });
    expect(await seedDemoSurveys(db())).toEqual({ surveys: 0, responses: 0 });
  });

  it('gives the region several themes with survey evidence in two countries or more', async () => {
    const region = await getPriorities(staff, { scope: 'region' });
    expect(region.surveyUsed).toBe(true);
    expect(region.respondents.value).toBe(written.responses);
    const countries = ['TN', 'DZ', 'EG', 'JO', 'MA', 'PS', 'LB'];
    const byCountry = await Promise.all(countries.map((code) => getPriorities(staff, { scope: `country:${code}` })));
    const surveyCountries = new Map<string, number>();
    for (const synthesis of byCountry) {
      for (const p of synthesis.priorities) {
        if ((p.respondents.value ?? 0) > 0) surveyCountries.set(p.theme, (surveyCountries.get(p.theme) ?? 0) + 1);
      }
    }
    expect([...surveyCountries.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(3);
  });

  it('hides small groups in public figures: the small cluster ranked without its survey, a rare gender group hidden', async () => {
    const small = await getPriorities(anonymous, { scope: `cluster:${DEMO_SMALL_CLUSTER}` });
    expect(small.surveyUsed).toBe(false);
    // Ranked from its diagnostic alone: no figure rests on its four respondents.
    expect(small.respondents.value).toBe(0);
    expect(small.priorities.every((p) => p.respondents.value === 0)).toBe(true);
    expect((await getPriorities(staff, { scope: `cluster:${DEMO_SMALL_CLUSTER}` })).respondents.value).toBe(DEMO_SMALL_CLUSTER_RESPONDENTS);
    const region = await getPriorities(anonymous, { scope: 'region' });
    expect(region.priorities.some((p) => p.byGender.another.suppressed)).toBe(true);
  });
});

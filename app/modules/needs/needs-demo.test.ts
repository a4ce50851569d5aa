/** The demo survey answers: valid for the survey, deterministic, a realistic mix with small groups, one cluster under the minimum. */
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '#app/modules/forms/index.ts';
import { SHIPPED_CHALLENGE_THEMES } from './challenge-themes.ts';
import { DEMO_SMALL_CLUSTER, DEMO_SMALL_CLUSTER_RESPONDENTS, type DemoSurveyCluster, demoSurveyAnswers } from './needs-demo.ts';
import { needsSurveyDefinition, NEEDS_SURVEY_QUESTIONS as Q } from './needs-survey.ts';

const themes = SHIPPED_CHALLENGE_THEMES.map((theme) => theme.code);
const definition = needsSurveyDefinition('demo', { en: 'Demo' }, SHIPPED_CHALLENGE_THEMES);
const organisations = Array.from({ length: 30 }, (_, i) => ({
  id: `org-${i}`,
  slug: `org-${String(i).padStart(2, '0')}`,
  sizeClass: i % 3 === 0 ? 'small' : i % 5 === 0 ? null : 'micro',
  womenLed: i % 4 === 0,
}));
const cluster = (slug: string): DemoSurveyCluster => ({
  slug,
  since: '2026-03-12',
  diagnosedThemes: ['access-to-finance', 'markets-and-buyers'],
  organisations,
});

describe('demoSurveyAnswers', () => {
  const answers = demoSurveyAnswers(cluster('el-jem-mosaic'), themes);

  it('gives most organisations one to four answers the form engine accepts, after the diagnostic', () => {
    expect(answers.length).toBeGreaterThan(25);
    expect(answers.length).toBeLessThan(120);
    for (const answer of answers) {
      const validation = validateAnswers(definition, answer.answers);
      expect(validation.errors).toEqual([]);
      expect(answer.submittedAt.getTime()).toBeGreaterThan(Date.parse('2026-03-12'));
    }
    const perOrganisation = Map.groupBy(answers, (a) => a.organisationId);
    expect(Math.max(...[...perOrganisation.values()].map((list) => list.length))).toBeLessThanOrEqual(4);
  });

  it('is the same on every run, and differs between clusters', () => {
    expect(demoSurveyAnswers(cluster('el-jem-mosaic'), themes)).toEqual(answers);
    expect(demoSurveyAnswers(cluster('cairo-leather'), themes)).not.toEqual(answers);
  });

  it('names the diagnosed themes more often than the others, and mixes genders with small groups', () => {
    const named = (theme: string) => answers.filter((a) => (a.answers[Q.challenges] as string[]).includes(theme)).length;
    expect(named('access-to-finance')).toBeGreaterThan(named('infrastructure'));
    const genders = Map.groupBy(answers, (a) => String(a.answers[Q.gender] ?? ''));
    expect(genders.get('woman')?.length).toBeGreaterThan(5);
    expect(genders.get('man')?.length).toBeGreaterThan(5);
    expect(genders.get('another')?.length ?? 0).toBeLessThan(5);
  });

  it('keeps the small cluster under the minimum group size', () => {
    expect(demoSurveyAnswers(cluster(DEMO_SMALL_CLUSTER), themes)).toHaveLength(DEMO_SMALL_CLUSTER_RESPONDENTS);
  });
});

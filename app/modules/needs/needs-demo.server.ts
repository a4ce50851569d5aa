/**
 * Seeding the demo survey answers (issue 4, item 8): for each demo-diagnosed cluster present, a
 * needs survey made from the template (marked demo) and its demo members' answers
 * (`demoSurveyAnswers`), validated by the form engine and stored through its storage in bulk, so
 * the tally trigger counts them like any answer; each answer's organisation is kept for the
 * drill-down. A system task (start-up of a demo installation, `seed --demo`): not authorised
 * against an actor nor audited. Idempotent: a cluster whose demo survey exists is left alone.
 */
import { seedPublishedForm, seedSubmittedResponses } from '#app/modules/forms/index.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { DEMO_DIAGNOSTICS } from './diagnostics/demo-diagnostics.ts';
import { selectThemes } from './needs.repository.server.ts';
import { insertRespondents, registerDemoNeedsSurvey, selectDemoMembers } from './needs-demo.repository.server.ts';
import { DEMO_SURVEY_CLUSTERS, demoSurveyAnswers, demoSurveyCode } from './needs-demo.ts';
import { needsSurveyDefinition } from './needs-survey.ts';

const DEMO_TITLE = { ar: 'استبيان الاحتياجات (عرض توضيحي)', fr: 'Questionnaire des besoins (démo)', en: 'Needs survey (demo)' };

export interface DemoSurveyCounts {
  surveys: number;
  responses: number;
}

export async function seedDemoSurveys(executor: Executor = getDb()): Promise<DemoSurveyCounts> {
  return executor.transaction(async (tx) => {
    const counts: DemoSurveyCounts = { surveys: 0, responses: 0 };
    const themes = await selectThemes(tx, { includeArchived: false });
    const members = await selectDemoMembers(tx, DEMO_SURVEY_CLUSTERS);
    for (const demo of DEMO_DIAGNOSTICS) {
      const organisations = members.get(demo.cluster);
      if (!organisations || organisations.length === 0) continue;
      const definition = needsSurveyDefinition(demoSurveyCode(demo.cluster), DEMO_TITLE, themes);
      const form = await seedPublishedForm(tx, {
        definition,
        scope: { type: 'cluster', id: demo.cluster },
        publishedAt: new Date(`${demo.diagnosedOn}T08:00:00Z`),
      });
      if (!form) continue;
      await registerDemoNeedsSurvey(tx, form.formId);
      const answers = demoSurveyAnswers(
        { slug: demo.cluster, since: demo.diagnosedOn, diagnosedThemes: demo.challenges.map((c) => c.themeCode), organisations },
        themes.map((theme) => theme.code),
      );
      const ids = await seedSubmittedResponses(tx, { ...form, definition }, answers);
      await insertRespondents(
        tx,
        ids.map((responseId, index) => ({ responseId, organisationId: answers[index]!.organisationId })),
      );
      counts.surveys += 1;
      counts.responses += ids.length;
    }
    return counts;
  });
}

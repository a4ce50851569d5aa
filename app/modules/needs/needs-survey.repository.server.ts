/**
 * Needs surveys' storage: which forms are needs surveys, and their submitted responses counted as
 * the priority synthesis reads them (a SurveyTally: respondents per cluster, gender and size, and
 * per theme named, with the sum and number of severities given), grouped by the database so the
 * synthesis reads a few hundred rows whatever the number of responses.
 *
 * Only surveys of one cluster are counted for now: their respondents belong to that cluster (and
 * its country). Surveys sent to a country or to a directory selection need each respondent's
 * organisation (invitations), which come with survey sending.
 */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '#app/shared/db/client.server.ts';
import { NO_CHALLENGE, NEEDS_SURVEY_QUESTIONS as Q } from './needs-survey.ts';

export async function registerNeedsSurvey(executor: Executor, formCode: string): Promise<void> {
  await executor.execute(sql`INSERT INTO needs_survey (form_id) SELECT id FROM form WHERE code = ${formCode} ON CONFLICT DO NOTHING`);
}

export interface TallyBaseRow {
  cluster: string;
  country: string;
  gender: string | null;
  size: string | null;
  respondents: number;
}

export interface TallyThemeRow extends Omit<TallyBaseRow, 'respondents'> {
  theme: string;
  named: number;
  severity_sum: number;
  severity_answers: number;
}

/** Submitted responses of cluster needs surveys that answered the challenges question, with their cluster. */
const answered = sql`
  SELECT r.id, r.answers, c.slug AS cluster, c.country_iso2 AS country,
         r.answers->>${Q.gender} AS gender, r.answers->>${Q.size} AS size
  FROM form_response r
  JOIN needs_survey s ON s.form_id = r.form_id
  JOIN form f ON f.id = r.form_id AND f.scope_type = 'cluster'
  JOIN cluster c ON c.slug = f.scope_id
  WHERE r.status = 'submitted' AND jsonb_typeof(r.answers->${Q.challenges}) = 'array'`;

export function selectTallyBase(executor: Executor): Promise<TallyBaseRow[]> {
  return queryRows<TallyBaseRow>(
    executor,
    sql`SELECT a.cluster, a.country, a.gender, a.size, count(*)::int AS respondents
        FROM (${answered}) a GROUP BY 1, 2, 3, 4`,
  );
}

export function selectTallyThemes(executor: Executor): Promise<TallyThemeRow[]> {
  return queryRows<TallyThemeRow>(
    executor,
    sql`SELECT t.theme, a.cluster, a.country, a.gender, a.size, count(*)::int AS named,
               coalesce(sum(t.severity), 0)::int AS severity_sum, count(t.severity)::int AS severity_answers
        FROM (${answered}) a
        CROSS JOIN LATERAL (
          SELECT DISTINCT c.theme,
                 CASE WHEN a.answers->${Q.severity}->>c.theme IN ('1', '2', '3', '4') THEN (a.answers->${Q.severity}->>c.theme)::int END AS severity
          FROM jsonb_array_elements_text(a.answers->${Q.challenges}) AS c(theme)
          WHERE c.theme <> ${NO_CHALLENGE}
        ) t
        GROUP BY 1, 2, 3, 4, 5`,
  );
}

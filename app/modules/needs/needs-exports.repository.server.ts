/**
 * What the exports read beyond the priorities' tally: the training needs of the needs surveys,
 * counted by the database (people per cluster, gender, size, topic and format), so no answer leaves
 * the database one by one. Responses are attributed as the tally attributes them (migration 0027):
 * an answer through an invitation to the invited organisation's cluster (or '' for none), country,
 * gender and size, any other to the survey's cluster; the training matrix answers one format per
 * topic.
 */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '#app/shared/db/client.server.ts';
import { NEEDS_SURVEY_QUESTIONS as Q } from './needs-survey.ts';

export interface TrainingCountRow {
  cluster: string;
  country: string;
  gender: string | null;
  size: string | null;
  topic: string;
  format: string;
  people: number;
}

export function selectTrainingCounts(executor: Executor): Promise<TrainingCountRow[]> {
  return queryRows<TrainingCountRow>(
    executor,
    sql`
      SELECT a.cluster, a.country,
             nullif(coalesce(r.answers->>${Q.gender}, a.gender, ''), '') AS gender,
             nullif(coalesce(r.answers->>${Q.size}, a.size, ''), '') AS size,
             t.topic, t.format, count(*)::int AS people
      FROM needs_survey s
      JOIN form f ON f.id = s.form_id
      JOIN form_response r ON r.form_id = s.form_id AND r.status = 'submitted' AND jsonb_typeof(r.answers->${Q.training}) = 'object'
      LEFT JOIN survey_invitation i ON i.response_id = r.id
      LEFT JOIN cluster fc ON f.scope_type = 'cluster' AND fc.slug = f.scope_id
      CROSS JOIN LATERAL (
        SELECT CASE WHEN i.id IS NOT NULL THEN coalesce(i.cluster_slug, '') ELSE fc.slug END AS cluster,
               CASE WHEN i.id IS NOT NULL THEN i.country_iso2 ELSE fc.country_iso2 END AS country,
               i.gender AS gender, i.size_class AS size
      ) a
      CROSS JOIN LATERAL jsonb_each_text(r.answers->${Q.training}) AS t(topic, format)
      WHERE a.cluster IS NOT NULL AND a.country IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6
      ORDER BY 1, 2, 3, 4, 5, 6`,
  );
}

/**
 * What the exports read beyond the priorities' tally: the training needs of the needs surveys,
 * counted by the database (people per cluster, gender, size, topic and format), so no answer leaves
 * the database one by one. Same responses as the tally counts (decision 0012): submitted answers to
 * a needs survey of one cluster; the training matrix answers one format per topic.
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
      SELECT f.scope_id AS cluster, c.country_iso2 AS country,
             nullif(r.answers->>${Q.gender}, '') AS gender, nullif(r.answers->>${Q.size}, '') AS size,
             t.topic, t.format, count(*)::int AS people
      FROM needs_survey s
      JOIN form f ON f.id = s.form_id AND f.scope_type = 'cluster'
      JOIN cluster c ON c.slug = f.scope_id
      JOIN form_response r ON r.form_id = s.form_id AND r.status = 'submitted' AND jsonb_typeof(r.answers->${Q.training}) = 'object'
      CROSS JOIN LATERAL jsonb_each_text(r.answers->${Q.training}) AS t(topic, format)
      GROUP BY 1, 2, 3, 4, 5, 6
      ORDER BY 1, 2, 3, 4, 5, 6`,
  );
}

/**
 * For int tests: the needs survey tally as stored, and the same counts recounted from the submitted
 * responses (with invitation answers attributed to their organisation), in the same column order.
 */
import { sql } from 'drizzle-orm';

export const STORED_TALLY = sql`
  SELECT cluster_slug, country, gender, size, theme, respondents, severity_sum, severity_answers
  FROM needs_survey_tally ORDER BY 1, 2, 3, 4, 5`;

export const RECOUNTED_TALLY = sql`
  SELECT a.cluster AS cluster_slug, a.country,
         coalesce(r.answers->>'respondent-gender', a.gender, '') AS gender, coalesce(r.answers->>'organisation-size', a.size, '') AS size,
         t.theme, count(*)::int AS respondents, coalesce(sum(t.severity), 0)::int AS severity_sum, count(t.severity)::int AS severity_answers
  FROM form_response r
  JOIN needs_survey s ON s.form_id = r.form_id
  JOIN form f ON f.id = r.form_id
  LEFT JOIN survey_invitation i ON i.response_id = r.id
  LEFT JOIN cluster fc ON f.scope_type = 'cluster' AND fc.slug = f.scope_id
  CROSS JOIN LATERAL (
    SELECT CASE WHEN i.id IS NOT NULL THEN coalesce(i.cluster_slug, '') ELSE fc.slug END AS cluster,
           CASE WHEN i.id IS NOT NULL THEN i.country_iso2 ELSE fc.country_iso2 END AS country,
           i.gender, i.size_class AS size
  ) a
  CROSS JOIN LATERAL (
    SELECT '' AS theme, NULL::int AS severity
    UNION ALL
    SELECT DISTINCT c.theme, CASE WHEN r.answers->'challenge-severity'->>c.theme IN ('1', '2', '3', '4') THEN (r.answers->'challenge-severity'->>c.theme)::int END
    FROM jsonb_array_elements_text(r.answers->'challenges') c(theme) WHERE c.theme <> 'none'
  ) t
  WHERE r.status = 'submitted' AND jsonb_typeof(r.answers->'challenges') = 'array' AND a.cluster IS NOT NULL AND a.country IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;

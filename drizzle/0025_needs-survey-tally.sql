CREATE TABLE "needs_survey_tally" (
	"cluster_slug" text NOT NULL,
	"gender" text NOT NULL,
	"size" text NOT NULL,
	"theme" text NOT NULL,
	"respondents" integer NOT NULL,
	"severity_sum" integer NOT NULL,
	"severity_answers" integer NOT NULL,
	CONSTRAINT "needs_survey_tally_cluster_slug_gender_size_theme_pk" PRIMARY KEY("cluster_slug","gender","size","theme")
);
--> statement-breakpoint
-- The tally is kept exact by a statement-level trigger on form_response (decision 0012), as the
-- directory's facet counts are (0013): each statement adds what its new rows count and subtracts
-- what its old rows counted. A response counts once it is submitted to a needs survey of one
-- cluster and has answered the challenges question (a list of theme codes; `none` names nothing).

-- What one response counts: its base row (theme '') and one row per theme it names, with the
-- severity it gave that theme (1-4), if any.
CREATE OR REPLACE FUNCTION mosaic_needs_tally_of(r form_response) RETURNS SETOF needs_survey_tally
LANGUAGE sql STABLE AS $$
  SELECT ROW(f.scope_id, coalesce(r.answers->>'respondent-gender', ''), coalesce(r.answers->>'organisation-size', ''), t.theme,
             1, coalesce(t.severity, 0), (t.severity IS NOT NULL)::int)::needs_survey_tally
  FROM needs_survey s
  JOIN form f ON f.id = s.form_id AND f.scope_type = 'cluster'
  CROSS JOIN LATERAL (
    SELECT ''::text AS theme, NULL::int AS severity
    UNION ALL
    SELECT DISTINCT ON (c.theme) c.theme,
           CASE WHEN r.answers->'challenge-severity'->>c.theme IN ('1', '2', '3', '4') THEN (r.answers->'challenge-severity'->>c.theme)::int END
    FROM jsonb_array_elements_text(r.answers->'challenges') AS c(theme)
    WHERE c.theme <> 'none'
  ) t
  WHERE s.form_id = r.form_id AND r.status = 'submitted' AND jsonb_typeof(r.answers->'challenges') = 'array'
$$;
--> statement-breakpoint

-- Adds these changes (negative to subtract), in key order so concurrent writers queue in one
-- order; rows left at zero are removed.
CREATE OR REPLACE FUNCTION mosaic_needs_tally_add(changes needs_survey_tally[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO needs_survey_tally AS t (cluster_slug, gender, size, theme, respondents, severity_sum, severity_answers)
    SELECT c.cluster_slug, c.gender, c.size, c.theme, sum(c.respondents)::int, sum(c.severity_sum)::int, sum(c.severity_answers)::int
    FROM unnest(changes) c
    GROUP BY c.cluster_slug, c.gender, c.size, c.theme
    HAVING sum(c.respondents) <> 0 OR sum(c.severity_sum) <> 0 OR sum(c.severity_answers) <> 0
    ORDER BY c.cluster_slug, c.gender, c.size, c.theme
  ON CONFLICT (cluster_slug, gender, size, theme) DO UPDATE
    SET respondents = t.respondents + excluded.respondents,
        severity_sum = t.severity_sum + excluded.severity_sum,
        severity_answers = t.severity_answers + excluded.severity_answers;
  DELETE FROM needs_survey_tally t USING unnest(changes) c
    WHERE t.cluster_slug = c.cluster_slug AND t.gender = c.gender AND t.size = c.size AND t.theme = c.theme
      AND t.respondents = 0 AND t.severity_answers = 0;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_needs_tally_responses() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  added needs_survey_tally[] := '{}';
  removed needs_survey_tally[] := '{}';
BEGIN
  -- Only the transition tables of the firing event exist: each query runs only for its events.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    added := array(SELECT k FROM new_rows n CROSS JOIN LATERAL mosaic_needs_tally_of(n) k);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    removed := array(SELECT ROW(k.cluster_slug, k.gender, k.size, k.theme, -k.respondents, -k.severity_sum, -k.severity_answers)::needs_survey_tally
                     FROM old_rows o CROSS JOIN LATERAL mosaic_needs_tally_of(o) k);
  END IF;
  IF cardinality(added) + cardinality(removed) > 0 THEN
    PERFORM mosaic_needs_tally_add(added || removed);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER form_response_needs_tally_insert AFTER INSERT ON form_response
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_needs_tally_responses();
--> statement-breakpoint
CREATE TRIGGER form_response_needs_tally_update AFTER UPDATE ON form_response
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_needs_tally_responses();
--> statement-breakpoint
CREATE TRIGGER form_response_needs_tally_delete AFTER DELETE ON form_response
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_needs_tally_responses();
--> statement-breakpoint
-- The responses already there.
SELECT mosaic_needs_tally_add(array(SELECT k FROM form_response r CROSS JOIN LATERAL mosaic_needs_tally_of(r) k));

CREATE TABLE "survey_invitation" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"form_id" text NOT NULL,
	"organisation_id" text,
	"person_id" text,
	"user_id" text,
	"email" text NOT NULL,
	"locale" text NOT NULL,
	"name" text,
	"country_iso2" text NOT NULL,
	"cluster_slug" text,
	"size_class" text,
	"gender" text,
	"response_id" text,
	"sent_by_user_id" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"reminder_count" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_invitation_response_id_unique" UNIQUE("response_id"),
	CONSTRAINT "survey_invitation_form_email_unique" UNIQUE("form_id","email")
);
--> statement-breakpoint
CREATE TABLE "survey_invitation_link" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"invitation_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "needs_survey_tally" DROP CONSTRAINT "needs_survey_tally_cluster_slug_gender_size_theme_pk";--> statement-breakpoint
ALTER TABLE "needs_survey_tally" ADD COLUMN "country" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "needs_survey_tally" ADD CONSTRAINT "needs_survey_tally_cluster_slug_country_gender_size_theme_pk" PRIMARY KEY("cluster_slug","country","gender","size","theme");--> statement-breakpoint
ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_form_id_form_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."form"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation_link" ADD CONSTRAINT "survey_invitation_link_invitation_id_survey_invitation_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."survey_invitation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_invitation_user_idx" ON "survey_invitation" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "survey_invitation_link_invitation_idx" ON "survey_invitation_link" USING btree ("invitation_id");--> statement-breakpoint
-- Answers through a survey invitation (issue 4, item 4) count too, attributed to the invited
-- organisation: its country, the cluster chosen when sent ('' for none) and, when the answer does
-- not give them, its size class and the person's gender. Answers to a cluster survey without an
-- invitation count for the cluster and its country, as before. The tally gains the country.
CREATE OR REPLACE FUNCTION mosaic_needs_tally_of(r form_response) RETURNS SETOF needs_survey_tally
LANGUAGE sql STABLE AS $$
  SELECT ROW(a.cluster, coalesce(r.answers->>'respondent-gender', a.gender, ''), coalesce(r.answers->>'organisation-size', a.size, ''), t.theme,
             1, coalesce(t.severity, 0), (t.severity IS NOT NULL)::int, a.country)::needs_survey_tally
  FROM needs_survey s
  JOIN form f ON f.id = s.form_id
  LEFT JOIN survey_invitation i ON i.response_id = r.id
  LEFT JOIN cluster fc ON f.scope_type = 'cluster' AND fc.slug = f.scope_id
  CROSS JOIN LATERAL (
    SELECT CASE WHEN i.id IS NOT NULL THEN coalesce(i.cluster_slug, '') ELSE fc.slug END AS cluster,
           CASE WHEN i.id IS NOT NULL THEN i.country_iso2 ELSE fc.country_iso2 END AS country,
           i.gender AS gender, i.size_class AS size
  ) a
  CROSS JOIN LATERAL (
    SELECT ''::text AS theme, NULL::int AS severity
    UNION ALL
    SELECT DISTINCT ON (c.theme) c.theme,
           CASE WHEN r.answers->'challenge-severity'->>c.theme IN ('1', '2', '3', '4') THEN (r.answers->'challenge-severity'->>c.theme)::int END
    FROM jsonb_array_elements_text(r.answers->'challenges') AS c(theme)
    WHERE c.theme <> 'none'
  ) t
  WHERE s.form_id = r.form_id AND r.status = 'submitted' AND jsonb_typeof(r.answers->'challenges') = 'array'
    AND a.cluster IS NOT NULL AND a.country IS NOT NULL
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION mosaic_needs_tally_add(changes needs_survey_tally[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO needs_survey_tally AS t (cluster_slug, country, gender, size, theme, respondents, severity_sum, severity_answers)
    SELECT c.cluster_slug, c.country, c.gender, c.size, c.theme, sum(c.respondents)::int, sum(c.severity_sum)::int, sum(c.severity_answers)::int
    FROM unnest(changes) c
    GROUP BY c.cluster_slug, c.country, c.gender, c.size, c.theme
    HAVING sum(c.respondents) <> 0 OR sum(c.severity_sum) <> 0 OR sum(c.severity_answers) <> 0
    ORDER BY c.cluster_slug, c.country, c.gender, c.size, c.theme
  ON CONFLICT (cluster_slug, country, gender, size, theme) DO UPDATE
    SET respondents = t.respondents + excluded.respondents,
        severity_sum = t.severity_sum + excluded.severity_sum,
        severity_answers = t.severity_answers + excluded.severity_answers;
  DELETE FROM needs_survey_tally t USING unnest(changes) c
    WHERE t.cluster_slug = c.cluster_slug AND t.country = c.country AND t.gender = c.gender AND t.size = c.size AND t.theme = c.theme
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
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    added := array(SELECT k FROM new_rows n CROSS JOIN LATERAL mosaic_needs_tally_of(n) k);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    removed := array(SELECT ROW(k.cluster_slug, k.gender, k.size, k.theme, -k.respondents, -k.severity_sum, -k.severity_answers, k.country)::needs_survey_tally
                     FROM old_rows o CROSS JOIN LATERAL mosaic_needs_tally_of(o) k);
  END IF;
  IF cardinality(added) + cardinality(removed) > 0 THEN
    PERFORM mosaic_needs_tally_add(added || removed);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Counted anew with the country.
DELETE FROM needs_survey_tally;
--> statement-breakpoint
SELECT mosaic_needs_tally_add(array(SELECT k FROM form_response r CROSS JOIN LATERAL mosaic_needs_tally_of(r) k));

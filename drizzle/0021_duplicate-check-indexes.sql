DROP INDEX "organisation_phone_idx";--> statement-breakpoint
CREATE INDEX "organisation_phone_digits_idx" ON "organisation" USING btree (regexp_replace("phone", '[^0-9]', '', 'g'));--> statement-breakpoint

-- The duplicate check of a proposed or created organisation looks for the same name (in any
-- language, case and surrounding spaces ignored) in the same city, the same e-mail or the same
-- phone digits. Each of the three now has an index, so the check is a bitmap OR of three index
-- scans instead of a scan of the whole directory (700 ms at 100,000 organisations).
CREATE OR REPLACE FUNCTION mosaic_lowered_texts(texts jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(lower(trim(t.value))), '{}') FROM jsonb_each_text(texts) AS t(lang, value)
$$;
--> statement-breakpoint

CREATE INDEX "organisation_name_lowered_idx" ON "organisation" USING gin (mosaic_lowered_texts("name"));
--> statement-breakpoint

-- Statistics of the new index expressions, without which the planner keeps scanning.
ANALYZE "organisation";

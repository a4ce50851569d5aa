-- Bulk writers write several batches at once (decision 0010, amended): the directory import
-- writes up to two batches in parallel, each in its own transaction on its own connection.
--
-- 1. Facet counts: the count triggers (0013) take one transaction-level advisory lock, held until
--    commit, so a second batch waited at its insert for the first to commit. A bulk writer may now
--    switch the insert count trigger off for its own transaction
--    (set_config('mosaic.facet_count_deferred', 'on', true)) and must then count what it inserted,
--    as the last statement before it commits, with mosaic_facet_count_inserted(ids): the lock is
--    held only for that statement and the commit. Updates and deletes are always counted by their
--    trigger. Counts stay exact at every commit, as before.
-- 2. Vocabulary: words are inserted in sorted order, so two transactions adding the same new
--    words wait for each other in one order instead of deadlocking.

CREATE OR REPLACE FUNCTION mosaic_facet_count_deferred() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(current_setting('mosaic.facet_count_deferred', true), '') = 'on'
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_facet_count_organisations() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  added organisation_facet_count[];
  removed organisation_facet_count[];
BEGIN
  IF TG_OP = 'INSERT' AND mosaic_facet_count_deferred() THEN
    RETURN NULL;
  END IF;
  -- Only the transition tables of the firing event exist: each query runs only for its events.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    added := array(SELECT ROW(k.facet, k.value, count(*)::int)::organisation_facet_count
                   FROM new_rows n CROSS JOIN LATERAL mosaic_facet_keys(n) k GROUP BY k.facet, k.value);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    removed := array(SELECT ROW(k.facet, k.value, count(*)::int)::organisation_facet_count
                     FROM old_rows o CROSS JOIN LATERAL mosaic_facet_keys(o) k GROUP BY k.facet, k.value);
  END IF;
  PERFORM mosaic_facet_count_add(added, removed);
  IF TG_OP = 'UPDATE' THEN
    PERFORM mosaic_facet_count_recount_clusters(array(
      SELECT DISTINCT m.cluster_id FROM new_rows n JOIN old_rows o ON o.id = n.id
      JOIN cluster_membership m ON m.organisation_id = n.id
      WHERE o.status IS DISTINCT FROM n.status));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- Counts the organisations a bulk writer inserted with the insert count trigger off: what the
-- trigger would have added.
CREATE OR REPLACE FUNCTION mosaic_facet_count_inserted(ids text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mosaic_facet_count_add(array(
    SELECT ROW(k.facet, k.value, count(*)::int)::organisation_facet_count
    FROM organisation o CROSS JOIN LATERAL mosaic_facet_keys(o) k
    WHERE o.id = ANY (ids) GROUP BY k.facet, k.value), '{}');
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_write_statement(kind text, source text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT format($f$
    WITH entities AS MATERIALIZED (
      SELECT * FROM %1$s e
    ), taxonomy AS MATERIALIZED (
      SELECT s, m, c, mosaic_search_taxonomy_vector(s, m, c) AS vector
      FROM (SELECT DISTINCT %2$s AS s, e.material_codes AS m, e.country_iso2 AS c FROM entities e) combinations
    ), cities AS MATERIALIZED (
      SELECT city, mosaic_search_vector(city, 'B', false) AS vector
      FROM (SELECT DISTINCT coalesce(e.city, '{}') AS city FROM entities e) distinct_cities
    ), written AS (
      INSERT INTO search_document
      SELECT d.* FROM entities e
      JOIN taxonomy t ON t.s = %2$s AND t.m = e.material_codes AND t.c = e.country_iso2
      JOIN cities ci ON ci.city = coalesce(e.city, '{}')
      CROSS JOIN LATERAL mosaic_search_document(%3$L, e.id, e.slug, e.name, ci.vector, e.description, %4$s, e.source_locale,
        e.country_iso2, %5$s, e.is_demo, t.vector) d
      RETURNING names
    )
    INSERT INTO search_word (word)
    SELECT w.word FROM (SELECT DISTINCT mosaic_search_words(names) AS word FROM written) w ORDER BY w.word
    ON CONFLICT DO NOTHING
  $f$, source,
    CASE kind WHEN 'organisation' THEN 'e.subsector_codes' ELSE 'ARRAY[e.subsector_code]' END,
    kind,
    CASE kind WHEN 'organisation' THEN 'e.products' ELSE 'NULL::jsonb' END,
    CASE kind WHEN 'organisation' THEN 'e.status = ''published''' ELSE 'true' END)
$$;

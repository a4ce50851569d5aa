-- Facet counts of the unfiltered public directory (organisation_facet_count), kept exact by
-- statement-level triggers with transition tables, as the search documents are (0007). Every
-- writer (services, import, seed, psql) is counted with no extra call.
--
-- Writers of counts take one transaction-level advisory lock before touching the table, so they
-- queue in one order (no deadlock between the value rows of two transactions) and a cluster's
-- recount, made under the lock with a fresh snapshot, sees every earlier writer's commit. Exact
-- counters serialise the writers of published organisations anyway (every one changes `total`).

-- The facet values one organisation counts for: none unless it is published. Two arrays unnested
-- side by side (facet names, values); a size left blank counts for no size.
CREATE OR REPLACE FUNCTION mosaic_facet_keys(o organisation) RETURNS TABLE (facet text, value text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT k.facet, k.value
  FROM unnest(
    ARRAY['total', 'country', 'type', 'size', 'womenLed']
      || array_fill('subsector'::text, ARRAY[cardinality(o.subsector_codes)])
      || array_fill('material'::text, ARRAY[cardinality(o.material_codes)]),
    ARRAY['', o.country_iso2, o.type, o.size_class, o.women_led::text] || o.subsector_codes || o.material_codes
  ) AS k (facet, value)
  WHERE o.status = 'published' AND k.value IS NOT NULL
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_facet_count_lock() RETURNS void
LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtext('organisation_facet_count'))
$$;
--> statement-breakpoint

-- Adds the counts of `added` and subtracts those of `removed` (each a list of facet values with
-- how many organisations were added to or removed from them); values left at 0 are dropped.
CREATE OR REPLACE FUNCTION mosaic_facet_count_add(added organisation_facet_count[], removed organisation_facet_count[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  changes organisation_facet_count[];
BEGIN
  changes := array(
    SELECT ROW(c.facet, c.value, sum(c.count)::int)::organisation_facet_count
    FROM (SELECT a.facet, a.value, a.count FROM unnest(added) a
          UNION ALL SELECT r.facet, r.value, -r.count FROM unnest(removed) r) c
    GROUP BY c.facet, c.value HAVING sum(c.count) <> 0 ORDER BY c.facet, c.value);
  IF cardinality(changes) = 0 THEN
    RETURN;
  END IF;
  PERFORM mosaic_facet_count_lock();
  INSERT INTO organisation_facet_count AS f (facet, value, count) SELECT c.facet, c.value, c.count FROM unnest(changes) c
    ON CONFLICT (facet, value) DO UPDATE SET count = f.count + excluded.count;
  DELETE FROM organisation_facet_count f USING unnest(changes) c WHERE f.facet = c.facet AND f.value = c.value AND f.count = 0;
END
$$;
--> statement-breakpoint

-- Recounts the published members of these clusters (membership changes are rare and clusters
-- small; a recount stays exact where a delta could not: an organisation's deletion removes its
-- memberships before its own trigger runs, so its status is no longer there to be read).
CREATE OR REPLACE FUNCTION mosaic_facet_count_recount_clusters(cluster_ids text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(cluster_ids), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM mosaic_facet_count_lock();
  DELETE FROM organisation_facet_count WHERE facet = 'cluster' AND value = ANY (cluster_ids);
  INSERT INTO organisation_facet_count (facet, value, count)
    SELECT 'cluster', m.cluster_id, count(*)::int
    FROM cluster_membership m JOIN organisation o ON o.id = m.organisation_id AND o.status = 'published'
    WHERE m.cluster_id = ANY (cluster_ids)
    GROUP BY m.cluster_id ORDER BY m.cluster_id;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_facet_count_organisations() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  added organisation_facet_count[];
  removed organisation_facet_count[];
BEGIN
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

CREATE OR REPLACE FUNCTION mosaic_facet_count_memberships() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  cluster_ids text[] := '{}';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    cluster_ids := cluster_ids || array(SELECT DISTINCT n.cluster_id FROM new_rows n);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    cluster_ids := cluster_ids || array(SELECT DISTINCT o.cluster_id FROM old_rows o);
  END IF;
  PERFORM mosaic_facet_count_recount_clusters(cluster_ids);
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE TRIGGER organisation_facet_count_insert AFTER INSERT ON organisation
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_facet_count_organisations();
--> statement-breakpoint
CREATE TRIGGER organisation_facet_count_update AFTER UPDATE ON organisation
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_facet_count_organisations();
--> statement-breakpoint
CREATE TRIGGER organisation_facet_count_delete AFTER DELETE ON organisation
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_facet_count_organisations();
--> statement-breakpoint
CREATE TRIGGER cluster_membership_facet_count_insert AFTER INSERT ON cluster_membership
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_facet_count_memberships();
--> statement-breakpoint
CREATE TRIGGER cluster_membership_facet_count_update AFTER UPDATE ON cluster_membership
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_facet_count_memberships();
--> statement-breakpoint
CREATE TRIGGER cluster_membership_facet_count_delete AFTER DELETE ON cluster_membership
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_facet_count_memberships();
--> statement-breakpoint

-- The counts of the directory as it is.
INSERT INTO organisation_facet_count (facet, value, count)
  SELECT k.facet, k.value, count(*)::int FROM organisation o CROSS JOIN LATERAL mosaic_facet_keys(o) k GROUP BY k.facet, k.value;
--> statement-breakpoint
INSERT INTO organisation_facet_count (facet, value, count)
  SELECT 'cluster', m.cluster_id, count(*)::int
  FROM cluster_membership m JOIN organisation o ON o.id = m.organisation_id AND o.status = 'published'
  GROUP BY m.cluster_id;

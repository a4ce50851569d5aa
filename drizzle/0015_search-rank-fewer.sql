-- Search (decision 0008): of the candidates of each kind a page draws from (and counts), only the
-- first `ranked` get a full-text rank; the others are ordered by the exact-name bonus alone, after
-- the ranked ones. ts_rank reads each candidate's whole document: ranking 1,000 candidates of a
-- common term cost as much as finding them.
DROP FUNCTION IF EXISTS mosaic_search_ranked(text, text, text[], integer);
--> statement-breakpoint

-- The matches of a query (text form, as built by mosaic_search_query) among public documents of
-- the given kinds: the first `candidates` matches of each kind the GIN index gives, the first
-- `ranked` of them ranked as mosaic_search_hits_for ranks them (full-text rank plus one for a name
-- equal to the query in search form), the rest with the name bonus only. Each kind is bounded
-- apart, so the few clusters matching a word are always ranked, however many organisations match.
CREATE OR REPLACE FUNCTION mosaic_search_ranked(tsquery_text text, normalised text, kinds text[], candidates integer, ranked integer)
RETURNS TABLE (kind text, entity_id text, rank real)
LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100 SET enable_seqscan = off AS $$
DECLARE
  one_kind text;
BEGIN
  IF tsquery_text IS NULL OR tsquery_text = '' THEN
    RETURN;
  END IF;
  FOREACH one_kind IN ARRAY kinds LOOP
    RETURN QUERY EXECUTE format(
      'SELECT d.kind, d.entity_id, (CASE WHEN d.n <= %5$s THEN ts_rank(d.document, %1$L::tsquery) ELSE 0 END
          + CASE WHEN position(%2$L IN '' / '' || d.names || '' / '') > 0 THEN 1 ELSE 0 END)::real
       FROM (SELECT s.kind, s.entity_id, s.document, s.names, row_number() OVER () AS n FROM search_document s
             WHERE s.document @@ %1$L::tsquery AND s.kind = %3$L AND s.is_public LIMIT %4$s) d',
      tsquery_text, ' / ' || coalesce(normalised, '') || ' / ', one_kind, candidates, ranked);
  END LOOP;
END
$$;

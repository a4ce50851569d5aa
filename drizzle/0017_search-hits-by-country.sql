-- A directory view filtered by country and search text ranks only that country's matches: the
-- search documents keep their country, so the GIN index's matches are narrowed there before
-- anything is ranked or joined (a common word matches a fifth of 100,000 organisations; one
-- country's share of them is a few thousand). The ranking is the one of mosaic_search_hits_for,
-- which now calls this function with no countries.
CREATE OR REPLACE FUNCTION mosaic_search_hits_for(tsquery_text text, normalised text, kinds text[], include_hidden boolean, countries text[])
RETURNS TABLE (kind text, entity_id text, rank real)
LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100 AS $$
BEGIN
  IF tsquery_text IS NULL OR tsquery_text = '' THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE format(
    'SELECT d.kind, d.entity_id, (ts_rank(d.document, %1$L::tsquery)
        + CASE WHEN position(%2$L IN '' / '' || d.names || '' / '') > 0 THEN 1 ELSE 0 END)::real
     FROM search_document d WHERE d.document @@ %1$L::tsquery AND d.kind = ANY (%3$L::text[])%4$s%5$s',
    tsquery_text, ' / ' || coalesce(normalised, '') || ' / ', kinds,
    CASE WHEN include_hidden THEN '' ELSE ' AND d.is_public' END,
    CASE WHEN countries IS NULL THEN '' ELSE format(' AND d.country_iso2 = ANY (%L::text[])', countries) END);
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_hits_for(tsquery_text text, normalised text, kinds text[], include_hidden boolean)
RETURNS TABLE (kind text, entity_id text, rank real)
LANGUAGE sql STABLE PARALLEL SAFE ROWS 100 AS $$
  SELECT * FROM mosaic_search_hits_for(tsquery_text, normalised, kinds, include_hidden, NULL::text[])
$$;
--> statement-breakpoint

-- The matches of a query text among documents of the given kinds and countries.
CREATE OR REPLACE FUNCTION mosaic_search_hits(query text, kinds text[], include_hidden boolean, countries text[])
RETURNS TABLE (kind text, entity_id text, rank real)
LANGUAGE sql STABLE PARALLEL SAFE ROWS 100 AS $$
  SELECT * FROM mosaic_search_hits_for(mosaic_search_query(query)::text, mosaic_normalise(query), kinds, include_hidden, countries)
$$;

-- mosaic_strip_prefixes as in 0009 again. Migration 0016 gave it a CASE (a cheaper path for text
-- without Arabic letters); a CASE is not strict, so PostgreSQL stopped inlining this STRICT SQL
-- function into its callers, and mosaic_search_names became six times slower (30,000 rows: 2.9 s
-- against 0.44 s), which made indexing a quarter more expensive than before 0016. Same results.
CREATE OR REPLACE FUNCTION mosaic_strip_prefixes(folded text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(regexp_replace(regexp_replace(' ' || folded,
    ' (?:وال|بال|كال|فال|لل|ال)(?=[^ ]{2})', ' ', 'g'),
    ' و(?=[^ ]{3})', ' ', 'g'),
    ' {2,}', ' ', 'g'), ' ')
$$;

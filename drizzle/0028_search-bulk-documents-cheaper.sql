-- Bulk indexing, cheaper per document (decision 0010, session 5). The documents are unchanged:
-- an int test and a comparison of the benchmark directory's 100,000 documents check it.
--
-- 1. Names: mosaic_strip_prefixes runs three regular expressions on each name in each language.
--    Its first two only remove Arabic prefixes, all of which contain ل or و: a name without either
--    letter (every French and English name) only needs runs of spaces folded and the ends trimmed,
--    and a name without two spaces in a row only the trimming.
-- 2. Taxonomy: the vector of each combination of codes is aggregated in one statement for the whole
--    batch, instead of one call of mosaic_search_taxonomy_vector (a statement of its own) per
--    combination. Same rows, same order, same concatenation.

CREATE OR REPLACE FUNCTION mosaic_search_document(
  kind text, id text, slug text, name jsonb, city_lexemes tsvector, description jsonb, products jsonb, source_locale text,
  country_iso2 text, is_public boolean, is_demo boolean, taxonomy tsvector
) RETURNS search_document
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  name_ar text := mosaic_fold(name->>'ar');
  name_fr text := mosaic_fold(name->>'fr');
  name_en text := mosaic_fold(name->>'en');
  texts tsvector := '';
BEGIN
  IF coalesce(description->>'ar', description->>'fr', description->>'en', products->>'ar', products->>'fr', products->>'en') IS NOT NULL THEN
    texts := mosaic_search_lexemes(
      mosaic_fold(concat_ws(' ', description->>'ar', products->>'ar')),
      mosaic_fold(concat_ws(' ', description->>'fr', products->>'fr')),
      mosaic_fold(concat_ws(' ', description->>'en', products->>'en')), 'C', true);
  END IF;
  RETURN ROW(kind, id, slug, name, mosaic_search_summary(description), source_locale, country_iso2, is_public, is_demo,
    concat_ws(' / ',
      nullif(CASE WHEN strpos(name_ar, 'ل') = 0 AND strpos(name_ar, 'و') = 0
        THEN CASE WHEN strpos(name_ar, '  ') = 0 THEN btrim(name_ar, ' ') ELSE btrim(regexp_replace(name_ar, ' {2,}', ' ', 'g'), ' ') END
        ELSE mosaic_strip_prefixes(name_ar) END, ''),
      nullif(CASE WHEN strpos(name_fr, 'ل') = 0 AND strpos(name_fr, 'و') = 0
        THEN CASE WHEN strpos(name_fr, '  ') = 0 THEN btrim(name_fr, ' ') ELSE btrim(regexp_replace(name_fr, ' {2,}', ' ', 'g'), ' ') END
        ELSE mosaic_strip_prefixes(name_fr) END, ''),
      nullif(CASE WHEN strpos(name_en, 'ل') = 0 AND strpos(name_en, 'و') = 0
        THEN CASE WHEN strpos(name_en, '  ') = 0 THEN btrim(name_en, ' ') ELSE btrim(regexp_replace(name_en, ' {2,}', ' ', 'g'), ' ') END
        ELSE mosaic_strip_prefixes(name_en) END, '')),
    mosaic_search_lexemes(name_ar, name_fr, name_en, 'A', true)
      || coalesce(city_lexemes, '')
      || coalesce(taxonomy, '')
      || texts,
    now())::search_document;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_write_statement(kind text, source text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT format($f$
    WITH entities AS MATERIALIZED (
      SELECT * FROM %1$s e
    ), combinations AS MATERIALIZED (
      SELECT DISTINCT %2$s AS s, e.material_codes AS m, e.country_iso2 AS c FROM entities e
    ), taxonomy AS MATERIALIZED (
      SELECT k.s, k.m, k.c, coalesce(mosaic_tsvector_agg(t.vector ORDER BY t.subject_kind, t.code), '') AS vector
      FROM combinations k LEFT JOIN search_taxonomy t
        ON (t.subject_kind = 'subsector' AND t.code = ANY (k.s))
        OR (t.subject_kind = 'material' AND t.code = ANY (k.m))
        OR (t.subject_kind = 'country' AND t.code = k.c)
      GROUP BY k.s, k.m, k.c
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

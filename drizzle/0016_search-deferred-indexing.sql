-- Search, deferred indexing for bulk writers (decision 0010), and cheaper document building.
--
-- A bulk writer (the directory import) switches the organisation and cluster search triggers off
-- for its own transaction with set_config('mosaic.search_deferred', 'on', true) and, before it
-- commits, indexes the rows it wrote with one set-based call, mosaic_search_index(kind, ids): a
-- committed batch is always searchable, and a crash rolls back rows and documents together.
-- Deletes are always indexed by their trigger.
--
-- Documents stay exactly as before (the same functions compute the same values); building them
-- repeats less per row: a city's lexemes are computed once per distinct city of the statement (as
-- taxonomy lexemes are per combination), empty descriptions skip the lexeme functions, and text
-- without an Arabic letter skips the Arabic prefix expressions.

CREATE OR REPLACE FUNCTION mosaic_search_deferred() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(current_setting('mosaic.search_deferred', true), '') = 'on'
$$;
--> statement-breakpoint

-- As before (0009); text without an Arabic letter has no prefix to remove, only spaces to tidy.
CREATE OR REPLACE FUNCTION mosaic_strip_prefixes(folded text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN folded ~ '[\u0600-\u06ff]' THEN
    btrim(regexp_replace(regexp_replace(regexp_replace(' ' || folded,
      ' (?:وال|بال|كال|فال|لل|ال)(?=[^ ]{2})', ' ', 'g'),
      ' و(?=[^ ]{3})', ' ', 'g'),
      ' {2,}', ' ', 'g'), ' ')
  ELSE btrim(regexp_replace(folded, ' {2,}', ' ', 'g'), ' ') END
$$;
--> statement-breakpoint

DROP FUNCTION IF EXISTS mosaic_search_document(text, text, text, jsonb, jsonb, jsonb, jsonb, text, text, boolean, boolean, tsvector);
--> statement-breakpoint

-- A document's lexemes: names (A), city and taxonomy (B), descriptions and products (C). The
-- caller computes `city_lexemes` (mosaic_search_vector(city, 'B', false)) once per distinct city
-- and `taxonomy` once per combination of codes. No description and no products: no C lexemes
-- (what the lexeme functions return for empty texts).
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
    mosaic_search_names(name_ar, name_fr, name_en),
    mosaic_search_lexemes(name_ar, name_fr, name_en, 'A', true)
      || coalesce(city_lexemes, '')
      || coalesce(taxonomy, '')
      || texts,
    now())::search_document;
END
$$;
--> statement-breakpoint

-- The statement (re)writing the documents of the organisations or clusters in `source`, a FROM
-- item: a table, a trigger's transition table, or a parenthesised query (which may use $1), and
-- adding their name words to the vocabulary.
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
    INSERT INTO search_word (word) SELECT DISTINCT mosaic_search_words(names) FROM written ON CONFLICT DO NOTHING
  $f$, source,
    CASE kind WHEN 'organisation' THEN 'e.subsector_codes' ELSE 'ARRAY[e.subsector_code]' END,
    kind,
    CASE kind WHEN 'organisation' THEN 'e.products' ELSE 'NULL::jsonb' END,
    CASE kind WHEN 'organisation' THEN 'e.status = ''published''' ELSE 'true' END)
$$;
--> statement-breakpoint

-- The documents of these organisations or clusters (kind `organisation` or `cluster`, the name of
-- its table) rebuilt in one statement: what a bulk writer that deferred indexing calls before it
-- commits. Ids of rows that no longer exist lose their documents.
CREATE OR REPLACE FUNCTION mosaic_search_index(kind text, ids text[]) RETURNS void
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF kind NOT IN ('organisation', 'cluster') THEN
    RAISE EXCEPTION 'mosaic_search_index: unknown kind %', kind;
  END IF;
  DELETE FROM search_document d WHERE d.kind = mosaic_search_index.kind AND d.entity_id = ANY (ids);
  EXECUTE mosaic_search_write_statement(kind, format('(SELECT * FROM %I WHERE id = ANY ($1))', kind)) USING ids;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_index_organisations() RETURNS trigger
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF mosaic_search_deferred() THEN
    RETURN NULL;
  END IF;
  DELETE FROM search_document d USING changed_rows o WHERE d.kind = 'organisation' AND d.entity_id = o.id;
  EXECUTE mosaic_search_write_statement('organisation', 'changed_rows');
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_index_clusters() RETURNS trigger
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF mosaic_search_deferred() THEN
    RETURN NULL;
  END IF;
  DELETE FROM search_document d USING changed_rows c WHERE d.kind = 'cluster' AND d.entity_id = c.id;
  EXECUTE mosaic_search_write_statement('cluster', 'changed_rows');
  RETURN NULL;
END
$$;

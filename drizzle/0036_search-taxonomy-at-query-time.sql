-- Taxonomy terms matched at query time (decision 0008, amendment of session 7). A document used to
-- carry the lexemes of its subsectors, materials and country in three languages with their
-- synonyms: about 60 of its 80 lexemes, written into the GIN index for every row. It now carries
-- one token per code ('~subsector~jewellery', '~material~silver', '~country~TN'), and a query word
-- adds to its alternatives the tokens of the taxonomy terms whose lexemes it matches
-- (`search_taxonomy`, 37 rows). A document matches a word exactly when it did before: its own
-- lexemes match, or one of its terms' lexemes does. Query words never hold '~' (normalisation turns
-- punctuation into spaces), so no word, not even as a prefix, can match a token by itself.
--
-- Consequences: indexing 100,000 imported organisations costs the server about 7 s less CPU, and
-- a change of a label or synonym refreshes the 37 taxonomy rows instead of every document.

-- One expression, no subquery, STABLE like array_to_string: PostgreSQL inlines it into the write
-- statement instead of running a plan for each row.
CREATE OR REPLACE FUNCTION mosaic_search_taxonomy_tokens(subsector_codes text[], material_codes text[], country_iso2 text)
RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT setweight(array_to_tsvector(string_to_array(btrim(
    coalesce('~subsector~' || nullif(array_to_string(subsector_codes, ' ~subsector~'), '') || ' ', '')
    || coalesce('~material~' || nullif(array_to_string(material_codes, ' ~material~'), '') || ' ', '')
    || coalesce('~country~' || country_iso2, ''), ' '), ' ')), 'B')
$$;
--> statement-breakpoint

-- The document of a record, as mosaic_search_document (0028) built it, in SQL returning a set of one
-- row: PostgreSQL inlines such a function into the write statement (a PL/pgSQL function runs its
-- statements for each row). The int test and a comparison of the benchmark directory's 100,340
-- documents check that they are unchanged.
CREATE OR REPLACE FUNCTION mosaic_search_document_rows(
  kind text, id text, slug text, name jsonb, city_lexemes tsvector, description jsonb, products jsonb, source_locale text,
  country_iso2 text, is_public boolean, is_demo boolean, taxonomy tsvector
) RETURNS SETOF search_document
LANGUAGE sql STABLE PARALLEL SAFE ROWS 1 AS $$
  SELECT kind, id, slug, name, mosaic_search_summary(description), source_locale, country_iso2, is_public, is_demo,
    concat_ws(' / ',
      nullif(CASE WHEN strpos(n.ar, 'ل') = 0 AND strpos(n.ar, 'و') = 0
        THEN CASE WHEN strpos(n.ar, '  ') = 0 THEN btrim(n.ar, ' ') ELSE btrim(regexp_replace(n.ar, ' {2,}', ' ', 'g'), ' ') END
        ELSE mosaic_strip_prefixes(n.ar) END, ''),
      nullif(CASE WHEN strpos(n.fr, 'ل') = 0 AND strpos(n.fr, 'و') = 0
        THEN CASE WHEN strpos(n.fr, '  ') = 0 THEN btrim(n.fr, ' ') ELSE btrim(regexp_replace(n.fr, ' {2,}', ' ', 'g'), ' ') END
        ELSE mosaic_strip_prefixes(n.fr) END, ''),
      nullif(CASE WHEN strpos(n.en, 'ل') = 0 AND strpos(n.en, 'و') = 0
        THEN CASE WHEN strpos(n.en, '  ') = 0 THEN btrim(n.en, ' ') ELSE btrim(regexp_replace(n.en, ' {2,}', ' ', 'g'), ' ') END
        ELSE mosaic_strip_prefixes(n.en) END, '')),
    mosaic_search_lexemes(n.ar, n.fr, n.en, 'A', true)
      || coalesce(city_lexemes, '')
      || coalesce(taxonomy, '')
      || CASE WHEN coalesce(description->>'ar', description->>'fr', description->>'en', products->>'ar', products->>'fr', products->>'en') IS NOT NULL
           THEN mosaic_search_lexemes(
             mosaic_fold(concat_ws(' ', description->>'ar', products->>'ar')),
             mosaic_fold(concat_ws(' ', description->>'fr', products->>'fr')),
             mosaic_fold(concat_ws(' ', description->>'en', products->>'en')), 'C', true)
           ELSE ''::tsvector END,
    now()
  -- OFFSET 0 keeps the folded names a subquery, computed once: pulled up, each use of n.ar would fold
  -- the name again (20,000 documents: 4.3-4.6 s unfenced, 3.3-3.4 s fenced, 3.8-3.9 s in PL/pgSQL).
  FROM (SELECT mosaic_fold(name->>'ar') AS ar, mosaic_fold(name->>'fr') AS fr, mosaic_fold(name->>'en') AS en OFFSET 0) n
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_write_statement(kind text, source text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT format($f$
    WITH entities AS MATERIALIZED (
      SELECT * FROM %1$s e
    ), cities AS MATERIALIZED (
      SELECT city, mosaic_search_vector(city, 'B', false) AS vector
      FROM (SELECT DISTINCT coalesce(e.city, '{}') AS city FROM entities e) distinct_cities
    ), written AS (
      INSERT INTO search_document
      SELECT d.* FROM entities e
      JOIN cities ci ON ci.city = coalesce(e.city, '{}')
      CROSS JOIN LATERAL mosaic_search_document_rows(%3$L, e.id, e.slug, e.name, ci.vector, e.description, %4$s, e.source_locale,
        e.country_iso2, %5$s, e.is_demo, mosaic_search_taxonomy_tokens(%2$s, e.material_codes, e.country_iso2)) d
      RETURNING names
    )
    INSERT INTO search_word (word)
    SELECT DISTINCT w.word FROM written CROSS JOIN LATERAL mosaic_search_words(written.names) AS w(word) ORDER BY w.word
    ON CONFLICT DO NOTHING
  $f$, source,
    CASE kind WHEN 'organisation' THEN 'e.subsector_codes' ELSE 'ARRAY[e.subsector_code]' END,
    kind,
    CASE kind WHEN 'organisation' THEN 'e.products' ELSE 'NULL::jsonb' END,
    CASE kind WHEN 'organisation' THEN 'e.status = ''published''' ELSE 'true' END)
$$;
--> statement-breakpoint

-- As in 0014, and each word's clause also matches the tokens of the taxonomy terms it matches. The
-- 37 taxonomy rows are read by a sequential scan, which enable_seqscan = off (set for the trigram
-- lookup) prices at 10^10: without jit = off, PostgreSQL compiled that scan each time (40-150 ms).
CREATE OR REPLACE FUNCTION mosaic_search_query(query text) RETURNS tsquery
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET enable_seqscan TO 'off' SET jit TO 'off' AS $$
DECLARE
  terms text[];
  term text;
  alternatives text[];
  clause tsquery;
  tokens text[];
  result tsquery;
BEGIN
  SELECT array_agg(DISTINCT t) INTO terms FROM unnest(string_to_array(mosaic_normalise(query), ' ')) t WHERE t <> '';
  IF terms IS NULL THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(terms) t WHERE to_tsvector('english', t) <> '' AND to_tsvector('french', t) <> '') THEN
    terms := array(SELECT t FROM unnest(terms) t WHERE to_tsvector('english', t) <> '' AND to_tsvector('french', t) <> '');
  END IF;
  FOREACH term IN ARRAY terms LOOP
    alternatives := ARRAY[term]
      || array(SELECT lexeme FROM unnest(to_tsvector('english', term) || to_tsvector('french', term)))
      || CASE WHEN length(term) >= 4 THEN array(
           SELECT w.word FROM search_word w
           WHERE w.word % term AND w.word <> term AND similarity(w.word, term) >= 0.45
           ORDER BY similarity(w.word, term) DESC, w.word LIMIT 5)
         ELSE '{}'::text[] END;
    alternatives := alternatives || array(
      SELECT p || a FROM unnest(alternatives) a, unnest(ARRAY['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و']) p
      WHERE a ~ '^[\u0620-\u064a]' AND (p <> 'و' OR length(a) >= 3));
    IF length(term) >= 3 THEN
      clause := to_tsquery('simple', '(' || array_to_string(array(
        SELECT DISTINCT a || ':*' FROM unnest(alternatives) a
        WHERE NOT EXISTS (SELECT 1 FROM unnest(alternatives) b WHERE length(b) < length(a) AND left(a, length(b)) = b)
        ORDER BY 1), ' | ') || ')');
    ELSE
      clause := to_tsquery('simple', '(' || array_to_string(array(SELECT DISTINCT a FROM unnest(alternatives) a ORDER BY 1), ' | ') || ')');
    END IF;
    -- Tokens are cast, not parsed: to_tsquery would split '~material~olive-wood' into words.
    tokens := array(SELECT quote_literal('~' || t.subject_kind || '~' || t.code) FROM search_taxonomy t WHERE t.vector @@ clause ORDER BY 1);
    IF cardinality(tokens) > 0 THEN
      clause := clause || array_to_string(tokens, ' | ')::tsquery;
    END IF;
    result := CASE WHEN result IS NULL THEN clause ELSE result && clause END;
  END LOOP;
  RETURN result;
END
$$;
--> statement-breakpoint

-- Labels and synonyms live only in search_taxonomy now: a change refreshes it and the vocabulary
-- of typo matching; documents hold codes and stay as they are.
CREATE OR REPLACE FUNCTION mosaic_search_refresh_vocabulary() RETURNS void
LANGUAGE sql AS $$
  SELECT mosaic_search_refresh_taxonomy();
  INSERT INTO search_word (word)
  SELECT DISTINCT mosaic_search_words(mosaic_normalise(e.value))
  FROM (SELECT name FROM subsector UNION ALL SELECT name FROM sector_family UNION ALL SELECT name FROM material
        UNION ALL SELECT terms FROM search_synonym UNION ALL SELECT name FROM country) t(texts),
    jsonb_each_text(t.texts) e
  ON CONFLICT DO NOTHING;
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_taxonomy_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed boolean;
BEGIN
  -- Each branch names only the transition tables its trigger declares.
  IF TG_OP = 'INSERT' THEN
    changed := EXISTS (SELECT 1 FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    changed := EXISTS (SELECT 1 FROM old_rows);
  ELSE
    changed := EXISTS (SELECT to_jsonb(n) FROM new_rows n EXCEPT SELECT to_jsonb(o) FROM old_rows o);
  END IF;
  IF changed THEN
    PERFORM mosaic_search_refresh_vocabulary();
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint

DROP FUNCTION IF EXISTS mosaic_search_taxonomy_vector(text[], text[], text);
--> statement-breakpoint

DROP FUNCTION IF EXISTS mosaic_search_document(text, text, text, jsonb, tsvector, jsonb, jsonb, text, text, boolean, boolean, tsvector);
--> statement-breakpoint

-- The duplicate check's name index (0021) without an aggregate over jsonb_each_text: an expression
-- PostgreSQL inlines, instead of a plan run for each inserted row (3 s for 100,000 rows). Names hold
-- only the three locales, so the index answers the same; it is rebuilt all the same.
CREATE OR REPLACE FUNCTION mosaic_lowered_texts(texts jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_remove(ARRAY[lower(btrim(texts->>'ar')), lower(btrim(texts->>'fr')), lower(btrim(texts->>'en'))], NULL)
$$;
--> statement-breakpoint

REINDEX INDEX organisation_name_lowered_idx;
--> statement-breakpoint

-- Every document written again with tokens instead of taxonomy lexemes.
SELECT mosaic_search_reindex();

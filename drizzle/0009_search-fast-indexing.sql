-- Search, faster indexing (decision 0008). Replaces the functions of `search-triggers`:
-- documents are built from text FOLDED character by character (mosaic_fold: cheap), and the
-- Arabic article and و are handled at query time (each Arabic query word also matches its
-- prefixed forms), so indexing runs no per-word regular expressions; taxonomy lexemes are
-- computed once per term (search_taxonomy) instead of once per document.

DROP FUNCTION IF EXISTS mosaic_search_vector(jsonb, "char");
--> statement-breakpoint
DROP FUNCTION IF EXISTS mosaic_search_taxonomy(text[], text[], text);
--> statement-breakpoint
DROP FUNCTION IF EXISTS mosaic_search_add_words(jsonb[]);
--> statement-breakpoint
DROP FUNCTION IF EXISTS mosaic_search_names(jsonb);
--> statement-breakpoint
DROP FUNCTION IF EXISTS mosaic_search_organisation_document(organisation);
--> statement-breakpoint
DROP FUNCTION IF EXISTS mosaic_search_cluster_document(cluster);
--> statement-breakpoint

-- Characters in search form; the same rules as foldText in app/shared/search/normalise.ts.
-- Decomposition (NFD) runs only on text holding a letter it changes (Latin with diacritics, Arabic
-- hamza forms); rare letters are translated only when present: both tests are cheap, the work not.
CREATE OR REPLACE FUNCTION mosaic_fold(input text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  folded text := lower(input);
BEGIN
  IF folded ~ '[\u00c0-\u024f\u0622-\u0626\u1e00-\u1eff]' THEN
    folded := normalize(folded, NFD);
  END IF;
  folded := regexp_replace(folded, '[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+', '', 'g');
  folded := replace(replace(replace(replace(replace(replace(folded, 'ة', 'ه'), 'ى', 'ي'), 'ـ', ''), 'ٱ', 'ا'), 'ی', 'ي'), 'ک', 'ك');
  IF folded ~ '[٠-٩۰-۹ðøđħıłŀŋŧſßæœþĳ]' THEN
    folded := translate(folded, '٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹ðøđħıłŀŋŧſ', '01234567890123456789dodhillnts');
    folded := replace(replace(replace(replace(replace(folded, 'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'þ', 'th'), 'ĳ', 'ij');
  END IF;
  RETURN regexp_replace(folded,
    '[\u0001-\u001f\u0021-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u060c\u061b\u061f\u066a-\u066d\u06d4\u2000-\u206f\u3000-\u303f\ufeff]+',
    ' ', 'g');
END
$$;
--> statement-breakpoint

-- Per word of folded text: the article and its clitic forms removed when two letters remain,
-- then و when three remain; single spaces.
CREATE OR REPLACE FUNCTION mosaic_strip_prefixes(folded text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(regexp_replace(regexp_replace(' ' || folded,
    ' (?:وال|بال|كال|فال|لل|ال)(?=[^ ]{2})', ' ', 'g'),
    ' و(?=[^ ]{3})', ' ', 'g'),
    ' {2,}', ' ', 'g'), ' ')
$$;
--> statement-breakpoint

-- Text in search form (folded, then prefixes removed per word): names (rank) and queries.
CREATE OR REPLACE FUNCTION mosaic_normalise(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT mosaic_strip_prefixes(mosaic_fold(input))
$$;
--> statement-breakpoint

CREATE OR REPLACE AGGREGATE mosaic_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');
--> statement-breakpoint

-- Folded texts in Arabic, French and English as weighted lexemes: every language as written
-- (simple), plus English and French stems. Arabic is not stemmed: Snowball's arabic stemmer is
-- erratic (STACK-NOTES trap 13); the article forms at query time and typo matching cover Arabic.
CREATE OR REPLACE FUNCTION mosaic_search_lexemes(ar text, fr text, en text, weight "char", stemmed boolean) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  lexemes tsvector := to_tsvector('simple', concat_ws(' ', ar, fr, en));
BEGIN
  IF stemmed AND en <> '' THEN
    lexemes := lexemes || to_tsvector('english', en);
  END IF;
  IF stemmed AND fr <> '' THEN
    lexemes := lexemes || to_tsvector('french', fr);
  END IF;
  RETURN setweight(lexemes, weight);
END
$$;
--> statement-breakpoint

-- A translatable value ({ar, fr, en}) as weighted lexemes.
CREATE OR REPLACE FUNCTION mosaic_search_vector(texts jsonb, weight "char", stemmed boolean DEFAULT true) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT mosaic_search_lexemes(mosaic_fold(texts->>'ar'), mosaic_fold(texts->>'fr'), mosaic_fold(texts->>'en'), weight, stemmed)
$$;
--> statement-breakpoint

-- Each taxonomy term's lexemes: its names, its family's (subsectors), its keywords.
CREATE OR REPLACE FUNCTION mosaic_search_refresh_taxonomy() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM search_taxonomy;
  INSERT INTO search_taxonomy (subject_kind, code, vector)
  SELECT 'subsector', s.code, mosaic_search_vector(mosaic_search_merge(ARRAY[s.name, f.name, coalesce(k.terms, '{}')]), 'B')
  FROM subsector s JOIN sector_family f ON f.code = s.family_code
  LEFT JOIN search_synonym k ON k.subject_kind = 'subsector' AND k.code = s.code
  UNION ALL
  SELECT 'material', m.code, mosaic_search_vector(mosaic_search_merge(ARRAY[m.name, coalesce(k.terms, '{}')]), 'B')
  FROM material m LEFT JOIN search_synonym k ON k.subject_kind = 'material' AND k.code = m.code
  UNION ALL
  SELECT 'country', c.iso2, mosaic_search_vector(c.name, 'B') FROM country c;
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_taxonomy_vector(subsector_codes text[], material_codes text[], country_iso2 text) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(mosaic_tsvector_agg(t.vector ORDER BY t.subject_kind, t.code), '') FROM search_taxonomy t
  WHERE (t.subject_kind = 'subsector' AND t.code = ANY (subsector_codes))
    OR (t.subject_kind = 'material' AND t.code = ANY (material_codes))
    OR (t.subject_kind = 'country' AND t.code = country_iso2)
$$;
--> statement-breakpoint

-- Names in search form, one per language, separated by ' / ' (exact-name boost, similarity).
CREATE OR REPLACE FUNCTION mosaic_search_names(ar text, fr text, en text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT concat_ws(' / ', nullif(mosaic_strip_prefixes(ar), ''), nullif(mosaic_strip_prefixes(fr), ''), nullif(mosaic_strip_prefixes(en), ''))
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_summary(description jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_strip_nulls(jsonb_build_object(
    'ar', left(description->>'ar', 300), 'fr', left(description->>'fr', 300), 'en', left(description->>'en', 300))), '{}')
$$;
--> statement-breakpoint

-- A document's lexemes: names (A), city and taxonomy (B), descriptions and products (C). Each
-- text is folded once; `taxonomy` comes from search_taxonomy, computed by the caller once per
-- combination of codes rather than once per row. Only simple expressions (no subqueries), which
-- PL/pgSQL evaluates without the executor.
CREATE OR REPLACE FUNCTION mosaic_search_document(
  kind text, id text, slug text, name jsonb, city jsonb, description jsonb, products jsonb, source_locale text,
  country_iso2 text, is_public boolean, is_demo boolean, taxonomy tsvector
) RETURNS search_document
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  name_ar text := mosaic_fold(name->>'ar');
  name_fr text := mosaic_fold(name->>'fr');
  name_en text := mosaic_fold(name->>'en');
BEGIN
  RETURN ROW(kind, id, slug, name, mosaic_search_summary(description), source_locale, country_iso2, is_public, is_demo,
    mosaic_search_names(name_ar, name_fr, name_en),
    mosaic_search_lexemes(name_ar, name_fr, name_en, 'A', true)
      || mosaic_search_vector(city, 'B', false)
      || coalesce(taxonomy, '')
      || mosaic_search_lexemes(
        mosaic_fold(concat_ws(' ', description->>'ar', products->>'ar')),
        mosaic_fold(concat_ws(' ', description->>'fr', products->>'fr')),
        mosaic_fold(concat_ws(' ', description->>'en', products->>'en')), 'C', true),
    now())::search_document;
END
$$;
--> statement-breakpoint

-- The statement (re)writing the documents of the organisations or clusters in `source` (the table
-- itself, or a trigger's transition table), and adding their name words to the vocabulary; the
-- taxonomy lexemes are computed once per combination of subsectors, materials and country.
CREATE OR REPLACE FUNCTION mosaic_search_write_statement(kind text, source text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT format($f$
    WITH taxonomy AS MATERIALIZED (
      SELECT s, m, c, mosaic_search_taxonomy_vector(s, m, c) AS vector
      FROM (SELECT DISTINCT %2$s AS s, e.material_codes AS m, e.country_iso2 AS c FROM %1$I e) combinations
    ), written AS (
      INSERT INTO search_document
      SELECT d.* FROM %1$I e
      JOIN taxonomy t ON t.s = %2$s AND t.m = e.material_codes AND t.c = e.country_iso2
      CROSS JOIN LATERAL mosaic_search_document(%3$L, e.id, e.slug, e.name, e.city, e.description, %4$s, e.source_locale,
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

-- The words of a document's names (search form) worth matching a misspelt query word against.
CREATE OR REPLACE FUNCTION mosaic_search_words(names text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 8 AS $$
  SELECT w FROM unnest(string_to_array(replace(names, ' / ', ' '), ' ')) w WHERE length(w) >= 3 AND w !~ '^[0-9]+$'
$$;
--> statement-breakpoint

-- Transition tables are visible to the trigger function's own statements, dynamic ones included.
-- JIT is off for the writers: compiling the statement costs seconds and saves nothing here.
CREATE OR REPLACE FUNCTION mosaic_search_index_organisations() RETURNS trigger
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  DELETE FROM search_document d USING changed_rows o WHERE d.kind = 'organisation' AND d.entity_id = o.id;
  EXECUTE mosaic_search_write_statement('organisation', 'changed_rows');
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_index_clusters() RETURNS trigger
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  DELETE FROM search_document d USING changed_rows c WHERE d.kind = 'cluster' AND d.entity_id = c.id;
  EXECUTE mosaic_search_write_statement('cluster', 'changed_rows');
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- Every organisation and cluster document rebuilt, and the vocabulary with them (names of every
-- document, whatever its kind, and of the taxonomy terms and their keywords).
CREATE OR REPLACE FUNCTION mosaic_search_reindex() RETURNS void
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  PERFORM mosaic_search_refresh_taxonomy();
  DELETE FROM search_document WHERE kind IN ('organisation', 'cluster');
  DELETE FROM search_word;
  EXECUTE mosaic_search_write_statement('organisation', 'organisation');
  EXECUTE mosaic_search_write_statement('cluster', 'cluster');
  INSERT INTO search_word (word) SELECT DISTINCT mosaic_search_words(names) FROM search_document ON CONFLICT DO NOTHING;
  INSERT INTO search_word (word)
  SELECT DISTINCT mosaic_search_words(mosaic_normalise(e.value))
  FROM (SELECT name FROM subsector UNION ALL SELECT name FROM sector_family UNION ALL SELECT name FROM material
        UNION ALL SELECT terms FROM search_synonym UNION ALL SELECT name FROM country) t(texts),
    jsonb_each_text(t.texts) e
  ON CONFLICT DO NOTHING;
END
$$;
--> statement-breakpoint

-- A query as a tsquery: every word must match (English and French stop words are dropped when
-- other words remain), each as a prefix (three letters or more), its English and French stems, or
-- up to five vocabulary words it resembles (trigram similarity >= 0.5, words of four letters or
-- more: "betlehem" finds "bethlehem"); an Arabic alternative also matches with the article and its
-- clitic forms or و before it, as documents keep them. NULL when nothing is left to search.
-- The planner underrates the trigram index and would scan the whole vocabulary (hundreds of
-- milliseconds at 20,000 words, against two with the index): sequential scans are off inside.
CREATE OR REPLACE FUNCTION mosaic_search_query(query text) RETURNS tsquery
LANGUAGE plpgsql STABLE PARALLEL SAFE SET enable_seqscan = off AS $$
DECLARE
  terms text[];
  term text;
  alternatives text[];
  clauses text[] := '{}';
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
           WHERE w.word % term AND w.word <> term AND similarity(w.word, term) >= 0.5
           ORDER BY similarity(w.word, term) DESC, w.word LIMIT 5)
         ELSE '{}'::text[] END;
    alternatives := alternatives || array(
      SELECT p || a FROM unnest(alternatives) a, unnest(ARRAY['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و']) p
      WHERE a ~ '^[\u0620-\u064a]' AND (p <> 'و' OR length(a) >= 3));
    clauses := clauses || ('(' || array_to_string(array(
      SELECT DISTINCT CASE WHEN length(term) >= 3 THEN a || ':*' ELSE a END FROM unnest(alternatives) a ORDER BY 1), ' | ') || ')');
  END LOOP;
  RETURN to_tsquery('simple', array_to_string(clauses, ' & '));
END
$$;
--> statement-breakpoint

-- The matches of a query (as built by mosaic_search_query, text form) among documents of the
-- given kinds, with their rank: full-text rank (names weigh most, then city and taxonomy, then
-- descriptions) plus one for a name equal to the query in search form. Dynamic SQL puts the
-- tsquery in the statement as a constant, so the planner estimates it and uses the GIN index.
CREATE OR REPLACE FUNCTION mosaic_search_hits_for(tsquery_text text, normalised text, kinds text[], include_hidden boolean)
RETURNS TABLE (kind text, entity_id text, rank real)
LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100 AS $$
BEGIN
  IF tsquery_text IS NULL OR tsquery_text = '' THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE format(
    'SELECT d.kind, d.entity_id, (ts_rank(d.document, %1$L::tsquery)
        + CASE WHEN position(%2$L IN '' / '' || d.names || '' / '') > 0 THEN 1 ELSE 0 END)::real
     FROM search_document d WHERE d.document @@ %1$L::tsquery AND d.kind = ANY (%3$L::text[])%4$s',
    tsquery_text, ' / ' || coalesce(normalised, '') || ' / ', kinds, CASE WHEN include_hidden THEN '' ELSE ' AND d.is_public' END);
END
$$;
--> statement-breakpoint

-- The matches of a query text among documents of the given kinds (see mosaic_search_hits_for).
CREATE OR REPLACE FUNCTION mosaic_search_hits(query text, kinds text[], include_hidden boolean)
RETURNS TABLE (kind text, entity_id text, rank real)
LANGUAGE sql STABLE PARALLEL SAFE ROWS 100 AS $$
  SELECT * FROM mosaic_search_hits_for(mosaic_search_query(query)::text, mosaic_normalise(query), kinds, include_hidden)
$$;
--> statement-breakpoint

SELECT mosaic_search_reindex();

-- Search (decision 0008): the normaliser, the documents of organisations and clusters kept by
-- statement-level triggers, the vocabulary for typo matching, and trilingual taxonomy keywords.

-- The same rules as app/shared/search/normalise.ts (normalise.int.test.ts proves they agree).
CREATE OR REPLACE FUNCTION mosaic_normalise(input text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  folded text;
BEGIN
  folded := regexp_replace(normalize(lower(input), NFD), '[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed]', '', 'g');
  -- Letters decomposition leaves alone; tatweel (last, with no counterpart) is dropped.
  folded := translate(folded, 'ٱىیةک٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹ðøđħıłŀŋŧſـ', 'اييهك01234567890123456789dodhillnts');
  folded := replace(replace(replace(replace(replace(folded, 'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'þ', 'th'), 'ĳ', 'ij');
  folded := regexp_replace(folded,
    '[\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u060c\u061b\u061f\u066a-\u066d\u06d4\u2000-\u206f\u3000-\u303f\ufeff]+',
    ' ', 'g');
  -- Per word: the article and its clitic forms when two letters remain, then و when three remain.
  folded := regexp_replace(' ' || folded, ' (?:وال|بال|كال|فال|لل|ال)(?=[^ ]{2})', ' ', 'g');
  folded := regexp_replace(folded, ' و(?=[^ ]{3})', ' ', 'g');
  RETURN btrim(regexp_replace(folded, ' {2,}', ' ', 'g'), ' ');
END
$$;
--> statement-breakpoint

-- A translatable value ({ar, fr, en}) as weighted lexemes: every language as written (simple),
-- plus English and French stems of those languages. Arabic is not stemmed: Snowball's arabic
-- stemmer is erratic on normalised text (STACK-NOTES trap 13); normalisation and typo matching
-- cover Arabic instead.
CREATE OR REPLACE FUNCTION mosaic_search_vector(texts jsonb, weight "char") RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(
    to_tsvector('simple'::regconfig, coalesce(mosaic_normalise(concat_ws(' ', texts->>'ar', texts->>'fr', texts->>'en')), ''))
      || to_tsvector('english'::regconfig, coalesce(mosaic_normalise(texts->>'en'), ''))
      || to_tsvector('french'::regconfig, coalesce(mosaic_normalise(texts->>'fr'), '')),
    weight)
$$;
--> statement-breakpoint

-- Several translatable values merged per language (taxonomy names and their keywords).
CREATE OR REPLACE FUNCTION mosaic_search_merge(texts jsonb[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_object(
    'ar', (SELECT string_agg(t->>'ar', ' ') FROM unnest(texts) t),
    'fr', (SELECT string_agg(t->>'fr', ' ') FROM unnest(texts) t),
    'en', (SELECT string_agg(t->>'en', ' ') FROM unnest(texts) t))
$$;
--> statement-breakpoint

-- Names in search form, one per language, separated by ' / ' (exact-name boost, similarity).
CREATE OR REPLACE FUNCTION mosaic_search_names(name jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(concat_ws(' / ', mosaic_normalise(name->>'ar'), mosaic_normalise(name->>'fr'), mosaic_normalise(name->>'en')), '')
$$;
--> statement-breakpoint

-- Names of the taxonomy terms, the country and the keywords attached to the terms.
CREATE OR REPLACE FUNCTION mosaic_search_taxonomy(subsector_codes text[], material_codes text[], country_iso2 text) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT mosaic_search_merge(array(
    SELECT s.name FROM subsector s WHERE s.code = ANY (subsector_codes)
    UNION ALL SELECT f.name FROM sector_family f JOIN subsector s ON s.family_code = f.code WHERE s.code = ANY (subsector_codes)
    UNION ALL SELECT m.name FROM material m WHERE m.code = ANY (material_codes)
    UNION ALL SELECT k.terms FROM search_synonym k
      WHERE (k.subject_kind = 'subsector' AND k.code = ANY (subsector_codes)) OR (k.subject_kind = 'material' AND k.code = ANY (material_codes))
    UNION ALL SELECT c.name FROM country c WHERE c.iso2 = country_iso2))
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_organisation_document(o organisation) RETURNS search_document
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT 'organisation', o.id, o.slug, o.name,
    jsonb_strip_nulls(jsonb_build_object('ar', left(o.description->>'ar', 300), 'fr', left(o.description->>'fr', 300), 'en', left(o.description->>'en', 300))),
    o.source_locale, o.country_iso2, o.status = 'published', o.is_demo, mosaic_search_names(o.name),
    mosaic_search_vector(o.name, 'A')
      || mosaic_search_vector(coalesce(o.city, '{}'), 'B')
      || mosaic_search_vector(mosaic_search_taxonomy(o.subsector_codes, o.material_codes, o.country_iso2), 'B')
      || mosaic_search_vector(coalesce(o.description, '{}'), 'C')
      || mosaic_search_vector(coalesce(o.products, '{}'), 'C'),
    now()
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_cluster_document(c cluster) RETURNS search_document
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT 'cluster', c.id, c.slug, c.name,
    jsonb_strip_nulls(jsonb_build_object('ar', left(c.description->>'ar', 300), 'fr', left(c.description->>'fr', 300), 'en', left(c.description->>'en', 300))),
    c.source_locale, c.country_iso2, true, c.is_demo, mosaic_search_names(c.name),
    mosaic_search_vector(c.name, 'A')
      || mosaic_search_vector(coalesce(c.city, '{}'), 'B')
      || mosaic_search_vector(mosaic_search_taxonomy(ARRAY[c.subsector_code], c.material_codes, c.country_iso2), 'B')
      || mosaic_search_vector(coalesce(c.description, '{}'), 'C'),
    now()
$$;
--> statement-breakpoint

-- Adds the words of names (in search form) to the typo vocabulary.
CREATE OR REPLACE FUNCTION mosaic_search_add_words(names jsonb[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO search_word (word)
  SELECT DISTINCT w FROM unnest(names) n, jsonb_each_text(n) e, unnest(string_to_array(mosaic_normalise(e.value), ' ')) w
  WHERE length(w) >= 3
  ON CONFLICT DO NOTHING
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_index_organisations() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_document d USING changed_rows o WHERE d.kind = 'organisation' AND d.entity_id = o.id;
  INSERT INTO search_document SELECT d.* FROM changed_rows o CROSS JOIN LATERAL mosaic_search_organisation_document(o) d;
  PERFORM mosaic_search_add_words(array(SELECT o.name FROM changed_rows o));
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_index_clusters() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_document d USING changed_rows c WHERE d.kind = 'cluster' AND d.entity_id = c.id;
  INSERT INTO search_document SELECT d.* FROM changed_rows c CROSS JOIN LATERAL mosaic_search_cluster_document(c) d;
  PERFORM mosaic_search_add_words(array(SELECT c.name FROM changed_rows c));
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION mosaic_search_remove() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_document d USING removed_rows r WHERE d.kind = TG_ARGV[0] AND d.entity_id = r.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- Every organisation and cluster document rebuilt, and the vocabulary with them (names of every
-- document, whatever its kind, and of the taxonomy terms and their keywords).
CREATE OR REPLACE FUNCTION mosaic_search_reindex() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_document WHERE kind IN ('organisation', 'cluster');
  INSERT INTO search_document SELECT d.* FROM organisation o CROSS JOIN LATERAL mosaic_search_organisation_document(o) d;
  INSERT INTO search_document SELECT d.* FROM cluster c CROSS JOIN LATERAL mosaic_search_cluster_document(c) d;
  DELETE FROM search_word;
  PERFORM mosaic_search_add_words(array(SELECT d.title FROM search_document d));
  PERFORM mosaic_search_add_words(array(
    SELECT name FROM subsector UNION ALL SELECT name FROM sector_family UNION ALL SELECT name FROM material
    UNION ALL SELECT terms FROM search_synonym UNION ALL SELECT name FROM country));
END
$$;
--> statement-breakpoint

-- A taxonomy change reindexes everything, but only when a row really changed: the reference data
-- is upserted at every start, which fires the triggers with identical rows.
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
    PERFORM mosaic_search_reindex();
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- A query in search form as a tsquery: every word must match (English and French stop words are
-- dropped when other words remain), each as a prefix (three letters or more), its English and
-- French stems, or up to five indexed name words it resembles (trigram similarity >= 0.5, words
-- of four letters or more: "betlehem" finds "bethlehem"). NULL when nothing is left to search.
CREATE OR REPLACE FUNCTION mosaic_search_query(query text) RETURNS tsquery
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
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
    alternatives := ARRAY[CASE WHEN length(term) >= 3 THEN term || ':*' ELSE term END]
      || array(SELECT lexeme FROM unnest(to_tsvector('english', term) || to_tsvector('french', term)))
      || CASE WHEN length(term) >= 4 THEN array(
           SELECT w.word FROM search_word w
           WHERE w.word % term AND w.word <> term AND similarity(w.word, term) >= 0.5
           ORDER BY similarity(w.word, term) DESC, w.word LIMIT 5)
         ELSE '{}'::text[] END;
    clauses := clauses || ('(' || array_to_string(alternatives, ' | ') || ')');
  END LOOP;
  RETURN to_tsquery('simple', array_to_string(clauses, ' & '));
END
$$;
--> statement-breakpoint

-- Trilingual keywords for taxonomy terms whose names do not carry the words people search with
-- ("bijoux" and "مجوهرات" for the metals of jewellers).
INSERT INTO search_synonym (subject_kind, code, terms) VALUES
  ('subsector', 'fashion', '{"en": "jewelry apparel garments clothes shoes accessories", "fr": "bijouterie habillement accessoires couture", "ar": "أزياء حلي مصوغات ألبسة إكسسوارات"}'),
  ('subsector', 'habitat', '{"en": "homeware interiors decor crafts", "fr": "décoration intérieur artisanat", "ar": "ديكور أثاث حرف"}'),
  ('subsector', 'heritage', '{"en": "crafts restoration", "fr": "artisanat restauration", "ar": "حرف ترميم"}'),
  ('material', 'silver', '{"en": "jewellery jewelry jeweller silversmith silverware", "fr": "bijoux bijouterie bijoutier orfèvrerie argenterie", "ar": "مجوهرات حلي مصوغات صياغة فضيات"}'),
  ('material', 'gold', '{"en": "jewellery jewelry jeweller goldsmith", "fr": "bijoux bijouterie bijoutier orfèvre", "ar": "مجوهرات حلي مصوغات صياغة ذهبيات"}'),
  ('material', 'enamel', '{"en": "jewellery jewelry enamelling", "fr": "bijoux bijouterie émaillerie", "ar": "مجوهرات حلي"}'),
  ('material', 'copper', '{"en": "copperware coppersmith metalwork", "fr": "dinanderie dinandier", "ar": "نحاسيات"}'),
  ('material', 'brass', '{"en": "brassware metalwork", "fr": "dinanderie", "ar": "نحاسيات"}'),
  ('material', 'leather', '{"en": "leatherwork tannery bags", "fr": "maroquinerie tannerie sacs", "ar": "مصنوعات جلدية دباغة حقائب"}'),
  ('material', 'wood', '{"en": "woodwork carpentry carving furniture", "fr": "ébénisterie menuiserie sculpture meubles", "ar": "نجارة حفر أثاث"}'),
  ('material', 'olive-wood', '{"en": "woodwork carving", "fr": "sculpture olivier", "ar": "حفر زيتون"}'),
  ('material', 'ceramics', '{"en": "pottery earthenware porcelain", "fr": "poterie faïence porcelaine", "ar": "فخار سيراميك"}'),
  ('material', 'glass', '{"en": "glassware glassblowing", "fr": "verrerie", "ar": "زجاجيات"}'),
  ('material', 'mosaic', '{"en": "tesserae", "fr": "mosaïste", "ar": "موزاييك"}'),
  ('material', 'weaving', '{"en": "carpets rugs textiles", "fr": "tapis textiles", "ar": "سجاد حياكة"}'),
  ('material', 'home-textile', '{"en": "linen textiles", "fr": "linge textiles", "ar": "مفروشات"}'),
  ('material', 'embroidery', '{"en": "needlework", "fr": "brodeuse", "ar": "مطرزات"}')
ON CONFLICT DO NOTHING;
--> statement-breakpoint

CREATE TRIGGER organisation_search_insert AFTER INSERT ON organisation
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_index_organisations();
--> statement-breakpoint
CREATE TRIGGER organisation_search_update AFTER UPDATE ON organisation
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_index_organisations();
--> statement-breakpoint
CREATE TRIGGER organisation_search_delete AFTER DELETE ON organisation
  REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_remove('organisation');
--> statement-breakpoint
CREATE TRIGGER cluster_search_insert AFTER INSERT ON cluster
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_index_clusters();
--> statement-breakpoint
CREATE TRIGGER cluster_search_update AFTER UPDATE ON cluster
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_index_clusters();
--> statement-breakpoint
CREATE TRIGGER cluster_search_delete AFTER DELETE ON cluster
  REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_remove('cluster');
--> statement-breakpoint
CREATE TRIGGER country_search_insert AFTER INSERT ON country
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint
CREATE TRIGGER country_search_update AFTER UPDATE ON country
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint
CREATE TRIGGER country_search_delete AFTER DELETE ON country
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint
CREATE TRIGGER sector_family_search_insert AFTER INSERT ON sector_family
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint
CREATE TRIGGER sector_family_search_update AFTER UPDATE ON sector_family
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint
CREATE TRIGGER sector_family_search_delete AFTER DELETE ON sector_family
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint
CREATE TRIGGER subsector_search_insert AFTER INSERT ON subsector
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint
CREATE TRIGGER subsector_search_update AFTER UPDATE ON subsector
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint
CREATE TRIGGER subsector_search_delete AFTER DELETE ON subsector
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint
CREATE TRIGGER material_search_insert AFTER INSERT ON material
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint
CREATE TRIGGER material_search_update AFTER UPDATE ON material
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint
CREATE TRIGGER material_search_delete AFTER DELETE ON material
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint
CREATE TRIGGER search_synonym_search_insert AFTER INSERT ON search_synonym
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint
CREATE TRIGGER search_synonym_search_update AFTER UPDATE ON search_synonym
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint
CREATE TRIGGER search_synonym_search_delete AFTER DELETE ON search_synonym
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mosaic_search_taxonomy_changed();
--> statement-breakpoint

-- Index what is already there.
SELECT mosaic_search_reindex();

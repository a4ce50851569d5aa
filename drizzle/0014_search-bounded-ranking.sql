-- Search at 100,000 documents (decision 0008, "bounded ranking"): a page of results ranks at most
-- a bounded number of candidates per kind, and the same candidates give the counts, which stop
-- there (shown as "1,000+"); a query drops the prefix alternatives a shorter prefix of the same
-- word already covers. `mosaic_search_hits` (lists
-- filtering by a search) is unchanged: it still returns every match.

-- A query as a tsquery: every word must match (English and French stop words are dropped when
-- other words remain), each as a prefix (three letters or more), its English and French stems, or
-- up to five vocabulary words it resembles (trigram similarity >= 0.45, words of four letters or
-- more: "betlehem" finds "bethlehem"); an Arabic alternative also matches with the article and its
-- clitic forms or و before it, as documents keep them. An alternative that a shorter one of the
-- same word covers as a prefix is dropped ("jeweller:*" covers "jewelleri:*", "jewellers:*",
-- "jewellery:*"): the same matches for less index work. NULL when nothing is left to search.
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
           WHERE w.word % term AND w.word <> term AND similarity(w.word, term) >= 0.45
           ORDER BY similarity(w.word, term) DESC, w.word LIMIT 5)
         ELSE '{}'::text[] END;
    alternatives := alternatives || array(
      SELECT p || a FROM unnest(alternatives) a, unnest(ARRAY['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و']) p
      WHERE a ~ '^[\u0620-\u064a]' AND (p <> 'و' OR length(a) >= 3));
    IF length(term) >= 3 THEN
      clauses := clauses || ('(' || array_to_string(array(
        SELECT DISTINCT a || ':*' FROM unnest(alternatives) a
        WHERE NOT EXISTS (SELECT 1 FROM unnest(alternatives) b WHERE length(b) < length(a) AND left(a, length(b)) = b)
        ORDER BY 1), ' | ') || ')');
    ELSE
      clauses := clauses || ('(' || array_to_string(array(SELECT DISTINCT a FROM unnest(alternatives) a ORDER BY 1), ' | ') || ')');
    END IF;
  END LOOP;
  RETURN to_tsquery('simple', array_to_string(clauses, ' & '));
END
$$;
--> statement-breakpoint

-- The best matches of a query (text form, as built by mosaic_search_query) among public documents
-- of the given kinds, ranked as mosaic_search_hits_for ranks them, but only among the first
-- `candidates` matches of each kind the GIN index gives: a common term (a fifth of the directory)
-- costs a bounded ranking, not one per match. Each kind is bounded apart, so the few clusters
-- matching a word are always ranked, however many organisations match it too.
CREATE OR REPLACE FUNCTION mosaic_search_ranked(tsquery_text text, normalised text, kinds text[], candidates integer)
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
      'SELECT d.kind, d.entity_id, (ts_rank(d.document, %1$L::tsquery)
          + CASE WHEN position(%2$L IN '' / '' || d.names || '' / '') > 0 THEN 1 ELSE 0 END)::real
       FROM (SELECT s.kind, s.entity_id, s.document, s.names FROM search_document s
             WHERE s.document @@ %1$L::tsquery AND s.kind = %3$L AND s.is_public LIMIT %4$s) d',
      tsquery_text, ' / ' || coalesce(normalised, '') || ' / ', one_kind, candidates);
  END LOOP;
END
$$;

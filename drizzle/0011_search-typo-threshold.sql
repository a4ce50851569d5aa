-- Typo matching also forgives a swapped pair of letters: "poterei" is 0.45 similar to "poterie"
-- (trigram similarity), below the 0.5 of `search-fast-indexing`. Only the threshold changes.
-- A query as a tsquery: every word must match (English and French stop words are dropped when
-- other words remain), each as a prefix (three letters or more), its English and French stems, or
-- up to five vocabulary words it resembles (trigram similarity >= 0.45, words of four letters or
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
           WHERE w.word % term AND w.word <> term AND similarity(w.word, term) >= 0.45
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

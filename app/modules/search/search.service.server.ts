/**
 * One search across clusters and organisations (and the kinds later modules add): ranked,
 * paginated, with the matching words marked on each result's title and summary. Reading only
 * public documents, it needs no permission: anyone may search, and what anyone finds is what
 * visitors may see (published organisations; never contact details, which are not indexed).
 */
import type { Actor } from '#app/shared/auth/actor.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { highlightMatches, normaliseForSearch, searchTerms } from '#app/shared/search/index.ts';
import { parseInput } from '#app/shared/validation.ts';
import {
  SEARCH_COUNT_CAP,
  SEARCH_MAX_PAGE,
  SEARCH_PAGE_SIZE,
  SEARCH_QUERY_MIN_LENGTH,
  SEARCH_RANKED_CANDIDATES,
  type SearchResponse,
  type SearchResult,
  searchInputSchema,
} from './search.contracts.ts';
import { buildTsquery, type SearchDocumentRow, selectSearchPage } from './search.repository.server.ts';
import { SEARCH_KIND_CODES, SEARCH_KINDS, type SearchKindCode } from './search-kinds.ts';
import { tsqueryLexemes } from './tsquery-lexemes.ts';

function highlighted(text: Record<string, string>, words: readonly string[]) {
  const segments: Partial<Record<Locale, ReturnType<typeof highlightMatches>>> = {};
  for (const [lang, value] of Object.entries(text)) {
    if (lang === 'ar' || lang === 'fr' || lang === 'en') segments[lang] = highlightMatches(value, words);
  }
  return segments;
}

function toResult(row: SearchDocumentRow, words: readonly string[]): SearchResult {
  const kind = row.kind as SearchKindCode;
  return {
    kind,
    slug: row.slug,
    path: SEARCH_KINDS[kind].path(row.slug),
    title: row.title,
    summary: row.summary,
    sourceLocale: row.source_locale,
    countryIso2: row.country_iso2,
    isDemo: row.is_demo,
    rank: Number(row.rank),
    highlights: { title: highlighted(row.title, words), summary: highlighted(row.summary, words) },
  };
}

function perKind<T>(value: (code: SearchKindCode) => T): Record<SearchKindCode, T> {
  return Object.fromEntries(SEARCH_KIND_CODES.map((code) => [code, value(code)])) as Record<SearchKindCode, T>;
}

export async function search(_actor: Actor, input: unknown): Promise<SearchResponse> {
  const { q, kind, page } = parseInput(searchInputSchema, input);
  const kinds = kind ?? [...SEARCH_KIND_CODES];
  const normalised = normaliseForSearch(q);
  const empty = (tooShort: boolean): SearchResponse => ({
    query: q,
    tooShort,
    items: [],
    total: 0,
    totalIsCapped: false,
    counts: perKind(() => 0),
    countIsCapped: perKind(() => false),
    page,
    pageSize: SEARCH_PAGE_SIZE,
    pageCount: 0,
  });
  if (normalised.replaceAll(' ', '').length < SEARCH_QUERY_MIN_LENGTH) return empty(true);

  const db = getDb();
  const tsquery = await buildTsquery(db, q);
  if (!tsquery) return empty(false);
  // One more candidate than the cap tells a capped count from an exact one.
  const { rows, counts: counted } = await selectSearchPage(db, {
    tsquery,
    normalised,
    kinds,
    countedKinds: SEARCH_KIND_CODES,
    candidates: SEARCH_COUNT_CAP + 1,
    ranked: SEARCH_RANKED_CANDIDATES,
    limit: SEARCH_PAGE_SIZE,
    offset: (page - 1) * SEARCH_PAGE_SIZE,
  });
  const counts = perKind((code) => Math.min(counted.get(code) ?? 0, SEARCH_COUNT_CAP));
  const countIsCapped = perKind((code) => (counted.get(code) ?? 0) > SEARCH_COUNT_CAP);
  const total = kinds.reduce((sum, code) => sum + counts[code], 0);
  // Mark the query's words and what the index matched for them (stems, corrected typos).
  const words = [...new Set([...searchTerms(q), ...tsqueryLexemes(tsquery)])];
  return {
    query: q,
    tooShort: false,
    items: rows.map((row) => toResult(row, words)),
    total,
    totalIsCapped: kinds.some((code) => countIsCapped[code]),
    counts,
    countIsCapped,
    page,
    pageSize: SEARCH_PAGE_SIZE,
    pageCount: Math.min(Math.ceil(total / SEARCH_PAGE_SIZE), SEARCH_MAX_PAGE),
  };
}

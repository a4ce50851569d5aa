/** What a search asks and answers, shared by the page, the service and `/api/v1/search`. */
import { z } from 'zod';
import { SEARCH_KIND_CODES } from './search-kinds.ts';

export const SEARCH_QUERY_MAX_LENGTH = 200;
/** Fewer letters than this (in search form) is too short to search. */
export const SEARCH_QUERY_MIN_LENGTH = 2;
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE = 50;
/**
 * Matches are counted, and ranked, up to this many per kind (decision 0008): a common term matches
 * a fifth of the directory, and ranking or counting all of it costs seconds. Pages reach no further.
 */
export const SEARCH_COUNT_CAP = SEARCH_MAX_PAGE * SEARCH_PAGE_SIZE;
/**
 * Of those, this many per kind get a full-text rank (the first ten pages); the rest follow in index
 * order, exact names first. Ranking reads every ranked document: 1,000 cost as much as finding them.
 */
export const SEARCH_RANKED_CANDIDATES = 200;

export const searchKindSchema = z.enum(SEARCH_KIND_CODES).meta({ id: 'SearchKind', description: 'What a result is.' });

/** A repeated query key arrives as an array, a single one as a string. */
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item.transform((value) => [value]), z.array(item)]);

export const searchInputSchema = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(SEARCH_QUERY_MAX_LENGTH)
    .meta({ description: 'The words to search, in any language.', example: 'bijoux' }),
  kind: oneOrMany(searchKindSchema)
    .optional()
    .meta({ description: 'Only results of these kinds (repeat the key for several); all kinds when absent.' }),
  page: z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE).default(1),
});
export type SearchInput = z.input<typeof searchInputSchema>;

const textSchema = z.object({ ar: z.string().optional(), fr: z.string().optional(), en: z.string().optional() });

export const highlightSegmentSchema = z
  .object({ text: z.string(), match: z.boolean() })
  .meta({ id: 'HighlightSegment', description: 'A piece of the original text; `match` marks a searched word.' });
const highlightedTextSchema = z.object({
  ar: z.array(highlightSegmentSchema).optional(),
  fr: z.array(highlightSegmentSchema).optional(),
  en: z.array(highlightSegmentSchema).optional(),
});

export const searchResultSchema = z
  .object({
    kind: searchKindSchema,
    slug: z.string(),
    /** Path of the result's page without the locale prefix. */
    path: z.string().meta({ example: '/clusters/batna-jewellery' }),
    title: textSchema,
    summary: textSchema.meta({ description: 'The start of the description in each language.' }),
    sourceLocale: z.string(),
    countryIso2: z.string().nullable(),
    isDemo: z.boolean(),
    rank: z.number(),
    highlights: z
      .object({ title: highlightedTextSchema, summary: highlightedTextSchema })
      .meta({ description: 'Title and summary in each language cut into segments, the matching words marked.' }),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchResponseSchema = z
  .object({
    query: z.string(),
    tooShort: z.boolean().meta({ description: 'True when the query has fewer than two letters to search: nothing was searched.' }),
    items: z.array(searchResultSchema),
    total: z.number().int().meta({ description: 'Results of the requested kinds (the sum of their counts).' }),
    totalIsCapped: z
      .boolean()
      .meta({ description: 'True when a count of a requested kind is capped: there are more results than `total`.' }),
    counts: z.record(searchKindSchema, z.number().int()).meta({
      description: `Results of every kind, whatever \`kind\` asked; counted up to ${SEARCH_COUNT_CAP} per kind (see \`countIsCapped\`).`,
    }),
    countIsCapped: z.record(searchKindSchema, z.boolean()).meta({
      description: `True for a kind with more than ${SEARCH_COUNT_CAP} results: its count says ${SEARCH_COUNT_CAP} ("${SEARCH_COUNT_CAP}+"), and only the best-ranked of its first matches are shown.`,
    }),
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
  })
  .meta({ id: 'SearchResponse' });
export type SearchResponse = z.infer<typeof searchResponseSchema>;

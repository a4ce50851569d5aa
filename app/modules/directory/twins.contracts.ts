/**
 * Contracts of the twins finder: its filters (from a page's query string or the API's) and its
 * results with their reasons as codes and evidence. `.meta({ id })` names the schemas in the
 * OpenAPI document.
 */
import { z } from 'zod';
import {
  clusterSummarySchema,
  iso2Schema,
  marketSchema,
  organisationContactSchema,
  organisationSummarySchema,
  organisationTypeSchema,
  referenceCodeSchema,
  sizeClassSchema,
  valueChainRoleSchema,
} from './directory.contracts.ts';
import { ORGANISATION_TYPES } from './directory.vocabulary.ts';

export const TWINS_PAGE_SIZE = 20;
export const TWINS_MAX_PAGE = 50;

/** Organisation twins over this number of candidates (by craft in common) are not considered. */
export const TWINS_ORGANISATION_CANDIDATES = TWINS_PAGE_SIZE * TWINS_MAX_PAGE;
/** Clusters are few (two per country in the programme): every twin is listed, up to this. */
export const TWINS_MAX_CLUSTERS = 50;

/** One value or the key repeated (`?country=TN&country=MA`): a sorted list without duplicates. */
function repeatable<T extends z.ZodType<string>>(item: T, max: number) {
  return z
    .union([item, z.array(item).max(max)])
    .optional()
    .transform((value): z.output<T>[] => [...new Set(value === undefined ? [] : Array.isArray(value) ? value : [value])].sort());
}

export const twinsFiltersSchema = z.object({
  country: repeatable(iso2Schema, 30).meta({
    description: 'Only twins in these countries (ISO 3166-1 alpha-2); repeat the key for several.',
  }),
  type: repeatable(organisationTypeSchema, ORGANISATION_TYPES.length).meta({
    description: 'Only organisations of these types; repeat the key for several. Clusters are not filtered by type.',
  }),
  page: z.coerce.number().int().min(1).max(TWINS_MAX_PAGE).default(1).meta({ description: 'Page of the organisation twins.' }),
});

export type TwinsFilters = z.output<typeof twinsFiltersSchema>;
export type TwinsFiltersInput = z.input<typeof twinsFiltersSchema>;

/**
 * Pages read their filters from the URL leniently (unknown values are dropped, a bad page number
 * means the first page), so a shared or hand-edited link still shows something useful.
 */
export function twinsFiltersFromSearchParams(params: URLSearchParams): TwinsFilters {
  const country = [...new Set(params.getAll('country'))].filter((value) => iso2Schema.safeParse(value).success).sort();
  const type = [...new Set(params.getAll('type'))]
    .filter((value) => organisationTypeSchema.safeParse(value).success)
    .sort() as TwinsFilters['type'];
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .max(TWINS_MAX_PAGE)
    .safeParse(params.get('page') ?? 1);
  return { country: country.slice(0, 30), type, page: page.success ? page.data : 1 };
}

/** The filters as a query string in canonical order (page left out when it is the first): shareable links. */
export function twinsFiltersQuery(filters: Partial<TwinsFilters>): string {
  const params = new URLSearchParams();
  for (const country of filters.country ?? []) params.append('country', country);
  for (const type of filters.type ?? []) params.append('type', type);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

const points = z.number().int().min(0).max(100);

export const twinReasonSchema = z
  .discriminatedUnion('code', [
    z.object({ code: z.literal('same-subsector'), points, subsectors: z.array(referenceCodeSchema) }),
    z.object({ code: z.literal('same-family'), points, families: z.array(referenceCodeSchema) }),
    z.object({ code: z.literal('shared-materials'), points, materials: z.array(referenceCodeSchema) }),
    z.object({
      code: z.literal('complementary-value-chain'),
      points,
      pairs: z.array(z.object({ source: valueChainRoleSchema, twin: valueChainRoleSchema })),
    }),
    z.object({
      code: z.literal('complementary-markets'),
      points,
      newMarkets: z.array(marketSchema).meta({ description: 'Export markets of the twin that the source does not serve yet.' }),
      sharedExportMarkets: z.array(marketSchema).meta({ description: 'Export markets both serve.' }),
    }),
    z.object({ code: z.literal('shared-language'), points, languages: z.array(z.string()).meta({ description: 'ISO 639-1 codes' }) }),
    z.object({ code: z.literal('similar-size'), points, sizeClass: sizeClassSchema }),
  ])
  .meta({ id: 'TwinReason', description: 'Why a counterpart was found: a code, its points and its evidence (reference codes).' });

/** A reason as the API sends it: with a sentence in the requested language. */
export const labelledTwinReasonSchema = z
  .intersection(twinReasonSchema, z.object({ label: z.string().meta({ example: 'Same subsector: Fashion' }) }))
  .meta({ id: 'LabelledTwinReason' });

const strengthSchema = z.enum(['strong', 'good', 'possible']).meta({ description: 'The score in words.' });

export const clusterTwinSchema = z
  .object({
    cluster: clusterSummarySchema,
    score: points,
    strength: strengthSchema,
    reasons: z.array(labelledTwinReasonSchema),
  })
  .meta({ id: 'ClusterTwin' });

export const organisationTwinSchema = z
  .object({
    organisation: organisationSummarySchema,
    contact: organisationContactSchema.nullable().meta({ description: 'Only with the organisation’s consent, for signed-in callers.' }),
    score: points,
    strength: strengthSchema,
    reasons: z.array(labelledTwinReasonSchema),
  })
  .meta({ id: 'OrganisationTwin' });

export const twinsResponseSchema = z
  .object({
    source: z.object({ kind: z.enum(['cluster', 'organisation']), slug: z.string(), countryIso2: iso2Schema }),
    locale: z.enum(['ar', 'fr', 'en']).meta({ description: 'Language of the reasons’ labels.' }),
    clusters: z.array(clusterTwinSchema).meta({ description: `Twin clusters, best first (at most ${TWINS_MAX_CLUSTERS}).` }),
    organisations: z.object({
      items: z.array(organisationTwinSchema),
      page: z.number().int(),
      pageSize: z.number().int(),
      total: z.number().int(),
      hasNext: z.boolean(),
    }),
  })
  .meta({ id: 'Twins' });

export type TwinsResponse = z.infer<typeof twinsResponseSchema>;

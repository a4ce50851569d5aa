/**
 * The organisations directory's filters as a URL: every state of the directory (search text,
 * facet values, page, sort) is a query string, so each view can be shared and each facet value
 * toggled by a plain link. Multi-valued filters repeat their key (`?country=TN&country=MA`).
 * Pure: used by the pages, the API, the export routes and the query service.
 */
import { z } from 'zod';
import {
  iso2Schema,
  organisationTypeSchema,
  referenceCodeSchema,
  sizeClassSchema,
  slugSchema,
  type TranslatableText,
} from './directory.contracts.ts';

export const ORGANISATION_SORTS = ['relevance', 'name', 'newest'] as const;
export type OrganisationSort = (typeof ORGANISATION_SORTS)[number];

/** The filters that are facets of the directory, in the order the facet panel shows them. */
export const FACET_KEYS = ['country', 'subsector', 'type', 'size', 'womenLed', 'material', 'cluster'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

/** Facets holding several values at once (every facet but the women-led flag). */
export const LIST_FACET_KEYS = ['country', 'subsector', 'type', 'size', 'material', 'cluster'] as const;
export type ListFacetKey = (typeof LIST_FACET_KEYS)[number];

/** A deep page number is a crawler or a typo, never a reader: it is refused rather than scanned. */
export const MAX_PAGE = 1000;

const MAX_VALUES_PER_FACET = 30;

/** One value or the same key repeated: `?country=TN` and `?country=TN&country=MA` both give a list. */
function repeatable<T extends z.ZodType<string>>(item: T) {
  return z
    .union([item, z.array(item).max(MAX_VALUES_PER_FACET)])
    .optional()
    .transform((value): z.output<T>[] => {
      if (value === undefined) return [];
      const values = Array.isArray(value) ? value : [value];
      return [...new Set(values)].sort();
    });
}

export const organisationFiltersSchema = z
  .object({
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((value) => value || undefined)
      .meta({ description: 'Search text (names, descriptions, products, taxonomy terms in any language).' }),
    country: repeatable(iso2Schema).meta({ description: 'ISO 3166-1 alpha-2 codes; repeat the key for several.' }),
    subsector: repeatable(referenceCodeSchema).meta({ description: 'Subsector codes; repeat the key for several.' }),
    type: repeatable(organisationTypeSchema).meta({ description: 'Organisation types; repeat the key for several.' }),
    size: repeatable(sizeClassSchema).meta({ description: 'Size classes; repeat the key for several.' }),
    womenLed: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => (value === undefined ? undefined : value === 'true'))
      .meta({ description: 'Only women-led organisations (`true`) or only the others (`false`).' }),
    material: repeatable(referenceCodeSchema).meta({ description: 'Material or technique codes; repeat the key for several.' }),
    cluster: repeatable(slugSchema).meta({ description: 'Slugs of clusters the organisation belongs to; repeat the key for several.' }),
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    sort: z.enum(ORGANISATION_SORTS).optional().meta({ description: 'Relevance by default when searching, otherwise name.' }),
  })
  .meta({ id: 'OrganisationFilters' });

export type OrganisationFilters = z.output<typeof organisationFiltersSchema>;

export const NO_FILTERS: OrganisationFilters = {
  q: undefined,
  country: [],
  subsector: [],
  type: [],
  size: [],
  womenLed: undefined,
  material: [],
  cluster: [],
  page: 1,
  sort: undefined,
};

const KNOWN_KEYS = new Set<string>(Object.keys(organisationFiltersSchema.shape));

/** Query parameters as the schema reads them: a repeated key becomes a list, unknown keys are dropped. */
export function searchParamsToInput(params: URLSearchParams): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    if (!KNOWN_KEYS.has(key)) continue;
    const values = params.getAll(key).filter((value) => value !== '');
    if (values.length === 0) continue;
    input[key] = values.length === 1 ? values[0]! : values;
  }
  return input;
}

/** What a lenient reading of a URL kept, and which parameters it set aside as not valid. */
export interface ReadFilters {
  filters: OrganisationFilters;
  /** Names of the parameters (or single values, `country=XX`) that were ignored. */
  ignored: string[];
}

/**
 * Reads the directory's URL for a page: a bad value (an old link, a hand-edited address) is left
 * out and named, so the reader sees the rest of the view with a notice instead of an error page.
 */
export function readOrganisationFilters(params: URLSearchParams): ReadFilters {
  const input = searchParamsToInput(params);
  const ignored: string[] = [];
  const kept: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(input)) {
    const field = organisationFiltersSchema.shape[key as keyof typeof organisationFiltersSchema.shape];
    if (field.safeParse(value).success) {
      kept[key] = value;
      continue;
    }
    if (Array.isArray(value)) {
      const good = value.filter((one) => field.safeParse(one).success).slice(0, MAX_VALUES_PER_FACET);
      for (const bad of value.filter((one) => !field.safeParse(one).success)) ignored.push(`${key}=${bad}`);
      if (good.length > 0) kept[key] = good;
    } else {
      ignored.push(`${key}=${value}`);
    }
  }
  return { filters: organisationFiltersSchema.parse(kept), ignored };
}

/** The effective sort: relevance only means something when there is search text. */
export function effectiveSort(filters: Pick<OrganisationFilters, 'q' | 'sort'>): OrganisationSort {
  if (filters.sort === 'relevance' && !filters.q) return 'name';
  return filters.sort ?? (filters.q ? 'relevance' : 'name');
}

/**
 * The canonical query string of a view: keys in a fixed order, list values sorted, defaults left
 * out. Two ways of writing the same view give the same URL (and the same cache entry).
 */
export function filtersToSearchParams(filters: OrganisationFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const key of LIST_FACET_KEYS) for (const value of [...filters[key]].sort()) params.append(key, value);
  if (filters.womenLed !== undefined) params.set('womenLed', String(filters.womenLed));
  if (filters.sort && filters.sort !== effectiveSort({ q: filters.q, sort: undefined })) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** `?country=TN&...` or the empty string: ready to append to a path. */
export function filtersQuery(filters: OrganisationFilters): string {
  const query = filtersToSearchParams(filters).toString();
  return query ? `?${query}` : '';
}

/** True when the view is narrowed by anything (search text or a facet value). */
export function hasActiveFilters(filters: OrganisationFilters): boolean {
  return Boolean(filters.q) || filters.womenLed !== undefined || LIST_FACET_KEYS.some((key) => filters[key].length > 0);
}

/** The view with one facet value added or removed; any change of filters goes back to page 1. */
export function toggleFacetValue(filters: OrganisationFilters, key: ListFacetKey, value: string): OrganisationFilters {
  const current: string[] = filters[key];
  const values = current.includes(value) ? current.filter((one) => one !== value) : [...current, value].sort();
  return { ...filters, [key]: values, page: 1 };
}

/** The view with the women-led flag set to `value` (or cleared with undefined), back to page 1. */
export function withWomenLed(filters: OrganisationFilters, value: boolean | undefined): OrganisationFilters {
  return { ...filters, womenLed: value, page: 1 };
}

export function withPage(filters: OrganisationFilters, page: number): OrganisationFilters {
  return { ...filters, page };
}

/** Everything that selects rows (what facet counts and totals depend on): the view without page and sort. */
export function selectionKey(filters: OrganisationFilters): string {
  return filtersToSearchParams({ ...filters, page: 1, sort: undefined }).toString();
}
/** One value of a facet with how many organisations it would show (the other filters applied). */
export interface FacetValue {
  value: string;
  count: number;
  /** Name of a country, subsector, material or cluster; null for closed vocabularies (types, sizes, the flag), named by the catalogs. */
  label: TranslatableText | null;
  selected: boolean;
}

export type OrganisationFacets = Record<FacetKey, FacetValue[]>;

/** Names of the reference codes an organisation shows, by kind and code. */
export interface DirectoryLabels {
  countries: Record<string, TranslatableText>;
  subsectors: Record<string, TranslatableText>;
  materials: Record<string, TranslatableText>;
}

/** The names a page of results needs, read from its facets (every country and subsector shown in a result is a facet value). */
export function labelsFromFacets(facets: OrganisationFacets): DirectoryLabels {
  const named = (values: FacetValue[]) => Object.fromEntries(values.flatMap((one) => (one.label ? [[one.value, one.label]] : [])));
  return { countries: named(facets.country), subsectors: named(facets.subsector), materials: named(facets.material) };
}

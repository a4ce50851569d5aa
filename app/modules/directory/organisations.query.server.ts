/**
 * The organisations directory, read side: the filtered, faceted, paged list and one
 * organisation's profile. Public: visitors see published organisations; an unpublished one is
 * shown only to those who manage it, decide on it or proposed it (everyone else gets a 404, so
 * its existence does not leak). Every organisation leaves through the presenter, which alone
 * decides whether contact details are shown.
 */
import type { Actor } from '#app/shared/auth/actor.ts';
import { can } from '#app/shared/auth/can.ts';
import { type CountsCache, createCountsCache } from '#app/shared/cache/counts-cache.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { DEFAULT_LOCALE, type Locale } from '#app/shared/i18n/locales.ts';
import { searchHits } from '#app/shared/search/index.ts';
import type { OrganisationProfile, OrganisationSummary, TranslatableText } from './directory.contracts.ts';
import { ORGANISATION_TYPES, type OrganisationStatus, SIZE_CLASSES } from './directory.vocabulary.ts';
import { presentOrganisationProfile, presentOrganisationSummary } from './organisation.presenter.ts';
import {
  type DirectoryLabels,
  effectiveSort,
  FACET_KEYS,
  type FacetKey,
  type FacetValue,
  type OrganisationFacets,
  type OrganisationFilters,
  selectionKey,
} from './organisation-filters.ts';
import {
  countOrganisations,
  type FacetCountRow,
  type OrganisationSelection,
  selectClustersOfOrganisation,
  selectFacetCounts,
  selectOrganisationBySlug,
  selectOrganisationIds,
  selectOrganisationPage,
  selectPublishedFacetCounts,
  selectReferenceNames,
} from './organisations.repository.server.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Clusters are open-ended: the facet lists the biggest ones (and any the reader ticked). */
const MAX_CLUSTER_FACET_VALUES = 30;

export interface OrganisationList {
  items: OrganisationSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Null when the caller did not ask for them. */
  facets: OrganisationFacets | null;
}

export interface ListOrganisationsOptions {
  /** The reader's language: the order of names. */
  locale?: Locale;
  pageSize?: number;
  facets?: boolean;
  /** Statuses other than `published` are for programme staff deciding on them. */
  statuses?: readonly OrganisationStatus[];
}

/** The statuses the actor may list: anyone sees published organisations; only staff deciding on requests see the others. */
export function listableStatuses(actor: Actor, requested: readonly OrganisationStatus[] | undefined): readonly OrganisationStatus[] {
  if (!requested || (requested.length === 1 && requested[0] === 'published')) return ['published'];
  if (!can(actor, 'directory.requests.decide')) throw CommonErrors.forbidden();
  return requested;
}

/**
 * What a list is about: the filters and, when there is search text, the search hits (visitors'
 * search documents only, unless the list is of organisations visitors do not see).
 */
export function selectionOf(filters: OrganisationFilters, statuses: readonly OrganisationStatus[]): OrganisationSelection {
  if (!filters.q) return { filters, statuses };
  const includeHidden = statuses.some((status) => status !== 'published');
  return {
    filters,
    statuses,
    hits: searchHits('organisation', filters.q, { includeHidden }),
    hitsInCountries:
      filters.country.length > 0 ? searchHits('organisation', filters.q, { includeHidden, countries: filters.country }) : undefined,
  };
}

function orderedFacet(facet: FacetKey, rows: FacetCountRow[], labels: DirectoryLabels, filters: OrganisationFilters): FacetValue[] {
  const selected = new Set<string>(
    facet === 'womenLed' ? (filters.womenLed === undefined ? [] : [String(filters.womenLed)]) : filters[facet],
  );
  const values = new Map<string, FacetValue>();
  for (const row of rows) {
    if (row.facet !== facet || row.value === null) continue;
    values.set(row.value, { value: row.value, count: row.count, label: labelOf(facet, row, labels), selected: selected.has(row.value) });
  }
  // A ticked value stays listed (with 0) so the reader can untick it.
  for (const value of selected) {
    if (!values.has(value)) values.set(value, { value, count: 0, label: labelOf(facet, { value, label: null }, labels), selected: true });
  }
  const list = [...values.values()];
  const vocabulary: readonly string[] | undefined =
    facet === 'type' ? ORGANISATION_TYPES : facet === 'size' ? SIZE_CLASSES : facet === 'womenLed' ? ['true', 'false'] : undefined;
  if (vocabulary) return list.sort((a, b) => vocabulary.indexOf(a.value) - vocabulary.indexOf(b.value));
  list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facet === 'cluster' ? list.filter((value, index) => index < MAX_CLUSTER_FACET_VALUES || value.selected) : list;
}

function labelOf(facet: FacetKey, row: Pick<FacetCountRow, 'value' | 'label'>, labels: DirectoryLabels): TranslatableText | null {
  const code = row.value ?? '';
  if (facet === 'country') return labels.countries[code] ?? null;
  if (facet === 'subsector') return labels.subsectors[code] ?? null;
  if (facet === 'material') return labels.materials[code] ?? null;
  if (facet === 'cluster') return (row.label as TranslatableText | null) ?? null;
  return null;
}

export async function directoryLabels(executor: Executor = getDb()): Promise<DirectoryLabels> {
  const labels: DirectoryLabels = { countries: {}, subsectors: {}, materials: {} };
  for (const row of await selectReferenceNames(executor)) {
    const target = row.kind === 'country' ? labels.countries : row.kind === 'subsector' ? labels.subsectors : labels.materials;
    target[row.code] = row.name as TranslatableText;
  }
  return labels;
}

/**
 * Facet counts and totals per selection (whatever the page and sort), kept per database (tests
 * each have their own): see `createCountsCache` for how fresh they are.
 */
const countsCaches = new WeakMap<object, CountsCache>();

function cachedCounts<T>(db: object, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = countsCaches.get(db);
  if (!cache) {
    cache = createCountsCache();
    countsCaches.set(db, cache);
  }
  return cache.get(key, compute);
}

/** The unfiltered published directory's counts are kept exact in a table; any other selection's are counted (and cached). */
function facetCounts(db: Executor, selection: OrganisationSelection): Promise<FacetCountRow[]> {
  const key = selectionKey(selection.filters);
  const published = selection.statuses.length === 1 && selection.statuses[0] === 'published';
  if (published && key === '') return selectPublishedFacetCounts(db);
  return cachedCounts(db, `facets ${selection.statuses.join(',')} ${key}`, () => selectFacetCounts(db, selection));
}

/**
 * A page of the directory with its total and, when asked, the facet counts: three statements
 * (a page of rows, the facets with the total, the reference names) whatever the filters.
 */
export async function listOrganisations(
  actor: Actor,
  filters: OrganisationFilters,
  options: ListOrganisationsOptions = {},
): Promise<OrganisationList> {
  const statuses = listableStatuses(actor, options.statuses);
  const pageSize = Math.min(Math.max(options.pageSize ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const selection = selectionOf(filters, statuses);
  const db = getDb();
  const rowsPromise = selectOrganisationPage(db, selection, {
    sort: effectiveSort(filters),
    locale: options.locale ?? DEFAULT_LOCALE,
    limit: pageSize,
    offset: (filters.page - 1) * pageSize,
  });
  let total: number;
  let facets: OrganisationFacets | null = null;
  if (options.facets) {
    const [counts, labels] = await Promise.all([facetCounts(db, selection), directoryLabels(db)]);
    total = counts.find((row) => row.facet === 'total')?.count ?? 0;
    facets = Object.fromEntries(FACET_KEYS.map((facet) => [facet, orderedFacet(facet, counts, labels, filters)])) as OrganisationFacets;
  } else {
    total = await cachedCounts(db, `total ${statuses.join(',')} ${selectionKey(filters)}`, () => countOrganisations(db, selection));
  }
  const rows = await rowsPromise;
  return {
    items: rows.map(presentOrganisationSummary),
    total,
    page: filters.page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    facets,
  };
}

/** Published organisations are public; an unpublished one only for who manages it, decides on it or proposed it. */
function canSeeUnpublished(actor: Actor, row: { slug: string; countryIso2: string; proposedById: string | null }): boolean {
  if (can(actor, 'directory.organisations.manage', { organisation: row.slug, country: row.countryIso2 })) return true;
  if (can(actor, 'directory.requests.decide', { country: row.countryIso2 })) return true;
  return actor.kind === 'user' && row.proposedById !== null && row.proposedById === actor.userId;
}

export async function getOrganisation(actor: Actor, slug: string): Promise<OrganisationProfile> {
  const db = getDb();
  const row = await selectOrganisationBySlug(db, slug);
  if (!row || (row.status !== 'published' && !canSeeUnpublished(actor, row))) {
    throw new AppError('DIRECTORY_ORGANISATION_NOT_FOUND', 404, { slug });
  }
  const clusters = await selectClustersOfOrganisation(db, row.id);
  return presentOrganisationProfile(actor, row, clusters as OrganisationProfile['clusters']);
}

export interface OrganisationPage {
  organisation: OrganisationProfile;
  labels: DirectoryLabels;
  /** Whether the viewer may edit it and read its history (the pages hide those links otherwise). */
  canManage: boolean;
}

/** What the profile page shows: the profile, the names of its codes, and whether to offer the manage links. */
export async function getOrganisationPage(actor: Actor, slug: string): Promise<OrganisationPage> {
  const [organisation, labels] = await Promise.all([getOrganisation(actor, slug), directoryLabels()]);
  return {
    organisation,
    labels,
    canManage: can(actor, 'directory.organisations.manage', { organisation: organisation.slug, country: organisation.countryIso2 }),
  };
}

/**
 * The published organisations a directory view (its filters, search text included) is about, all
 * of them up to `limit`: what another module acts on when it addresses a selection (needs survey
 * sending). Ids only; the caller reads what it needs.
 */
export async function organisationIdsInView(filters: OrganisationFilters, limit: number): Promise<string[]> {
  return selectOrganisationIds(getDb(), selectionOf(filters, ['published']), limit);
}

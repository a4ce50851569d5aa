/**
 * The twins finder: for a cluster or an organisation, its counterparts in other countries, ranked
 * with their reasons (`twins.ts`). Public reading: anyone may look, only published organisations
 * take part, and contact details leave through the presenter only (consent and a signed-in viewer).
 *
 * Bounded work whatever the directory's size, in eight queries: the source, the taxonomy (two),
 * materials, countries, the organisation candidates, the cluster candidates, then one query for the
 * member aggregates of the source and candidate clusters. Organisation candidates are pre-filtered
 * in SQL (another country, a subsector of the same family OR a shared material, published, the
 * filters) and capped at TWINS_ORGANISATION_CANDIDATES by their craft points computed in SQL, the
 * same points `twins.ts` gives; the remaining reasons are then scored here. The cost is one scan of
 * the organisations of the source's family of subsectors with a top-N sort: measured on PGlite with
 * 100,000 synthetic organisations (48,593 candidates for batna-jewellery) at 2 to 3 s on a machine
 * loaded 8 times over its two cores; a bare count of the same rows took 0.8 to 1 s there.
 */
import type { Actor } from '#app/shared/auth/actor.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError } from '#app/shared/errors.ts';
import { parseInput } from '#app/shared/validation.ts';
import { presentClusterSummary } from './cluster.presenter.ts';
import type { ClusterSummary, OrganisationContact, OrganisationSummary, TranslatableText } from './directory.contracts.ts';
import { listCountries, listMaterials, listSectors } from './directory.service.server.ts';
import type { OrganisationType } from './directory.vocabulary.ts';
import { contactFor, presentOrganisationSummary } from './organisation.presenter.ts';
import {
  TWINS_MAX_CLUSTERS,
  TWINS_ORGANISATION_CANDIDATES,
  TWINS_PAGE_SIZE,
  type TwinsFilters,
  type TwinsFiltersInput,
  twinsFiltersSchema,
} from './twins.contracts.ts';
import type { TwinNames } from './twins.reasons.ts';
import {
  type ClusterMemberAggregate,
  type ClusterRow,
  type OrganisationRow,
  selectClusterBySlug,
  selectClusterCandidates,
  selectClusterMemberAggregates,
  selectOrganisationCandidates,
  selectPublishedOrganisationBySlug,
} from './twins.repository.server.ts';
import {
  type MatchStrength,
  matchStrength,
  type RankedTwin,
  rankTwins,
  type TwinKind,
  type TwinProfile,
  type TwinReason,
} from './twins.ts';

export const TWINS_SOURCE_NOT_FOUND = 'DIRECTORY_TWINS_SOURCE_NOT_FOUND';

/** The cluster or organisation whose twins are shown. */
export interface TwinSource {
  kind: TwinKind;
  slug: string;
  name: TranslatableText;
  sourceLocale: string;
  countryIso2: string;
  subsectorCodes: string[];
  materialCodes: string[];
  type: OrganisationType | null;
  isDemo: boolean;
}

interface Scored {
  score: number;
  strength: MatchStrength;
  reasons: TwinReason[];
}

export interface ClusterTwin extends Scored {
  cluster: ClusterSummary;
}

export interface OrganisationTwin extends Scored {
  organisation: OrganisationSummary;
  contact: OrganisationContact | null;
}

export interface AllTwins {
  source: TwinSource;
  filters: TwinsFilters;
  clusters: ClusterTwin[];
  organisations: OrganisationTwin[];
  names: TwinNames;
}

export interface TwinsResult extends Omit<AllTwins, 'organisations'> {
  organisations: { items: OrganisationTwin[]; page: number; pageSize: number; total: number; hasNext: boolean };
}

export async function findClusterTwins(actor: Actor, slug: string, filters: TwinsFiltersInput = {}): Promise<TwinsResult> {
  return paginate(await findAllTwins(actor, 'cluster', slug, filters));
}

export async function findOrganisationTwins(actor: Actor, slug: string, filters: TwinsFiltersInput = {}): Promise<TwinsResult> {
  return paginate(await findAllTwins(actor, 'organisation', slug, filters));
}

function paginate(all: AllTwins): TwinsResult {
  const { page } = all.filters;
  const start = (page - 1) * TWINS_PAGE_SIZE;
  return {
    ...all,
    organisations: {
      items: all.organisations.slice(start, start + TWINS_PAGE_SIZE),
      page,
      pageSize: TWINS_PAGE_SIZE,
      total: all.organisations.length,
      hasNext: start + TWINS_PAGE_SIZE < all.organisations.length,
    },
  };
}

interface Taxonomy {
  familyOf: Map<string, string>;
  names: TwinNames;
}

async function loadTaxonomy(executor: Executor): Promise<Taxonomy> {
  const [sectors, materials, countries] = await Promise.all([listSectors(executor), listMaterials(executor), listCountries(executor)]);
  const familyOf = new Map<string, string>();
  const names: TwinNames = { subsectors: {}, families: {}, materials: {}, countries: {} };
  for (const family of sectors) {
    names.families[family.code] = family.name;
    for (const subsector of family.subsectors) {
      familyOf.set(subsector.code, family.code);
      names.subsectors[subsector.code] = subsector.name;
    }
  }
  for (const material of materials) names.materials[material.code] = material.name;
  for (const country of countries) names.countries[country.iso2] = country.name;
  return { familyOf, names };
}

function organisationProfile(row: OrganisationRow): TwinProfile {
  return {
    kind: 'organisation',
    slug: row.slug,
    countryIso2: row.countryIso2,
    subsectorCodes: row.subsectorCodes,
    materialCodes: row.materialCodes,
    markets: row.markets,
    valueChainRoles: row.valueChainRoles,
    workingLanguages: row.workingLanguages,
    type: row.type,
    sizeClass: row.sizeClass,
  };
}

const noMembers: ClusterMemberAggregate = { memberCount: 0, materials: [], markets: [], languages: [], valueChainRoles: [] };

/** A cluster's own subsector and materials, plus what its members make, sell and speak. */
function clusterProfile(row: ClusterRow, members: ClusterMemberAggregate): TwinProfile {
  return {
    kind: 'cluster',
    slug: row.slug,
    countryIso2: row.countryIso2,
    subsectorCodes: [row.subsectorCode],
    materialCodes: [...new Set([...row.materialCodes, ...members.materials])],
    markets: members.markets,
    valueChainRoles: members.valueChainRoles,
    workingLanguages: members.languages,
    type: null,
    sizeClass: null,
  };
}

type LoadedSource = { source: TwinSource; profile: TwinProfile; clusterId: string | null; clusterRow: ClusterRow | null };

async function loadSource(executor: Executor, kind: TwinKind, slug: string): Promise<LoadedSource> {
  if (kind === 'organisation') {
    const row = await selectPublishedOrganisationBySlug(executor, slug);
    if (!row) throw new AppError(TWINS_SOURCE_NOT_FOUND, 404);
    const source: TwinSource = {
      kind,
      slug: row.slug,
      name: row.name,
      sourceLocale: row.sourceLocale,
      countryIso2: row.countryIso2,
      subsectorCodes: row.subsectorCodes,
      materialCodes: row.materialCodes,
      type: row.type,
      isDemo: row.isDemo,
    };
    return { source, profile: organisationProfile(row), clusterId: null, clusterRow: null };
  }
  const row = await selectClusterBySlug(executor, slug);
  if (!row) throw new AppError(TWINS_SOURCE_NOT_FOUND, 404);
  const source: TwinSource = {
    kind,
    slug: row.slug,
    name: row.name,
    sourceLocale: row.sourceLocale,
    countryIso2: row.countryIso2,
    subsectorCodes: [row.subsectorCode],
    materialCodes: row.materialCodes,
    type: null,
    isDemo: row.isDemo,
  };
  // The members' part of the profile is filled in once the candidates' aggregates are loaded.
  return { source, profile: clusterProfile(row, noMembers), clusterId: row.id, clusterRow: row };
}

function withScore<T>(twin: RankedTwin, item: T): T & Scored {
  return { ...item, score: twin.score, strength: matchStrength(twin.score), reasons: twin.reasons };
}

/** Every twin of the source under the filters, best first (pages and exports cut from this). */
export async function findAllTwins(actor: Actor, kind: TwinKind, slug: string, input: TwinsFiltersInput = {}): Promise<AllTwins> {
  const filters = parseInput(twinsFiltersSchema, input);
  const executor = getDb();
  const [loaded, taxonomy] = await Promise.all([loadSource(executor, kind, slug), loadTaxonomy(executor)]);
  let { profile } = loaded;
  const { source } = loaded;

  const families = new Set(profile.subsectorCodes.map((code) => taxonomy.familyOf.get(code)));
  const familySubsectors = [...taxonomy.familyOf].filter(([, family]) => families.has(family)).map(([code]) => code);
  // A cluster's own materials select candidates; its members' broaden the scoring, not the search.
  const query = {
    excludeCountry: source.countryIso2,
    subsectors: profile.subsectorCodes,
    familySubsectors,
    materials: source.materialCodes,
    countries: filters.country,
  };
  const [organisationRows, clusterRows] = await Promise.all([
    selectOrganisationCandidates(executor, { ...query, types: filters.type, limit: TWINS_ORGANISATION_CANDIDATES }),
    selectClusterCandidates(executor, { ...query, limit: TWINS_MAX_CLUSTERS * 4 }),
  ]);
  const aggregates = await selectClusterMemberAggregates(executor, [
    ...(loaded.clusterId ? [loaded.clusterId] : []),
    ...clusterRows.map((row) => row.id),
  ]);
  if (loaded.clusterRow) profile = clusterProfile(loaded.clusterRow, aggregates.get(loaded.clusterRow.id) ?? noMembers);

  const clusterBySlug = new Map(clusterRows.map((row) => [row.slug, row]));
  const clusterTwins = rankTwins(
    profile,
    clusterRows.map((row) => clusterProfile(row, aggregates.get(row.id) ?? noMembers)),
    taxonomy,
  )
    .slice(0, TWINS_MAX_CLUSTERS)
    .map((twin) => {
      const row = clusterBySlug.get(twin.profile.slug)!;
      return withScore(twin, { cluster: presentClusterSummary(row, aggregates.get(row.id)?.memberCount ?? 0) });
    });

  const organisationBySlug = new Map(organisationRows.map((row) => [row.slug, row]));
  const organisationTwins = rankTwins(profile, organisationRows.map(organisationProfile), taxonomy).map((twin) => {
    const row = organisationBySlug.get(twin.profile.slug)!;
    return withScore(twin, { organisation: presentOrganisationSummary(row), contact: contactFor(actor, row) });
  });

  return { source, filters, clusters: clusterTwins, organisations: organisationTwins, names: taxonomy.names };
}

/**
 * Reading the organisations directory: one page of rows, the facet counts and the total of a
 * selection, one organisation with its clusters, and the names of the reference codes a page
 * shows. Filters combine as usual for faceted search: values of one facet are alternatives (OR),
 * facets narrow each other (AND), and each facet is counted with every OTHER filter applied, so a
 * reader sees how many results ticking one more value would add.
 *
 * All facet counts and the total come from ONE statement (a UNION ALL of small aggregates), and a
 * page of results from another: the number of queries does not grow with the data or the filters.
 * Array filters use the GIN indexes (`&&`), sorts the expression indexes of `directory.schema.ts`.
 */
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { queryRows } from '#app/shared/db/client.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import type { TranslatableValue } from '#app/shared/i18n/translatable.ts';
import { cluster, clusterMembership, country, material, organisation, organisationSortName, subsector } from './directory.schema.ts';
import type { MembershipRole, OrganisationStatus } from './directory.vocabulary.ts';
import { organisationFacetCount } from './organisation-facets.schema.ts';
import { FACET_KEYS, type FacetKey, type OrganisationFilters, type OrganisationSort } from './organisation-filters.ts';

export type OrganisationRow = typeof organisation.$inferSelect;

/** Which organisations a list is about: its filters, the statuses it may show, and the search hits when there is search text. */
export interface OrganisationSelection {
  filters: OrganisationFilters;
  statuses: readonly OrganisationStatus[];
  /** A subquery with columns `entity_id text, rank real` (see `searchHits`), or undefined without search text. */
  hits?: SQL;
  /**
   * The same hits narrowed to the countries the filters ask for (when they do): enough for a
   * page of rows and the total, which keep those countries only anyway, but not for the country
   * facet, which counts the matches of every country.
   */
  hitsInCountries?: SQL;
}

/** The selection with its search hits narrowed to its countries, for statements that filter by country anyway. */
function narrowedToCountries(selection: OrganisationSelection): OrganisationSelection {
  return selection.hitsInCountries ? { ...selection, hits: selection.hitsInCountries, hitsInCountries: undefined } : selection;
}

function textArray(values: readonly string[]): SQL {
  return sql`ARRAY[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * The conditions of a selection; `except` leaves one facet's own filter out (to count that facet).
 * Search hits are read from the statement's `hits` CTE (built once for many branches) or, for a
 * single query, from the subquery itself.
 */
function conditions(selection: OrganisationSelection, except?: FacetKey, hitsFrom: 'cte' | 'subquery' = 'cte'): SQL[] {
  const { filters } = selection;
  const where: SQL[] = [inArray(organisation.status, [...selection.statuses])];
  if (selection.hits) {
    where.push(
      hitsFrom === 'cte'
        ? sql`${organisation.id} IN (SELECT entity_id FROM hits)`
        : sql`${organisation.id} IN (SELECT entity_id FROM (${selection.hits}) AS hits)`,
    );
  }
  if (except !== 'country' && filters.country.length > 0) where.push(inArray(organisation.countryIso2, filters.country));
  if (except !== 'subsector' && filters.subsector.length > 0)
    where.push(sql`${organisation.subsectorCodes} && ${textArray(filters.subsector)}`);
  if (except !== 'type' && filters.type.length > 0) where.push(inArray(organisation.type, filters.type));
  if (except !== 'size' && filters.size.length > 0) where.push(inArray(organisation.sizeClass, filters.size));
  if (except !== 'womenLed' && filters.womenLed !== undefined) where.push(eq(organisation.womenLed, filters.womenLed));
  if (except !== 'material' && filters.material.length > 0)
    where.push(sql`${organisation.materialCodes} && ${textArray(filters.material)}`);
  if (except !== 'cluster' && filters.cluster.length > 0) {
    where.push(sql`${organisation.id} IN (
      SELECT ${clusterMembership.organisationId} FROM ${clusterMembership}
      JOIN ${cluster} ON ${cluster.id} = ${clusterMembership.clusterId}
      WHERE ${inArray(cluster.slug, filters.cluster)})`);
  }
  return where;
}

function whereOf(selection: OrganisationSelection, except?: FacetKey): SQL {
  return sql.join(conditions(selection, except), sql` AND `);
}

function withHits(selection: OrganisationSelection, query: SQL): SQL {
  return selection.hits ? sql`WITH hits AS (${selection.hits}) ${query}` : query;
}

function orderBy(sort: OrganisationSort, locale: Locale, ranked: boolean): SQL[] {
  const byName = [asc(organisationSortName(locale)), asc(organisation.slug)];
  if (sort === 'relevance' && ranked) return [sql`hits.rank DESC`, ...byName];
  if (sort === 'newest') return [desc(organisation.createdAt), asc(organisation.slug)];
  return byName;
}

export interface PageRequest {
  sort: OrganisationSort;
  locale: Locale;
  limit: number;
  offset: number;
}

/** One page of the selection, in the requested order (ties broken by slug, so pages never overlap). */
export async function selectOrganisationPage(
  executor: Executor,
  selection: OrganisationSelection,
  page: PageRequest,
): Promise<OrganisationRow[]> {
  selection = narrowedToCountries(selection);
  const order = orderBy(page.sort, page.locale, Boolean(selection.hits));
  if (selection.hits) {
    const rows = await executor
      .select({ row: organisation })
      .from(organisation)
      .innerJoin(sql`(${selection.hits}) AS hits`, sql`hits.entity_id = ${organisation.id}`)
      .where(and(...conditions({ ...selection, hits: undefined })))
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset);
    return rows.map(({ row }) => row);
  }
  return executor
    .select()
    .from(organisation)
    .where(and(...conditions(selection)))
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset);
}

/** The ids of every organisation in the selection (at most `limit`), for callers acting on a whole selection (survey sending). */
export async function selectOrganisationIds(executor: Executor, selection: OrganisationSelection, limit: number): Promise<string[]> {
  selection = narrowedToCountries(selection);
  const rows = await queryRows<{ id: string }>(
    executor,
    withHits(
      selection,
      sql`SELECT ${organisation.id} AS id FROM ${organisation} WHERE ${whereOf(selection)} ORDER BY ${organisation.id} LIMIT ${limit}`,
    ),
  );
  return rows.map((row) => row.id);
}

export async function countOrganisations(executor: Executor, selection: OrganisationSelection): Promise<number> {
  selection = narrowedToCountries(selection);
  const [row] = await queryRows<{ total: number }>(
    executor,
    withHits(selection, sql`SELECT count(*)::int AS total FROM ${organisation} WHERE ${whereOf(selection)}`),
  );
  return row?.total ?? 0;
}

export interface FacetCountRow {
  facet: FacetKey | 'total';
  value: string | null;
  count: number;
  /** The cluster's name for cluster values; other facets are named from reference data or catalogs. */
  label: TranslatableValue | null;
}

/** True when the filters of one facet are set (the women-led flag counts as one value). */
function isActive(filters: OrganisationFilters, facet: FacetKey): boolean {
  return facet === 'womenLed' ? filters.womenLed !== undefined : filters[facet].length > 0;
}

/** The counted value of an organisation for one facet, as `unnest` rows for the array facets. */
const facetValue: Record<Exclude<FacetKey, 'cluster'>, { value: SQL; lateral?: SQL; extra?: SQL }> = {
  country: { value: sql`${organisation.countryIso2}` },
  subsector: { value: sql`codes.value`, lateral: sql`CROSS JOIN LATERAL unnest(${organisation.subsectorCodes}) AS codes(value)` },
  type: { value: sql`${organisation.type}` },
  size: { value: sql`${organisation.sizeClass}`, extra: sql`${organisation.sizeClass} IS NOT NULL` },
  womenLed: { value: sql`${organisation.womenLed}::text` },
  material: { value: sql`codes.value`, lateral: sql`CROSS JOIN LATERAL unnest(${organisation.materialCodes}) AS codes(value)` },
};

/** One facet counted over the organisations of `source` (a table or CTE named `organisation`) meeting `where`. */
function facetBranch(facet: FacetKey, source: SQL, where: SQL): SQL {
  if (facet === 'cluster') {
    return sql`SELECT 'cluster'::text AS facet, ${cluster.slug} AS value, count(*)::int AS count, ${cluster.name} AS label
        ${source} JOIN ${clusterMembership} ON ${clusterMembership.organisationId} = ${organisation.id}
        JOIN ${cluster} ON ${cluster.id} = ${clusterMembership.clusterId}
        WHERE ${where} GROUP BY ${cluster.slug}, ${cluster.name}`;
  }
  const { value, lateral, extra } = facetValue[facet];
  return sql`SELECT ${facet}::text AS facet, ${value} AS value, count(*)::int AS count, NULL::jsonb AS label
      ${source}${lateral ? sql` ${lateral}` : sql``} WHERE ${where}${extra ? sql` AND ${extra}` : sql``} GROUP BY 2`;
}

type ScalarFacet = 'country' | 'type' | 'size' | 'womenLed';

/** The facets holding one value per organisation, counted together by GROUPING SETS (a column each). */
const SCALAR_COLUMNS: Record<ScalarFacet, { facet: ScalarFacet; column: SQL }> = {
  country: { facet: 'country', column: sql`${organisation.countryIso2}` },
  type: { facet: 'type', column: sql`${organisation.type}` },
  size: { facet: 'size', column: sql`${organisation.sizeClass}` },
  womenLed: { facet: 'womenLed', column: sql`${organisation.womenLed}::text` },
};

/** The counts of some facets over the whole published directory, from the table the triggers keep. */
function keptCounts(facets: readonly (FacetKey | 'total')[]): SQL {
  const f = organisationFacetCount;
  return sql`SELECT ${f.facet} AS facet,
               CASE ${f.facet} WHEN 'cluster' THEN ${cluster.slug} WHEN 'total' THEN NULL ELSE ${f.value} END AS value,
               ${f.count} AS count, ${cluster.name} AS label
        FROM ${f} LEFT JOIN ${cluster} ON ${f.facet} = 'cluster' AND ${cluster.id} = ${f.value}
        WHERE ${inArray(f.facet, [...facets])}`;
}

/**
 * Every facet's counts and the total of the selection, in one statement whose cost follows the
 * selection, not the directory. Each facet is counted with the OTHER filters applied, so:
 * - the facets without a filter of their own and the total share one condition (every filter):
 *   the matching rows are read once (through the indexes of the filters) into `matched`, then the
 *   scalar facets are counted in one pass by GROUPING SETS and the array facets and clusters by
 *   joins over the same rows;
 * - each facet with a filter of its own is counted over the rows meeting the other filters, read
 *   through their indexes; when there are no other filters (one facet ticked on the published
 *   directory, no search text) its counts are those of the whole directory, read from
 *   `organisation_facet_count`.
 * With no filter at all every facet is counted over `matched` (all listable rows): the service
 * reads the published directory's counts from the table instead (`selectPublishedFacetCounts`).
 */
export async function selectFacetCounts(executor: Executor, selection: OrganisationSelection): Promise<FacetCountRow[]> {
  const { filters } = selection;
  const branchSelection = { ...selection, hits: undefined };
  const hitsCondition = selection.hits ? [sql`${organisation.id} IN (SELECT entity_id FROM hits)`] : [];
  const whereExcept = (facet?: FacetKey) => sql.join([...conditions(branchSelection, facet), ...hitsCondition], sql` AND `);
  const whole = selection.statuses.length === 1 && selection.statuses[0] === 'published' && !selection.hits;
  const active = FACET_KEYS.filter((facet) => isActive(filters, facet));
  const inactive = FACET_KEYS.filter((facet) => !isActive(filters, facet));

  const matchedFrom = sql`FROM matched AS ${organisation}`;
  const scalar = inactive.flatMap((facet) => (facet in SCALAR_COLUMNS ? [SCALAR_COLUMNS[facet as ScalarFacet]] : []));
  // One pass for the scalar facets and the total: a grouping set per facet, `()` for the total.
  const facetOfGroup = sql.join(
    scalar.map(({ facet, column }) => sql`WHEN grouping(${column}) = 0 THEN ${facet}::text`),
    sql` `,
  );
  const groupedValue =
    scalar.length > 0
      ? sql`coalesce(${sql.join(
          scalar.map(({ column }) => column),
          sql`, `,
        )})`
      : sql`NULL::text`;
  const withSize = scalar.some(({ facet }) => facet === 'size');
  const grouped = sql`SELECT ${scalar.length > 0 ? sql`CASE ${facetOfGroup} ELSE 'total' END` : sql`'total'::text`} AS facet,
      ${groupedValue} AS value, count(*)::int AS count, NULL::jsonb AS label
    ${matchedFrom}
    GROUP BY GROUPING SETS (${sql.join([...scalar.map(({ column }) => sql`(${column})`), sql`()`], sql`, `)})
    ${withSize ? sql`HAVING grouping(${organisation.sizeClass}) = 1 OR ${organisation.sizeClass} IS NOT NULL` : sql``}`;
  const overMatched = inactive.filter((facet) => !(facet in SCALAR_COLUMNS)).map((facet) => facetBranch(facet, matchedFrom, sql`TRUE`));
  const kept = whole && active.length === 1 ? active : [];
  const ownFilter = active
    .filter((facet) => !kept.includes(facet))
    .map((facet) => facetBranch(facet, sql`FROM ${organisation}`, whereExcept(facet)));
  const branches = [grouped, ...overMatched, ...ownFilter, ...(kept.length > 0 ? [keptCounts(kept)] : [])];

  const hits = selection.hits ? sql`hits AS (SELECT entity_id FROM (${selection.hits}) AS found), ` : sql``;
  const matched = sql`matched AS MATERIALIZED (
    SELECT ${organisation.id}, ${organisation.countryIso2}, ${organisation.type}, ${organisation.sizeClass},
           ${organisation.womenLed}, ${organisation.subsectorCodes}, ${organisation.materialCodes}
    FROM ${organisation} WHERE ${whereExcept()})`;
  return queryRows<FacetCountRow>(executor, sql`WITH ${hits}${matched} ${sql.join(branches, sql` UNION ALL `)}`);
}

/**
 * The facet counts and the total of the unfiltered published directory, read from the table the
 * triggers of migration `organisation-facet-count-triggers` keep exact (a few dozen rows), in the
 * shape of `selectFacetCounts`: clusters by slug with their names.
 */
export function selectPublishedFacetCounts(executor: Executor): Promise<FacetCountRow[]> {
  return queryRows<FacetCountRow>(executor, keptCounts([...FACET_KEYS, 'total']));
}

export function selectOrganisationBySlug(executor: Executor, slug: string): Promise<OrganisationRow | undefined> {
  return executor
    .select()
    .from(organisation)
    .where(eq(organisation.slug, slug))
    .then((rows) => rows[0]);
}

export interface OrganisationClusterRow {
  slug: string;
  name: TranslatableValue;
  role: MembershipRole;
}

export function selectClustersOfOrganisation(executor: Executor, organisationId: string): Promise<OrganisationClusterRow[]> {
  return executor
    .select({ slug: cluster.slug, name: cluster.name, role: clusterMembership.role })
    .from(clusterMembership)
    .innerJoin(cluster, eq(cluster.id, clusterMembership.clusterId))
    .where(eq(clusterMembership.organisationId, organisationId))
    .orderBy(asc(cluster.slug));
}

/** The clusters of many organisations at once (exports), keyed by organisation id. */
export async function selectClustersOf(
  executor: Executor,
  organisationIds: readonly string[],
): Promise<Map<string, OrganisationClusterRow[]>> {
  const byOrganisation = new Map<string, OrganisationClusterRow[]>();
  if (organisationIds.length === 0) return byOrganisation;
  const rows = await executor
    .select({ organisationId: clusterMembership.organisationId, slug: cluster.slug, name: cluster.name, role: clusterMembership.role })
    .from(clusterMembership)
    .innerJoin(cluster, eq(cluster.id, clusterMembership.clusterId))
    .where(inArray(clusterMembership.organisationId, [...organisationIds]))
    .orderBy(asc(cluster.slug));
  for (const { organisationId, ...link } of rows) byOrganisation.set(organisationId, [...(byOrganisation.get(organisationId) ?? []), link]);
  return byOrganisation;
}

/** Where a batch of an export resumes: after this row in name order. */
export interface BatchCursor {
  sortName: string;
  slug: string;
}

/**
 * The next batch of the selection in name order, after `cursor` (keyset paging: each batch costs
 * the same, however deep into a 100,000-row export it is).
 */
export async function selectOrganisationBatch(
  executor: Executor,
  selection: OrganisationSelection,
  batch: { locale: Locale; after: BatchCursor | null; limit: number },
): Promise<{ row: OrganisationRow; sortName: string }[]> {
  const sortName = organisationSortName(batch.locale);
  const where = conditions(selection, undefined, 'subquery');
  if (batch.after) where.push(sql`(${sortName}, ${organisation.slug}) > (${batch.after.sortName}, ${batch.after.slug})`);
  const rows = await executor
    .select({ row: organisation, sortName: sql<string | null>`${sortName}` })
    .from(organisation)
    .where(and(...where))
    .orderBy(asc(sortName), asc(organisation.slug))
    .limit(batch.limit);
  return rows.map(({ row, sortName: name }) => ({ row, sortName: name ?? '' }));
}

export interface ReferenceNameRow {
  kind: 'country' | 'subsector' | 'material';
  code: string;
  name: TranslatableValue;
}

/** The names of every country, subsector and material (small tables), in one statement. */
export function selectReferenceNames(executor: Executor): Promise<ReferenceNameRow[]> {
  return queryRows<ReferenceNameRow>(
    executor,
    sql`SELECT 'country' AS kind, ${country.iso2} AS code, ${country.name} AS name FROM ${country}
        UNION ALL SELECT 'subsector', ${subsector.code}, ${subsector.name} FROM ${subsector}
        UNION ALL SELECT 'material', ${material.code}, ${material.name} FROM ${material}`,
  );
}

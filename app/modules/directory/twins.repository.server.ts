/**
 * The twins finder's reads: the source, the candidates pre-filtered in SQL, and what a cluster's
 * members bring to its profile. Only published organisations take part.
 */
import { and, arrayOverlaps, asc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '#app/shared/db/client.server.ts';
import { cluster, clusterMembership, organisation } from './directory.schema.ts';
import type { Market, OrganisationType, ValueChainRole } from './directory.vocabulary.ts';
import { TWIN_WEIGHTS } from './twins.ts';

export type OrganisationRow = typeof organisation.$inferSelect;
export type ClusterRow = typeof cluster.$inferSelect;

export async function selectPublishedOrganisationBySlug(executor: Executor, slug: string): Promise<OrganisationRow | undefined> {
  const [row] = await executor
    .select()
    .from(organisation)
    .where(and(eq(organisation.slug, slug), eq(organisation.status, 'published')));
  return row;
}

export async function selectClusterBySlug(executor: Executor, slug: string): Promise<ClusterRow | undefined> {
  const [row] = await executor.select().from(cluster).where(eq(cluster.slug, slug));
  return row;
}

/** What the source looks for: its country is excluded, its craft (subsectors of its families, materials) required. */
export interface CandidateQuery {
  excludeCountry: string;
  /** The source's own subsectors (ranked first). */
  subsectors: readonly string[];
  /** Every subsector of the source's families. */
  familySubsectors: readonly string[];
  materials: readonly string[];
  countries: readonly string[];
  types: readonly OrganisationType[];
  limit: number;
}

function textArray(values: readonly string[]): SQL {
  if (values.length === 0) return sql`'{}'::text[]`;
  return sql`ARRAY[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * Organisations in other countries sharing a family of subsectors or a material with the source,
 * best first by the craft points of `twins.ts` computed in SQL (subsector 40 / family 15, plus 10
 * per shared material up to 30), so the `limit` keeps exactly the candidates with the most craft
 * in common; the other reasons (value chain, markets, language, size) are scored in TypeScript.
 * Uses the GIN indexes on subsectors and materials.
 */
export async function selectOrganisationCandidates(executor: Executor, query: CandidateQuery): Promise<OrganisationRow[]> {
  const craft: SQL[] = [];
  if (query.familySubsectors.length > 0) craft.push(arrayOverlaps(organisation.subsectorCodes, [...query.familySubsectors]));
  if (query.materials.length > 0) craft.push(arrayOverlaps(organisation.materialCodes, [...query.materials]));
  if (craft.length === 0) return [];
  const conditions: (SQL | undefined)[] = [
    eq(organisation.status, 'published'),
    ne(organisation.countryIso2, query.excludeCountry),
    or(...craft),
  ];
  if (query.countries.length > 0) conditions.push(inArray(organisation.countryIso2, [...query.countries]));
  if (query.types.length > 0) conditions.push(inArray(organisation.type, [...query.types]));
  // One containment test per source material (a handful) is far cheaper per row than an array intersection.
  const sharedMaterials =
    query.materials.length === 0
      ? sql`0`
      : sql.join(
          query.materials.map((code) => sql`(${organisation.materialCodes} @> ARRAY[${code}]::text[])::int`),
          sql` + `,
        );
  const craftPoints = sql`(CASE WHEN ${organisation.subsectorCodes} && ${textArray(query.subsectors)} THEN ${TWIN_WEIGHTS.sameSubsector}
      WHEN ${organisation.subsectorCodes} && ${textArray(query.familySubsectors)} THEN ${TWIN_WEIGHTS.sameFamily} ELSE 0 END)
    + LEAST(${TWIN_WEIGHTS.sharedMaterialsMax}, ${TWIN_WEIGHTS.perSharedMaterial} * (${sharedMaterials}))`;
  return executor
    .select()
    .from(organisation)
    .where(and(...conditions))
    .orderBy(sql`${craftPoints} DESC`, asc(organisation.slug))
    .limit(query.limit);
}

export type ClusterCandidateQuery = Omit<CandidateQuery, 'types' | 'subsectors'>;

/** Clusters in other countries of the same family of subsectors or sharing a material (there are few clusters). */
export async function selectClusterCandidates(executor: Executor, query: ClusterCandidateQuery): Promise<ClusterRow[]> {
  const craft: SQL[] = [];
  if (query.familySubsectors.length > 0) craft.push(inArray(cluster.subsectorCode, [...query.familySubsectors]));
  if (query.materials.length > 0) craft.push(arrayOverlaps(cluster.materialCodes, [...query.materials]));
  if (craft.length === 0) return [];
  const conditions: (SQL | undefined)[] = [ne(cluster.countryIso2, query.excludeCountry), or(...craft)];
  if (query.countries.length > 0) conditions.push(inArray(cluster.countryIso2, [...query.countries]));
  return executor
    .select()
    .from(cluster)
    .where(and(...conditions))
    .orderBy(asc(cluster.slug))
    .limit(query.limit);
}

/** What a cluster's published members bring to its profile. */
export interface ClusterMemberAggregate {
  memberCount: number;
  materials: string[];
  markets: Market[];
  languages: string[];
  valueChainRoles: ValueChainRole[];
}

type AggregateField = 'material' | 'market' | 'language' | 'role';

/** One query for any number of clusters: the distinct values of their members' fields, and member counts. */
export async function selectClusterMemberAggregates(
  executor: Executor,
  clusterIds: readonly string[],
): Promise<Map<string, ClusterMemberAggregate>> {
  const aggregates = new Map<string, ClusterMemberAggregate>(
    clusterIds.map((id) => [id, { memberCount: 0, materials: [], markets: [], languages: [], valueChainRoles: [] }]),
  );
  if (clusterIds.length === 0) return aggregates;
  const ids = sql.join(
    clusterIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await queryRows<{ cluster_id: string; field: AggregateField | 'count'; value: string }>(
    executor,
    sql`WITH members AS (
        SELECT m.cluster_id, o.material_codes, o.markets, o.working_languages, o.value_chain_roles
        FROM ${clusterMembership} m JOIN ${organisation} o ON o.id = m.organisation_id
        WHERE m.cluster_id IN (${ids}) AND o.status = 'published'
      )
      SELECT DISTINCT members.cluster_id, f.field, f.value
      FROM members CROSS JOIN LATERAL (
        SELECT 'material' AS field, unnest(members.material_codes) AS value
        UNION ALL SELECT 'market', unnest(members.markets)
        UNION ALL SELECT 'language', unnest(members.working_languages)
        UNION ALL SELECT 'role', unnest(members.value_chain_roles)
      ) f
      UNION ALL
      SELECT cluster_id, 'count', count(*)::text FROM members GROUP BY cluster_id
      ORDER BY 1, 2, 3`,
  );
  for (const row of rows) {
    const aggregate = aggregates.get(row.cluster_id);
    if (!aggregate) continue;
    if (row.field === 'count') aggregate.memberCount = Number(row.value);
    else if (row.field === 'material') aggregate.materials.push(row.value);
    else if (row.field === 'market') aggregate.markets.push(row.value as Market);
    else if (row.field === 'language') aggregate.languages.push(row.value);
    else aggregate.valueChainRoles.push(row.value as ValueChainRole);
  }
  return aggregates;
}

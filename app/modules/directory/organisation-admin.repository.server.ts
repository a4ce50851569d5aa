/** The directory's write side: organisations, claims and proposals (the only code touching them through drizzle here). */
import { and, asc, desc, eq, inArray, like, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { user } from '#app/shared/db/schema.ts';
import { cluster, clusterMembership, country, material, organisation, organisationClaim, subsector } from './directory.schema.ts';
import type { OrganisationClusterLink, OrganisationRow } from './organisation.presenter.ts';

export type OrganisationValues = Omit<typeof organisation.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function findOrganisationBySlug(executor: Executor, slug: string, lock = false): Promise<OrganisationRow | undefined> {
  const query = executor.select().from(organisation).where(eq(organisation.slug, slug)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findOrganisationById(executor: Executor, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await executor.select().from(organisation).where(eq(organisation.id, id)).limit(1);
  return row;
}

/** Slugs equal to `base` or `base-<anything>`: the candidates a new slug must avoid. */
export async function selectSlugsLike(executor: Executor, base: string): Promise<Set<string>> {
  const rows = await executor
    .select({ slug: organisation.slug })
    .from(organisation)
    .where(or(eq(organisation.slug, base), like(organisation.slug, `${base}-%`)));
  return new Set(rows.map((r) => r.slug));
}

export async function insertOrganisationRow(executor: Executor, values: OrganisationValues): Promise<OrganisationRow> {
  const [row] = await executor.insert(organisation).values(values).returning();
  return row!;
}

export async function updateOrganisationRow(executor: Executor, id: string, values: Partial<OrganisationValues>): Promise<OrganisationRow> {
  const [row] = await executor.update(organisation).set(values).where(eq(organisation.id, id)).returning();
  return row!;
}

function anyTextEquals(column: typeof organisation.name | typeof organisation.city, texts: string[]): SQL {
  const lowered = texts.map((text) => sql`${text.trim().toLowerCase()}`);
  // `mosaic_lowered_texts` (migration 0021) is what the name index is built on.
  return sql`mosaic_lowered_texts(${column}) && ARRAY[${sql.join(lowered, sql`, `)}]::text[]`;
}

export interface DuplicateProbe {
  names: string[];
  cities: string[];
  email?: string | null;
  phoneDigits?: string | null;
  excludeId?: string;
}

/**
 * An existing organisation that is the same one: same name and city (in any language), or the
 * same e-mail, or the same phone number (digits compared, formatting ignored).
 */
export async function findDuplicateOrganisation(
  executor: Executor,
  probe: DuplicateProbe,
): Promise<Pick<OrganisationRow, 'slug' | 'name' | 'sourceLocale'> | undefined> {
  const matches: SQL[] = [];
  if (probe.names.length > 0 && probe.cities.length > 0) {
    matches.push(and(anyTextEquals(organisation.name, probe.names), anyTextEquals(organisation.city, probe.cities))!);
  }
  if (probe.email) matches.push(sql`lower(${organisation.email}) = ${probe.email.toLowerCase()}`);
  if (probe.phoneDigits) matches.push(sql`regexp_replace(${organisation.phone}, '[^0-9]', '', 'g') = ${probe.phoneDigits}`);
  if (matches.length === 0) return undefined;
  const [row] = await executor
    .select({ slug: organisation.slug, name: organisation.name, sourceLocale: organisation.sourceLocale })
    .from(organisation)
    .where(and(or(...matches), probe.excludeId ? ne(organisation.id, probe.excludeId) : undefined))
    .orderBy(asc(organisation.createdAt))
    .limit(1);
  return row;
}

/** Which of the given reference codes do not exist (each list checked in one query). */
export async function unknownReferenceCodes(
  executor: Executor,
  codes: { countryIso2: string; subsectorCodes: string[]; materialCodes: string[] },
): Promise<{ countryIso2: boolean; subsectorCodes: string[]; materialCodes: string[] }> {
  const [countries, subsectors, materials] = await Promise.all([
    executor.select({ code: country.iso2 }).from(country).where(eq(country.iso2, codes.countryIso2)),
    codes.subsectorCodes.length > 0
      ? executor.select({ code: subsector.code }).from(subsector).where(inArray(subsector.code, codes.subsectorCodes))
      : [],
    codes.materialCodes.length > 0
      ? executor.select({ code: material.code }).from(material).where(inArray(material.code, codes.materialCodes))
      : [],
  ]);
  const known = (rows: { code: string }[]) => new Set(rows.map((r) => r.code));
  const knownSubsectors = known(subsectors);
  const knownMaterials = known(materials);
  return {
    countryIso2: countries.length === 0,
    subsectorCodes: codes.subsectorCodes.filter((code) => !knownSubsectors.has(code)),
    materialCodes: codes.materialCodes.filter((code) => !knownMaterials.has(code)),
  };
}

export async function selectOrganisationClusters(executor: Executor, organisationId: string): Promise<OrganisationClusterLink[]> {
  return executor
    .select({ slug: cluster.slug, name: cluster.name, role: clusterMembership.role })
    .from(clusterMembership)
    .innerJoin(cluster, eq(cluster.id, clusterMembership.clusterId))
    .where(eq(clusterMembership.organisationId, organisationId))
    .orderBy(asc(cluster.slug));
}

export type ClaimRow = typeof organisationClaim.$inferSelect;

/** Inserts a pending claim, or returns undefined when this person already has one pending for this organisation. */
export async function insertPendingClaim(
  executor: Executor,
  values: { organisationId: string; userId: string; message: string | null },
): Promise<ClaimRow | undefined> {
  const [row] = await executor.insert(organisationClaim).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findClaim(executor: Executor, id: string, lock = false): Promise<ClaimRow | undefined> {
  const query = executor.select().from(organisationClaim).where(eq(organisationClaim.id, id)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function markClaimDecided(executor: Executor, id: string, status: 'approved' | 'rejected', decidedById: string | null) {
  await executor.update(organisationClaim).set({ status, decidedById, decidedAt: new Date() }).where(eq(organisationClaim.id, id));
}

/** Countries to restrict a list to, or null for every country. */
export type CountryFilter = readonly string[] | null;

function inCountries(countries: CountryFilter): SQL | undefined {
  if (countries === null) return undefined;
  return countries.length > 0 ? inArray(organisation.countryIso2, [...countries]) : sql`false`;
}

/*
 * Staff deciding a request need to know who made it: the requester's name and e-mail are read
 * with the request (one query, no foreign key: the identity module owns the accounts).
 */

/** Pending claims, oldest first, with the organisation they are about and who made them (bounded by `limit`). */
export async function selectPendingClaims(executor: Executor, countries: CountryFilter, limit: number) {
  return executor
    .select({
      id: organisationClaim.id,
      userId: organisationClaim.userId,
      message: organisationClaim.message,
      createdAt: organisationClaim.createdAt,
      organisationSlug: organisation.slug,
      organisationName: organisation.name,
      sourceLocale: organisation.sourceLocale,
      countryIso2: organisation.countryIso2,
      claimantName: user.name,
      claimantEmail: user.email,
    })
    .from(organisationClaim)
    .innerJoin(organisation, eq(organisation.id, organisationClaim.organisationId))
    .leftJoin(user, eq(user.id, organisationClaim.userId))
    .where(and(eq(organisationClaim.status, 'pending'), inCountries(countries)))
    .orderBy(asc(organisationClaim.createdAt))
    .limit(limit);
}

/** Organisations waiting for approval, oldest first, with who proposed them. */
export async function selectProposedOrganisations(executor: Executor, countries: CountryFilter, limit: number) {
  return executor
    .select({ organisation, proposerName: user.name, proposerEmail: user.email })
    .from(organisation)
    .leftJoin(user, eq(user.id, organisation.proposedById))
    .where(and(eq(organisation.status, 'proposed'), inCountries(countries)))
    .orderBy(asc(organisation.createdAt))
    .limit(limit);
}

/** The claims a person made, newest first (to show them where their claims stand). */
export async function selectClaimsOf(executor: Executor, userId: string, organisationId: string) {
  return executor
    .select({ id: organisationClaim.id, status: organisationClaim.status, createdAt: organisationClaim.createdAt })
    .from(organisationClaim)
    .where(and(eq(organisationClaim.userId, userId), eq(organisationClaim.organisationId, organisationId)))
    .orderBy(desc(organisationClaim.createdAt))
    .limit(10);
}

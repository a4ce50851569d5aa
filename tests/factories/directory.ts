/**
 * Directory rows for tests, written straight to the tables (services are what tests exercise, so
 * fixtures do not go through them). Reference data (countries, sectors, materials) is seeded once
 * per database by `ensureReferenceData`; each row gets a unique slug unless one is given.
 */
import { seedReferenceData } from '#app/modules/directory/index.ts';
import type { Executor } from '#app/shared/db/client.server.ts';
import { cluster, clusterMembership, organisation, person } from '#app/shared/db/schema.ts';

let sequence = 0;
const next = () => ++sequence;
const seeded = new WeakSet<object>();

export async function ensureReferenceData(db: Executor): Promise<void> {
  if (seeded.has(db)) return;
  await seedReferenceData(db);
  seeded.add(db);
}

export type OrganisationRow = typeof organisation.$inferSelect;
export type ClusterRow = typeof cluster.$inferSelect;

export async function insertOrganisation(
  db: Executor,
  overrides: Partial<typeof organisation.$inferInsert> = {},
): Promise<OrganisationRow> {
  await ensureReferenceData(db);
  const n = next();
  const [row] = await db
    .insert(organisation)
    .values({
      slug: `test-organisation-${n}`,
      name: { en: `Test Organisation ${n}` },
      type: 'enterprise',
      countryIso2: 'TN',
      sizeClass: 'micro',
      ...overrides,
    })
    .returning();
  return row!;
}

export async function insertCluster(db: Executor, overrides: Partial<typeof cluster.$inferInsert> = {}): Promise<ClusterRow> {
  await ensureReferenceData(db);
  const n = next();
  const [row] = await db
    .insert(cluster)
    .values({ slug: `test-cluster-${n}`, name: { en: `Test Cluster ${n}` }, countryIso2: 'TN', subsectorCode: 'fashion', ...overrides })
    .returning();
  return row!;
}

export async function addMember(
  db: Executor,
  clusterRow: Pick<ClusterRow, 'id'>,
  organisationRow: Pick<OrganisationRow, 'id'>,
  role: (typeof clusterMembership.$inferInsert)['role'] = 'member',
): Promise<void> {
  await db.insert(clusterMembership).values({ clusterId: clusterRow.id, organisationId: organisationRow.id, role });
}

export async function insertPerson(db: Executor, overrides: Partial<typeof person.$inferInsert> = {}) {
  const [row] = await db
    .insert(person)
    .values({ fullName: `Test Person ${next()}`, ...overrides })
    .returning();
  return row!;
}

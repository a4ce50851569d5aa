/**
 * Reference data of the directory: countries, the CCI taxonomy (families and subsectors) and the
 * materials and techniques vocabulary. Public to read (visitors browse by country and sector);
 * seeded at start-up and by `npm run mosaic -- seed`.
 */
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import type { Country, Material, ReferenceDataCounts, SectorFamily } from './directory.contracts.ts';
import {
  selectCountries,
  selectMaterials,
  selectSectorFamilies,
  selectSubsectors,
  upsertReferenceData,
} from './directory.repository.server.ts';
import { type ReferenceData, shippedReferenceData } from './reference-data.ts';

/**
 * Idempotent: inserts the shipped countries, families, subsectors and materials, or refreshes
 * their names and order. A system task (start-up, CLI), so it is not audited.
 */
export async function seedReferenceData(executor: Executor, data: ReferenceData = shippedReferenceData()): Promise<ReferenceDataCounts> {
  await executor.transaction(async (tx) => upsertReferenceData(tx, data));
  return {
    countries: data.countries.length,
    families: data.families.length,
    subsectors: data.subsectors.length,
    materials: data.materials.length,
  };
}

/** Countries ordered by ISO code (callers sort by the reader's language if they need to). */
export async function listCountries(executor: Executor = getDb()): Promise<Country[]> {
  return selectCountries(executor);
}

/** The families in programme order, each with its subsectors in order: two queries, whatever the size. */
export async function listSectors(executor: Executor = getDb()): Promise<SectorFamily[]> {
  const [families, subsectors] = await Promise.all([selectSectorFamilies(executor), selectSubsectors(executor)]);
  return families.map((family) => ({ ...family, subsectors: subsectors.filter((s) => s.familyCode === family.code) }));
}

export async function listMaterials(executor: Executor = getDb()): Promise<Material[]> {
  return selectMaterials(executor);
}

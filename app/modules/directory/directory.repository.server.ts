/** The directory's reference tables (the only code touching them through drizzle). */
import { asc, sql } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { country, material, sectorFamily, subsector } from './directory.schema.ts';
import type { ReferenceData } from './reference-data.ts';

/** Inserts the rows or refreshes their names and positions; rows not listed are left alone. */
export async function upsertReferenceData(executor: Executor, data: ReferenceData): Promise<void> {
  if (data.countries.length > 0) {
    await executor
      .insert(country)
      .values(data.countries)
      .onConflictDoUpdate({ target: country.iso2, set: { name: sql`excluded.name` } });
  }
  if (data.families.length > 0) {
    await executor
      .insert(sectorFamily)
      .values(data.families)
      .onConflictDoUpdate({ target: sectorFamily.code, set: { name: sql`excluded.name`, position: sql`excluded.position` } });
  }
  if (data.subsectors.length > 0) {
    await executor
      .insert(subsector)
      .values(data.subsectors)
      .onConflictDoUpdate({
        target: subsector.code,
        set: { familyCode: sql`excluded.family_code`, name: sql`excluded.name`, position: sql`excluded.position` },
      });
  }
  if (data.materials.length > 0) {
    await executor
      .insert(material)
      .values(data.materials)
      .onConflictDoUpdate({ target: material.code, set: { name: sql`excluded.name` } });
  }
}

export function selectCountries(executor: Executor) {
  return executor.select({ iso2: country.iso2, name: country.name }).from(country).orderBy(asc(country.iso2));
}

export function selectSectorFamilies(executor: Executor) {
  return executor
    .select({ code: sectorFamily.code, name: sectorFamily.name })
    .from(sectorFamily)
    .orderBy(asc(sectorFamily.position), asc(sectorFamily.code));
}

export function selectSubsectors(executor: Executor) {
  return executor
    .select({ code: subsector.code, familyCode: subsector.familyCode, name: subsector.name })
    .from(subsector)
    .orderBy(asc(subsector.position), asc(subsector.code));
}

export function selectMaterials(executor: Executor) {
  return executor.select({ code: material.code, name: material.name }).from(material).orderBy(asc(material.code));
}

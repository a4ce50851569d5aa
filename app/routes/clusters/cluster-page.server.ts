/** Shared by the clusters pages' loaders and actions: refusals as error pages, reference names. */
import { listCountries, listMaterials, listSectors } from '#app/modules/directory/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import type { TranslatableValue } from '#app/shared/i18n/translatable.ts';

/** A refused or missing thing becomes the matching error page (401, 403, 404); anything else is rethrown. */
export function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status === 409 ? 400 : error.status });
  throw error;
}

export interface ReferenceLabels {
  countries: Record<string, TranslatableValue>;
  subsectors: Record<string, TranslatableValue>;
  materials: Record<string, TranslatableValue>;
  /** Country codes and subsector codes in display order. */
  countryCodes: string[];
  subsectorCodes: string[];
  materialCodes: string[];
}

/** Names of countries, subsectors and materials in every language (the page picks its own). */
export async function referenceLabels(): Promise<ReferenceLabels> {
  const [countries, families, materials] = await Promise.all([listCountries(), listSectors(), listMaterials()]);
  const subsectors = families.flatMap((family) => family.subsectors);
  return {
    countries: Object.fromEntries(countries.map((c) => [c.iso2, c.name])),
    subsectors: Object.fromEntries(subsectors.map((s) => [s.code, s.name])),
    materials: Object.fromEntries(materials.map((m) => [m.code, m.name])),
    countryCodes: countries.map((c) => c.iso2),
    subsectorCodes: subsectors.map((s) => s.code),
    materialCodes: materials.map((m) => m.code),
  };
}

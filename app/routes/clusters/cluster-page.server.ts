/** Shared by the clusters pages' loaders and actions: refusals as error pages, reference names, the profile form's choices and refusals. */
import type { ClusterFormChoices } from '#app/modules/directory/components/cluster-form.tsx';
import { CLUSTER_STAGES, listCountries, listMaterials, listSectors, profileLinkSchema } from '#app/modules/directory/index.ts';
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

/** What the profile form offers; `countries` limits the countries (country-scoped staff creating a cluster). */
export async function clusterFormChoices(countries: 'any' | readonly string[]): Promise<ClusterFormChoices> {
  const labels = await referenceLabels();
  return {
    ...labels,
    countryCodes: countries === 'any' ? labels.countryCodes : labels.countryCodes.filter((iso2) => countries.includes(iso2)),
    stages: [...CLUSTER_STAGES],
    linkKinds: [...profileLinkSchema.shape.kind.options],
  };
}

/** Codes with a message under `errors.field.`; any other is said as "invalid". */
const FIELD_CODES = new Set([
  'invalid_format',
  'invalid_type',
  'invalid_value',
  'required',
  'too_big',
  'too_small',
  'too_many_photos',
  'image_too_large',
  'image_type',
]);

function fieldMessage(code: string): string {
  // The one refinement of the form's fields: a text needs at least one language.
  if (code === 'custom') return 'errors.field.required';
  return `errors.field.${FIELD_CODES.has(code) ? code : 'invalid'}`;
}

export interface ClusterFormFailure {
  status: number;
  /** Message keys by field name. */
  fieldErrors: Record<string, string>;
  formError: string;
}

/**
 * A refusal the form can show (bad or unknown values, a taken slug) with its message keys; being
 * signed out or refused, a missing cluster, or a failure of ours becomes the error page.
 */
export function formFailure(error: unknown): ClusterFormFailure {
  if (!isAppError(error) || error.status >= 500 || error.status === 401 || error.status === 403) asErrorResponse(error);
  if (error.code === 'DIRECTORY_CLUSTERS_NOT_FOUND') asErrorResponse(error);
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.details?.fields ?? []) fieldErrors[issue.field.split('.')[0] ?? issue.field] ??= fieldMessage(issue.code);
  return { status: error.status, fieldErrors, formError: `errors.${error.code}` };
}

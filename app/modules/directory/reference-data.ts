/**
 * The reference data shipped with Mosaic (`reference-data/*.json`, copied from the programme's
 * shared data), validated and shaped into table rows. Imported as JSON so the server bundle and
 * the CLI carry it without depending on the working directory. Pure: no I/O.
 */
import { z } from 'zod';
import countriesFile from '../../../reference-data/countries.json' with { type: 'json' };
import sectorsFile from '../../../reference-data/sectors.json' with { type: 'json' };
import { countrySchema, referenceCodeSchema, translatableTextSchema } from './directory.contracts.ts';
import { MATERIAL_NAMES } from './materials.ts';

const sectorsFileSchema = z.object({
  families: z.array(
    z.object({
      code: referenceCodeSchema,
      name: translatableTextSchema,
      subsectors: z.array(z.object({ code: referenceCodeSchema, name: translatableTextSchema })).min(1),
    }),
  ),
  materials_and_techniques_examples: z.array(z.string().min(1)),
});

export interface ReferenceData {
  countries: { iso2: string; name: z.infer<typeof translatableTextSchema> }[];
  families: { code: string; name: z.infer<typeof translatableTextSchema>; position: number }[];
  subsectors: { code: string; familyCode: string; name: z.infer<typeof translatableTextSchema>; position: number }[];
  materials: { code: string; name: z.infer<typeof translatableTextSchema> }[];
}

/** `olive wood` -> `olive-wood`, `reverse-glass painting` -> `reverse-glass-painting`. */
export function materialCode(englishName: string): string {
  return englishName
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function buildReferenceData(countriesInput: unknown, sectorsInput: unknown): ReferenceData {
  const countries = z.array(countrySchema).parse(countriesInput);
  const sectors = sectorsFileSchema.parse(sectorsInput);
  const families = sectors.families.map((family, position) => ({ code: family.code, name: family.name, position }));
  const subsectors = sectors.families.flatMap((family) =>
    family.subsectors.map((subsector, position) => ({ code: subsector.code, familyCode: family.code, name: subsector.name, position })),
  );
  const materials = sectors.materials_and_techniques_examples.map((example) => {
    const name = MATERIAL_NAMES[example];
    if (!name) throw new Error(`reference-data/sectors.json lists the material "${example}" without translations in materials.ts`);
    return { code: materialCode(example), name };
  });
  return { countries, families, subsectors, materials };
}

/** The data shipped in `reference-data/`. */
export function shippedReferenceData(): ReferenceData {
  return buildReferenceData(countriesFile, sectorsFile);
}

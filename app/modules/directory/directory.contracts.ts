/**
 * Contracts of the directory's reference data (countries, the CCI taxonomy, materials and
 * techniques). Shared by the services, the public API (`GET /api/v1/countries`, `/api/v1/sectors`)
 * and the pages. `.meta({ id })` names the schemas in the OpenAPI document.
 */
import { z } from 'zod';

/** A text in one or more of the UI languages; one language is enough. */
export const translatableTextSchema = z
  .object({
    ar: z.string().min(1).optional(),
    fr: z.string().min(1).optional(),
    en: z.string().min(1).optional(),
  })
  .refine((text) => Boolean(text.ar ?? text.fr ?? text.en), { message: 'needs at least one language' })
  .meta({
    id: 'TranslatableText',
    description: 'A text in Arabic, French and/or English (at least one).',
    example: { en: 'Morocco', fr: 'Maroc', ar: 'المغرب' },
  });

/** Stable lower-case codes (`design-industries`, `olive-wood`): used in URLs, imports and exports. */
export const referenceCodeSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const countrySchema = z
  .object({
    iso2: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .meta({ description: 'ISO 3166-1 alpha-2 code', example: 'MA' }),
    name: translatableTextSchema,
  })
  .meta({ id: 'Country' });

export const subsectorSchema = z
  .object({
    code: referenceCodeSchema.meta({ example: 'fashion' }),
    familyCode: referenceCodeSchema.meta({ example: 'design-industries' }),
    name: translatableTextSchema,
  })
  .meta({ id: 'Subsector' });

export const sectorFamilySchema = z
  .object({
    code: referenceCodeSchema.meta({ example: 'design-industries' }),
    name: translatableTextSchema,
    subsectors: z.array(subsectorSchema),
  })
  .meta({ id: 'SectorFamily', description: 'A family of the CCI taxonomy with its subsectors, in display order.' });

export const materialSchema = z
  .object({
    code: referenceCodeSchema.meta({ example: 'olive-wood' }),
    name: translatableTextSchema,
  })
  .meta({ id: 'Material', description: 'A material or technique (silver, embroidery, mosaic...).' });

export const countryListSchema = z.array(countrySchema);
export const sectorListSchema = z.array(sectorFamilySchema);
export const materialListSchema = z.array(materialSchema);

export type TranslatableText = z.infer<typeof translatableTextSchema>;
export type Country = z.infer<typeof countrySchema>;
export type Subsector = z.infer<typeof subsectorSchema>;
export type SectorFamily = z.infer<typeof sectorFamilySchema>;
export type Material = z.infer<typeof materialSchema>;

/** What `seedReferenceData` wrote (rows inserted or refreshed per table). */
export interface ReferenceDataCounts {
  countries: number;
  families: number;
  subsectors: number;
  materials: number;
}

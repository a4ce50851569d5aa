/**
 * Contracts of the needs module. The challenge taxonomy: a theme has a stable code (lower-case
 * English kebab-case, never changed once given), a name and a one-line description in Arabic,
 * French and/or English, and an order; an archived theme leaves the public list but stays for the
 * records that point at it.
 */
import { z } from 'zod';
import { translatableTextSchemaOf } from '#app/shared/i18n/translatable.contracts.ts';

export const themeCodeSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .meta({ description: 'Stable code of a challenge theme: lower-case English words joined by `-`.', example: 'access-to-finance' });

export const themeNameSchema = translatableTextSchemaOf(z.string().trim().min(1).max(120)).meta({
  id: 'ChallengeThemeName',
  description: 'The theme’s name in Arabic, French and/or English (at least one).',
  example: { en: 'Access to finance', fr: 'Accès au financement', ar: 'الوصول إلى التمويل' },
});

export const themeDescriptionSchema = translatableTextSchemaOf(z.string().trim().min(1).max(300)).meta({
  id: 'ChallengeThemeDescription',
  description: 'One line saying what the theme covers, in Arabic, French and/or English (at least one).',
});

export const sortOrderSchema = z.number().int().min(0).max(10_000);

export const challengeThemeSchema = z
  .object({
    code: themeCodeSchema,
    name: themeNameSchema,
    description: themeDescriptionSchema.nullable(),
    sortOrder: sortOrderSchema,
    archivedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ChallengeTheme' });
export type ChallengeTheme = z.infer<typeof challengeThemeSchema>;

export const challengeThemeListSchema = z.object({ items: z.array(challengeThemeSchema) }).meta({ id: 'ChallengeThemeList' });

export const listThemesInputSchema = z.object({ includeArchived: z.boolean().default(false) });
export type ListThemesInput = z.input<typeof listThemesInputSchema>;

export const createThemeInputSchema = z
  .object({
    code: themeCodeSchema,
    name: themeNameSchema,
    description: themeDescriptionSchema.nullable().optional(),
    /** Placed after the existing themes when absent. */
    sortOrder: sortOrderSchema.optional(),
  })
  .meta({ id: 'ChallengeThemeInput' });
export type CreateThemeInput = z.input<typeof createThemeInputSchema>;

/** The code never changes; absent fields keep their value, `description: null` clears it. */
export const updateThemeInputSchema = z
  .object({
    name: themeNameSchema.optional(),
    description: themeDescriptionSchema.nullable().optional(),
    sortOrder: sortOrderSchema.optional(),
  })
  .meta({ id: 'ChallengeThemePatch' });
export type UpdateThemeInput = z.input<typeof updateThemeInputSchema>;

/** What seeding the shipped themes wrote: the codes that were missing, and how many were already there. */
export interface ThemeSeedCounts {
  inserted: number;
  kept: number;
}

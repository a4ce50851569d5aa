/**
 * Contracts of cluster diagnostics. A diagnostic is one dated round of a cluster's self-assessment:
 * challenges (tagged with a challenge theme, rated 1 low .. 4 critical, with the groups affected,
 * the gender dimension and the evidence), a SWOT and baseline figures. A round is a draft until
 * endorsed (who endorsed it, by name and role, and when); an endorsed round is read-only and a new
 * round starts as a copy of it.
 *
 * Vocabularies (stable codes; labels live in locales/*\/needs.diagnostics.json):
 * - affected groups: who a challenge weighs on (the cluster's enterprises by size, women artisans,
 *   youth, exporters, informal workers, suppliers, support institutions, or all members);
 * - gender dimension: none, affects women more, affects men more, a barrier specific to women;
 * - baseline indicators: the figures a cluster's results are later measured against; units are
 *   `count`, `percent` or an ISO 4217 currency code.
 */
import { z } from 'zod';
import { translatableTextSchemaOf } from '#app/shared/i18n/translatable.contracts.ts';
import { themeCodeSchema } from '../needs.contracts.ts';
import { AFFECTED_GROUPS, BASELINE_INDICATORS, DIAGNOSTIC_STATUSES, GENDER_DIMENSIONS, SWOT_KINDS } from './diagnostics.vocabulary.ts';

export * from './diagnostics.vocabulary.ts';

const localeSchema = z.enum(['ar', 'fr', 'en']);
const idSchema = z.string().min(1).max(64);
const clusterSlugSchema = z
  .string()
  .min(2)
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const isoDateSchema = z.iso.date().meta({ description: 'A day, `YYYY-MM-DD`.', example: '2026-10-14' });
const sortOrderSchema = z.number().int().min(0).max(10_000);
const httpUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .meta({ description: 'An http(s) address.' });

export const severitySchema = z.number().int().min(1).max(4).meta({ description: '1 low, 2 moderate, 3 high, 4 critical.' });
export const affectedGroupSchema = z.enum(AFFECTED_GROUPS);
export const genderDimensionSchema = z.enum(GENDER_DIMENSIONS);
export const swotKindSchema = z.enum(SWOT_KINDS);
export const baselineIndicatorSchema = z.enum(BASELINE_INDICATORS);
export const baselineUnitSchema = z
  .string()
  .regex(/^(count|percent|[A-Z]{3})$/)
  .meta({ description: '`count`, `percent` or an ISO 4217 currency code (`TND`).', example: 'count' });

export const challengeDescriptionSchema = translatableTextSchemaOf(z.string().trim().min(1).max(2000)).meta({
  id: 'ChallengeDescription',
  description: 'What holds the cluster back, in Arabic, French and/or English (at least one).',
});
const noteSchema = translatableTextSchemaOf(z.string().trim().min(1).max(1000));
const swotTextSchema = translatableTextSchemaOf(z.string().trim().min(1).max(500));

const affectedGroupsSchema = z
  .array(affectedGroupSchema)
  .max(AFFECTED_GROUPS.length)
  .refine((groups) => new Set(groups).size === groups.length, { message: 'each group once' });

export const challengeInputSchema = z
  .object({
    themeCode: themeCodeSchema,
    description: challengeDescriptionSchema,
    sourceLocale: localeSchema.default('en'),
    severity: severitySchema,
    affectedGroups: affectedGroupsSchema.default([]),
    genderDimension: genderDimensionSchema.default('none'),
    genderNote: noteSchema.nullable().optional(),
    evidence: noteSchema.nullable().optional(),
    evidenceUrl: httpUrlSchema.nullable().optional(),
    /** Placed after the diagnostic's challenges when absent. */
    sortOrder: sortOrderSchema.optional(),
  })
  .meta({ id: 'DiagnosticChallengeInput' });
export type ChallengeInput = z.input<typeof challengeInputSchema>;

/** Absent fields keep their value; `null` clears an optional one. */
export const challengePatchSchema = z
  .object({
    themeCode: themeCodeSchema.optional(),
    description: challengeDescriptionSchema.optional(),
    sourceLocale: localeSchema.optional(),
    severity: severitySchema.optional(),
    affectedGroups: affectedGroupsSchema.optional(),
    genderDimension: genderDimensionSchema.optional(),
    genderNote: noteSchema.nullable().optional(),
    evidence: noteSchema.nullable().optional(),
    evidenceUrl: httpUrlSchema.nullable().optional(),
    sortOrder: sortOrderSchema.optional(),
  })
  .meta({ id: 'DiagnosticChallengePatch' });
export type ChallengePatch = z.input<typeof challengePatchSchema>;

export const swotItemInputSchema = z
  .object({ kind: swotKindSchema, text: swotTextSchema, sourceLocale: localeSchema.default('en') })
  .meta({ id: 'SwotItemInput' });
export type SwotItemInput = z.input<typeof swotItemInputSchema>;

export const baselineInputSchema = z
  .object({
    indicatorCode: baselineIndicatorSchema,
    value: z.number().finite().min(-1e12).max(1e12),
    unit: baselineUnitSchema,
    year: z.number().int().min(1990).max(2100),
    source: z.string().trim().min(1).max(300).nullable().optional(),
  })
  .meta({ id: 'BaselineFigureInput' });
export type BaselineInput = z.input<typeof baselineInputSchema>;

export const createDiagnosticInputSchema = z.object({ cluster: clusterSlugSchema, diagnosedOn: isoDateSchema }).meta({
  id: 'DiagnosticInput',
  description: 'Starts a draft round; when the cluster has an endorsed round, the draft is a copy of the latest one.',
});
export type CreateDiagnosticInput = z.input<typeof createDiagnosticInputSchema>;

export const updateDiagnosticInputSchema = z.object({ diagnosedOn: isoDateSchema.optional() }).meta({ id: 'DiagnosticPatch' });
export type UpdateDiagnosticInput = z.input<typeof updateDiagnosticInputSchema>;

export const endorseInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120).meta({ description: 'Who endorsed it.', example: 'Hédi Ben Salah' }),
    role: z.string().trim().min(1).max(120).meta({ description: 'Their role.', example: 'Chair of the cluster steering committee' }),
  })
  .meta({ id: 'DiagnosticEndorsement' });
export type EndorseInput = z.input<typeof endorseInputSchema>;

export const listChallengesInputSchema = z.object({
  cluster: clusterSlugSchema.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  theme: themeCodeSchema.optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type ListChallengesInput = z.input<typeof listChallengesInputSchema>;

export const diagnosticIdSchema = idSchema;

// Outputs.

export const challengeSchema = z
  .object({
    id: z.string(),
    diagnosticId: z.string(),
    themeCode: themeCodeSchema,
    description: challengeDescriptionSchema,
    sourceLocale: localeSchema,
    severity: severitySchema,
    affectedGroups: z.array(affectedGroupSchema),
    genderDimension: genderDimensionSchema,
    genderNote: noteSchema.nullable(),
    /** Null in public views (see the diagnostics policy). */
    evidence: noteSchema.nullable(),
    evidenceUrl: z.string().nullable(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'DiagnosticChallenge' });
export type Challenge = z.infer<typeof challengeSchema>;

export const swotItemSchema = z
  .object({ id: z.string(), kind: swotKindSchema, text: swotTextSchema, sourceLocale: localeSchema, sortOrder: z.number().int() })
  .meta({ id: 'SwotItem' });
export type SwotItem = z.infer<typeof swotItemSchema>;

export const baselineFigureSchema = z
  .object({
    id: z.string(),
    indicatorCode: baselineIndicatorSchema,
    value: z.number(),
    unit: z.string(),
    year: z.number().int(),
    source: z.string().nullable(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'BaselineFigure' });
export type BaselineFigure = z.infer<typeof baselineFigureSchema>;

export const diagnosticSummarySchema = z
  .object({
    id: z.string(),
    cluster: z.string().meta({ description: 'The cluster’s slug.' }),
    country: z.string(),
    round: z.number().int(),
    diagnosedOn: isoDateSchema,
    status: z.enum(DIAGNOSTIC_STATUSES),
    endorsedBy: z.object({ name: z.string(), role: z.string() }).nullable(),
    endorsedAt: z.iso.datetime().nullable(),
    basedOnId: z.string().nullable(),
    challengeCount: z.number().int(),
    isDemo: z.boolean(),
  })
  .meta({ id: 'DiagnosticSummary' });
export type DiagnosticSummary = z.infer<typeof diagnosticSummarySchema>;

export const diagnosticSchema = diagnosticSummarySchema
  .extend({ challenges: z.array(challengeSchema), swot: z.array(swotItemSchema), baseline: z.array(baselineFigureSchema) })
  .meta({ id: 'Diagnostic' });
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export const diagnosticListSchema = z.object({ items: z.array(diagnosticSummarySchema) }).meta({ id: 'DiagnosticList' });

export const endorsedChallengeSchema = challengeSchema
  .extend({
    cluster: z.string(),
    country: z.string(),
    round: z.number().int(),
    diagnosedOn: isoDateSchema,
    endorsedAt: z.iso.datetime(),
  })
  .meta({ id: 'EndorsedChallenge' });
export type EndorsedChallenge = z.infer<typeof endorsedChallengeSchema>;

export const endorsedChallengePageSchema = z
  .object({ items: z.array(endorsedChallengeSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'EndorsedChallengePage' });
export type EndorsedChallengePage = z.infer<typeof endorsedChallengePageSchema>;

/**
 * Contracts of the cluster operations beyond the shared profile shapes in `directory.contracts.ts`:
 * list filters, a partial update, and membership changes. Shared by the pages and the API.
 */
import { z } from 'zod';
import {
  clusterInputSchema,
  clusterStageSchema,
  iso2Schema,
  membershipRoleSchema,
  profileLinkSchema,
  referenceCodeSchema,
  slugSchema,
  translatableTextSchema,
} from './directory.contracts.ts';

/** A filter value given once or repeated (`?country=DZ&country=TN`), or comma-separated in the API. */
function listOf<T extends z.ZodType>(item: T) {
  return z
    .preprocess((value) => {
      if (value === undefined || value === null || value === '') return [];
      const values = Array.isArray(value) ? value : [value];
      return values.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).filter((v) => v !== '');
    }, z.array(item).max(20))
    .default([]);
}

export const clusterFiltersSchema = z
  .object({
    country: listOf(iso2Schema),
    subsector: listOf(referenceCodeSchema),
    stage: listOf(clusterStageSchema),
  })
  .meta({ id: 'ClusterFilters' });

export type ClusterFilters = z.output<typeof clusterFiltersSchema>;
export type ClusterFiltersInput = z.input<typeof clusterFiltersSchema>;

/**
 * A partial update: absent fields are left alone, `null` clears an optional field. The slug never
 * changes (role scopes and links use it). `facts`, when given, replaces the whole list.
 */
export const clusterPatchSchema = z
  .object({
    name: translatableTextSchema.optional(),
    description: translatableTextSchema.nullable().optional(),
    sourceLocale: z.enum(['ar', 'fr', 'en']).optional(),
    countryIso2: iso2Schema.optional(),
    city: translatableTextSchema.nullable().optional(),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    subsectorCode: referenceCodeSchema.optional(),
    materialCodes: z.array(referenceCodeSchema).max(50).optional(),
    stage: clusterStageSchema.optional(),
    anchorOrganisationSlug: slugSchema.nullable().optional(),
    links: z.array(profileLinkSchema).max(10).optional(),
    facts: clusterInputSchema.shape.facts.unwrap().optional(),
  })
  .meta({ id: 'ClusterPatch' });

export type ClusterPatch = z.input<typeof clusterPatchSchema>;

export const clusterMemberInputSchema = z
  .object({ role: membershipRoleSchema.default('member') })
  .meta({ id: 'ClusterMemberInput', description: 'The role of the organisation in the cluster.' });

export type ClusterMemberInput = z.input<typeof clusterMemberInputSchema>;

/** A cluster's member as its managers see it (every status, so a proposed organisation can be added). */
export const clusterMemberSchema = z
  .object({
    slug: slugSchema,
    name: translatableTextSchema,
    type: z.string(),
    role: membershipRoleSchema,
    isDemo: z.boolean(),
    status: z.string(),
  })
  .meta({ id: 'ClusterMember' });

export type ClusterMember = z.infer<typeof clusterMemberSchema>;

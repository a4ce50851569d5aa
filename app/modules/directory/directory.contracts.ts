/**
 * Contracts of the directory's reference data (countries, the CCI taxonomy, materials and
 * techniques). Shared by the services, the public API (`GET /api/v1/countries`, `/api/v1/sectors`)
 * and the pages. `.meta({ id })` names the schemas in the OpenAPI document.
 */
import { z } from 'zod';
import { translatableTextSchemaOf } from '#app/shared/i18n/translatable.contracts.ts';
import {
  CLUSTER_STAGES,
  MARKETS,
  MEMBERSHIP_ROLES,
  ORGANISATION_STATUSES,
  ORGANISATION_TYPES,
  SIZE_CLASSES,
  VALUE_CHAIN_ROLES,
} from './directory.vocabulary.ts';

/** A text in one or more of the UI languages; one language is enough. */
export const translatableTextSchema = translatableTextSchemaOf(z.string().min(1)).meta({
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

/*
 * The directory proper: clusters and organisations as the API and the pages see them. Inputs are
 * validated here once for forms, the API and imports; outputs are what presenters produce
 * (contact details are absent unless the viewer may see them, see `organisation.presenter.ts`).
 */

/** Slugs: lower-case ASCII words joined by hyphens, stable once given (role scopes and URLs use them). */
export const slugSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .meta({ example: 'batna-jewellery' });

export const iso2Schema = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .meta({ example: 'TN' });

const httpUrlSchema = z.url({ protocol: /^https?$/ }).max(500);

export const profileLinkSchema = z
  .object({
    kind: z.enum(['website', 'facebook', 'instagram', 'linkedin', 'youtube', 'x', 'tiktok', 'other']),
    url: httpUrlSchema,
  })
  .meta({ id: 'ProfileLink' });

export const organisationTypeSchema = z.enum(ORGANISATION_TYPES).meta({ id: 'OrganisationType' });
export const sizeClassSchema = z.enum(SIZE_CLASSES).meta({
  id: 'SizeClass',
  description: 'micro: under 10 staff; small: under 50; medium: under 250; large: 250 and more.',
});
export const clusterStageSchema = z.enum(CLUSTER_STAGES).meta({ id: 'ClusterStage' });
export const marketSchema = z.enum(MARKETS).meta({ id: 'Market' });
export const valueChainRoleSchema = z.enum(VALUE_CHAIN_ROLES).meta({ id: 'ValueChainRole' });
export const membershipRoleSchema = z.enum(MEMBERSHIP_ROLES).meta({ id: 'MembershipRole' });
export const organisationStatusSchema = z.enum(ORGANISATION_STATUSES).meta({ id: 'OrganisationStatus' });
/** ISO 639-1 language code. */
export const languageCodeSchema = z.string().regex(/^[a-z]{2}$/);

const staffCountSchema = z.number().int().min(0).max(1_000_000);

/** Contact details: present in outputs only when the organisation consented and the viewer is signed in. */
export const organisationContactSchema = z
  .object({
    email: z.email().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
  })
  .meta({ id: 'OrganisationContact' });

/** What anyone may see of an organisation in a list. */
export const organisationSummarySchema = z
  .object({
    id: z.string(),
    slug: slugSchema,
    name: translatableTextSchema,
    sourceLocale: z.enum(['ar', 'fr', 'en']),
    type: organisationTypeSchema,
    sizeClass: sizeClassSchema.nullable(),
    countryIso2: iso2Schema,
    city: translatableTextSchema.nullable(),
    subsectorCodes: z.array(referenceCodeSchema),
    materialCodes: z.array(referenceCodeSchema),
    womenLed: z.boolean(),
    womenOwned: z.boolean(),
    youthLed: z.boolean(),
    isDemo: z.boolean(),
    logoUrl: z.string().nullable(),
  })
  .meta({ id: 'OrganisationSummary' });

/** An organisation's public profile; `contact` is null unless the viewer may see it. */
export const organisationProfileSchema = organisationSummarySchema
  .extend({
    description: translatableTextSchema.nullable(),
    foundedYear: z.number().int().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    products: translatableTextSchema.nullable(),
    markets: z.array(marketSchema),
    valueChainRoles: z.array(valueChainRoleSchema),
    workingLanguages: z.array(languageCodeSchema),
    certifications: z.array(z.string()),
    staffTotal: z.number().int().nullable(),
    staffWomen: z.number().int().nullable(),
    staffMen: z.number().int().nullable(),
    links: z.array(profileLinkSchema),
    photoUrls: z.array(z.string()),
    status: organisationStatusSchema,
    clusters: z.array(z.object({ slug: slugSchema, name: translatableTextSchema, role: membershipRoleSchema })),
    contact: organisationContactSchema.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'OrganisationProfile' });

/** Create an organisation (staff publish directly; members propose, see the service). */
export const organisationInputSchema = z
  .object({
    slug: slugSchema.optional().meta({ description: 'Derived from the name when absent.' }),
    name: translatableTextSchema,
    description: translatableTextSchema.optional(),
    sourceLocale: z.enum(['ar', 'fr', 'en']).default('en'),
    type: organisationTypeSchema,
    sizeClass: sizeClassSchema.optional(),
    foundedYear: z.number().int().min(1800).max(2100).optional(),
    countryIso2: iso2Schema,
    city: translatableTextSchema.optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    subsectorCodes: z.array(referenceCodeSchema).max(11).default([]),
    materialCodes: z.array(referenceCodeSchema).max(50).default([]),
    products: translatableTextSchema.optional(),
    markets: z.array(marketSchema).default([]),
    valueChainRoles: z.array(valueChainRoleSchema).default([]),
    workingLanguages: z.array(languageCodeSchema).max(20).default([]),
    certifications: z.array(z.string().trim().min(1).max(120)).max(30).default([]),
    staffTotal: staffCountSchema.optional(),
    staffWomen: staffCountSchema.optional(),
    staffMen: staffCountSchema.optional(),
    womenLed: z.boolean().default(false),
    womenOwned: z.boolean().default(false),
    youthLed: z.boolean().default(false),
    address: z.string().trim().max(300).optional(),
    email: z.email().max(200).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ().-]{6,30}$/)
      .optional(),
    contactConsent: z.boolean().default(false),
    links: z.array(profileLinkSchema).max(10).default([]),
  })
  .refine((o) => o.staffWomen === undefined || o.staffTotal === undefined || o.staffWomen <= o.staffTotal, {
    path: ['staffWomen'],
    message: 'more women than staff',
  })
  .meta({ id: 'OrganisationInput' });

export type OrganisationSummary = z.infer<typeof organisationSummarySchema>;
export type OrganisationProfile = z.infer<typeof organisationProfileSchema>;
export type OrganisationInput = z.input<typeof organisationInputSchema>;
export type OrganisationContact = z.infer<typeof organisationContactSchema>;

export const clusterFactSchema = z
  .object({ text: translatableTextSchema, sourceUrl: z.string().nullable() })
  .meta({ id: 'ClusterFact', description: 'A fact about the cluster with its source.' });

export const clusterSummarySchema = z
  .object({
    id: z.string(),
    slug: slugSchema,
    name: translatableTextSchema,
    sourceLocale: z.enum(['ar', 'fr', 'en']),
    countryIso2: iso2Schema,
    city: translatableTextSchema.nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    subsectorCode: referenceCodeSchema,
    materialCodes: z.array(referenceCodeSchema),
    stage: clusterStageSchema,
    memberCount: z.number().int(),
    isDemo: z.boolean(),
    logoUrl: z.string().nullable(),
  })
  .meta({ id: 'ClusterSummary' });

export const clusterProfileSchema = clusterSummarySchema
  .extend({
    description: translatableTextSchema.nullable(),
    anchor: z.object({ slug: slugSchema, name: translatableTextSchema }).nullable(),
    facts: z.array(clusterFactSchema),
    links: z.array(profileLinkSchema),
    photoUrls: z.array(z.string()),
    managers: z.array(z.object({ name: z.string() })),
    members: z.array(
      z.object({
        slug: slugSchema,
        name: translatableTextSchema,
        type: organisationTypeSchema,
        role: membershipRoleSchema,
        isDemo: z.boolean(),
      }),
    ),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ClusterProfile' });

export const clusterInputSchema = z
  .object({
    slug: slugSchema.optional(),
    name: translatableTextSchema,
    description: translatableTextSchema.optional(),
    sourceLocale: z.enum(['ar', 'fr', 'en']).default('en'),
    countryIso2: iso2Schema,
    city: translatableTextSchema.optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    subsectorCode: referenceCodeSchema,
    materialCodes: z.array(referenceCodeSchema).max(50).default([]),
    stage: clusterStageSchema.default('mapped'),
    anchorOrganisationSlug: slugSchema.optional(),
    links: z.array(profileLinkSchema).max(10).default([]),
    facts: z
      .array(z.object({ text: translatableTextSchema, sourceUrl: httpUrlSchema.optional() }))
      .max(50)
      .default([]),
  })
  .meta({ id: 'ClusterInput' });

export type ClusterSummary = z.infer<typeof clusterSummarySchema>;
export type ClusterProfile = z.infer<typeof clusterProfileSchema>;
export type ClusterInput = z.input<typeof clusterInputSchema>;

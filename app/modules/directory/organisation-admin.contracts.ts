/**
 * Contracts of the directory's write side: changing an organisation, claiming one, deciding
 * proposals and claims, images. Shared by the service, the API and the pages.
 */
import { z } from 'zod';
import { iso2Schema, organisationInputSchema, sizeClassSchema, slugSchema, translatableTextSchema } from './directory.contracts.ts';

const { slug: _slug, ...editableShape } = organisationInputSchema.shape;

/**
 * PATCH semantics: fields left out keep their value; `null` clears an optional field. The merged
 * organisation is validated again as a whole (e.g. women on staff never exceed the total).
 */
export const organisationPatchSchema = z
  .object(editableShape)
  .partial()
  .extend({
    description: translatableTextSchema.nullable().optional(),
    sizeClass: sizeClassSchema.nullable().optional(),
    foundedYear: editableShape.foundedYear.unwrap().nullable().optional(),
    city: translatableTextSchema.nullable().optional(),
    latitude: editableShape.latitude.unwrap().nullable().optional(),
    longitude: editableShape.longitude.unwrap().nullable().optional(),
    products: translatableTextSchema.nullable().optional(),
    staffTotal: editableShape.staffTotal.unwrap().nullable().optional(),
    staffWomen: editableShape.staffWomen.unwrap().nullable().optional(),
    staffMen: editableShape.staffMen.unwrap().nullable().optional(),
    address: editableShape.address.unwrap().nullable().optional(),
    email: editableShape.email.unwrap().nullable().optional(),
    phone: editableShape.phone.unwrap().nullable().optional(),
    countryIso2: iso2Schema.optional(),
    // Without their defaults: an absent field must stay absent, not become an empty list or false.
    sourceLocale: editableShape.sourceLocale.unwrap().optional(),
    subsectorCodes: editableShape.subsectorCodes.unwrap().optional(),
    materialCodes: editableShape.materialCodes.unwrap().optional(),
    markets: editableShape.markets.unwrap().optional(),
    valueChainRoles: editableShape.valueChainRoles.unwrap().optional(),
    workingLanguages: editableShape.workingLanguages.unwrap().optional(),
    certifications: editableShape.certifications.unwrap().optional(),
    womenLed: editableShape.womenLed.unwrap().optional(),
    womenOwned: editableShape.womenOwned.unwrap().optional(),
    youthLed: editableShape.youthLed.unwrap().optional(),
    contactConsent: editableShape.contactConsent.unwrap().optional(),
    links: editableShape.links.unwrap().optional(),
  })
  .meta({ id: 'OrganisationPatch', description: 'The fields to change; absent fields keep their value, `null` clears an optional one.' });

export type OrganisationPatch = z.input<typeof organisationPatchSchema>;

export const CLAIM_MESSAGE_MAX_LENGTH = 1000;

export const claimInputSchema = z
  .object({
    message: z
      .string()
      .trim()
      .max(CLAIM_MESSAGE_MAX_LENGTH)
      .optional()
      .meta({ description: 'Who you are in this organisation, so programme staff can check.' }),
  })
  .meta({ id: 'ClaimInput' });

export type ClaimInput = z.input<typeof claimInputSchema>;

export const DECISIONS = ['approve', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];
export const decisionSchema = z.enum(DECISIONS).meta({ id: 'Decision' });

export const claimSchema = z
  .object({
    id: z.string(),
    organisationSlug: slugSchema,
    status: z.enum(['pending', 'approved', 'rejected']),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'OrganisationClaim' });

/** Logos and photos: the formats every browser shows, checked by their bytes, not by their name. */
export const IMAGE_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 12;

export interface ImageUpload {
  name: string;
  bytes: Uint8Array;
}

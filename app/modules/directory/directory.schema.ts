/** The directory's tables: reference data (countries, the CCI taxonomy, materials) and the directory itself. */
import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, translatable, updatedAt } from '../../shared/db/columns.ts';
import { storedFile } from '../../shared/files/files.schema.ts';
import type {
  ClaimStatus,
  ClusterStage,
  Market,
  MembershipRole,
  OrganisationStatus,
  OrganisationType,
  ProfileLink,
  SizeClass,
  ValueChainRole,
} from './directory.vocabulary.ts';

export const country = pgTable('country', {
  iso2: text('iso2').primaryKey(),
  name: translatable('name').notNull(),
});

export const sectorFamily = pgTable('sector_family', {
  code: text('code').primaryKey(),
  name: translatable('name').notNull(),
  position: integer('position').notNull().default(0),
});

export const subsector = pgTable('subsector', {
  code: text('code').primaryKey(),
  familyCode: text('family_code')
    .notNull()
    .references(() => sectorFamily.code),
  name: translatable('name').notNull(),
  position: integer('position').notNull().default(0),
});

/** Materials and techniques vocabulary; names in three languages, extended by later modules. */
export const material = pgTable('material', {
  code: text('code').primaryKey(),
  name: translatable('name').notNull(),
});

/*
 * The directory proper: clusters, organisations (enterprises and institutions), their
 * memberships, people, and claims. Slugs are stable identifiers: role scopes (`cluster_manager`
 * at `el-jem-mosaic`, `organisation_admin` at an organisation) and public URLs use them, so a
 * slug never changes once given. Multi-valued taxonomy fields are `text[]` of reference codes
 * (GIN-indexed for facets and filters) rather than join tables: a record reads in one row and an
 * import writes one row. People and accounts are referred to by user id without a foreign key,
 * because the identity module owns the `user` table and the directory never reaches into it.
 */

/**
 * The name an organisation is sorted by for a reader of `locale`: the display fallback rule
 * (requested language, then the source language, then any), lower-cased. One expression index per
 * locale lets the directory page its rows in name order without sorting the whole table.
 */
function sortName(columns: { name: AnyPgColumn; sourceLocale: AnyPgColumn }, locale: 'ar' | 'fr' | 'en'): SQL {
  const key = (lang: string) => sql`${columns.name} ->> ${sql.raw(`'${lang}'`)}`;
  return sql`lower(coalesce(${key(locale)}, ${columns.name} ->> ${columns.sourceLocale}, ${key('ar')}, ${key('fr')}, ${key('en')}))`;
}

export const organisation = pgTable(
  'organisation',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    name: translatable('name').notNull(),
    description: translatable('description'),
    /** Language the record was written in (the original of its translatable fields). */
    sourceLocale: text('source_locale').notNull().default('en'),
    type: text('type').$type<OrganisationType>().notNull(),
    sizeClass: text('size_class').$type<SizeClass>(),
    foundedYear: integer('founded_year'),
    countryIso2: text('country_iso2')
      .notNull()
      .references(() => country.iso2),
    city: translatable('city'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    subsectorCodes: text('subsector_codes').array().notNull().default(sql`'{}'::text[]`),
    materialCodes: text('material_codes').array().notNull().default(sql`'{}'::text[]`),
    /** Products and services, free text in any language. */
    products: translatable('products'),
    markets: text('markets').array().$type<Market[]>().notNull().default(sql`'{}'::text[]`),
    valueChainRoles: text('value_chain_roles').array().$type<ValueChainRole[]>().notNull().default(sql`'{}'::text[]`),
    /** ISO 639-1 codes of the languages the organisation works in. */
    workingLanguages: text('working_languages').array().notNull().default(sql`'{}'::text[]`),
    certifications: text('certifications').array().notNull().default(sql`'{}'::text[]`),
    staffTotal: integer('staff_total'),
    staffWomen: integer('staff_women'),
    staffMen: integer('staff_men'),
    womenLed: boolean('women_led').notNull().default(false),
    womenOwned: boolean('women_owned').notNull().default(false),
    youthLed: boolean('youth_led').notNull().default(false),
    /** Street address, e-mail and phone are contact details: shown only with consent, and only to signed-in members. */
    address: text('address'),
    email: text('email'),
    phone: text('phone'),
    contactConsent: boolean('contact_consent').notNull().default(false),
    /** Website and social links are public. */
    links: jsonb('links').$type<ProfileLink[]>().notNull().default([]),
    logoFileId: text('logo_file_id').references(() => storedFile.id, { onDelete: 'set null' }),
    photoFileIds: text('photo_file_ids').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').$type<OrganisationStatus>().notNull().default('published'),
    /** The member who proposed it (user id), while it waits for approval and after. */
    proposedById: text('proposed_by_id'),
    /** Made up for the demo: shown with a badge, never passed off as real. */
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('organisation_country_idx').on(t.countryIso2),
    index('organisation_type_idx').on(t.type),
    index('organisation_status_idx').on(t.status),
    index('organisation_subsectors_idx').using('gin', t.subsectorCodes),
    index('organisation_materials_idx').using('gin', t.materialCodes),
    index('organisation_email_idx').on(sql`lower(${t.email})`),
    // The duplicate check compares phone numbers by their digits (formatting ignored).
    index('organisation_phone_digits_idx').on(sql`regexp_replace(${t.phone}, '[^0-9]', '', 'g')`),
    index('organisation_name_ar_idx').on(sortName(t, 'ar')),
    index('organisation_name_fr_idx').on(sortName(t, 'fr')),
    index('organisation_name_en_idx').on(sortName(t, 'en')),
    index('organisation_created_idx').on(t.createdAt),
  ],
);

export function organisationSortName(locale: 'ar' | 'fr' | 'en'): SQL {
  return sortName(organisation, locale);
}

export const cluster = pgTable(
  'cluster',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    name: translatable('name').notNull(),
    description: translatable('description'),
    sourceLocale: text('source_locale').notNull().default('en'),
    countryIso2: text('country_iso2')
      .notNull()
      .references(() => country.iso2),
    city: translatable('city'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    subsectorCode: text('subsector_code')
      .notNull()
      .references(() => subsector.code),
    materialCodes: text('material_codes').array().notNull().default(sql`'{}'::text[]`),
    stage: text('stage').$type<ClusterStage>().notNull().default('mapped'),
    anchorOrganisationId: text('anchor_organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
    links: jsonb('links').$type<ProfileLink[]>().notNull().default([]),
    logoFileId: text('logo_file_id').references(() => storedFile.id, { onDelete: 'set null' }),
    photoFileIds: text('photo_file_ids').array().notNull().default(sql`'{}'::text[]`),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('cluster_country_idx').on(t.countryIso2), index('cluster_subsector_idx').on(t.subsectorCode)],
);

/** A fact about a cluster with its source (real clusters show only sourced facts). */
export const clusterFact = pgTable(
  'cluster_fact',
  {
    id: id(),
    clusterId: text('cluster_id')
      .notNull()
      .references(() => cluster.id, { onDelete: 'cascade' }),
    text: translatable('text').notNull(),
    sourceUrl: text('source_url'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('cluster_fact_cluster_idx').on(t.clusterId, t.position)],
);

export const clusterMembership = pgTable(
  'cluster_membership',
  {
    clusterId: text('cluster_id')
      .notNull()
      .references(() => cluster.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    role: text('role').$type<MembershipRole>().notNull().default('member'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.clusterId, t.organisationId] }), index('cluster_membership_organisation_idx').on(t.organisationId)],
);

/** A person in the directory, linked to an organisation and optionally to an account. */
export const person = pgTable(
  'person',
  {
    id: id(),
    organisationId: text('organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
    /** The account of this person, when they have one (user id). */
    userId: text('user_id').unique(),
    fullName: text('full_name').notNull(),
    jobTitle: translatable('job_title'),
    /** Self-declared and optional: woman, man, another, prefer-not-to-say. */
    gender: text('gender'),
    email: text('email'),
    phone: text('phone'),
    /** Listed publicly (name and job title) only with this consent. */
    listedConsent: boolean('listed_consent').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('person_organisation_idx').on(t.organisationId)],
);

/** A member asking to manage an existing organisation; programme staff decide. */
export const organisationClaim = pgTable(
  'organisation_claim',
  {
    id: id(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    message: text('message'),
    status: text('status').$type<ClaimStatus>().notNull().default('pending'),
    decidedById: text('decided_by_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('organisation_claim_status_idx').on(t.status),
    uniqueIndex('organisation_claim_pending_idx').on(t.organisationId, t.userId).where(sql`${t.status} = 'pending'`),
  ],
);

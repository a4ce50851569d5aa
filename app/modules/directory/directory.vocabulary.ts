/**
 * The directory's closed vocabularies (stored as codes; labels live in the catalogs under
 * `directory.<vocabulary>.<code>`). Pure, shared by the schema, the contracts, the pages and imports.
 */

/** Programme stage of a cluster, in lifecycle order. */
export const CLUSTER_STAGES = ['mapped', 'applicant', 'selected', 'diagnosed', 'planning', 'implementing', 'closed'] as const;
export type ClusterStage = (typeof CLUSTER_STAGES)[number];

export const ORGANISATION_TYPES = [
  'enterprise',
  'cooperative',
  'association',
  'support-institution',
  'chamber',
  'ministry-agency',
  'training-university',
  'financial-institution',
  'buyer',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** micro: under 10 staff, small: under 50, medium: under 250, large: 250 and more. */
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Where an organisation sells or serves: used for facets and for complementary markets in the twins finder. */
export const MARKETS = ['local', 'national', 'maghreb', 'middle-east', 'gulf', 'africa', 'europe', 'americas', 'asia', 'online'] as const;
export type Market = (typeof MARKETS)[number];

/** Position in the value chain: two organisations at different positions of one craft complement each other. */
export const VALUE_CHAIN_ROLES = [
  'raw-materials',
  'production',
  'design',
  'distribution',
  'retail',
  'export',
  'services',
  'training',
] as const;
export type ValueChainRole = (typeof VALUE_CHAIN_ROLES)[number];

/** What an organisation is to a cluster. */
export const MEMBERSHIP_ROLES = ['member', 'anchor', 'support-institution', 'partner'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** `proposed` waits for programme staff; only `published` organisations are shown publicly. */
export const ORGANISATION_STATUSES = ['published', 'proposed', 'rejected', 'archived'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

export const CLAIM_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** A web or social link shown on a profile. */
export interface ProfileLink {
  kind: 'website' | 'facebook' | 'instagram' | 'linkedin' | 'youtube' | 'x' | 'tiktok' | 'other';
  url: string;
}

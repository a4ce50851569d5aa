/**
 * What an organisation row becomes for a viewer. The one place that decides whether contact
 * details leave the server: only when the organisation consented and the viewer is signed in.
 * Every output (pages, API, exports, search, twins) goes through here, so a missing consent
 * cannot leak through one of them. Pure.
 */
import type { Actor } from '#app/shared/auth/actor.ts';
import type { organisation } from '#app/shared/db/schema.ts';
import type { OrganisationContact, OrganisationProfile, OrganisationSummary } from './directory.contracts.ts';
import type { MembershipRole } from './directory.vocabulary.ts';

export type OrganisationRow = typeof organisation.$inferSelect;

/** Public URL of a stored image (logos, photos); served by the media route. */
export function mediaUrl(fileId: string): string {
  return `/media/${fileId}`;
}

/** Contact details are shown only with the organisation's consent, and only to signed-in people. */
export function canSeeContact(actor: Actor, row: Pick<OrganisationRow, 'contactConsent'>): boolean {
  return row.contactConsent && actor.kind === 'user';
}

export function contactFor(
  actor: Actor,
  row: Pick<OrganisationRow, 'contactConsent' | 'email' | 'phone' | 'address'>,
): OrganisationContact | null {
  if (!canSeeContact(actor, row)) return null;
  return { email: row.email, phone: row.phone, address: row.address };
}

function asLocale(value: string): 'ar' | 'fr' | 'en' {
  return value === 'ar' || value === 'fr' ? value : 'en';
}

export function presentOrganisationSummary(row: OrganisationRow): OrganisationSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    sourceLocale: asLocale(row.sourceLocale),
    type: row.type,
    sizeClass: row.sizeClass,
    countryIso2: row.countryIso2,
    city: row.city,
    subsectorCodes: row.subsectorCodes,
    materialCodes: row.materialCodes,
    womenLed: row.womenLed,
    womenOwned: row.womenOwned,
    youthLed: row.youthLed,
    isDemo: row.isDemo,
    logoUrl: row.logoFileId ? mediaUrl(row.logoFileId) : null,
  };
}

export interface OrganisationClusterLink {
  slug: string;
  name: OrganisationProfile['name'];
  role: MembershipRole;
}

export function presentOrganisationProfile(actor: Actor, row: OrganisationRow, clusters: OrganisationClusterLink[]): OrganisationProfile {
  return {
    ...presentOrganisationSummary(row),
    description: row.description,
    foundedYear: row.foundedYear,
    latitude: row.latitude,
    longitude: row.longitude,
    products: row.products,
    markets: row.markets,
    valueChainRoles: row.valueChainRoles,
    workingLanguages: row.workingLanguages,
    certifications: row.certifications,
    staffTotal: row.staffTotal,
    staffWomen: row.staffWomen,
    staffMen: row.staffMen,
    links: row.links,
    photoUrls: row.photoFileIds.map(mediaUrl),
    status: row.status,
    clusters,
    contact: contactFor(actor, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What cluster rows become for readers (pages, API): the shapes of `directory.contracts.ts`. Pure. */
import type { cluster, clusterFact } from '#app/shared/db/schema.ts';
import type { ClusterProfile, ClusterSummary, TranslatableText } from './directory.contracts.ts';
import type { MembershipRole, OrganisationType } from './directory.vocabulary.ts';
import { mediaUrl } from './organisation.presenter.ts';

export type ClusterRow = typeof cluster.$inferSelect;
export type ClusterFactRow = typeof clusterFact.$inferSelect;

export interface ClusterMemberRow {
  slug: string;
  name: TranslatableText;
  type: OrganisationType;
  role: MembershipRole;
  isDemo: boolean;
}

function asLocale(value: string): 'ar' | 'fr' | 'en' {
  return value === 'ar' || value === 'fr' ? value : 'en';
}

export function presentClusterSummary(row: ClusterRow, memberCount: number): ClusterSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name as TranslatableText,
    sourceLocale: asLocale(row.sourceLocale),
    countryIso2: row.countryIso2,
    city: row.city as TranslatableText | null,
    latitude: row.latitude,
    longitude: row.longitude,
    subsectorCode: row.subsectorCode,
    materialCodes: row.materialCodes,
    stage: row.stage,
    memberCount,
    isDemo: row.isDemo,
    logoUrl: row.logoFileId ? mediaUrl(row.logoFileId) : null,
  };
}

export interface ClusterProfileParts {
  facts: readonly ClusterFactRow[];
  members: readonly ClusterMemberRow[];
  anchor: { slug: string; name: TranslatableText } | null;
  managers: readonly { name: string }[];
}

export function presentClusterProfile(row: ClusterRow, parts: ClusterProfileParts): ClusterProfile {
  return {
    ...presentClusterSummary(row, parts.members.length),
    description: row.description as TranslatableText | null,
    anchor: parts.anchor,
    facts: parts.facts.map((fact) => ({ text: fact.text as TranslatableText, sourceUrl: fact.sourceUrl })),
    links: row.links,
    photoUrls: row.photoFileIds.map(mediaUrl),
    managers: parts.managers.map((m) => ({ name: m.name })),
    members: parts.members.map((m) => ({ slug: m.slug, name: m.name, type: m.type, role: m.role, isDemo: m.isDemo })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

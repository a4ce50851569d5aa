/**
 * Reading clusters: the public list (with member counts, for the list page, the map and the API)
 * and a cluster's profile (facts with sources, anchor, members, managers). Clusters are public;
 * only published organisations appear as members to readers, managers see every member.
 */
import { listRoleHolders } from '#app/modules/identity/index.ts';
import { type HistoryEntry, type HistoryPage, listSubjectHistory } from '#app/shared/audit/history.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { parseInput } from '#app/shared/validation.ts';
import { CLUSTERS_MANAGE, canManageCluster, clusterSubject } from './cluster.policy.ts';
import { presentClusterProfile, presentClusterSummary } from './cluster.presenter.ts';
import { type ClusterFiltersInput, type ClusterMember, clusterFiltersSchema } from './clusters.contracts.ts';
import {
  countClusters,
  findClusterBySlug,
  findOrganisationById,
  selectClusters,
  selectFacts,
  selectMembers,
  selectMembershipEntries,
} from './clusters.repository.server.ts';
import type { ClusterProfile, ClusterSummary, OrganisationSummary, TranslatableText } from './directory.contracts.ts';
import { MEMBERSHIP_ROLES, type MembershipRole } from './directory.vocabulary.ts';
import { organisationFiltersSchema } from './organisation-filters.ts';
import { listOrganisations } from './organisations.query.server.ts';

export interface ClusterList {
  items: ClusterSummary[];
  /** All matching clusters, even beyond the list's bound. */
  total: number;
}

/** Clusters matching every given filter (values of one filter are alternatives), by country then slug. */
export async function listClusters(_actor: Actor, filters: ClusterFiltersInput = {}): Promise<ClusterList> {
  const parsed = parseInput(clusterFiltersSchema, filters);
  const db = getDb();
  const [rows, total] = await Promise.all([selectClusters(db, parsed), countClusters(db, parsed)]);
  return { items: rows.map(({ row, memberCount }) => presentClusterSummary(row, memberCount)), total };
}

export function clusterNotFound(): AppError {
  return new AppError('DIRECTORY_CLUSTERS_NOT_FOUND', 404);
}

/** A cluster's public profile; its managers are the holders of `cluster_manager` at its slug. */
export async function getCluster(_actor: Actor, slug: string): Promise<ClusterProfile> {
  const db = getDb();
  const row = await findClusterBySlug(db, slug);
  if (!row) throw clusterNotFound();
  const [facts, members, managers, anchor] = await Promise.all([
    selectFacts(db, row.id),
    selectMembers(db, row.id, { publishedOnly: true }),
    listRoleHolders('cluster_manager', 'cluster', row.slug, db),
    row.anchorOrganisationId ? findOrganisationById(db, row.anchorOrganisationId) : Promise.resolve(undefined),
  ]);
  return presentClusterProfile(row, { facts, members, managers, anchor: anchor ?? null });
}

/** Every member whatever its organisation's status, for the cluster's managers and programme staff. */
export async function listClusterMembers(actor: Actor, slug: string): Promise<ClusterMember[]> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const db = getDb();
  const row = await findClusterBySlug(db, slug);
  if (!row) throw clusterNotFound();
  if (!canManageCluster(actor, row)) throw CommonErrors.forbidden();
  const members = await selectMembers(db, row.id, { publishedOnly: false });
  return members.map((m) => ({ slug: m.slug, name: m.name, type: m.type, role: m.role, isDemo: m.isDemo, status: m.status }));
}

export const MEMBER_CANDIDATES_LIMIT = 10;

export interface MemberCandidate {
  organisation: OrganisationSummary;
  /** Its role when it already is a member of the cluster. */
  role: MembershipRole | null;
}

export interface MemberCandidates {
  items: MemberCandidate[];
  /** Every published organisation matching the text, even beyond the list's bound. */
  total: number;
}

/**
 * Published organisations matching `text` (the directory's search, names in any language), best
 * first, each marked with its role when it already is a member: what a cluster's managers pick
 * from to add a member. Empty text finds nothing.
 */
export async function findMemberCandidates(
  actor: Actor,
  clusterSlug: string,
  text: string,
  options: { locale?: Locale } = {},
): Promise<MemberCandidates> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const db = getDb();
  const row = await findClusterBySlug(db, clusterSlug);
  if (!row) throw clusterNotFound();
  if (!canManageCluster(actor, row)) throw CommonErrors.forbidden();
  const filters = parseInput(organisationFiltersSchema, { q: text });
  if (!filters.q) return { items: [], total: 0 };
  const [found, members] = await Promise.all([
    listOrganisations(actor, filters, { locale: options.locale, pageSize: MEMBER_CANDIDATES_LIMIT }),
    selectMembers(db, row.id, { publishedOnly: false }),
  ]);
  const roles = new Map(members.map((member) => [member.slug, member.role]));
  return {
    items: found.items.map((organisation) => ({ organisation, role: roles.get(organisation.slug) ?? null })),
    total: found.total,
  };
}

/** A membership change in the history: the organisation by its current name, the roles by their codes. */
export interface MembershipHistory {
  slug: string;
  /** Null when the organisation no longer exists (its slug is all the entry keeps). */
  name: TranslatableText | null;
  sourceLocale: 'ar' | 'fr' | 'en' | null;
  role: MembershipRole | null;
  previousRole: MembershipRole | null;
}

export interface ClusterHistoryEntry extends HistoryEntry {
  /** Set on the entries adding, re-roling or removing a member. */
  member: MembershipHistory | null;
}

export interface ClusterHistoryPage extends Omit<HistoryPage, 'entries'> {
  entries: ClusterHistoryEntry[];
}

function membershipRole(value: string | null): MembershipRole | null {
  return (MEMBERSHIP_ROLES as readonly (string | null)[]).includes(value) ? (value as MembershipRole) : null;
}

/** Who changed the cluster and its members (named, in every language), when, and which fields: for its managers, staff and auditors. */
export async function clusterHistory(
  actor: Actor,
  slug: string,
  page = 1,
): Promise<{ cluster: Pick<ClusterSummary, 'slug' | 'name' | 'sourceLocale'>; history: ClusterHistoryPage }> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const db = getDb();
  const row = await findClusterBySlug(db, slug);
  if (!row) throw clusterNotFound();
  const history = await listSubjectHistory(
    actor,
    { subjectType: 'cluster', subjectId: row.id, permission: CLUSTERS_MANAGE, scope: clusterSubject(row) },
    page,
  );
  const memberEntryIds = history.entries.filter((entry) => entry.action.startsWith('directory.cluster.member.')).map((entry) => entry.id);
  const memberships = memberEntryIds.length > 0 ? await selectMembershipEntries(db, memberEntryIds) : [];
  const byEntry = new Map(
    memberships.map((m) => [
      m.entryId,
      {
        slug: m.slug,
        name: (m.name as TranslatableText | null) ?? null,
        sourceLocale: m.sourceLocale as MembershipHistory['sourceLocale'],
        role: membershipRole(m.role),
        previousRole: membershipRole(m.previousRole),
      },
    ]),
  );
  const { name, sourceLocale } = presentClusterSummary(row, 0);
  return {
    cluster: { slug: row.slug, name, sourceLocale },
    history: { ...history, entries: history.entries.map((entry) => ({ ...entry, member: byEntry.get(entry.id) ?? null })) },
  };
}

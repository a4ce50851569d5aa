/**
 * Who may do what in the needs module: one policy for the taxonomy, the diagnostics, the priority
 * synthesis and its evidence. Pure: services enforce it, pages use it to hide controls.
 * - Anyone reads the active challenge themes (they label public figures); editing, archiving and
 *   seeing archived themes is taxonomy work (`taxonomy.manage`), like the CCI taxonomy.
 * - Anyone reads a cluster's endorsed diagnostic rounds and the public synthesis (small groups
 *   hidden).
 * - `needs.read` over a scope (programme staff, a country's national focal points for the country
 *   and its clusters, a cluster's managers for the cluster) reads the detail: drafts, each
 *   challenge's evidence, every count of the synthesis and the evidence behind it (the drill-down).
 * - `needs.manage` over a cluster (its managers, programme staff) starts diagnostic rounds, edits
 *   drafts and records the endorsement.
 */
import type { Actor } from '#app/shared/auth/actor.ts';
import { can, type Subject } from '#app/shared/auth/can.ts';
import type { Scope } from './synthesis/evidence.ts';

export const TAXONOMY_MANAGE = 'taxonomy.manage';
export const NEEDS_READ = 'needs.read';
export const NEEDS_MANAGE = 'needs.manage';

export function canManageChallengeThemes(actor: Actor): boolean {
  return can(actor, TAXONOMY_MANAGE);
}

/** A cluster as the policy sees it: its slug and country (what cluster and country grants cover). */
export interface NeedsCluster {
  slug: string;
  countryIso2: string;
}
/** Kept for the diagnostics' callers. */
export type DiagnosticCluster = NeedsCluster;

export function clusterSubject(cluster: NeedsCluster): Subject {
  return { cluster: cluster.slug, country: cluster.countryIso2 };
}

/**
 * What a grant must cover to read a scope's detail: nothing but a global grant covers the region;
 * a country; a cluster and its country (null when the cluster is unknown: only its own grants).
 */
export function scopeSubject(scope: Scope, clusterCountry: string | null = null): Subject | undefined {
  if (scope.kind === 'region') return undefined;
  if (scope.kind === 'country') return { country: scope.country };
  return clusterCountry ? { cluster: scope.cluster, country: clusterCountry } : { cluster: scope.cluster };
}

/** Read the detail behind a subject's needs: every count, drafts, evidence, the drill-down. */
export function canReadNeedsDetail(actor: Actor, subject: Subject | undefined): boolean {
  return can(actor, NEEDS_READ, subject);
}

/** Start a diagnostic round, edit a draft, endorse it. */
export function canManageDiagnostics(actor: Actor, cluster: NeedsCluster): boolean {
  return can(actor, NEEDS_MANAGE, clusterSubject(cluster));
}

/** Read a cluster's drafts and the evidence behind its challenges. */
export function canReadDiagnosticDetail(actor: Actor, cluster: NeedsCluster): boolean {
  return canReadNeedsDetail(actor, clusterSubject(cluster)) || canManageDiagnostics(actor, cluster);
}

/** Read a round: endorsed ones are public. */
export function canReadDiagnostic(actor: Actor, cluster: NeedsCluster, status: 'draft' | 'endorsed'): boolean {
  return status === 'endorsed' || canReadDiagnosticDetail(actor, cluster);
}

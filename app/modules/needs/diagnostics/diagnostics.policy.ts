/**
 * Who may do what with a cluster's diagnostics.
 * - Anyone reads a cluster's endorsed rounds: challenges (theme, description, severity, groups
 *   affected, gender dimension), SWOT and baseline figures. They are the cluster's agreed picture
 *   and feed the public synthesis.
 * - `needs.read` covering the cluster (its managers, programme staff, the country's national focal
 *   points) also reads drafts and each challenge's evidence (its text and source address), which
 *   may cite interviews or name enterprises.
 * - `needs.manage` covering the cluster (its managers, programme staff) starts rounds, edits drafts
 *   and records the endorsement.
 * Pure: services enforce it, pages use it to hide controls.
 */
import type { Actor } from '#app/shared/auth/actor.ts';
import { can, type Subject } from '#app/shared/auth/can.ts';

export const NEEDS_READ = 'needs.read';
export const NEEDS_MANAGE = 'needs.manage';

export interface DiagnosticCluster {
  slug: string;
  countryIso2: string;
}

export function diagnosticSubject(cluster: DiagnosticCluster): Subject {
  return { cluster: cluster.slug, country: cluster.countryIso2 };
}

/** Start a round, edit a draft, endorse it. */
export function canManageDiagnostics(actor: Actor, cluster: DiagnosticCluster): boolean {
  return can(actor, NEEDS_MANAGE, diagnosticSubject(cluster));
}

/** Read drafts and the evidence behind challenges. */
export function canReadDiagnosticDetail(actor: Actor, cluster: DiagnosticCluster): boolean {
  return can(actor, NEEDS_READ, diagnosticSubject(cluster)) || canManageDiagnostics(actor, cluster);
}

/** Read a round: endorsed ones are public. */
export function canReadDiagnostic(actor: Actor, cluster: DiagnosticCluster, status: 'draft' | 'endorsed'): boolean {
  return status === 'endorsed' || canReadDiagnosticDetail(actor, cluster);
}

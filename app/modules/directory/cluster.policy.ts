/**
 * Who may change a cluster: programme staff (globally or in the cluster's country) and the
 * cluster's own managers (`cluster_manager` granted at the cluster's slug). Pure: services
 * enforce it, pages use it to hide controls.
 */
import type { Actor } from '#app/shared/auth/actor.ts';
import { can, type Subject } from '#app/shared/auth/can.ts';

export const CLUSTERS_MANAGE = 'directory.clusters.manage';

export function clusterSubject(row: { slug: string; countryIso2: string }): Subject {
  return { cluster: row.slug, country: row.countryIso2 };
}

/** Edit the profile, manage members, read the history. */
export function canManageCluster(actor: Actor, row: { slug: string; countryIso2: string }): boolean {
  return can(actor, CLUSTERS_MANAGE, clusterSubject(row));
}

/** Create a cluster in a country: staff only (a cluster manager's scope is one existing cluster). */
export function canCreateCluster(actor: Actor, countryIso2: string): boolean {
  return can(actor, CLUSTERS_MANAGE, { country: countryIso2 });
}

/**
 * The countries in which the actor may create clusters: `'any'` for staff with a global grant,
 * else the countries of their country-scoped grants (empty: they may create none).
 */
export function clusterCreationCountries(actor: Actor): 'any' | string[] {
  if (can(actor, CLUSTERS_MANAGE)) return 'any';
  if (actor.kind !== 'user') return [];
  const countries = actor.grants.flatMap((grant) => (grant.scopeType === 'country' && grant.scopeId ? [grant.scopeId] : []));
  return [...new Set(countries)].filter((country) => canCreateCluster(actor, country)).sort();
}

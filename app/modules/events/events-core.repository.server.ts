/**
 * Loading an event as every part of the module needs it: its row with the host cluster's slug
 * (what the policy reads) and the clusters it gathers. The event editor's writes live in
 * events.repository.server.ts; each part of the module (registration, invitations, check-in,
 * outputs) keeps its own repository and reads the event through these functions.
 */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { cluster, event, eventCluster } from '#app/shared/db/schema.ts';

export type EventRow = typeof event.$inferSelect;

/** An event row with what the policy needs (the host cluster's slug). */
export type LoadedEvent = EventRow & { hostClusterSlug: string | null };

const columns = { row: event, hostClusterSlug: cluster.slug };

function loaded(r: { row: EventRow; hostClusterSlug: string | null } | undefined): LoadedEvent | undefined {
  return r ? { ...r.row, hostClusterSlug: r.hostClusterSlug } : undefined;
}

export async function findEventBySlug(executor: Executor, slug: string, options: { forUpdate?: boolean } = {}) {
  const query = executor.select(columns).from(event).leftJoin(cluster, eq(cluster.id, event.hostClusterId)).where(eq(event.slug, slug));
  const [row] = options.forUpdate ? await query.for('update', { of: event }) : await query;
  return loaded(row);
}

/** With `forUpdate`, the event row is locked for the transaction: registrations serialise on it. */
export async function findEventById(executor: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = executor.select(columns).from(event).leftJoin(cluster, eq(cluster.id, event.hostClusterId)).where(eq(event.id, id));
  const [row] = options.forUpdate ? await query.for('update', { of: event }) : await query;
  return loaded(row);
}

/** The clusters an event gathers, by slug, with their country (ordered by slug). */
export async function selectEventClusters(executor: Executor, eventId: string) {
  return executor
    .select({ id: cluster.id, slug: cluster.slug, name: cluster.name, countryIso2: cluster.countryIso2 })
    .from(eventCluster)
    .innerJoin(cluster, eq(cluster.id, eventCluster.clusterId))
    .where(eq(eventCluster.eventId, eventId))
    .orderBy(asc(cluster.slug));
}

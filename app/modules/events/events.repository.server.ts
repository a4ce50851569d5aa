/**
 * The event editor's reads and writes: events, the clusters they gather, sessions and speakers,
 * the calendar's listing and what the event page counts. Loading one event for the policy lives
 * in events-core.repository.server.ts (shared by every part of the module).
 */
import { and, asc, count, desc, eq, exists, gte, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { cluster, event, eventCluster, eventRegistration, eventSession, eventSpeaker } from '#app/shared/db/schema.ts';
import type { EventStatus, EventType } from './events.schema.ts';
import type { EventRow } from './events-core.repository.server.ts';

export type EventInsert = typeof event.$inferInsert;
export type SessionRow = typeof eventSession.$inferSelect;
export type SpeakerRow = typeof eventSpeaker.$inferSelect;
export type ClusterRef = { id: string; slug: string; name: Record<string, string>; countryIso2: string };

export async function findClustersBySlugs(executor: Executor, slugs: readonly string[]): Promise<ClusterRef[]> {
  if (slugs.length === 0) return [];
  return executor
    .select({ id: cluster.id, slug: cluster.slug, name: cluster.name, countryIso2: cluster.countryIso2 })
    .from(cluster)
    .where(inArray(cluster.slug, [...slugs]))
    .orderBy(asc(cluster.slug)) as Promise<ClusterRef[]>;
}

export async function findClustersByIds(executor: Executor, ids: readonly string[]): Promise<ClusterRef[]> {
  if (ids.length === 0) return [];
  return executor
    .select({ id: cluster.id, slug: cluster.slug, name: cluster.name, countryIso2: cluster.countryIso2 })
    .from(cluster)
    .where(inArray(cluster.id, [...ids])) as Promise<ClusterRef[]>;
}

/** Slugs already given that start with `base` (the base itself and its numbered variants). */
export async function selectTakenSlugs(executor: Executor, base: string): Promise<Set<string>> {
  const rows = await executor
    .select({ slug: event.slug })
    .from(event)
    .where(like(event.slug, `${base.replace(/[%_\\]/g, '\\$&')}%`));
  return new Set(rows.map((r) => r.slug));
}

export async function insertEventRow(executor: Executor, values: EventInsert): Promise<EventRow> {
  const [row] = await executor.insert(event).values(values).returning();
  return row!;
}

export async function updateEventRow(executor: Executor, id: string, values: Partial<EventInsert>): Promise<EventRow> {
  const [row] = await executor
    .update(event)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(event.id, id))
    .returning();
  return row!;
}

export async function replaceEventClusters(executor: Executor, eventId: string, clusterIds: readonly string[]): Promise<void> {
  await executor.delete(eventCluster).where(eq(eventCluster.eventId, eventId));
  if (clusterIds.length > 0) await executor.insert(eventCluster).values(clusterIds.map((clusterId) => ({ eventId, clusterId })));
}

export interface EventListFilters {
  type?: EventType;
  country?: string;
  clusterSlug?: string;
  from?: Date;
  to?: Date;
  when: 'upcoming' | 'past' | 'all';
  now: Date;
  statuses: readonly EventStatus[];
  limit: number;
  offset: number;
}

export type ListedEvent = EventRow & { hostClusterSlug: string | null };

/** Events matching the filters: upcoming (not yet ended) soonest first, past latest first, with the total. */
export async function selectEvents(executor: Executor, filters: EventListFilters): Promise<{ rows: ListedEvent[]; total: number }> {
  const conditions: SQL[] = [inArray(event.status, [...filters.statuses])];
  if (filters.type) conditions.push(eq(event.type, filters.type));
  if (filters.country) conditions.push(eq(event.countryIso2, filters.country));
  if (filters.from) conditions.push(gte(event.endsAt, filters.from));
  if (filters.to) conditions.push(lt(event.startsAt, filters.to));
  if (filters.when === 'upcoming') conditions.push(gte(event.endsAt, filters.now));
  if (filters.when === 'past') conditions.push(lt(event.endsAt, filters.now));
  if (filters.clusterSlug) {
    const gathered = executor
      .select({ one: sql`1` })
      .from(eventCluster)
      .innerJoin(cluster, eq(cluster.id, eventCluster.clusterId))
      .where(and(eq(eventCluster.eventId, event.id), eq(cluster.slug, filters.clusterSlug)));
    const hosting = executor.select({ id: cluster.id }).from(cluster).where(eq(cluster.slug, filters.clusterSlug));
    conditions.push(or(exists(gathered), inArray(event.hostClusterId, hosting))!);
  }
  const where = and(...conditions);
  const order = filters.when === 'past' ? [desc(event.startsAt), asc(event.id)] : [asc(event.startsAt), asc(event.id)];
  const [rows, totals] = await Promise.all([
    executor
      .select({ row: event, hostClusterSlug: cluster.slug })
      .from(event)
      .leftJoin(cluster, eq(cluster.id, event.hostClusterId))
      .where(where)
      .orderBy(...order)
      .limit(filters.limit)
      .offset(filters.offset),
    executor.select({ n: count() }).from(event).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.row, hostClusterSlug: r.hostClusterSlug })), total: totals[0]?.n ?? 0 };
}

/** Draft events, soonest first, with their host's slug (the service keeps those the actor manages). */
export async function selectDraftEvents(executor: Executor, limit: number): Promise<ListedEvent[]> {
  const rows = await executor
    .select({ row: event, hostClusterSlug: cluster.slug })
    .from(event)
    .leftJoin(cluster, eq(cluster.id, event.hostClusterId))
    .where(eq(event.status, 'draft'))
    .orderBy(asc(event.startsAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.row, hostClusterSlug: r.hostClusterSlug }));
}

/** The sessions of an event in time order, each with its speakers in order. */
export async function selectSessions(executor: Executor, eventId: string): Promise<(SessionRow & { speakers: SpeakerRow[] })[]> {
  const sessions = await executor
    .select()
    .from(eventSession)
    .where(eq(eventSession.eventId, eventId))
    .orderBy(asc(eventSession.startsAt), asc(eventSession.endsAt), asc(eventSession.id));
  if (sessions.length === 0) return [];
  const speakers = await executor
    .select()
    .from(eventSpeaker)
    .where(
      inArray(
        eventSpeaker.sessionId,
        sessions.map((s) => s.id),
      ),
    )
    .orderBy(asc(eventSpeaker.position));
  return sessions.map((s) => ({ ...s, speakers: speakers.filter((p) => p.sessionId === s.id) }));
}

export async function findSession(executor: Executor, eventId: string, sessionId: string): Promise<SessionRow | undefined> {
  const [row] = await executor
    .select()
    .from(eventSession)
    .where(and(eq(eventSession.eventId, eventId), eq(eventSession.id, sessionId)));
  return row;
}

export async function insertSessionRow(executor: Executor, values: typeof eventSession.$inferInsert): Promise<SessionRow> {
  const [row] = await executor.insert(eventSession).values(values).returning();
  return row!;
}

export async function updateSessionRow(
  executor: Executor,
  id: string,
  values: Partial<typeof eventSession.$inferInsert>,
): Promise<SessionRow> {
  const [row] = await executor
    .update(eventSession)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(eventSession.id, id))
    .returning();
  return row!;
}

export async function deleteSessionRow(executor: Executor, id: string): Promise<void> {
  await executor.delete(eventSession).where(eq(eventSession.id, id));
}

export async function replaceSpeakers(
  executor: Executor,
  sessionId: string,
  speakers: readonly { name: string; affiliation: Record<string, string> | null }[],
): Promise<void> {
  await executor.delete(eventSpeaker).where(eq(eventSpeaker.sessionId, sessionId));
  if (speakers.length > 0)
    await executor
      .insert(eventSpeaker)
      .values(speakers.map((s, position) => ({ sessionId, name: s.name, affiliation: s.affiliation, position })));
}

/** Seats taken: confirmed registrations. */
export async function countConfirmed(executor: Executor, eventId: string): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, eventId), eq(eventRegistration.status, 'confirmed')));
  return row?.n ?? 0;
}

/** Who is told of a change or a cancellation: every registration still standing (confirmed, waiting, pending). */
export async function selectRegistrantsToTell(executor: Executor, eventId: string) {
  return executor
    .select({ email: eventRegistration.email, name: eventRegistration.name, locale: eventRegistration.locale })
    .from(eventRegistration)
    .where(and(eq(eventRegistration.eventId, eventId), inArray(eventRegistration.status, ['confirmed', 'waiting', 'pending'])))
    .orderBy(asc(eventRegistration.seq));
}

/** Every cluster, by country then slug (the event form's host and gathered-cluster choices). */
export async function selectAllClusters(executor: Executor): Promise<ClusterRef[]> {
  return executor
    .select({ id: cluster.id, slug: cluster.slug, name: cluster.name, countryIso2: cluster.countryIso2 })
    .from(cluster)
    .orderBy(asc(cluster.countryIso2), asc(cluster.slug)) as Promise<ClusterRef[]>;
}

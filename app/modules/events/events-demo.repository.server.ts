/** Demo events' storage: the candidates (demo people of the gathered clusters' demo members) and the rows of an event. */

import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '#app/shared/db/client.server.ts';
import { cluster, event, eventCheckIn, eventCluster, eventRegistration, eventSession } from '#app/shared/db/schema.ts';
import type { DemoCandidate } from './events-demo.ts';

/** Slugs of the demo events already there (seeding leaves them alone). */
export async function selectExistingEventSlugs(executor: Executor, slugs: readonly string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await executor
    .select({ slug: event.slug })
    .from(event)
    .where(inArray(event.slug, [...slugs]));
  return new Set(rows.map((r) => r.slug));
}

/** Cluster ids by slug. */
export async function selectClusterIds(executor: Executor, slugs: readonly string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await executor
    .select({ id: cluster.id, slug: cluster.slug })
    .from(cluster)
    .where(inArray(cluster.slug, [...slugs]));
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/**
 * The demo member organisations of these clusters, each with its first demo person when it has
 * one (the demo directory names a few people per cluster), in a stable order.
 */
export async function selectDemoCandidates(executor: Executor, clusters: readonly string[]): Promise<DemoCandidate[]> {
  if (clusters.length === 0) return [];
  const rows = await queryRows<{
    organisation_id: string;
    women_led: boolean;
    country_iso2: string;
    cluster: string;
    person_id: string | null;
    name: string | null;
    gender: string | null;
  }>(
    executor,
    sql`
      SELECT c.slug AS cluster, o.id AS organisation_id, o.women_led, o.country_iso2, p.id AS person_id, p.full_name AS name, p.gender
      FROM cluster c
      JOIN cluster_membership m ON m.cluster_id = c.id
      JOIN organisation o ON o.id = m.organisation_id AND o.is_demo
      LEFT JOIN LATERAL (
        SELECT id, full_name, gender FROM person WHERE organisation_id = o.id AND is_demo ORDER BY full_name, id LIMIT 1
      ) p ON true
      WHERE c.slug IN (${sql.join(
        clusters.map((slug) => sql`${slug}`),
        sql`, `,
      )})
      ORDER BY c.slug, o.slug`,
  );
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    womenLed: r.women_led,
    countryIso2: r.country_iso2,
    cluster: r.cluster,
    person: r.person_id ? { id: r.person_id, name: r.name!, gender: r.gender } : null,
  }));
}

export async function insertDemoEvent(executor: Executor, values: typeof event.$inferInsert): Promise<string> {
  const [row] = await executor.insert(event).values(values).returning({ id: event.id });
  return row!.id;
}

export async function insertDemoEventParts(
  executor: Executor,
  eventId: string,
  parts: {
    clusterIds: readonly string[];
    sessions: readonly Omit<typeof eventSession.$inferInsert, 'eventId'>[];
    registrations: readonly Omit<typeof eventRegistration.$inferInsert, 'eventId'>[];
  },
): Promise<void> {
  if (parts.clusterIds.length > 0)
    await executor.insert(eventCluster).values(parts.clusterIds.map((clusterId) => ({ eventId, clusterId })));
  if (parts.sessions.length > 0) await executor.insert(eventSession).values(parts.sessions.map((s) => ({ ...s, eventId })));
  // One at a time, in arrival order, so `seq` follows the order of the waiting list.
  for (const registration of parts.registrations) {
    const [row] = await executor
      .insert(eventRegistration)
      .values({ ...registration, eventId })
      .returning({ id: eventRegistration.id });
    // Attendance as the check-in desk records it: a check-in row behind each `checked_in_at`.
    if (registration.checkedInAt) {
      await executor.insert(eventCheckIn).values({
        id: randomUUID(),
        eventId,
        registrationId: row!.id,
        checkedInAt: registration.checkedInAt,
        receivedAt: registration.checkedInAt,
        source: 'online',
      });
    }
  }
}

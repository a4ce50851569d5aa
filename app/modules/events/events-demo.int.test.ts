/**
 * Seeding the demo events after the demo directory: the eight thematic workshops, the regional
 * workshop and an upcoming training, marked demo, each gathering its clusters, with participants
 * drawn from those clusters' demo organisations, attendance only where the event is over, the
 * upcoming training full with a waiting line in arrival order, agenda times at the venue's wall
 * clock, and nothing on a second run.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDirectory } from '#app/modules/directory/index.ts';
import { queryRows } from '#app/shared/db/client.server.ts';
import { ensureReferenceData } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { toLocalInput } from './calendar/zoned-time.ts';
import { type DemoEventCounts, seedDemoEvents } from './events-demo.server.ts';
import { DEMO_EVENTS } from './events-demo.ts';

describe('demo events seeding', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let written: DemoEventCounts = { events: 0, registrations: 0, attended: 0 };

  beforeAll(async () => {
    await ensureReferenceData(db());
    await seedDemoDirectory(db());
    written = await seedDemoEvents(db());
  });

  it('writes the nine workshops and the upcoming training, marked demo, with their clusters, and nothing on a second run', async () => {
    expect(written.events).toBe(10);
    const rows = await queryRows<{
      slug: string;
      type: string;
      is_demo: boolean;
      clusters: string[];
      registrations: number;
      demo_registrations: number;
    }>(
      db(),
      sql`SELECT e.slug, e.type, e.is_demo,
                 (SELECT array_agg(c.slug ORDER BY c.slug) FROM event_cluster ec JOIN cluster c ON c.id = ec.cluster_id WHERE ec.event_id = e.id) AS clusters,
                 (SELECT count(*)::int FROM event_registration r WHERE r.event_id = e.id) AS registrations,
                 (SELECT count(*)::int FROM event_registration r WHERE r.event_id = e.id AND r.is_demo) AS demo_registrations
          FROM event e ORDER BY e.starts_at`,
    );
    expect(rows.map((r) => r.slug)).toEqual(DEMO_EVENTS.map((e) => e.slug));
    expect(rows.filter((r) => r.type === 'thematic-workshop')).toHaveLength(8);
    expect(rows.filter((r) => r.type === 'regional-workshop')).toHaveLength(1);
    expect(rows.filter((r) => r.type === 'training')).toHaveLength(1);
    for (const row of rows) {
      const demo = DEMO_EVENTS.find((e) => e.slug === row.slug)!;
      expect(row.is_demo).toBe(true);
      expect(row.clusters).toEqual([...demo.clusters].sort());
      expect(row.registrations).toBeGreaterThan(10);
      expect(row.demo_registrations).toBe(row.registrations);
    }
    expect(await seedDemoEvents(db())).toEqual({ events: 0, registrations: 0, attended: 0 });
  });

  it('draws participants from the gathered clusters only, one registration per organisation', async () => {
    const [row] = await queryRows<{ outside: number; duplicates: number; women: number; total: number }>(
      db(),
      sql`SELECT (SELECT count(*)::int FROM event_registration r
                    WHERE NOT EXISTS (SELECT 1 FROM event_cluster ec JOIN cluster_membership m ON m.cluster_id = ec.cluster_id
                                      WHERE ec.event_id = r.event_id AND m.organisation_id = r.organisation_id)) AS outside,
                 (SELECT count(*)::int FROM (SELECT event_id, organisation_id FROM event_registration GROUP BY 1, 2 HAVING count(*) > 1) d) AS duplicates,
                 (SELECT count(*)::int FROM event_registration WHERE gender = 'woman') AS women,
                 (SELECT count(*)::int FROM event_registration) AS total`,
    );
    expect(row!.outside).toBe(0);
    expect(row!.duplicates).toBe(0);
    // The demo directory's people are 30-60% women: the workshops show a real mix.
    expect(row!.women / row!.total).toBeGreaterThan(0.2);
    expect(row!.women / row!.total).toBeLessThan(0.8);
  });

  it('records attendance at held workshops only, and fills the upcoming training with a waiting line in arrival order', async () => {
    const rows = await queryRows<{
      slug: string;
      starts_at: Date;
      capacity: number;
      confirmed: number;
      waiting: number;
      attended: number;
      waiting_seqs: string[];
      checked_in_not_confirmed: number;
      check_in_mismatch: number;
    }>(
      db(),
      sql`SELECT e.slug, e.starts_at, e.capacity,
                 count(*) FILTER (WHERE r.status = 'confirmed')::int AS confirmed,
                 count(*) FILTER (WHERE r.status = 'waiting')::int AS waiting,
                 count(*) FILTER (WHERE r.checked_in_at IS NOT NULL)::int AS attended,
                 count(*) FILTER (WHERE r.checked_in_at IS NOT NULL AND r.status <> 'confirmed')::int AS checked_in_not_confirmed,
                 count(*) FILTER (WHERE (r.checked_in_at IS NOT NULL) <> EXISTS (SELECT 1 FROM event_check_in ci WHERE ci.registration_id = r.id AND ci.undone_at IS NULL))::int AS check_in_mismatch,
                 coalesce(array_agg(r.seq::text ORDER BY r.created_at) FILTER (WHERE r.status = 'waiting'), '{}') AS waiting_seqs
          FROM event e JOIN event_registration r ON r.event_id = e.id GROUP BY e.id`,
    );
    let attended = 0;
    for (const row of rows) {
      const demo = DEMO_EVENTS.find((e) => e.slug === row.slug)!;
      expect(row.confirmed).toBeLessThanOrEqual(row.capacity);
      expect(row.checked_in_not_confirmed).toBe(0);
      expect(row.check_in_mismatch).toBe(0);
      if (demo.held) {
        expect(row.attended).toBeGreaterThan(0);
        expect(row.attended).toBeLessThan(row.confirmed);
      } else {
        expect(row.attended).toBe(0);
        expect(row.confirmed).toBe(row.capacity);
        expect(row.waiting).toBeGreaterThan(0);
        // The line is served by `seq`: arrival order and seq order agree.
        expect(row.waiting_seqs.map(Number)).toEqual([...row.waiting_seqs.map(Number)].sort((a, b) => a - b));
      }
      attended += row.attended;
    }
    expect(attended).toBe(written.attended);
  });

  it('places the agenda at the venue’s wall clock: 09:00 in Beirut and in Tunis, 09:30 in Amman', async () => {
    const rows = await queryRows<{ slug: string; time_zone: string; first: Date }>(
      db(),
      sql`SELECT e.slug, e.time_zone, min(s.starts_at) AS first FROM event e JOIN event_session s ON s.event_id = e.id GROUP BY e.id`,
    );
    const beirut = rows.find((r) => r.slug === 'demo-jewellery-workshop-2026')!;
    expect(toLocalInput(new Date(beirut.first), beirut.time_zone)).toBe('2026-03-17T09:00');
    // Beirut is at UTC+2 in mid-March (summer time starts on the last Sunday of March).
    expect(new Date(beirut.first).toISOString()).toBe('2026-03-17T07:00:00.000Z');
    const tunis = rows.find((r) => r.slug === 'demo-regional-workshop-2026')!;
    expect(new Date(tunis.first).toISOString()).toBe('2026-11-10T08:00:00.000Z');
    // Amman keeps UTC+3 all year since 2022.
    const amman = rows.find((r) => r.slug === 'demo-export-training-2027')!;
    expect(new Date(amman.first).toISOString()).toBe('2027-03-09T06:30:00.000Z');
  });
});

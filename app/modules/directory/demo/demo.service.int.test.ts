import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#app/shared/db/client.server.ts';
import { ensureReferenceData } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { type SyntheticProgress, seedDemoDirectory, seedSyntheticDirectory } from './demo.service.server.ts';

describe('seedDemoDirectory', () => {
  const database = useTestDatabase();

  it('writes the 14 real clusters with their sourced facts, anchors, and 10 to 40 demo organisations each', async () => {
    await ensureReferenceData(database().db);
    const written = await seedDemoDirectory(database().db);
    expect(written.clusters).toBe(14);
    expect(written.facts).toBe(11);
    expect(written.people).toBeGreaterThanOrEqual(14);

    const clusters = await queryRows<{
      slug: string;
      is_demo: boolean;
      facts: number;
      sourced: number;
      anchor: string | null;
      demo_members: number;
    }>(
      database().db,
      sql`select c.slug, c.is_demo,
                 (select count(*)::int from cluster_fact f where f.cluster_id = c.id) as facts,
                 (select count(*)::int from cluster_fact f where f.cluster_id = c.id and f.source_url like 'http%') as sourced,
                 (select o.slug from organisation o where o.id = c.anchor_organisation_id) as anchor,
                 (select count(*)::int from cluster_membership m join organisation o on o.id = m.organisation_id
                   where m.cluster_id = c.id and o.is_demo) as demo_members
          from cluster c order by c.slug`,
    );
    expect(clusters).toHaveLength(14);
    for (const row of clusters) {
      expect(row.is_demo, row.slug).toBe(false);
      expect(row.sourced, row.slug).toBe(row.facts);
      expect(row.anchor, row.slug).not.toBeNull();
      expect(row.demo_members, row.slug).toBeGreaterThanOrEqual(10);
      expect(row.demo_members, row.slug).toBeLessThanOrEqual(40);
    }
    expect(clusters.find((row) => row.slug === 'batna-jewellery')).toMatchObject({ facts: 2, anchor: 'chambre-artisanat-metiers-batna' });
    expect(clusters.find((row) => row.slug === 'amman-ceramics')?.facts).toBe(0);
  });

  it('flags every synthetic organisation and person as demo, with 30 to 50% women-led', async () => {
    const [counts] = await queryRows<{ real: number; demo: number; women_led: number; demo_people: number; people: number }>(
      database().db,
      sql`select count(*) filter (where not is_demo)::int as real, count(*) filter (where is_demo)::int as demo,
                 count(*) filter (where is_demo and women_led)::int as women_led,
                 (select count(*)::int from person where is_demo) as demo_people, (select count(*)::int from person) as people
          from organisation`,
    );
    // The only real organisations are the four institutions the clusters' sources name.
    expect(counts!.real).toBe(4);
    expect(counts!.demo).toBeGreaterThanOrEqual(14 * 10);
    expect(counts!.women_led / counts!.demo).toBeGreaterThanOrEqual(0.3);
    expect(counts!.women_led / counts!.demo).toBeLessThanOrEqual(0.5);
    expect(counts!.demo_people).toBe(counts!.people);
  });

  it('includes demo-organisation as a member of el-jem-mosaic', async () => {
    const rows = await queryRows<{ role: string; is_demo: boolean }>(
      database().db,
      sql`select m.role, o.is_demo from organisation o join cluster_membership m on m.organisation_id = o.id
          join cluster c on c.id = m.cluster_id where o.slug = 'demo-organisation' and c.slug = 'el-jem-mosaic'`,
    );
    expect(rows).toEqual([{ role: 'member', is_demo: true }]);
  });

  it('is idempotent and leaves edits alone', async () => {
    const before = await queryRows<{ organisations: number; facts: number; memberships: number; people: number }>(
      database().db,
      sql`select (select count(*)::int from organisation) as organisations, (select count(*)::int from cluster_fact) as facts,
                 (select count(*)::int from cluster_membership) as memberships, (select count(*)::int from person) as people`,
    );
    await database().db.execute(
      sql`update organisation set name = '{"en":"Renamed by its admin"}'::jsonb where slug = 'demo-organisation'`,
    );
    const again = await seedDemoDirectory(database().db);
    expect(again).toEqual({ clusters: 0, facts: 0, organisations: 0, memberships: 0, people: 0 });
    const after = await queryRows<typeof before extends (infer T)[] ? T : never>(
      database().db,
      sql`select (select count(*)::int from organisation) as organisations, (select count(*)::int from cluster_fact) as facts,
                 (select count(*)::int from cluster_membership) as memberships, (select count(*)::int from person) as people`,
    );
    expect(after).toEqual(before);
    const [renamed] = await queryRows<{ name: unknown }>(
      database().db,
      sql`select name from organisation where slug = 'demo-organisation'`,
    );
    expect(renamed!.name).toEqual({ en: 'Renamed by its admin' });
  });
});

describe('seedSyntheticDirectory', () => {
  const database = useTestDatabase();

  it('writes N demo organisations in batches, reporting progress, and tops up idempotently', async () => {
    await ensureReferenceData(database().db);
    const progress: SyntheticProgress[] = [];
    expect(await seedSyntheticDirectory(1500, { executor: database().db, onProgress: (p) => progress.push(p) })).toBe(1500);
    expect(progress).toEqual([
      { done: 1000, total: 1500, inserted: 1000 },
      { done: 1500, total: 1500, inserted: 1500 },
    ]);
    expect(await seedSyntheticDirectory(1600, { executor: database().db })).toBe(100);
    const [counts] = await queryRows<{ total: number; demo: number; countries: number }>(
      database().db,
      sql`select count(*)::int as total, count(*) filter (where is_demo)::int as demo, count(distinct country_iso2)::int as countries from organisation`,
    );
    expect(counts).toEqual({ total: 1600, demo: 1600, countries: 7 });
  });
});

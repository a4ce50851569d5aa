/**
 * The facet counts of the unfiltered published directory, kept by triggers: after every kind of
 * write (inserts, updates of each counted field and of the status, deletes, membership changes,
 * many rows in one statement) the table holds exactly what counting the organisations gives
 * (`selectFacetCounts`, the statement the filtered views use, is the reference).
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cluster, clusterMembership, organisation } from '#app/shared/db/schema.ts';
import { searchHits } from '#app/shared/search/index.ts';
import { addMember, insertCluster, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { FACET_KEYS, type FacetKey, NO_FILTERS, type OrganisationFilters } from './organisation-filters.ts';
import { type FacetCountRow, selectFacetCounts, selectPublishedFacetCounts } from './organisations.repository.server.ts';

/** Rows as text, a count of 0 being no row (counting an empty directory gives a total of 0). */
function comparable(rows: FacetCountRow[]): string[] {
  return rows
    .filter((row) => row.count > 0)
    .map((row) => `${row.facet} ${row.value ?? ''} ${row.count}`)
    .sort();
}

describe('organisation facet counts kept by triggers', () => {
  const database = useTestDatabase();

  async function expectExact(): Promise<Record<string, number>> {
    const db = database().db;
    const kept = await selectPublishedFacetCounts(db);
    const counted = await selectFacetCounts(db, { filters: NO_FILTERS, statuses: ['published'] });
    expect(comparable(kept)).toEqual(comparable(counted));
    return Object.fromEntries(kept.map((row) => [`${row.facet}:${row.value ?? ''}`, row.count]));
  }

  it('counts published organisations as they are inserted, changed, unpublished and deleted', async () => {
    const db = database().db;
    expect(await expectExact()).toEqual({});

    const silver = await insertOrganisation(db, {
      countryIso2: 'TN',
      subsectorCodes: ['fashion'],
      materialCodes: ['silver', 'enamel'],
      womenLed: true,
    });
    await insertOrganisation(db, { countryIso2: 'MA', type: 'cooperative', sizeClass: null, subsectorCodes: ['fashion', 'habitat'] });
    await insertOrganisation(db, { countryIso2: 'MA', status: 'proposed', materialCodes: ['silver'] });
    let counts = await expectExact();
    expect(counts).toMatchObject({ 'total:': 2, 'country:TN': 1, 'country:MA': 1, 'material:silver': 1, 'subsector:fashion': 2 });
    expect(counts['size:micro']).toBe(1);

    await db
      .update(organisation)
      .set({ countryIso2: 'EG', type: 'association', sizeClass: 'small', womenLed: false, materialCodes: ['leather'] })
      .where(eq(organisation.id, silver.id));
    counts = await expectExact();
    expect(counts['country:TN']).toBeUndefined();
    expect(counts).toMatchObject({ 'country:EG': 1, 'type:association': 1, 'size:small': 1, 'womenLed:false': 2, 'material:leather': 1 });
    expect(counts['material:silver']).toBeUndefined();

    await db.update(organisation).set({ status: 'archived' }).where(eq(organisation.id, silver.id));
    counts = await expectExact();
    expect(counts).toMatchObject({ 'total:': 1 });
    expect(counts['country:EG']).toBeUndefined();

    await db
      .update(organisation)
      .set({ status: 'published' })
      .where(inArray(organisation.status, ['archived', 'proposed']));
    expect(await expectExact()).toMatchObject({ 'total:': 3, 'material:silver': 1 });

    await db.delete(organisation).where(eq(organisation.countryIso2, 'MA'));
    expect(await expectExact()).toMatchObject({ 'total:': 1, 'country:EG': 1 });
  });

  it('leaves the counts alone when a change touches no counted field', async () => {
    const db = database().db;
    const before = await expectExact();
    await db.update(organisation).set({ city: { en: 'Sfax' } });
    expect(await expectExact()).toEqual(before);
  });

  it('counts the published members of each cluster through membership and status changes', async () => {
    const db = database().db;
    const jewellers = await insertCluster(db, { slug: 'facet-jewellers' });
    const weavers = await insertCluster(db, { slug: 'facet-weavers' });
    const [a, b, c] = await Promise.all([
      insertOrganisation(db, { countryIso2: 'LB' }),
      insertOrganisation(db, { countryIso2: 'LB' }),
      insertOrganisation(db, { countryIso2: 'LB', status: 'proposed' }),
    ]);
    await db.insert(clusterMembership).values([
      { clusterId: jewellers.id, organisationId: a!.id, role: 'member' },
      { clusterId: jewellers.id, organisationId: b!.id, role: 'member' },
      { clusterId: jewellers.id, organisationId: c!.id, role: 'member' },
    ]);
    await addMember(db, weavers, a!);
    expect(await expectExact()).toMatchObject({ 'cluster:facet-jewellers': 2, 'cluster:facet-weavers': 1 });

    await db.update(organisation).set({ status: 'published' }).where(eq(organisation.id, c!.id));
    expect(await expectExact()).toMatchObject({ 'cluster:facet-jewellers': 3 });

    await db.update(organisation).set({ status: 'rejected' }).where(eq(organisation.id, a!.id));
    expect(await expectExact()).toMatchObject({ 'cluster:facet-jewellers': 2 });
    expect((await expectExact())['cluster:facet-weavers']).toBeUndefined();

    await db.update(clusterMembership).set({ clusterId: weavers.id }).where(eq(clusterMembership.organisationId, b!.id));
    expect(await expectExact()).toMatchObject({ 'cluster:facet-jewellers': 1, 'cluster:facet-weavers': 1 });

    await db.delete(organisation).where(eq(organisation.id, c!.id));
    expect((await expectExact())['cluster:facet-jewellers']).toBeUndefined();

    await db.delete(cluster).where(eq(cluster.id, weavers.id));
    expect((await expectExact())['cluster:facet-weavers']).toBeUndefined();
  });

  it('stays exact when one statement writes many organisations', async () => {
    const db = database().db;
    await ensureManyRows();
    await expectExact();
    await db.execute(
      sql`UPDATE organisation SET subsector_codes = ARRAY['heritage'], women_led = NOT women_led WHERE country_iso2 = 'JO' AND size_class = 'micro'`,
    );
    await expectExact();
    await db.execute(sql`DELETE FROM organisation WHERE country_iso2 = 'JO' AND women_led`);
    const counts = await expectExact();
    expect(counts['country:JO']).toBeGreaterThan(0);

    async function ensureManyRows() {
      await db.insert(organisation).values(
        Array.from({ length: 300 }, (_, index) => ({
          slug: `facet-bulk-${index}`,
          name: { en: `Bulk ${index}` },
          type: index % 3 === 0 ? ('cooperative' as const) : ('enterprise' as const),
          sizeClass: index % 2 === 0 ? ('micro' as const) : ('small' as const),
          countryIso2: 'JO',
          subsectorCodes: index % 5 === 0 ? ['fashion', 'habitat'] : ['fashion'],
          materialCodes: index % 4 === 0 ? ['silver'] : [],
          womenLed: index % 7 === 0,
          status: index % 10 === 0 ? ('proposed' as const) : ('published' as const),
        })),
      );
    }
  });
  it('counts each facet of a filtered view with the other filters applied, whichever facets are ticked', async () => {
    const db = database().db;
    const coast = await insertCluster(db, { slug: 'facet-coast' });
    const rows = await db.select().from(organisation);
    await db
      .insert(clusterMembership)
      .values(
        rows.filter((_, index) => index % 4 === 0).map((row) => ({ clusterId: coast.id, organisationId: row.id, role: 'member' as const })),
      );
    const members = new Set((await db.select().from(clusterMembership)).map((m) => m.organisationId));
    const published = (await db.select().from(organisation)).filter((row) => row.status === 'published');
    const valuesOf = (row: (typeof published)[number], facet: FacetKey): string[] => {
      if (facet === 'country') return [row.countryIso2];
      if (facet === 'subsector') return row.subsectorCodes;
      if (facet === 'type') return [row.type];
      if (facet === 'size') return row.sizeClass ? [row.sizeClass] : [];
      if (facet === 'womenLed') return [String(row.womenLed)];
      if (facet === 'material') return row.materialCodes;
      return members.has(row.id) ? ['facet-coast'] : [];
    };
    const meets = (row: (typeof published)[number], view: OrganisationFilters, facet: FacetKey): boolean => {
      if (facet === 'womenLed') return view.womenLed === undefined || row.womenLed === view.womenLed;
      const wanted: string[] = view[facet];
      return wanted.length === 0 || valuesOf(row, facet).some((value) => wanted.includes(value));
    };
    const expected = (view: OrganisationFilters): string[] => {
      const lines = [`total  ${published.filter((row) => FACET_KEYS.every((f) => meets(row, view, f))).length}`];
      for (const facet of FACET_KEYS) {
        const counts = new Map<string, number>();
        for (const row of published.filter((one) => FACET_KEYS.every((f) => f === facet || meets(one, view, f)))) {
          for (const value of valuesOf(row, facet)) counts.set(value, (counts.get(value) ?? 0) + 1);
        }
        for (const [value, count] of counts) lines.push(`${facet} ${value} ${count}`);
      }
      return lines.filter((line) => !line.endsWith(' 0')).sort();
    };
    const views: Partial<OrganisationFilters>[] = [
      { country: ['JO'] },
      { womenLed: true },
      { subsector: ['habitat'] },
      { cluster: ['facet-coast'] },
      { country: ['JO', 'EG'], size: ['micro'] },
      { type: ['cooperative'], material: ['silver'], womenLed: false },
      { country: ['JO'], subsector: ['fashion'], type: ['enterprise'], size: ['small'], material: ['silver'], cluster: ['facet-coast'] },
    ];
    for (const view of views) {
      const filters = { ...NO_FILTERS, ...view };
      const counted = await selectFacetCounts(db, { filters, statuses: ['published'] });
      expect(comparable(counted), JSON.stringify(view)).toEqual(expected(filters));
    }
    // With search text the single ticked facet is counted among the hits, not read from the table.
    const filters = { ...NO_FILTERS, q: 'Bulk', country: ['JO'] };
    const searched = await selectFacetCounts(db, { filters, statuses: ['published'], hits: searchHits('organisation', 'Bulk') });
    const total = searched.find((row) => row.facet === 'total')?.count;
    expect(total).toBe(published.filter((row) => row.slug.startsWith('facet-bulk-')).length);
  });
});

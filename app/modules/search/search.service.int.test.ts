import { describe, expect, it } from 'vitest';
import { anonymous } from '#app/shared/auth/actor.ts';
import { insertCluster, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import clustersFile from '../../../reference-data/clusters.json' with { type: 'json' };
import { buildTsquery, selectSearchPage } from './search.repository.server.ts';
import { search } from './search.service.server.ts';

/** The programme's 14 real clusters, as the demo loads them (slugs, names, cities, subsector, materials). */
async function insertRealClusters(db: Parameters<typeof insertCluster>[0]) {
  for (const real of clustersFile.clusters) {
    await insertCluster(db, {
      slug: real.slug,
      name: real.name,
      city: real.city,
      countryIso2: real.country,
      subsectorCode: real.subsector,
      materialCodes: real.materials.map((material) => material.replace(/[^a-z0-9]+/g, '-')),
      isDemo: true,
    });
  }
}

describe('search service', () => {
  const database = useTestDatabase();
  const slugs = async (q: string, kind?: string) =>
    (await search(anonymous, { q, ...(kind ? { kind } : {}) })).items.map((item) => `${item.kind}:${item.slug}`);
  let fixture: Promise<void> | undefined;
  const ready = () => {
    fixture ??= (async () => {
      await insertRealClusters(database().db);
      await insertOrganisation(database().db, {
        slug: 'atelier-argent-batna',
        name: { fr: 'Atelier d’argent de Batna', ar: 'ورشة الفضة في باتنة' },
        sourceLocale: 'fr',
        description: { fr: 'Bijoux chaouis en argent émaillé, fibules et bracelets.' },
        city: { fr: 'Batna', ar: 'باتنة' },
        countryIso2: 'DZ',
        subsectorCodes: ['fashion'],
        materialCodes: ['silver', 'enamel'],
        email: 'secret-contact@example.org',
        phone: '+213 555 000 111',
        address: '12 rue cachée',
        contactConsent: false,
      });
      await insertOrganisation(database().db, {
        slug: 'hidden-silversmiths',
        name: { en: 'Hidden Silversmiths of Bourj Hammoud' },
        countryIso2: 'LB',
        materialCodes: ['silver'],
        status: 'proposed',
      });
    })();
    return fixture;
  };

  it('finds the two jewellery clusters for "مجوهرات", "bijoux" and "jewellery", ahead of other clusters', async () => {
    await ready();
    for (const q of ['مجوهرات', 'bijoux', 'jewellery']) {
      const found = await slugs(q, 'cluster');
      expect(found.slice(0, 2).sort(), q).toEqual(['cluster:batna-jewellery', 'cluster:bourj-hammoud-jewellery']);
    }
  });

  it('finds bethlehem-treasures for the typo "Betlehem"', async () => {
    await ready();
    expect((await slugs('Betlehem'))[0]).toBe('cluster:bethlehem-treasures');
  });

  it('finds el-jem-mosaic for "الفسيفساء" and "فسيفساء"', async () => {
    await ready();
    expect((await slugs('الفسيفساء'))[0]).toBe('cluster:el-jem-mosaic');
    expect((await slugs('فسيفساء'))[0]).toBe('cluster:el-jem-mosaic');
  });

  it('searches organisations and clusters together, by city, material and country in any language', async () => {
    await ready();
    expect(await slugs('Batna')).toEqual(expect.arrayContaining(['cluster:batna-jewellery', 'organisation:atelier-argent-batna']));
    expect(await slugs('émail')).toContain('organisation:atelier-argent-batna');
    expect(await slugs('Tunisie')).toEqual(expect.arrayContaining(['cluster:el-jem-mosaic', 'cluster:nabeul-tableware']));
  });

  it('ranks an exact name first', async () => {
    await ready();
    expect((await slugs('Amman Ceramics Cluster'))[0]).toBe('cluster:amman-ceramics');
  });

  it('never finds unpublished organisations', async () => {
    await ready();
    expect(await slugs('Silversmiths')).not.toContain('organisation:hidden-silversmiths');
    expect(await slugs('Hidden')).toEqual([]);
  });

  it('marks the matching words on the original text, in every language of the result', async () => {
    await ready();
    const result = await search(anonymous, { q: 'الفسيفساء', kind: 'cluster' });
    const titles = result.items[0]?.highlights.title;
    expect(titles?.ar?.filter((s) => s.match).map((s) => s.text)).toEqual(['الفسيفساء']);
    const typo = await search(anonymous, { q: 'Betlehem' });
    expect(typo.items[0]?.highlights.title.en?.filter((s) => s.match).map((s) => s.text)).toEqual(['Bethlehem']);
  });

  it('counts per kind, filters by kind and pages', async () => {
    await ready();
    const all = await search(anonymous, { q: 'cluster' });
    // Every real cluster but "Bethlehem Treasures" has the word in its name.
    expect(all.counts.cluster).toBe(13);
    expect(all.total).toBe(all.counts.cluster + all.counts.organisation);
    expect(all.items).toHaveLength(all.total);
    const clustersOnly = await search(anonymous, { q: 'batna', kind: ['cluster'] });
    expect(clustersOnly.items.every((item) => item.kind === 'cluster')).toBe(true);
    expect(clustersOnly.total).toBe(clustersOnly.counts.cluster);
    const second = await search(anonymous, { q: 'cluster', page: 2 });
    expect(second.items).toEqual([]);
    expect(second.pageCount).toBe(1);
  });

  it('ranks and counts at most the candidates of each kind: clusters are ranked however many organisations match', async () => {
    await ready();
    const db = database().db;
    for (let n = 1; n <= 4; n++) {
      await insertOrganisation(db, { slug: `capped-filigree-${n}`, name: { en: `Filigree Workshop ${n}` }, countryIso2: 'TN' });
    }
    await insertCluster(db, { slug: 'capped-filigree-cluster', name: { en: 'Filigree Cluster' }, countryIso2: 'TN' });
    const tsquery = await buildTsquery(db, 'filigree');
    if (!tsquery) throw new Error('no tsquery for "filigree"');
    const page = (kinds: string[], limit: number, offset: number) =>
      selectSearchPage(db, {
        tsquery,
        normalised: 'filigree',
        kinds,
        countedKinds: ['cluster', 'organisation'],
        candidates: 3,
        ranked: 2,
        limit,
        offset,
      });
    const first = await page(['cluster', 'organisation'], 10, 0);
    expect(Object.fromEntries(first.counts)).toEqual({ cluster: 1, organisation: 3 });
    expect(first.rows.map((row) => row.kind).sort()).toEqual(['cluster', 'organisation', 'organisation', 'organisation']);
    expect(first.rows.map((row) => row.rank)).toEqual([...first.rows.map((row) => row.rank)].sort((a, b) => b - a));
    // Two organisations of three ranked: the third has no full-text rank and comes last.
    expect(first.rows.filter((row) => row.kind === 'organisation').map((row) => Number(row.rank) > 0)).toEqual([true, true, false]);
    const beyond = await page(['organisation'], 10, 10);
    expect(beyond.rows).toEqual([]);
    expect(Object.fromEntries(beyond.counts)).toEqual({ cluster: 1, organisation: 3 });
    const nothing = await selectSearchPage(db, {
      tsquery: "'qwxzvb':*",
      normalised: 'qwxzvb',
      kinds: ['organisation'],
      countedKinds: ['cluster', 'organisation'],
      candidates: 3,
      ranked: 2,
      limit: 10,
      offset: 0,
    });
    expect(nothing).toEqual({ rows: [], counts: new Map() });
  });

  it('says which counts are not capped', async () => {
    await ready();
    const response = await search(anonymous, { q: 'jewellery' });
    expect(response).toMatchObject({ totalIsCapped: false, countIsCapped: { cluster: false, organisation: false } });
    expect(response.total).toBe(response.counts.cluster + response.counts.organisation);
  });

  it('says a query is too short instead of searching, and rejects empty or long ones', async () => {
    const short = await search(anonymous, { q: ' ال ' });
    expect(short).toMatchObject({ tooShort: false });
    expect(await search(anonymous, { q: 'é' })).toMatchObject({ tooShort: true, items: [], total: 0 });
    await expect(search(anonymous, { q: '   ' })).rejects.toMatchObject({ code: 'COMMON_VALIDATION_FAILED' });
    await expect(search(anonymous, { q: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'COMMON_VALIDATION_FAILED' });
  });

  it('never returns contact details, even of an organisation that matches them', async () => {
    await ready();
    for (const q of ['Batna', 'secret-contact@example.org', '555 000 111', 'cachée']) {
      const body = JSON.stringify((await search(anonymous, { q })).items);
      expect(body).not.toContain('secret-contact');
      expect(body).not.toContain('555 000');
      expect(body).not.toContain('cachée');
    }
    expect(await slugs('secret-contact@example.org')).toEqual([]);
  });
});

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#app/shared/db/client.server.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { listCountries, listMaterials, listSectors, seedReferenceData } from './directory.service.server.ts';
import { shippedReferenceData } from './reference-data.ts';

describe('directory reference data', () => {
  const database = useTestDatabase();

  async function tableCounts() {
    const rows = await queryRows<{ countries: number; families: number; subsectors: number; materials: number }>(
      database().db,
      sql`select (select count(*)::int from country) as countries, (select count(*)::int from sector_family) as families,
                 (select count(*)::int from subsector) as subsectors, (select count(*)::int from material) as materials`,
    );
    return rows[0];
  }

  it('starts empty, then seeds 7 countries, 4 families, 11 subsectors and the materials', async () => {
    expect(await tableCounts()).toEqual({ countries: 0, families: 0, subsectors: 0, materials: 0 });
    const written = await seedReferenceData(database().db);
    expect(written).toEqual({ countries: 7, families: 4, subsectors: 11, materials: 19 });
    expect(await tableCounts()).toEqual(written);
  });

  it('is idempotent and refreshes changed names without touching other rows', async () => {
    await database().db.execute(sql`update country set name = '{"en":"Old name"}'::jsonb where iso2 = 'TN'`);
    await database().db.execute(sql`insert into country (iso2, name) values ('LY', '{"ar":"ليبيا"}'::jsonb)`);
    await seedReferenceData(database().db);
    await seedReferenceData(database().db);
    expect(await tableCounts()).toEqual({ countries: 8, families: 4, subsectors: 11, materials: 19 });
    const countries = await listCountries();
    expect(countries.find((c) => c.iso2 === 'TN')?.name).toEqual({ en: 'Tunisia', fr: 'Tunisie', ar: 'تونس' });
    expect(countries.find((c) => c.iso2 === 'LY')?.name).toEqual({ ar: 'ليبيا' });
    await database().db.execute(sql`delete from country where iso2 = 'LY'`);
  });

  it('lists countries by code', async () => {
    const countries = await listCountries();
    expect(countries.map((c) => c.iso2)).toEqual(['DZ', 'EG', 'JO', 'LB', 'MA', 'PS', 'TN']);
    expect(countries.find((c) => c.iso2 === 'MA')?.name).toEqual({ en: 'Morocco', fr: 'Maroc', ar: 'المغرب' });
  });

  it('lists the families in programme order with their subsectors', async () => {
    const sectors = await listSectors();
    expect(sectors.map((f) => [f.code, f.subsectors.map((s) => s.code)])).toEqual([
      ['cultural-media', ['audiovisual', 'music', 'publishing', 'video-games']],
      ['live-culture', ['performing-arts', 'visual-arts', 'heritage']],
      ['design-industries', ['fashion', 'habitat']],
      ['creative-services', ['communication', 'architecture']],
    ]);
    expect(sectors[2]?.subsectors[0]).toEqual({
      code: 'fashion',
      familyCode: 'design-industries',
      name: shippedReferenceData().subsectors.find((s) => s.code === 'fashion')?.name,
    });
  });

  it('lists the materials with their three names', async () => {
    const materials = await listMaterials();
    expect(materials).toHaveLength(19);
    expect(materials.find((m) => m.code === 'mother-of-pearl')?.name).toEqual({ en: 'Mother-of-pearl', fr: 'Nacre', ar: 'الصدف' });
  });

  it('leaves nothing behind when a seed fails half way', async () => {
    const broken = shippedReferenceData();
    broken.subsectors = [{ code: 'orphan', familyCode: 'no-such-family', name: { en: 'Orphan' }, position: 0 }];
    broken.countries = [{ iso2: 'LY', name: { en: 'Libya' } }];
    await expect(seedReferenceData(database().db, broken)).rejects.toThrow();
    expect((await listCountries()).map((c) => c.iso2)).not.toContain('LY');
  });
});

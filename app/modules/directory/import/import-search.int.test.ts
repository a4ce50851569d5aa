/**
 * Imported rows are indexed for search by the import itself (decision 0010: the search triggers
 * are off for its transactions and one set-based call indexes each batch). Their documents must
 * be exactly those the triggers write for any other writer, and search must find them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search } from '#app/modules/search/index.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { queryRows } from '#app/shared/db/client.server.ts';
import { ensureReferenceData, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { importFile } from './import.service.server.ts';

/** Every column but the time of writing. */
interface DocumentRow {
  kind: string;
  entity_id: string;
  slug: string;
  title: unknown;
  summary: unknown;
  source_locale: string;
  country_iso2: string | null;
  is_public: boolean;
  is_demo: boolean;
  names: string;
  document: string;
}

const ORGANISATIONS_CSV = [
  'name_fr;name_ar;name_en;type;country;city_fr;city_ar;subsectors;materials;description_fr;description_en;products_fr;email',
  'Atelier Zellige Fassi;ورشة الزليج الفاسي;Fassi Zellige Workshop;enterprise;MA;Fès;فاس;habitat;ceramics;Zelliges émaillés taillés à la main, fontaines et tables;Hand-cut glazed zellige tiles;Fontaines, tables;zellige@example.org',
  'Coopérative des Brodeuses;تعاونية المطرزات;;cooperative;TN;Tunis;تونس;fashion;embroidery | silver;;Embroidered wedding dresses;;brodeuses@example.org',
  ';مؤسسة الفسيفساء الحديثة;;enterprise;TN;;الجم;heritage;;;;;',
  'Verrerie du Sud;;Southern Glassworks;enterprise;DZ;Béni Abbès;;;glass;Verre soufflé, lampes et vitraux;Blown glass;Lampes;verre@example.org',
].join('\n');

const CLUSTERS_CSV = [
  'name_fr;name_en;country;city_fr;subsector;description_fr',
  'Pôle Verrier du Sud;Southern Glass Cluster;DZ;Béni Abbès;habitat;Verriers et souffleurs',
].join('\n');

describe('imported rows in the search index', () => {
  const database = useTestDatabase();
  const system: Actor = { kind: 'system' };
  const dir = mkdtempSync(path.join(tmpdir(), 'mosaic-import-search-'));

  const documents = (kind: string) =>
    queryRows<DocumentRow>(
      database().db,
      sql`SELECT kind, entity_id, slug, title, summary, source_locale, country_iso2, is_public, is_demo, names, document::text AS document
          FROM search_document WHERE kind = ${kind} ORDER BY entity_id`,
    );

  async function importCsv(name: string, content: string, kind: 'organisations' | 'clusters') {
    const file = path.join(dir, name);
    await writeFile(file, content);
    const run = await importFile(system, { file, kind, locale: 'fr', dryRun: false });
    expect(run.status).toBe('succeeded');
    return run;
  }

  beforeAll(async () => {
    await ensureReferenceData(database().db);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes for imported organisations and clusters exactly the documents the triggers write', async () => {
    const organisations = await importCsv('organisations.csv', ORGANISATIONS_CSV, 'organisations');
    expect(organisations.created).toBe(4);
    const clusters = await importCsv('clusters.csv', CLUSTERS_CSV, 'clusters');
    expect(clusters.created).toBe(1);

    const imported = { organisation: await documents('organisation'), cluster: await documents('cluster') };
    expect(imported.organisation).toHaveLength(4);
    expect(imported.cluster).toHaveLength(1);

    // The same rows written again by an ordinary statement: the triggers rebuild their documents.
    await database().db.execute(sql`DELETE FROM search_document`);
    await database().db.execute(sql`UPDATE organisation SET updated_at = updated_at`);
    await database().db.execute(sql`UPDATE cluster SET updated_at = updated_at`);
    expect(await documents('organisation')).toEqual(imported.organisation);
    expect(await documents('cluster')).toEqual(imported.cluster);
  });

  it('finds imported organisations as it finds the others, in every language', async () => {
    const slugOf = async (q: string) => (await search(system, { q })).items.map((item) => item.slug);
    const [zellige] = await queryRows<{ slug: string }>(
      database().db,
      sql`SELECT slug FROM organisation WHERE name->>'fr' = 'Atelier Zellige Fassi'`,
    );
    expect(await slugOf('zellige')).toContain(zellige!.slug);
    expect(await slugOf('الزليج')).toContain(zellige!.slug);
    expect(await slugOf('fontaines')).toContain(zellige!.slug);
    const [mosaic] = await queryRows<{ slug: string }>(
      database().db,
      sql`SELECT slug FROM organisation WHERE name->>'ar' = 'مؤسسة الفسيفساء الحديثة'`,
    );
    expect(await slugOf('فسيفساء')).toContain(mosaic!.slug);
  });

  it('leaves the triggers on for the next writer once an import has committed', async () => {
    const row = await insertOrganisation(database().db, { name: { en: 'Quillwork Atelier' } });
    const [document] = await queryRows<{ slug: string }>(
      database().db,
      sql`SELECT slug FROM search_document WHERE kind = 'organisation' AND entity_id = ${row.id}`,
    );
    expect(document?.slug).toBe(row.slug);
  });
});

/**
 * A large import writes several batches at once, each in its own transaction (decision 0010):
 * the facet counts of the directory and the search index must come out exactly as if every row
 * had been written by the triggers, one statement after another, and the triggers must be back on
 * for the next writer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#app/shared/auth/actor.ts';
import { queryRows } from '#app/shared/db/client.server.ts';
import { ensureReferenceData, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { importFile } from './import.service.server.ts';
import { BATCH_SIZE, WRITES_IN_FLIGHT } from './import-engine.server.ts';

const COUNTRIES = ['TN', 'MA', 'DZ', 'EG', 'JO', 'LB', 'PS'];
const SUBSECTORS = ['visual-arts', 'fashion', 'habitat', 'heritage'];
const MATERIALS = ['silver', 'wood', 'ceramics', 'glass', 'embroidery'];
const SIZES = ['micro', 'small', 'medium', ''];

/** Rows spread over countries, subsectors, materials, sizes and the women-led flag. */
function organisationsCsv(count: number): string {
  const lines = ['name_fr;name_ar;type;size;country;city_fr;subsectors;materials;women led;email'];
  for (let n = 1; n <= count; n++) {
    lines.push(
      [
        `Atelier Lot ${n}`,
        n % 3 === 0 ? `ورشة رقم ${n}` : '',
        n % 5 === 0 ? 'cooperative' : 'enterprise',
        SIZES[n % SIZES.length],
        COUNTRIES[n % COUNTRIES.length],
        `Ville ${n % 11}`,
        SUBSECTORS[n % SUBSECTORS.length],
        [MATERIALS[n % MATERIALS.length], MATERIALS[(n * 7) % MATERIALS.length]].join(' | '),
        n % 2 === 0 ? 'oui' : 'non',
        `lot${n}@batches.example`,
      ].join(';'),
    );
  }
  return lines.join('\n');
}

describe('an import written in batches at once', () => {
  const database = useTestDatabase();
  const system: Actor = { kind: 'system' };
  const dir = mkdtempSync(path.join(tmpdir(), 'mosaic-import-batches-'));
  // More batches than are written at once, and a last one that is not full.
  const rows = BATCH_SIZE * (WRITES_IN_FLIGHT + 1) + 137;

  /** Facet values whose stored count differs from a count of the organisations as they are. */
  const miscounted = () =>
    queryRows<{ facet: string; value: string; stored: number | null; actual: number | null }>(
      database().db,
      sql`SELECT facet, value, f.count AS stored, a.count AS actual
          FROM (SELECT k.facet, k.value, count(*)::int AS count FROM organisation o CROSS JOIN LATERAL mosaic_facet_keys(o) k GROUP BY 1, 2) a
          FULL JOIN (SELECT facet, value, count FROM organisation_facet_count WHERE facet <> 'cluster') f USING (facet, value)
          WHERE a.count IS DISTINCT FROM f.count`,
    );

  beforeAll(async () => {
    await ensureReferenceData(database().db);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`keeps the facet counts exact and indexes every row (${rows} rows)`, async () => {
    const file = path.join(dir, 'organisations.csv');
    await writeFile(file, organisationsCsv(rows));
    const run = await importFile(system, { file, kind: 'organisations', locale: 'fr', dryRun: false });
    expect(run.status).toBe('succeeded');
    expect({ created: run.created, report: run.report?.slice(0, 3) }).toEqual({ created: rows, report: [] });

    expect(await miscounted()).toEqual([]);
    const [total] = await queryRows<{ count: number }>(
      database().db,
      sql`SELECT count FROM organisation_facet_count WHERE facet = 'total' AND value = ''`,
    );
    expect(total?.count).toBeGreaterThanOrEqual(rows);
    const [unindexed] = await queryRows<{ count: number }>(
      database().db,
      sql`SELECT count(*)::int AS count FROM organisation o
          WHERE o.email LIKE '%@batches.example'
            AND NOT EXISTS (SELECT 1 FROM search_document d WHERE d.kind = 'organisation' AND d.entity_id = o.id)`,
    );
    expect(unindexed?.count).toBe(0);
  });

  it('leaves the count trigger on for the next writer', async () => {
    const [before] = await queryRows<{ count: number }>(
      database().db,
      sql`SELECT count FROM organisation_facet_count WHERE facet = 'total' AND value = ''`,
    );
    await insertOrganisation(database().db, { name: { en: 'Counted Afterwards' } });
    const [after] = await queryRows<{ count: number }>(
      database().db,
      sql`SELECT count FROM organisation_facet_count WHERE facet = 'total' AND value = ''`,
    );
    expect(after!.count).toBe(before!.count + 1);
    expect(await miscounted()).toEqual([]);
  });
});

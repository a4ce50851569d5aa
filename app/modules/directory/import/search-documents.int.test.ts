/**
 * Migration 0028 builds search documents more cheaply (names without Arabic prefix letters skip
 * the prefix expressions), and 0036 in plain SQL with the taxonomy as code tokens. Names, words
 * and descriptions must stay exactly what the earlier definition (0016) built: this test computes
 * that definition from the functions it used, which are all still there, for names chosen to take
 * every branch (punctuation that folds into runs of spaces, Arabic prefixes, a language missing, a
 * name that folds to nothing), through the triggers and through the bulk call; the taxonomy part
 * is written out here on its own (one token per subsector, material and country).
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#app/shared/db/client.server.ts';
import { indexSearchDocuments } from '#app/shared/search/index.ts';
import { insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';

const NAMES: Record<string, string>[] = [
  { fr: 'Atelier  -- Nour & Fils', en: '  Nour (and) Sons  ' },
  { ar: 'والورشة الكبرى للفخار', fr: 'Poterie « La Grande »' },
  { ar: 'بالمدينة وفاس', en: 'Medina' },
  { ar: 'دار الحرف', fr: 'Dar El Harf' },
  { ar: 'ورشة', en: 'Workshop - - -' },
  { en: '---' },
  { fr: 'Émaux   de    Fès', ar: 'مينا فاس' },
  { ar: 'للتطريز   و   الخياطة' },
  { en: 'loom', fr: 'Métier à tisser, lin et laine' },
];

const SUBSECTORS = [['jewellery'], ['habitat', 'heritage'], [], ['fashion']];
const MATERIALS = [['silver', 'gold'], [], ['wood'], ['ceramics', 'glass', 'silver']];

describe('search documents after migrations 0028 and 0036', () => {
  const database = useTestDatabase();

  /** Documents that differ from what the 0016 definition, with taxonomy tokens, builds for their organisation. */
  const differing = () =>
    queryRows<{ slug: string }>(
      database().db,
      sql`SELECT d.slug FROM search_document d JOIN organisation o ON d.kind = 'organisation' AND d.entity_id = o.id
          CROSS JOIN LATERAL (SELECT mosaic_fold(o.name->>'ar') AS ar, mosaic_fold(o.name->>'fr') AS fr, mosaic_fold(o.name->>'en') AS en) n
          WHERE d.names IS DISTINCT FROM mosaic_search_names(n.ar, n.fr, n.en)
             OR d.document IS DISTINCT FROM (
               mosaic_search_lexemes(n.ar, n.fr, n.en, 'A', true)
               || coalesce(mosaic_search_vector(o.city, 'B', false), '')
               || setweight(array_to_tsvector(array(
                    SELECT '~subsector~' || c FROM unnest(o.subsector_codes) c
                    UNION ALL SELECT '~material~' || c FROM unnest(o.material_codes) c
                    UNION ALL SELECT '~country~' || o.country_iso2 WHERE o.country_iso2 IS NOT NULL)), 'B')
               || CASE WHEN coalesce(o.description->>'ar', o.description->>'fr', o.description->>'en', o.products->>'ar', o.products->>'fr', o.products->>'en') IS NOT NULL
                  THEN mosaic_search_lexemes(
                    mosaic_fold(concat_ws(' ', o.description->>'ar', o.products->>'ar')),
                    mosaic_fold(concat_ws(' ', o.description->>'fr', o.products->>'fr')),
                    mosaic_fold(concat_ws(' ', o.description->>'en', o.products->>'en')), 'C', true)
                  ELSE ''::tsvector END)`,
    );

  it('are those the previous definition built, written by the triggers and by the bulk call', async () => {
    const { db } = database();
    const ids: string[] = [];
    for (const [n, name] of NAMES.entries()) {
      const row = await insertOrganisation(db, {
        name,
        city: n % 2 === 0 ? { fr: 'Fès', ar: 'فاس' } : null,
        description: n % 3 === 0 ? { en: 'Hand-made, since 1920' } : null,
        countryIso2: ['MA', 'TN', 'LB'][n % 3]!,
        subsectorCodes: SUBSECTORS[n % SUBSECTORS.length]!,
        materialCodes: MATERIALS[n % MATERIALS.length]!,
      });
      ids.push(row.id);
    }
    const documents = await queryRows<{ names: string }>(db, sql`SELECT names FROM search_document WHERE kind = 'organisation'`);
    expect(documents.length).toBeGreaterThanOrEqual(NAMES.length);
    // The names take each branch: runs of spaces folded, Arabic prefixes stripped, nothing left.
    expect(documents.map((d) => d.names)).toEqual(
      expect.arrayContaining(['atelier nour fils / nour and sons', 'رشه كبري فخار / poterie la grande', 'مينا فاس / emaux de fes', '']),
    );
    expect(await differing()).toEqual([]);

    await db.transaction((tx) => indexSearchDocuments(tx, 'organisation', ids));
    expect(await differing()).toEqual([]);
  });
});

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '#app/shared/db/client.server.ts';
import { insertCluster, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { normaliseForSearch } from './normalise.ts';
import { reindexAll } from './reindex.server.ts';
import { searchHits } from './search-sql.ts';

describe('search index', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  async function documentOf(kind: string, entityId: string) {
    const [row] = await queryRows<{ slug: string; title: Record<string, string>; is_public: boolean; names: string; document: string }>(
      db(),
      sql`select slug, title, is_public, names, document::text as document from search_document where kind = ${kind} and entity_id = ${entityId}`,
    );
    return row;
  }

  async function hits(kind: string, text: string) {
    const rows = await queryRows<{ slug: string }>(
      db(),
      sql`select coalesce(o.slug, c.slug) as slug from (${searchHits(kind, text)}) hits
        left join organisation o on o.id = hits.entity_id left join cluster c on c.id = hits.entity_id
        order by hits.rank desc`,
    );
    return rows.map((row) => row.slug);
  }

  it('has the same normaliser in SQL as in TypeScript, on a corpus of every rule and every Latin-1 and Arabic letter', async () => {
    const letters = [];
    for (let code = 0x20; code <= 0x17f; code++) letters.push(String.fromCodePoint(code));
    for (let code = 0x600; code <= 0x6ff; code++) letters.push(String.fromCodePoint(code));
    const corpus = [
      ...letters,
      letters.join(''),
      'عَنْقُودُ المُجَوَّهَرات في باتنة',
      'والفسيفساء بالذهب كالفضة فالحرف للفنون الجم ال الم',
      'إسلام أحمد آمال ٱلله مؤتمر سائل مستشفى مدرسة عــــربي',
      'وزارة ورد وباتنة ١٢٣ ۴۵ حلي، فضة؛ ذهب؟',
      "Trésors de Bethléem — « Cluster de la mosaïque d'El Jem » ŒUVRE Straße Ærø Łódź",
      'Bethle\u0301em  naïve… café\u00a0crème (2016)!',
    ];
    const rows = await queryRows<{ input: string; normalised: string }>(
      db(),
      sql`select input, mosaic_normalise(input) as normalised from unnest(${`{${corpus.map((c) => `"${c.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`}::text[]) as input`,
    );
    expect(rows).toHaveLength(corpus.length);
    const disagreements = rows.filter((row) => row.normalised !== normaliseForSearch(row.input));
    expect(disagreements).toEqual([]);
  });

  it('indexes an organisation when inserted, with names in every language, city, and its taxonomy as codes matched in three languages', async () => {
    const organisation = await insertOrganisation(db(), {
      name: { ar: 'مشغل الفضة', fr: 'Atelier d’argent', en: 'Silver Workshop' },
      city: { en: 'Batna', ar: 'باتنة' },
      subsectorCodes: ['fashion'],
      materialCodes: ['silver'],
      countryIso2: 'DZ',
    });
    const document = await documentOf('organisation', organisation.id);
    expect(document).toMatchObject({ slug: organisation.slug, title: organisation.name, is_public: true });
    expect(document?.names).toBe('مشغل فضه / atelier d argent / silver workshop');
    for (const lexeme of ["'الفضه'", "'batna'", "'باتنه'", "'~subsector~fashion'", "'~material~silver'", "'~country~DZ'"]) {
      expect(document?.document).toContain(lexeme);
    }
    // The taxonomy's words are not in the document (migration 0036): a query word matches them.
    for (const lexeme of ["'bijoux'", "'مجوهرات'", "'jewellery'", "'algeria'"]) expect(document?.document).not.toContain(lexeme);
    for (const word of ['bijoux', 'مجوهرات', 'jewellery', 'Algérie', 'الجزائر']) {
      expect(await hits('organisation', word), word).toContain(organisation.slug);
    }
  });

  it('reindexes an organisation when updated and removes it when deleted', async () => {
    const organisation = await insertOrganisation(db(), { name: { en: 'Copper Lanterns of Nabeul' } });
    expect(await hits('organisation', 'lanterns')).toContain(organisation.slug);
    await db().execute(sql`update organisation set name = '{"fr":"Atelier de cuivre"}'::jsonb where id = ${organisation.id}`);
    expect(await hits('organisation', 'lanterns')).not.toContain(organisation.slug);
    expect(await hits('organisation', 'atelier')).toContain(organisation.slug);
    await db().execute(sql`delete from organisation where id = ${organisation.id}`);
    expect(await documentOf('organisation', organisation.id)).toBeUndefined();
  });

  it('indexes a whole multi-row insert in one statement', async () => {
    await insertOrganisation(db()); // reference data first
    await db().execute(sql`insert into organisation (slug, name, type, country_iso2)
      select 'bulk-weaver-' || n, jsonb_build_object('en', 'Bulk Weaver ' || n), 'enterprise', 'MA' from generate_series(1, 50) n`);
    const [row] = await queryRows<{ count: number }>(
      db(),
      sql`select count(*)::int as count from search_document where kind = 'organisation' and slug like 'bulk-weaver-%'`,
    );
    expect(row?.count).toBe(50);
  });

  it('keeps unpublished organisations out of public hits', async () => {
    const hidden = await insertOrganisation(db(), { name: { en: 'Quietly Hidden Embroiderers' }, status: 'proposed' });
    expect(await hits('organisation', 'embroiderers')).not.toContain(hidden.slug);
    const rows = await queryRows<{ entity_id: string }>(
      db(),
      sql`select entity_id from (${searchHits('organisation', 'embroiderers', { includeHidden: true })}) h`,
    );
    expect(rows.map((row) => row.entity_id)).toContain(hidden.id);
    await db().execute(sql`update organisation set status = 'published' where id = ${hidden.id}`);
    expect(await hits('organisation', 'embroiderers')).toContain(hidden.slug);
  });

  it('indexes clusters and finds names with a typo', async () => {
    const bethlehem = await insertCluster(db(), {
      name: { en: 'Bethlehem Olive Carvers', fr: 'Sculpteurs de Bethléem' },
      subsectorCode: 'habitat',
      countryIso2: 'PS',
    });
    expect(await hits('cluster', 'Betlehem')).toEqual([bethlehem.slug]);
  });

  it('forgives two swapped letters, and finds nothing for a word like no indexed one', async () => {
    const potters = await insertOrganisation(db(), { name: { fr: 'Poterie de Nabeul' } });
    expect(await hits('organisation', 'Poterei')).toContain(potters.slug);
    expect(await hits('organisation', 'Qwxzvb')).toEqual([]);
  });

  it('matches a taxonomy name as soon as it changes, without rewriting documents', async () => {
    const organisation = await insertOrganisation(db(), { name: { en: 'Glass Blowers' }, materialCodes: ['glass'] });
    const updatedAt = async () =>
      (
        await queryRows<{ updated_at: string }>(
          db(),
          sql`select updated_at::text from search_document where entity_id = ${organisation.id}`,
        )
      )[0]?.updated_at;
    const before = await documentOf('organisation', organisation.id);
    const writtenAt = await updatedAt();
    await db().execute(sql`update material set name = name where code = 'glass'`);
    expect(await hits('organisation', 'crystal')).not.toContain(organisation.slug);
    await db().execute(sql`update material set name = name || '{"en":"Glass and crystal"}'::jsonb where code = 'glass'`);
    expect(await hits('organisation', 'crystal')).toContain(organisation.slug);
    // The document holds the material's code, so it was not written again.
    expect((await documentOf('organisation', organisation.id))?.document).toBe(before?.document);
    expect(await updatedAt()).toBe(writtenAt);
    await db().execute(sql`update material set name = '{"en":"Glass","fr":"Verre","ar":"الزجاج"}'::jsonb where code = 'glass'`);
    expect(await hits('organisation', 'crystal')).not.toContain(organisation.slug);
    expect(await hits('organisation', 'verre')).toContain(organisation.slug);
  });

  it('rebuilds every document with reindexAll', async () => {
    const organisation = await insertOrganisation(db(), { name: { en: 'Rebuilt Potters' } });
    await db().execute(sql`delete from search_document where entity_id = ${organisation.id}`);
    expect(await hits('organisation', 'potters')).not.toContain(organisation.slug);
    await reindexAll(db());
    expect(await hits('organisation', 'potters')).toContain(organisation.slug);
  });

  it('drops query alternatives that a shorter prefix of the same word covers', async () => {
    const [row] = await queryRows<{ jewellery: string; silversmiths: string }>(
      db(),
      sql`select mosaic_search_query('jewellery')::text as jewellery, mosaic_search_query('silversmiths')::text as silversmiths`,
    );
    // English stem "jeweller" covers "jewellery" and "jewelleri"; "silversmith" covers "silversmiths".
    expect(row?.jewellery).toContain("'jeweller':*");
    expect(row?.jewellery).not.toContain("'jewellery':*");
    expect(row?.jewellery).not.toContain("'jewelleri':*");
    expect(row?.silversmiths).toContain("'silversmith':*");
    expect(row?.silversmiths).not.toContain("'silversmiths':*");
  });

  it('searches with the GIN index on the document (the tsquery reaches the planner as a constant)', async () => {
    await insertOrganisation(db()); // reference data first
    await db().execute(sql`insert into organisation (slug, name, type, country_iso2)
      select 'plan-maker-' || n, jsonb_build_object('en', 'Plan ' || md5(n::text)), 'enterprise', 'TN' from generate_series(1, 1000) n`);
    await db().execute(sql`analyze search_document`);
    await db().execute(sql`analyze search_word`);
    // Small tables are cheaper to scan: forbid it (in one transaction, so on one connection) to
    // learn whether the index can serve the query.
    const [{ tsquery } = { tsquery: '' }] = await queryRows<{ tsquery: string }>(
      db(),
      sql`select mosaic_search_query('lanterns')::text as tsquery`,
    );
    const statement = sql.raw(
      `explain select d.entity_id from search_document d where d.document @@ '${tsquery.replaceAll("'", "''")}'::tsquery and d.is_public`,
    );
    const plan = await db().transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return (await queryRows<{ 'QUERY PLAN': string }>(tx, statement)).map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('search_document_document_idx');
  });
});

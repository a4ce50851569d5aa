/**
 * The import writes organisations and their audit entries with COPY (decision 0010), one path per
 * driver. What the table holds afterwards must be exactly what was given, whatever the text holds
 * (COPY's own escapes, array quoting, JSON), and a row the table refuses must fail the statement
 * like an insert does, so the engine's row-by-row retry keeps the good rows.
 */
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Actor } from '#app/shared/auth/actor.ts';
import { auditLog, organisation } from '#app/shared/db/schema.ts';
import { ensureReferenceData } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { type ImportedRecord, insertImportAudit, insertOrganisationRows } from './import.repository.server.ts';

/** Text that COPY's format and array literals must carry through unchanged. */
const AWKWARD = 'tab\there, new\nline, return\r, back\\slash \\N, "quotes", {braces}, a,comma, NULL';

const records: ImportedRecord[] = [
  {
    slug: 'copy-awkward',
    name: { fr: `Atelier ${AWKWARD}`, ar: 'ورشة الزليج\tالفاسي', en: 'Line\\nbreak?' },
    description: { en: `Description ${AWKWARD}`, fr: 'Émaillés à la main — « fontaines »' },
    sourceLocale: 'fr',
    type: 'enterprise',
    sizeClass: 'small',
    foundedYear: 1987,
    countryIso2: 'MA',
    city: { fr: 'Fès', ar: 'فاس' },
    latitude: 34.0331,
    longitude: -5.0003,
    subsectorCodes: ['habitat', 'heritage'],
    materialCodes: ['ceramics'],
    products: { fr: 'Fontaines\ttables' },
    markets: ['local', 'europe'],
    valueChainRoles: [],
    workingLanguages: ['ar', 'fr'],
    certifications: [AWKWARD, 'NULL', '', 'with space'],
    staffTotal: 12,
    staffWomen: 7,
    staffMen: 5,
    womenLed: true,
    womenOwned: false,
    youthLed: true,
    address: `12 rue ${AWKWARD}`,
    email: 'awkward@copy.example',
    phone: '+212 5 35 00 00 00',
    contactConsent: true,
    links: [{ kind: 'website', url: 'https://copy.example/?a=1&b="2"\\' }],
    photoFileIds: [],
    status: 'published',
    isDemo: false,
  },
  {
    // Only what the table requires: every other column is NULL or its default as given.
    slug: 'copy-minimal',
    name: { ar: 'مؤسسة' },
    sourceLocale: 'ar',
    type: 'cooperative',
    countryIso2: 'TN',
    subsectorCodes: [],
    materialCodes: [],
    markets: [],
    valueChainRoles: [],
    workingLanguages: [],
    certifications: [],
    womenLed: false,
    womenOwned: false,
    youthLed: false,
    contactConsent: false,
    links: [],
    photoFileIds: [],
    status: 'published',
    isDemo: false,
  },
];

describe('writing imported rows with COPY', () => {
  const database = useTestDatabase();
  const system: Actor = { kind: 'system' };

  it('stores every value exactly as given, and the audit entries with them', async () => {
    const { db } = database();
    await ensureReferenceData(db);
    const inserted = await db.transaction(async (tx) => {
      const rows = await insertOrganisationRows(tx, records);
      await insertImportAudit(
        tx,
        system,
        rows.map((row, n) => ({
          action: 'directory.organisation.import',
          subjectType: 'organisation',
          subjectId: row.id,
          data: { importRunId: 'run-1', row: n + 2, slug: row.slug, note: AWKWARD },
        })),
      );
      return rows;
    });
    expect(inserted.map((row) => row.slug)).toEqual(['copy-awkward', 'copy-minimal']);

    const stored = await db
      .select()
      .from(organisation)
      .where(inArray(organisation.slug, ['copy-awkward', 'copy-minimal']));
    for (const record of records) {
      const row = stored.find((candidate) => candidate.slug === record.slug)!;
      expect(row.id).toBe(inserted.find((candidate) => candidate.slug === record.slug)!.id);
      const { id: _id, createdAt, updatedAt, ...columns } = row;
      expect(createdAt).toBeInstanceOf(Date);
      expect(updatedAt).toBeInstanceOf(Date);
      const expected = Object.fromEntries(Object.keys(columns).map((key) => [key, record[key] ?? null]));
      expect(columns).toEqual(expected);
    }

    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'directory.organisation.import'));
    expect(audit.map((entry) => [entry.subjectId, entry.data, entry.via, entry.actorId])).toEqual(
      inserted.map((row, n) => [row.id, { importRunId: 'run-1', row: n + 2, slug: row.slug, note: AWKWARD }, 'system', null]),
    );
  });

  it('fails the whole statement on a row the table refuses, leaving nothing behind', async () => {
    const { db } = database();
    await ensureReferenceData(db);
    const good = { ...records[1]!, slug: 'copy-good', name: { fr: 'Bonne' } };
    const unknownCountry = { ...records[1]!, slug: 'copy-bad', countryIso2: 'XX' };
    await expect(db.transaction((tx) => insertOrganisationRows(tx, [good, unknownCountry]))).rejects.toThrow();
    const left = await db
      .select()
      .from(organisation)
      .where(inArray(organisation.slug, ['copy-good', 'copy-bad']));
    expect(left).toEqual([]);
    // The connection is usable afterwards: the row alone is written.
    await db.transaction((tx) => insertOrganisationRows(tx, [good]));
    expect(await db.select({ slug: organisation.slug }).from(organisation).where(eq(organisation.slug, 'copy-good'))).toEqual([
      { slug: 'copy-good' },
    ]);
  });
});

/**
 * Imports on a real database: a fixture with good rows and each kind of bad row, re-runs, dry
 * runs, XLSX, the background job of the pages, and who may import.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { createPerson } from '#app/shared/api/testing/api-test-app.ts';
import type { Actor, UserActor } from '#app/shared/auth/actor.ts';
import { auditLog, clusterMembership, importRun, organisation, user } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { LocalDiskStorage, setFileStorage } from '#app/shared/files/index.ts';
import { runJobsOnce } from '#app/shared/jobs/index.ts';
import { ensureReferenceData, insertCluster, insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { createImportDraft, getImportRun, importFile, listImportRuns, previewImportRun, startImportRun } from './import.service.server.ts';

describe('directory import', () => {
  const database = useTestDatabase();
  const FIXTURE = path.resolve('tests/fixtures/import/organisations.csv');
  const system: Actor = { kind: 'system' };
  const filesDir = mkdtempSync(path.join(tmpdir(), 'mosaic-import-files-'));

  function staffActor(scope: { scopeType: 'global' | 'country'; scopeId: string | null }): UserActor {
    return {
      kind: 'user',
      userId: `staff-${scope.scopeId ?? 'global'}`,
      email: 'staff@example.org',
      name: 'Staff',
      locale: 'en',
      emailVerified: true,
      twoFactorEnabled: true,
      via: 'session',
      grants: [
        {
          role: 'programme_staff',
          ...scope,
          permissions: ['directory.organisations.manage', 'directory.clusters.manage', 'admin.access'],
          requiresTwoFactor: true,
        },
      ],
    };
  }

  async function organisationSlugs(): Promise<string[]> {
    const rows = await database().db.select({ slug: organisation.slug }).from(organisation);
    return rows.map((row) => row.slug).sort();
  }

  async function expectAppError(promise: Promise<unknown>, code: string): Promise<void> {
    try {
      await promise;
      expect.unreachable(`expected ${code}`);
    } catch (error) {
      expect(isAppError(error) ? error.code : error).toBe(code);
    }
  }

  beforeAll(async () => {
    setFileStorage(new LocalDiskStorage(filesDir));
    await ensureReferenceData(database().db);
    await seedRoles(database().db);
  });

  afterAll(() => {
    setFileStorage(undefined);
    rmSync(filesDir, { recursive: true, force: true });
  });

  describe('importing the fixture file', () => {
    let existingSlug: string;
    let clusterId: string;

    beforeAll(async () => {
      existingSlug = (await insertOrganisation(database().db, { name: { fr: 'Maison Existante' }, city: { fr: 'Sfax' } })).slug;
      clusterId = (await insertCluster(database().db, { slug: 'import-test-cluster' })).id;
    });

    it('reports in a dry run exactly what a real run does, and writes nothing', async () => {
      const before = await organisationSlugs();
      const dry = await importFile(system, { file: FIXTURE, kind: 'organisations', locale: 'fr', dryRun: true });
      expect(await organisationSlugs()).toEqual(before);
      expect(dry).toMatchObject({ status: 'succeeded', dryRun: true, total: 8, processed: 8, created: 3, duplicates: 2, rejected: 3 });
      const audited = await database().db.select().from(auditLog).where(eq(auditLog.action, 'directory.import.run'));
      expect(audited).toHaveLength(0);

      const real = await importFile(system, { file: FIXTURE, kind: 'organisations', locale: 'fr', dryRun: false });
      expect(real).toMatchObject({ status: 'succeeded', dryRun: false, total: 8, processed: 8, created: 3, duplicates: 2, rejected: 3 });
      expect(real.report).toEqual(dry.report);
    });

    it('writes the good rows, in their languages, with their codes and cluster', async () => {
      const rows = await database()
        .db.select()
        .from(organisation)
        .where(inArray(organisation.slug, ['atelier-nour', 'cuirs-du-sud-tozeur']));
      const nour = rows.find((row) => row.slug === 'atelier-nour')!;
      expect(nour).toMatchObject({
        name: { fr: 'Atelier Nour', ar: 'ورشة نور' },
        sourceLocale: 'fr',
        type: 'cooperative',
        countryIso2: 'TN',
        city: { fr: 'Tunis' },
        email: 'contact@nour.example',
        materialCodes: ['silver', 'olive-wood'],
        womenLed: true,
        status: 'published',
      });
      expect(rows.find((row) => row.slug === 'cuirs-du-sud-tozeur')).toMatchObject({ materialCodes: ['leather'], womenLed: true });
      const [arabicOnly] = await database().db.select().from(organisation).where(eq(organisation.countryIso2, 'JO'));
      expect(arabicOnly).toMatchObject({ name: { ar: 'ورشة الفضة' }, sourceLocale: 'ar', type: 'enterprise', materialCodes: ['silver'] });
      expect(arabicOnly!.slug).toMatch(/^[a-z0-9-]+$/);
      const memberships = await database().db.select().from(clusterMembership).where(eq(clusterMembership.clusterId, clusterId));
      expect(memberships).toEqual([expect.objectContaining({ organisationId: nour.id, role: 'member' })]);
      const history = await database()
        .db.select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectType, 'organisation'), eq(auditLog.subjectId, nour.id)));
      expect(history).toEqual([expect.objectContaining({ action: 'directory.organisation.import', via: 'system' })]);
    });

    it('reports each bad row with its field and reason, and writes nothing for it', async () => {
      const [run] = await database().db.select().from(importRun).where(eq(importRun.dryRun, false));
      expect(run!.report).toEqual([
        { row: 4, outcome: 'rejected', field: 'countryIso2', code: 'DIRECTORY_IMPORT_UNKNOWN_COUNTRY', value: 'Atlantis' },
        { row: 5, outcome: 'rejected', field: 'name', code: 'field.required' },
        { row: 6, outcome: 'rejected', field: 'email', code: 'field.invalid_format' },
        { row: 7, outcome: 'duplicate', field: 'name', code: 'DIRECTORY_IMPORT_DUPLICATE', duplicateOf: { row: 2 } },
        { row: 8, outcome: 'duplicate', field: 'name', code: 'DIRECTORY_IMPORT_DUPLICATE', duplicateOf: { slug: existingSlug } },
      ]);
      const slugs = await organisationSlugs();
      expect(slugs.some((slug) => slug.includes('atlantide') || slug.includes('amal'))).toBe(false);
      const [noName] = await database().db.select().from(organisation).where(eq(organisation.email, 'sans-nom@example.org'));
      expect(noName).toBeUndefined();
    });

    it('creates nothing when the same file runs again', async () => {
      const before = await organisationSlugs();
      const again = await importFile(system, { file: FIXTURE, kind: 'organisations', locale: 'fr', dryRun: false });
      expect(again).toMatchObject({ created: 0, duplicates: 5, rejected: 3 });
      expect(await organisationSlugs()).toEqual(before);
      expect(again.report.find((issue) => issue.row === 2)).toEqual({
        row: 2,
        outcome: 'duplicate',
        field: 'name',
        code: 'DIRECTORY_IMPORT_DUPLICATE',
        duplicateOf: { slug: 'atelier-nour' },
      });
    });

    it('finds duplicates by e-mail and by phone whatever the name', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'mosaic-import-'));
      try {
        const file = path.join(dir, 'renamed.csv');
        await writeFile(
          file,
          'name,type,country,city,email,phone\nNour Workshop,enterprise,TN,Carthage,CONTACT@nour.example,\nOther,enterprise,TN,Carthage,,(216) 71-000-111\n',
        );
        const run = await importFile(system, { file, kind: 'organisations', locale: 'en', dryRun: true });
        expect(run.report.map(({ row, field, duplicateOf }) => ({ row, field, duplicateOf }))).toEqual([
          { row: 2, field: 'email', duplicateOf: { slug: 'atelier-nour' } },
          { row: 3, field: 'phone', duplicateOf: { slug: 'atelier-nour' } },
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('XLSX and clusters', () => {
    it('imports the first sheet of an XLSX file, clusters with their anchor', async () => {
      const anchor = await insertOrganisation(database().db, { slug: 'xlsx-anchor' });
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Clusters');
      sheet.addRow(['name_en', 'name_ar', 'country', 'city', 'subsector', 'stage', 'materials', 'anchor', 'latitude']);
      sheet.addRow(['Kairouan Carpets', 'زرابي القيروان', 'Tunisia', 'Kairouan', 'habitat', 'Selected', 'weaving', 'xlsx-anchor', 35.68]);
      sheet.addRow(['No Subsector', '', 'TN', 'Gabès', '', '', '', '', '']);
      workbook.addWorksheet('Ignored').addRow(['name_en']);
      const dir = mkdtempSync(path.join(tmpdir(), 'mosaic-import-'));
      try {
        const file = path.join(dir, 'clusters.xlsx');
        await workbook.xlsx.writeFile(file);
        const run = await importFile(system, { file, kind: 'clusters', locale: 'en', dryRun: false });
        expect(run).toMatchObject({ format: 'xlsx', status: 'succeeded', processed: 2, created: 1, rejected: 1 });
        expect(run.report).toEqual([expect.objectContaining({ row: 3, field: 'subsectorCode', code: 'field.required' })]);
        const { cluster } = await import('#app/shared/db/schema.ts');
        const [row] = await database().db.select().from(cluster).where(eq(cluster.slug, 'kairouan-carpets'));
        expect(row).toMatchObject({
          name: { en: 'Kairouan Carpets', ar: 'زرابي القيروان' },
          stage: 'selected',
          materialCodes: ['weaving'],
          anchorOrganisationId: anchor.id,
          latitude: 35.68,
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('who may import', () => {
    it('refuses anyone without a global or country grant, writing nothing', async () => {
      const runsBefore = await database().db.select().from(importRun);
      const admin: UserActor = {
        ...staffActor({ scopeType: 'global', scopeId: null }),
        grants: [
          {
            role: 'organisation_admin',
            scopeType: 'organisation',
            scopeId: 'demo-organisation',
            permissions: ['directory.organisations.manage'],
            requiresTwoFactor: false,
          },
        ],
      };
      await expectAppError(importFile(admin, { file: FIXTURE, kind: 'organisations', locale: 'fr', dryRun: false }), 'COMMON_FORBIDDEN');
      await expectAppError(
        importFile({ kind: 'anonymous' }, { file: FIXTURE, kind: 'organisations', locale: 'fr', dryRun: false }),
        'COMMON_UNAUTHENTICATED',
      );
      await expectAppError(listImportRuns(admin), 'COMMON_FORBIDDEN');
      const bytes = new Uint8Array(await readFile(FIXTURE));
      await expectAppError(
        createImportDraft(admin, { kind: 'organisations', locale: 'fr' }, { name: 'o.csv', contentType: 'text/csv', bytes }),
        'COMMON_FORBIDDEN',
      );
      expect(await database().db.select().from(importRun)).toHaveLength(runsBefore.length);
    });

    it('lets country-scoped staff write only rows of their country', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'mosaic-import-'));
      try {
        const file = path.join(dir, 'two-countries.csv');
        await writeFile(file, 'name\ttype\tcountry\tcity\nScoped One\tenterprise\tMA\tSalé\nScoped Two\tenterprise\tEG\tCairo\n');
        const run = await importFile(staffActor({ scopeType: 'country', scopeId: 'MA' }), {
          file,
          kind: 'organisations',
          locale: 'en',
          dryRun: false,
        });
        expect(run).toMatchObject({ created: 1, rejected: 1 });
        expect(run.report).toEqual([
          { row: 3, outcome: 'rejected', field: 'countryIso2', code: 'DIRECTORY_IMPORT_COUNTRY_NOT_ALLOWED', value: 'EG' },
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('imports from the pages', () => {
    it('uploads a draft, runs it as a background job, then repeats a dry run for real', async () => {
      const person = await createPerson({ name: 'Import Staff' });
      await database().db.update(user).set({ twoFactorEnabled: true }).where(eq(user.id, person.userId));
      await assignRole(system, { userId: person.userId, role: 'programme_staff' });
      const actor = staffActor({ scopeType: 'global', scopeId: null });
      const staff: UserActor = { ...actor, userId: person.userId };

      const csv = 'Name;Type;Country;City;Notes\nUpload Weavers;Cooperative;Morocco;Fès;first\nUpload Potters;enterprise;MA;Safi;second\n';
      const { runId } = await createImportDraft(
        staff,
        { kind: 'organisations', locale: 'en' },
        { name: 'upload.csv', contentType: 'text/csv', bytes: new TextEncoder().encode(csv) },
      );
      const preview = await previewImportRun(staff, runId);
      expect(preview.columns).toEqual([
        { header: 'Name', target: 'name.en', samples: ['Upload Weavers', 'Upload Potters'] },
        { header: 'Type', target: 'type', samples: ['Cooperative', 'enterprise'] },
        { header: 'Country', target: 'countryIso2', samples: ['Morocco', 'MA'] },
        { header: 'City', target: 'city.en', samples: ['Fès', 'Safi'] },
        { header: 'Notes', target: null, samples: ['first', 'second'] },
      ]);
      expect((await getImportRun(staff, runId)).status).toBe('draft');

      await expectAppError(
        startImportRun(staff, runId, { targets: ['name.en', null, null, null, null], dryRun: true }),
        'DIRECTORY_IMPORT_MAPPING_INCOMPLETE',
      );
      const targets = preview.columns.map((column) => column.target);
      expect((await startImportRun(staff, runId, { targets, dryRun: true })).runId).toBe(runId);
      expect((await getImportRun(staff, runId)).status).toBe('pending');
      await runJobsOnce();
      const dry = await getImportRun(staff, runId);
      expect(dry).toMatchObject({ status: 'succeeded', dryRun: true, total: 2, created: 2 });
      expect(await database().db.select().from(organisation).where(eq(organisation.slug, 'upload-weavers'))).toHaveLength(0);

      const { runId: realId } = await startImportRun(staff, runId, { targets, dryRun: false });
      expect(realId).not.toBe(runId);
      await runJobsOnce();
      expect(await getImportRun(staff, realId)).toMatchObject({ status: 'succeeded', dryRun: false, created: 2 });
      expect(await database().db.select().from(organisation).where(eq(organisation.slug, 'upload-weavers'))).toHaveLength(1);
      const [audit] = await database()
        .db.select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'directory.import.run'), eq(auditLog.subjectId, realId)));
      expect(audit).toMatchObject({ actorId: person.userId, data: expect.objectContaining({ created: 2 }) });
      const page = await listImportRuns(staff);
      expect(page.runs[0]).toMatchObject({ id: realId, fileName: 'upload.csv' });
    });

    it('refuses a file of the wrong type, an empty one and an unreadable one, keeping nothing', async () => {
      const staff = staffActor({ scopeType: 'global', scopeId: null });
      const runsBefore = (await database().db.select().from(importRun)).length;
      const upload = { kind: 'organisations', locale: 'en' } as const;
      await expectAppError(
        createImportDraft(staff, upload, { name: 'photo.png', contentType: 'image/png', bytes: new Uint8Array([1, 2, 3]) }),
        'DIRECTORY_IMPORT_FILE_TYPE',
      );
      await expectAppError(
        createImportDraft(staff, upload, { name: 'empty.csv', contentType: 'text/csv', bytes: new Uint8Array() }),
        'DIRECTORY_IMPORT_FILE_EMPTY',
      );
      await expectAppError(
        createImportDraft(staff, upload, { name: 'blank.csv', contentType: 'text/csv', bytes: new TextEncoder().encode('\n\n') }),
        'DIRECTORY_IMPORT_FILE_EMPTY',
      );
      await expectAppError(
        createImportDraft(staff, upload, { name: 'broken.xlsx', contentType: '', bytes: new TextEncoder().encode('not a zip') }),
        'DIRECTORY_IMPORT_FILE_UNREADABLE',
      );
      expect(await database().db.select().from(importRun)).toHaveLength(runsBefore);
    });
  });
});

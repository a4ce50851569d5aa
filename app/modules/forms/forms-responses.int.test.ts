/**
 * Managers' side of forms on a real database: lists of forms and responses, and the export over
 * every version (acceptance: after a new version, old answers stay readable and exportable with
 * their original questions), written to XLSX and, when LibreOffice is installed, opened by it.
 */
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorForUser, assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { anonymous, system, type UserActor } from '#app/shared/auth/actor.ts';
import { auditLog, formResponse, user } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { SOFFICE_MISSING, xlsxToCsvWithLibreOffice } from '#app/shared/xlsx/libreoffice.testing.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { type FormDefinition, formDefinitionSchema } from './forms.contracts.ts';
import { findFormByCode } from './forms.repository.server.ts';
import {
  createForm,
  exportResponses,
  getManagedResponse,
  listForms,
  listResponses,
  listVersions,
  publishDraft,
  saveDraft,
  saveResponsePage,
  submitResponse,
} from './forms.service.server.ts';
import type { ExportedResponse, ResponsesExport } from './forms-responses.contracts.ts';
import { responsesWorkbook } from './forms-responses-xlsx.server.ts';

/** Version 1: a name, a head count and a size. */
const v1: FormDefinition = formDefinitionSchema.parse({
  code: 'member-check',
  title: { en: 'Member check', fr: 'Point membres', ar: 'متابعة الأعضاء' },
  pages: [
    {
      code: 'about',
      sections: [
        {
          code: 'org',
          questions: [
            { code: 'org-name', type: 'short-text', label: { en: 'Name', fr: 'Nom', ar: 'الاسم' }, required: true },
            { code: 'employees', type: 'number', label: { en: 'Employees', fr: 'Salariés', ar: 'الموظفون' }, integer: true, min: 0 },
            {
              code: 'size',
              type: 'single-choice',
              label: { en: 'Size', fr: 'Taille', ar: 'الحجم' },
              options: [
                { code: 'micro', label: { en: 'Micro', fr: 'Micro', ar: 'صغيرة جدًا' } },
                { code: 'small', label: { en: 'Small', fr: 'Petite', ar: 'صغيرة' } },
              ],
            },
          ],
        },
      ],
    },
  ],
});

/** Version 2: the name question reworded, the head count removed. */
function version2(): FormDefinition {
  const copy = structuredClone(v1);
  const org = copy.pages[0]?.sections[0];
  if (!org) throw new Error('fixture changed');
  org.questions = org.questions
    .filter((q) => q.code !== 'employees')
    .map((q) => (q.code === 'org-name' ? { ...q, label: { en: 'Trading name', fr: 'Nom commercial', ar: 'الاسم التجاري' } } : q));
  return copy;
}

/** Every row of an export (its batches read to the end). */
async function rowsOf(exported: ResponsesExport): Promise<ExportedResponse[]> {
  const rows: ExportedResponse[] = [];
  for await (const batch of exported.batches) rows.push(...batch);
  return rows;
}

/** The bytes of the XLSX stream. */
async function bytesOf(exported: ResponsesExport, locale: 'ar' | 'fr' | 'en'): Promise<ArrayBuffer> {
  return new Response(responsesWorkbook(exported, locale)).arrayBuffer();
}

describe('forms: responses for managers and exports over versions', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  let manager: UserActor;
  let otherManager: UserActor;
  let staff: UserActor;
  let members: UserActor[];

  async function person(name: string, role: string, scopeType: 'global' | 'cluster', scopeId: string | null) {
    const id = randomUUID();
    await db()
      .insert(user)
      .values({ id, name, email: `${id.slice(0, 8)}@example.org`, emailVerified: true, twoFactorEnabled: true });
    await assignRole(system, { userId: id, role, scopeType, scopeId });
    return actorForUser(id, 'session');
  }

  async function statusOf(promise: Promise<unknown>): Promise<number | string> {
    return promise.then(
      () => 'resolved',
      (error: unknown) => (isAppError(error) ? error.status : String(error)),
    );
  }

  async function auditCount(): Promise<number> {
    const [row] = await db().select({ n: count() }).from(auditLog);
    return row?.n ?? 0;
  }

  async function answer(actor: UserActor, fields: [string, string][], submit = true) {
    const saved = await saveResponsePage(actor, 'member-check', { page: 'about', locale: 'fr', fields });
    return submit ? submitResponse(actor, saved.response.id) : saved.response;
  }

  beforeAll(async () => {
    await seedRoles(db());
    manager = await person('Manager El Jem', 'cluster_manager', 'cluster', 'el-jem-mosaic');
    otherManager = await person('Manager Batna', 'cluster_manager', 'cluster', 'batna-jewellery');
    staff = await person('Staff', 'programme_staff', 'global', null);
    members = [];
    for (const name of ['Amina Haddad', 'Karim Ben Salah', 'Salma Idrissi', 'Youssef Trabelsi'])
      members.push(await person(name, 'member', 'global', null));

    await createForm(manager, { code: 'member-check', title: v1.title, scope: { type: 'cluster', id: 'el-jem-mosaic' }, definition: v1 });
    await publishDraft(manager, 'member-check');
    await createForm(otherManager, { code: 'batna-check', title: { fr: 'Batna' }, scope: { type: 'cluster', id: 'batna-jewellery' } });

    // Two answers under version 1 (one still a draft), then version 2 and two answers under it.
    await answer(members[0] as UserActor, [
      ['org-name', 'Atelier Zellige'],
      ['employees', '12'],
      ['size', 'small'],
    ]);
    await answer(
      members[1] as UserActor,
      [
        ['org-name', '=HYPERLINK("http://evil.example")'],
        ['employees', '3'],
      ],
      false,
    );
    await saveDraft(manager, 'member-check', version2());
    await publishDraft(manager, 'member-check');
    await answer(members[2] as UserActor, [
      ['org-name', 'Dar Nakhla'],
      ['size', 'micro'],
    ]);
    await answer(members[3] as UserActor, [['org-name', 'Tissage Ksar']]);
  });

  it('lists the forms each manager manages, with versions and response counts', async () => {
    const own = await listForms(manager);
    expect(own.map((f) => f.code)).toEqual(['member-check']);
    expect(own[0]).toMatchObject({ publishedVersion: 2, draftVersion: null, versions: 2, responses: { draft: 1, submitted: 3 } });
    expect((await listForms(staff)).map((f) => f.code)).toEqual(['batna-check', 'member-check']);
    expect((await listForms(staff, { scopeType: 'cluster', scopeId: 'batna-jewellery' })).map((f) => f.code)).toEqual(['batna-check']);
    expect((await listForms(otherManager)).map((f) => f.code)).toEqual(['batna-check']);
    expect(await statusOf(listForms(members[0] as UserActor))).toBe(403);
    expect(await statusOf(listForms(anonymous))).toBe(401);
  });

  it('lists versions: every one for managers, published ones for respondents', async () => {
    const { versions } = await listVersions(manager, 'member-check');
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]?.definition).toEqual(v1);
    await saveDraft(otherManager, 'batna-check', { ...v1, code: 'batna-check' });
    expect((await listVersions(otherManager, 'batna-check')).versions.map((v) => v.publishedAt)).toEqual([null]);
    expect(await statusOf(listVersions(manager, 'batna-check'))).toBe(403);
  });

  it('pages the responses newest first with a cursor, filtered by version or status', async () => {
    const first = await listResponses(manager, 'member-check', { limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await listResponses(manager, 'member-check', { limit: 3, cursor: first.nextCursor ?? undefined });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const names = [...first.items, ...second.items].map((r) => r.respondent?.name);
    expect(names).toEqual(['Youssef Trabelsi', 'Salma Idrissi', 'Karim Ben Salah', 'Amina Haddad']);
    expect([...first.items, ...second.items].map((r) => r.version)).toEqual([2, 2, 1, 1]);

    const v1Only = await listResponses(manager, 'member-check', { version: 1 });
    expect(v1Only.items.map((r) => r.respondent?.name).sort()).toEqual(['Amina Haddad', 'Karim Ben Salah']);
    const drafts = await listResponses(manager, 'member-check', { status: 'draft' });
    expect(drafts.items.map((r) => [r.respondent?.name, r.submittedAt])).toEqual([['Karim Ben Salah', null]]);
    expect(await statusOf(listResponses(manager, 'member-check', { cursor: 'bm90LWEtY3Vyc29y' }))).toBe(400);
    // A cursor made up with a date the database would not read is refused too, not a 500.
    const madeUp = Buffer.from('2020|some-id', 'utf8').toString('base64url');
    expect(await statusOf(listResponses(manager, 'member-check', { cursor: madeUp }))).toBe(400);
    const badMonth = Buffer.from('2020-13-45T10:00:00.000000Z|some-id', 'utf8').toString('base64url');
    expect(await statusOf(listResponses(manager, 'member-check', { cursor: badMonth }))).toBe(400);
  });

  it('reads one response for its managers with the version it was given against, names included', async () => {
    const { items } = await listResponses(manager, 'member-check', { version: 1, status: 'submitted' });
    const id = items[0]?.id ?? '';
    const read = await getManagedResponse(manager, 'member-check', id);
    expect(read.response).toMatchObject({ version: 1, respondent: { name: 'Amina Haddad' }, enteredBy: null });
    expect(read.answers).toEqual({ 'org-name': 'Atelier Zellige', employees: 12, size: 'small' });
    expect(read.version.definition).toEqual(v1);
    expect(await statusOf(getManagedResponse(otherManager, 'member-check', id))).toBe(403);
    expect(await statusOf(getManagedResponse(members[0] as UserActor, 'member-check', id))).toBe(403);
    // A response of another form is not found through this one.
    expect(await statusOf(getManagedResponse(otherManager, 'batna-check', id))).toBe(404);
  });

  it('exports every response with its own version: both versions’ columns, original labels, removed questions kept', async () => {
    const exported = await exportResponses(manager, 'member-check', 'fr');
    expect(exported.columns.map((c) => c.key)).toEqual(['org-name', 'employees', 'size']);
    expect(exported.versions.map((v) => v.columns.map((c) => `${c.key}=${c.label}`))).toEqual([
      ['org-name=Nom', 'employees=Salariés', 'size=Taille'],
      ['org-name=Nom commercial', 'size=Taille'],
    ]);
    const rows = await rowsOf(exported);
    const byName = new Map(rows.map((row) => [row.response.respondent?.name, row]));
    expect(byName.get('Amina Haddad')).toMatchObject({
      response: { version: 1, status: 'submitted' },
      cells: { 'org-name': 'Atelier Zellige', employees: 12, size: 'Petite' },
    });
    expect(byName.get('Salma Idrissi')).toMatchObject({
      response: { version: 2 },
      cells: { 'org-name': 'Dar Nakhla', employees: null, size: 'Micro' },
    });
    // Oldest first.
    expect(rows.map((row) => row.response.respondent?.name)).toEqual([
      'Amina Haddad',
      'Karim Ben Salah',
      'Salma Idrissi',
      'Youssef Trabelsi',
    ]);
    const submitted = await exportResponses(manager, 'member-check', 'fr', { status: 'submitted' });
    expect((await rowsOf(submitted)).map((row) => row.response.respondent?.name)).not.toContain('Karim Ben Salah');
    const audited = await db().select().from(auditLog).where(eq(auditLog.action, 'forms.responses.export'));
    expect(audited.length).toBe(2);
  });

  it('writes the XLSX: headers in the reader’s language, codes row, each version’s labels, formulas made inert, RTL in Arabic', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await bytesOf(await exportResponses(manager, 'member-check', 'ar'), 'ar'));
    const [responses, questions] = workbook.worksheets;
    if (!responses || !questions) throw new Error('two sheets expected');
    expect(responses.views[0]?.rightToLeft).toBe(true);
    const header = (responses.getRow(1).values as unknown[]).slice(1);
    const codes = (responses.getRow(2).values as unknown[]).slice(1);
    expect(codes).toEqual([
      '_response',
      '_version',
      '_status',
      '_respondent',
      '_enteredBy',
      '_startedAt',
      '_submittedAt',
      'org-name',
      'employees',
      'size',
    ]);
    expect(header.slice(7)).toEqual(['الاسم التجاري', 'الموظفون', 'الحجم']);
    expect(header[0]).toMatch(/[\u0600-\u06FF]/);
    const rows = [3, 4, 5, 6].map((n) => (responses.getRow(n).values as unknown[]).slice(1));
    const karim = rows.find((row) => row[3] === 'Karim Ben Salah');
    expect(karim?.[7]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(karim?.[8]).toBe(3);
    const amina = rows.find((row) => row[3] === 'Amina Haddad');
    expect(amina?.[1]).toBe(1);
    expect(amina?.[6]).toBeInstanceOf(Date);
    expect((questions.getRow(2).values as unknown[]).slice(1)).toEqual(
      ['org-name', 'org-name', null, 'short-text', 'الاسم', 'الاسم التجاري'].map((v) => v ?? undefined),
    );
    expect((questions.getRow(3).values as unknown[]).slice(1, 6)).toEqual(['employees', 'employees', undefined, 'number', 'الموظفون']);
  });

  it('opens in LibreOffice (headless conversion to CSV)', async (context) => {
    const csv = xlsxToCsvWithLibreOffice(new Uint8Array(await bytesOf(await exportResponses(manager, 'member-check', 'fr'), 'fr')));
    if (csv === null) return context.skip(SOFFICE_MISSING);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('Nom commercial');
    expect(lines[1]).toContain('org-name');
    expect(lines).toHaveLength(6);
    expect(csv).toContain('Atelier Zellige');
  }, 150_000);

  it('exports and pages past batch boundaries: 1,201 responses created in one instant come out once each', async () => {
    await createForm(manager, {
      code: 'bulk-check',
      title: v1.title,
      scope: { type: 'cluster', id: 'el-jem-mosaic' },
      definition: { ...v1, code: 'bulk-check' },
    });
    await publishDraft(manager, 'bulk-check');
    const formRow = await findFormByCode(db(), 'bulk-check');
    if (!formRow) throw new Error('form not stored');
    // One statement: every row has the same created_at, so only the id orders them.
    await db()
      .insert(formResponse)
      .values(
        Array.from({ length: 1201 }, (_, i) => ({
          formId: formRow.id,
          version: 1,
          status: 'submitted' as const,
          answers: { 'org-name': `Atelier ${i}` },
        })),
      );
    const rows = await rowsOf(await exportResponses(manager, 'bulk-check', 'en'));
    const ids = rows.map((row) => row.response.id);
    expect(new Set(ids).size).toBe(1201);
    expect(ids).toEqual([...ids].sort());
    expect(rows[0]?.cells).toMatchObject({ 'org-name': expect.stringMatching(/^Atelier \d+$/), employees: null });

    const paged: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages += 1) {
      const page = await listResponses(manager, 'bulk-check', { limit: 100, cursor });
      paged.push(...page.items.map((item) => item.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(paged).toEqual([...ids].reverse());
  });

  it('refuses other managers, members and anonymous callers, and leaks nothing', async () => {
    const before = await auditCount();
    for (const actor of [otherManager, members[0] as UserActor]) {
      // Each call starts only when the previous refusal has been caught: a call started earlier
      // could be refused before anything awaits it, an unhandled rejection that fails the run.
      const calls: (() => Promise<unknown>)[] = [
        () => listResponses(actor, 'member-check'),
        () => exportResponses(actor, 'member-check', 'en'),
      ];
      // Members may read published versions (they answer the form); another cluster's manager may not.
      if (actor === otherManager) calls.push(() => listVersions(actor, 'member-check'));
      for (const call of calls) {
        const error = await call().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isAppError(error) && error.status).toBe(403);
        expect(JSON.stringify(error)).not.toContain('Atelier Zellige');
      }
    }
    expect(await statusOf(listResponses(anonymous, 'member-check'))).toBe(401);
    expect(await statusOf(exportResponses(anonymous, 'member-check', 'en'))).toBe(401);
    expect(await statusOf(listResponses(manager, 'no-such-form'))).toBe(404);
    expect(await auditCount()).toBe(before);
  });
});

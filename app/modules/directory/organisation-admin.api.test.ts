/** Organisation management over the API: contracts, refusals as problems, and nothing written when refused. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { apiRequest, createPerson, createTestApp, issueToken, TEST_ORIGIN, type TestApp } from '#app/shared/api/testing/api-test-app.ts';
import { system } from '#app/shared/auth/actor.ts';
import { auditLog, organisation, person } from '#app/shared/db/schema.ts';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import { insertOrganisation, insertPerson, type OrganisationRow } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';

describe('organisation management API', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  let app: TestApp;
  let own: OrganisationRow;
  let other: OrganisationRow;
  let adminToken: string;
  let memberToken: string;

  beforeAll(async () => {
    await seedRoles(db());
    app = createTestApp();
    own = await insertOrganisation(db(), { name: { en: 'Own Atelier' } });
    other = await insertOrganisation(db(), { name: { en: 'Other Atelier' }, email: 'other@example.org' });
    const admin = await createPerson({ name: 'Org Admin' });
    await assignRole(system, { userId: admin.userId, role: 'organisation_admin', scopeType: 'organisation', scopeId: own.slug });
    adminToken = (await issueToken(admin)).token;
    memberToken = (await issueToken(await createPerson({ name: 'Plain Member' }))).token;
  });

  async function rowOf(slug: string) {
    const [row] = await db().select().from(organisation).where(eq(organisation.slug, slug));
    return row!;
  }

  describe('PATCH /api/v1/organisations/{slug}', () => {
    it('lets an organisation admin change their own organisation', async () => {
      const response = await apiRequest(app, `/api/v1/organisations/${own.slug}`, {
        method: 'PATCH',
        token: adminToken,
        json: { foundedYear: 1987, markets: ['europe'] },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ slug: own.slug, foundedYear: 1987, markets: ['europe'], name: { en: 'Own Atelier' } });
    });

    it('answers 403 to an organisation admin changing another organisation, and writes nothing', async () => {
      const before = await rowOf(other.slug);
      const response = await apiRequest(app, `/api/v1/organisations/${other.slug}`, {
        method: 'PATCH',
        token: adminToken,
        json: { name: { en: 'Taken over' }, contactConsent: true },
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 403, code: 'COMMON_FORBIDDEN' });
      expect(await rowOf(other.slug)).toEqual(before);
      expect(await db().select().from(auditLog).where(eq(auditLog.subjectId, other.id))).toEqual([]);
    });

    it('answers 401 without credentials, 404 for an unknown slug, 400 naming bad fields', async () => {
      expect((await apiRequest(app, `/api/v1/organisations/${own.slug}`, { method: 'PATCH', json: { youthLed: true } })).status).toBe(401);
      const missing = await apiRequest(app, '/api/v1/organisations/no-such-organisation', {
        method: 'PATCH',
        token: adminToken,
        json: { youthLed: true },
      });
      expect(missing.status).toBe(404);
      const invalid = await apiRequest(app, `/api/v1/organisations/${own.slug}`, {
        method: 'PATCH',
        token: adminToken,
        json: { markets: ['mars'], email: 'not-an-email' },
      });
      expect(invalid.status).toBe(400);
      const problem = (await invalid.json()) as { errors: { field: string; code: string }[] };
      expect(problem.errors.map((e) => e.field).sort()).toEqual(['email', 'markets.0']);
    });
  });

  describe('POST /api/v1/organisations', () => {
    it('makes a member’s organisation a proposal', async () => {
      const response = await apiRequest(app, '/api/v1/organisations', {
        method: 'POST',
        token: memberToken,
        json: { name: { ar: 'دار الخزف' }, sourceLocale: 'ar', type: 'cooperative', countryIso2: 'MA', city: { fr: 'Safi' } },
      });
      expect(response.status).toBe(201);
      const body = (await response.json()) as { slug: string; status: string };
      expect(body.status).toBe('proposed');
      expect(body.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    it('refuses invalid input with a 400 naming each field and its code', async () => {
      const response = await apiRequest(app, '/api/v1/organisations', {
        method: 'POST',
        token: memberToken,
        json: { name: {}, type: 'castle', countryIso2: 'tunisia' },
      });
      expect(response.status).toBe(400);
      const problem = (await response.json()) as { code: string; errors: { field: string; code: string }[] };
      expect(problem.code).toBe('COMMON_VALIDATION_FAILED');
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'type', code: 'invalid_value' }),
          expect.objectContaining({ field: 'countryIso2', code: 'invalid_format' }),
          expect.objectContaining({ field: 'name' }),
        ]),
      );
    });

    it('refuses a duplicate with 409, naming the existing organisation', async () => {
      const response = await apiRequest(app, '/api/v1/organisations', {
        method: 'POST',
        token: memberToken,
        json: { name: { en: 'Another name' }, type: 'enterprise', countryIso2: 'TN', email: 'OTHER@example.org' },
      });
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ code: 'DIRECTORY_MANAGE_DUPLICATE' });
    });

    it('answers 401 without credentials', async () => {
      const response = await apiRequest(app, '/api/v1/organisations', { method: 'POST', json: { name: { en: 'X' } } });
      expect(response.status).toBe(401);
    });
  });

  describe('claims and people', () => {
    it('records one pending claim per person', async () => {
      const first = await apiRequest(app, `/api/v1/organisations/${other.slug}/claims`, {
        method: 'POST',
        token: memberToken,
        json: { message: 'I am its founder' },
      });
      expect(first.status).toBe(201);
      expect(await first.json()).toMatchObject({ organisationSlug: other.slug, status: 'pending' });
      const again = await apiRequest(app, `/api/v1/organisations/${other.slug}/claims`, { method: 'POST', token: memberToken, json: {} });
      expect(again.status).toBe(409);
      const decided = await apiRequest(app, `/api/v1/organisations/${other.slug}/decision`, {
        method: 'POST',
        token: memberToken,
        json: { decision: 'approve' },
      });
      expect(decided.status).toBe(403);
    });

    it('adds people for managers and lists only the consenting ones to others', async () => {
      const added = await apiRequest(app, `/api/v1/organisations/${own.slug}/people`, {
        method: 'POST',
        token: adminToken,
        json: { fullName: 'Nadia Karim', email: 'nadia@example.org', listedConsent: false },
      });
      expect(added.status).toBe(201);
      const forbidden = await apiRequest(app, `/api/v1/organisations/${other.slug}/people`, {
        method: 'POST',
        token: adminToken,
        json: { fullName: 'Intruder' },
      });
      expect(forbidden.status).toBe(403);
      const publicList = await apiRequest(app, `/api/v1/organisations/${own.slug}/people`);
      expect(await publicList.json()).toEqual({ managed: false, items: [] });
      const managedList = await apiRequest(app, `/api/v1/organisations/${own.slug}/people`, { token: adminToken });
      expect(await managedList.json()).toMatchObject({ managed: true, items: [{ fullName: 'Nadia Karim', email: 'nadia@example.org' }] });
    });
  });

  describe('PUT and DELETE /api/v1/organisations/{slug}/people/{personId}/account', () => {
    let workshop: OrganisationRow;
    let workshopAdminToken: string;

    beforeAll(async () => {
      workshop = await insertOrganisation(db(), { name: { en: 'Linking Workshop' } });
      const workshopAdmin = await createPerson({ name: 'Workshop Admin' });
      await assignRole(system, {
        userId: workshopAdmin.userId,
        role: 'organisation_admin',
        scopeType: 'organisation',
        scopeId: workshop.slug,
      });
      workshopAdminToken = (await issueToken(workshopAdmin)).token;
    });

    const accountPath = (slug: string, personId: string) => `/api/v1/organisations/${slug}/people/${personId}/account`;

    async function personRow(id: string) {
      const [row] = await db().select().from(person).where(eq(person.id, id));
      return row!;
    }

    async function auditActionsOf(organisationId: string) {
      const rows = await db()
        .select({ action: auditLog.action, data: auditLog.data })
        .from(auditLog)
        .where(eq(auditLog.subjectId, organisationId));
      return rows.filter((row) => row.action.startsWith('directory.person.'));
    }

    it('lets the organisation admin link a person to an account by its e-mail, and unlink it', async () => {
      const holder = await createPerson({ name: 'Salma Haddad' });
      const someone = await insertPerson(db(), { organisationId: workshop.id, fullName: 'Salma Haddad' });
      const linked = await apiRequest(app, accountPath(workshop.slug, someone.id), {
        method: 'PUT',
        token: workshopAdminToken,
        json: { email: `  ${holder.email.toUpperCase()} ` },
      });
      expect(linked.status).toBe(200);
      expect(await linked.json()).toMatchObject({ id: someone.id, fullName: 'Salma Haddad', hasAccount: true });
      expect((await personRow(someone.id)).userId).toBe(holder.userId);

      const unlinked = await apiRequest(app, accountPath(workshop.slug, someone.id), { method: 'DELETE', token: workshopAdminToken });
      expect(unlinked.status).toBe(204);
      expect(await unlinked.text()).toBe('');
      expect((await personRow(someone.id)).userId).toBeNull();
      expect(await auditActionsOf(workshop.id)).toEqual(
        expect.arrayContaining([
          { action: 'directory.person.link', data: { personId: someone.id, userId: holder.userId } },
          { action: 'directory.person.unlink', data: { personId: someone.id, previousUserId: holder.userId } },
        ]),
      );
    });

    it('answers 403 to another organisation’s admin, whether the e-mail has an account or not, and changes nothing', async () => {
      const holder = await createPerson({ name: 'Karim Mansour' });
      const unlinkedPerson = await insertPerson(db(), { organisationId: workshop.id });
      const linkedPerson = await insertPerson(db(), { organisationId: workshop.id, userId: holder.userId });
      const auditBefore = await auditActionsOf(workshop.id);
      for (const email of [(await createPerson()).email, 'nobody@example.org']) {
        const refused = await apiRequest(app, accountPath(workshop.slug, unlinkedPerson.id), {
          method: 'PUT',
          token: adminToken,
          json: { email },
        });
        expect(refused.status, email).toBe(403);
        expect(await refused.json()).toMatchObject({ status: 403, code: 'COMMON_FORBIDDEN' });
      }
      const refusedUnlink = await apiRequest(app, accountPath(workshop.slug, linkedPerson.id), { method: 'DELETE', token: adminToken });
      expect(refusedUnlink.status).toBe(403);
      expect(await refusedUnlink.json()).toMatchObject({ status: 403, code: 'COMMON_FORBIDDEN' });
      expect((await personRow(unlinkedPerson.id)).userId).toBeNull();
      expect((await personRow(linkedPerson.id)).userId).toBe(holder.userId);
      expect(await auditActionsOf(workshop.id)).toEqual(auditBefore);
    });

    it('refuses an e-mail without a verified account with the error the people page shows, in the caller’s language', async () => {
      const someone = await insertPerson(db(), { organisationId: workshop.id });
      const refused = await apiRequest(app, accountPath(workshop.slug, someone.id), {
        method: 'PUT',
        token: workshopAdminToken,
        json: { email: 'nobody-here@example.org' },
        headers: { 'Accept-Language': 'fr' },
      });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-language')).toBe('fr');
      const problem = await refused.json();
      expect(problem).toMatchObject({
        status: 400,
        code: 'DIRECTORY_PEOPLE_ACCOUNT_NOT_FOUND',
        title: translate('fr', 'errors.DIRECTORY_PEOPLE_ACCOUNT_NOT_FOUND'),
        errors: [{ field: 'email', code: 'account_not_found', message: translate('fr', 'errors.field.account_not_found') }],
      });
      expect(problem.title).not.toBe(translate('en', 'errors.DIRECTORY_PEOPLE_ACCOUNT_NOT_FOUND'));
      expect((await personRow(someone.id)).userId).toBeNull();
    });

    it('answers 401 to an anonymous caller and changes nothing', async () => {
      const holder = await createPerson();
      const unlinkedPerson = await insertPerson(db(), { organisationId: workshop.id });
      const linkedPerson = await insertPerson(db(), { organisationId: workshop.id, userId: holder.userId });
      const link = await apiRequest(app, accountPath(workshop.slug, unlinkedPerson.id), {
        method: 'PUT',
        json: { email: (await createPerson()).email },
      });
      expect(link.status).toBe(401);
      expect(await link.json()).toMatchObject({ code: 'COMMON_UNAUTHENTICATED' });
      // A body-less DELETE without credentials reads to the front door as a possible cross-site form
      // post (refused 403 before the API) unless it comes from our origin, as a browser's would.
      const unlink = await apiRequest(app, accountPath(workshop.slug, linkedPerson.id), {
        method: 'DELETE',
        headers: { Origin: TEST_ORIGIN },
      });
      expect(unlink.status).toBe(401);
      expect(await unlink.json()).toMatchObject({ code: 'COMMON_UNAUTHENTICATED' });
      expect((await personRow(unlinkedPerson.id)).userId).toBeNull();
      expect((await personRow(linkedPerson.id)).userId).toBe(holder.userId);
    });

    it('answers 404 for a person of another organisation', async () => {
      const elsewhere = await insertPerson(db(), { organisationId: own.id });
      const response = await apiRequest(app, accountPath(workshop.slug, elsewhere.id), { method: 'DELETE', token: workshopAdminToken });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'DIRECTORY_MANAGE_PERSON_NOT_FOUND' });
    });
  });

  it('documents its operations in the OpenAPI document', async () => {
    const document = (await (await apiRequest(app, '/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/organisations'] ?? {})).toContain('post');
    expect(Object.keys(document.paths['/organisations/{slug}'] ?? {})).toContain('patch');
    expect(Object.keys(document.paths['/organisations/{slug}/claims'] ?? {})).toEqual(['post']);
    expect(Object.keys(document.paths['/organisation-claims/{id}/decision'] ?? {})).toEqual(['post']);
    expect(Object.keys(document.paths['/organisations/{slug}/people/{personId}/account'] ?? {}).sort()).toEqual(['delete', 'put']);
  });
});

/** Managing organisations on a real database: who may do what, what is written, what is audited. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorForUser, assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { anonymous, system, type UserActor } from '#app/shared/auth/actor.ts';
import { auditLog, job, organisation, organisationClaim, user } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { LocalDiskStorage, setFileStorage } from '#app/shared/files/index.ts';
import { insertOrganisation } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import type { OrganisationInput } from './directory.contracts.ts';
import {
  claimOrganisation,
  createOrganisation,
  decideClaim,
  decideProposal,
  getOrganisationForEdit,
  listPendingRequests,
  organisationHistory,
  proposeOrganisation,
  removeOrganisationImage,
  updateOrganisation,
  uploadOrganisationImages,
} from './organisation-admin.service.server.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('organisation management', () => {
  const database = useTestDatabase();
  const db = () => database().db;
  let filesRoot: string;

  async function codeOf(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => 'resolved',
      (error: unknown) => (isAppError(error) ? error.code : error),
    );
  }

  async function person(name: string, options: { twoFactor?: boolean; verified?: boolean; locale?: string } = {}): Promise<string> {
    const id = randomUUID();
    await db()
      .insert(user)
      .values({
        id,
        name,
        email: `${name.toLowerCase().replace(/\W+/g, '.')}.${id.slice(0, 6)}@example.org`,
        emailVerified: options.verified ?? true,
        twoFactorEnabled: options.twoFactor ?? false,
        locale: options.locale ?? 'en',
      });
    return id;
  }

  async function withRole(name: string, role: string, scopeType: 'global' | 'country' | 'organisation', scopeId?: string) {
    const id = await person(name, { twoFactor: role === 'programme_staff' });
    await assignRole(system, { userId: id, role, scopeType, scopeId: scopeId ?? null });
    return actorForUser(id, 'session');
  }

  async function auditOf(subjectId: string) {
    return db().select().from(auditLog).where(eq(auditLog.subjectId, subjectId));
  }

  async function rowOf(slug: string) {
    const [row] = await db().select().from(organisation).where(eq(organisation.slug, slug));
    return row!;
  }

  async function mailsTo(email: string) {
    const jobs = await db().select().from(job).where(eq(job.kind, 'mail.send'));
    return jobs.map((j) => j.payload as { to: string; template: string; locale: string }).filter((mail) => mail.to === email);
  }

  const input = (overrides: Partial<OrganisationInput> = {}): OrganisationInput => ({
    name: { en: `Atelier ${randomUUID().slice(0, 8)}` },
    type: 'enterprise',
    countryIso2: 'TN',
    city: { en: 'El Jem' },
    subsectorCodes: ['habitat'],
    ...overrides,
  });

  let staff: UserActor;
  let tunisiaStaff: UserActor;
  let member: UserActor;

  beforeAll(async () => {
    filesRoot = mkdtempSync(path.join(tmpdir(), 'mosaic-org-admin-'));
    setFileStorage(new LocalDiskStorage(filesRoot));
    await seedRoles(db());
    await insertOrganisation(db(), { slug: 'seed-reference-data' });
    staff = await withRole('Salma Staff', 'programme_staff', 'global');
    tunisiaStaff = await withRole('Tarek Tunisia', 'programme_staff', 'country', 'TN');
    member = await actorForUser(await person('Mona Member'), 'session');
  });

  afterAll(() => {
    setFileStorage(undefined);
    rmSync(filesRoot, { recursive: true, force: true });
  });

  describe('createOrganisation and proposeOrganisation', () => {
    it('publishes at once for staff, with a slug derived from the name, and audits it', async () => {
      const created = await createOrganisation(
        staff,
        input({ name: { ar: 'فسيفساء الجم', fr: 'Mosaïques d’El Jem' }, sourceLocale: 'fr' }),
      );
      expect(created.status).toBe('published');
      expect(created.slug).toMatch(/^mosaiques-d-el-jem(-\d+)?$/);
      const audit = await auditOf(created.id);
      expect(audit).toMatchObject([{ action: 'directory.organisation.create', actorId: staff.userId }]);
    });

    it('makes a member’s creation a proposal, hidden until staff decide', async () => {
      const proposed = await createOrganisation(member, input());
      expect(proposed.status).toBe('proposed');
      expect((await rowOf(proposed.slug)).proposedById).toBe(member.userId);
      expect(await auditOf(proposed.id)).toMatchObject([{ action: 'directory.organisation.propose' }]);
    });

    it('gives a unique slug when the name is taken', async () => {
      const first = await createOrganisation(staff, input({ name: { en: 'Dar Zarbia' }, city: { en: 'Kairouan' } }));
      const second = await createOrganisation(staff, input({ name: { en: 'Dar Zarbia' }, city: { en: 'Tunis' } }));
      expect(first.slug).toBe('dar-zarbia');
      expect(second.slug).toBe('dar-zarbia-2');
    });

    it('refuses a duplicate (same name and city, same e-mail, same phone) naming the existing one, writing nothing', async () => {
      const existing = await createOrganisation(
        staff,
        input({ name: { fr: 'Tissage de Mahdia' }, city: { fr: 'Mahdia' }, email: 'contact@mahdia.example', phone: '+216 73 123 456' }),
      );
      const before = (await db().select().from(organisation)).length;
      for (const duplicate of [
        input({ name: { en: 'tissage de mahdia ' }, city: { en: 'MAHDIA' } }),
        input({ email: 'Contact@Mahdia.example' }),
        input({ phone: '+216-73-123-456' }),
      ]) {
        const error = await proposeOrganisation(member, duplicate).catch((e: unknown) => e);
        expect(isAppError(error) && error.code).toBe('DIRECTORY_MANAGE_DUPLICATE');
        expect(isAppError(error) && error.status).toBe(409);
        expect(isAppError(error) && error.details?.existing).toMatchObject({ slug: existing.slug, name: { fr: 'Tissage de Mahdia' } });
      }
      expect((await db().select().from(organisation)).length).toBe(before);
    });

    it('refuses unknown reference codes and bad input field by field', async () => {
      const error = await createOrganisation(staff, input({ subsectorCodes: ['habitat', 'no-such-sector'], countryIso2: 'ZZ' })).catch(
        (e: unknown) => e,
      );
      expect(isAppError(error) && error.details?.fields).toEqual(
        expect.arrayContaining([
          { field: 'countryIso2', code: 'invalid_value' },
          { field: 'subsectorCodes.1', code: 'invalid_value' },
        ]),
      );
      const invalid = await createOrganisation(staff, { ...input(), name: {}, staffTotal: 3, staffWomen: 5 } as OrganisationInput).catch(
        (e: unknown) => e,
      );
      expect(isAppError(invalid) && invalid.details?.fields?.map((f) => f.field)).toEqual(expect.arrayContaining(['name', 'staffWomen']));
    });

    it('refuses anonymous callers and people whose e-mail is not verified', async () => {
      expect(await codeOf(createOrganisation(anonymous, input()))).toBe('COMMON_UNAUTHENTICATED');
      const unverified = await actorForUser(await person('Unverified', { verified: false }), 'session');
      expect(await codeOf(proposeOrganisation(unverified, input()))).toBe('COMMON_FORBIDDEN');
    });
  });

  describe('updateOrganisation', () => {
    it('lets an organisation admin change their organisation, auditing the changed fields only', async () => {
      const own = await insertOrganisation(db(), { name: { en: 'Own Workshop' } });
      const admin = await withRole('Amal Admin', 'organisation_admin', 'organisation', own.slug);
      const updated = await updateOrganisation(admin, own.slug, {
        description: { ar: 'ورشة فسيفساء' },
        womenLed: true,
        name: { en: 'Own Workshop' },
      });
      expect(updated.description).toEqual({ ar: 'ورشة فسيفساء' });
      expect(updated.womenLed).toBe(true);
      expect(await auditOf(own.id)).toMatchObject([
        { action: 'directory.organisation.update', actorId: admin.userId, data: { changed: ['description', 'womenLed'] } },
      ]);

      // null clears an optional field; a patch changing nothing writes nothing.
      await updateOrganisation(admin, own.slug, { description: null });
      expect((await rowOf(own.slug)).description).toBeNull();
      await updateOrganisation(admin, own.slug, { womenLed: true });
      expect(await auditOf(own.id)).toHaveLength(2);
    });

    it('refuses an organisation admin editing another organisation: 403 and nothing written', async () => {
      const own = await insertOrganisation(db());
      const other = await insertOrganisation(db(), { name: { en: 'Not Yours' } });
      const admin = await withRole('Other Admin', 'organisation_admin', 'organisation', own.slug);
      const before = await rowOf(other.slug);
      expect(await codeOf(updateOrganisation(admin, other.slug, { name: { en: 'Mine now' } }))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(updateOrganisation(member, other.slug, { womenLed: true }))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(updateOrganisation(anonymous, other.slug, { womenLed: true }))).toBe('COMMON_UNAUTHENTICATED');
      expect(await rowOf(other.slug)).toEqual(before);
      expect(await auditOf(other.id)).toEqual([]);
    });

    it('keeps country staff to their country, even when moving an organisation', async () => {
      const tunisian = await insertOrganisation(db(), { countryIso2: 'TN' });
      const algerian = await insertOrganisation(db(), { countryIso2: 'DZ' });
      await updateOrganisation(tunisiaStaff, tunisian.slug, { foundedYear: 1990 });
      expect(await codeOf(updateOrganisation(tunisiaStaff, algerian.slug, { foundedYear: 1990 }))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(updateOrganisation(tunisiaStaff, tunisian.slug, { countryIso2: 'DZ' }))).toBe('COMMON_FORBIDDEN');
      expect((await rowOf(tunisian.slug)).countryIso2).toBe('TN');
      await updateOrganisation(staff, tunisian.slug, { countryIso2: 'DZ' });
      expect((await rowOf(tunisian.slug)).countryIso2).toBe('DZ');
    });

    it('validates the merged organisation and answers 404 for an unknown slug', async () => {
      const row = await insertOrganisation(db(), { staffTotal: 4 });
      const error = await updateOrganisation(staff, row.slug, { staffWomen: 9 }).catch((e: unknown) => e);
      expect(isAppError(error) && error.details?.fields).toEqual([expect.objectContaining({ field: 'staffWomen' })]);
      expect(await codeOf(updateOrganisation(staff, 'no-such-organisation', { womenLed: true }))).toBe('DIRECTORY_MANAGE_NOT_FOUND');
    });

    it('shows managers every stored field for editing, contact details included', async () => {
      const row = await insertOrganisation(db(), { email: 'private@example.org', contactConsent: false });
      const view = await getOrganisationForEdit(staff, row.slug);
      expect(view.values.email).toBe('private@example.org');
      expect(view.profile.contact).toBeNull();
      expect(await codeOf(getOrganisationForEdit(member, row.slug))).toBe('COMMON_FORBIDDEN');
    });
  });

  describe('proposals and claims', () => {
    it('proposal -> approval: published, the proposer becomes its admin and is told by mail', async () => {
      const proposerId = await person('Proposer', { locale: 'ar' });
      const proposer = await actorForUser(proposerId, 'session');
      const proposed = await proposeOrganisation(proposer, input({ name: { ar: 'مجوهرات الأوراس' }, sourceLocale: 'ar' }));
      expect((await listPendingRequests(staff)).proposals.find((p) => p.slug === proposed.slug)).toMatchObject({
        proposer: { name: 'Proposer', email: proposer.email },
      });
      expect(await codeOf(decideProposal(member, proposed.slug, 'approve'))).toBe('COMMON_FORBIDDEN');
      expect((await rowOf(proposed.slug)).status).toBe('proposed');

      expect(await decideProposal(staff, proposed.slug, 'approve')).toEqual({ slug: proposed.slug, status: 'published' });
      expect((await rowOf(proposed.slug)).status).toBe('published');
      const admin = await actorForUser(proposerId, 'session');
      expect(admin.grants).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ role: 'organisation_admin', scopeType: 'organisation', scopeId: proposed.slug }),
        ]),
      );
      expect(await mailsTo(proposer.email)).toMatchObject([{ template: 'directory.proposalApproved', locale: 'ar' }]);
      expect((await auditOf(proposed.id)).map((a) => a.action)).toEqual([
        'directory.organisation.propose',
        'directory.organisation.approve',
      ]);
      expect(await codeOf(decideProposal(staff, proposed.slug, 'reject'))).toBe('DIRECTORY_MANAGE_ALREADY_DECIDED');
      // Now the admin may edit it.
      await updateOrganisation(admin, proposed.slug, { youthLed: true });
    });

    it('proposal -> rejection: stays unpublished, no role, the proposer is told', async () => {
      const proposer = await actorForUser(await person('Rejected Proposer'), 'session');
      const proposed = await proposeOrganisation(proposer, input());
      await decideProposal(staff, proposed.slug, 'reject');
      expect((await rowOf(proposed.slug)).status).toBe('rejected');
      expect((await actorForUser(proposer.userId)).grants).toEqual([]);
      expect(await mailsTo(proposer.email)).toMatchObject([{ template: 'directory.proposalRejected' }]);
    });

    it('claim -> approval: the claimant becomes the organisation admin; one pending claim per person', async () => {
      const target = await insertOrganisation(db(), { countryIso2: 'TN' });
      const claimant = await actorForUser(await person('Claimant'), 'session');
      const claim = await claimOrganisation(claimant, target.slug, { message: 'I run the workshop' });
      expect(claim.status).toBe('pending');
      expect(await codeOf(claimOrganisation(claimant, target.slug))).toBe('DIRECTORY_MANAGE_CLAIM_PENDING');
      expect(await codeOf(claimOrganisation(anonymous, target.slug))).toBe('COMMON_UNAUTHENTICATED');

      const pending = await listPendingRequests(tunisiaStaff);
      expect(pending.claims.find((c) => c.id === claim.id)).toMatchObject({
        message: 'I run the workshop',
        organisation: { slug: target.slug },
        claimant: { name: 'Claimant', email: claimant.email },
      });
      expect(await codeOf(decideClaim(claimant, claim.id, 'approve'))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(listPendingRequests(member))).toBe('COMMON_FORBIDDEN');

      await decideClaim(tunisiaStaff, claim.id, 'approve');
      const [stored] = await db().select().from(organisationClaim).where(eq(organisationClaim.id, claim.id));
      expect(stored).toMatchObject({ status: 'approved', decidedById: tunisiaStaff.userId });
      const admin = await actorForUser(claimant.userId, 'session');
      expect(admin.grants.map((g) => [g.role, g.scopeId])).toEqual([['organisation_admin', target.slug]]);
      expect(await mailsTo(claimant.email)).toMatchObject([{ template: 'directory.claimApproved' }]);
      expect(await codeOf(decideClaim(tunisiaStaff, claim.id, 'reject'))).toBe('DIRECTORY_MANAGE_ALREADY_DECIDED');
      expect(await codeOf(claimOrganisation(admin, target.slug))).toBe('DIRECTORY_MANAGE_ALREADY_MANAGER');
      expect((await auditOf(target.id)).map((a) => a.action)).toEqual(['directory.organisation.claim', 'directory.claim.approve']);
    });

    it('keeps country staff out of other countries’ claims', async () => {
      const algerian = await insertOrganisation(db(), { countryIso2: 'DZ' });
      const claimant = await actorForUser(await person('Claimant DZ'), 'session');
      const claim = await claimOrganisation(claimant, algerian.slug);
      expect((await listPendingRequests(tunisiaStaff)).claims.map((c) => c.id)).not.toContain(claim.id);
      expect(await codeOf(decideClaim(tunisiaStaff, claim.id, 'approve'))).toBe('COMMON_FORBIDDEN');
      const [stored] = await db()
        .select()
        .from(organisationClaim)
        .where(and(eq(organisationClaim.id, claim.id), eq(organisationClaim.status, 'pending')));
      expect(stored).toBeDefined();
      await decideClaim(staff, claim.id, 'reject');
      expect((await actorForUser(claimant.userId)).grants).toEqual([]);
      expect(await mailsTo(claimant.email)).toMatchObject([{ template: 'directory.claimRejected' }]);
    });
  });

  describe('images', () => {
    it('stores a logo and photos checked by their bytes, and removes them', async () => {
      const row = await insertOrganisation(db());
      const withImages = await uploadOrganisationImages(staff, row.slug, {
        logo: { name: 'logo.png', bytes: PNG },
        photos: [{ name: 'p.png', bytes: PNG }],
      });
      expect(withImages.logoUrl).toMatch(/^\/media\/.+/);
      expect(withImages.photoUrls).toHaveLength(1);
      const logoId = withImages.logoUrl!.slice('/media/'.length);
      const withoutLogo = await removeOrganisationImage(staff, row.slug, logoId);
      expect(withoutLogo.logoUrl).toBeNull();
      expect(withoutLogo.photoUrls).toHaveLength(1);
    });

    it('refuses anything but an image, and people who may not edit, storing nothing', async () => {
      const row = await insertOrganisation(db());
      const fake = { name: 'logo.png', bytes: new TextEncoder().encode('<svg onload="alert(1)"></svg>') };
      const error = await uploadOrganisationImages(staff, row.slug, { logo: fake }).catch((e: unknown) => e);
      expect(isAppError(error) && error.details?.fields).toEqual([{ field: 'logo', code: 'image_type' }]);
      expect(await codeOf(uploadOrganisationImages(member, row.slug, { logo: { name: 'a.png', bytes: PNG } }))).toBe('COMMON_FORBIDDEN');
      expect((await rowOf(row.slug)).logoFileId).toBeNull();
    });
  });

  describe('organisationHistory', () => {
    it('shows its managers who changed what and when; others may not read it', async () => {
      const row = await insertOrganisation(db());
      const admin = await withRole('History Admin', 'organisation_admin', 'organisation', row.slug);
      await updateOrganisation(admin, row.slug, { foundedYear: 2001 });
      await updateOrganisation(staff, row.slug, { womenOwned: true });
      const { history } = await organisationHistory(admin, row.slug);
      expect(history.entries).toMatchObject([
        { action: 'directory.organisation.update', actorName: 'Salma Staff', changed: ['womenOwned'] },
        { action: 'directory.organisation.update', actorName: 'History Admin', changed: ['foundedYear'] },
      ]);
      expect(history.hasNext).toBe(false);
      expect(await codeOf(organisationHistory(member, row.slug))).toBe('COMMON_FORBIDDEN');
      // Whoever reads the audit log may read every history.
      const auditor = {
        ...member,
        grants: [{ role: 'auditor', scopeType: 'global' as const, scopeId: null, permissions: ['audit.read'], requiresTwoFactor: false }],
      };
      expect((await organisationHistory(auditor, row.slug)).history.entries).toHaveLength(2);
      expect(await codeOf(organisationHistory(anonymous, row.slug))).toBe('COMMON_UNAUTHENTICATED');
    });
  });
});

/** Clusters on a real database: the list and profile, who may change what, what is written and audited. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorForUser, assignRole, seedRoles } from '#app/modules/identity/index.ts';
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import { anonymous, system, type UserActor } from '#app/shared/auth/actor.ts';
import { auditLog, cluster, clusterFact, clusterMembership, organisation, user } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';
import { LocalDiskStorage, setFileStorage } from '#app/shared/files/index.ts';
import { addMember, type ClusterRow, insertCluster, insertOrganisation, type OrganisationRow } from '#tests/factories/directory.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { clusterHistory, findMemberCandidates, getCluster, listClusterMembers, listClusters } from './clusters.query.server.ts';
import {
  addClusterMember,
  createCluster,
  removeClusterImage,
  removeClusterMember,
  setMemberRole,
  updateCluster,
  uploadClusterImages,
} from './clusters.service.server.ts';

describe('clusters', () => {
  const database = useTestDatabase();
  const db = () => database().db;

  let batna: ClusterRow;
  let elJem: ClusterRow;
  let anchorOrg: OrganisationRow;
  let memberOrg: OrganisationRow;
  let proposedOrg: OrganisationRow;
  let outsider: OrganisationRow;
  let elJemManager: UserActor;
  let batnaManager: UserActor;
  let tunisiaStaff: UserActor;
  let globalStaff: UserActor;
  let member: UserActor;

  async function codeOf(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => 'resolved',
      (error: unknown) => (isAppError(error) ? error.code : error),
    );
  }

  async function person(name: string, role?: { key: string; scopeType: 'global' | 'country' | 'cluster'; scopeId: string | null }) {
    const id = randomUUID();
    await db()
      .insert(user)
      .values({ id, name, email: `${id.slice(0, 8)}@example.org`, emailVerified: true, twoFactorEnabled: true });
    if (role) await assignRole(system, { userId: id, role: role.key, scopeType: role.scopeType, scopeId: role.scopeId });
    return actorForUser(id, 'session');
  }

  async function auditCount(clusterId: string): Promise<number> {
    const rows = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'cluster'), eq(auditLog.subjectId, clusterId)));
    return rows.length;
  }

  beforeAll(async () => {
    await seedRoles(db());
    anchorOrg = await insertOrganisation(db(), { slug: 'cam-batna', name: { fr: 'Chambre de l’artisanat de Batna' }, countryIso2: 'DZ' });
    memberOrg = await insertOrganisation(db(), { slug: 'atelier-chaoui', name: { ar: 'ورشة الشاوية' }, countryIso2: 'DZ', isDemo: true });
    proposedOrg = await insertOrganisation(db(), { slug: 'pending-workshop', countryIso2: 'DZ', status: 'proposed' });
    outsider = await insertOrganisation(db(), { slug: 'outsider-org', countryIso2: 'TN' });
    batna = await insertCluster(db(), {
      slug: 'batna-jewellery',
      name: { en: 'Batna Jewellery Cluster', ar: 'عنقود المجوهرات في باتنة' },
      countryIso2: 'DZ',
      subsectorCode: 'fashion',
      materialCodes: ['silver'],
      stage: 'selected',
      latitude: 35.556,
      longitude: 6.174,
      anchorOrganisationId: anchorOrg.id,
    });
    elJem = await insertCluster(db(), { slug: 'el-jem-mosaic', countryIso2: 'TN', subsectorCode: 'heritage', stage: 'implementing' });
    await addMember(db(), batna, anchorOrg, 'anchor');
    await addMember(db(), batna, memberOrg, 'member');
    await addMember(db(), batna, proposedOrg, 'member');
    await db()
      .insert(clusterFact)
      .values([
        {
          clusterId: batna.id,
          text: { en: 'About 700 artisan-jewellers.' },
          sourceUrl: 'https://djazairess.com/fr/apsfr/432177',
          position: 1,
        },
        { clusterId: batna.id, text: { en: 'Traditional Chaoui jewellery.' }, sourceUrl: 'https://www.algerie360.com/', position: 0 },
      ]);
    elJemManager = await person('Amira Manager', { key: 'cluster_manager', scopeType: 'cluster', scopeId: 'el-jem-mosaic' });
    batnaManager = await person('Karim Manager', { key: 'cluster_manager', scopeType: 'cluster', scopeId: 'batna-jewellery' });
    tunisiaStaff = await person('Tunisia Staff', { key: 'programme_staff', scopeType: 'country', scopeId: 'TN' });
    globalStaff = await person('Global Staff', { key: 'programme_staff', scopeType: 'global', scopeId: null });
    member = await person('Plain Member');
  });

  describe('listClusters', () => {
    it('lists every cluster with its published member count, by country', async () => {
      const { items, total } = await listClusters(anonymous);
      expect(total).toBe(2);
      expect(items.map((c) => [c.slug, c.countryIso2, c.memberCount])).toEqual([
        ['batna-jewellery', 'DZ', 2],
        ['el-jem-mosaic', 'TN', 0],
      ]);
      expect(items[0]).toMatchObject({ stage: 'selected', subsectorCode: 'fashion', latitude: 35.556, isDemo: false });
    });

    it('filters by country, subsector and stage; values of one filter are alternatives', async () => {
      expect((await listClusters(anonymous, { country: ['TN'] })).items.map((c) => c.slug)).toEqual(['el-jem-mosaic']);
      expect((await listClusters(anonymous, { country: 'DZ,TN' })).total).toBe(2);
      expect((await listClusters(anonymous, { subsector: ['fashion'], stage: ['selected', 'closed'] })).items.map((c) => c.slug)).toEqual([
        'batna-jewellery',
      ]);
      expect((await listClusters(anonymous, { country: ['DZ'], stage: ['implementing'] })).total).toBe(0);
    });

    it('refuses a malformed filter', async () => {
      expect(await codeOf(listClusters(anonymous, { stage: ['flying'] }))).toBe('COMMON_VALIDATION_FAILED');
    });
  });

  describe('getCluster', () => {
    it('shows facts in order with their sources, the anchor, published members with roles, and the managers', async () => {
      const profile = await getCluster(anonymous, 'batna-jewellery');
      expect(profile.facts).toEqual([
        { text: { en: 'Traditional Chaoui jewellery.' }, sourceUrl: 'https://www.algerie360.com/' },
        { text: { en: 'About 700 artisan-jewellers.' }, sourceUrl: 'https://djazairess.com/fr/apsfr/432177' },
      ]);
      expect(profile.anchor).toEqual({ slug: 'cam-batna', name: { fr: 'Chambre de l’artisanat de Batna' } });
      expect(profile.members.map((m) => [m.slug, m.role, m.isDemo])).toEqual([
        ['cam-batna', 'anchor', false],
        ['atelier-chaoui', 'member', true],
      ]);
      expect(profile.memberCount).toBe(2);
      expect(profile.managers).toEqual([{ name: 'Karim Manager' }]);
    });

    it('answers not found for an unknown slug', async () => {
      expect(await codeOf(getCluster(anonymous, 'nowhere'))).toBe('DIRECTORY_CLUSTERS_NOT_FOUND');
    });
  });

  describe('updateCluster', () => {
    it('lets the cluster manager change the profile, replaces facts, and audits the fields changed', async () => {
      const before = await auditCount(elJem.id);
      const updated = await updateCluster(elJemManager, 'el-jem-mosaic', {
        description: { fr: 'Mosaïstes d’El Jem' },
        stage: 'diagnosed',
        facts: [{ text: { en: 'Near the amphitheatre.' }, sourceUrl: 'https://example.org/el-jem' }],
      });
      expect(updated).toMatchObject({ stage: 'diagnosed', description: { fr: 'Mosaïstes d’El Jem' } });
      expect(updated.facts).toEqual([{ text: { en: 'Near the amphitheatre.' }, sourceUrl: 'https://example.org/el-jem' }]);
      expect(await auditCount(elJem.id)).toBe(before + 1);
      const [entry] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'directory.cluster.update'), eq(auditLog.subjectId, elJem.id)));
      expect(entry?.actorId).toBe(elJemManager.userId);
      expect(entry?.data).toEqual({ changed: ['description', 'stage', 'facts'] });
    });

    it('writes and audits nothing when nothing changes', async () => {
      const before = await auditCount(elJem.id);
      await updateCluster(elJemManager, 'el-jem-mosaic', { stage: 'diagnosed' });
      expect(await auditCount(elJem.id)).toBe(before);
    });

    it('refuses a manager of another cluster, a plain member and a visitor, writing nothing', async () => {
      const before = await auditCount(batna.id);
      expect(await codeOf(updateCluster(elJemManager, 'batna-jewellery', { stage: 'closed' }))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(updateCluster(member, 'batna-jewellery', { stage: 'closed' }))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(updateCluster(anonymous, 'batna-jewellery', { stage: 'closed' }))).toBe('COMMON_UNAUTHENTICATED');
      expect(await codeOf(updateCluster(tunisiaStaff, 'batna-jewellery', { stage: 'closed' }))).toBe('COMMON_FORBIDDEN');
      const [row] = await db().select().from(cluster).where(eq(cluster.id, batna.id));
      expect(row?.stage).toBe('selected');
      expect(await auditCount(batna.id)).toBe(before);
    });

    it('refuses unknown reference codes and organisations with field errors, writing nothing', async () => {
      expect(await codeOf(updateCluster(batnaManager, 'batna-jewellery', { subsectorCode: 'space-travel' }))).toBe(
        'DIRECTORY_CLUSTERS_REFERENCE_UNKNOWN',
      );
      expect(await codeOf(updateCluster(batnaManager, 'batna-jewellery', { anchorOrganisationSlug: 'no-such-org', stage: 'closed' }))).toBe(
        'DIRECTORY_CLUSTERS_ORGANISATION_NOT_FOUND',
      );
      const [row] = await db().select().from(cluster).where(eq(cluster.id, batna.id));
      expect(row?.stage).toBe('selected');
    });

    it('lets country staff manage clusters of their country only, and not move one abroad', async () => {
      await updateCluster(tunisiaStaff, 'el-jem-mosaic', { city: { en: 'El Jem' } });
      expect(await codeOf(updateCluster(tunisiaStaff, 'el-jem-mosaic', { countryIso2: 'DZ' }))).toBe('COMMON_FORBIDDEN');
      expect((await getCluster(anonymous, 'el-jem-mosaic')).countryIso2).toBe('TN');
    });
  });

  describe('createCluster', () => {
    it('lets staff create a cluster with facts, deriving a unique slug from the name, audited', async () => {
      const created = await createCluster(globalStaff, {
        name: { en: 'Sousse Olive Wood', ar: 'خشب الزيتون بسوسة' },
        countryIso2: 'TN',
        subsectorCode: 'habitat',
        materialCodes: ['olive-wood'],
        facts: [{ text: { en: 'A fact.' }, sourceUrl: 'https://example.org/fact' }],
      });
      expect(created.slug).toBe('sousse-olive-wood');
      expect(created.facts).toHaveLength(1);
      const again = await createCluster(globalStaff, { name: { en: 'Sousse Olive Wood' }, countryIso2: 'TN', subsectorCode: 'habitat' });
      expect(again.slug).toBe('sousse-olive-wood-2');
      const entries = await db().select().from(auditLog).where(eq(auditLog.action, 'directory.cluster.create'));
      expect(entries.map((e) => e.subjectId)).toEqual(expect.arrayContaining([created.id, again.id]));
    });

    it('refuses a taken slug, a cluster manager, staff of another country and a visitor', async () => {
      const input = { slug: 'batna-jewellery', name: { en: 'Copy' }, countryIso2: 'DZ', subsectorCode: 'fashion' };
      expect(await codeOf(createCluster(globalStaff, input))).toBe('DIRECTORY_CLUSTERS_SLUG_TAKEN');
      const fresh = { ...input, slug: 'fresh-cluster' };
      expect(await codeOf(createCluster(batnaManager, fresh))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(createCluster(tunisiaStaff, fresh))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(createCluster(anonymous, fresh))).toBe('COMMON_UNAUTHENTICATED');
      expect(await db().select().from(cluster).where(eq(cluster.slug, 'fresh-cluster'))).toEqual([]);
    });
  });

  describe('members', () => {
    it('lets the cluster manager add, re-role and remove members, each audited', async () => {
      const before = await auditCount(batna.id);
      expect(await addClusterMember(batnaManager, 'batna-jewellery', 'outsider-org', { role: 'partner' })).toEqual({
        changed: true,
        role: 'partner',
      });
      expect(await addClusterMember(batnaManager, 'batna-jewellery', 'outsider-org', { role: 'partner' })).toEqual({
        changed: false,
        role: 'partner',
      });
      expect(await setMemberRole(batnaManager, 'batna-jewellery', 'outsider-org', 'support-institution')).toEqual({
        changed: true,
        role: 'support-institution',
      });
      const members = await listClusterMembers(batnaManager, 'batna-jewellery');
      expect(members.find((m) => m.slug === 'outsider-org')?.role).toBe('support-institution');
      // Managers also see members that are not published yet.
      expect(members.find((m) => m.slug === 'pending-workshop')?.status).toBe('proposed');
      expect(await removeClusterMember(batnaManager, 'batna-jewellery', 'outsider-org')).toEqual({ changed: true, role: null });
      expect(await removeClusterMember(batnaManager, 'batna-jewellery', 'outsider-org')).toEqual({ changed: false, role: null });
      const actions = await db()
        .select({ action: auditLog.action, data: auditLog.data })
        .from(auditLog)
        .where(and(eq(auditLog.subjectType, 'cluster'), eq(auditLog.subjectId, batna.id)))
        .orderBy(auditLog.createdAt);
      expect(actions.slice(before).map((a) => a.action)).toEqual([
        'directory.cluster.member.add',
        'directory.cluster.member.role',
        'directory.cluster.member.remove',
      ]);
      expect(actions.at(-1)?.data).toEqual({ organisation: 'outsider-org', previousRole: 'support-institution' });
    });

    it('refuses a manager of another cluster: nothing written, nothing audited', async () => {
      const before = await auditCount(batna.id);
      expect(await codeOf(addClusterMember(elJemManager, 'batna-jewellery', 'outsider-org'))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(removeClusterMember(elJemManager, 'batna-jewellery', 'atelier-chaoui'))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(setMemberRole(elJemManager, 'batna-jewellery', 'atelier-chaoui', 'partner'))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(listClusterMembers(elJemManager, 'batna-jewellery'))).toBe('COMMON_FORBIDDEN');
      const rows = await db()
        .select({ organisationId: clusterMembership.organisationId, role: clusterMembership.role })
        .from(clusterMembership)
        .where(eq(clusterMembership.clusterId, batna.id));
      expect(rows).toHaveLength(3);
      expect(rows.find((r) => r.organisationId === memberOrg.id)?.role).toBe('member');
      expect(rows.some((r) => r.organisationId === outsider.id)).toBe(false);
      expect(await auditCount(batna.id)).toBe(before);
    });

    it('answers not found for an unknown organisation or a non-member', async () => {
      expect(await codeOf(addClusterMember(batnaManager, 'batna-jewellery', 'ghost-org'))).toBe(
        'DIRECTORY_CLUSTERS_ORGANISATION_NOT_FOUND',
      );
      expect(await codeOf(setMemberRole(batnaManager, 'batna-jewellery', 'outsider-org', 'partner'))).toBe(
        'DIRECTORY_CLUSTERS_MEMBER_NOT_FOUND',
      );
      expect(await codeOf(addClusterMember(batnaManager, 'no-cluster', 'outsider-org'))).toBe('DIRECTORY_CLUSTERS_NOT_FOUND');
    });
  });

  describe('findMemberCandidates', () => {
    it('finds published organisations by a name in any language, marking those already members', async () => {
      const inBatna = await findMemberCandidates(batnaManager, 'batna-jewellery', ' الشاوية ', { locale: 'ar' });
      expect(inBatna.items.map((c) => [c.organisation.slug, c.role])).toEqual([['atelier-chaoui', 'member']]);
      expect(inBatna.total).toBe(1);
      const inElJem = await findMemberCandidates(elJemManager, 'el-jem-mosaic', 'chambre artisanat');
      expect(inElJem.items.map((c) => [c.organisation.slug, c.role])).toEqual([['cam-batna', null]]);
      expect(inElJem.items[0]?.organisation).toMatchObject({ name: { fr: 'Chambre de l’artisanat de Batna' }, countryIso2: 'DZ' });
    });

    it('finds nothing for empty text and never an unpublished organisation', async () => {
      expect(await findMemberCandidates(batnaManager, 'batna-jewellery', '   ')).toEqual({ items: [], total: 0 });
      await db()
        .update(organisation)
        .set({ name: { en: 'Pending Chaoui Workshop' } })
        .where(eq(organisation.id, proposedOrg.id));
      const found = await findMemberCandidates(batnaManager, 'batna-jewellery', 'pending workshop');
      expect(found.items.map((c) => c.organisation.slug)).not.toContain('pending-workshop');
    });

    it('is only for those who manage the cluster', async () => {
      expect(await codeOf(findMemberCandidates(elJemManager, 'batna-jewellery', 'chaoui'))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(findMemberCandidates(member, 'batna-jewellery', 'chaoui'))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(findMemberCandidates(anonymous, 'batna-jewellery', 'chaoui'))).toBe('COMMON_UNAUTHENTICATED');
      expect(await codeOf(findMemberCandidates(batnaManager, 'no-cluster', 'chaoui'))).toBe('DIRECTORY_CLUSTERS_NOT_FOUND');
    });
  });

  describe('clusterHistory', () => {
    it('shows the cluster manager who changed what, newest first, and refuses others', async () => {
      const { cluster: shown, history } = await clusterHistory(batnaManager, 'batna-jewellery');
      expect(shown.slug).toBe('batna-jewellery');
      expect(history.entries[0]).toMatchObject({ action: 'directory.cluster.member.remove', actorName: 'Karim Manager' });
      expect(history.entries.map((e) => e.action)).toContain('directory.cluster.member.add');
      // Membership changes name the organisation (its names in every language), with the roles.
      const members = history.entries.filter((e) => e.member).map((e) => [e.action, e.member]);
      expect(members).toEqual([
        [
          'directory.cluster.member.remove',
          { slug: 'outsider-org', name: outsider.name, sourceLocale: 'en', role: null, previousRole: 'support-institution' },
        ],
        [
          'directory.cluster.member.role',
          { slug: 'outsider-org', name: outsider.name, sourceLocale: 'en', role: 'support-institution', previousRole: 'partner' },
        ],
        [
          'directory.cluster.member.add',
          { slug: 'outsider-org', name: outsider.name, sourceLocale: 'en', role: 'partner', previousRole: null },
        ],
      ]);
      expect(history.entries.filter((e) => !e.action.includes('.member.')).every((e) => e.member === null)).toBe(true);
      expect(await codeOf(clusterHistory(elJemManager, 'batna-jewellery'))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(clusterHistory(anonymous, 'batna-jewellery'))).toBe('COMMON_UNAUTHENTICATED');
    });

    it('keeps the slug of a membership change whose organisation no longer exists', async () => {
      await recordAudit(db(), system, {
        action: 'directory.cluster.member.add',
        subjectType: 'cluster',
        subjectId: batna.id,
        data: { organisation: 'gone-org', role: 'member' },
      });
      const { history } = await clusterHistory(batnaManager, 'batna-jewellery');
      expect(history.entries[0]?.member).toEqual({ slug: 'gone-org', name: null, sourceLocale: null, role: 'member', previousRole: null });
    });
  });

  describe('images', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    let filesRoot: string;

    beforeAll(() => {
      filesRoot = mkdtempSync(path.join(tmpdir(), 'mosaic-clusters-'));
      setFileStorage(new LocalDiskStorage(filesRoot));
    });

    afterAll(() => {
      setFileStorage(undefined);
      rmSync(filesRoot, { recursive: true, force: true });
    });

    it('lets the manager set a logo and add photos, then remove one; a file that is not an image is refused', async () => {
      const profile = await uploadClusterImages(elJemManager, 'el-jem-mosaic', {
        logo: { name: 'logo.png', bytes: png },
        photos: [{ name: 'a.png', bytes: png }],
      });
      expect(profile.logoUrl).toMatch(/^\/media\//);
      expect(profile.photoUrls).toHaveLength(1);
      const photoId = profile.photoUrls[0]!.slice('/media/'.length);
      expect((await removeClusterImage(elJemManager, 'el-jem-mosaic', photoId)).photoUrls).toEqual([]);
      expect(
        await codeOf(uploadClusterImages(elJemManager, 'el-jem-mosaic', { logo: { name: 'x.png', bytes: new Uint8Array([1, 2, 3]) } })),
      ).toBe('COMMON_VALIDATION_FAILED');
    });

    it('refuses the manager of another cluster, storing nothing', async () => {
      const before = (await getCluster(anonymous, 'batna-jewellery')).logoUrl;
      expect(await codeOf(uploadClusterImages(elJemManager, 'batna-jewellery', { logo: { name: 'logo.png', bytes: png } }))).toBe(
        'COMMON_FORBIDDEN',
      );
      expect((await getCluster(anonymous, 'batna-jewellery')).logoUrl).toBe(before);
    });
  });
});

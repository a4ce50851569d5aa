/**
 * Changing clusters: create (programme staff of the cluster's country), update the profile and
 * manage members (staff or the cluster's own managers). Each call authorises first, runs in one
 * transaction and writes the audit log there; a refused or invalid call writes nothing.
 */
import { slugify } from 'transliteration';
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { can } from '#app/shared/auth/can.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors, type FieldIssue } from '#app/shared/errors.ts';
import { storeFile } from '#app/shared/files/index.ts';
import { parseInput } from '#app/shared/validation.ts';
import { CLUSTERS_MANAGE, canCreateCluster, canManageCluster } from './cluster.policy.ts';
import type { ClusterRow } from './cluster.presenter.ts';
import { type ClusterMemberInput, type ClusterPatch, clusterMemberInputSchema, clusterPatchSchema } from './clusters.contracts.ts';
import { clusterNotFound, getCluster } from './clusters.query.server.ts';
import {
  type ClusterInsert,
  deleteMembership,
  findClusterBySlug,
  findMembership,
  findOrganisationBySlug,
  insertCluster,
  replaceFacts,
  slugExists,
  unknownReferences,
  updateClusterRow,
  upsertMembership,
} from './clusters.repository.server.ts';
import { type ClusterInput, type ClusterProfile, clusterInputSchema, slugSchema } from './directory.contracts.ts';
import type { MembershipRole } from './directory.vocabulary.ts';
import { type ImageUpload, MAX_PHOTOS } from './organisation-admin.contracts.ts';
import { checkedImage } from './organisation-admin.images.ts';

function requireSignedIn(actor: Actor): void {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
}

function invalid(code: string, fields: FieldIssue[], status = 400): AppError {
  return new AppError(code, status, { fields });
}

/** Country, subsector and materials must exist in the reference data. */
async function checkReferences(
  tx: Executor,
  refs: { countryIso2?: string; subsectorCode?: string; materialCodes?: readonly string[] },
): Promise<void> {
  const unknown = await unknownReferences(tx, refs);
  const fields: FieldIssue[] = [];
  if (unknown.country) fields.push({ field: 'countryIso2', code: 'invalid_value' });
  if (unknown.subsector) fields.push({ field: 'subsectorCode', code: 'invalid_value' });
  if (unknown.materials.length > 0) fields.push({ field: 'materialCodes', code: 'invalid_value' });
  if (fields.length > 0) throw invalid('DIRECTORY_CLUSTERS_REFERENCE_UNKNOWN', fields);
}

async function anchorId(tx: Executor, slug: string | null | undefined): Promise<string | null | undefined> {
  if (slug === undefined || slug === null) return slug;
  const found = await findOrganisationBySlug(tx, slug);
  if (!found) throw invalid('DIRECTORY_CLUSTERS_ORGANISATION_NOT_FOUND', [{ field: 'anchorOrganisationSlug', code: 'invalid_value' }]);
  return found.id;
}

/** The given slug when free (409 when taken); else one derived from the name, made unique with a number. */
async function chooseSlug(tx: Executor, given: string | undefined, name: ClusterInput['name']): Promise<string> {
  if (given) {
    if (await slugExists(tx, given)) throw invalid('DIRECTORY_CLUSTERS_SLUG_TAKEN', [{ field: 'slug', code: 'invalid_value' }], 409);
    return given;
  }
  const derived = slugify(name.en ?? name.fr ?? name.ar ?? '', { lowercase: true, separator: '-' })
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 70);
  const base = slugSchema.safeParse(derived).success ? derived : 'cluster';
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugExists(tx, candidate))) return candidate;
  }
}

/** Creates a cluster (programme staff of its country) with its facts; returns its profile. */
export async function createCluster(actor: Actor, input: ClusterInput): Promise<ClusterProfile> {
  requireSignedIn(actor);
  const parsed = parseInput(clusterInputSchema, input);
  if (!canCreateCluster(actor, parsed.countryIso2)) throw CommonErrors.forbidden();
  const created = await getDb().transaction(async (tx) => {
    await checkReferences(tx, parsed);
    const values: ClusterInsert = {
      slug: await chooseSlug(tx, parsed.slug, parsed.name),
      name: parsed.name,
      description: parsed.description ?? null,
      sourceLocale: parsed.sourceLocale,
      countryIso2: parsed.countryIso2,
      city: parsed.city ?? null,
      latitude: parsed.latitude ?? null,
      longitude: parsed.longitude ?? null,
      subsectorCode: parsed.subsectorCode,
      materialCodes: parsed.materialCodes,
      stage: parsed.stage,
      anchorOrganisationId: (await anchorId(tx, parsed.anchorOrganisationSlug)) ?? null,
      links: parsed.links,
    };
    const row = await insertCluster(tx, values);
    await replaceFacts(tx, row.id, parsed.facts);
    await recordAudit(tx, actor, {
      action: 'directory.cluster.create',
      subjectType: 'cluster',
      subjectId: row.id,
      data: { slug: row.slug, country: row.countryIso2, facts: parsed.facts.length },
    });
    return row;
  });
  return getCluster(actor, created.slug);
}

/** The cluster, locked for the rest of the transaction, once the actor may manage it. */
async function managedCluster(tx: Executor, actor: Actor, slug: string): Promise<ClusterRow> {
  const row = await findClusterBySlug(tx, slug, { forUpdate: true });
  if (!row) throw clusterNotFound();
  if (!canManageCluster(actor, row)) throw CommonErrors.forbidden();
  return row;
}

const PATCHABLE_COLUMNS = [
  'name',
  'description',
  'sourceLocale',
  'countryIso2',
  'city',
  'latitude',
  'longitude',
  'subsectorCode',
  'materialCodes',
  'stage',
  'links',
] as const;

/** Changes the given fields (staff of the cluster's country or its managers); audited with the names of the fields changed. */
export async function updateCluster(actor: Actor, slug: string, patch: ClusterPatch): Promise<ClusterProfile> {
  requireSignedIn(actor);
  await getDb().transaction(async (tx) => {
    const row = await managedCluster(tx, actor, slug);
    const parsed = parseInput(clusterPatchSchema, patch);
    // Moving a cluster to another country needs the right to manage it there too.
    if (
      parsed.countryIso2 &&
      parsed.countryIso2 !== row.countryIso2 &&
      !can(actor, CLUSTERS_MANAGE, { cluster: row.slug, country: parsed.countryIso2 })
    ) {
      throw CommonErrors.forbidden();
    }
    await checkReferences(tx, parsed);
    const values: Partial<ClusterInsert> = {};
    const changed: string[] = [];
    for (const key of PATCHABLE_COLUMNS) {
      const value = parsed[key];
      if (value === undefined) continue;
      if (JSON.stringify(value) === JSON.stringify(row[key])) continue;
      Object.assign(values, { [key]: value });
      changed.push(key);
    }
    const anchor = await anchorId(tx, parsed.anchorOrganisationSlug);
    if (anchor !== undefined && anchor !== row.anchorOrganisationId) {
      values.anchorOrganisationId = anchor;
      changed.push('anchorOrganisationSlug');
    }
    if (parsed.facts) {
      await replaceFacts(tx, row.id, parsed.facts);
      changed.push('facts');
    }
    if (changed.length === 0) return;
    // A change of facts alone still marks the cluster as updated.
    await updateClusterRow(tx, row.id, { ...values, updatedAt: new Date() });
    await recordAudit(tx, actor, { action: 'directory.cluster.update', subjectType: 'cluster', subjectId: row.id, data: { changed } });
  });
  return getCluster(actor, slug);
}

export interface MembershipChange {
  /** False when the organisation already was a member with this role (add) or not a member (remove). */
  changed: boolean;
  role: MembershipRole | null;
}

async function memberOrganisation(tx: Executor, organisationSlug: string) {
  const found = await findOrganisationBySlug(tx, organisationSlug);
  if (!found) throw new AppError('DIRECTORY_CLUSTERS_ORGANISATION_NOT_FOUND', 404);
  return found;
}

/** Adds the organisation to the cluster, or changes its role when it already is a member (idempotent). */
export async function addClusterMember(
  actor: Actor,
  clusterSlug: string,
  organisationSlug: string,
  input: ClusterMemberInput = {},
): Promise<MembershipChange> {
  requireSignedIn(actor);
  return getDb().transaction(async (tx) => {
    const row = await managedCluster(tx, actor, clusterSlug);
    const { role } = parseInput(clusterMemberInputSchema, input);
    const member = await memberOrganisation(tx, organisationSlug);
    const before = await findMembership(tx, row.id, member.id);
    if (before === role) return { changed: false, role };
    await upsertMembership(tx, row.id, member.id, role);
    await recordAudit(tx, actor, {
      action: before ? 'directory.cluster.member.role' : 'directory.cluster.member.add',
      subjectType: 'cluster',
      subjectId: row.id,
      data: { organisation: member.slug, role, ...(before ? { previousRole: before } : {}) },
    });
    return { changed: true, role };
  });
}

/** Changes the role of an existing member (404 when the organisation is not a member). */
export async function setMemberRole(
  actor: Actor,
  clusterSlug: string,
  organisationSlug: string,
  role: MembershipRole,
): Promise<MembershipChange> {
  requireSignedIn(actor);
  return getDb().transaction(async (tx) => {
    const row = await managedCluster(tx, actor, clusterSlug);
    const parsed = parseInput(clusterMemberInputSchema, { role });
    const member = await memberOrganisation(tx, organisationSlug);
    const before = await findMembership(tx, row.id, member.id);
    if (!before) throw new AppError('DIRECTORY_CLUSTERS_MEMBER_NOT_FOUND', 404);
    if (before === parsed.role) return { changed: false, role: parsed.role };
    await upsertMembership(tx, row.id, member.id, parsed.role);
    await recordAudit(tx, actor, {
      action: 'directory.cluster.member.role',
      subjectType: 'cluster',
      subjectId: row.id,
      data: { organisation: member.slug, role: parsed.role, previousRole: before },
    });
    return { changed: true, role: parsed.role };
  });
}

/** Removes the organisation from the cluster (idempotent: removing a non-member changes nothing). */
export async function removeClusterMember(actor: Actor, clusterSlug: string, organisationSlug: string): Promise<MembershipChange> {
  requireSignedIn(actor);
  return getDb().transaction(async (tx) => {
    const row = await managedCluster(tx, actor, clusterSlug);
    const member = await memberOrganisation(tx, organisationSlug);
    const before = await findMembership(tx, row.id, member.id);
    if (!before) return { changed: false, role: null };
    await deleteMembership(tx, row.id, member.id);
    await recordAudit(tx, actor, {
      action: 'directory.cluster.member.remove',
      subjectType: 'cluster',
      subjectId: row.id,
      data: { organisation: member.slug, previousRole: before },
    });
    return { changed: true, role: null };
  });
}

export interface ClusterImages {
  logo?: ImageUpload | null;
  photos?: readonly ImageUpload[];
}

/** Sets the logo and/or adds photos (at most 12); every file is checked before anything is stored. Audited. */
export async function uploadClusterImages(actor: Actor, slug: string, images: ClusterImages): Promise<ClusterProfile> {
  requireSignedIn(actor);
  const logo = images.logo ? checkedImage(images.logo, 'logo') : null;
  const photos = (images.photos ?? []).map((photo, index) => checkedImage(photo, `photos.${index}`));
  await getDb().transaction(async (tx) => {
    const row = await managedCluster(tx, actor, slug);
    if (row.photoFileIds.length + photos.length > MAX_PHOTOS) throw CommonErrors.validation([{ field: 'photos', code: 'too_many_photos' }]);
    if (!logo && photos.length === 0) return;
    const logoFile = logo ? await storeFile(tx, actor, logo) : null;
    const photoFiles = [];
    for (const photo of photos) photoFiles.push(await storeFile(tx, actor, photo));
    await updateClusterRow(tx, row.id, {
      ...(logoFile ? { logoFileId: logoFile.id } : {}),
      photoFileIds: [...row.photoFileIds, ...photoFiles.map((file) => file.id)],
      updatedAt: new Date(),
    });
    await recordAudit(tx, actor, {
      action: 'directory.cluster.update',
      subjectType: 'cluster',
      subjectId: row.id,
      data: { changed: [...(logoFile ? ['logo'] : []), ...(photoFiles.length > 0 ? ['photos'] : [])] },
    });
  });
  return getCluster(actor, slug);
}

/** Takes the logo (when `fileId` is the logo's) or one photo off the profile. Audited. */
export async function removeClusterImage(actor: Actor, slug: string, fileId: string): Promise<ClusterProfile> {
  requireSignedIn(actor);
  await getDb().transaction(async (tx) => {
    const row = await managedCluster(tx, actor, slug);
    const isLogo = row.logoFileId === fileId;
    if (!isLogo && !row.photoFileIds.includes(fileId)) throw new AppError('DIRECTORY_CLUSTERS_IMAGE_NOT_FOUND', 404);
    await updateClusterRow(tx, row.id, {
      ...(isLogo ? { logoFileId: null } : { photoFileIds: row.photoFileIds.filter((id) => id !== fileId) }),
      updatedAt: new Date(),
    });
    await recordAudit(tx, actor, {
      action: 'directory.cluster.update',
      subjectType: 'cluster',
      subjectId: row.id,
      data: { changed: [isLogo ? 'logo' : 'photos'] },
    });
  });
  return getCluster(actor, slug);
}

/**
 * Managing the directory's organisations: creating (staff publish, members propose), editing,
 * claiming, deciding proposals and claims, logos and photos, and reading an organisation's history.
 * Every service authorises first, writes in one transaction with its audit entry, and a refused
 * call writes nothing. Audit entries about an organisation (including its people, claims and
 * images) are recorded against it, so its history tells the whole story.
 */
import { actorForUser, assignRole } from '#app/modules/identity/index.ts';
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import { type HistoryEntry, type HistoryPage, listSubjectHistory } from '#app/shared/audit/history.server.ts';
import { type Actor, system, type UserActor } from '#app/shared/auth/actor.ts';
import { getConfig } from '#app/shared/config.server.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors, type FieldIssue } from '#app/shared/errors.ts';
import { storeFile } from '#app/shared/files/index.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { queueMail } from '#app/shared/mail/index.ts';
import { parseInput } from '#app/shared/validation.ts';
import {
  type OrganisationInput,
  type OrganisationProfile,
  type OrganisationSummary,
  organisationInputSchema,
} from './directory.contracts.ts';
import { canDecideRequests, canManageOrganisation, canPropose, canPublishInCountry, organisationSubject } from './organisation.policy.ts';
import { type OrganisationRow, presentOrganisationProfile, presentOrganisationSummary } from './organisation.presenter.ts';
import {
  type ClaimInput,
  claimInputSchema,
  type Decision,
  decisionSchema,
  type ImageUpload,
  MAX_PHOTOS,
  type OrganisationPatch,
  organisationPatchSchema,
} from './organisation-admin.contracts.ts';
import { checkedImage } from './organisation-admin.images.ts';
import {
  type CountryFilter,
  findClaim,
  findDuplicateOrganisation,
  findOrganisationById,
  findOrganisationBySlug,
  insertOrganisationRow,
  insertPendingClaim,
  markClaimDecided,
  type OrganisationValues,
  selectOrganisationClusters,
  selectPendingClaims,
  selectProposedOrganisations,
  selectSlugsLike,
  unknownReferenceCodes,
  updateOrganisationRow,
} from './organisation-admin.repository.server.ts';
import { slugBase, uniqueSlug } from './organisation-admin.slug.ts';
import { selectPersonNamesOfEntries } from './people.repository.server.ts';

type ValidOrganisationInput = ReturnType<typeof organisationInputSchema.parse>;

/** The fields a person edits (everything but the slug, status and bookkeeping). */
const EDITABLE_FIELDS = [
  'name',
  'description',
  'sourceLocale',
  'type',
  'sizeClass',
  'foundedYear',
  'countryIso2',
  'city',
  'latitude',
  'longitude',
  'subsectorCodes',
  'materialCodes',
  'products',
  'markets',
  'valueChainRoles',
  'workingLanguages',
  'certifications',
  'staffTotal',
  'staffWomen',
  'staffMen',
  'womenLed',
  'womenOwned',
  'youthLed',
  'address',
  'email',
  'phone',
  'contactConsent',
  'links',
] as const satisfies readonly (keyof ValidOrganisationInput & keyof OrganisationRow)[];

type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Pending requests shown to staff at once; older ones wait for the next page load. */
export const REQUESTS_LIST_LIMIT = 100;

function requireSignedIn(actor: Actor): asserts actor is UserActor | Extract<Actor, { kind: 'system' }> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
}

function notFound(): AppError {
  return new AppError('DIRECTORY_MANAGE_NOT_FOUND', 404);
}

/** The stored values as input (nulls as absent), so a patch can be merged and validated as a whole. */
function inputOf(row: OrganisationRow): Record<EditableField, unknown> {
  return Object.fromEntries(EDITABLE_FIELDS.map((field) => [field, row[field] ?? undefined])) as Record<EditableField, unknown>;
}

function valuesOf(input: ValidOrganisationInput): Pick<OrganisationValues, EditableField> {
  return Object.fromEntries(EDITABLE_FIELDS.map((field) => [field, input[field] ?? null])) as Pick<OrganisationValues, EditableField>;
}

function phoneDigits(phone: string | null | undefined): string | null {
  const digits = phone?.replace(/\D/g, '') ?? '';
  return digits.length >= 6 ? digits : null;
}

function textsOf(value: Partial<Record<string, string>> | null | undefined): string[] {
  return Object.values(value ?? {}).filter((text): text is string => Boolean(text?.trim()));
}

/** Reference codes must exist; each unknown one is reported against its field. */
async function checkReferences(executor: Executor, input: ValidOrganisationInput): Promise<void> {
  const unknown = await unknownReferenceCodes(executor, input);
  const fields: FieldIssue[] = [];
  if (unknown.countryIso2) fields.push({ field: 'countryIso2', code: 'invalid_value' });
  for (const code of unknown.subsectorCodes) {
    fields.push({ field: `subsectorCodes.${input.subsectorCodes.indexOf(code)}`, code: 'invalid_value' });
  }
  for (const code of unknown.materialCodes) {
    fields.push({ field: `materialCodes.${input.materialCodes.indexOf(code)}`, code: 'invalid_value' });
  }
  if (fields.length > 0) throw CommonErrors.validation(fields);
}

/** Same name and city, same e-mail or same phone: refused with the existing organisation named. */
async function refuseDuplicate(executor: Executor, input: ValidOrganisationInput, excludeId?: string): Promise<void> {
  const existing = await findDuplicateOrganisation(executor, {
    names: textsOf(input.name),
    cities: textsOf(input.city),
    email: input.email ?? null,
    phoneDigits: phoneDigits(input.phone),
    excludeId,
  });
  if (existing) {
    throw new AppError('DIRECTORY_MANAGE_DUPLICATE', 409, {
      existing: { slug: existing.slug, name: existing.name, sourceLocale: existing.sourceLocale },
    });
  }
}

async function profileOf(executor: Executor, actor: Actor, row: OrganisationRow): Promise<OrganisationProfile> {
  return presentOrganisationProfile(actor, row, await selectOrganisationClusters(executor, row.id));
}

async function insertNew(
  actor: Actor,
  input: OrganisationInput | Record<string, unknown>,
  status: 'published' | 'proposed',
): Promise<OrganisationProfile> {
  const valid = parseInput(organisationInputSchema, input);
  return getDb().transaction(async (tx) => {
    await checkReferences(tx, valid);
    await refuseDuplicate(tx, valid);
    if (valid.slug && (await findOrganisationBySlug(tx, valid.slug))) throw CommonErrors.validation([{ field: 'slug', code: 'taken' }]);
    const base = slugBase(valid.name, valid.sourceLocale);
    const slug = valid.slug ?? uniqueSlug(base, await selectSlugsLike(tx, base));
    const row = await insertOrganisationRow(tx, {
      ...valuesOf(valid),
      slug,
      status,
      proposedById: status === 'proposed' && actor.kind === 'user' ? actor.userId : null,
    });
    await recordAudit(tx, actor, {
      action: status === 'proposed' ? 'directory.organisation.propose' : 'directory.organisation.create',
      subjectType: 'organisation',
      subjectId: row.id,
      data: { slug, status },
    });
    return profileOf(tx, actor, row);
  });
}

/**
 * A member's proposal: saved as `proposed`, invisible to the public until programme staff approve
 * it. Any signed-in person with a verified e-mail may propose.
 */
export async function proposeOrganisation(actor: Actor, input: OrganisationInput | Record<string, unknown>): Promise<OrganisationProfile> {
  requireSignedIn(actor);
  if (!canPropose(actor)) throw CommonErrors.forbidden();
  return insertNew(actor, input, 'proposed');
}

/** Staff who manage organisations of the country publish at once; anyone else who may propose proposes. */
export async function createOrganisation(actor: Actor, input: OrganisationInput | Record<string, unknown>): Promise<OrganisationProfile> {
  requireSignedIn(actor);
  const countryIso2 = typeof input?.countryIso2 === 'string' ? input.countryIso2 : '';
  if (countryIso2 && canPublishInCountry(actor, countryIso2)) return insertNew(actor, input, 'published');
  return proposeOrganisation(actor, input);
}

/** The patch's own keys only: a field left out keeps its value (defaults of the contract do not apply). */
function presentKeys(
  patch: OrganisationPatch | Record<string, unknown>,
  parsed: Record<string, unknown>,
): Partial<Record<EditableField, unknown>> {
  const raw = (patch ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    EDITABLE_FIELDS.filter((field) => Object.hasOwn(raw, field)).map((field) => [field, parsed[field] ?? undefined]),
  ) as Partial<Record<EditableField, unknown>>;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Partial update by those who manage the organisation (its admins, staff of its country, global
 * staff). Moving it to another country needs the right to manage it there too. Audited with the
 * names of the fields that changed; a patch that changes nothing writes nothing.
 */
export async function updateOrganisation(
  actor: Actor,
  slug: string,
  patch: OrganisationPatch | Record<string, unknown>,
): Promise<OrganisationProfile> {
  requireSignedIn(actor);
  const parsed = parseInput(organisationPatchSchema, patch) as Record<string, unknown>;
  const changes = presentKeys(patch, parsed);
  return getDb().transaction(async (tx) => {
    const row = await findOrganisationBySlug(tx, slug, true);
    if (!row) throw notFound();
    if (!canManageOrganisation(actor, row)) throw CommonErrors.forbidden();
    const merged = parseInput(organisationInputSchema, { ...inputOf(row), ...changes });
    if (merged.countryIso2 !== row.countryIso2 && !canManageOrganisation(actor, { slug: row.slug, countryIso2: merged.countryIso2 })) {
      throw CommonErrors.forbidden();
    }
    const values = valuesOf(merged);
    const changed = EDITABLE_FIELDS.filter((field) => !sameValue(values[field], row[field]));
    if (changed.length === 0) return profileOf(tx, actor, row);
    await checkReferences(tx, merged);
    if (changed.some((field) => field === 'name' || field === 'city' || field === 'email' || field === 'phone')) {
      await refuseDuplicate(tx, merged, row.id);
    }
    const updated = await updateOrganisationRow(tx, row.id, Object.fromEntries(changed.map((field) => [field, values[field]])));
    await recordAudit(tx, actor, {
      action: 'directory.organisation.update',
      subjectType: 'organisation',
      subjectId: row.id,
      data: { changed },
    });
    return profileOf(tx, actor, updated);
  });
}

/** What the edit form starts from: every stored field (contact details included: the managers own them). */
export interface OrganisationEditView {
  profile: OrganisationProfile;
  values: Pick<OrganisationRow, EditableField | 'slug' | 'status' | 'logoFileId' | 'photoFileIds'>;
}

export async function getOrganisationForEdit(actor: Actor, slug: string): Promise<OrganisationEditView> {
  requireSignedIn(actor);
  const db = getDb();
  const row = await findOrganisationBySlug(db, slug);
  if (!row) throw notFound();
  if (!canManageOrganisation(actor, row)) throw CommonErrors.forbidden();
  const fields = [...EDITABLE_FIELDS, 'slug', 'status', 'logoFileId', 'photoFileIds'] as const;
  const values = Object.fromEntries(fields.map((field) => [field, row[field]])) as OrganisationEditView['values'];
  return { profile: await profileOf(db, actor, row), values };
}

/** Whether the actor may edit the organisation with this slug (for showing or hiding an edit link). */
export async function mayEditOrganisation(actor: Actor, slug: string): Promise<boolean> {
  if (actor.kind !== 'user') return false;
  const row = await findOrganisationBySlug(getDb(), slug);
  return row !== undefined && canManageOrganisation(actor, row);
}

export interface ClaimResult {
  id: string;
  organisationSlug: string;
  status: 'pending';
}

/**
 * A signed-in member asks to manage a published organisation; programme staff decide. A second
 * pending claim by the same person is refused (409), as is a claim by someone who already manages it.
 */
export async function claimOrganisation(actor: Actor, slug: string, input: ClaimInput = {}): Promise<ClaimResult> {
  requireSignedIn(actor);
  if (!canPropose(actor)) throw CommonErrors.forbidden();
  const { message } = parseInput(claimInputSchema, input);
  return getDb().transaction(async (tx) => {
    const row = await findOrganisationBySlug(tx, slug);
    if (row?.status !== 'published') throw notFound();
    if (canManageOrganisation(actor, row)) throw new AppError('DIRECTORY_MANAGE_ALREADY_MANAGER', 409);
    const claim = await insertPendingClaim(tx, { organisationId: row.id, userId: actor.userId, message: message || null });
    if (!claim) throw new AppError('DIRECTORY_MANAGE_CLAIM_PENDING', 409);
    await recordAudit(tx, actor, {
      action: 'directory.organisation.claim',
      subjectType: 'organisation',
      subjectId: row.id,
      data: { claimId: claim.id },
    });
    return { id: claim.id, organisationSlug: row.slug, status: 'pending' };
  });
}

function organisationUrl(locale: string, slug: string): string {
  return `${getConfig().publicUrl}/${locale}/organisations/${slug}`;
}

async function mailDecision(
  executor: Executor,
  recipient: UserActor,
  template: string,
  organisationRow: Pick<OrganisationRow, 'slug' | 'name' | 'sourceLocale'>,
  approved: boolean,
): Promise<void> {
  await queueMail(executor, {
    to: recipient.email,
    locale: recipient.locale,
    template,
    values: { name: recipient.name, organisation: textIn(organisationRow.name, recipient.locale, organisationRow.sourceLocale) },
    action: approved ? { url: organisationUrl(recipient.locale, organisationRow.slug) } : undefined,
  });
}

/** The person a request came from, or null when their account is gone. */
async function requester(userId: string | null): Promise<UserActor | null> {
  if (!userId) return null;
  return actorForUser(userId, 'session').catch(() => null);
}

/**
 * The requester becomes the organisation's admin. Granted by the system on the strength of the
 * staff decision just recorded (staff decide requests without holding `users.manage`); the role
 * change has its own audit entry. Idempotent, so a retried approval grants nothing twice.
 */
async function grantOrganisationAdmin(userId: string, slug: string): Promise<void> {
  await assignRole(system, { userId, role: 'organisation_admin', scopeType: 'organisation', scopeId: slug });
}

export interface ProposalDecision {
  slug: string;
  status: 'published' | 'rejected';
}

/** Staff approve (publish; the proposer becomes its admin) or reject a proposed organisation; the proposer is told by mail. */
export async function decideProposal(actor: Actor, slug: string, decision: Decision): Promise<ProposalDecision> {
  requireSignedIn(actor);
  const verdict = parseInput(decisionSchema, decision);
  const db = getDb();
  const current = await findOrganisationBySlug(db, slug);
  if (!current) throw notFound();
  if (!canDecideRequests(actor, current.countryIso2)) throw CommonErrors.forbidden();
  const proposer = await requester(current.proposedById);
  const status = verdict === 'approve' ? 'published' : 'rejected';
  const row = await db.transaction(async (tx) => {
    const locked = await findOrganisationBySlug(tx, slug, true);
    if (locked?.status !== 'proposed') throw new AppError('DIRECTORY_MANAGE_ALREADY_DECIDED', 409);
    const updated = await updateOrganisationRow(tx, locked.id, { status });
    await recordAudit(tx, actor, {
      action: verdict === 'approve' ? 'directory.organisation.approve' : 'directory.organisation.reject',
      subjectType: 'organisation',
      subjectId: locked.id,
      data: { changed: ['status'] },
    });
    if (proposer) {
      await mailDecision(
        tx,
        proposer,
        verdict === 'approve' ? 'directory.proposalApproved' : 'directory.proposalRejected',
        locked,
        verdict === 'approve',
      );
    }
    return updated;
  });
  if (verdict === 'approve' && proposer) await grantOrganisationAdmin(proposer.userId, row.slug);
  return { slug: row.slug, status };
}

export interface ClaimDecision {
  id: string;
  organisationSlug: string;
  status: 'approved' | 'rejected';
}

/** Staff approve (the claimant becomes the organisation's admin) or reject a claim; the claimant is told by mail. */
export async function decideClaim(actor: Actor, claimId: string, decision: Decision): Promise<ClaimDecision> {
  requireSignedIn(actor);
  const verdict = parseInput(decisionSchema, decision);
  const db = getDb();
  const claim = await findClaim(db, claimId);
  if (!claim) throw new AppError('DIRECTORY_MANAGE_CLAIM_NOT_FOUND', 404);
  const organisationRow = await findOrganisationById(db, claim.organisationId);
  if (!organisationRow) throw new AppError('DIRECTORY_MANAGE_CLAIM_NOT_FOUND', 404);
  if (!canDecideRequests(actor, organisationRow.countryIso2)) throw CommonErrors.forbidden();
  const claimant = await requester(claim.userId);
  if (verdict === 'approve' && !claimant) throw new AppError('DIRECTORY_MANAGE_REQUESTER_GONE', 409);
  const status = verdict === 'approve' ? 'approved' : 'rejected';
  await db.transaction(async (tx) => {
    const locked = await findClaim(tx, claimId, true);
    if (locked?.status !== 'pending') throw new AppError('DIRECTORY_MANAGE_ALREADY_DECIDED', 409);
    await markClaimDecided(tx, claimId, status, actor.kind === 'user' ? actor.userId : null);
    await recordAudit(tx, actor, {
      action: verdict === 'approve' ? 'directory.claim.approve' : 'directory.claim.reject',
      subjectType: 'organisation',
      subjectId: organisationRow.id,
      data: { claimId },
    });
    if (claimant) {
      await mailDecision(
        tx,
        claimant,
        verdict === 'approve' ? 'directory.claimApproved' : 'directory.claimRejected',
        organisationRow,
        verdict === 'approve',
      );
    }
  });
  if (claimant && verdict === 'approve') await grantOrganisationAdmin(claimant.userId, organisationRow.slug);
  return { id: claimId, organisationSlug: organisationRow.slug, status };
}

/** Who made a request: null when their account is gone. */
export interface Requester {
  name: string;
  email: string;
}

export interface PendingClaim {
  id: string;
  message: string | null;
  createdAt: Date;
  claimant: Requester | null;
  organisation: { slug: string; name: OrganisationSummary['name']; sourceLocale: string; countryIso2: string };
}

export interface PendingRequests {
  proposals: (OrganisationSummary & { createdAt: Date; proposer: Requester | null })[];
  claims: PendingClaim[];
}

/** Countries whose requests the actor decides: every one for a global grant, else those of their country grants. */
function decidableCountries(actor: UserActor): CountryFilter {
  if (canDecideRequests(actor)) return null;
  return actor.grants
    .filter((grant) => grant.scopeType === 'country' && grant.scopeId && canDecideRequests(actor, grant.scopeId))
    .map((grant) => grant.scopeId as string);
}

/** What staff have to decide: proposed organisations and pending claims in their countries, oldest first. */
export async function listPendingRequests(actor: Actor): Promise<PendingRequests> {
  if (actor.kind !== 'user') {
    if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
    throw CommonErrors.forbidden();
  }
  const countries = decidableCountries(actor);
  if (countries !== null && countries.length === 0) throw CommonErrors.forbidden();
  const db = getDb();
  const [proposals, claims] = await Promise.all([
    selectProposedOrganisations(db, countries, REQUESTS_LIST_LIMIT),
    selectPendingClaims(db, countries, REQUESTS_LIST_LIMIT),
  ]);
  return {
    proposals: proposals.map(({ organisation: row, proposerName, proposerEmail }) => ({
      ...presentOrganisationSummary(row),
      createdAt: row.createdAt,
      proposer: proposerName && proposerEmail ? { name: proposerName, email: proposerEmail } : null,
    })),
    claims: claims.map((claim) => ({
      id: claim.id,
      message: claim.message,
      createdAt: claim.createdAt,
      claimant: claim.claimantName && claim.claimantEmail ? { name: claim.claimantName, email: claim.claimantEmail } : null,
      organisation: {
        slug: claim.organisationSlug,
        name: claim.organisationName,
        sourceLocale: claim.sourceLocale,
        countryIso2: claim.countryIso2,
      },
    })),
  };
}

export interface OrganisationImages {
  logo?: ImageUpload | null;
  photos?: ImageUpload[];
}

/**
 * Sets the logo and/or adds photos (PNG, JPEG or WebP, checked by their bytes, at most 5 MB each,
 * at most 12 photos). Every file is checked before anything is stored.
 */
export async function uploadOrganisationImages(actor: Actor, slug: string, images: OrganisationImages): Promise<OrganisationProfile> {
  requireSignedIn(actor);
  const logo = images.logo ? checkedImage(images.logo, 'logo') : null;
  const photos = (images.photos ?? []).map((photo, index) => checkedImage(photo, `photos.${index}`));
  return getDb().transaction(async (tx) => {
    const row = await findOrganisationBySlug(tx, slug, true);
    if (!row) throw notFound();
    if (!canManageOrganisation(actor, row)) throw CommonErrors.forbidden();
    if (row.photoFileIds.length + photos.length > MAX_PHOTOS) throw CommonErrors.validation([{ field: 'photos', code: 'too_many_photos' }]);
    if (!logo && photos.length === 0) return profileOf(tx, actor, row);
    const logoFile = logo ? await storeFile(tx, actor, logo) : null;
    const photoFiles = [];
    for (const photo of photos) photoFiles.push(await storeFile(tx, actor, photo));
    const updated = await updateOrganisationRow(tx, row.id, {
      ...(logoFile ? { logoFileId: logoFile.id } : {}),
      photoFileIds: [...row.photoFileIds, ...photoFiles.map((file) => file.id)],
    });
    await recordAudit(tx, actor, {
      action: 'directory.organisation.images',
      subjectType: 'organisation',
      subjectId: row.id,
      data: { changed: [...(logoFile ? ['logo'] : []), ...(photoFiles.length > 0 ? ['photos'] : [])] },
    });
    return profileOf(tx, actor, updated);
  });
}

/** Removes the logo (`fileId` = the logo's) or one photo from the profile. */
export async function removeOrganisationImage(actor: Actor, slug: string, fileId: string): Promise<OrganisationProfile> {
  requireSignedIn(actor);
  return getDb().transaction(async (tx) => {
    const row = await findOrganisationBySlug(tx, slug, true);
    if (!row) throw notFound();
    if (!canManageOrganisation(actor, row)) throw CommonErrors.forbidden();
    const isLogo = row.logoFileId === fileId;
    if (!isLogo && !row.photoFileIds.includes(fileId)) throw new AppError('DIRECTORY_MANAGE_IMAGE_NOT_FOUND', 404);
    const updated = await updateOrganisationRow(
      tx,
      row.id,
      isLogo ? { logoFileId: null } : { photoFileIds: row.photoFileIds.filter((id) => id !== fileId) },
    );
    await recordAudit(tx, actor, {
      action: 'directory.organisation.images',
      subjectType: 'organisation',
      subjectId: row.id,
      data: { changed: [isLogo ? 'logo' : 'photos'] },
    });
    return profileOf(tx, actor, updated);
  });
}

/** An entry of an organisation's history; one about a person names them while they are still in it. */
export type OrganisationHistoryEntry = HistoryEntry & { personName: string | null };
export type OrganisationHistoryPage = Omit<HistoryPage, 'entries'> & { entries: OrganisationHistoryEntry[] };

/** Who changed the organisation, as whom, when and what; readable by those who manage it. */
export async function organisationHistory(
  actor: Actor,
  slug: string,
  page = 1,
): Promise<{ organisation: OrganisationSummary; history: OrganisationHistoryPage }> {
  requireSignedIn(actor);
  const db = getDb();
  const row = await findOrganisationBySlug(db, slug);
  if (!row) throw notFound();
  const history = await listSubjectHistory(
    actor,
    { subjectType: 'organisation', subjectId: row.id, permission: 'directory.organisations.manage', scope: organisationSubject(row) },
    page,
  );
  const personEntryIds = history.entries.filter((entry) => entry.action.startsWith('directory.person.')).map((entry) => entry.id);
  const names = personEntryIds.length > 0 ? await selectPersonNamesOfEntries(db, row.id, personEntryIds) : [];
  const nameOf = new Map(names.map(({ entryId, fullName }) => [entryId, fullName]));
  return {
    organisation: presentOrganisationSummary(row),
    history: { ...history, entries: history.entries.map((entry) => ({ ...entry, personName: nameOf.get(entry.id) ?? null })) },
  };
}

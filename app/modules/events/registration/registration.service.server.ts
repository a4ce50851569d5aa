/**
 * Registration for events (issue 5, item 3). Every change runs in one transaction that first locks
 * the event's row, so registrations, cancellations and staff decisions for one event happen one
 * after another: the seats counted are the seats taken, capacity is never exceeded, and the
 * waiting list is served in arrival order (`seq`, given under that lock). The audit entry and the
 * mails (queued as jobs) are written in the same transaction; a refused call writes nothing.
 *
 * Who registers: a signed-in member for themselves (name and address from the account, one of
 * their organisations), for a published public event; or anyone holding an invitation link (C's
 * `findOpenInvitationByToken`), which also opens invitation-only events and is marked
 * `registered` in the same transaction. Without an account and without an invitation, nobody
 * registers (the page asks to sign in).
 */
import { randomBytes } from 'node:crypto';
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor, UserActor } from '#app/shared/auth/actor.ts';
import { getConfig } from '#app/shared/config.server.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { parseInput } from '#app/shared/validation.ts';
// biome-ignore lint/style/noRestrictedImports: the events module's own check-in codes (checkin/ is a folder of the events module).
import { checkInQrPayload, checkInQrSvg } from '../checkin/check-in-qr.server.ts';
import { canManageEvent, canReadEvent, canRegister } from '../events.policy.ts';
import { findEventById, findEventBySlug, type LoadedEvent } from '../events-core.repository.server.ts';
// biome-ignore lint/style/noRestrictedImports: the events module's own invitations (invitations/ is a folder of the events module).
import { findOpenInvitationByToken, markInvitationResponded, type OpenInvitation } from '../invitations/invitation-link.server.ts';
import {
  type ListRegistrationsInput,
  listRegistrationsInputSchema,
  REGISTRATIONS_PAGE_SIZE,
  type RegisterInput,
  type RegistrationCounts,
  type RegistrationList,
  type RegistrationView,
  registerInputSchema,
  type SetRegistrationFormInput,
  setRegistrationFormInputSchema,
} from './registration.contracts.ts';
import {
  countByStatus,
  countWaitingBefore,
  findFormCode,
  findFormIdByCode,
  findOrganisation,
  findPersonOfUser,
  findRegistration,
  findRegistrationByEmail,
  findRegistrationOfUser,
  insertRegistration,
  type OrganisationChoice,
  type RegistrationRow,
  renewRegistration,
  selectFirstWaiting,
  selectRegistrations,
  selectUserOrganisations,
  selectUserRegistrations,
  setEventRegistrationForm,
  updateRegistration,
  waitingSeqs,
} from './registration.repository.server.ts';
import { ACTIVE_STATUSES, decideApproval, decideSeat, GENDERS, type Gender, toPromote, windowState } from './registration.ts';
import {
  checkRegistrationAnswers,
  registrationFormChoices,
  registrationFormOf,
  registrationPages,
  storeRegistrationAnswers,
} from './registration-form.server.ts';
import { queueRegistrationMail, type RegistrationMailKind, registrationCalendar, scheduleReminder } from './registration-mail.server.ts';

function notFound(): AppError {
  return new AppError('EVENTS_REGISTRATION_NOT_FOUND', 404);
}

function newCheckInCode(): string {
  return randomBytes(12).toString('base64url');
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

function genderOf(value: string | null | undefined): Gender | null {
  if (value === 'prefer_not_to_say') return 'prefer-not-to-say';
  return (GENDERS as readonly string[]).includes(value ?? '') ? (value as Gender) : null;
}

function viewOf(row: RegistrationRow, eventSlug: string, waitingPlace: number | null, organisationName: string | null): RegistrationView {
  return {
    id: row.id,
    eventSlug,
    seq: row.seq,
    status: row.status,
    waitingPlace: row.status === 'waiting' ? waitingPlace : null,
    name: row.name,
    email: row.email,
    locale: isLocale(row.locale) ? row.locale : 'en',
    gender: genderOf(row.gender),
    organisationId: row.organisationId,
    organisationName,
    countryIso2: row.countryIso2,
    consentListed: row.consentListed,
    consentPhotographed: row.consentPhotographed,
    formResponseId: row.formResponseId,
    checkInCode: row.checkInCode,
    checkedInAt: iso(row.checkedInAt),
    confirmedAt: iso(row.confirmedAt),
    promotedAt: iso(row.promotedAt),
    cancelledAt: iso(row.cancelledAt),
    createdAt: row.createdAt.toISOString(),
  };
}

async function placeOf(executor: Executor, row: RegistrationRow): Promise<number | null> {
  return row.status === 'waiting' ? (await countWaitingBefore(executor, row.eventId, row.seq)) + 1 : null;
}

/** The event by slug, once the actor may see it (drafts only for its managers); 404 otherwise. */
async function readableEvent(executor: Executor, actor: Actor, slug: string): Promise<LoadedEvent> {
  const found = await findEventBySlug(executor, slug);
  if (!found || !canReadEvent(actor, found)) throw CommonErrors.notFound();
  return found;
}

/** The event again, locked: every registration change of the event waits for the one before it. */
async function lockedEvent(tx: Executor, id: string): Promise<LoadedEvent> {
  const locked = await findEventById(tx, id, { forUpdate: true });
  if (!locked) throw CommonErrors.notFound();
  return locked;
}

function refuseOutsideWindow(found: LoadedEvent, now: Date): void {
  const state = windowState(found, now);
  if (state === 'not-published') throw CommonErrors.notFound();
  if (state === 'not-open-yet')
    throw new AppError('EVENTS_REGISTRATION_NOT_OPEN', 409, { opensAt: found.registrationOpensAt?.toISOString() ?? null });
  if (state === 'closed') throw new AppError('EVENTS_REGISTRATION_CLOSED', 409);
}

function adminSlugs(actor: UserActor): string[] {
  return actor.grants.filter((g) => g.scopeType === 'organisation' && g.scopeId !== null).map((g) => g.scopeId as string);
}

/** The organisations a signed-in member may register for (their directory entry's, and those they administer). */
export async function registrationOrganisations(actor: Actor): Promise<OrganisationChoice[]> {
  if (actor.kind !== 'user') return [];
  return selectUserOrganisations(getDb(), actor.userId, adminSlugs(actor));
}

interface Registrant {
  userId: string | null;
  name: string;
  email: string;
  locale: Locale;
  organisationId: string | null;
  personId: string | null;
  gender: Gender | null;
  countryIso2: string | null;
  invitation: OpenInvitation | null;
}

function identityRequired(fields: string[]): AppError {
  return new AppError('EVENTS_REGISTRATION_IDENTITY_REQUIRED', 400, {
    fields: fields.map((field) => ({ field, code: 'EVENTS_REGISTRATION_IDENTITY_REQUIRED' })),
  });
}

/** Who is registering and as what, from the account or the invitation, checked before anything is written. */
async function registrantOf(actor: Actor, found: LoadedEvent, input: ReturnType<typeof registerInputSchema.parse>): Promise<Registrant> {
  const db = getDb();
  const invitation = input.invitation ? await findOpenInvitationByToken(db, found.id, input.invitation) : null;
  if (input.invitation && !invitation) throw new AppError('EVENTS_INVITATION_INVALID', 404);
  if (!invitation) {
    if (actor.kind !== 'user') throw CommonErrors.unauthenticated();
    if (found.visibility === 'invitation' && !canManageEvent(actor, found)) throw new AppError('EVENTS_INVITATION_REQUIRED', 403);
    if (!canRegister(actor, found)) throw found.status === 'published' ? CommonErrors.forbidden() : CommonErrors.notFound();
  }
  const locale: Locale = input.locale ?? (actor.kind === 'user' ? actor.locale : isLocale(invitation?.locale) ? invitation.locale : 'en');

  let organisationId: string | null = invitation?.organisationId ?? null;
  if (input.organisationId !== undefined) {
    const allowed = actor.kind === 'user' ? (await registrationOrganisations(actor)).some((o) => o.id === input.organisationId) : false;
    if (!allowed && input.organisationId !== invitation?.organisationId)
      throw new AppError('EVENTS_REGISTRATION_ORGANISATION_INVALID', 400, {
        fields: [{ field: 'organisationId', code: 'EVENTS_REGISTRATION_ORGANISATION_INVALID' }],
      });
    organisationId = input.organisationId;
  }
  const organisation = organisationId ? await findOrganisation(db, organisationId) : undefined;
  const countryIso2 = organisation?.countryIso2 ?? invitation?.countryIso2 ?? null;

  if (actor.kind === 'user') {
    const listed = await findPersonOfUser(db, actor.userId);
    return {
      userId: actor.userId,
      name: actor.name,
      email: actor.email.toLowerCase(),
      locale,
      organisationId,
      personId: listed?.id ?? invitation?.personId ?? null,
      gender: genderOf(input.gender ?? invitation?.gender ?? listed?.gender),
      countryIso2,
      invitation,
    };
  }
  const name = input.name ?? invitation?.name ?? '';
  const email = (input.email ?? invitation?.email ?? '').toLowerCase();
  const missing = [...(name ? [] : ['name']), ...(email ? [] : ['email'])];
  if (missing.length > 0) throw identityRequired(missing);
  return {
    userId: null,
    name,
    email,
    locale,
    organisationId,
    personId: invitation?.personId ?? null,
    gender: genderOf(input.gender ?? invitation?.gender),
    countryIso2,
    invitation,
  };
}

const MAIL_OF: Partial<Record<RegistrationRow['status'], RegistrationMailKind>> = {
  confirmed: 'confirmed',
  waiting: 'waiting',
  pending: 'pending',
};

/**
 * Registers the actor (or the holder of an invitation link) for the event: a seat, the waiting
 * list, or staff approval, decided under the event's lock; EVENTS_FULL when the event is full and
 * keeps no waiting list. One registration per address: registering again after a cancellation or a
 * refusal reuses the row with a new place at the end of the line.
 */
export async function registerForEvent(actor: Actor, slug: string, input: RegisterInput): Promise<RegistrationView> {
  const parsed = parseInput(registerInputSchema, input);
  const found = await readableEvent(getDb(), actor, slug);
  const who = await registrantOf(actor, found, parsed);
  const form = await registrationFormOf(found.registrationFormId);
  const fields = Object.entries(parsed.formFields ?? {}).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => [name, v] as const),
  );
  // The form's answers are checked before anything is written: refused answers leave no registration.
  const answered = form ? checkRegistrationAnswers(form.definition, fields, who.locale) : null;
  const view = await getDb().transaction(async (tx) => {
    const locked = await lockedEvent(tx, found.id);
    const now = new Date();
    refuseOutsideWindow(locked, now);
    const existing = await findRegistrationByEmail(tx, locked.id, who.email);
    if (existing && ACTIVE_STATUSES.includes(existing.status))
      throw new AppError('EVENTS_ALREADY_REGISTERED', 409, { registrationId: existing.userId === who.userId ? existing.id : undefined });
    const counts = await countByStatus(tx, locked.id);
    const decision = decideSeat(locked, counts.confirmed, counts.waiting);
    if (decision === 'full') throw new AppError('EVENTS_FULL', 409);
    const values = {
      userId: who.userId,
      organisationId: who.organisationId,
      personId: who.personId,
      name: who.name,
      email: who.email,
      locale: who.locale,
      gender: who.gender,
      countryIso2: who.countryIso2,
      status: decision,
      consentListed: parsed.consentListed,
      consentPhotographed: parsed.consentPhotographed,
      invitationId: who.invitation?.id ?? null,
      checkInCode: newCheckInCode(),
      checkedInAt: null,
      decidedByUserId: null,
      confirmedAt: decision === 'confirmed' ? now : null,
      promotedAt: null,
      cancelledAt: null,
      formResponseId: null,
    };
    const row = existing
      ? await renewRegistration(tx, existing.id, values)
      : await insertRegistration(tx, { eventId: locked.id, ...values });
    if (who.invitation) await markInvitationResponded(tx, who.invitation.id, 'registered', now);
    await recordAudit(tx, actor, {
      action: 'events.registration.create',
      subjectType: 'event_registration',
      subjectId: row.id,
      data: { event: locked.slug, status: row.status, seq: row.seq, ...(who.invitation ? { invitation: who.invitation.id } : {}) },
    });
    const place = await placeOf(tx, row);
    const mail = MAIL_OF[row.status];
    if (mail) await queueRegistrationMail(tx, mail, locked, row, place);
    if (row.status === 'confirmed') await scheduleReminder(tx, locked, row, now);
    return viewOf(row, locked.slug, place, null);
  });
  if (!form || !answered) return view;
  const responseId = await storeRegistrationAnswers(actor, form, { id: view.id, userId: who.userId }, answered.pages, fields, who.locale);
  return { ...view, formResponseId: responseId };
}

/** The registration locked with its event locked first (always in that order: no deadlock between two changes). */
async function lockedRegistration(
  tx: Executor,
  id: string,
  slug: string | undefined,
): Promise<{ row: RegistrationRow; event: LoadedEvent }> {
  const peek = await findRegistration(tx, id);
  if (!peek) throw notFound();
  const locked = await lockedEvent(tx, peek.eventId);
  if (slug !== undefined && locked.slug !== slug) throw notFound();
  const row = await findRegistration(tx, id, { forUpdate: true });
  if (!row) throw notFound();
  return { row, event: locked };
}

/** Fills free seats from the waiting list, in order, each promoted person told; returns who was promoted. */
async function promoteWaiting(tx: Executor, locked: LoadedEvent, now: Date): Promise<RegistrationRow[]> {
  const counts = await countByStatus(tx, locked.id);
  if (counts.waiting === 0) return [];
  const free = locked.capacity === null ? counts.waiting : Math.max(0, locked.capacity - counts.confirmed);
  if (free === 0) return [];
  const candidates = await selectFirstWaiting(tx, locked.id, free);
  const promoted: RegistrationRow[] = [];
  for (const candidate of toPromote(locked.capacity, counts.confirmed, candidates)) {
    const row = await updateRegistration(tx, candidate.id, { status: 'confirmed', confirmedAt: now, promotedAt: now });
    await recordAudit(
      tx,
      { kind: 'system' },
      {
        action: 'events.registration.promote',
        subjectType: 'event_registration',
        subjectId: row.id,
        data: { event: locked.slug, seq: row.seq },
      },
    );
    await queueRegistrationMail(tx, 'promoted', locked, row, null);
    await scheduleReminder(tx, locked, row, now);
    promoted.push(row);
  }
  return promoted;
}

/**
 * After the event's managers gave it more seats (or lifted its limit): the waiting list fills the
 * new seats in order, each promoted person told, in the caller's transaction. The caller has
 * authorised the change; the event's row is locked here, as for every registration change.
 */
export async function fillSeatsAfterCapacityChange(tx: Executor, eventId: string, now: Date = new Date()): Promise<number> {
  const locked = await lockedEvent(tx, eventId);
  if (locked.status !== 'published') return 0;
  return (await promoteWaiting(tx, locked, now)).length;
}

function authoriseOwnerOrStaff(actor: Actor, row: RegistrationRow, found: LoadedEvent): void {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const owner = actor.kind === 'user' && row.userId !== null && row.userId === actor.userId;
  if (!owner && !canManageEvent(actor, found)) throw CommonErrors.forbidden();
}

/**
 * Cancels a registration (its registrant or the event's managers). A freed seat goes at once, in
 * the same transaction, to the first waiting registration, who is told by mail.
 */
export async function cancelRegistration(
  actor: Actor,
  registrationId: string,
  /** When given, a registration of another event is not found. */
  slug?: string,
): Promise<{ registration: RegistrationView; promoted: string[] }> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  return getDb().transaction(async (tx) => {
    const { row: before, event: locked } = await lockedRegistration(tx, registrationId, slug);
    authoriseOwnerOrStaff(actor, before, locked);
    if (!ACTIVE_STATUSES.includes(before.status)) throw new AppError('EVENTS_REGISTRATION_NOT_ACTIVE', 409, { status: before.status });
    const now = new Date();
    const row = await updateRegistration(tx, before.id, { status: 'cancelled', cancelledAt: now });
    const byStaff = !(actor.kind === 'user' && actor.userId === before.userId);
    await recordAudit(tx, actor, {
      action: 'events.registration.cancel',
      subjectType: 'event_registration',
      subjectId: row.id,
      data: { event: locked.slug, from: before.status, byStaff },
    });
    await queueRegistrationMail(tx, 'cancelled', locked, row, null);
    const promoted = await promoteWaiting(tx, locked, now);
    return { registration: viewOf(row, locked.slug, null, null), promoted: promoted.map((p) => p.id) };
  });
}

async function decide(actor: Actor, registrationId: string, approve: boolean, slug: string | undefined): Promise<RegistrationView> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  return getDb().transaction(async (tx) => {
    const { row: before, event: locked } = await lockedRegistration(tx, registrationId, slug);
    if (!canManageEvent(actor, locked)) throw CommonErrors.forbidden();
    if (before.status !== 'pending') throw new AppError('EVENTS_REGISTRATION_NOT_PENDING', 409, { status: before.status });
    const now = new Date();
    const decidedByUserId = actor.kind === 'user' ? actor.userId : null;
    let row: RegistrationRow;
    if (approve) {
      const counts = await countByStatus(tx, locked.id);
      const decision = decideApproval(locked, counts.confirmed, counts.waiting);
      if (decision === 'full') throw new AppError('EVENTS_FULL', 409);
      row = await updateRegistration(tx, before.id, {
        status: decision === 'confirmed' ? 'confirmed' : 'waiting',
        confirmedAt: decision === 'confirmed' ? now : null,
        decidedByUserId,
      });
    } else {
      row = await updateRegistration(tx, before.id, { status: 'declined', decidedByUserId });
    }
    await recordAudit(tx, actor, {
      action: approve ? 'events.registration.approve' : 'events.registration.decline',
      subjectType: 'event_registration',
      subjectId: row.id,
      data: { event: locked.slug, status: row.status },
    });
    const place = await placeOf(tx, row);
    await queueRegistrationMail(tx, approve ? (row.status === 'confirmed' ? 'confirmed' : 'waiting') : 'declined', locked, row, place);
    if (row.status === 'confirmed') await scheduleReminder(tx, locked, row, now);
    return viewOf(row, locked.slug, place, null);
  });
}

/** Staff approve a pending registration: a seat if one is free, else the waiting list (EVENTS_FULL without one). */
export async function approveRegistration(actor: Actor, registrationId: string, slug?: string): Promise<RegistrationView> {
  return decide(actor, registrationId, true, slug);
}

/** Staff decline a pending registration; the registrant is told. */
export async function declineRegistration(actor: Actor, registrationId: string, slug?: string): Promise<RegistrationView> {
  return decide(actor, registrationId, false, slug);
}

function countsOf(capacity: number | null, counts: Awaited<ReturnType<typeof countByStatus>>): RegistrationCounts {
  return { capacity, ...counts };
}

/**
 * An event's registrations: all of them for its managers (filtered by status, in arrival order, a
 * page at a time, with the counts); a member's own only (counts null).
 */
export async function listRegistrations(actor: Actor, slug: string, input: ListRegistrationsInput = {}): Promise<RegistrationList> {
  const { status, page } = parseInput(listRegistrationsInputSchema, input);
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const db = getDb();
  const found = await readableEvent(db, actor, slug);
  if (!canManageEvent(actor, found)) {
    if (actor.kind !== 'user') throw CommonErrors.forbidden();
    const own = await findRegistrationOfUser(db, found.id, actor.userId);
    const items = own && (!status || own.status === status) ? [viewOf(own, found.slug, await placeOf(db, own), null)] : [];
    return { items, counts: null, page: 1, hasNext: false };
  }
  const rows = await selectRegistrations(db, found.id, {
    status,
    limit: REGISTRATIONS_PAGE_SIZE + 1,
    offset: (page - 1) * REGISTRATIONS_PAGE_SIZE,
  });
  const seqs = rows.some((r) => r.row.status === 'waiting') ? await waitingSeqs(db, found.id) : [];
  const place = (row: RegistrationRow) => (row.status === 'waiting' ? seqs.filter((s) => s < row.seq).length + 1 : null);
  const locale = actor.kind === 'user' ? actor.locale : 'en';
  const items = rows
    .slice(0, REGISTRATIONS_PAGE_SIZE)
    .map((r) =>
      viewOf(r.row, found.slug, place(r.row), r.organisationName ? textIn(r.organisationName, locale, r.organisationLocale) : null),
    );
  return {
    items,
    counts: countsOf(found.capacity, await countByStatus(db, found.id)),
    page,
    hasNext: rows.length > REGISTRATIONS_PAGE_SIZE,
  };
}

/** The signed-in person's registration for the event (the latest), or null. */
export async function getMyRegistration(
  actor: Actor,
  slug: string,
): Promise<{ event: LoadedEvent; registration: RegistrationView | null }> {
  if (actor.kind !== 'user') throw CommonErrors.unauthenticated();
  const db = getDb();
  const found = await readableEvent(db, actor, slug);
  const own = await findRegistrationOfUser(db, found.id, actor.userId);
  return { event: found, registration: own ? viewOf(own, found.slug, await placeOf(db, own), null) : null };
}

/** The event as the register page needs it (404 for drafts unless managed), with the counts of seats. */
export async function getRegistrationEvent(actor: Actor, slug: string): Promise<{ event: LoadedEvent; counts: RegistrationCounts }> {
  const db = getDb();
  const found = await readableEvent(db, actor, slug);
  return { event: found, counts: countsOf(found.capacity, await countByStatus(db, found.id)) };
}

/** The invitation a link names, for prefilling the register page (null when unknown or withdrawn). */
export async function findRegistrationInvitation(eventId: string, token: string): Promise<OpenInvitation | null> {
  return findOpenInvitationByToken(getDb(), eventId, token);
}

export const MY_EVENTS_LIMIT = 200;

/** The signed-in person's registrations with their events, the latest event first ("My events"). */
export async function listMyEvents(actor: Actor) {
  if (actor.kind !== 'user') throw CommonErrors.unauthenticated();
  const rows = await selectUserRegistrations(getDb(), actor.userId, MY_EVENTS_LIMIT);
  return rows.map(({ registration, event: e }) => ({ event: e, registration: viewOf(registration, e.slug, null, null) }));
}

/** What the register page shows: the event, its seats, the member's organisations, the invitation's prefill, an existing registration. */
export async function getRegisterPage(actor: Actor, slug: string, invitationToken: string | undefined) {
  const db = getDb();
  const found = await readableEvent(db, actor, slug);
  const invitation = invitationToken ? await findOpenInvitationByToken(db, found.id, invitationToken) : null;
  if (invitationToken && !invitation) throw new AppError('EVENTS_INVITATION_INVALID', 404);
  if (!invitation && actor.kind !== 'user') throw CommonErrors.unauthenticated();
  const counts = countsOf(found.capacity, await countByStatus(db, found.id));
  const existing = actor.kind === 'user' ? await findRegistrationOfUser(db, found.id, actor.userId) : undefined;
  const listed = actor.kind === 'user' ? await findPersonOfUser(db, actor.userId) : undefined;
  const form = await registrationFormOf(found.registrationFormId);
  return {
    event: found,
    counts,
    form: form ? { code: form.code, title: form.definition.title, pages: registrationPages(form.definition) } : null,
    window: windowState(found, new Date()),
    invitationRequired: found.visibility === 'invitation' && !invitation && !canManageEvent(actor, found),
    organisations: await registrationOrganisations(actor),
    invitation: invitation ? { name: invitation.name, email: invitation.email, organisationId: invitation.organisationId } : null,
    gender: genderOf(invitation?.gender ?? listed?.gender),
    active: existing && ACTIVE_STATUSES.includes(existing.status) ? existing.status : null,
  };
}

/** The signed-in person's registration page: the registration, its place, the check-in QR code (SVG) while it holds a seat. */
export async function getMyRegistrationPage(actor: Actor, slug: string, locale: Locale, qrTitle: string) {
  const { event: found, registration } = await getMyRegistration(actor, slug);
  const qrSvg =
    registration?.status === 'confirmed'
      ? await checkInQrSvg(checkInQrPayload(getConfig().publicUrl, locale, found.slug, registration.checkInCode), qrTitle)
      : null;
  return { event: found, registration, qrSvg, canManage: canManageEvent(actor, found) };
}

/** The event as an ICS file for its registrant (the same entry as the confirmation's attachment). */
export async function getRegistrationCalendar(actor: Actor, slug: string, locale: Locale): Promise<{ slug: string; ics: string }> {
  const { event: found } = await getMyRegistration(actor, slug);
  return { slug: found.slug, ics: registrationCalendar(found, locale) };
}

/** The event's registration form and the forms its manager may choose from (published forms they manage). */
export async function getRegistrationFormSetting(actor: Actor, slug: string) {
  const found = await readableEvent(getDb(), actor, slug);
  if (!canManageEvent(actor, found)) throw actor.kind === 'anonymous' ? CommonErrors.unauthenticated() : CommonErrors.forbidden();
  const current = found.registrationFormId ? ((await findFormCode(getDb(), found.registrationFormId)) ?? null) : null;
  return { current, choices: await registrationFormChoices(actor) };
}

/** Staff choose the event's registration form (a published form they manage) or none. Audited. */
export async function setRegistrationForm(actor: Actor, slug: string, input: SetRegistrationFormInput): Promise<{ form: string | null }> {
  const { form } = parseInput(setRegistrationFormInputSchema, input);
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const found = await readableEvent(getDb(), actor, slug);
  if (!canManageEvent(actor, found)) throw CommonErrors.forbidden();
  if (form !== null && !(await registrationFormChoices(actor)).some((choice) => choice.code === form))
    throw new AppError('EVENTS_REGISTRATION_FORM_INVALID', 400, { fields: [{ field: 'form', code: 'EVENTS_REGISTRATION_FORM_INVALID' }] });
  return getDb().transaction(async (tx) => {
    const locked = await lockedEvent(tx, found.id);
    const formId = form === null ? null : ((await findFormIdByCode(tx, form)) ?? null);
    await setEventRegistrationForm(tx, locked.id, formId);
    await recordAudit(tx, actor, {
      action: 'events.registration.form',
      subjectType: 'event',
      subjectId: locked.id,
      data: { event: locked.slug, form },
    });
    return { form };
  });
}

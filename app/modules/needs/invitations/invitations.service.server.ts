/**
 * Sending needs surveys (issue 4, item 4). A survey's managers (`forms.manage` over its scope)
 * invite the member organisations of a cluster or any directory view: the people with an e-mail
 * of those organisations (the organisation's own address when none has one), each address once
 * per survey, with a dry preview first. Each invitation mails a personal link (a random token, of
 * which only the hash is kept) that opens the survey without signing in, in the person's language;
 * the answer is attributed to the invited organisation (migration 0027). Reminders go to those who
 * have not answered, now or scheduled through the job queue. Sending and reminding are audited.
 */
import { organisationFiltersSchema, organisationIdsInView, searchParamsToInput } from '#app/modules/directory/index.ts';
import {
  FORMS_MANAGE,
  type FormDefinition,
  type FormResponseView,
  type FormText,
  formCodeSchema,
  type GrantedRespondent,
  getGrantedResponse,
  type SaveResponsePageInput,
  saveGrantedResponsePage,
  submitGrantedResponse,
} from '#app/modules/forms/index.ts';
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import { type Actor, system } from '#app/shared/auth/actor.ts';
import { can, type Subject } from '#app/shared/auth/can.ts';
import { getConfig } from '#app/shared/config.server.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { enqueueJob, PermanentJobError, registerJobHandler } from '#app/shared/jobs/index.ts';
import { queueMail } from '#app/shared/mail/index.ts';
import { parseInput } from '#app/shared/validation.ts';
import {
  INVITATIONS_PAGE_SIZE,
  type InvitationStatus,
  type InvitationStatusQuery,
  invitationStatusQuerySchema,
  type RemindInvitationsInput,
  type RemindInvitationsResult,
  remindInvitationsInputSchema,
  type SendInvitationsInput,
  type SendInvitationsResult,
  sendInvitationsInputSchema,
} from './invitations.contracts.ts';
import {
  countInvitations,
  findClusterCountry,
  findInvitation,
  findInvitationByTokenHash,
  findSurveyForm,
  formCodeOf,
  type InvitationRow,
  insertInvitationLink,
  insertInvitations,
  markInvitationAnswered,
  markInvitationOpened,
  markInvitationsReminded,
  recordSurveyRespondent,
  revokeInvitation,
  type SurveyFormRow,
  selectCandidates,
  selectClusterMemberIds,
  selectInvitationPage,
  selectInvitationsOfUser,
  selectInvitedEmails,
  selectPendingInvitations,
  setInvitationResponse,
} from './invitations.repository.server.ts';
import {
  type Candidate,
  hashInvitationToken,
  INVITATION_DAYS,
  type InvitationState,
  invitationPath,
  invitationState,
  keyKind,
  newInvitationToken,
  planRecipients,
  surveyGender,
} from './invitations.ts';

/** A send addresses at most this many organisations (a larger directory view is refused: narrow it). */
export const MAX_ORGANISATIONS_PER_SEND = 5000;
export const SURVEY_REMIND_JOB = 'needs.survey-invitations.remind';
const DAY_MS = 24 * 60 * 60 * 1000;

function surveySubject(survey: SurveyFormRow): Subject | undefined {
  if (survey.scopeType === 'cluster') return { cluster: survey.scopeId, country: survey.clusterCountry };
  if (survey.scopeType === 'country') return { country: survey.scopeId };
  return undefined;
}

/** The needs survey `code`, once the actor manages it (deny by default). */
async function managedSurvey(executor: Executor, actor: Actor, code: string): Promise<SurveyFormRow> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const survey = await findSurveyForm(executor, code);
  if (!survey) throw new AppError('NEEDS_SURVEY_NOT_FOUND', 404, { form: code });
  if (!can(actor, FORMS_MANAGE, surveySubject(survey))) throw CommonErrors.forbidden();
  return survey;
}

function fieldError(code: string, field: string, status = 400): AppError {
  return new AppError(code, status, { fields: [{ field, code }] });
}

/** The organisations an audience names, once the actor may address them, and the cluster to attribute answers to first. */
async function audienceOrganisations(
  executor: Executor,
  actor: Actor,
  survey: SurveyFormRow,
  input: { audience: 'cluster' | 'selection'; cluster?: string; query: string },
): Promise<{ ids: string[]; preferCluster: string | null }> {
  const surveyCluster = survey.scopeType === 'cluster' ? survey.scopeId : null;
  if (input.audience === 'cluster') {
    const slug = input.cluster ?? surveyCluster;
    if (!slug) throw fieldError('NEEDS_INVITATION_CLUSTER_REQUIRED', 'cluster');
    const country = await findClusterCountry(executor, slug);
    if (!country) throw fieldError('NEEDS_INVITATION_CLUSTER_NOT_FOUND', 'cluster', 404);
    // A cluster's managers address their own cluster only.
    if (!can(actor, FORMS_MANAGE, { cluster: slug, country })) throw CommonErrors.forbidden();
    return { ids: await selectClusterMemberIds(executor, slug), preferCluster: slug };
  }
  const parsed = organisationFiltersSchema.safeParse(searchParamsToInput(new URLSearchParams(input.query)));
  if (!parsed.success) throw fieldError('NEEDS_INVITATION_QUERY_INVALID', 'query');
  const filters = parsed.data;
  // A directory view reaches whole countries: the actor must manage forms in each of its countries (everywhere without a country filter).
  const allowed =
    filters.country.length > 0 ? filters.country.every((country) => can(actor, FORMS_MANAGE, { country })) : can(actor, FORMS_MANAGE);
  if (!allowed) throw CommonErrors.forbidden();
  const ids = await organisationIdsInView({ ...filters, page: 1 }, MAX_ORGANISATIONS_PER_SEND + 1);
  if (ids.length > MAX_ORGANISATIONS_PER_SEND)
    throw new AppError('NEEDS_INVITATION_TOO_MANY', 400, {
      max: MAX_ORGANISATIONS_PER_SEND,
      fields: [{ field: 'query', code: 'NEEDS_INVITATION_TOO_MANY' }],
    });
  return { ids, preferCluster: surveyCluster };
}

function recipientLocale(candidate: Candidate, fallback: Locale): Locale {
  return isLocale(candidate.locale) ? candidate.locale : fallback;
}

function linkUrl(locale: Locale, token: string): string {
  return `${getConfig().publicUrl}${invitationPath(locale, token)}`;
}

/** Mails one invitation or reminder with a new personal link (only its hash is stored). */
async function mailLink(tx: Executor, invitation: InvitationRow, title: FormText, kind: 'invitation' | 'reminder'): Promise<void> {
  const token = newInvitationToken();
  await insertInvitationLink(tx, invitation.id, hashInvitationToken(token));
  const locale = isLocale(invitation.locale) ? invitation.locale : 'en';
  await queueMail(tx, {
    to: invitation.email,
    locale,
    template: kind === 'invitation' ? 'needs.surveyInvitation' : 'needs.surveyReminder',
    values: {
      survey: textIn(title, locale),
      organisation: invitation.name ?? '',
      expires: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(invitation.expiresAt),
    },
    action: { url: linkUrl(locale, token) },
  });
}

/**
 * Lists who a send would invite (`dryRun`, nothing stored) or invites them: the people with an
 * e-mail of the audience's organisations, each address once, none already invited to the survey.
 */
export async function sendSurveyInvitations(actor: Actor, input: SendInvitationsInput): Promise<SendInvitationsResult> {
  const parsed = parseInput(sendInvitationsInputSchema, input);
  const db = getDb();
  const survey = await managedSurvey(db, actor, parsed.form);
  if (!survey.published) throw new AppError('NEEDS_SURVEY_NOT_PUBLISHED', 409, { form: parsed.form });
  const { ids, preferCluster } = await audienceOrganisations(db, actor, survey, parsed);
  const { candidates, withoutAddress } = await selectCandidates(db, ids, preferCluster);
  const invited = await selectInvitedEmails(
    db,
    survey.formId,
    candidates.map((candidate) => candidate.email.trim().toLowerCase()),
  );
  const plan = planRecipients(candidates, invited);
  const recipients = plan.recipients.map((candidate) => ({
    organisation: candidate.organisationName,
    name: candidate.name,
    email: candidate.email,
    locale: recipientLocale(candidate, parsed.locale),
    country: candidate.country,
    cluster: candidate.cluster,
  }));
  const result: SendInvitationsResult = {
    dryRun: parsed.dryRun,
    organisations: plan.organisations,
    recipients,
    sent: 0,
    duplicates: plan.duplicates,
    alreadyInvited: plan.alreadyInvited,
    organisationsWithoutAddress: withoutAddress,
  };
  if (parsed.dryRun) return result;

  return db.transaction(async (tx) => {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
    const stored = await insertInvitations(
      tx,
      plan.recipients.map((candidate) => ({
        formId: survey.formId,
        organisationId: candidate.organisationId,
        personId: candidate.personId,
        userId: candidate.userId,
        email: candidate.email,
        locale: recipientLocale(candidate, parsed.locale),
        name: candidate.name ?? candidate.organisationName,
        countryIso2: candidate.country,
        clusterSlug: candidate.cluster,
        sizeClass: candidate.sizeClass,
        gender: surveyGender(candidate.gender),
        sentByUserId: actor.kind === 'user' ? actor.userId : null,
        sentAt: now,
        expiresAt,
      })),
    );
    for (const invitation of stored) await mailLink(tx, invitation, survey.title, 'invitation');
    const sentEmails = new Set(stored.map((invitation) => invitation.email));
    await recordAudit(tx, actor, {
      action: 'needs.survey.invitations.send',
      subjectType: 'form',
      subjectId: survey.formId,
      data: {
        form: survey.code,
        audience: parsed.audience,
        ...(parsed.audience === 'cluster' ? { cluster: preferCluster } : { query: parsed.query }),
        sent: stored.length,
        duplicates: plan.duplicates,
        alreadyInvited: plan.alreadyInvited + plan.recipients.length - stored.length,
      },
    });
    return {
      ...result,
      recipients: recipients.filter((recipient) => sentEmails.has(recipient.email)),
      sent: stored.length,
      alreadyInvited: plan.alreadyInvited + plan.recipients.length - stored.length,
    };
  });
}

/** Mails a reminder with a new link to every invitation of the survey not answered yet (still valid). */
async function remindPending(tx: Executor, actor: Actor, survey: SurveyFormRow): Promise<number> {
  const now = new Date();
  const pending = await selectPendingInvitations(tx, survey.formId, now);
  for (const invitation of pending) await mailLink(tx, invitation, survey.title, 'reminder');
  await markInvitationsReminded(
    tx,
    pending.map((invitation) => invitation.id),
    now,
  );
  await recordAudit(tx, actor, {
    action: 'needs.survey.invitations.remind',
    subjectType: 'form',
    subjectId: survey.formId,
    data: { form: survey.code, reminded: pending.length },
  });
  return pending.length;
}

/** Reminds those who have not answered, now, or in `afterDays` days through the job queue. */
export async function remindSurveyInvitations(actor: Actor, input: RemindInvitationsInput): Promise<RemindInvitationsResult> {
  const parsed = parseInput(remindInvitationsInputSchema, input);
  return getDb().transaction(async (tx) => {
    const survey = await managedSurvey(tx, actor, parsed.form);
    if (parsed.afterDays === undefined) return { reminded: await remindPending(tx, actor, survey), scheduledFor: null };
    const runAt = new Date(Date.now() + parsed.afterDays * DAY_MS);
    await enqueueJob(tx, SURVEY_REMIND_JOB, { form: survey.code }, { runAt });
    await recordAudit(tx, actor, {
      action: 'needs.survey.invitations.remind-scheduled',
      subjectType: 'form',
      subjectId: survey.formId,
      data: { form: survey.code, runAt: runAt.toISOString() },
    });
    return { reminded: 0, scheduledFor: runAt.toISOString() };
  });
}

registerJobHandler(SURVEY_REMIND_JOB, async (payload) => {
  const form = typeof payload.form === 'string' ? payload.form : null;
  if (!form) throw new PermanentJobError('The reminder job names no survey');
  await getDb().transaction(async (tx) => {
    const survey = await findSurveyForm(tx, form);
    if (!survey) return;
    await remindPending(tx, system, survey);
  });
});

/** Withdraws one invitation not answered yet (its links then answer 410); audited. */
export async function revokeSurveyInvitation(actor: Actor, input: { form: string; invitation: string }): Promise<void> {
  const form = parseInput(formCodeSchema, input.form);
  await getDb().transaction(async (tx) => {
    const survey = await managedSurvey(tx, actor, form);
    if (!(await revokeInvitation(tx, survey.formId, input.invitation, new Date()))) throw new AppError('NEEDS_INVITATION_NOT_FOUND', 404);
    await recordAudit(tx, actor, {
      action: 'needs.survey.invitations.revoke',
      subjectType: 'survey_invitation',
      subjectId: input.invitation,
      data: { form: survey.code },
    });
  });
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

/** The survey's invitations for its managers: counts (invited, opened, answered, reminded, pending) and one page of the list. */
export async function getSurveyInvitationStatus(actor: Actor, input: InvitationStatusQuery): Promise<InvitationStatus> {
  const parsed = parseInput(invitationStatusQuerySchema, input);
  const db = getDb();
  const survey = await managedSurvey(db, actor, parsed.form);
  const now = new Date();
  const [counts, rows] = await Promise.all([
    countInvitations(db, survey.formId, now),
    selectInvitationPage(db, survey.formId, INVITATIONS_PAGE_SIZE + 1, (parsed.page - 1) * INVITATIONS_PAGE_SIZE),
  ]);
  return {
    form: survey.code,
    title: survey.title,
    counts,
    invitations: rows.slice(0, INVITATIONS_PAGE_SIZE).map((row) => ({
      id: row.id,
      organisation: row.organisationName,
      name: row.name,
      email: row.email,
      locale: isLocale(row.locale) ? row.locale : 'en',
      state: invitationState(row, now),
      sentAt: row.sentAt.toISOString(),
      openedAt: iso(row.openedAt),
      answeredAt: iso(row.answeredAt),
      reminders: row.reminderCount,
      lastRemindedAt: iso(row.lastRemindedAt),
    })),
    page: parsed.page,
    hasNext: rows.length > INVITATIONS_PAGE_SIZE,
  };
}

// ---- Answering through an invitation ----------------------------------------------------------

/**
 * The invitation a key opens: a personal link's token (anyone holding it), or the invitation's id
 * for the invited person signed in to their account. Unknown keys are 404; an invitation revoked
 * or expired before it was answered is 410 (gone).
 */
async function invitationForKey(executor: Executor, actor: Actor, key: string): Promise<InvitationRow> {
  const kind = keyKind(key);
  let row: InvitationRow | undefined;
  if (kind === 'token') row = await findInvitationByTokenHash(executor, hashInvitationToken(key));
  else if (kind === 'id' && actor.kind === 'user') {
    const found = await findInvitation(executor, key);
    row = found && found.userId === actor.userId ? found : undefined;
  }
  if (!row) throw new AppError('NEEDS_INVITATION_NOT_FOUND', 404);
  if (!row.answeredAt && (row.revokedAt || row.expiresAt <= new Date())) throw new AppError('NEEDS_INVITATION_GONE', 410);
  return row;
}

export interface OpenedInvitation {
  id: string;
  formCode: string;
  locale: Locale;
  state: InvitationState;
  /** Who the answer speaks for (the person, else the organisation). */
  name: string | null;
  formTitle: FormText;
  definition: FormDefinition;
  response: FormResponseView | null;
}

function grantOf(invitation: InvitationRow): GrantedRespondent {
  return {
    responseId: invitation.responseId,
    userId: invitation.userId,
    audit: { invitation: invitation.id },
    onStarted: async (tx, response) => {
      const locked = await findInvitation(tx, invitation.id, { forUpdate: true });
      // Two first pages sent at once: only the first one starts the response.
      if (!locked || locked.responseId) throw new AppError('NEEDS_INVITATION_CONFLICT', 409);
      await setInvitationResponse(tx, invitation.id, response.id, new Date());
      await recordSurveyRespondent(tx, response.id, invitation.organisationId);
    },
    onSubmitted: async (tx) => {
      await markInvitationAnswered(tx, invitation.id, new Date());
    },
  };
}

/** Opens an invitation (its first visit is recorded): the survey, in the invitation's language, and the answer so far. */
export async function openSurveyInvitation(actor: Actor, key: string): Promise<OpenedInvitation> {
  const db = getDb();
  const invitation = await invitationForKey(db, actor, key);
  const formCode = await formCodeOf(db, invitation.formId);
  if (!formCode) throw new AppError('NEEDS_INVITATION_NOT_FOUND', 404);
  if (!invitation.openedAt) await markInvitationOpened(db, invitation.id, new Date());
  const { form, version, response } = await getGrantedResponse(grantOf(invitation), formCode);
  return {
    id: invitation.id,
    formCode,
    locale: isLocale(invitation.locale) ? invitation.locale : 'en',
    state: invitationState({ ...invitation, openedAt: invitation.openedAt ?? new Date() }, new Date()),
    name: invitation.name,
    formTitle: form.title,
    definition: version.definition,
    response,
  };
}

/** Saves one page of the invitation's answer (the response is started by its first page); refused answers store nothing. */
export async function saveSurveyInvitationPage(
  actor: Actor,
  key: string,
  input: Pick<SaveResponsePageInput, 'page' | 'fields' | 'answers' | 'locale'>,
): Promise<{ response: FormResponseView; nextPage: string | null }> {
  const db = getDb();
  const invitation = await invitationForKey(db, actor, key);
  if (invitation.answeredAt) throw new AppError('NEEDS_INVITATION_ANSWERED', 409);
  const formCode = await formCodeOf(db, invitation.formId);
  if (!formCode) throw new AppError('NEEDS_INVITATION_NOT_FOUND', 404);
  return saveGrantedResponsePage(actor, grantOf(invitation), formCode, input);
}

/** Submits the invitation's answer once; a second submit is refused (NEEDS_INVITATION_ANSWERED). */
export async function submitSurveyInvitation(actor: Actor, key: string): Promise<FormResponseView> {
  const db = getDb();
  const invitation = await invitationForKey(db, actor, key);
  if (invitation.answeredAt) throw new AppError('NEEDS_INVITATION_ANSWERED', 409);
  const formCode = await formCodeOf(db, invitation.formId);
  if (!formCode) throw new AppError('NEEDS_INVITATION_NOT_FOUND', 404);
  try {
    return await submitGrantedResponse(actor, grantOf(invitation), formCode);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORMS_RESPONSE_SUBMITTED') throw new AppError('NEEDS_INVITATION_ANSWERED', 409);
    throw error;
  }
}

export interface MyInvitation {
  id: string;
  formTitle: FormText;
  state: InvitationState;
  sentAt: string;
}

/** The survey invitations of the signed-in person (their directory entry was invited): their account lists them. */
export async function listMySurveyInvitations(actor: Actor): Promise<MyInvitation[]> {
  if (actor.kind !== 'user') throw CommonErrors.unauthenticated();
  const rows = await selectInvitationsOfUser(getDb(), actor.userId);
  const now = new Date();
  return rows.map((row) => ({ id: row.id, formTitle: row.title, state: invitationState(row, now), sentAt: row.sentAt.toISOString() }));
}

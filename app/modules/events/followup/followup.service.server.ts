/**
 * An event's follow-up (issue 5, item 5): decisions, follow-up actions, minutes and documents.
 * Whoever may read the event sees the public items; those who manage it (`events.manage` over it)
 * see and change everything. Each change authorises first, parses its input, runs in one
 * transaction and writes the audit log there; a refused or invalid call changes nothing. An
 * action's owner with an account is told by mail (through the job queue, in their language) when
 * the action is assigned to them.
 */
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { getConfig } from '#app/shared/config.server.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { deleteStoredFile, openStoredFile, type StoreFileInput, storeFile } from '#app/shared/files/index.ts';
import { isLocale } from '#app/shared/i18n/locales.ts';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { queueMail } from '#app/shared/mail/index.ts';
import { parseInput } from '#app/shared/validation.ts';
import { canManageEvent, canManageSomeEvents, canReadEvent, type PolicyEvent } from '../events.policy.ts';
import { findEventBySlug, type LoadedEvent } from '../events-core.repository.server.ts';
import {
  type ActionInput,
  actionInputSchema,
  actionStatusInputSchema,
  type DecisionInput,
  type DocumentInput,
  decisionInputSchema,
  documentInputSchema,
  type FollowUp,
  type FollowUpAction,
  type FollowUpDecision,
  type FollowUpDocument,
  type MinutesInput,
  minutesInputSchema,
  type OpenActions,
} from './followup.contracts.ts';
import {
  type ActionRow,
  deleteActionRow,
  deleteDecisionRow,
  deleteDocumentRow,
  findAccountByEmail,
  findAction,
  findDecision,
  findDocument,
  insertAction,
  insertDecision,
  insertDocument,
  insertMinutes,
  type MinutesRow,
  selectActions,
  selectDecisions,
  selectDocuments,
  selectMinutes,
  selectOpenActions,
  updateActionRow,
  updateDecisionRow,
} from './followup.repository.server.ts';
import type { ActionStatus } from './followup.schema.ts';
import { DOCUMENT_TYPES, dateIn, isDocumentType, isOverdue, MAX_DOCUMENT_BYTES, visibleTo } from './followup.ts';

export const MINUTES_HISTORY_LIMIT = 20;
export const OPEN_ACTIONS_LIMIT = 500;

async function readableEvent(actor: Actor, slug: string): Promise<LoadedEvent> {
  const event = await findEventBySlug(getDb(), slug);
  if (!event || !canReadEvent(actor, event)) throw CommonErrors.notFound();
  return event;
}

async function managedEvent(actor: Actor, slug: string): Promise<LoadedEvent> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const event = await readableEvent(actor, slug);
  if (!canManageEvent(actor, event)) throw CommonErrors.forbidden();
  return event;
}

function actionOf(row: ActionRow, today: string): FollowUpAction {
  return {
    id: row.id,
    title: row.title,
    ownerName: row.ownerName,
    ownerHasAccount: row.ownerUserId !== null,
    dueOn: row.dueOn,
    status: row.status,
    overdue: isOverdue(row, today),
    decisionId: row.decisionId,
    isPublic: row.isPublic,
  };
}

function minutesOf(row: MinutesRow) {
  return { body: row.body, isPublic: row.isPublic, updatedAt: row.createdAt.toISOString(), authorName: row.authorName };
}

function kindOf(contentType: string): string {
  return DOCUMENT_TYPES[contentType as keyof typeof DOCUMENT_TYPES] ?? contentType;
}

/** What the reader sees of an event's follow-up. */
export async function getFollowUp(actor: Actor, slug: string): Promise<FollowUp> {
  const event = await readableEvent(actor, slug);
  const manages = canManageEvent(actor, event);
  const db = getDb();
  const [decisions, actions, minutes, documents] = await Promise.all([
    selectDecisions(db, event.id),
    selectActions(db, event.id),
    selectMinutes(db, event.id, manages ? MINUTES_HISTORY_LIMIT + 1 : 1),
    selectDocuments(db, event.id),
  ]);
  const today = dateIn(event.timeZone);
  const current = minutes[0];
  return {
    event: { slug: event.slug, title: event.title as Record<string, string>, sourceLocale: event.sourceLocale, timeZone: event.timeZone },
    canManage: manages,
    today,
    decisions: visibleTo(decisions, manages).map(
      (d): FollowUpDecision => ({ id: d.id, text: d.text, decidedOn: d.decidedOn, isPublic: d.isPublic }),
    ),
    actions: visibleTo(actions, manages).map((a) => actionOf(a, today)),
    minutes: current && (manages || current.isPublic) ? minutesOf(current) : null,
    minutesHistory: manages ? minutes.slice(1).map(minutesOf) : [],
    documents: visibleTo(documents, manages).map(
      (d): FollowUpDocument => ({
        id: d.id,
        title: d.title,
        fileName: d.fileName,
        contentType: d.contentType,
        kind: kindOf(d.contentType),
        size: d.size,
        isPublic: d.isPublic,
        createdAt: d.createdAt.toISOString(),
      }),
    ),
  };
}

function userId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

function audit(tx: Executor, actor: Actor, event: LoadedEvent, action: string, subjectId: string, data: Record<string, unknown> = {}) {
  return recordAudit(tx, actor, { action, subjectType: 'event', subjectId, data: { event: event.slug, ...data } });
}

export async function createDecision(actor: Actor, slug: string, input: DecisionInput): Promise<FollowUpDecision> {
  const event = await managedEvent(actor, slug);
  const parsed = parseInput(decisionInputSchema, input);
  return getDb().transaction(async (tx) => {
    const row = await insertDecision(tx, { eventId: event.id, ...parsed, createdByUserId: userId(actor) });
    await audit(tx, actor, event, 'events.decision.create', row.id, { text: row.text, decidedOn: row.decidedOn, isPublic: row.isPublic });
    return { id: row.id, text: row.text, decidedOn: row.decidedOn, isPublic: row.isPublic };
  });
}

export async function updateDecision(actor: Actor, slug: string, id: string, input: DecisionInput): Promise<FollowUpDecision> {
  const event = await managedEvent(actor, slug);
  const parsed = parseInput(decisionInputSchema, input);
  return getDb().transaction(async (tx) => {
    const row = await updateDecisionRow(tx, event.id, id, parsed);
    if (!row) throw new AppError('EVENTS_FOLLOWUP_DECISION_NOT_FOUND', 404);
    await audit(tx, actor, event, 'events.decision.update', row.id, parsed);
    return { id: row.id, text: row.text, decidedOn: row.decidedOn, isPublic: row.isPublic };
  });
}

export async function deleteDecision(actor: Actor, slug: string, id: string): Promise<void> {
  const event = await managedEvent(actor, slug);
  await getDb().transaction(async (tx) => {
    const row = await deleteDecisionRow(tx, event.id, id);
    if (!row) throw new AppError('EVENTS_FOLLOWUP_DECISION_NOT_FOUND', 404);
    await audit(tx, actor, event, 'events.decision.delete', row.id, { text: row.text });
  });
}

/** The owner's account from the address given (EVENTS_FOLLOWUP_OWNER_UNKNOWN when no verified account has it). */
async function ownerAccount(tx: Executor, email: string | undefined) {
  if (!email) return null;
  const account = await findAccountByEmail(tx, email);
  if (!account)
    throw new AppError('EVENTS_FOLLOWUP_OWNER_UNKNOWN', 400, { fields: [{ field: 'ownerEmail', code: 'EVENTS_FOLLOWUP_OWNER_UNKNOWN' }] });
  return account;
}

async function checkDecision(tx: Executor, event: LoadedEvent, decisionId: string | undefined): Promise<string | null> {
  if (!decisionId) return null;
  if (!(await findDecision(tx, event.id, decisionId))) {
    throw new AppError('EVENTS_FOLLOWUP_DECISION_NOT_FOUND', 400, {
      fields: [{ field: 'decisionId', code: 'EVENTS_FOLLOWUP_DECISION_NOT_FOUND' }],
    });
  }
  return decisionId;
}

async function tellOwner(tx: Executor, event: LoadedEvent, row: ActionRow, account: { email: string; locale: string }) {
  const locale = isLocale(account.locale) ? account.locale : 'en';
  await queueMail(tx, {
    to: account.email,
    locale,
    template: 'eventsFollowup.actionAssigned',
    values: {
      event: textIn(event.title, locale, event.sourceLocale, event.slug),
      action: row.title,
      owner: row.ownerName,
      due: row.dueOn
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${row.dueOn}T00:00:00Z`))
        : '—',
    },
    action: { url: `${getConfig().publicUrl}/${locale}/events/${event.slug}/follow-up` },
  });
}

export async function createAction(actor: Actor, slug: string, input: ActionInput): Promise<FollowUpAction> {
  const event = await managedEvent(actor, slug);
  const { ownerEmail, decisionId, ...parsed } = parseInput(actionInputSchema, input);
  return getDb().transaction(async (tx) => {
    const account = await ownerAccount(tx, ownerEmail);
    const row = await insertAction(tx, {
      eventId: event.id,
      ...parsed,
      decisionId: await checkDecision(tx, event, decisionId),
      ownerUserId: account?.id ?? null,
      createdByUserId: userId(actor),
    });
    await audit(tx, actor, event, 'events.action.create', row.id, {
      title: row.title,
      owner: row.ownerName,
      ownerUserId: row.ownerUserId,
      dueOn: row.dueOn,
      status: row.status,
    });
    if (account) await tellOwner(tx, event, row, account);
    return actionOf(row, dateIn(event.timeZone));
  });
}

/** Replaces an action's fields; a new owner with an account is told by mail (the same owner is not told again). */
export async function updateAction(actor: Actor, slug: string, id: string, input: ActionInput): Promise<FollowUpAction> {
  const event = await managedEvent(actor, slug);
  const { ownerEmail, decisionId, ...parsed } = parseInput(actionInputSchema, input);
  return getDb().transaction(async (tx) => {
    const before = await findAction(tx, event.id, id);
    if (!before) throw new AppError('EVENTS_FOLLOWUP_ACTION_NOT_FOUND', 404);
    const account = ownerEmail ? await ownerAccount(tx, ownerEmail) : null;
    const ownerUserId = ownerEmail ? account!.id : null;
    const row = await updateActionRow(tx, id, { ...parsed, decisionId: await checkDecision(tx, event, decisionId), ownerUserId });
    await audit(tx, actor, event, 'events.action.update', row.id, {
      title: row.title,
      owner: row.ownerName,
      ownerUserId,
      dueOn: row.dueOn,
      status: row.status,
    });
    if (account && account.id !== before.ownerUserId) await tellOwner(tx, event, row, account);
    return actionOf(row, dateIn(event.timeZone));
  });
}

export async function setActionStatus(actor: Actor, slug: string, id: string, input: { status: ActionStatus }): Promise<FollowUpAction> {
  const event = await managedEvent(actor, slug);
  const { status } = parseInput(actionStatusInputSchema, input);
  return getDb().transaction(async (tx) => {
    const before = await findAction(tx, event.id, id);
    if (!before) throw new AppError('EVENTS_FOLLOWUP_ACTION_NOT_FOUND', 404);
    const row = await updateActionRow(tx, id, { status });
    await audit(tx, actor, event, 'events.action.status', row.id, { from: before.status, to: status });
    return actionOf(row, dateIn(event.timeZone));
  });
}

export async function deleteAction(actor: Actor, slug: string, id: string): Promise<void> {
  const event = await managedEvent(actor, slug);
  await getDb().transaction(async (tx) => {
    const row = await deleteActionRow(tx, event.id, id);
    if (!row) throw new AppError('EVENTS_FOLLOWUP_ACTION_NOT_FOUND', 404);
    await audit(tx, actor, event, 'events.action.delete', row.id, { title: row.title });
  });
}

/** Saves the minutes as a new version (the earlier ones are kept). */
export async function saveMinutes(actor: Actor, slug: string, input: MinutesInput) {
  const event = await managedEvent(actor, slug);
  const parsed = parseInput(minutesInputSchema, input);
  return getDb().transaction(async (tx) => {
    const row = await insertMinutes(tx, {
      eventId: event.id,
      ...parsed,
      authorUserId: userId(actor),
      authorName: actor.kind === 'user' ? actor.name : null,
    });
    await audit(tx, actor, event, 'events.minutes.save', row.id, { length: row.body.length, isPublic: row.isPublic });
    return minutesOf(row);
  });
}

/** Stores an uploaded document (PDF, DOCX, XLSX or an image, at most 20 MB). */
export async function uploadDocument(
  actor: Actor,
  slug: string,
  input: DocumentInput,
  file: StoreFileInput & { size?: number },
): Promise<FollowUpDocument> {
  const event = await managedEvent(actor, slug);
  const parsed = parseInput(documentInputSchema, input);
  if (!isDocumentType(file.contentType)) {
    throw new AppError('EVENTS_FOLLOWUP_DOCUMENT_TYPE', 400, { fields: [{ field: 'file', code: 'EVENTS_FOLLOWUP_DOCUMENT_TYPE' }] });
  }
  if ((file.size ?? 0) > MAX_DOCUMENT_BYTES) {
    throw new AppError('EVENTS_FOLLOWUP_DOCUMENT_TOO_LARGE', 413, {
      fields: [{ field: 'file', code: 'EVENTS_FOLLOWUP_DOCUMENT_TOO_LARGE' }],
    });
  }
  const contentType = file.contentType.split(';')[0]!.trim().toLowerCase();
  return getDb().transaction(async (tx) => {
    const stored = await storeFile(tx, actor, { ...file, contentType });
    if (stored.size > MAX_DOCUMENT_BYTES) {
      throw new AppError('EVENTS_FOLLOWUP_DOCUMENT_TOO_LARGE', 413, {
        fields: [{ field: 'file', code: 'EVENTS_FOLLOWUP_DOCUMENT_TOO_LARGE' }],
      });
    }
    const row = await insertDocument(tx, {
      eventId: event.id,
      fileId: stored.id,
      title: parsed.title,
      isPublic: parsed.isPublic,
      uploadedByUserId: userId(actor),
    });
    await audit(tx, actor, event, 'events.document.upload', row.id, {
      title: row.title,
      file: stored.originalName,
      size: stored.size,
      isPublic: row.isPublic,
    });
    return {
      id: row.id,
      title: row.title,
      fileName: stored.originalName,
      contentType: stored.contentType,
      kind: kindOf(stored.contentType),
      size: stored.size,
      isPublic: row.isPublic,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export async function deleteDocument(actor: Actor, slug: string, id: string): Promise<void> {
  const event = await managedEvent(actor, slug);
  await getDb().transaction(async (tx) => {
    const row = await findDocument(tx, event.id, id);
    if (!row) throw new AppError('EVENTS_FOLLOWUP_DOCUMENT_NOT_FOUND', 404);
    await deleteDocumentRow(tx, row.id);
    await deleteStoredFile(tx, row.fileId);
    await audit(tx, actor, event, 'events.document.delete', row.id, { title: row.title });
  });
}

/** A document's bytes, for those who may see it (a staff-only document is 404 for others). */
export async function openDocument(actor: Actor, slug: string, id: string) {
  const event = await readableEvent(actor, slug);
  const row = await findDocument(getDb(), event.id, id);
  if (!row || !(row.isPublic || canManageEvent(actor, event))) throw new AppError('EVENTS_FOLLOWUP_DOCUMENT_NOT_FOUND', 404);
  const { file, body } = await openStoredFile(getDb(), row.fileId);
  return { fileName: file.originalName, contentType: file.contentType, size: file.size, body };
}

/** Open and in-progress actions across the events the actor manages, by due date, overdue ones flagged. */
export async function listOpenActions(actor: Actor): Promise<OpenActions> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  if (!canManageSomeEvents(actor)) throw CommonErrors.forbidden();
  const rows = await selectOpenActions(getDb(), OPEN_ACTIONS_LIMIT + 1);
  const items = rows
    .slice(0, OPEN_ACTIONS_LIMIT)
    .filter((r) => canManageEvent(actor, r.event as PolicyEvent))
    .map((r) => ({
      ...actionOf(r.action, dateIn(r.event.timeZone)),
      event: { slug: r.event.slug, title: r.event.title as Record<string, string>, sourceLocale: r.event.sourceLocale },
    }));
  return { items, truncated: rows.length > OPEN_ACTIONS_LIMIT };
}

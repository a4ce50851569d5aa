/**
 * Stored forms (decision 0011): building and publishing versions, answering page by page, and
 * submitting. Each call authorises first against the form's scope, runs in one transaction and
 * writes the audit log there; a refused or invalid call writes nothing. A response is always
 * stored, validated and read with the version it was started with.
 */
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor, UserActor } from '#app/shared/auth/actor.ts';
import { grantAllows } from '#app/shared/auth/can.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { parseInput } from '#app/shared/validation.ts';
import { nextPage, validateAnswers } from './form-answers.ts';
import { frozenCodes } from './form-builder.ts';
import { checkFormDefinition, questionsInOrder } from './form-definition.ts';
import { columnsOf, type ExportColumn, exportRow, mergeColumns } from './form-export.ts';
import { answersFromFormFields, type FormFields, mergePageAnswers } from './form-fields.ts';
import { type CreateFormInput, createFormInputSchema, type FormResponseView, type StoredForm } from './form-store.contracts.ts';
import { nextDraft, publishVersion } from './form-versions.ts';
import {
  type AnswerError,
  type DefinitionProblem,
  type FormAnswers,
  type FormDefinition,
  type FormVersion,
  formCodeSchema,
  formDefinitionSchema,
  type RawAnswers,
} from './forms.contracts.ts';
import { canEnterForOthers, canManageForm, canReadResponse, canRespondToForm, FORMS_MANAGE, type FormScope } from './forms.policy.ts';
import {
  countResponsesByForm,
  type FormResponseRow,
  type FormRow,
  type FormScopeSelection,
  type FormVersionRow,
  findFormByCode,
  findFormById,
  findLatestDraftResponse,
  findLatestPublishedVersion,
  findResponse,
  findUserName,
  findVersion,
  insertForm,
  insertResponse,
  insertVersion,
  markResponseSubmitted,
  markVersionPublished,
  type ResponseCursor,
  type ResponseListRow,
  selectFormsInScopes,
  selectResponsePage,
  selectVersionHeads,
  selectVersions,
  updateDraftDefinition,
  updateDraftResponse,
  updateFormTitle,
  userExists,
} from './forms.repository.server.ts';
import {
  type ExportedResponse,
  FORMS_LIST_LIMIT,
  type FormSummary,
  type ListFormsInput,
  type ListResponsesInput,
  listFormsInputSchema,
  listResponsesInputSchema,
  type ResponsePage,
  type ResponseSummary,
  type ResponsesExport,
} from './forms-responses.contracts.ts';

// ---- Mapping and lookups ----------------------------------------------------------------------

function scopeOf(row: FormRow): FormScope {
  return { type: row.scopeType, id: row.scopeId };
}

function storedForm(row: FormRow): StoredForm {
  return { code: row.code, title: row.title, scope: scopeOf(row), createdAt: row.createdAt };
}

function versionOf(formCode: string, row: FormVersionRow): FormVersion {
  return { formCode, version: row.version, publishedAt: row.publishedAt, definition: row.definition };
}

function responseView(formCode: string, row: FormResponseRow): FormResponseView {
  return {
    id: row.id,
    formCode,
    version: row.version,
    status: row.status,
    answers: row.answers,
    respondentUserId: row.respondentUserId,
    enteredByUserId: row.enteredByUserId,
    currentPage: row.currentPage,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
  };
}

function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw CommonErrors.unauthenticated();
  return actor;
}

function formNotFound(formCode: string): AppError {
  return new AppError('FORMS_FORM_NOT_FOUND', 404, { formCode });
}

function responseNotFound(): AppError {
  return new AppError('FORMS_RESPONSE_NOT_FOUND', 404);
}

/**
 * Answers refused: nothing is stored. `fields` name each HTML field with its code (the i18n key
 * `errors.<code>`), `answerErrors` keep the values and the definition's own messages.
 */
function answersRefused(errors: AnswerError[]): AppError {
  return new AppError('FORMS_ANSWERS_INVALID', 400, {
    fields: errors.map((error) => ({ field: error.field, code: error.code })),
    answerErrors: errors,
  });
}

async function existingForm(tx: Executor, formCode: string, options: { forUpdate?: boolean } = {}): Promise<FormRow> {
  const row = await findFormByCode(tx, parseInput(formCodeSchema, formCode), options);
  if (!row) throw formNotFound(formCode);
  return row;
}

/** The form, locked for the rest of the transaction, once the actor may manage it. */
async function managedForm(tx: Executor, actor: Actor, formCode: string): Promise<FormRow> {
  const row = await existingForm(tx, formCode, { forUpdate: true });
  if (!canManageForm(actor, scopeOf(row))) throw CommonErrors.forbidden();
  return row;
}

// ---- Building and publishing ------------------------------------------------------------------

/** Creates a form with its first draft (version 1); returns it with the draft's problems. */
export async function createForm(
  actor: Actor,
  input: CreateFormInput,
): Promise<{ form: StoredForm; draft: FormVersion; problems: DefinitionProblem[] }> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const parsed = parseInput(createFormInputSchema, input);
  if (!canManageForm(actor, parsed.scope)) throw CommonErrors.forbidden();
  return getDb().transaction(async (tx) => {
    if (await findFormByCode(tx, parsed.code))
      throw new AppError('FORMS_CODE_TAKEN', 409, { fields: [{ field: 'code', code: 'FORMS_CODE_TAKEN' }] });
    const draft = nextDraft(parsed.code, [], parsed.definition ?? { code: parsed.code, title: parsed.title, pages: [] });
    const row = await insertForm(tx, {
      code: parsed.code,
      title: parsed.title,
      scopeType: parsed.scope.type,
      scopeId: parsed.scope.id,
      createdBy: actor.kind === 'user' ? actor.userId : null,
    });
    await insertVersion(tx, { formId: row.id, version: draft.version, definition: draft.definition });
    await recordAudit(tx, actor, {
      action: 'forms.form.create',
      subjectType: 'form',
      subjectId: row.id,
      data: { code: row.code, scope: parsed.scope },
    });
    return { form: storedForm(row), draft, problems: checkFormDefinition(draft.definition) };
  });
}

/**
 * Saves the form's draft: replaces the open draft, or opens the next one (numbered after the
 * latest version) when every version is published. Returns the draft and its problems, which do
 * not prevent saving, only publishing.
 */
export async function saveDraft(
  actor: Actor,
  formCode: string,
  source: FormDefinition | DraftEdit,
): Promise<{ draft: FormVersion; problems: DefinitionProblem[] }> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const given = typeof source === 'function' ? undefined : parseInput(formDefinitionSchema, source);
  return getDb().transaction(async (tx) => {
    // The form row stays locked until commit, so an edit reads the definition it changes and no
    // concurrent edit of the same form can be lost between that read and this write.
    const row = await managedForm(tx, actor, formCode);
    const versions = (await selectVersions(tx, row.id)).map((v) => versionOf(row.code, v));
    const open = versions.find((v) => v.publishedAt === null);
    const parsed = given ?? parseInput(formDefinitionSchema, editedDefinition(row, versions, source as DraftEdit));
    let draft: FormVersion;
    if (open) {
      const updated = await updateDraftDefinition(tx, row.id, open.version, { ...parsed, code: row.code });
      if (!updated) throw new AppError('FORMS_VERSION_PUBLISHED', 409, { formCode: row.code, version: open.version });
      draft = versionOf(row.code, updated);
    } else {
      draft = nextDraft(row.code, versions, parsed);
      await insertVersion(tx, { formId: row.id, version: draft.version, definition: draft.definition });
    }
    await recordAudit(tx, actor, {
      action: 'forms.draft.save',
      subjectType: 'form',
      subjectId: row.id,
      data: { code: row.code, version: draft.version, opened: !open },
    });
    return { draft, problems: checkFormDefinition(draft.definition) };
  });
}

/** One edit of the builder: a pure operation of form-builder.ts, given the current definition and the frozen codes. */
export type DraftEdit = (definition: FormDefinition, frozen: ReadonlySet<string>) => FormDefinition;

/** What an edit makes of the definition the builder shows: the open draft, else the latest version. */
function editedDefinition(row: FormRow, versions: FormVersion[], edit: DraftEdit): FormDefinition {
  const current = versions.find((v) => v.publishedAt === null) ?? versions.at(-1);
  const frozen = frozenCodes(versions.filter((v) => v.publishedAt !== null).map((v) => v.definition));
  return edit(current?.definition ?? { code: row.code, title: row.title, pages: [] }, frozen);
}

/** Publishes the open draft (FORMS_DEFINITION_HAS_PROBLEMS, 422, with the problems, while it has any); it never changes again. */
export async function publishDraft(actor: Actor, formCode: string): Promise<FormVersion> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  return getDb().transaction(async (tx) => {
    const row = await managedForm(tx, actor, formCode);
    const open = (await selectVersions(tx, row.id)).find((v) => v.publishedAt === null);
    if (!open) throw new AppError('FORMS_DRAFT_NOT_FOUND', 404, { formCode: row.code });
    const published = publishVersion(versionOf(row.code, open), new Date());
    const stored = await markVersionPublished(tx, row.id, open.version, published.publishedAt as Date);
    if (!stored) throw new AppError('FORMS_VERSION_PUBLISHED', 409, { formCode: row.code, version: open.version });
    await updateFormTitle(tx, row.id, published.definition.title);
    await recordAudit(tx, actor, {
      action: 'forms.version.publish',
      subjectType: 'form',
      subjectId: row.id,
      data: { code: row.code, version: stored.version },
    });
    return versionOf(row.code, stored);
  });
}

/**
 * A version of the form: the latest published one by default. Published versions are for those
 * who may answer or manage the form; drafts for its managers only.
 */
export async function getFormVersion(
  actor: Actor,
  formCode: string,
  version?: number,
): Promise<{ form: StoredForm; version: FormVersion }> {
  const db = getDb();
  const row = await existingForm(db, formCode);
  const scope = scopeOf(row);
  const manages = canManageForm(actor, scope);
  if (!manages && !canRespondToForm(actor, scope))
    throw actor.kind === 'anonymous' ? CommonErrors.unauthenticated() : CommonErrors.forbidden();
  const found = version === undefined ? await findLatestPublishedVersion(db, row.id) : await findVersion(db, row.id, version);
  if (!found || (found.publishedAt === null && !manages))
    throw new AppError('FORMS_VERSION_NOT_FOUND', 404, { formCode: row.code, version: version ?? null });
  return { form: storedForm(row), version: versionOf(row.code, found) };
}

// ---- Answering --------------------------------------------------------------------------------

export interface SaveResponsePageInput {
  /** The draft response to continue; a new one is started (on the latest published version) when absent. */
  responseId?: string;
  /** The code of the page these fields come from. */
  page: string;
  /** The page's POSTed fields (FormData entries, or name/value pairs from the API); or `answers`. */
  fields?: FormFields;
  /**
   * Typed answers instead of fields (JSON from the API: numbers as numbers, choices as codes, as
   * `getResponse` returns them), checked as they are; a key that is not a question of the page is refused.
   */
  answers?: RawAnswers;
  /** The language the numbers were typed in. */
  locale: Locale;
  /** Assisted entry: the user id of the person the actor answers for (needs `users.act_as`). */
  onBehalfOf?: string;
}

/** The audit's actor for a response: staff entering it for someone act as that person. */
function auditActor(actor: UserActor, respondentUserId: string | null, enteredByUserId: string | null): UserActor {
  return enteredByUserId === actor.userId && respondentUserId !== null ? { ...actor, actingAsId: respondentUserId } : actor;
}

/**
 * The response, locked, once the actor may write it: a response someone started for themselves is
 * theirs to continue; one entered by staff is continued by the same staff member, while they may
 * still enter answers for others.
 */
async function writableResponse(tx: Executor, actor: UserActor, responseId: string): Promise<{ row: FormResponseRow; form: FormRow }> {
  const row = await findResponse(tx, responseId, { forUpdate: true });
  if (!row) throw responseNotFound();
  const owner = await findFormById(tx, row.formId);
  if (!owner) throw responseNotFound();
  const scope = scopeOf(owner);
  const entered = row.enteredByUserId !== null;
  const allowed = entered
    ? row.enteredByUserId === actor.userId && canEnterForOthers(actor, scope)
    : row.respondentUserId === actor.userId && canRespondToForm(actor, scope);
  if (!allowed) throw canReadResponse(actor, scope, row) ? CommonErrors.forbidden() : responseNotFound();
  if (row.status === 'submitted') throw new AppError('FORMS_RESPONSE_SUBMITTED', 409, { responseId });
  return { row, form: owner };
}

/**
 * Saves one page of a response: reads the page's fields, merges them into the draft and checks
 * the result (required questions on this page only). Any error refuses the page and stores
 * nothing (FORMS_ANSWERS_INVALID); otherwise the cleaned answers are stored against the version
 * the response started with. Returns the response and the page to show next (null after the last).
 */
export async function saveResponsePage(
  actor: Actor,
  formCode: string,
  input: SaveResponsePageInput,
): Promise<{ response: FormResponseView; nextPage: string | null }> {
  const user = requireUser(actor);
  return getDb().transaction(async (tx) => {
    const formRow = await existingForm(tx, formCode);
    const scope = scopeOf(formRow);
    const assisted = input.onBehalfOf !== undefined;
    if (!(assisted ? canEnterForOthers(user, scope) : canRespondToForm(user, scope))) throw CommonErrors.forbidden();

    let existing: FormResponseRow | undefined;
    if (input.responseId !== undefined) {
      existing = (await writableResponse(tx, user, input.responseId)).row;
      if (existing.formId !== formRow.id) throw responseNotFound();
      if (assisted !== (existing.enteredByUserId !== null) || (assisted && existing.respondentUserId !== input.onBehalfOf))
        throw CommonErrors.forbidden();
    } else if (assisted && !(await userExists(tx, input.onBehalfOf as string))) {
      throw new AppError('FORMS_RESPONDENT_NOT_FOUND', 404, { fields: [{ field: 'onBehalfOf', code: 'FORMS_RESPONDENT_NOT_FOUND' }] });
    }

    const versionRow = existing ? await findVersion(tx, formRow.id, existing.version) : await findLatestPublishedVersion(tx, formRow.id);
    if (!versionRow) throw new AppError('FORMS_VERSION_NOT_FOUND', 404, { formCode: formRow.code, version: existing?.version ?? null });
    const definition = versionRow.definition;
    const answers = checkedPageAnswers(definition, existing?.answers ?? {}, input);
    const following = nextPage(definition, answers, input.page);
    const respondentUserId = assisted ? (input.onBehalfOf as string) : user.userId;
    const enteredByUserId = assisted ? user.userId : null;
    const stored = existing
      ? await updateDraftResponse(tx, existing.id, { answers, currentPage: following })
      : await insertResponse(tx, {
          formId: formRow.id,
          version: versionRow.version,
          answers,
          respondentUserId,
          enteredByUserId,
          currentPage: following,
        });
    if (!stored) throw new AppError('FORMS_RESPONSE_SUBMITTED', 409, { responseId: existing?.id });
    await recordAudit(tx, auditActor(user, stored.respondentUserId, stored.enteredByUserId), {
      action: existing ? 'forms.response.update' : 'forms.response.start',
      subjectType: 'form_response',
      subjectId: stored.id,
      data: {
        form: formRow.code,
        version: stored.version,
        page: input.page,
        ...(stored.enteredByUserId ? { enteredBy: stored.enteredByUserId, enteredFor: stored.respondentUserId } : {}),
      },
    });
    return { response: responseView(formRow.code, stored), nextPage: following };
  });
}

/**
 * The draft's answers with one page's fields (or typed answers) merged in and checked (required
 * questions on this page only); any error refuses the page (FORMS_ANSWERS_INVALID).
 */
function checkedPageAnswers(
  definition: FormDefinition,
  stored: FormAnswers,
  input: Pick<SaveResponsePageInput, 'page' | 'fields' | 'answers' | 'locale'>,
): FormAnswers {
  const read =
    input.answers !== undefined
      ? typedPageAnswers(definition, input.page, input.answers)
      : answersFromFormFields(definition, input.page, input.fields ?? [], input.locale);
  const merged = mergePageAnswers(definition, input.page, stored, read.answers);
  const checked = validateAnswers(definition, merged, { pages: [input.page] });
  // A field that could not be read has no answer, so the check may also call it required: report it once.
  const unread = new Set(read.errors.map((error) => error.question));
  const errors = [...read.errors, ...checked.errors.filter((error) => !unread.has(error.question))];
  if (errors.length > 0) throw answersRefused(errors);
  return checked.answers;
}

/** Submits a draft response after checking the whole form with its version; a submitted response is final. */
export async function submitResponse(actor: Actor, responseId: string): Promise<FormResponseView> {
  const user = requireUser(actor);
  return getDb().transaction(async (tx) => {
    const { row, form: formRow } = await writableResponse(tx, user, responseId);
    const versionRow = await findVersion(tx, row.formId, row.version);
    if (!versionRow) throw new AppError('FORMS_VERSION_NOT_FOUND', 404, { formCode: formRow.code, version: row.version });
    const checked = validateAnswers(versionRow.definition, row.answers);
    if (!checked.valid) throw answersRefused(checked.errors);
    const stored = await markResponseSubmitted(tx, row.id, checked.answers, new Date());
    if (!stored) throw new AppError('FORMS_RESPONSE_SUBMITTED', 409, { responseId });
    await recordAudit(tx, auditActor(user, stored.respondentUserId, stored.enteredByUserId), {
      action: 'forms.response.submit',
      subjectType: 'form_response',
      subjectId: stored.id,
      data: {
        form: formRow.code,
        version: stored.version,
        ...(stored.enteredByUserId ? { enteredBy: stored.enteredByUserId, enteredFor: stored.respondentUserId } : {}),
      },
    });
    return responseView(formRow.code, stored);
  });
}

/** A response with the version it was given against: the definition to read its answers with. */
export async function getResponse(actor: Actor, responseId: string): Promise<{ response: FormResponseView; version: FormVersion }> {
  const db = getDb();
  const row = await findResponse(db, responseId);
  if (!row) throw responseNotFound();
  const formRow = await findFormById(db, row.formId);
  if (!formRow || !canReadResponse(actor, scopeOf(formRow), row)) {
    if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
    throw responseNotFound();
  }
  const versionRow = await findVersion(db, row.formId, row.version);
  if (!versionRow) throw new AppError('FORMS_VERSION_NOT_FOUND', 404, { formCode: formRow.code, version: row.version });
  return { response: responseView(formRow.code, row), version: versionOf(formRow.code, versionRow) };
}

// ---- Managers: lists, responses, exports -------------------------------------------------------

/** The forms an actor manages: every form with a global `forms.manage`, else those of the countries and clusters of their grants. */
function managedScopes(actor: Actor): FormScopeSelection | null {
  if (actor.kind === 'system') return { all: true, countries: [], clusters: [] };
  if (actor.kind !== 'user') return null;
  const grants = actor.grants.filter(
    (grant) => (!grant.requiresTwoFactor || actor.twoFactorEnabled) && grantAllows(grant, FORMS_MANAGE) && grant.scopeType !== undefined,
  );
  if (grants.length === 0) return null;
  const ids = (type: string) => grants.filter((g) => g.scopeType === type && g.scopeId !== null).map((g) => g.scopeId as string);
  return { all: grants.some((g) => g.scopeType === 'global'), countries: ids('country'), clusters: ids('cluster') };
}

/** The forms the actor manages (at most FORMS_LIST_LIMIT, by code), with their versions and response counts. */
export async function listForms(actor: Actor, filters: ListFormsInput = {}): Promise<FormSummary[]> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const parsed = parseInput(listFormsInputSchema, filters);
  const scopes = managedScopes(actor);
  if (!scopes) throw CommonErrors.forbidden();
  const db = getDb();
  const rows = (await selectFormsInScopes(db, { ...scopes, ...parsed }, FORMS_LIST_LIMIT)).filter((row) =>
    canManageForm(actor, scopeOf(row)),
  );
  const ids = rows.map((row) => row.id);
  const [heads, counts] = await Promise.all([selectVersionHeads(db, ids), countResponsesByForm(db, ids)]);
  return rows.map((row) => {
    const own = heads.filter((head) => head.formId === row.id);
    const published = own.filter((head) => head.publishedAt !== null).at(-1);
    const countOf = (status: FormResponseRow['status']) => Number(counts.find((c) => c.formId === row.id && c.status === status)?.n ?? 0);
    return {
      ...storedForm(row),
      publishedVersion: published?.version ?? null,
      draftVersion: own.find((head) => head.publishedAt === null)?.version ?? null,
      versions: own.length,
      responses: { draft: countOf('draft'), submitted: countOf('submitted') },
    };
  });
}

/** The form, once the actor may manage it (401 anonymous, 403 others, 404 unknown code). */
async function formForManager(executor: Executor, actor: Actor, formCode: string): Promise<FormRow> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const row = await existingForm(executor, formCode);
  if (!canManageForm(actor, scopeOf(row))) throw CommonErrors.forbidden();
  return row;
}

/** Every version of a form, oldest first: all of them (drafts too) for its managers, the published ones for those who may answer it. */
export async function listVersions(actor: Actor, formCode: string): Promise<{ form: StoredForm; versions: FormVersion[] }> {
  const db = getDb();
  const row = await existingForm(db, formCode);
  const manages = canManageForm(actor, scopeOf(row));
  if (!manages && !canRespondToForm(actor, scopeOf(row)))
    throw actor.kind === 'anonymous' ? CommonErrors.unauthenticated() : CommonErrors.forbidden();
  const versions = (await selectVersions(db, row.id))
    .filter((version) => manages || version.publishedAt !== null)
    .map((version) => versionOf(row.code, version));
  return { form: storedForm(row), versions };
}

function encodeCursor(cursor: ResponseCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): ResponseCursor {
  const [createdAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  // The instant exactly as the repository wrote it (the database would refuse anything else with a 500).
  if (
    !createdAt ||
    !id ||
    rest.length > 0 ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(createdAt) ||
    Number.isNaN(Date.parse(createdAt))
  )
    throw new AppError('COMMON_VALIDATION_FAILED', 400, { fields: [{ field: 'cursor', code: 'invalid_format' }] });
  return { createdAt, id };
}

function responseSummary(formCode: string, row: ResponseListRow): ResponseSummary {
  const person = (userId: string | null, name: string | null) => (userId === null ? null : { userId, name });
  return {
    id: row.id,
    formCode,
    version: row.version,
    status: row.status,
    respondent: person(row.respondentUserId, row.respondentName),
    enteredBy: person(row.enteredByUserId, row.enteredByName),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
  };
}

/** A page of the form's responses for its managers, newest first, optionally of one version or status. */
export async function listResponses(actor: Actor, formCode: string, input: ListResponsesInput = {}): Promise<ResponsePage> {
  const parsed = parseInput(listResponsesInputSchema, input);
  const db = getDb();
  const row = await formForManager(db, actor, formCode);
  const after = parsed.cursor ? decodeCursor(parsed.cursor) : null;
  // One row more than asked says whether another page follows.
  const rows = await selectResponsePage(db, row.id, { version: parsed.version, status: parsed.status, after, limit: parsed.limit + 1 });
  const page = rows.slice(0, parsed.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => responseSummary(row.code, r)),
    nextCursor: rows.length > parsed.limit && last ? encodeCursor(last.cursor) : null,
  };
}

const EXPORT_BATCH = 500;

/** The responses of a form, oldest first, a batch at a time, each read with its own version's definition. */
async function* exportBatches(
  formRow: FormRow,
  definitions: Map<number, FormDefinition>,
  columns: ExportColumn[],
  locale: Locale,
  status: FormResponseRow['status'] | undefined,
): AsyncGenerator<ExportedResponse[]> {
  const db = getDb();
  let after: ResponseCursor | null = null;
  for (;;) {
    const batch = await selectResponsePage(db, formRow.id, { status, after, limit: EXPORT_BATCH, order: 'oldest' });
    yield batch.map((response) => {
      const definition = definitions.get(response.version);
      if (!definition) throw new AppError('FORMS_VERSION_NOT_FOUND', 404, { formCode: formRow.code, version: response.version });
      const own = exportRow(definition, response.answers, locale);
      // Every merged column is present: null where this response's version does not have it.
      const cells = Object.fromEntries(columns.map((column) => [column.key, own[column.key] ?? null]));
      return { response: responseSummary(formRow.code, response), cells };
    });
    const last = batch.at(-1);
    if (batch.length < EXPORT_BATCH || !last) return;
    after = last.cursor;
  }
}

/**
 * Every response of the form (oldest first, optionally one status), each read with the definition
 * of ITS version: the columns of all versions merged, headers in the reader's language, and each
 * version's own headers (a question renamed or removed later keeps what it was called when it was
 * answered). For the form's managers only; the export is audited (personal data leaves the
 * platform). The responses come in batches as the file is written.
 */
export async function exportResponses(
  actor: Actor,
  formCode: string,
  locale: Locale,
  options: { status?: FormResponseRow['status'] } = {},
): Promise<ResponsesExport> {
  const db = getDb();
  const row = await formForManager(db, actor, formCode);
  const published = (await selectVersions(db, row.id)).filter((version) => version.publishedAt !== null);
  const versions = published.map((version) => ({
    version: version.version,
    publishedAt: version.publishedAt,
    columns: columnsOf(version.definition, locale),
  }));
  const definitions = new Map(published.map((version) => [version.version, version.definition]));
  const columns = mergeColumns(versions.map((v) => v.columns));
  await db.transaction(async (tx) => {
    await recordAudit(tx, actor, {
      action: 'forms.responses.export',
      subjectType: 'form',
      subjectId: row.id,
      data: { code: row.code, locale, ...(options.status ? { status: options.status } : {}) },
    });
  });
  return { form: storedForm(row), columns, versions, batches: exportBatches(row, definitions, columns, locale, options.status) };
}

// ---- Answering in the browser ----------------------------------------------------------------

/**
 * The draft the actor may continue on this form: their own, or with `onBehalfOf` (assisted
 * entry) the one they are entering for that person. Null when there is none.
 */
export async function findDraftResponse(
  actor: Actor,
  formCode: string,
  options: { onBehalfOf?: string } = {},
): Promise<FormResponseView | null> {
  const user = requireUser(actor);
  const db = getDb();
  const row = await existingForm(db, formCode);
  const scope = scopeOf(row);
  const onBehalfOf = options.onBehalfOf;
  if (!(onBehalfOf !== undefined ? canEnterForOthers(user, scope) : canRespondToForm(user, scope))) throw CommonErrors.forbidden();
  const draft = await findLatestDraftResponse(
    db,
    row.id,
    onBehalfOf !== undefined
      ? { respondentUserId: onBehalfOf, enteredByUserId: user.userId }
      : { respondentUserId: user.userId, enteredByUserId: null },
  );
  return draft ? responseView(row.code, draft) : null;
}

/** The person a staff member enters answers for (assisted entry), for the page to name them. */
export async function getRespondent(actor: Actor, formCode: string, userId: string): Promise<{ userId: string; name: string }> {
  const user = requireUser(actor);
  const db = getDb();
  const row = await existingForm(db, formCode);
  if (!canEnterForOthers(user, scopeOf(row))) throw CommonErrors.forbidden();
  const name = await findUserName(db, userId);
  if (name === undefined) throw new AppError('FORMS_RESPONDENT_NOT_FOUND', 404, { userId });
  return { userId, name };
}

/**
 * One response of the form for its managers: who gave it (names), its answers and the version it
 * was given against, to read them with (a question removed later is still there).
 */
export async function getManagedResponse(
  actor: Actor,
  formCode: string,
  responseId: string,
): Promise<{ form: StoredForm; response: ResponseSummary; answers: FormAnswers; version: FormVersion }> {
  const db = getDb();
  const row = await formForManager(db, actor, formCode);
  const [found] = await selectResponsePage(db, row.id, { id: responseId, limit: 1 });
  if (!found) throw responseNotFound();
  const versionRow = await findVersion(db, row.id, found.version);
  if (!versionRow) throw new AppError('FORMS_VERSION_NOT_FOUND', 404, { formCode: row.code, version: found.version });
  return {
    form: storedForm(row),
    response: responseSummary(row.code, found),
    answers: found.answers,
    version: versionOf(row.code, versionRow),
  };
}

/** Typed answers for one page as they are (`validateAnswers` checks their types), keys that are not questions of the page refused. */
function typedPageAnswers(definition: FormDefinition, page: string, answers: RawAnswers): { answers: RawAnswers; errors: AnswerError[] } {
  const onPage = new Set(
    questionsInOrder(definition)
      .filter((located) => located.page.code === page)
      .map((located) => located.question.code),
  );
  const errors = Object.keys(answers)
    .filter((key) => !onPage.has(key))
    .map((key): AnswerError => ({ question: key, field: key, code: 'FORMS_ANSWER_UNKNOWN_QUESTION' }));
  return { answers, errors };
}

// ---- Answering through an access another module granted (a survey invitation's personal link) ----

/**
 * Someone answering through an access that another module has checked (a needs survey
 * invitation's personal link): no session is needed, the access is the authorisation. The forms
 * module stores, checks and submits the answers exactly as for a signed-in person; the caller
 * links the response to its access in the same transaction (`onStarted`, `onSubmitted`).
 */
export interface GrantedRespondent {
  /** The response this access holds, or null before its first page is saved. */
  responseId: string | null;
  /** The respondent's account when the access belongs to someone who has one (the response is theirs too). */
  userId: string | null;
  /** Named in the audit entries (e.g. `{ invitation: '<id>' }`). */
  audit: Record<string, string>;
  onStarted?: (tx: Executor, response: FormResponseView) => Promise<void>;
  onSubmitted?: (tx: Executor, response: FormResponseView) => Promise<void>;
}

/** The form, the version to answer with and the response held (null before the first page). */
export async function getGrantedResponse(
  grant: GrantedRespondent,
  formCode: string,
): Promise<{ form: StoredForm; version: FormVersion; response: FormResponseView | null }> {
  const db = getDb();
  const row = await existingForm(db, formCode);
  const response = grant.responseId ? await findResponse(db, grant.responseId) : undefined;
  if (grant.responseId && (!response || response.formId !== row.id)) throw responseNotFound();
  const versionRow = response ? await findVersion(db, row.id, response.version) : await findLatestPublishedVersion(db, row.id);
  if (!versionRow) throw new AppError('FORMS_VERSION_NOT_FOUND', 404, { formCode: row.code, version: response?.version ?? null });
  return { form: storedForm(row), version: versionOf(row.code, versionRow), response: response ? responseView(row.code, response) : null };
}

/** Saves one page through a granted access, as `saveResponsePage` does for a signed-in person. */
export async function saveGrantedResponsePage(
  actor: Actor,
  grant: GrantedRespondent,
  formCode: string,
  input: Pick<SaveResponsePageInput, 'page' | 'fields' | 'answers' | 'locale'>,
): Promise<{ response: FormResponseView; nextPage: string | null }> {
  return getDb().transaction(async (tx) => {
    const formRow = await existingForm(tx, formCode);
    const existing = grant.responseId ? await findResponse(tx, grant.responseId, { forUpdate: true }) : undefined;
    if (grant.responseId && (!existing || existing.formId !== formRow.id)) throw responseNotFound();
    if (existing?.status === 'submitted') throw new AppError('FORMS_RESPONSE_SUBMITTED', 409, { responseId: existing.id });
    const versionRow = existing ? await findVersion(tx, formRow.id, existing.version) : await findLatestPublishedVersion(tx, formRow.id);
    if (!versionRow) throw new AppError('FORMS_VERSION_NOT_FOUND', 404, { formCode: formRow.code, version: existing?.version ?? null });
    const definition = versionRow.definition;
    const answers = checkedPageAnswers(definition, existing?.answers ?? {}, input);
    const following = nextPage(definition, answers, input.page);
    const stored = existing
      ? await updateDraftResponse(tx, existing.id, { answers, currentPage: following })
      : await insertResponse(tx, {
          formId: formRow.id,
          version: versionRow.version,
          answers,
          respondentUserId: grant.userId,
          enteredByUserId: null,
          currentPage: following,
        });
    if (!stored) throw new AppError('FORMS_RESPONSE_SUBMITTED', 409, { responseId: existing?.id });
    const view = responseView(formRow.code, stored);
    if (!existing) await grant.onStarted?.(tx, view);
    await recordAudit(tx, actor, {
      action: existing ? 'forms.response.update' : 'forms.response.start',
      subjectType: 'form_response',
      subjectId: stored.id,
      data: { form: formRow.code, version: stored.version, page: input.page, ...grant.audit },
    });
    return { response: view, nextPage: following };
  });
}

/** Submits the response held by a granted access after checking the whole form; a second submit is refused (FORMS_RESPONSE_SUBMITTED). */
export async function submitGrantedResponse(actor: Actor, grant: GrantedRespondent, formCode: string): Promise<FormResponseView> {
  return getDb().transaction(async (tx) => {
    const formRow = await existingForm(tx, formCode);
    const row = grant.responseId ? await findResponse(tx, grant.responseId, { forUpdate: true }) : undefined;
    if (!row || row.formId !== formRow.id) throw responseNotFound();
    if (row.status === 'submitted') throw new AppError('FORMS_RESPONSE_SUBMITTED', 409, { responseId: row.id });
    const versionRow = await findVersion(tx, row.formId, row.version);
    if (!versionRow) throw new AppError('FORMS_VERSION_NOT_FOUND', 404, { formCode: formRow.code, version: row.version });
    const checked = validateAnswers(versionRow.definition, row.answers);
    if (!checked.valid) throw answersRefused(checked.errors);
    const stored = await markResponseSubmitted(tx, row.id, checked.answers, new Date());
    if (!stored) throw new AppError('FORMS_RESPONSE_SUBMITTED', 409, { responseId: row.id });
    const view = responseView(formRow.code, stored);
    await grant.onSubmitted?.(tx, view);
    await recordAudit(tx, actor, {
      action: 'forms.response.submit',
      subjectType: 'form_response',
      subjectId: stored.id,
      data: { form: formRow.code, version: stored.version, ...grant.audit },
    });
    return view;
  });
}

/**
 * Forms, their versions and responses: the only code touching these tables through drizzle. A
 * published version is never updated: every update of a version is limited to drafts
 * (`published_at IS NULL`), so a published row stays as it was whatever the caller does.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '#app/shared/db/client.server.ts';
import { user } from '#app/shared/db/schema.ts';
import type { FormAnswers, FormDefinition } from './forms.contracts.ts';
import { form, formResponse, formVersion } from './forms.schema.ts';

export type FormRow = typeof form.$inferSelect;
export type FormVersionRow = Omit<typeof formVersion.$inferSelect, 'definition'> & { definition: FormDefinition };
export type FormResponseRow = Omit<typeof formResponse.$inferSelect, 'answers'> & { answers: FormAnswers };

export async function insertForm(executor: Executor, values: typeof form.$inferInsert): Promise<FormRow> {
  const [row] = await executor.insert(form).values(values).returning();
  if (!row) throw new Error('form insert returned no row');
  return row;
}

export async function findFormByCode(
  executor: Executor,
  code: string,
  options: { forUpdate?: boolean } = {},
): Promise<FormRow | undefined> {
  const query = executor.select().from(form).where(eq(form.code, code));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findFormById(executor: Executor, id: string): Promise<FormRow | undefined> {
  const [row] = await executor.select().from(form).where(eq(form.id, id));
  return row;
}

/** Every version of a form, oldest first. */
export async function selectVersions(executor: Executor, formId: string): Promise<FormVersionRow[]> {
  const rows = await executor.select().from(formVersion).where(eq(formVersion.formId, formId)).orderBy(formVersion.version);
  return rows as FormVersionRow[];
}

export async function findVersion(executor: Executor, formId: string, version: number): Promise<FormVersionRow | undefined> {
  const [row] = await executor
    .select()
    .from(formVersion)
    .where(and(eq(formVersion.formId, formId), eq(formVersion.version, version)));
  return row as FormVersionRow | undefined;
}

export async function findLatestPublishedVersion(executor: Executor, formId: string): Promise<FormVersionRow | undefined> {
  const [row] = await executor
    .select()
    .from(formVersion)
    .where(and(eq(formVersion.formId, formId), isNotNull(formVersion.publishedAt)))
    .orderBy(desc(formVersion.version))
    .limit(1);
  return row as FormVersionRow | undefined;
}

export async function insertVersion(
  executor: Executor,
  values: { formId: string; version: number; definition: FormDefinition },
): Promise<FormVersionRow> {
  const [row] = await executor.insert(formVersion).values(values).returning();
  if (!row) throw new Error('form version insert returned no row');
  return row as FormVersionRow;
}

/** Replaces a draft's definition; undefined (nothing written) when the version is published or absent. */
export async function updateDraftDefinition(
  executor: Executor,
  formId: string,
  version: number,
  definition: FormDefinition,
): Promise<FormVersionRow | undefined> {
  const [row] = await executor
    .update(formVersion)
    .set({ definition })
    .where(and(eq(formVersion.formId, formId), eq(formVersion.version, version), isNull(formVersion.publishedAt)))
    .returning();
  return row as FormVersionRow | undefined;
}

/** Publishes a draft; undefined (nothing written) when the version is already published or absent. */
export async function markVersionPublished(
  executor: Executor,
  formId: string,
  version: number,
  at: Date,
): Promise<FormVersionRow | undefined> {
  const [row] = await executor
    .update(formVersion)
    .set({ publishedAt: at })
    .where(and(eq(formVersion.formId, formId), eq(formVersion.version, version), isNull(formVersion.publishedAt)))
    .returning();
  return row as FormVersionRow | undefined;
}

export async function userExists(executor: Executor, userId: string): Promise<boolean> {
  const [row] = await executor.select({ id: user.id }).from(user).where(eq(user.id, userId));
  return row !== undefined;
}

export async function insertResponse(
  executor: Executor,
  values: {
    formId: string;
    version: number;
    answers: FormAnswers;
    respondentUserId: string | null;
    enteredByUserId: string | null;
    currentPage: string | null;
  },
): Promise<FormResponseRow> {
  const [row] = await executor.insert(formResponse).values(values).returning();
  if (!row) throw new Error('form response insert returned no row');
  return row as FormResponseRow;
}

export async function findResponse(
  executor: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<FormResponseRow | undefined> {
  const query = executor.select().from(formResponse).where(eq(formResponse.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row as FormResponseRow | undefined;
}

/** Stores a draft response's answers; undefined (nothing written) once it is submitted. */
export async function updateDraftResponse(
  executor: Executor,
  id: string,
  values: { answers: FormAnswers; currentPage: string | null },
): Promise<FormResponseRow | undefined> {
  const [row] = await executor
    .update(formResponse)
    .set(values)
    .where(and(eq(formResponse.id, id), eq(formResponse.status, 'draft')))
    .returning();
  return row as FormResponseRow | undefined;
}

/** Submits a draft response with its final answers; undefined (nothing written) once it is submitted. */
export async function markResponseSubmitted(
  executor: Executor,
  id: string,
  answers: FormAnswers,
  at: Date,
): Promise<FormResponseRow | undefined> {
  const [row] = await executor
    .update(formResponse)
    .set({ answers, status: 'submitted', submittedAt: at, currentPage: null })
    .where(and(eq(formResponse.id, id), eq(formResponse.status, 'draft')))
    .returning();
  return row as FormResponseRow | undefined;
}

/** The form's title follows its latest published version. */
export async function updateFormTitle(executor: Executor, formId: string, title: FormRow['title']): Promise<void> {
  await executor.update(form).set({ title }).where(eq(form.id, formId));
}

// ---- Lists for managers: forms, responses (keyset pages) ------------------------------------

/** Which forms a manager may see: every form (`all`), or those of these countries and clusters. */
export interface FormScopeSelection {
  all: boolean;
  countries: string[];
  clusters: string[];
  /** Optional narrowing by the caller. */
  scopeType?: FormRow['scopeType'];
  scopeId?: string;
}

/** The forms in the selection, by code, at most `limit`. */
export async function selectFormsInScopes(executor: Executor, selection: FormScopeSelection, limit: number): Promise<FormRow[]> {
  const reach = selection.all
    ? undefined
    : or(
        selection.countries.length > 0 ? and(eq(form.scopeType, 'country'), inArray(form.scopeId, selection.countries)) : undefined,
        selection.clusters.length > 0 ? and(eq(form.scopeType, 'cluster'), inArray(form.scopeId, selection.clusters)) : undefined,
      );
  if (!selection.all && !reach) return [];
  const conditions = [
    reach,
    selection.scopeType ? eq(form.scopeType, selection.scopeType) : undefined,
    selection.scopeId ? eq(form.scopeId, selection.scopeId) : undefined,
  ];
  return executor
    .select()
    .from(form)
    .where(and(...conditions))
    .orderBy(form.code)
    .limit(limit);
}

/** Per form: its versions' numbers and publication dates (no definitions). */
export async function selectVersionHeads(
  executor: Executor,
  formIds: string[],
): Promise<{ formId: string; version: number; publishedAt: Date | null }[]> {
  if (formIds.length === 0) return [];
  return executor
    .select({ formId: formVersion.formId, version: formVersion.version, publishedAt: formVersion.publishedAt })
    .from(formVersion)
    .where(inArray(formVersion.formId, formIds))
    .orderBy(formVersion.formId, formVersion.version);
}

/** Per form: how many responses are drafts and how many submitted. */
export async function countResponsesByForm(
  executor: Executor,
  formIds: string[],
): Promise<{ formId: string; status: FormResponseRow['status']; n: number }[]> {
  if (formIds.length === 0) return [];
  return executor
    .select({ formId: formResponse.formId, status: formResponse.status, n: count() })
    .from(formResponse)
    .where(inArray(formResponse.formId, formIds))
    .groupBy(formResponse.formId, formResponse.status);
}

/**
 * Where a page of responses starts: after this (created at, id), newest first. `createdAt` is the
 * stored instant to the microsecond (ISO text): a JavaScript date keeps milliseconds only, and
 * rows created within one millisecond would be skipped or repeated.
 */
export interface ResponseCursor {
  createdAt: string;
  id: string;
}

export type ResponseListRow = FormResponseRow & { respondentName: string | null; enteredByName: string | null; cursor: ResponseCursor };

const createdAtExact = sql<string>`to_char(${formResponse.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A page of a form's responses (or the one with `id`), newest first (keyset on created_at, id), with the respondents' and enterers' names. */
export async function selectResponsePage(
  executor: Executor,
  formId: string,
  options: {
    version?: number;
    status?: FormResponseRow['status'];
    after?: ResponseCursor | null;
    limit: number;
    id?: string;
    /** Newest first (default, the managers' list) or oldest first (exports). */
    order?: 'newest' | 'oldest';
  },
): Promise<ResponseListRow[]> {
  const oldest = options.order === 'oldest';
  const respondent = alias(user, 'respondent');
  const enteredBy = alias(user, 'entered_by');
  const after = options.after;
  const rows = await executor
    .select({ response: formResponse, respondentName: respondent.name, enteredByName: enteredBy.name, exact: createdAtExact })
    .from(formResponse)
    .leftJoin(respondent, eq(respondent.id, formResponse.respondentUserId))
    .leftJoin(enteredBy, eq(enteredBy.id, formResponse.enteredByUserId))
    .where(
      and(
        eq(formResponse.formId, formId),
        options.id === undefined ? undefined : eq(formResponse.id, options.id),
        options.version === undefined ? undefined : eq(formResponse.version, options.version),
        options.status ? eq(formResponse.status, options.status) : undefined,
        after
          ? oldest
            ? sql`(${formResponse.createdAt}, ${formResponse.id}) > (${after.createdAt}::timestamptz, ${after.id})`
            : sql`(${formResponse.createdAt}, ${formResponse.id}) < (${after.createdAt}::timestamptz, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(...(oldest ? [asc(formResponse.createdAt), asc(formResponse.id)] : [desc(formResponse.createdAt), desc(formResponse.id)]))
    .limit(options.limit);
  return rows.map(({ response, respondentName, enteredByName, exact }) => ({
    ...(response as FormResponseRow),
    respondentName,
    enteredByName,
    cursor: { createdAt: exact, id: response.id },
  }));
}

// ---- Answering in the browser: the draft to continue, the name of the person answered for ----

/**
 * The latest draft response to a form of one respondent: their own (`enteredByUserId` null) or
 * the one a staff member enters for them.
 */
export async function findLatestDraftResponse(
  executor: Executor,
  formId: string,
  who: { respondentUserId: string; enteredByUserId: string | null },
): Promise<FormResponseRow | undefined> {
  const [row] = await executor
    .select()
    .from(formResponse)
    .where(
      and(
        eq(formResponse.formId, formId),
        eq(formResponse.status, 'draft'),
        eq(formResponse.respondentUserId, who.respondentUserId),
        who.enteredByUserId === null ? isNull(formResponse.enteredByUserId) : eq(formResponse.enteredByUserId, who.enteredByUserId),
      ),
    )
    .orderBy(desc(formResponse.updatedAt), desc(formResponse.id))
    .limit(1);
  return row as FormResponseRow | undefined;
}

/** A user's display name, or undefined when there is no such user. */
export async function findUserName(executor: Executor, userId: string): Promise<string | undefined> {
  const [row] = await executor.select({ name: user.name }).from(user).where(eq(user.id, userId));
  return row?.name;
}

// ---- The form builder -------------------------------------------------------------------------

/** Deletes the form's open draft; undefined (nothing deleted) when it has none. Published versions are never deleted. */
export async function deleteDraftVersion(executor: Executor, formId: string): Promise<FormVersionRow | undefined> {
  const [row] = await executor
    .delete(formVersion)
    .where(and(eq(formVersion.formId, formId), isNull(formVersion.publishedAt)))
    .returning();
  return row as FormVersionRow | undefined;
}

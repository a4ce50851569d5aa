/**
 * Forms, their versions and responses: the only code touching these tables through drizzle. A
 * published version is never updated: every update of a version is limited to drafts
 * (`published_at IS NULL`), so a published row stays as it was whatever the caller does.
 */
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
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

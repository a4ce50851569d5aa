/**
 * Writing a seeded form and its answers in bulk (demo data): a form with its first version
 * published, and submitted responses inserted a few hundred rows per statement, so triggers on
 * `form_response` (the needs tally) see them as any answer. The only drizzle code of seeding forms.
 */
import type { Executor } from '#app/shared/db/client.server.ts';
import type { FormAnswers, FormDefinition } from './forms.contracts.ts';
import { form, formResponse, formVersion } from './forms.schema.ts';

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters. */
const RESPONSE_BATCH = 500;

export async function insertPublishedForm(
  executor: Executor,
  values: typeof form.$inferInsert,
  definition: FormDefinition,
  publishedAt: Date,
): Promise<{ id: string; version: number } | undefined> {
  const [row] = await executor.insert(form).values(values).onConflictDoNothing({ target: form.code }).returning({ id: form.id });
  if (!row) return undefined;
  await executor.insert(formVersion).values({ formId: row.id, version: 1, definition, publishedAt });
  return { id: row.id, version: 1 };
}

export async function insertSubmittedResponses(
  executor: Executor,
  formId: string,
  version: number,
  responses: readonly { answers: FormAnswers; submittedAt: Date; respondentUserId?: string | null }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < responses.length; start += RESPONSE_BATCH) {
    const rows = await executor
      .insert(formResponse)
      .values(
        responses.slice(start, start + RESPONSE_BATCH).map((response) => ({
          formId,
          version,
          answers: response.answers,
          status: 'submitted' as const,
          respondentUserId: response.respondentUserId ?? null,
          createdAt: response.submittedAt,
          updatedAt: response.submittedAt,
          submittedAt: response.submittedAt,
        })),
      )
      .returning({ id: formResponse.id });
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

/**
 * Seeding forms with answers (demo data): a system task run by start-up and the CLI, not by a
 * person, so neither authorised against an actor nor audited, like the other demo seeds. The
 * definition is checked and every answer validated by the form engine, as a person's would be;
 * an invalid one is a bug in the seed and stops it.
 */
import type { Executor } from '#app/shared/db/client.server.ts';
import { validateAnswers } from './form-answers.ts';
import { checkFormDefinition } from './form-definition.ts';
import type { FormDefinition, RawAnswers } from './forms.contracts.ts';
import type { FormScope } from './forms.policy.ts';
import { insertPublishedForm, insertSubmittedResponses } from './forms-seed.repository.server.ts';

export interface SeededForm {
  formId: string;
  version: number;
}

/** Creates the form with `definition` published as version 1; undefined when a form has this code already. */
export async function seedPublishedForm(
  executor: Executor,
  input: { definition: FormDefinition; scope: FormScope; publishedAt: Date },
): Promise<SeededForm | undefined> {
  const problems = checkFormDefinition(input.definition);
  if (problems.length > 0) throw new Error(`seeded form ${input.definition.code}: ${JSON.stringify(problems)}`);
  const row = await insertPublishedForm(
    executor,
    { code: input.definition.code, title: input.definition.title, scopeType: input.scope.type, scopeId: input.scope.id },
    input.definition,
    input.publishedAt,
  );
  return row && { formId: row.id, version: row.version };
}

/** Stores these answers as submitted responses to the seeded form, in bulk; their ids in the same order. */
export async function seedSubmittedResponses(
  executor: Executor,
  form: SeededForm & { definition: FormDefinition },
  responses: readonly { answers: RawAnswers; submittedAt: Date }[],
): Promise<string[]> {
  const cleaned = responses.map((response, index) => {
    const validation = validateAnswers(form.definition, response.answers);
    if (!validation.valid) throw new Error(`seeded response ${index}: ${JSON.stringify(validation.errors)}`);
    return { answers: validation.answers, submittedAt: response.submittedAt };
  });
  return insertSubmittedResponses(executor, form.formId, form.version, cleaned);
}

/**
 * Needs surveys as forms: a cluster manager or programme staff create a needs survey for a
 * cluster, a country or the whole programme, built from the ready-made template and the current
 * challenge themes, and published at once so members can answer it. The form engine's services
 * do the authorising (`forms.manage` over the survey's scope), the storing and the audit; the
 * survey is then marked as one (`needs_survey`) for the priority synthesis.
 */
import {
  type CreateFormInput,
  createForm,
  type FormDefinition,
  type FormVersion,
  publishDraft,
  type StoredForm,
} from '#app/modules/forms/index.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { CommonErrors } from '#app/shared/errors.ts';
import { parseInput } from '#app/shared/validation.ts';
import { listChallengeThemes } from './needs.service.server.ts';
import { type CreateNeedsSurveyInput, createNeedsSurveyInputSchema } from './needs-survey.contracts.ts';
import { registerNeedsSurvey, selectNeedsSurveyCodes } from './needs-survey.repository.server.ts';
import { needsSurveyDefinition } from './needs-survey.ts';

const DEFAULT_TITLE = { ar: 'استبيان الاحتياجات', fr: 'Questionnaire des besoins', en: 'Needs survey' };

/** The template for the current, unarchived themes: what `createNeedsSurvey` would publish. */
export async function needsSurveyTemplate(code: string, title: CreateFormInput['title'] = DEFAULT_TITLE): Promise<FormDefinition> {
  const themes = await listChallengeThemes();
  return needsSurveyDefinition(code, title, themes);
}

/**
 * Creates the survey's form from the template as a draft, marked as a needs survey, for its
 * managers to adapt in the form builder (reword, add questions and conditions) before publishing.
 * Answers count in the synthesis as long as the template's question and option codes are kept.
 */
export async function startNeedsSurvey(actor: Actor, input: CreateNeedsSurveyInput): Promise<StoredForm> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const parsed = parseInput(createNeedsSurveyInputSchema, input);
  const title = parsed.title ?? DEFAULT_TITLE;
  const definition = await needsSurveyTemplate(parsed.code, title);
  // createForm authorises (forms.manage over the scope) before it writes anything.
  const { form } = await createForm(actor, { code: parsed.code, title, scope: parsed.scope, definition });
  // Marked before it can be published, so no answer can come before the synthesis counts it.
  await registerNeedsSurvey(getDb(), form.code);
  return form;
}

/** Creates the survey's form from the template and publishes its first version. */
export async function createNeedsSurvey(actor: Actor, input: CreateNeedsSurveyInput): Promise<{ form: StoredForm; version: FormVersion }> {
  const form = await startNeedsSurvey(actor, input);
  return { form, version: await publishDraft(actor, form.code) };
}

/**
 * Which of these forms are needs surveys (sent and followed up from the invitations page). Only
 * says so to a signed-in person: the forms' own services decide who may see the forms.
 */
export async function needsSurveysAmong(actor: Actor, formCodes: readonly string[]): Promise<Set<string>> {
  if (actor.kind === 'anonymous') return new Set();
  return new Set(await selectNeedsSurveyCodes(getDb(), formCodes));
}

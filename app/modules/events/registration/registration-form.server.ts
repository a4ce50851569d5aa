/**
 * The event's registration form, from the form engine (decision 0011): its questions shown on the
 * register page, the answers checked before the registration is written (nothing is stored when
 * they are refused), then stored as the engine stores any response, through a granted access (the
 * registration is the access), submitted and linked to the registration (`form_response_id`).
 *
 * The register page is one plain POST, so it shows the pages the form shows before anything is
 * answered; a page whose condition depends on an answer is left out (its questions are neither
 * shown nor required).
 */
import {
  answersFromFormFields,
  type FormDefinition,
  type FormFields,
  type FormText,
  type GrantedRespondent,
  getGrantedResponse,
  listForms,
  mergePageAnswers,
  pageContent,
  type RawAnswers,
  saveGrantedResponsePage,
  shownPages,
  submitGrantedResponse,
  validateAnswers,
} from '#app/modules/forms/index.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError } from '#app/shared/errors.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { logger } from '#app/shared/logger.server.ts';
import { findFormCode, updateRegistration } from './registration.repository.server.ts';

export interface RegistrationForm {
  code: string;
  definition: FormDefinition;
}

/** The event's registration form with its latest published version; null when it has none (or none published). */
export async function registrationFormOf(formId: string | null): Promise<RegistrationForm | null> {
  if (!formId) return null;
  const code = await findFormCode(getDb(), formId);
  if (!code) return null;
  try {
    const { version } = await getGrantedResponse({ responseId: null, userId: null, audit: {} }, code);
    return { code, definition: version.definition };
  } catch {
    // A form without a published version asks nothing yet.
    return null;
  }
}

/** The pages the register page shows: those the form shows before anything is answered. */
export function registrationPages(definition: FormDefinition) {
  return shownPages(definition, {}).map((page) => {
    const content = pageContent(definition, {}, page.code);
    return { code: page.code, title: (page.title ?? null) as FormText | null, sections: content.sections };
  });
}

/**
 * Reads and checks the posted answers of the shown pages; FORMS_ANSWERS_INVALID (400) with every
 * problem beside its field, as the form engine refuses a page.
 */
export function checkRegistrationAnswers(
  definition: FormDefinition,
  fields: FormFields,
  locale: Locale,
): { pages: string[]; answers: RawAnswers } {
  const entries = [...fields];
  const pages = registrationPages(definition).map((p) => p.code);
  let answers: RawAnswers = {};
  const unread: { question: string; field: string; code: string }[] = [];
  for (const page of pages) {
    const read = answersFromFormFields(definition, page, entries, locale);
    unread.push(...read.errors);
    answers = mergePageAnswers(definition, page, answers, read.answers);
  }
  const checked = validateAnswers(definition, answers, { pages });
  const skipped = new Set(unread.map((e) => e.question));
  const errors = [...unread, ...checked.errors.filter((e) => !skipped.has(e.question))];
  if (errors.length > 0)
    throw new AppError('FORMS_ANSWERS_INVALID', 400, {
      fields: errors.map((e) => ({ field: e.field, code: e.code })),
      answerErrors: errors,
    });
  return { pages, answers: checked.answers };
}

/**
 * Stores the answers of a registration as a submitted response of the form, linked to the
 * registration as soon as it is started. Runs after the registration's transaction: a failure
 * here (the form changed in between) leaves the registration as it is, with what could be stored.
 */
export async function storeRegistrationAnswers(
  actor: Actor,
  form: RegistrationForm,
  registration: { id: string; userId: string | null },
  pages: readonly string[],
  fields: FormFields,
  locale: Locale,
): Promise<string | null> {
  const entries = [...fields];
  const grant: GrantedRespondent = {
    responseId: null,
    userId: registration.userId,
    audit: { registration: registration.id },
    onStarted: async (tx: Executor, response) => {
      await updateRegistration(tx, registration.id, { formResponseId: response.id });
    },
  };
  try {
    for (const page of pages) {
      const saved = await saveGrantedResponsePage(actor, grant, form.code, { page, fields: entries, locale });
      grant.responseId = saved.response.id;
    }
    if (grant.responseId) await submitGrantedResponse(actor, grant, form.code);
  } catch (error) {
    logger.warn({ err: error, registration: registration.id, form: form.code }, 'registration answers not fully stored');
  }
  return grant.responseId;
}

/** The published forms the actor manages, to choose an event's registration form from. */
export async function registrationFormChoices(actor: Actor): Promise<{ code: string; title: FormText }[]> {
  const forms = await listForms(actor).catch(() => []);
  return forms.filter((f) => f.publishedVersion !== null).map((f) => ({ code: f.code, title: f.title }));
}

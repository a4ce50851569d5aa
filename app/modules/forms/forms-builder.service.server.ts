/**
 * What the form builder needs beyond building and publishing (forms.service.server.ts): a form
 * as its managers edit it (the open draft, or the latest version the next edit copies, with what
 * is frozen, its problems and what the draft changes), editing the draft with the builder's pure
 * operations, discarding a draft, and the scopes in which the actor may create a form. Every call
 * authorises first (`canManageForm` over the form's scope: others get 403).
 */
import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { grantAllows } from '#app/shared/auth/can.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { parseInput } from '#app/shared/validation.ts';
import { frozenCodes } from './form-builder.ts';
import { checkFormDefinition } from './form-definition.ts';
import type { StoredForm } from './form-store.contracts.ts';
import { diffVersions, type FormDiff } from './form-versions.ts';
import { type DefinitionProblem, type FormDefinition, type FormVersion, formCodeSchema } from './forms.contracts.ts';
import { canManageForm, FORMS_MANAGE } from './forms.policy.ts';
import { deleteDraftVersion, type FormRow, type FormVersionRow, findFormByCode, selectVersions } from './forms.repository.server.ts';
import { type DraftEdit, saveDraft } from './forms.service.server.ts';

/** A form as its builder shows it. */
export interface BuilderForm {
  form: StoredForm;
  /** The open draft; null when every version is published (the next edit opens one). */
  draft: FormVersion | null;
  /** The latest published version. */
  published: FormVersion | null;
  /** What the builder shows and edits: the draft's definition, else the latest version's. */
  definition: FormDefinition;
  /** Codes that can no longer change (see `frozenCodes`), as an array for the page's data. */
  frozen: string[];
  /** The problems of `definition`; publishing is refused while there are any. */
  problems: DefinitionProblem[];
  /** What the draft changes from the latest published version; null without both. */
  diff: FormDiff | null;
  versions: { version: number; publishedAt: Date | null }[];
}

function versionOf(formCode: string, row: FormVersionRow): FormVersion {
  return { formCode, version: row.version, publishedAt: row.publishedAt, definition: row.definition };
}

/** The form, once the actor may manage it: 401 anonymous, 404 unknown, 403 others. */
async function managedForm(actor: Actor, formCode: string, options: { forUpdate?: boolean; executor?: Executor } = {}): Promise<FormRow> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  const row = await findFormByCode(options.executor ?? getDb(), parseInput(formCodeSchema, formCode), { forUpdate: options.forUpdate });
  if (!row) throw new AppError('FORMS_FORM_NOT_FOUND', 404, { formCode });
  if (!canManageForm(actor, { type: row.scopeType, id: row.scopeId })) throw CommonErrors.forbidden();
  return row;
}

/** The form as the builder edits it (its managers only). */
export async function getBuilderForm(actor: Actor, formCode: string): Promise<BuilderForm> {
  const row = await managedForm(actor, formCode);
  const versions = (await selectVersions(getDb(), row.id)).map((v) => versionOf(row.code, v));
  const draft = versions.find((v) => v.publishedAt === null) ?? null;
  const published = versions.filter((v) => v.publishedAt !== null).at(-1) ?? null;
  const definition = (draft ?? published ?? versions.at(-1))?.definition ?? { code: row.code, title: row.title, pages: [] };
  return {
    form: { code: row.code, title: row.title, scope: { type: row.scopeType, id: row.scopeId }, createdAt: row.createdAt },
    draft,
    published,
    definition,
    frozen: [...frozenCodes(versions.filter((v) => v.publishedAt !== null).map((v) => v.definition))],
    problems: checkFormDefinition(definition),
    diff: draft && published ? diffVersions(published.definition, draft.definition) : null,
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt })),
  };
}

/**
 * Applies one edit to the form's draft and saves it (`saveDraft`: the open draft is replaced, or
 * the next draft opened from the latest version when all are published). An edit that is refused
 * (an unknown code, a frozen code...) saves nothing.
 */
export async function editDraft(
  actor: Actor,
  formCode: string,
  edit: DraftEdit,
): Promise<{ draft: FormVersion; problems: DefinitionProblem[] }> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  return saveDraft(actor, parseInput(formCodeSchema, formCode), edit);
}

/**
 * Discards the open draft: the form goes back to its latest published version. A form never
 * published keeps its only draft (FORMS_BUILDER_DRAFT_ONLY_VERSION, 409).
 */
export async function discardDraft(actor: Actor, formCode: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const row = await managedForm(actor, formCode, { forUpdate: true, executor: tx });
    const versions = await selectVersions(tx, row.id);
    if (!versions.some((v) => v.publishedAt === null)) throw new AppError('FORMS_DRAFT_NOT_FOUND', 404, { formCode: row.code });
    if (!versions.some((v) => v.publishedAt !== null)) throw new AppError('FORMS_BUILDER_DRAFT_ONLY_VERSION', 409, { formCode: row.code });
    const deleted = await deleteDraftVersion(tx, row.id);
    await recordAudit(tx, actor, {
      action: 'forms.draft.discard',
      subjectType: 'form',
      subjectId: row.id,
      data: { code: row.code, version: deleted?.version ?? null },
    });
  });
}

/** Where the actor may create a form: everywhere ('any'), or in these countries and clusters; null when nowhere. */
export interface FormScopeChoices {
  global: boolean;
  countries: 'any' | string[];
  clusters: 'any' | string[];
}

export function formScopeChoices(actor: Actor): FormScopeChoices | null {
  if (actor.kind === 'system') return { global: true, countries: 'any', clusters: 'any' };
  if (actor.kind !== 'user') return null;
  const grants = actor.grants.filter((g) => (!g.requiresTwoFactor || actor.twoFactorEnabled) && grantAllows(g, FORMS_MANAGE));
  if (grants.length === 0) return null;
  if (grants.some((g) => g.scopeType === 'global')) return { global: true, countries: 'any', clusters: 'any' };
  const ids = (type: string) => [...new Set(grants.filter((g) => g.scopeType === type && g.scopeId).map((g) => g.scopeId as string))];
  return { global: false, countries: ids('country'), clusters: ids('cluster') };
}

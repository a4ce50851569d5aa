/**
 * Versions of a form (decision 0011). A version is a draft until it is published; a published
 * version never changes again, and every response keeps the number of the version it was given
 * against, so it is always read (shown, validated, exported) with the questions its author saw.
 * Changing a form means a new draft, copied from the latest version, then published. Pure: the
 * service stores versions and responses, and enforces the same rule in the database.
 */
import { AppError } from '#app/shared/errors.ts';
import { checkFormDefinition, questionsInOrder } from './form-definition.ts';
import type { FormDefinition, FormOption, FormQuestion, FormVersion, StoredResponse } from './forms.contracts.ts';

/** Refuses to change a published version (FORMS_VERSION_PUBLISHED, 409). */
export function assertEditable(version: FormVersion): void {
  if (version.publishedAt !== null)
    throw new AppError('FORMS_VERSION_PUBLISHED', 409, { formCode: version.formCode, version: version.version });
}

/** The next draft of a form: the latest version's definition (or `definition` for a new form), numbered after all others. */
export function nextDraft(formCode: string, versions: readonly FormVersion[], definition?: FormDefinition): FormVersion {
  const ofForm = versions.filter((v) => v.formCode === formCode);
  if (ofForm.some((v) => v.publishedAt === null)) throw new AppError('FORMS_DRAFT_EXISTS', 409, { formCode });
  const latest = ofForm.reduce<FormVersion | undefined>(
    (best, v) => (best === undefined || v.version > best.version ? v : best),
    undefined,
  );
  const base = definition ?? latest?.definition;
  if (!base) throw new AppError('FORMS_FORM_NOT_FOUND', 404, { formCode });
  return { formCode, version: (latest?.version ?? 0) + 1, publishedAt: null, definition: { ...structuredClone(base), code: formCode } };
}

/**
 * Publishes a draft: refused while its definition has problems (FORMS_DEFINITION_HAS_PROBLEMS,
 * 422, with the problems) or when it is already published.
 */
export function publishVersion(draft: FormVersion, at: Date): FormVersion {
  assertEditable(draft);
  const problems = checkFormDefinition(draft.definition);
  if (problems.length > 0) throw new AppError('FORMS_DEFINITION_HAS_PROBLEMS', 422, { problems });
  return { ...draft, publishedAt: at };
}

/** The version a response was given against: the only one to read it with. */
export function versionForResponse(versions: readonly FormVersion[], response: Pick<StoredResponse, 'formCode' | 'version'>): FormVersion {
  const version = versions.find((v) => v.formCode === response.formCode && v.version === response.version);
  if (!version) throw new AppError('FORMS_VERSION_NOT_FOUND', 404, { formCode: response.formCode, version: response.version });
  return version;
}

// ---- Differences between two versions ---------------------------------------------------------

/**
 * What changed in a question. `wording`: what people read (labels, help, option labels and
 * order); `rules`: what is accepted (required, limits, conditions, page); `structure`: what the
 * answers mean (type, options, rows, columns, scale range): old and new answers no longer line
 * up in one column, so a builder warns before publishing.
 */
export type QuestionChangeKind =
  | 'label'
  | 'help'
  | 'option-labels'
  | 'options-reordered'
  | 'required'
  | 'limits'
  | 'condition'
  | 'page'
  | 'type'
  | 'options-added'
  | 'options-removed'
  | 'rows'
  | 'columns'
  | 'scale-range';
export type ChangeSeverity = 'wording' | 'rules' | 'structure';

const SEVERITY: Record<QuestionChangeKind, ChangeSeverity> = {
  label: 'wording',
  help: 'wording',
  'option-labels': 'wording',
  'options-reordered': 'wording',
  required: 'rules',
  limits: 'rules',
  condition: 'rules',
  page: 'rules',
  type: 'structure',
  'options-added': 'structure',
  'options-removed': 'structure',
  rows: 'structure',
  columns: 'structure',
  'scale-range': 'structure',
};
const SEVERITY_ORDER: readonly ChangeSeverity[] = ['wording', 'rules', 'structure'];

export interface QuestionChange {
  code: string;
  changes: QuestionChangeKind[];
  /** The gravest of the changes. */
  severity: ChangeSeverity;
}

export interface FormDiff {
  /** Question codes, in the order of the newer version. */
  added: string[];
  /** Question codes, in the order of the older version. */
  removed: string[];
  changed: QuestionChange[];
  /** True when a question was removed or changed in structure: old answers no longer line up with the new form. */
  breaking: boolean;
}

/** Deep equality of JSON values, whatever the order of object keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const entriesA = Object.entries(a).filter(([, v]) => v !== undefined);
  const entriesB = new Map(Object.entries(b).filter(([, v]) => v !== undefined));
  return entriesA.length === entriesB.size && entriesA.every(([key, value]) => entriesB.has(key) && sameJson(value, entriesB.get(key)));
}

/** The labelled lists of a question (options, the "other" choice, rows, columns, scale ends), by name. */
function labelledLists(question: FormQuestion): Record<string, readonly FormOption[]> {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      return { options: [...question.options, ...(question.other ? [{ code: '_other', label: question.other.label }] : [])] };
    case 'ranking':
      return { options: question.options };
    case 'matrix':
      return { rows: question.rows, columns: question.columns };
    case 'scale':
      return {
        ends: [
          ...(question.minLabel ? [{ code: 'min', label: question.minLabel }] : []),
          ...(question.maxLabel ? [{ code: 'max', label: question.maxLabel }] : []),
        ],
      };
    default:
      return {};
  }
}

/** Fields of a question that say neither what is accepted nor what it holds (compared on their own). */
const NOT_LIMITS = new Set([
  'code',
  'label',
  'help',
  'required',
  'showIf',
  'type',
  'options',
  'other',
  'rows',
  'columns',
  'minLabel',
  'maxLabel',
  'step',
]);

/** The fields of a question that rule what is accepted: lengths, pattern, bounds, selections, file types and size. */
function limitsOf(question: FormQuestion): Record<string, unknown> {
  const limits = Object.fromEntries(Object.entries(question).filter(([key]) => !NOT_LIMITS.has(key)));
  if (question.type === 'scale') {
    delete limits.min;
    delete limits.max;
  }
  // A pattern's message is wording; its expression is a rule.
  if (question.type === 'short-text' || question.type === 'long-text') limits.pattern = question.pattern?.regex;
  return limits;
}

function patternMessage(question: FormQuestion): unknown {
  return question.type === 'short-text' || question.type === 'long-text' ? question.pattern?.message : undefined;
}

/** What adding or removing entries of each labelled list means: new options or rows change the answers; a scale's end labels are wording. */
const LIST_ADDED: Record<string, QuestionChangeKind> = {
  options: 'options-added',
  rows: 'rows',
  columns: 'columns',
  ends: 'option-labels',
};
const LIST_REMOVED: Record<string, QuestionChangeKind> = {
  options: 'options-removed',
  rows: 'rows',
  columns: 'columns',
  ends: 'option-labels',
};

function listChanges(name: string, before: readonly FormOption[], after: readonly FormOption[]): QuestionChangeKind[] {
  const codesBefore = before.map((o) => o.code);
  const codesAfter = after.map((o) => o.code);
  const changes: QuestionChangeKind[] = [];
  if (codesAfter.some((code) => !codesBefore.includes(code))) changes.push(LIST_ADDED[name] ?? 'option-labels');
  if (codesBefore.some((code) => !codesAfter.includes(code))) changes.push(LIST_REMOVED[name] ?? 'option-labels');
  const keptNow = codesAfter.filter((code) => codesBefore.includes(code));
  const keptBefore = codesBefore.filter((code) => codesAfter.includes(code));
  if (!sameJson(keptNow, keptBefore)) changes.push('options-reordered');
  const relabelled = after.some((option) => {
    const old = before.find((o) => o.code === option.code);
    return old !== undefined && !sameJson(old.label, option.label);
  });
  if (relabelled) changes.push('option-labels');
  return changes;
}

function questionChanges(before: FormQuestion, after: FormQuestion, pageBefore: string, pageAfter: string): QuestionChangeKind[] {
  const changes: QuestionChangeKind[] = [];
  if (!sameJson(before.label, after.label)) changes.push('label');
  if (!sameJson(before.help, after.help)) changes.push('help');
  if (Boolean(before.required) !== Boolean(after.required)) changes.push('required');
  if (!sameJson(before.showIf, after.showIf)) changes.push('condition');
  if (pageBefore !== pageAfter) changes.push('page');
  if (before.type !== after.type) return [...changes, 'type'];
  const listsBefore = labelledLists(before);
  const listsAfter = labelledLists(after);
  for (const name of Object.keys(listsAfter)) changes.push(...listChanges(name, listsBefore[name] ?? [], listsAfter[name] ?? []));
  if (
    before.type === 'scale' &&
    after.type === 'scale' &&
    !sameJson([before.min, before.max, before.step ?? 1], [after.min, after.max, after.step ?? 1])
  ) {
    changes.push('scale-range');
  }
  if (!sameJson(limitsOf(before), limitsOf(after))) changes.push('limits');
  if (!sameJson(patternMessage(before), patternMessage(after))) changes.push('label');
  return [...new Set(changes)];
}

/** What changed from version `before` to version `after`, question by question (matched by code). */
export function diffVersions(before: FormDefinition, after: FormDefinition): FormDiff {
  const old = new Map(questionsInOrder(before).map((entry) => [entry.question.code, entry]));
  const now = questionsInOrder(after);
  const nowCodes = new Set(now.map((entry) => entry.question.code));
  const added: string[] = [];
  const changed: QuestionChange[] = [];
  for (const entry of now) {
    const previous = old.get(entry.question.code);
    if (!previous) {
      added.push(entry.question.code);
      continue;
    }
    const changes = questionChanges(previous.question, entry.question, previous.page.code, entry.page.code);
    if (changes.length === 0) continue;
    const severity = SEVERITY_ORDER.reduce<ChangeSeverity>((worst, s) => (changes.some((c) => SEVERITY[c] === s) ? s : worst), 'wording');
    changed.push({ code: entry.question.code, changes, severity });
  }
  const removed = [...old.keys()].filter((code) => !nowCodes.has(code));
  return { added, removed, changed, breaking: removed.length > 0 || changed.some((c) => c.severity === 'structure') };
}

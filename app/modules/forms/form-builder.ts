/**
 * The form builder's edit operations on a definition (decision 0011). Every operation takes a
 * definition and returns a NEW one (the argument is never changed), addressing pages, sections,
 * questions and list items by their codes, so a stale page posting again edits what it showed or
 * is refused, never a neighbour. Problems between parts (an empty page, a condition on a later
 * question) are not refused here: the builder saves them and `checkFormDefinition` shows them
 * beside their fields; only what cannot be saved at all (an unknown code, a taken or frozen code,
 * a value of the wrong shape) is refused with an AppError.
 *
 * Codes: generated from the label when none is typed (`Taille de l'entreprise` -> `taille-de-l-entreprise`),
 * made unique, and editable until the thing is first published: a code present in a published
 * version is frozen (`frozenCodes`), since answers, conditions and exports use it. Pure.
 */
import { AppError, type FieldIssue } from '#app/shared/errors.ts';
import { toFieldIssues } from '#app/shared/validation.ts';
import { OPERATORS_BY_TYPE } from './form-conditions.ts';
import { questionsInOrder } from './form-definition.ts';
import {
  type AnswerOperator,
  type Condition,
  type DefinitionProblem,
  type FormDefinition,
  type FormOption,
  type FormPage,
  type FormQuestion,
  type FormSection,
  type FormText,
  formCodeSchema,
  formHelpSchema,
  formLabelSchema,
  formQuestionSchema,
  type QuestionType,
} from './forms.contracts.ts';

const LANGUAGES = ['ar', 'fr', 'en'] as const;

/** The labelled lists a question may have: choices and ranking have options, a matrix rows and columns. */
export type ListName = 'options' | 'rows' | 'columns';
export type Delta = -1 | 1;

/** What a POSTed form gives: the value of a field by its name (undefined when absent). */
export type FieldReader = (name: string) => string | undefined;

// ---- Errors -----------------------------------------------------------------------------------

function notFound(kind: 'page' | 'section' | 'question' | 'item', code: string): AppError {
  return new AppError('FORMS_BUILDER_NOT_FOUND', 404, { kind, code });
}

function invalid(fields: FieldIssue[]): AppError {
  return new AppError('FORMS_BUILDER_INVALID', 400, { fields });
}

// ---- Codes ------------------------------------------------------------------------------------

/** A code from a label: its English, French or Arabic text in ASCII (accents dropped), or `fallback` when nothing is left (Arabic only). */
export function codeFromLabel(label: FormText | undefined, fallback: string): string {
  const text = label?.en ?? label?.fr ?? label?.ar ?? '';
  const code = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return code === '' ? fallback : code;
}

/** `code`, or `code-2`, `code-3`... : the first one not in `taken`. */
export function uniqueCode(code: string, taken: ReadonlySet<string>): string {
  if (!taken.has(code)) return code;
  for (let n = 2; ; n += 1) {
    const candidate = `${code.slice(0, 60)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function pageCodes(definition: FormDefinition): Set<string> {
  return new Set(definition.pages.map((page) => page.code));
}

function sectionCodes(definition: FormDefinition): Set<string> {
  return new Set(definition.pages.flatMap((page) => page.sections.map((section) => section.code)));
}

function questionCodes(definition: FormDefinition): Set<string> {
  return new Set(questionsInOrder(definition).map((entry) => entry.question.code));
}

/** A typed code checked (shape, not taken), or one generated from the label. */
function chosenCode(typed: string | undefined, label: FormText | undefined, fallback: string, taken: ReadonlySet<string>): string {
  const trimmed = typed?.trim().toLowerCase();
  if (!trimmed) return uniqueCode(codeFromLabel(label, fallback), taken);
  if (!formCodeSchema.safeParse(trimmed).success) throw invalid([{ field: 'code', code: 'FORMS_BUILDER_CODE_INVALID' }]);
  if (taken.has(trimmed))
    throw new AppError('FORMS_BUILDER_CODE_TAKEN', 409, { fields: [{ field: 'code', code: 'FORMS_BUILDER_CODE_TAKEN' }] });
  return trimmed;
}

/**
 * Every code a published version holds, as `page:<code>`, `section:<code>`, `question:<code>` and
 * `<question>.<list>:<code>`: those can no longer be changed.
 */
export function frozenCodes(published: readonly FormDefinition[]): Set<string> {
  const frozen = new Set<string>();
  for (const definition of published) {
    for (const page of definition.pages) {
      frozen.add(`page:${page.code}`);
      for (const section of page.sections) {
        frozen.add(`section:${section.code}`);
        for (const question of section.questions) {
          frozen.add(`question:${question.code}`);
          for (const list of listsOf(question))
            for (const item of itemsOf(question, list)) frozen.add(`${question.code}.${list}:${item.code}`);
        }
      }
    }
  }
  return frozen;
}

/** The new code of a renamed thing: unchanged, or checked (shape, free, not frozen). */
function renamedCode(
  current: string,
  typed: string | undefined,
  key: string,
  frozen: ReadonlySet<string>,
  taken: ReadonlySet<string>,
): string {
  const trimmed = typed?.trim().toLowerCase();
  if (trimmed === undefined || trimmed === '' || trimmed === current) return current;
  if (frozen.has(key))
    throw new AppError('FORMS_BUILDER_CODE_FROZEN', 409, { fields: [{ field: 'code', code: 'FORMS_BUILDER_CODE_FROZEN' }] });
  const others = new Set(taken);
  others.delete(current);
  return chosenCode(trimmed, undefined, current, others);
}

// ---- Finding things ---------------------------------------------------------------------------

function copyOf(definition: FormDefinition): FormDefinition {
  return structuredClone(definition);
}

function pageIn(definition: FormDefinition, code: string): FormPage {
  const page = definition.pages.find((p) => p.code === code);
  if (!page) throw notFound('page', code);
  return page;
}

function sectionIn(definition: FormDefinition, code: string): { page: FormPage; section: FormSection } {
  for (const page of definition.pages) {
    const section = page.sections.find((s) => s.code === code);
    if (section) return { page, section };
  }
  throw notFound('section', code);
}

function questionIn(definition: FormDefinition, code: string): { page: FormPage; section: FormSection; index: number } {
  for (const page of definition.pages) {
    for (const section of page.sections) {
      const index = section.questions.findIndex((q) => q.code === code);
      if (index >= 0) return { page, section, index };
    }
  }
  throw notFound('question', code);
}

/** The question of that code in a definition. */
export function findQuestion(definition: FormDefinition, code: string): FormQuestion {
  const { section, index } = questionIn(definition, code);
  return section.questions[index] as FormQuestion;
}

/** Moves the item at `index` one place up or down; unchanged at either end. */
function moveWithin<T>(items: T[], index: number, delta: Delta): void {
  const target = index + delta;
  if (target < 0 || target >= items.length) return;
  const [item] = items.splice(index, 1);
  items.splice(target, 0, item as T);
}

/** A text with its empty languages dropped; undefined when no language is left. */
function cleanText(text: FormText | undefined): FormText | undefined {
  if (!text) return undefined;
  const clean: FormText = {};
  for (const language of LANGUAGES) {
    const value = text[language]?.trim();
    if (value) clean[language] = value;
  }
  return Object.keys(clean).length > 0 ? clean : undefined;
}

function requiredLabel(label: FormText | undefined, field = 'label'): FormText {
  const clean = cleanText(label);
  const parsed = formLabelSchema.safeParse(clean ?? {});
  if (!parsed.success) throw invalid([{ field, code: clean ? 'too_big' : 'required' }]);
  return parsed.data;
}

function optionalText(text: FormText | undefined, field: string, schema: typeof formLabelSchema | typeof formHelpSchema) {
  const clean = cleanText(text);
  if (!clean) return undefined;
  const parsed = schema.safeParse(clean);
  if (!parsed.success) throw invalid([{ field, code: 'too_big' }]);
  return parsed.data;
}

// ---- Pages ------------------------------------------------------------------------------------

export interface TitledInput {
  title?: FormText;
  code?: string;
}

/** Adds a page at the end, with one section ready for questions. */
export function addPage(definition: FormDefinition, input: TitledInput = {}): FormDefinition {
  const next = copyOf(definition);
  const title = optionalText(input.title, 'title', formLabelSchema);
  const code = chosenCode(input.code, title, `page-${next.pages.length + 1}`, pageCodes(next));
  const sectionCode = uniqueCode(`${code}-section`, sectionCodes(next));
  next.pages.push({ code, ...(title ? { title } : {}), sections: [{ code: sectionCode, questions: [] }] });
  return next;
}

/** Changes a page's title (none when every language is empty) and, until published, its code. */
export function updatePage(
  definition: FormDefinition,
  pageCode: string,
  input: TitledInput,
  frozen: ReadonlySet<string> = new Set(),
): FormDefinition {
  const next = copyOf(definition);
  const page = pageIn(next, pageCode);
  const title = optionalText(input.title, 'title', formLabelSchema);
  if (title) page.title = title;
  else delete page.title;
  page.code = renamedCode(page.code, input.code, `page:${page.code}`, frozen, pageCodes(next));
  return next;
}

export function deletePage(definition: FormDefinition, pageCode: string): FormDefinition {
  const next = copyOf(definition);
  pageIn(next, pageCode);
  next.pages = next.pages.filter((page) => page.code !== pageCode);
  return next;
}

export function movePage(definition: FormDefinition, pageCode: string, delta: Delta): FormDefinition {
  const next = copyOf(definition);
  const index = next.pages.indexOf(pageIn(next, pageCode));
  moveWithin(next.pages, index, delta);
  return next;
}

// ---- Sections ---------------------------------------------------------------------------------

export function addSection(definition: FormDefinition, pageCode: string, input: TitledInput = {}): FormDefinition {
  const next = copyOf(definition);
  const page = pageIn(next, pageCode);
  const title = optionalText(input.title, 'title', formLabelSchema);
  const code = chosenCode(input.code, title, `${page.code}-section`, sectionCodes(next));
  page.sections.push({ code, ...(title ? { title } : {}), questions: [] });
  return next;
}

export function updateSection(
  definition: FormDefinition,
  sectionCode: string,
  input: TitledInput,
  frozen: ReadonlySet<string> = new Set(),
): FormDefinition {
  const next = copyOf(definition);
  const { section } = sectionIn(next, sectionCode);
  const title = optionalText(input.title, 'title', formLabelSchema);
  if (title) section.title = title;
  else delete section.title;
  section.code = renamedCode(section.code, input.code, `section:${section.code}`, frozen, sectionCodes(next));
  return next;
}

export function deleteSection(definition: FormDefinition, sectionCode: string): FormDefinition {
  const next = copyOf(definition);
  const { page } = sectionIn(next, sectionCode);
  page.sections = page.sections.filter((section) => section.code !== sectionCode);
  return next;
}

/** Moves a section within its page. */
export function moveSection(definition: FormDefinition, sectionCode: string, delta: Delta): FormDefinition {
  const next = copyOf(definition);
  const { page, section } = sectionIn(next, sectionCode);
  moveWithin(page.sections, page.sections.indexOf(section), delta);
  return next;
}

// ---- Questions --------------------------------------------------------------------------------

/** A question of a type with the least it needs (a scale from 1 to 5, a file of at most 5 MB); its lists start empty. */
export function blankQuestion(type: QuestionType, code: string, label: FormText): FormQuestion {
  const base = { code, label };
  switch (type) {
    case 'single-choice':
    case 'multiple-choice':
    case 'ranking':
      return { ...base, type, options: [] };
    case 'scale':
      return { ...base, type, min: 1, max: 5 };
    case 'file':
      return { ...base, type, accept: [], maxBytes: 5 * 1024 * 1024 };
    case 'matrix':
      return { ...base, type, rows: [], columns: [] };
    default:
      return { ...base, type };
  }
}

export interface NewQuestionInput {
  type: QuestionType;
  label: FormText;
  code?: string;
}

/** Adds a question at the end of a section. */
export function addQuestion(definition: FormDefinition, sectionCode: string, input: NewQuestionInput): FormDefinition {
  const next = copyOf(definition);
  const { section } = sectionIn(next, sectionCode);
  const label = requiredLabel(input.label);
  const code = chosenCode(input.code, label, 'question', questionCodes(next));
  section.questions.push(blankQuestion(input.type, code, label));
  return next;
}

export interface QuestionPatch {
  code?: string;
  label?: FormText;
  /** Undefined keeps the help; an empty text removes it. */
  help?: FormText;
  required?: boolean;
  /** The type's rules (`minLength`, `max`, `other`...): replace all the rules the type has. */
  rules?: Partial<Record<RuleName, unknown>>;
}

/** Edits a question: label, help, required, its type's rules and (until published) its code; refused when the result is not a valid question. */
export function updateQuestion(
  definition: FormDefinition,
  questionCode: string,
  patch: QuestionPatch,
  frozen: ReadonlySet<string> = new Set(),
): FormDefinition {
  const next = copyOf(definition);
  const { section, index } = questionIn(next, questionCode);
  const current = section.questions[index] as FormQuestion;
  const edited: Record<string, unknown> = { ...current };
  if (patch.label !== undefined) edited.label = requiredLabel(patch.label);
  if (patch.help !== undefined) edited.help = optionalText(patch.help, 'help', formHelpSchema);
  if (patch.required !== undefined) edited.required = patch.required || undefined;
  if (patch.rules) {
    for (const rule of RULES_BY_TYPE[current.type]) edited[rule.name] = patch.rules[rule.name];
  }
  edited.code = renamedCode(current.code, patch.code, `question:${current.code}`, frozen, questionCodes(next));
  for (const key of Object.keys(edited)) if (edited[key] === undefined) delete edited[key];
  const parsed = formQuestionSchema.safeParse(edited);
  if (!parsed.success) throw invalid(toFieldIssues(parsed.error));
  section.questions[index] = parsed.data;
  return next;
}

/**
 * Changes a question's type, keeping its code, label, help, required and condition; what only
 * the old type had (options, limits) is dropped, except options between choice and ranking types.
 * `diffVersions` calls this change breaking once the question is published.
 */
export function changeQuestionType(definition: FormDefinition, questionCode: string, type: QuestionType): FormDefinition {
  const next = copyOf(definition);
  const { section, index } = questionIn(next, questionCode);
  const current = section.questions[index] as FormQuestion;
  if (current.type === type) return next;
  const fresh: FormQuestion = blankQuestion(type, current.code, current.label);
  const kept = {
    ...(current.help ? { help: current.help } : {}),
    ...(current.required ? { required: true } : {}),
    ...(current.showIf ? { showIf: current.showIf } : {}),
  };
  if ('options' in fresh && 'options' in current) fresh.options = current.options;
  section.questions[index] = { ...fresh, ...kept };
  return next;
}

export function deleteQuestion(definition: FormDefinition, questionCode: string): FormDefinition {
  const next = copyOf(definition);
  const { section, index } = questionIn(next, questionCode);
  section.questions.splice(index, 1);
  return next;
}

/**
 * Moves a question one place up or down in form order: within its section, or at either end of
 * it into the end (or start) of the section before (after), crossing pages.
 */
export function moveQuestion(definition: FormDefinition, questionCode: string, delta: Delta): FormDefinition {
  const next = copyOf(definition);
  const { section, index } = questionIn(next, questionCode);
  const target = index + delta;
  if (target >= 0 && target < section.questions.length) {
    moveWithin(section.questions, index, delta);
    return next;
  }
  const sections = next.pages.flatMap((page) => page.sections);
  const neighbour = sections[sections.indexOf(section) + delta];
  if (!neighbour) return next;
  const [question] = section.questions.splice(index, 1);
  if (delta < 0) neighbour.questions.push(question as FormQuestion);
  else neighbour.questions.unshift(question as FormQuestion);
  return next;
}

// ---- Options, rows and columns ----------------------------------------------------------------

/** The lists a question of this type has. */
export function listsOf(question: FormQuestion): ListName[] {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
    case 'ranking':
      return ['options'];
    case 'matrix':
      return ['rows', 'columns'];
    default:
      return [];
  }
}

function itemsOf(question: FormQuestion, list: ListName): FormOption[] {
  if (!listsOf(question).includes(list)) throw invalid([{ field: 'list', code: 'FORMS_BUILDER_NO_LIST' }]);
  return (question as unknown as Record<ListName, FormOption[]>)[list];
}

function listIn(definition: FormDefinition, questionCode: string, list: ListName): FormOption[] {
  return itemsOf(findQuestion(definition, questionCode), list);
}

export interface ItemInput {
  label?: FormText;
  code?: string;
}

/** Adds an option (row, column) at the end of the question's list. */
export function addListItem(definition: FormDefinition, questionCode: string, list: ListName, input: ItemInput): FormDefinition {
  const next = copyOf(definition);
  const items = listIn(next, questionCode, list);
  const label = requiredLabel(input.label);
  const fallback = `${list === 'options' ? 'option' : list === 'rows' ? 'row' : 'column'}-${items.length + 1}`;
  const code = chosenCode(input.code, label, fallback, new Set(items.map((item) => item.code)));
  items.push({ code, label });
  return next;
}

export function updateListItem(
  definition: FormDefinition,
  questionCode: string,
  list: ListName,
  itemCode: string,
  input: ItemInput,
  frozen: ReadonlySet<string> = new Set(),
): FormDefinition {
  const next = copyOf(definition);
  const items = listIn(next, questionCode, list);
  const item = items.find((i) => i.code === itemCode);
  if (!item) throw notFound('item', itemCode);
  if (input.label !== undefined) item.label = requiredLabel(input.label);
  const taken = new Set(items.map((i) => i.code));
  item.code = renamedCode(item.code, input.code, `${questionCode}.${list}:${item.code}`, frozen, taken);
  return next;
}

export function deleteListItem(definition: FormDefinition, questionCode: string, list: ListName, itemCode: string): FormDefinition {
  const next = copyOf(definition);
  const items = listIn(next, questionCode, list);
  const index = items.findIndex((i) => i.code === itemCode);
  if (index < 0) throw notFound('item', itemCode);
  items.splice(index, 1);
  return next;
}

export function moveListItem(
  definition: FormDefinition,
  questionCode: string,
  list: ListName,
  itemCode: string,
  delta: Delta,
): FormDefinition {
  const next = copyOf(definition);
  const items = listIn(next, questionCode, list);
  const index = items.findIndex((i) => i.code === itemCode);
  if (index < 0) throw notFound('item', itemCode);
  moveWithin(items, index, delta);
  return next;
}

// ---- Conditions -------------------------------------------------------------------------------

/** A question a condition may read, with the tests that apply to its type. */
export interface ConditionSource {
  code: string;
  label: FormText;
  type: QuestionType;
  operators: readonly AnswerOperator[];
  /** The options a choice question's answer may equal or include. */
  options: FormOption[];
}

/** The questions a condition on this question may read: exactly those on earlier pages. */
export function conditionSources(definition: FormDefinition, questionCode: string): ConditionSource[] {
  const located = questionsInOrder(definition);
  const target = located.find((entry) => entry.question.code === questionCode);
  if (!target) throw notFound('question', questionCode);
  return located
    .filter((entry) => entry.pageIndex < target.pageIndex)
    .map(({ question }) => ({
      code: question.code,
      label: question.label,
      type: question.type,
      operators: OPERATORS_BY_TYPE[question.type],
      options: question.type === 'single-choice' || question.type === 'multiple-choice' ? question.options : [],
    }));
}

export interface ConditionInput {
  question: string;
  op: string;
  /** The value as typed or chosen; read as a number for number and scale questions. */
  value?: string;
}

/** The condition the builder's fields describe, checked against the sources this question may read. */
export function conditionFromInput(definition: FormDefinition, questionCode: string, input: ConditionInput): Condition {
  const source = conditionSources(definition, questionCode).find((s) => s.code === input.question);
  if (!source) throw invalid([{ field: 'condition.question', code: 'FORMS_BUILDER_CONDITION_SOURCE' }]);
  const op = source.operators.find((o) => o === input.op);
  if (!op) throw invalid([{ field: 'condition.op', code: 'FORMS_DEFINITION_CONDITION_OPERATOR' }]);
  if (op === 'answered' || op === 'notAnswered') return { op, question: source.code };
  const text = input.value?.trim() ?? '';
  if (text === '') throw invalid([{ field: 'condition.value', code: 'required' }]);
  if (op === 'includes') return { op, question: source.code, value: text };
  if (source.type === 'number' || source.type === 'scale') {
    const number = Number(text.replace(',', '.'));
    if (!Number.isFinite(number)) throw invalid([{ field: 'condition.value', code: 'FORMS_DEFINITION_CONDITION_VALUE' }]);
    return { op, question: source.code, value: number };
  }
  return { op, question: source.code, value: text };
}

/** Sets (or, with undefined, clears) a question's show-if condition. */
export function setQuestionCondition(definition: FormDefinition, questionCode: string, condition: Condition | undefined): FormDefinition {
  const next = copyOf(definition);
  const { section, index } = questionIn(next, questionCode);
  const question = section.questions[index] as FormQuestion;
  if (condition) question.showIf = condition;
  else delete question.showIf;
  return next;
}

// ---- Rules, read from a form ------------------------------------------------------------------

/** How a rule is typed in the builder. */
export type RuleKind = 'int' | 'number' | 'boolean' | 'date' | 'label' | 'pattern' | 'media-types' | 'megabytes';
export type RuleName =
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'min'
  | 'max'
  | 'integer'
  | 'step'
  | 'minLabel'
  | 'maxLabel'
  | 'other'
  | 'minSelections'
  | 'maxSelections'
  | 'maxRanked'
  | 'accept'
  | 'maxBytes';

export interface RuleField {
  name: RuleName;
  kind: RuleKind;
}

const TEXT_RULES: readonly RuleField[] = [
  { name: 'minLength', kind: 'int' },
  { name: 'maxLength', kind: 'int' },
  { name: 'pattern', kind: 'pattern' },
];

/** The rules each question type has (what forms.contracts.ts accepts), in the order the builder shows them. */
export const RULES_BY_TYPE: Record<QuestionType, readonly RuleField[]> = {
  'short-text': TEXT_RULES,
  'long-text': TEXT_RULES,
  number: [
    { name: 'min', kind: 'number' },
    { name: 'max', kind: 'number' },
    { name: 'integer', kind: 'boolean' },
  ],
  'single-choice': [{ name: 'other', kind: 'label' }],
  'multiple-choice': [
    { name: 'minSelections', kind: 'int' },
    { name: 'maxSelections', kind: 'int' },
    { name: 'other', kind: 'label' },
  ],
  scale: [
    { name: 'min', kind: 'int' },
    { name: 'max', kind: 'int' },
    { name: 'step', kind: 'int' },
    { name: 'minLabel', kind: 'label' },
    { name: 'maxLabel', kind: 'label' },
  ],
  ranking: [{ name: 'maxRanked', kind: 'int' }],
  date: [
    { name: 'min', kind: 'date' },
    { name: 'max', kind: 'date' },
  ],
  file: [
    { name: 'accept', kind: 'media-types' },
    { name: 'maxBytes', kind: 'megabytes' },
  ],
  matrix: [],
};

const MEGABYTE = 1024 * 1024;

function textFromFields(read: FieldReader, prefix: string): FormText | undefined {
  return cleanText({ ar: read(`${prefix}.ar`), fr: read(`${prefix}.fr`), en: read(`${prefix}.en`) });
}

/** A trilingual text from fields `<prefix>.ar`, `<prefix>.fr`, `<prefix>.en` (empty ones dropped). */
export function formTextFromFields(read: FieldReader, prefix: string): FormText {
  return textFromFields(read, prefix) ?? {};
}

/**
 * The rules of a question type from the builder's fields (`rule.<name>`, `rule.<name>.<lang>` for
 * a label, `rule.pattern` and `rule.pattern.message.<lang>`): empty fields leave the rule out. A
 * number that cannot be read is refused with the field named.
 */
export function rulesFromFields(type: QuestionType, read: FieldReader): Partial<Record<RuleName, unknown>> {
  const rules: Partial<Record<RuleName, unknown>> = {};
  const issues: FieldIssue[] = [];
  for (const { name, kind } of RULES_BY_TYPE[type]) {
    const field = `rule.${name}`;
    const text = read(field)?.trim() ?? '';
    switch (kind) {
      case 'boolean':
        if (text !== '') rules[name] = true;
        break;
      case 'label':
        if (name === 'other') {
          const label = textFromFields(read, field);
          if (label) rules.other = { label };
        } else rules[name] = textFromFields(read, field);
        break;
      case 'pattern': {
        const message = textFromFields(read, `${field}.message`);
        if (text !== '') {
          if (!message) issues.push({ field: `${field}.message`, code: 'required' });
          rules.pattern = { regex: text, message };
        }
        break;
      }
      case 'media-types':
        if (text !== '')
          rules.accept = text
            .split(/[\s,]+/)
            .map((t) => t.trim().toLowerCase())
            .filter(Boolean);
        else rules.accept = [];
        break;
      case 'date':
        if (text !== '') rules[name] = text;
        break;
      default: {
        if (text === '') break;
        const number = Number(text.replace(',', '.'));
        if (!Number.isFinite(number) || (kind === 'int' && !Number.isInteger(number)))
          issues.push({ field, code: 'FORMS_BUILDER_NOT_A_NUMBER' });
        else rules[name] = kind === 'megabytes' ? Math.round(number * MEGABYTE) : number;
      }
    }
  }
  if (issues.length > 0) throw invalid(issues);
  return rules;
}

/** What the builder's rule fields show for a question: the inverse of `rulesFromFields`. */
export function ruleFieldValues(question: FormQuestion): Record<string, string> {
  const values: Record<string, string> = {};
  const record = question as unknown as Record<string, unknown>;
  for (const { name, kind } of RULES_BY_TYPE[question.type]) {
    const value = record[name];
    const field = `rule.${name}`;
    if (value === undefined) continue;
    if (kind === 'label') {
      const label = (name === 'other' ? (value as { label: FormText }).label : value) as FormText;
      for (const language of LANGUAGES) if (label[language]) values[`${field}.${language}`] = label[language] as string;
    } else if (kind === 'pattern') {
      const pattern = value as { regex: string; message: FormText };
      values[field] = pattern.regex;
      for (const language of LANGUAGES)
        if (pattern.message[language]) values[`${field}.message.${language}`] = pattern.message[language] as string;
    } else if (kind === 'boolean') values[field] = value ? 'on' : '';
    else if (kind === 'media-types') values[field] = (value as string[]).join(', ');
    else if (kind === 'megabytes') values[field] = String(Number(((value as number) / MEGABYTE).toFixed(3)));
    else values[field] = String(value);
  }
  return values;
}

// ---- Problems beside their fields -------------------------------------------------------------

/** The dotted path of a question in a definition (`pages.0.sections.1.questions.2`). */
export function questionPath(definition: FormDefinition, questionCode: string): string {
  const entry = questionsInOrder(definition).find((e) => e.question.code === questionCode);
  if (!entry) throw notFound('question', questionCode);
  return entry.path;
}

/** The problems at `path` itself or inside it (`pages.0` holds `pages.0.sections.1.code`), but not at `pages.01`. */
export function problemsAt(problems: readonly DefinitionProblem[], path: string, options: { inside?: boolean } = {}): DefinitionProblem[] {
  return problems.filter((problem) => problem.path === path || (options.inside === true && problem.path.startsWith(`${path}.`)));
}

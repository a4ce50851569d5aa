/**
 * What the form builder's pages share on the server: the gate, refusals as error pages or as
 * messages beside the fields, and the editor's POSTs. Every edit is one plain form with an
 * `intent` (a button's value) naming one pure operation of the forms module; it addresses pages,
 * sections, questions and options by code, so a stale page edits what it showed or is refused.
 */
import {
  addListItem,
  addPage,
  addQuestion,
  addSection,
  changeQuestionType,
  conditionFromInput,
  conditionSources,
  type Delta,
  type DraftEdit,
  deleteListItem,
  deletePage,
  deleteQuestion,
  deleteSection,
  type FieldReader,
  findQuestion,
  formTextFromFields,
  type ListName,
  moveListItem,
  movePage,
  moveQuestion,
  moveSection,
  QUESTION_TYPES,
  type QuestionType,
  rulesFromFields,
  setQuestionCondition,
  updateListItem,
  updatePage,
  updateQuestion,
  updateSection,
} from '#app/modules/forms/index.ts';
import { AppError, isAppError } from '#app/shared/errors.ts';
import { asErrorResponse } from '../organisations-manage/manage.server.ts';

export { asErrorResponse, localeOf, requireSignedIn } from '../organisations-manage/manage.server.ts';

/** A refused edit as the page shows it: which form (intent and target) and each field's message key. */
export interface EditFailure {
  intent: string;
  /** The code of the page, section or question the form was about ('' for the whole form). */
  target: string;
  formError: string;
  /** Message keys (`errors.<code>` or `errors.field.<code>`) by field name. */
  fieldErrors: Record<string, string>;
  /** For a refused publication: the problems' count. */
  problems?: number;
  /** What the refused form held (text fields only), shown again so nothing typed is lost. */
  values: Record<string, string>;
}

/** Codes with a message under `errors.field.`; any other zod code is said as "invalid". */
const FIELD_CODES = new Set(['invalid_format', 'invalid_type', 'invalid_value', 'required', 'too_big', 'too_small']);

function fieldMessage(code: string): string {
  if (/^[A-Z][A-Z0-9_]+$/.test(code)) return `errors.${code}`;
  if (code === 'custom') return 'errors.field.required';
  return `errors.field.${FIELD_CODES.has(code) ? code : 'invalid'}`;
}

/** A refusal the page can show beside the fields; signed out, forbidden or a failure of ours becomes the error page. */
export function editFailure(error: unknown, intent: string, target: string, form?: FormData): { status: number; failure: EditFailure } {
  if (!isAppError(error) || error.status >= 500 || error.status === 401 || error.status === 403) asErrorResponse(error);
  if (error.code === 'FORMS_FORM_NOT_FOUND') asErrorResponse(error);
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.details?.fields ?? []) fieldErrors[issue.field] ??= fieldMessage(issue.code);
  const problems = Array.isArray(error.details?.problems) ? error.details.problems.length : undefined;
  const values: Record<string, string> = {};
  for (const [name, value] of form?.entries() ?? []) if (typeof value === 'string' && name !== 'intent') values[name] = value;
  return { status: error.status, failure: { intent, target, formError: `errors.${error.code}`, fieldErrors, problems, values } };
}

function deltaOf(intent: string): Delta {
  return intent.endsWith('-up') ? -1 : 1;
}

function listOf(value: string | undefined): ListName {
  if (value === 'options' || value === 'rows' || value === 'columns') return value;
  throw new AppError('FORMS_BUILDER_INVALID', 400, { fields: [{ field: 'list', code: 'FORMS_BUILDER_NO_LIST' }] });
}

function typeOf(value: string | undefined): QuestionType {
  const type = QUESTION_TYPES.find((t) => t === value);
  if (!type) throw new AppError('FORMS_BUILDER_INVALID', 400, { fields: [{ field: 'type', code: 'invalid_value' }] });
  return type;
}

/** The part of `<code>::<rest>` after the code, when the code is `code`. */
function pairValue(value: string | undefined, code: string): string | undefined {
  if (!value) return undefined;
  const [first, rest] = value.split('::');
  return first === code ? rest : undefined;
}

/** The target an intent is about, for placing its refusal beside the right form. */
export function targetOf(form: FormData): string {
  for (const name of ['item', 'question', 'section', 'page']) {
    const value = form.get(name);
    if (typeof value === 'string' && value !== '') return name === 'item' ? `${String(form.get('question'))}.${value}` : value;
  }
  return '';
}

/**
 * The edit a POSTed builder form asks for, as an operation on the current definition and the
 * frozen codes; undefined for intents that are not edits (publish, discard).
 */
export function editOf(intent: string, form: FormData): DraftEdit | undefined {
  const read: FieldReader = (name) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const code = read('code');
  const page = read('page') ?? '';
  const section = read('section') ?? '';
  const question = read('question') ?? '';
  const item = read('item') ?? '';
  switch (intent) {
    case 'page.add':
      return (d) => addPage(d, { title: formTextFromFields(read, 'title'), code });
    case 'page.update':
      return (d, frozen) => updatePage(d, page, { title: formTextFromFields(read, 'title'), code }, frozen);
    case 'page.delete':
      return (d) => deletePage(d, page);
    case 'page.move-up':
    case 'page.move-down':
      return (d) => movePage(d, page, deltaOf(intent));
    case 'section.add':
      return (d) => addSection(d, page, { title: formTextFromFields(read, 'title'), code });
    case 'section.update':
      return (d, frozen) => updateSection(d, section, { title: formTextFromFields(read, 'title'), code }, frozen);
    case 'section.delete':
      return (d) => deleteSection(d, section);
    case 'section.move-up':
    case 'section.move-down':
      return (d) => moveSection(d, section, deltaOf(intent));
    case 'question.add':
      return (d) => addQuestion(d, section, { type: typeOf(read('type')), label: formTextFromFields(read, 'label'), code });
    case 'question.update':
      return (d, frozen) =>
        updateQuestion(
          d,
          question,
          {
            code,
            label: formTextFromFields(read, 'label'),
            help: formTextFromFields(read, 'help'),
            required: read('required') !== undefined,
            rules: rulesFromFields(findQuestion(d, question).type, read),
          },
          frozen,
        );
    case 'question.type':
      return (d) => changeQuestionType(d, question, typeOf(read('type')));
    case 'question.delete':
      return (d) => deleteQuestion(d, question);
    case 'question.move-up':
    case 'question.move-down':
      return (d) => moveQuestion(d, question, deltaOf(intent));
    case 'item.add':
      return (d) => addListItem(d, question, listOf(read('list')), { label: formTextFromFields(read, 'label'), code });
    case 'item.update':
      return (d, frozen) =>
        updateListItem(d, question, listOf(read('list')), item, { label: formTextFromFields(read, 'label'), code }, frozen);
    case 'item.delete':
      return (d) => deleteListItem(d, question, listOf(read('list')), item);
    case 'item.move-up':
    case 'item.move-down':
      return (d) => moveListItem(d, question, listOf(read('list')), item, deltaOf(intent));
    case 'condition.set':
      return (d) => {
        const [source = '', op = ''] = (read('test') ?? '').split('::');
        const sourceQuestion = conditionSources(d, question).find((s) => s.code === source);
        // A choice question's value is chosen among its options; any other is typed.
        const value = sourceQuestion && sourceQuestion.options.length > 0 ? pairValue(read('valueOption'), source) : read('value');
        return setQuestionCondition(d, question, conditionFromInput(d, question, { question: source, op, value }));
      };
    case 'condition.clear':
      return (d) => setQuestionCondition(d, question, undefined);
    default:
      return undefined;
  }
}

/** Where the page goes back to after an edit: the thing edited (its anchor), or the top. */
export function anchorAfter(intent: string, form: FormData): string {
  const kind = intent.split('.')[0];
  const read = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  if (intent === 'question.add' && read('section')) return `#s-${read('section')}`;
  if (intent === 'section.add' && read('page')) return `#p-${read('page')}`;
  if (intent.endsWith('.delete')) return kind === 'item' || kind === 'condition' ? `#q-${read('question') ?? ''}` : '';
  if (kind === 'question' || kind === 'item' || kind === 'condition') return read('question') ? `#q-${read('question')}` : '';
  if (kind === 'section' && read('section')) return `#s-${read('section')}`;
  if (kind === 'page' && read('page')) return `#p-${read('page')}`;
  return '';
}

/**
 * Contracts of the form engine (decision 0011): a form definition version is pages -> sections ->
 * questions; every page, section, question, option, matrix row and column has a stable `code`
 * (what answers, conditions and exports use) distinct from its trilingual labels (what people
 * read). The engine knows nothing of surveys, registrations or calls: they own a form by its code.
 *
 * The schemas check the shape only; the rules between parts (codes unique, conditions on earlier
 * questions, min <= max...) are `checkFormDefinition`'s, so a builder can save a draft that still
 * has problems and show each problem beside its field.
 */
import { z } from 'zod';
import { MAX_FILE_BYTES } from '#app/shared/files/files.contracts.ts';
import { translatableTextSchemaOf } from '#app/shared/i18n/translatable.contracts.ts';

/** Stable codes: `org-size`, `q_12`, `1`. No dot, so `<question>.<option>` field names never clash. */
export const formCodeSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/)
  .meta({ description: 'Stable code: lower-case letters, digits, `-` and `_`.', example: 'org-size' });

export const formLabelSchema = translatableTextSchemaOf(z.string().trim().min(1).max(500));
export const formHelpSchema = translatableTextSchemaOf(z.string().trim().min(1).max(2000));
export type FormText = z.infer<typeof formLabelSchema>;

export const QUESTION_TYPES = [
  'short-text',
  'long-text',
  'number',
  'single-choice',
  'multiple-choice',
  'scale',
  'ranking',
  'date',
  'file',
  'matrix',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Hard caps of text answers when a question sets no lower maximum. */
export const TEXT_LIMITS = { 'short-text': 500, 'long-text': 10_000 } as const;
/** The longest "other, please say" text. */
export const OTHER_TEXT_MAX_LENGTH = 200;

// ---- Conditions -------------------------------------------------------------------------------

export const COMPARISON_OPERATORS = ['equals', 'notEquals', 'gt', 'gte', 'lt', 'lte'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];
export const PRESENCE_OPERATORS = ['answered', 'notAnswered'] as const;
export type PresenceOperator = (typeof PRESENCE_OPERATORS)[number];
export type AnswerOperator = ComparisonOperator | PresenceOperator | 'includes';

/**
 * When a page, section or question shows: a test on the answer to an EARLIER question (on an
 * earlier page: see `checkFormDefinition`), or `all` / `any` / `not` of conditions, nested freely.
 * A question that is not shown counts as not answered.
 */
export type Condition =
  | { op: 'all' | 'any'; conditions: Condition[] }
  | { op: 'not'; condition: Condition }
  | { op: ComparisonOperator; question: string; value: string | number }
  | { op: 'includes'; question: string; value: string }
  | { op: PresenceOperator; question: string };

export const conditionSchema: z.ZodType<Condition> = z
  .lazy(() =>
    z.discriminatedUnion('op', [
      z.object({ op: z.enum(['all', 'any']), conditions: z.array(conditionSchema).min(1).max(50) }),
      z.object({ op: z.literal('not'), condition: conditionSchema }),
      z.object({ op: z.enum(COMPARISON_OPERATORS), question: formCodeSchema, value: z.union([z.string().max(500), z.number()]) }),
      z.object({ op: z.literal('includes'), question: formCodeSchema, value: formCodeSchema }),
      z.object({ op: z.enum(PRESENCE_OPERATORS), question: formCodeSchema }),
    ]),
  )
  .meta({ id: 'FormCondition', description: 'Show-if condition on answers to questions of earlier pages; `all`/`any`/`not` nest.' });

// ---- Questions --------------------------------------------------------------------------------

export const formOptionSchema = z.object({ code: formCodeSchema, label: formLabelSchema }).meta({ id: 'FormOption' });
export type FormOption = z.infer<typeof formOptionSchema>;

/** `YYYY-MM-DD`; whether the day exists is checked by `checkFormDefinition` / `validateAnswers`. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** `application/pdf`, or a family such as `image/*`. */
export const mediaTypePatternSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/(\*|[a-z0-9][a-z0-9!#$&^_.+-]*)$/);

const questionBase = {
  code: formCodeSchema,
  label: formLabelSchema,
  help: formHelpSchema.optional(),
  required: z.boolean().optional(),
  showIf: conditionSchema.optional(),
};

const textRules = {
  minLength: z.int().min(0).max(TEXT_LIMITS['long-text']).optional(),
  maxLength: z.int().min(1).max(TEXT_LIMITS['long-text']).optional(),
  /** A regular expression the whole answer must match (Unicode mode), with its own translated message. */
  pattern: z.object({ regex: z.string().min(1).max(200), message: formLabelSchema }).optional(),
};

/** "Other, please say": one more choice with its own label, answered with a free text. */
const otherChoiceSchema = z.object({ label: formLabelSchema }).optional();

export const shortTextQuestionSchema = z.object({ ...questionBase, type: z.literal('short-text'), ...textRules });
export const longTextQuestionSchema = z.object({ ...questionBase, type: z.literal('long-text'), ...textRules });
export const numberQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
});
export const singleChoiceQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('single-choice'),
  options: z.array(formOptionSchema).max(200),
  other: otherChoiceSchema,
});
export const multipleChoiceQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('multiple-choice'),
  options: z.array(formOptionSchema).max(200),
  other: otherChoiceSchema,
  minSelections: z.int().min(1).optional(),
  maxSelections: z.int().min(1).optional(),
});
export const scaleQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('scale'),
  min: z.int(),
  max: z.int(),
  /** 1 when absent. */
  step: z.int().min(1).optional(),
  minLabel: formLabelSchema.optional(),
  maxLabel: formLabelSchema.optional(),
});
export const rankingQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('ranking'),
  options: z.array(formOptionSchema).max(50),
  /** Rank the top N only; every option when absent. */
  maxRanked: z.int().min(1).optional(),
});
export const dateQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('date'),
  min: isoDateSchema.optional(),
  max: isoDateSchema.optional(),
});
export const fileQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('file'),
  /** Media types accepted (`application/pdf`, `image/*`); any type when empty. */
  accept: z.array(mediaTypePatternSchema).max(20),
  maxBytes: z.int().min(1).max(MAX_FILE_BYTES),
});
export const matrixQuestionSchema = z.object({
  ...questionBase,
  type: z.literal('matrix'),
  rows: z.array(formOptionSchema).max(50),
  columns: z.array(formOptionSchema).max(20),
});

export const formQuestionSchema = z
  .discriminatedUnion('type', [
    shortTextQuestionSchema,
    longTextQuestionSchema,
    numberQuestionSchema,
    singleChoiceQuestionSchema,
    multipleChoiceQuestionSchema,
    scaleQuestionSchema,
    rankingQuestionSchema,
    dateQuestionSchema,
    fileQuestionSchema,
    matrixQuestionSchema,
  ])
  .meta({ id: 'FormQuestion' });

export type FormQuestion = z.infer<typeof formQuestionSchema>;
export type QuestionOfType<T extends QuestionType> = Extract<FormQuestion, { type: T }>;
export type TextQuestion = QuestionOfType<'short-text' | 'long-text'>;
export type ChoiceQuestion = QuestionOfType<'single-choice' | 'multiple-choice'>;

// ---- Sections, pages, the definition ------------------------------------------------------------

export const formSectionSchema = z
  .object({
    code: formCodeSchema,
    title: formLabelSchema.optional(),
    description: formHelpSchema.optional(),
    showIf: conditionSchema.optional(),
    questions: z.array(formQuestionSchema).max(200),
  })
  .meta({ id: 'FormSection' });
export type FormSection = z.infer<typeof formSectionSchema>;

/** What one screen (one no-JavaScript POST) shows. */
export const formPageSchema = z
  .object({
    code: formCodeSchema,
    title: formLabelSchema.optional(),
    showIf: conditionSchema.optional(),
    sections: z.array(formSectionSchema).max(50),
  })
  .meta({ id: 'FormPage', description: 'What one screen (one POST without JavaScript) shows.' });
export type FormPage = z.infer<typeof formPageSchema>;

export const formDefinitionSchema = z
  .object({
    code: formCodeSchema,
    title: formLabelSchema,
    description: formHelpSchema.optional(),
    pages: z.array(formPageSchema).max(100),
  })
  .meta({ id: 'FormDefinition', description: 'One version of a form: pages, sections, questions, each with a stable code.' });
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

// ---- Answers ----------------------------------------------------------------------------------

/** A choice: an option's code, or the "other, please say" text. */
export type ChoiceValue = string | { other: string };

/** A file's metadata (its bytes are the file store's); `fileId` once the service has stored it. */
export interface FileAnswer {
  name: string;
  mediaType: string;
  size: number;
  fileId?: string;
}

/** The value of an answer to each type of question. */
export interface AnswerValueByType {
  'short-text': string;
  'long-text': string;
  number: number;
  'single-choice': ChoiceValue;
  'multiple-choice': ChoiceValue[];
  scale: number;
  /** Option codes, best first. */
  ranking: string[];
  /** `YYYY-MM-DD`. */
  date: string;
  file: FileAnswer;
  /** Row code -> column code. */
  matrix: Record<string, string>;
}
export type AnswerValue = AnswerValueByType[QuestionType];

/** Question code -> answer. Unanswered questions have no key. */
export type FormAnswers = Record<string, AnswerValue>;

/**
 * Answers as they arrive (JSON from the API, a stored draft): any key, so an unknown code is
 * reported by `validateAnswers` as FORMS_ANSWER_UNKNOWN_QUESTION beside the others.
 */
export const rawAnswersSchema = z.record(z.string().max(200), z.unknown());
export type RawAnswers = Record<string, unknown>;

/** A response as stored: always read with the version it was given against. */
export const storedResponseSchema = z.object({
  formCode: formCodeSchema,
  version: z.int().min(1),
  answers: rawAnswersSchema,
});
export interface StoredResponse {
  formCode: string;
  version: number;
  answers: FormAnswers;
}

/** A version of a form: a draft (publishedAt null, editable) or published (immutable). */
export interface FormVersion {
  formCode: string;
  version: number;
  publishedAt: Date | null;
  definition: FormDefinition;
}

// ---- Error codes ------------------------------------------------------------------------------

/** What `validateAnswers` and `answersFromFormFields` report; each has a message `errors.<CODE>`. */
export const FORMS_ANSWER_ERROR_CODES = [
  'FORMS_ANSWER_REQUIRED',
  'FORMS_ANSWER_UNKNOWN_QUESTION',
  'FORMS_ANSWER_WRONG_TYPE',
  'FORMS_ANSWER_TOO_SHORT',
  'FORMS_ANSWER_TOO_LONG',
  'FORMS_ANSWER_PATTERN_MISMATCH',
  'FORMS_ANSWER_NOT_A_NUMBER',
  'FORMS_ANSWER_NOT_AN_INTEGER',
  'FORMS_ANSWER_TOO_SMALL',
  'FORMS_ANSWER_TOO_LARGE',
  'FORMS_ANSWER_NOT_ON_SCALE',
  'FORMS_ANSWER_NOT_AN_OPTION',
  'FORMS_ANSWER_DUPLICATE_OPTION',
  'FORMS_ANSWER_OTHER_TEXT_REQUIRED',
  'FORMS_ANSWER_TOO_FEW_CHOICES',
  'FORMS_ANSWER_TOO_MANY_CHOICES',
  'FORMS_ANSWER_RANK_DUPLICATE',
  'FORMS_ANSWER_RANK_OUT_OF_RANGE',
  'FORMS_ANSWER_RANKING_INCOMPLETE',
  'FORMS_ANSWER_NOT_A_DATE',
  'FORMS_ANSWER_DATE_TOO_EARLY',
  'FORMS_ANSWER_DATE_TOO_LATE',
  'FORMS_ANSWER_UNKNOWN_ROW',
  'FORMS_ANSWER_ROW_REQUIRED',
  'FORMS_FILE_TOO_LARGE',
  'FORMS_FILE_TYPE_REFUSED',
] as const;
export type FormAnswerErrorCode = (typeof FORMS_ANSWER_ERROR_CODES)[number];

/**
 * One problem with one answer. `field` is the HTML field name the page gives the input
 * (`org-size`, `training.design` for a matrix row or ranked option, `org-size._other` for the
 * "other" text), so the page shows the message beside it; `message` is the definition's own text
 * (a pattern's message), shown instead of the catalog's when present.
 */
export interface AnswerError {
  question: string;
  field: string;
  code: FormAnswerErrorCode;
  values?: Record<string, string | number>;
  message?: FormText;
}

/** What `checkFormDefinition` reports; each has a message `errors.<CODE>`. */
export const FORMS_DEFINITION_PROBLEM_CODES = [
  'FORMS_DEFINITION_DUPLICATE_CODE',
  'FORMS_DEFINITION_NO_PAGES',
  'FORMS_DEFINITION_EMPTY_PAGE',
  'FORMS_DEFINITION_EMPTY_SECTION',
  'FORMS_DEFINITION_NO_OPTIONS',
  'FORMS_DEFINITION_MIN_ABOVE_MAX',
  'FORMS_DEFINITION_LIMIT_ABOVE_OPTIONS',
  'FORMS_DEFINITION_SCALE_STEP',
  'FORMS_DEFINITION_PATTERN_INVALID',
  'FORMS_DEFINITION_DATE_INVALID',
  'FORMS_DEFINITION_CONDITION_UNKNOWN_QUESTION',
  'FORMS_DEFINITION_CONDITION_LATER_QUESTION',
  'FORMS_DEFINITION_CONDITION_SAME_PAGE',
  'FORMS_DEFINITION_CONDITION_OPERATOR',
  'FORMS_DEFINITION_CONDITION_VALUE',
  'FORMS_DEFINITION_CONDITION_UNKNOWN_OPTION',
] as const;
export type FormDefinitionProblemCode = (typeof FORMS_DEFINITION_PROBLEM_CODES)[number];

/** A problem of a definition; `path` is the dotted path of the field (`pages.0.sections.1.questions.2.max`). */
export interface DefinitionProblem {
  path: string;
  code: FormDefinitionProblemCode;
  values?: Record<string, string | number>;
}

/**
 * The rules between the parts of a form definition, which its Zod schema cannot see: codes
 * unique, limits that fit together, conditions that read an earlier question with an operator and
 * a value that fit it. `checkFormDefinition` lists every problem with the dotted path of the field
 * at fault, so a builder can show each one beside its field; a version is published only without
 * problems. Pure.
 *
 * Why a condition may only read a question on an EARLIER PAGE: a page is one screen and one
 * no-JavaScript POST, and the server decides what a page shows before the person types anything
 * on it. Reading only earlier pages also rules out cycles by construction.
 */
import { answerConditions, OPERATORS_BY_TYPE } from './form-conditions.ts';
import {
  type Condition,
  type DefinitionProblem,
  type FormDefinition,
  type FormOption,
  type FormPage,
  type FormQuestion,
  type FormSection,
  TEXT_LIMITS,
} from './forms.contracts.ts';

/** A question with where it stands: its page and section, and its rank in the whole form. */
export interface LocatedQuestion {
  question: FormQuestion;
  page: FormPage;
  section: FormSection;
  pageIndex: number;
  /** 0, 1, 2... across the whole form. */
  order: number;
  /** Dotted path of the question in the definition. */
  path: string;
}

/** Every question in form order. */
export function questionsInOrder(definition: FormDefinition): LocatedQuestion[] {
  const located: LocatedQuestion[] = [];
  definition.pages.forEach((page, pageIndex) => {
    page.sections.forEach((section, sectionIndex) => {
      section.questions.forEach((question, questionIndex) => {
        const path = `pages.${pageIndex}.sections.${sectionIndex}.questions.${questionIndex}`;
        located.push({ question, page, section, pageIndex, order: located.length, path });
      });
    });
  });
  return located;
}

/** True for a `YYYY-MM-DD` text naming a day that exists. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True when `regex` compiles as a Unicode regular expression. */
export function isValidPattern(regex: string): boolean {
  try {
    new RegExp(regex, 'u');
    return true;
  } catch {
    return false;
  }
}

function duplicateCodes(items: readonly { code: string }[], path: (index: number) => string): DefinitionProblem[] {
  const seen = new Set<string>();
  const problems: DefinitionProblem[] = [];
  items.forEach((item, index) => {
    if (seen.has(item.code)) problems.push({ path: path(index), code: 'FORMS_DEFINITION_DUPLICATE_CODE', values: { code: item.code } });
    seen.add(item.code);
  });
  return problems;
}

function minAboveMax(path: string, min: number | string | undefined, max: number | string | undefined): DefinitionProblem[] {
  return min !== undefined && max !== undefined && min > max
    ? [{ path, code: 'FORMS_DEFINITION_MIN_ABOVE_MAX', values: { min, max } }]
    : [];
}

function optionList(path: string, options: readonly FormOption[]): DefinitionProblem[] {
  if (options.length === 0) return [{ path, code: 'FORMS_DEFINITION_NO_OPTIONS' }];
  return duplicateCodes(options, (index) => `${path}.${index}.code`);
}

function limitAboveOptions(path: string, limit: number | undefined, count: number): DefinitionProblem[] {
  return limit !== undefined && count > 0 && limit > count
    ? [{ path, code: 'FORMS_DEFINITION_LIMIT_ABOVE_OPTIONS', values: { count } }]
    : [];
}

function questionRules(question: FormQuestion, path: string): DefinitionProblem[] {
  switch (question.type) {
    case 'short-text':
    case 'long-text': {
      const max = question.maxLength ?? TEXT_LIMITS[question.type];
      const pattern = question.pattern;
      return [
        ...minAboveMax(`${path}.minLength`, question.minLength, max),
        ...(pattern && !isValidPattern(pattern.regex)
          ? [{ path: `${path}.pattern.regex`, code: 'FORMS_DEFINITION_PATTERN_INVALID' as const }]
          : []),
      ];
    }
    case 'number':
      return minAboveMax(`${path}.min`, question.min, question.max);
    case 'single-choice':
      return optionList(`${path}.options`, question.options);
    case 'multiple-choice': {
      const choices = question.options.length + (question.other ? 1 : 0);
      return [
        ...optionList(`${path}.options`, question.options),
        ...minAboveMax(`${path}.minSelections`, question.minSelections, question.maxSelections),
        ...limitAboveOptions(`${path}.minSelections`, question.minSelections, choices),
        ...limitAboveOptions(`${path}.maxSelections`, question.maxSelections, choices),
      ];
    }
    case 'scale': {
      const step = question.step ?? 1;
      if (question.min >= question.max)
        return [{ path: `${path}.min`, code: 'FORMS_DEFINITION_MIN_ABOVE_MAX', values: { min: question.min, max: question.max } }];
      return (question.max - question.min) % step === 0
        ? []
        : [{ path: `${path}.step`, code: 'FORMS_DEFINITION_SCALE_STEP', values: { step } }];
    }
    case 'ranking':
      return [
        ...optionList(`${path}.options`, question.options),
        ...limitAboveOptions(`${path}.maxRanked`, question.maxRanked, question.options.length),
      ];
    case 'date': {
      const bad = (['min', 'max'] as const).filter((key) => question[key] !== undefined && !isCalendarDate(question[key] ?? ''));
      if (bad.length > 0) return bad.map((key) => ({ path: `${path}.${key}`, code: 'FORMS_DEFINITION_DATE_INVALID' as const }));
      return minAboveMax(`${path}.min`, question.min, question.max);
    }
    case 'file':
      return [];
    case 'matrix':
      return [...optionList(`${path}.rows`, question.rows), ...optionList(`${path}.columns`, question.columns)];
  }
}

/**
 * The problems of one condition. `position` is the form order of the first question the
 * condition decides about (a page's or section's first question, or the question itself).
 */
function conditionProblems(
  condition: Condition,
  path: string,
  position: number,
  pageIndex: number,
  byCode: ReadonlyMap<string, LocatedQuestion>,
): DefinitionProblem[] {
  return answerConditions(condition, path).flatMap(({ condition: test, path: testPath }): DefinitionProblem[] => {
    const target = byCode.get(test.question);
    const values = { question: test.question };
    if (!target) return [{ path: `${testPath}.question`, code: 'FORMS_DEFINITION_CONDITION_UNKNOWN_QUESTION', values }];
    if (target.order >= position) return [{ path: `${testPath}.question`, code: 'FORMS_DEFINITION_CONDITION_LATER_QUESTION', values }];
    if (target.pageIndex === pageIndex) return [{ path: `${testPath}.question`, code: 'FORMS_DEFINITION_CONDITION_SAME_PAGE', values }];
    const question = target.question;
    if (!OPERATORS_BY_TYPE[question.type].includes(test.op)) {
      return [{ path: `${testPath}.op`, code: 'FORMS_DEFINITION_CONDITION_OPERATOR', values: { op: test.op, type: question.type } }];
    }
    if (!('value' in test)) return [];
    const value = test.value;
    const wrongValue: DefinitionProblem[] = [
      { path: `${testPath}.value`, code: 'FORMS_DEFINITION_CONDITION_VALUE', values: { type: question.type } },
    ];
    switch (question.type) {
      case 'number':
      case 'scale':
        return typeof value === 'number' ? [] : wrongValue;
      case 'date':
        return typeof value === 'string' && isCalendarDate(value) ? [] : wrongValue;
      case 'short-text':
        return typeof value === 'string' ? [] : wrongValue;
      case 'single-choice':
      case 'multiple-choice':
        if (typeof value !== 'string') return wrongValue;
        return question.options.some((option) => option.code === value)
          ? []
          : [{ path: `${testPath}.value`, code: 'FORMS_DEFINITION_CONDITION_UNKNOWN_OPTION', values: { question: test.question, value } }];
      default:
        return wrongValue;
    }
  });
}

/** Every problem of a definition (duplicate codes first, then page by page); none means it can be published. */
export function checkFormDefinition(definition: FormDefinition): DefinitionProblem[] {
  const located = questionsInOrder(definition);
  const byCode = new Map<string, LocatedQuestion>();
  for (const entry of located) if (!byCode.has(entry.question.code)) byCode.set(entry.question.code, entry);
  const sections = definition.pages.flatMap((page, pageIndex) =>
    page.sections.map((section, sectionIndex) => ({ section, path: `pages.${pageIndex}.sections.${sectionIndex}` })),
  );

  const problems: DefinitionProblem[] = [];
  if (definition.pages.length === 0) problems.push({ path: 'pages', code: 'FORMS_DEFINITION_NO_PAGES' });
  problems.push(...duplicateCodes(definition.pages, (index) => `pages.${index}.code`));
  problems.push(
    ...duplicateCodes(
      sections.map((entry) => entry.section),
      (index) => `${sections[index]?.path}.code`,
    ),
  );
  problems.push(
    ...duplicateCodes(
      located.map((entry) => entry.question),
      (index) => `${located[index]?.path}.code`,
    ),
  );

  let questionsBefore = 0;
  definition.pages.forEach((page, pageIndex) => {
    const pagePath = `pages.${pageIndex}`;
    const pageStart = questionsBefore;
    if (page.sections.every((section) => section.questions.length === 0))
      problems.push({ path: pagePath, code: 'FORMS_DEFINITION_EMPTY_PAGE' });
    if (page.showIf) problems.push(...conditionProblems(page.showIf, `${pagePath}.showIf`, pageStart, pageIndex, byCode));
    page.sections.forEach((section, sectionIndex) => {
      const sectionPath = `${pagePath}.sections.${sectionIndex}`;
      if (section.questions.length === 0 && page.sections.length > 1)
        problems.push({ path: sectionPath, code: 'FORMS_DEFINITION_EMPTY_SECTION' });
      if (section.showIf) problems.push(...conditionProblems(section.showIf, `${sectionPath}.showIf`, questionsBefore, pageIndex, byCode));
      section.questions.forEach((question, questionIndex) => {
        const path = `${sectionPath}.questions.${questionIndex}`;
        problems.push(...questionRules(question, path));
        if (question.showIf) problems.push(...conditionProblems(question.showIf, `${path}.showIf`, questionsBefore, pageIndex, byCode));
        questionsBefore += 1;
      });
    });
  });
  return problems;
}

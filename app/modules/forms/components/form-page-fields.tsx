/**
 * One page of a form as native controls that work without JavaScript (decision 0011): every
 * question type, labels and help in the page's language with the fallback of decision 0003
 * (said openly), required questions marked, values re-filled from a draft or a refused POST,
 * and each refused answer's message beside its field (aria-invalid, aria-describedby), with a
 * summary at the top linking to the fields.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import { fieldName, OTHER_CHOICE, rankedCount } from '../form-answers.ts';
import type { FileAnswer, FormQuestion, FormSection, FormText, QuestionOfType } from '../forms.contracts.ts';
import { anchorOf, controlId, errorId, type FieldProblem, helpId, problemsByField, questionOfField } from './answer-fields.ts';

export interface PageSection {
  section: FormSection;
  questions: FormQuestion[];
}

interface Props {
  sections: readonly PageSection[];
  /** Field name -> values (several for ticked boxes), from `formFieldsFromAnswers` or a refused POST. */
  values: Record<string, string[]>;
  problems: readonly FieldProblem[];
  /** Files already given, by question code: a file input cannot be re-filled, so the page names them. */
  files?: Record<string, FileAnswer>;
}

type Problems = Map<string, FieldProblem[]>;

function useProblemText(): (problem: FieldProblem) => string {
  const t = useT();
  const locale = useLocale();
  return (problem) =>
    problem.message ? textIn(problem.message, locale) : t(`errors.${problem.code}`, problem.values as Record<string, string | number>);
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

function FieldErrors({ field, problems }: { field: string; problems: Problems }) {
  const text = useProblemText();
  const own = problems.get(field);
  if (!own) return null;
  return (
    <p id={errorId(field)} className="field__error">
      {own.map((problem) => text(problem)).join(' ')}
    </p>
  );
}

function RequiredMark({ required }: { required: boolean | undefined }) {
  const t = useT();
  return required ? <span className="answer-required"> {t('forms.answer.required')}</span> : null;
}

function Help({ question, extra }: { question: FormQuestion; extra?: ReactNode }) {
  if (!question.help && !extra) return null;
  return (
    <div id={helpId(question.code)} className="field__hint">
      {question.help && <TranslatedText as="p" value={question.help} />}
      {extra && <p>{extra}</p>}
    </div>
  );
}

/** What a question's rules mean for the person answering ("Between 0 and 100"). */
function useRuleHint(): (question: FormQuestion) => string | undefined {
  const t = useT();
  const locale = useLocale();
  const number = (value: number) => new Intl.NumberFormat(locale).format(value);
  return (question) => {
    switch (question.type) {
      case 'short-text':
      case 'long-text':
        return question.maxLength !== undefined ? t('forms.answer.hint.maxLength', { max: number(question.maxLength) }) : undefined;
      case 'number': {
        const { min, max } = question;
        if (min !== undefined && max !== undefined) return t('forms.answer.hint.between', { min: number(min), max: number(max) });
        if (min !== undefined) return t('forms.answer.hint.atLeast', { min: number(min) });
        if (max !== undefined) return t('forms.answer.hint.atMost', { max: number(max) });
        return undefined;
      }
      case 'date': {
        const { min, max } = question;
        if (min !== undefined && max !== undefined) return t('forms.answer.hint.dateBetween', { min, max });
        if (min !== undefined) return t('forms.answer.hint.dateFrom', { min });
        if (max !== undefined) return t('forms.answer.hint.dateUntil', { max });
        return undefined;
      }
      case 'multiple-choice': {
        const { minSelections: min, maxSelections: max } = question;
        if (min !== undefined && max !== undefined) return t('forms.answer.hint.choicesBetween', { min, max });
        if (min !== undefined) return t('forms.answer.hint.choicesAtLeast', { min });
        if (max !== undefined) return t('forms.answer.hint.choicesAtMost', { max });
        return undefined;
      }
      case 'ranking':
        return t('forms.answer.hint.ranking', { count: rankedCount(question) });
      case 'file': {
        const size = number(Math.round((question.maxBytes / 1_048_576) * 10) / 10);
        return question.accept.length > 0
          ? t('forms.answer.hint.fileTypes', { types: question.accept.join(', '), size })
          : t('forms.answer.hint.fileSize', { size });
      }
      default:
        return undefined;
    }
  };
}

function Label({ value }: { value: FormText }) {
  return <TranslatedText value={value} />;
}

/** A question's label (or, for a group, its legend: the fieldset's first child), its help and its messages. */
function QuestionHead({
  question,
  hint,
  problems,
  htmlFor,
}: {
  question: FormQuestion;
  hint?: ReactNode;
  problems: Problems;
  htmlFor?: string;
}) {
  const title = (
    <>
      <Label value={question.label} />
      <RequiredMark required={question.required} />
    </>
  );
  return (
    <>
      {htmlFor ? <label htmlFor={htmlFor}>{title}</label> : <legend>{title}</legend>}
      <Help question={question} extra={hint} />
      <FieldErrors field={question.code} problems={problems} />
    </>
  );
}

interface QuestionProps<T extends FormQuestion['type']> {
  question: QuestionOfType<T>;
  values: Record<string, string[]>;
  problems: Problems;
  hint: string | undefined;
}

function invalid(problems: Problems, field: string): true | undefined {
  return problems.has(field) ? true : undefined;
}

function firstValue(values: Record<string, string[]>, field: string): string {
  return values[field]?.[0] ?? '';
}

function TextQuestion({ question, values, problems, hint }: QuestionProps<'short-text' | 'long-text' | 'number' | 'date'>) {
  const id = controlId(question.code);
  const hasHelp = Boolean(question.help || hint);
  const common = {
    id,
    name: question.code,
    defaultValue: firstValue(values, question.code),
    'aria-invalid': invalid(problems, question.code),
    'aria-required': question.required ? true : undefined,
    'aria-describedby': describedBy(hasHelp && helpId(question.code), problems.has(question.code) && errorId(question.code)),
  };
  let control: ReactNode;
  if (question.type === 'long-text') control = <textarea {...common} rows={5} dir="auto" />;
  else if (question.type === 'date') control = <input {...common} type="date" min={question.min} max={question.max} />;
  // Text, not type="number": people type Arabic-Indic digits and decimal commas, which the server reads.
  else if (question.type === 'number') control = <input {...common} type="text" inputMode="decimal" autoComplete="off" dir="ltr" />;
  else control = <input {...common} type="text" dir="auto" />;
  return (
    <div className="field answer-question">
      <QuestionHead question={question} hint={hint} problems={problems} htmlFor={id} />
      {control}
    </div>
  );
}

function FileQuestion({ question, problems, hint, file }: QuestionProps<'file'> & { file: FileAnswer | undefined }) {
  const t = useT();
  const id = controlId(question.code);
  const keptId = `${id}-kept`;
  return (
    <div className="field answer-question">
      <QuestionHead question={question} hint={hint} problems={problems} htmlFor={id} />
      {file && (
        <p id={keptId} className="answer-file">
          {t('forms.answer.file.kept', { name: file.name })}
        </p>
      )}
      <input
        id={id}
        name={question.code}
        type="file"
        accept={question.accept.length > 0 ? question.accept.join(',') : undefined}
        aria-invalid={invalid(problems, question.code)}
        aria-describedby={describedBy(helpId(question.code), file && keptId, problems.has(question.code) && errorId(question.code))}
      />
      {file && (
        <label className="choice">
          <input type="checkbox" name={fieldName(question.code, 'remove')} value="1" /> {t('forms.answer.file.remove')}
        </label>
      )}
    </div>
  );
}

/** A fieldset of radios or boxes, with "other, please say" when the question offers it. */
function ChoiceQuestion({ question, values, problems, hint }: QuestionProps<'single-choice' | 'multiple-choice'>) {
  const t = useT();
  const chosen = new Set(values[question.code] ?? []);
  const type = question.type === 'single-choice' ? 'radio' : 'checkbox';
  const otherField = fieldName(question.code, OTHER_CHOICE);
  const hasHelp = Boolean(question.help || hint);
  const describe = describedBy(hasHelp && helpId(question.code), problems.has(question.code) && errorId(question.code));
  const choices = [...question.options.map((option) => ({ code: option.code, label: option.label }))];
  if (question.other) choices.push({ code: OTHER_CHOICE, label: question.other.label });
  return (
    <fieldset className="field answer-question" aria-invalid={invalid(problems, question.code)} aria-describedby={describe}>
      <QuestionHead question={question} hint={hint} problems={problems} />
      {choices.map((choice) => (
        <label key={choice.code} className="choice" htmlFor={controlId(question.code, choice.code)}>
          <input
            id={controlId(question.code, choice.code)}
            type={type}
            name={question.code}
            value={choice.code}
            defaultChecked={chosen.has(choice.code)}
          />
          <Label value={choice.label} />
        </label>
      ))}
      {question.other && (
        <div className="answer-other">
          <label htmlFor={controlId(otherField)}>{t('forms.answer.other')}</label>
          <FieldErrors field={otherField} problems={problems} />
          <input
            id={controlId(otherField)}
            name={otherField}
            type="text"
            dir="auto"
            defaultValue={firstValue(values, otherField)}
            aria-invalid={invalid(problems, otherField)}
            aria-describedby={problems.has(otherField) ? errorId(otherField) : undefined}
          />
        </div>
      )}
    </fieldset>
  );
}

function ScaleQuestion({ question, values, problems }: QuestionProps<'scale'>) {
  const locale = useLocale();
  const t = useT();
  const points: number[] = [];
  for (let point = question.min; point <= question.max; point += question.step ?? 1) points.push(point);
  const chosen = firstValue(values, question.code);
  const ends =
    question.minLabel || question.maxLabel ? (
      <>
        {question.minLabel && (
          <span className="answer-scale__end">
            {t('forms.answer.scale.end', { point: new Intl.NumberFormat(locale).format(question.min) })} <Label value={question.minLabel} />
          </span>
        )}{' '}
        {question.maxLabel && (
          <span className="answer-scale__end">
            {t('forms.answer.scale.end', { point: new Intl.NumberFormat(locale).format(question.max) })} <Label value={question.maxLabel} />
          </span>
        )}
      </>
    ) : undefined;
  const hasHelp = Boolean(question.help || ends);
  return (
    <fieldset
      className="field answer-question"
      aria-invalid={invalid(problems, question.code)}
      aria-describedby={describedBy(hasHelp && helpId(question.code), problems.has(question.code) && errorId(question.code))}
    >
      <QuestionHead question={question} hint={ends} problems={problems} />
      <div className="answer-scale">
        {points.map((point) => (
          <label key={point} className="choice answer-scale__point" htmlFor={controlId(question.code, String(point))}>
            <input
              id={controlId(question.code, String(point))}
              type="radio"
              name={question.code}
              value={String(point)}
              defaultChecked={chosen !== '' && Number(chosen) === point}
            />
            {new Intl.NumberFormat(locale).format(point)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A rank (a select) per option: ranking without dragging, and without JavaScript. */
function RankingQuestion({ question, values, problems, hint }: QuestionProps<'ranking'>) {
  const t = useT();
  const locale = useLocale();
  const count = rankedCount(question);
  const ranks = Array.from({ length: count }, (_, index) => index + 1);
  return (
    <fieldset
      className="field answer-question"
      aria-describedby={describedBy(helpId(question.code), problems.has(question.code) && errorId(question.code))}
    >
      <QuestionHead question={question} hint={hint} problems={problems} />
      {question.options.map((option) => {
        const field = fieldName(question.code, option.code);
        return (
          <div key={option.code} className="answer-rank">
            <label htmlFor={controlId(field)}>
              <Label value={option.label} />
            </label>
            <FieldErrors field={field} problems={problems} />
            <select
              id={controlId(field)}
              name={field}
              defaultValue={firstValue(values, field)}
              aria-invalid={invalid(problems, field)}
              aria-describedby={problems.has(field) ? errorId(field) : undefined}
            >
              <option value="">{t('forms.answer.ranking.none')}</option>
              {ranks.map((rank) => (
                <option key={rank} value={String(rank)}>
                  {t('forms.answer.ranking.rank', { rank: new Intl.NumberFormat(locale).format(rank) })}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A fieldset per row (readable at 360 px and by screen readers alike), one radio per column. */
function MatrixQuestion({ question, values, problems }: QuestionProps<'matrix'>) {
  return (
    <fieldset
      className="field answer-question"
      aria-describedby={describedBy(question.help && helpId(question.code), problems.has(question.code) && errorId(question.code))}
    >
      <QuestionHead question={question} problems={problems} />
      {question.rows.map((row) => {
        const field = fieldName(question.code, row.code);
        const chosen = firstValue(values, field);
        return (
          <fieldset
            key={row.code}
            className="answer-matrix__row"
            aria-invalid={invalid(problems, field)}
            aria-describedby={problems.has(field) ? errorId(field) : undefined}
          >
            <legend>
              <Label value={row.label} />
            </legend>
            <FieldErrors field={field} problems={problems} />
            <div className="answer-matrix__columns">
              {question.columns.map((column) => (
                <label key={column.code} className="choice" htmlFor={controlId(field, column.code)}>
                  <input
                    id={controlId(field, column.code)}
                    type="radio"
                    name={field}
                    value={column.code}
                    defaultChecked={chosen === column.code}
                  />
                  <Label value={column.label} />
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
    </fieldset>
  );
}

function Question({
  question,
  values,
  problems,
  file,
}: {
  question: FormQuestion;
  values: Record<string, string[]>;
  problems: Problems;
  file: FileAnswer | undefined;
}) {
  const hint = useRuleHint()(question);
  switch (question.type) {
    case 'short-text':
    case 'long-text':
    case 'number':
    case 'date':
      return <TextQuestion question={question} values={values} problems={problems} hint={hint} />;
    case 'single-choice':
    case 'multiple-choice':
      return <ChoiceQuestion question={question} values={values} problems={problems} hint={hint} />;
    case 'scale':
      return <ScaleQuestion question={question} values={values} problems={problems} hint={hint} />;
    case 'ranking':
      return <RankingQuestion question={question} values={values} problems={problems} hint={hint} />;
    case 'matrix':
      return <MatrixQuestion question={question} values={values} problems={problems} hint={hint} />;
    case 'file':
      return <FileQuestion question={question} values={values} problems={problems} hint={hint} file={file} />;
  }
}

/** The sections and questions of one page; put it inside a `<form method="post">` (multipart when a question takes a file). */
export function FormPageFields({ sections, values, problems, files = {} }: Props) {
  const byField = problemsByField(problems);
  return (
    <>
      {sections.map(({ section, questions }) => (
        <section key={section.code} className="answer-section" aria-labelledby={section.title ? `fs-${section.code}` : undefined}>
          {section.title && (
            <h2 id={`fs-${section.code}`}>
              <TranslatedText value={section.title} />
            </h2>
          )}
          {section.description && <TranslatedText as="p" value={section.description} className="field__hint" />}
          {questions.map((question) => (
            <Question key={question.code} question={question} values={values} problems={byField} file={files[question.code]} />
          ))}
        </section>
      ))}
    </>
  );
}

/**
 * The list of refused answers at the top of the page, each linking to its field; it takes the
 * focus when it appears, with JavaScript or without.
 */
export function ErrorSummary({ sections, problems }: { sections: readonly PageSection[]; problems: readonly FieldProblem[] }) {
  const t = useT();
  const locale = useLocale();
  const text = useProblemText();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) box.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  const questions = new Map(sections.flatMap(({ questions: list }) => list.map((question) => [question.code, question] as const)));
  return (
    // biome-ignore lint/a11y/noAutofocus: the refusal must be read first; `autofocus` does it without JavaScript, the effect after a client-side post.
    <div className="form-error answer-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="answer-summary-title" autoFocus>
      <p id="answer-summary-title">{t('errors.FORMS_ANSWERS_INVALID')}</p>
      <ul>
        {problems.map((problem) => {
          const question = questions.get(questionOfField(problem.field));
          return (
            <li key={`${problem.field}-${problem.code}`}>
              {question ? (
                <a href={`#${anchorOf(question, problem.field)}`}>
                  <span dir="auto">{textIn(question.label, locale)}</span>: {text(problem)}
                </a>
              ) : (
                text(problem)
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * /{locale}/forms/manage/{code}: the form builder. Pages > sections > questions, each text in
 * Arabic, French and English side by side, a question's type, options (rows, columns), rules and
 * show-if condition (on a question of an earlier page only), move up/down buttons, a preview of a
 * page, and publishing: refused while the definition has problems, which are shown beside their
 * fields and listed above. Once a version is published, the next edit opens a new draft and the
 * page says what it changes for existing answers (wording, rules, or breaking). Every edit is one
 * plain POST (no JavaScript needed); the form's managers only (others get 403).
 */
import { data, Form, Link } from 'react-router';
import {
  type Condition,
  type ConditionSource,
  conditionSources,
  type DefinitionProblem,
  discardDraft,
  editDraft,
  type FormDiff,
  type FormOption,
  type FormQuestion,
  type FormText,
  getBuilderForm,
  type ListName,
  listsOf,
  problemsAt,
  publishDraft,
  QUESTION_TYPES,
  type QuestionType,
  RULES_BY_TYPE,
  type RuleField,
  ruleFieldValues,
} from '#app/modules/forms/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { localeOf, namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/editor';
import { anchorAfter, asErrorResponse, type EditFailure, editFailure, editOf, requireSignedIn, targetOf } from './builder.server.ts';
import { ErrorText, ProblemList, TextFields } from './builder-fields.tsx';
import './forms-builder.css';

export const meta: Route.MetaFunction = ({ loaderData, matches, params }) => {
  const title = pageMessage(matches, 'forms.builder.editor.title');
  const name = loaderData ? textIn(loaderData.title, localeOf(params), null, loaderData.code) : '';
  return namedPageMeta(matches, name ? `${title ?? ''}: ${name}` : title);
};

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

interface QuestionView {
  question: FormQuestion;
  problems: DefinitionProblem[];
  sources: ConditionSource[];
  rules: readonly RuleField[];
  ruleValues: Record<string, string>;
  lists: ListName[];
  codeFrozen: boolean;
  frozenItems: string[];
}

function withAnchors(
  problems: DefinitionProblem[],
  pages: { code: string; sections: { code: string; questions: { code: string }[] }[] }[],
) {
  return problems.map((problem) => {
    const [, page, , section, , question] = problem.path.split('.');
    const p = pages[Number(page)];
    const s = section === undefined ? undefined : p?.sections[Number(section)];
    const q = question === undefined ? undefined : s?.questions[Number(question)];
    const anchor = q ? `q-${q.code}` : s ? `s-${s.code}` : p ? `p-${p.code}` : 'pages';
    return { ...problem, anchor };
  });
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, locale } = requireSignedIn(args);
  const built = await getBuilderForm(actor, args.params.code).catch(asErrorResponse);
  const definition = built.definition;
  const frozen = new Set(built.frozen);
  const pages = definition.pages.map((page, pageIndex) => ({
    code: page.code,
    title: page.title,
    codeFrozen: frozen.has(`page:${page.code}`),
    problems: problemsAt(built.problems, `pages.${pageIndex}`).concat(problemsAt(built.problems, `pages.${pageIndex}.code`)),
    sections: page.sections.map((section, sectionIndex) => {
      const path = `pages.${pageIndex}.sections.${sectionIndex}`;
      return {
        code: section.code,
        title: section.title,
        codeFrozen: frozen.has(`section:${section.code}`),
        problems: problemsAt(built.problems, path).concat(problemsAt(built.problems, `${path}.code`)),
        questions: section.questions.map(
          (question, questionIndex): QuestionView => ({
            question,
            problems: problemsAt(built.problems, `${path}.questions.${questionIndex}`, { inside: true }),
            sources: conditionSources(definition, question.code),
            rules: RULES_BY_TYPE[question.type],
            ruleValues: ruleFieldValues(question),
            lists: listsOf(question),
            codeFrozen: frozen.has(`question:${question.code}`),
            frozenItems: built.frozen.filter((key) => key.startsWith(`${question.code}.`)),
          }),
        ),
      };
    }),
  }));
  const labels = Object.fromEntries(
    [built.published?.definition, definition].flatMap((d) =>
      (d?.pages ?? []).flatMap((p) => p.sections.flatMap((s) => s.questions.map((q) => [q.code, q.label] as const))),
    ),
  );
  const preview = new URL(args.request.url).searchParams.get('preview');
  return {
    code: built.form.code,
    title: built.form.title,
    basePath: `/${locale}/forms/manage`,
    draftVersion: built.draft?.version ?? null,
    publishedVersion: built.published?.version ?? null,
    pages,
    problems: withAnchors(built.problems, definition.pages),
    diff: built.diff,
    labels,
    preview: definition.pages.find((page) => page.code === preview) ?? null,
    questionTypes: [...QUESTION_TYPES],
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, locale } = requireSignedIn(args);
  const code = args.params.code;
  const here = `/${locale}/forms/manage/${code}`;
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  try {
    if (intent === 'publish') {
      await publishDraft(actor, code);
      return redirectWithFlash(here, { key: 'forms.builder.flash.published', kind: 'success' });
    }
    if (intent === 'discard') {
      await discardDraft(actor, code);
      return redirectWithFlash(here, { key: 'forms.builder.flash.discarded', kind: 'success' });
    }
    const edit = editOf(intent, form);
    if (!edit) throw new Response(null, { status: 400 });
    await editDraft(actor, code, edit);
  } catch (error) {
    if (error instanceof Response) throw error;
    const { status, failure } = editFailure(error, intent, targetOf(form), form);
    return data({ failure }, { status });
  }
  return redirectWithFlash(`${here}${anchorAfter(intent, form)}`, { key: 'forms.builder.flash.saved', kind: 'success' });
}

type LoaderData = Route.ComponentProps['loaderData'];

/** What was typed in a refused form's trilingual fields `<name>.ar/fr/en`, to show it again. */
function typedText(failure: EditFailure | undefined, name: string): FormText | undefined {
  if (!failure) return undefined;
  return { ar: failure.values[`${name}.ar`], fr: failure.values[`${name}.fr`], en: failure.values[`${name}.en`] };
}

/** The failure of the form about `target`, if that is the one refused. */
function failureFor(failure: EditFailure | undefined, target: string, intents: readonly string[]): EditFailure | undefined {
  return failure && failure.target === target && intents.some((i) => failure.intent.startsWith(i)) ? failure : undefined;
}

export default function FormBuilderPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { code, title, basePath, draftVersion, publishedVersion, pages, problems, diff, labels, preview, questionTypes } = loaderData;
  const failure = actionData?.failure;
  const here = `${basePath}/${code}`;
  const label = (text: FormText | undefined, fallback: string) => textIn(text, locale, null, fallback);

  return (
    <div className="builder-page">
      <p className="builder-actions">
        <Link to={basePath}>{t('forms.builder.editor.back')}</Link>
        <Link to={`${here}/responses`}>{t('forms.builder.editor.responses')}</Link>
        {publishedVersion !== null && <Link to={`/${locale}/forms/${code}`}>{t('forms.builder.editor.open')}</Link>}
      </p>
      <h1 dir="auto">{label(title, code)}</h1>
      <p className="field__hint">
        <code dir="ltr">{code}</code> ·{' '}
        {draftVersion !== null
          ? t('forms.builder.editor.draft', { version: draftVersion })
          : t('forms.builder.editor.allPublished', { version: publishedVersion ?? 0, next: (publishedVersion ?? 0) + 1 })}
      </p>
      {failure && (
        <div className="form-error" role="alert">
          <p>{t(failure.formError)}</p>
          {failure.target && (
            <p>
              <a
                href={`#${failure.intent.startsWith('page') ? 'p' : failure.intent.startsWith('section') ? 's' : 'q'}-${failure.target.split('.')[0]}`}
              >
                {t('forms.builder.editor.goToField')}
              </a>
            </p>
          )}
        </div>
      )}

      <section className="builder-block" aria-labelledby="publish-title" id="publish">
        <h2 id="publish-title">{t('forms.builder.publish.title')}</h2>
        {problems.length > 0 ? (
          <>
            <p>{t('forms.builder.publish.problems', { count: problems.length })}</p>
            <ul className="builder-problems">
              {problems.map((problem) => (
                <li key={`${problem.path}:${problem.code}`}>
                  <a href={`#${problem.anchor}`}>{t(`errors.${problem.code}`, problem.values)}</a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          draftVersion !== null && <p>{t('forms.builder.publish.ready')}</p>
        )}
        {diff && <DiffView diff={diff} labels={labels} />}
        {draftVersion !== null && (
          <div className="builder-actions">
            <Form method="post">
              <button type="submit" name="intent" value="publish" className="button button--primary">
                {t('forms.builder.publish.submit', { version: draftVersion })}
              </button>
            </Form>
            {publishedVersion !== null && (
              <Form method="post">
                <button type="submit" name="intent" value="discard" className="button button--danger">
                  {t('forms.builder.publish.discard')}
                </button>
              </Form>
            )}
          </div>
        )}
      </section>

      {preview && <PagePreview page={preview} here={here} />}

      {pages.map((page, pageIndex) => (
        <PageBlock
          key={page.code}
          page={page}
          index={pageIndex}
          count={pages.length}
          failure={failure}
          questionTypes={questionTypes}
          here={here}
        />
      ))}
      {pages.length === 0 && (
        <p id="pages" className="builder-empty">
          {t('forms.builder.page.none')}
        </p>
      )}

      <section className="builder-block" aria-labelledby="page-add-title">
        <h2 id="page-add-title">{t('forms.builder.page.add')}</h2>
        <Form method="post" className="form" key={pages.length}>
          <TextFields id="page-new-title" name="title" legend={t('forms.builder.page.titleField')} value={undefined} />
          <p>
            <button type="submit" name="intent" value="page.add" className="button">
              {t('forms.builder.page.addSubmit')}
            </button>
          </p>
        </Form>
      </section>
    </div>
  );
}

type PageView = LoaderData['pages'][number];
type SectionView = PageView['sections'][number];

function MoveButtons({ kind, first, last }: { kind: string; first: boolean; last: boolean }) {
  const t = useT();
  return (
    <>
      {!first && (
        <button type="submit" name="intent" value={`${kind}.move-up`} className="button">
          {t('forms.builder.action.up')}
        </button>
      )}
      {!last && (
        <button type="submit" name="intent" value={`${kind}.move-down`} className="button">
          {t('forms.builder.action.down')}
        </button>
      )}
      <button type="submit" name="intent" value={`${kind}.delete`} className="button button--danger">
        {t('forms.builder.action.delete')}
      </button>
    </>
  );
}

function CodeField({ id, value, frozen, error }: { id: string; value: string; frozen: boolean; error?: string }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{t('forms.builder.field.code')}</label>
      <p className="field__hint" id={`${id}-hint`}>
        {t(frozen ? 'forms.builder.field.codeFrozen' : 'forms.builder.field.codeHint')}
      </p>
      <input
        id={id}
        name="code"
        dir="ltr"
        defaultValue={value}
        readOnly={frozen}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

/** The title (ar/fr/en) and code of a page or section, with its save, move and delete buttons. */
function TitleForm({
  kind,
  code,
  title,
  codeFrozen,
  index,
  count,
  failure,
}: {
  kind: 'page' | 'section';
  code: string;
  title: FormText | undefined;
  codeFrozen: boolean;
  index: number;
  count: number;
  failure: EditFailure | undefined;
}) {
  const t = useT();
  const id = `${kind === 'page' ? 'p' : 's'}-${code}`;
  return (
    <Form method="post" className="form builder-inline-form">
      <input type="hidden" name={kind} value={code} />
      <TextFields
        id={`${id}-title`}
        name="title"
        legend={t(`forms.builder.${kind}.titleField`)}
        value={title}
        error={failure?.fieldErrors.title}
      />
      <CodeField id={`${id}-code`} value={code} frozen={codeFrozen} error={failure?.fieldErrors.code} />
      <div className="builder-actions">
        <button type="submit" name="intent" value={`${kind}.update`} className="button">
          {t('forms.builder.action.save')}
        </button>
        <MoveButtons kind={kind} first={index === 0} last={index === count - 1} />
      </div>
    </Form>
  );
}

function PageBlock({
  page,
  index,
  count,
  failure,
  questionTypes,
  here,
}: {
  page: PageView;
  index: number;
  count: number;
  failure: EditFailure | undefined;
  questionTypes: QuestionType[];
  here: string;
}) {
  const t = useT();
  const locale = useLocale();
  const own = failureFor(failure, page.code, ['page.']);
  const titleId = `p-${page.code}-heading`;
  return (
    <section className="builder-block builder-page-block" id={`p-${page.code}`} aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t('forms.builder.page.heading', { number: index + 1 })}
        {page.title && (
          <>
            {': '}
            <bdi>{textIn(page.title, locale, null, page.code)}</bdi>
          </>
        )}
      </h2>
      <ProblemList problems={page.problems} />
      <p>
        <Link to={`${here}?preview=${page.code}#preview`}>{t('forms.builder.page.preview')}</Link>
      </p>
      <TitleForm kind="page" code={page.code} title={page.title} codeFrozen={page.codeFrozen} index={index} count={count} failure={own} />

      {page.sections.map((section, sectionIndex) => (
        <SectionBlock
          key={section.code}
          section={section}
          index={sectionIndex}
          count={page.sections.length}
          failure={failure}
          questionTypes={questionTypes}
        />
      ))}

      <Form method="post" className="form builder-add" key={page.sections.length}>
        <input type="hidden" name="page" value={page.code} />
        <TextFields id={`p-${page.code}-new-section`} name="title" legend={t('forms.builder.section.titleField')} value={undefined} />
        <p>
          <button type="submit" name="intent" value="section.add" className="button">
            {t('forms.builder.section.add')}
          </button>
        </p>
      </Form>
    </section>
  );
}

function SectionBlock({
  section,
  index,
  count,
  failure,
  questionTypes,
}: {
  section: SectionView;
  index: number;
  count: number;
  failure: EditFailure | undefined;
  questionTypes: QuestionType[];
}) {
  const t = useT();
  const locale = useLocale();
  const own = failureFor(failure, section.code, ['section.', 'question.add']);
  const adding = own?.intent === 'question.add' ? own : undefined;
  const titleId = `s-${section.code}-heading`;
  return (
    <section className="builder-section" id={`s-${section.code}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t('forms.builder.section.heading', { number: index + 1 })}
        {section.title && (
          <>
            {': '}
            <bdi>{textIn(section.title, locale, null, section.code)}</bdi>
          </>
        )}
      </h3>
      <ProblemList problems={section.problems} />
      <TitleForm
        kind="section"
        code={section.code}
        title={section.title}
        codeFrozen={section.codeFrozen}
        index={index}
        count={count}
        failure={own?.intent.startsWith('section') ? own : undefined}
      />

      {section.questions.map((view) => (
        <QuestionBlock key={view.question.code} view={view} failure={failure} questionTypes={questionTypes} />
      ))}

      <Form method="post" className="form builder-add" aria-labelledby={`s-${section.code}-add-title`} key={section.questions.length}>
        <h4 id={`s-${section.code}-add-title`}>{t('forms.builder.question.add')}</h4>
        <input type="hidden" name="section" value={section.code} />
        <div className="field">
          <label htmlFor={`s-${section.code}-new-type`}>{t('forms.builder.question.type')}</label>
          <select id={`s-${section.code}-new-type`} name="type" defaultValue={adding?.values.type ?? 'short-text'}>
            {questionTypes.map((type) => (
              <option key={type} value={type}>
                {t(`forms.builder.type.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <TextFields
          id={`s-${section.code}-new-label`}
          name="label"
          legend={t('forms.builder.question.label')}
          value={typedText(adding, 'label')}
          required
          error={adding?.fieldErrors.label}
        />
        <CodeField id={`s-${section.code}-new-code`} value={adding?.values.code ?? ''} frozen={false} error={adding?.fieldErrors.code} />
        <p>
          <button type="submit" name="intent" value="question.add" className="button">
            {t('forms.builder.question.addSubmit')}
          </button>
        </p>
      </Form>
    </section>
  );
}

function QuestionBlock({
  view,
  failure,
  questionTypes,
}: {
  view: QuestionView;
  failure: EditFailure | undefined;
  questionTypes: QuestionType[];
}) {
  const t = useT();
  const locale = useLocale();
  const { question } = view;
  const id = `q-${question.code}`;
  const own = failureFor(failure, question.code, ['question.', 'condition.', 'item.add']);
  const updating = own?.intent === 'question.update' ? own : undefined;
  const errors = updating?.fieldErrors ?? {};
  return (
    <article className="builder-question" id={id} aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>
        <bdi>{textIn(question.label, locale, null, question.code)}</bdi>{' '}
        <span className="field__hint">({t(`forms.builder.type.${question.type}`)})</span>
      </h4>
      {view.problems.length > 0 && <ProblemList problems={view.problems} id={`${id}-problems`} />}
      {own && (
        <p className="form-error" role="alert">
          {t(own.formError)}
        </p>
      )}
      <Form method="post" className="form builder-inline-form">
        <input type="hidden" name="question" value={question.code} />
        <TextFields
          id={`${id}-label`}
          name="label"
          legend={t('forms.builder.question.label')}
          value={typedText(updating, 'label') ?? question.label}
          required
          error={errors.label}
        />
        <TextFields
          id={`${id}-help`}
          name="help"
          legend={t('forms.builder.question.help')}
          value={typedText(updating, 'help') ?? question.help}
          multiline
          error={errors.help}
        />
        <CodeField id={`${id}-code`} value={updating?.values.code ?? question.code} frozen={view.codeFrozen} error={errors.code} />
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              name="required"
              defaultChecked={updating ? updating.values.required !== undefined : question.required === true}
            />
            {t('forms.builder.question.required')}
          </label>
        </div>
        {view.rules.map((rule) => (
          <RuleInput
            key={rule.name}
            id={`${id}-rule-${rule.name}`}
            rule={rule}
            values={updating?.values ?? view.ruleValues}
            errors={errors}
          />
        ))}
        <div className="builder-actions">
          <button type="submit" name="intent" value="question.update" className="button button--primary">
            {t('forms.builder.action.saveQuestion')}
          </button>
          <MoveButtons kind="question" first={false} last={false} />
        </div>
      </Form>

      <Form method="post" className="builder-inline-form builder-type">
        <input type="hidden" name="question" value={question.code} />
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('forms.builder.question.type')}</label>
          <select id={`${id}-type`} name="type" defaultValue={question.type}>
            {questionTypes.map((type) => (
              <option key={type} value={type}>
                {t(`forms.builder.type.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" name="intent" value="question.type" className="button">
          {t('forms.builder.question.changeType')}
        </button>
      </Form>

      {view.lists.map((list) => (
        <ListEditor
          key={list}
          questionCode={question.code}
          list={list}
          items={(question as unknown as Record<ListName, FormOption[]>)[list]}
          frozen={view.frozenItems}
          failure={failure}
        />
      ))}

      <ConditionEditor view={view} failure={own?.intent.startsWith('condition') ? own : undefined} />
    </article>
  );
}

function RuleInput({
  id,
  rule,
  values,
  errors,
}: {
  id: string;
  rule: RuleField;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const t = useT();
  const name = `rule.${rule.name}`;
  const legend = t(`forms.builder.rule.${rule.name}`);
  if (rule.kind === 'label') {
    const text: FormText = { ar: values[`${name}.ar`], fr: values[`${name}.fr`], en: values[`${name}.en`] };
    return <TextFields id={id} name={name} legend={legend} value={text} error={errors[name]} />;
  }
  if (rule.kind === 'boolean') {
    return (
      <div className="field">
        <label className="choice">
          <input type="checkbox" name={name} defaultChecked={values[name] === 'on'} />
          {legend}
        </label>
      </div>
    );
  }
  const input = (
    <div className="field">
      <label htmlFor={id}>{legend}</label>
      <input
        id={id}
        name={name}
        dir="ltr"
        type={rule.kind === 'date' ? 'date' : 'text'}
        inputMode={rule.kind === 'int' || rule.kind === 'number' || rule.kind === 'megabytes' ? 'decimal' : undefined}
        defaultValue={values[name] ?? ''}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-error` : undefined}
      />
      <ErrorText id={`${id}-error`} error={errors[name]} />
    </div>
  );
  if (rule.kind !== 'pattern') return input;
  const message: FormText = { ar: values[`${name}.message.ar`], fr: values[`${name}.message.fr`], en: values[`${name}.message.en`] };
  return (
    <>
      {input}
      <TextFields
        id={`${id}-message`}
        name={`${name}.message`}
        legend={t('forms.builder.rule.patternMessage')}
        value={message}
        error={errors[`${name}.message`]}
      />
    </>
  );
}

function ListEditor({
  questionCode,
  list,
  items,
  frozen,
  failure,
}: {
  questionCode: string;
  list: ListName;
  items: FormOption[];
  frozen: string[];
  failure: EditFailure | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const base = `q-${questionCode}-${list}`;
  const adding = failure?.intent === 'item.add' && failure.target === questionCode && failure.values.list === list ? failure : undefined;
  return (
    <section className="builder-list-editor" aria-labelledby={`${base}-heading`}>
      <h5 id={`${base}-heading`}>{t(`forms.builder.items.${list}`)}</h5>
      <ol>
        {items.map((item, index) => {
          const own = failureFor(failure, `${questionCode}.${item.code}`, ['item.']);
          const itemId = `${base}-${item.code}`;
          return (
            <li key={item.code}>
              <Form method="post" className="builder-inline-form" aria-label={textIn(item.label, locale, null, item.code)}>
                <input type="hidden" name="question" value={questionCode} />
                <input type="hidden" name="list" value={list} />
                <input type="hidden" name="item" value={item.code} />
                <TextFields
                  id={`${itemId}-label`}
                  name="label"
                  legend={t('forms.builder.items.label', { number: index + 1 })}
                  value={item.label}
                  required
                  error={own?.fieldErrors.label}
                />
                <CodeField
                  id={`${itemId}-code`}
                  value={item.code}
                  frozen={frozen.includes(`${questionCode}.${list}:${item.code}`)}
                  error={own?.fieldErrors.code}
                />
                <div className="builder-actions">
                  <button type="submit" name="intent" value="item.update" className="button">
                    {t('forms.builder.action.save')}
                  </button>
                  <MoveButtons kind="item" first={index === 0} last={index === items.length - 1} />
                </div>
              </Form>
            </li>
          );
        })}
      </ol>
      <Form method="post" className="builder-inline-form builder-add" key={items.length}>
        <input type="hidden" name="question" value={questionCode} />
        <input type="hidden" name="list" value={list} />
        <TextFields
          id={`${base}-new-label`}
          name="label"
          legend={t(`forms.builder.items.new.${list}`)}
          value={typedText(adding, 'label')}
          required
          error={adding?.fieldErrors.label}
        />
        <CodeField id={`${base}-new-code`} value={adding?.values.code ?? ''} frozen={false} error={adding?.fieldErrors.code} />
        <p>
          <button type="submit" name="intent" value="item.add" className="button">
            {t(`forms.builder.items.add.${list}`)}
          </button>
        </p>
      </Form>
    </section>
  );
}

/** What a simple condition says, in words; a compound one (from the API) is named as such. */
function conditionText(condition: Condition, sources: ConditionSource[], locale: Locale, t: ReturnType<typeof useT>): string {
  if (!('question' in condition)) return t('forms.builder.condition.compound');
  const source = sources.find((s) => s.code === condition.question);
  const question = textIn(source?.label, locale, null, condition.question);
  const value =
    'value' in condition
      ? textIn(source?.options.find((o) => o.code === condition.value)?.label, locale, null, String(condition.value))
      : '';
  return t('forms.builder.condition.current', { question, test: t(`forms.builder.op.${condition.op}`), value });
}

function ConditionEditor({ view, failure }: { view: QuestionView; failure: EditFailure | undefined }) {
  const t = useT();
  const locale = useLocale();
  const { question, sources } = view;
  const id = `q-${question.code}-condition`;
  const choiceSources = sources.filter((s) => s.options.length > 0);
  const errors = failure?.fieldErrors ?? {};
  return (
    <section className="builder-condition" aria-labelledby={`${id}-heading`}>
      <h5 id={`${id}-heading`}>{t('forms.builder.condition.title')}</h5>
      {question.showIf ? (
        <Form method="post" className="builder-inline-form">
          <input type="hidden" name="question" value={question.code} />
          <p dir="auto">{conditionText(question.showIf, sources, locale, t)}</p>
          <button type="submit" name="intent" value="condition.clear" className="button">
            {t('forms.builder.condition.clear')}
          </button>
        </Form>
      ) : (
        <p>{t('forms.builder.condition.none')}</p>
      )}
      {sources.length === 0 ? (
        <p className="field__hint">{t('forms.builder.condition.noSources')}</p>
      ) : (
        <Form method="post" className="form builder-inline-form">
          <input type="hidden" name="question" value={question.code} />
          <p className="field__hint">{t('forms.builder.condition.hint')}</p>
          <div className="field">
            <label htmlFor={`${id}-test`}>{t('forms.builder.condition.test')}</label>
            <select
              id={`${id}-test`}
              name="test"
              aria-invalid={errors['condition.question'] || errors['condition.op'] ? true : undefined}
              aria-describedby={errors['condition.question'] || errors['condition.op'] ? `${id}-test-error` : undefined}
            >
              {sources.map((source) => (
                <optgroup key={source.code} label={textIn(source.label, locale, null, source.code)}>
                  {source.operators.map((op) => (
                    <option key={op} value={`${source.code}::${op}`}>
                      {`${textIn(source.label, locale, null, source.code)}: ${t(`forms.builder.op.${op}`)}`}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <ErrorText id={`${id}-test-error`} error={errors['condition.question'] ?? errors['condition.op']} />
          </div>
          {choiceSources.length > 0 && (
            <div className="field">
              <label htmlFor={`${id}-option`}>{t('forms.builder.condition.option')}</label>
              <select id={`${id}-option`} name="valueOption">
                {choiceSources.map((source) => (
                  <optgroup key={source.code} label={textIn(source.label, locale, null, source.code)}>
                    {source.options.map((option) => (
                      <option key={option.code} value={`${source.code}::${option.code}`}>
                        {textIn(option.label, locale, null, option.code)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-value`}>{t('forms.builder.condition.value')}</label>
            <p className="field__hint" id={`${id}-value-hint`}>
              {t('forms.builder.condition.valueHint')}
            </p>
            <input
              id={`${id}-value`}
              name="value"
              dir="auto"
              aria-invalid={errors['condition.value'] ? true : undefined}
              aria-describedby={errors['condition.value'] ? `${id}-value-hint ${id}-value-error` : `${id}-value-hint`}
            />
            <ErrorText id={`${id}-value-error`} error={errors['condition.value']} />
          </div>
          <p>
            <button type="submit" name="intent" value="condition.set" className="button">
              {t('forms.builder.condition.set')}
            </button>
          </p>
        </Form>
      )}
    </section>
  );
}

const CHANGE_SEVERITY_CLASS = {
  wording: 'builder-diff--wording',
  rules: 'builder-diff--rules',
  structure: 'builder-diff--structure',
} as const;

function DiffView({ diff, labels }: { diff: FormDiff; labels: Record<string, FormText> }) {
  const t = useT();
  const locale = useLocale();
  const name = (code: string) => textIn(labels[code], locale, null, code);
  const nothing = diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
  return (
    <section aria-labelledby="diff-title" id="diff" className="builder-diff">
      <h3 id="diff-title">{t('forms.builder.diff.title')}</h3>
      {nothing ? (
        <p>{t('forms.builder.diff.none')}</p>
      ) : (
        <>
          <p className={diff.breaking ? 'form-error' : 'flash flash--info'}>
            {t(diff.breaking ? 'forms.builder.diff.breaking' : 'forms.builder.diff.compatible')}
          </p>
          <ul>
            {diff.added.map((code) => (
              <li key={`added-${code}`}>{t('forms.builder.diff.added', { question: name(code) })}</li>
            ))}
            {diff.removed.map((code) => (
              <li key={`removed-${code}`}>{t('forms.builder.diff.removed', { question: name(code) })}</li>
            ))}
            {diff.changed.map((change) => (
              <li key={`changed-${change.code}`} className={CHANGE_SEVERITY_CLASS[change.severity]}>
                {t('forms.builder.diff.changed', {
                  question: name(change.code),
                  severity: t(`forms.builder.diff.severity.${change.severity}`),
                  changes: change.changes.map((kind) => t(`forms.builder.diff.change.${kind}`)).join(', '),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function PagePreview({ page, here }: { page: LoaderData['preview'] & object; here: string }) {
  const t = useT();
  const locale = useLocale();
  const text = (value: FormText | undefined, fallback = '') => textIn(value, locale, null, fallback);
  return (
    <section className="builder-block builder-preview" id="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">
        {t('forms.builder.preview.title')}
        {page.title && (
          <>
            {': '}
            <bdi>{text(page.title, page.code)}</bdi>
          </>
        )}
      </h2>
      <p className="field__hint">{t('forms.builder.preview.lead')}</p>
      {page.sections.map((section) => (
        <div key={section.code}>
          {section.title && <h3 dir="auto">{text(section.title)}</h3>}
          <ol>
            {section.questions.map((question) => (
              <li key={question.code}>
                <p>
                  <strong dir="auto">{text(question.label, question.code)}</strong>
                  {question.required && <span> {t('forms.builder.preview.required')}</span>}
                  <span className="field__hint"> ({t(`forms.builder.type.${question.type}`)})</span>
                </p>
                {question.help && (
                  <p className="field__hint" dir="auto">
                    {text(question.help)}
                  </p>
                )}
                {'options' in question && question.options.length > 0 && (
                  <ul>
                    {question.options.map((option) => (
                      <li key={option.code} dir="auto">
                        {text(option.label, option.code)}
                      </li>
                    ))}
                  </ul>
                )}
                {question.showIf && <p className="field__hint">{t('forms.builder.preview.conditional')}</p>}
              </li>
            ))}
          </ol>
        </div>
      ))}
      <p>
        <Link to={here}>{t('forms.builder.preview.close')}</Link>
      </p>
    </section>
  );
}

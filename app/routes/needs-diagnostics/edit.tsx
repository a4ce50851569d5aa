/**
 * /{locale}/clusters/{slug}/diagnostic/edit: the diagnostic editor, for the cluster's managers and
 * programme staff (`needs.manage` over the cluster). Without a draft it starts a round (a copy of
 * the latest endorsed one, if any); with a draft it adds and removes challenges, SWOT items and
 * baseline figures, changes the date and records the endorsement. Plain POST forms, one intent
 * each; a refusal or a bad value changes nothing and says why beside the field.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { data, Form, Link, useNavigation } from 'react-router';
import { getCluster } from '#app/modules/directory/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import {
  AFFECTED_GROUPS,
  BASELINE_INDICATORS,
  GENDER_DIMENSIONS,
  SEVERITIES,
  SWOT_KINDS,
} from '#app/modules/needs/diagnostics/diagnostics.vocabulary.ts';
import {
  addBaselineFigure,
  addChallenge,
  addSwotItem,
  createDiagnostic,
  type Diagnostic,
  endorseDiagnostic,
  getClusterDiagnostics,
  removeBaselineFigure,
  removeChallenge,
  removeSwotItem,
  updateChallenge,
  updateDiagnostic,
} from '#app/modules/needs/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { LOCALES, type Locale } from '#app/shared/i18n/locales.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import { asErrorResponse } from '../clusters/cluster-page.server.ts';
import { localeOf, namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/edit';
import { baselineInputOf, challengeInputOf, endorseInputOf, formFailureOf, swotInputOf } from './diagnostic-form.ts';
import { BaselineTable, ChallengesByTheme, type ThemeNames } from './diagnostic-parts.tsx';
import '#app/styles/clusters.css';
import '#app/styles/needs-diagnostics.css';

/** Units offered for baseline figures: counts, percentages and the programme countries' currencies (plus EUR and USD). */
const UNITS = ['count', 'percent', 'DZD', 'EGP', 'JOD', 'LBP', 'MAD', 'ILS', 'TND', 'EUR', 'USD'] as const;

export const meta: Route.MetaFunction = ({ loaderData, matches, params }) => {
  const title = pageMessage(matches, 'needs.diagnostics.edit.title');
  const name = loaderData ? textIn(loaderData.cluster.name, localeOf(params), loaderData.cluster.sourceLocale) : '';
  return namedPageMeta(matches, name ? `${title ?? ''}: ${name}` : title);
};

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const [cluster, diagnostics] = await Promise.all([
    getCluster(actor, params.slug).catch(asErrorResponse),
    getClusterDiagnostics(actor, params.slug).catch(asErrorResponse),
  ]);
  if (!diagnostics.canManage) throw new Response(null, { status: 403 });
  return {
    cluster: { slug: cluster.slug, name: cluster.name, sourceLocale: cluster.sourceLocale },
    draft: diagnostics.draft,
    latestRound: diagnostics.rounds.find((round) => round.status === 'endorsed')?.round ?? null,
    themes: diagnostics.themes,
    today: new Date().toISOString().slice(0, 10),
  };
}

type Intent =
  | 'start'
  | 'date'
  | 'addChallenge'
  | 'updateChallenge'
  | 'removeChallenge'
  | 'addSwot'
  | 'removeSwot'
  | 'addBaseline'
  | 'removeBaseline'
  | 'endorse';

/** Where each intent's form lives on the page (the redirect's anchor) and its confirmation. */
const OUTCOMES: Record<Intent, { anchor: string; flash: string }> = {
  start: { anchor: '', flash: 'started' },
  date: { anchor: '#diagnostic-date', flash: 'saved' },
  addChallenge: { anchor: '#diagnostic-challenges', flash: 'challengeAdded' },
  updateChallenge: { anchor: '#diagnostic-challenges', flash: 'saved' },
  removeChallenge: { anchor: '#diagnostic-challenges', flash: 'removed' },
  addSwot: { anchor: '#diagnostic-swot', flash: 'swotAdded' },
  removeSwot: { anchor: '#diagnostic-swot', flash: 'removed' },
  addBaseline: { anchor: '#diagnostic-baseline', flash: 'baselineAdded' },
  removeBaseline: { anchor: '#diagnostic-baseline', flash: 'removed' },
  endorse: { anchor: '', flash: 'endorsed' },
};

function isIntent(value: string): value is Intent {
  return Object.hasOwn(OUTCOMES, value);
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (!isIntent(intent)) throw new Response(null, { status: 400 });
  const diagnostic = String(form.get('diagnostic') ?? '');
  const item = String(form.get('item') ?? '');
  try {
    if (intent === 'start') await createDiagnostic(actor, { cluster: params.slug, diagnosedOn: String(form.get('diagnosedOn') ?? '') });
    else if (intent === 'date') await updateDiagnostic(actor, diagnostic, { diagnosedOn: String(form.get('diagnosedOn') ?? '') });
    else if (intent === 'addChallenge') await addChallenge(actor, diagnostic, challengeInputOf(form, locale));
    else if (intent === 'updateChallenge') await updateChallenge(actor, item, challengeInputOf(form, locale));
    else if (intent === 'removeChallenge') await removeChallenge(actor, item);
    else if (intent === 'addSwot') await addSwotItem(actor, diagnostic, swotInputOf(form, locale));
    else if (intent === 'removeSwot') await removeSwotItem(actor, item);
    else if (intent === 'addBaseline') await addBaselineFigure(actor, diagnostic, baselineInputOf(form));
    else if (intent === 'removeBaseline') await removeBaselineFigure(actor, item);
    else await endorseDiagnostic(actor, diagnostic, endorseInputOf(form));
  } catch (error) {
    const failure = formFailureOf(error);
    if (!failure) asErrorResponse(error);
    const values: Record<string, string | string[]> = {};
    for (const name of new Set(form.keys())) {
      const all = form.getAll(name).map(String);
      values[name] = name === 'affectedGroups' ? all : (all[0] ?? '');
    }
    return data({ intent, ...failure, values }, { status: (error as { status: number }).status });
  }
  const outcome = OUTCOMES[intent];
  const target =
    intent === 'endorse'
      ? `/${locale}/clusters/${params.slug}/diagnostic`
      : `/${locale}/clusters/${params.slug}/diagnostic/edit${outcome.anchor}`;
  return redirectWithFlash(target, { key: `needs.diagnostics.flash.${outcome.flash}`, kind: 'success' });
}

interface Failure {
  intent: Intent;
  fieldErrors: Record<string, string>;
  formError: string;
  values: Record<string, string | string[]>;
}

export default function DiagnosticEditPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { cluster, draft, latestRound, themes, today } = loaderData;
  const failure = actionData as Failure | undefined;
  const base = `/${locale}/clusters/${cluster.slug}`;
  const failureOf = (...intents: Intent[]) => (failure && intents.includes(failure.intent) ? failure : undefined);

  return (
    <div className="diagnostic diagnostic-edit">
      <p className="cluster-card__meta">
        <Link to={base}>
          <TranslatedText value={cluster.name} sourceLocale={cluster.sourceLocale} />
        </Link>
        {' · '}
        <Link to={`${base}/diagnostic`}>{t('needs.diagnostics.edit.back')}</Link>
      </p>
      <h1>{t('needs.diagnostics.edit.title')}</h1>
      {draft ? (
        <DraftEditor draft={draft} themes={themes} failureOf={failureOf} />
      ) : (
        <section aria-labelledby="diagnostic-start">
          <h2 id="diagnostic-start">{t('needs.diagnostics.edit.start.title')}</h2>
          <p>
            {latestRound === null
              ? t('needs.diagnostics.edit.start.first')
              : t('needs.diagnostics.edit.start.copy', { round: latestRound })}
          </p>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="start" />
            <FormAlert failure={failureOf('start')} />
            <Field id="start-date" label={t('needs.diagnostics.field.diagnosedOn')} error={failureOf('start')?.fieldErrors.diagnosedOn}>
              {(props) => <input {...props} name="diagnosedOn" type="date" required defaultValue={today} />}
            </Field>
            <SubmitButton>{t('needs.diagnostics.edit.start.submit')}</SubmitButton>
          </Form>
        </section>
      )}
    </div>
  );
}

function DraftEditor({
  draft,
  themes,
  failureOf,
}: {
  draft: Diagnostic;
  themes: ThemeNames;
  failureOf: (...intents: Intent[]) => Failure | undefined;
}) {
  const t = useT();
  const swotFailure = failureOf('addSwot', 'removeSwot');
  const baselineFailure = failureOf('addBaseline', 'removeBaseline');
  const endorseFailure = failureOf('endorse');
  const v = (failure: Failure | undefined, name: string) => {
    const value = failure?.values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const addFailure = failureOf('addChallenge');
  const updateFailure = failureOf('updateChallenge');
  const failedEdit = (id: string) => (updateFailure?.values.item === id ? updateFailure : undefined);
  const activeThemes = themes.filter((theme) => !theme.archived);

  return (
    <>
      <p className="diagnostic__notice">{t('needs.diagnostics.edit.draftOf', { round: draft.round })}</p>

      <section aria-labelledby="diagnostic-date">
        <h2 id="diagnostic-date">{t('needs.diagnostics.field.diagnosedOn')}</h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="date" />
          <input type="hidden" name="diagnostic" value={draft.id} />
          <FormAlert failure={failureOf('date')} />
          <Field id="draft-date" label={t('needs.diagnostics.field.diagnosedOn')} error={failureOf('date')?.fieldErrors.diagnosedOn}>
            {(props) => (
              <input
                {...props}
                name="diagnosedOn"
                type="date"
                required
                defaultValue={v(failureOf('date'), 'diagnosedOn') ?? draft.diagnosedOn}
              />
            )}
          </Field>
          <SubmitButton>{t('needs.diagnostics.edit.date.submit')}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="diagnostic-challenges">
        <h2 id="diagnostic-challenges">{t('needs.diagnostics.challenges.title')}</h2>
        <FormAlert failure={failureOf('removeChallenge')} />
        {draft.challenges.length === 0 ? (
          <p className="diagnostic__empty">{t('needs.diagnostics.challenges.empty')}</p>
        ) : (
          <ChallengesByTheme
            challenges={draft.challenges}
            themes={themes}
            idPrefix="edit-theme"
            detail={(challenge) => (
              <>
                <details open={failedEdit(challenge.id) ? true : undefined}>
                  <summary>{t('needs.diagnostics.edit.editChallenge')}</summary>
                  <ChallengeForm
                    prefix={`edit-${challenge.id}`}
                    intent="updateChallenge"
                    target={{ name: 'item', value: challenge.id }}
                    values={failedEdit(challenge.id)?.values ?? valuesOf(challenge)}
                    failure={failedEdit(challenge.id)}
                    themes={themes.filter((theme) => !theme.archived || theme.code === challenge.themeCode)}
                    submitLabel={t('needs.diagnostics.edit.challenge.save')}
                  />
                </details>
                <RemoveButton intent="removeChallenge" item={challenge.id} label={t('needs.diagnostics.edit.removeChallenge')} />
              </>
            )}
          />
        )}

        <h3 id="add-challenge">{t('needs.diagnostics.edit.challenge.add')}</h3>
        <ChallengeForm
          prefix="challenge"
          intent="addChallenge"
          target={{ name: 'diagnostic', value: draft.id }}
          values={addFailure?.values ?? {}}
          failure={addFailure}
          themes={activeThemes}
          labelledBy="add-challenge"
          submitLabel={t('needs.diagnostics.edit.challenge.submit')}
        />
      </section>

      <section aria-labelledby="diagnostic-swot">
        <h2 id="diagnostic-swot">{t('needs.diagnostics.swot.title')}</h2>
        <FormAlert failure={failureOf('removeSwot')} />
        {SWOT_KINDS.map((kind) => {
          const items = draft.swot.filter((item) => item.kind === kind);
          return (
            <section key={kind} aria-labelledby={`edit-swot-${kind}`}>
              <h3 id={`edit-swot-${kind}`}>{t(`needs.diagnostics.swot.${kind}`)}</h3>
              {items.length === 0 ? (
                <p className="diagnostic__empty">{t('needs.diagnostics.swot.empty')}</p>
              ) : (
                <ul className="diagnostic__items">
                  {items.map((item) => (
                    <li key={item.id}>
                      <TranslatedText value={item.text} sourceLocale={item.sourceLocale} />{' '}
                      <RemoveButton intent="removeSwot" item={item.id} label={t('needs.diagnostics.edit.removeSwot')} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
        <h3 id="add-swot">{t('needs.diagnostics.edit.swot.add')}</h3>
        <Form method="post" className="form" aria-labelledby="add-swot" key={failureOf('addSwot') ? 'failed' : 'fresh'}>
          <input type="hidden" name="intent" value="addSwot" />
          <input type="hidden" name="diagnostic" value={draft.id} />
          <FormAlert failure={failureOf('addSwot')} />
          <Field id="swot-kind" label={t('needs.diagnostics.field.kind')} error={swotFailure?.fieldErrors.kind}>
            {(props) => (
              <select {...props} name="kind" required defaultValue={v(swotFailure, 'kind') ?? 'strength'}>
                {SWOT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`needs.diagnostics.swot.kind.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <LanguageField id="swot-language" value={v(failureOf('addSwot'), 'language')} />
          <Field id="swot-text" label={t('needs.diagnostics.field.text')} error={swotFailure?.fieldErrors.text}>
            {(props) => (
              <textarea {...props} name="text" rows={2} required maxLength={500} dir="auto" defaultValue={v(swotFailure, 'text')} />
            )}
          </Field>
          <SubmitButton>{t('needs.diagnostics.edit.swot.submit')}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="diagnostic-baseline">
        <h2 id="diagnostic-baseline">{t('needs.diagnostics.baseline.title')}</h2>
        <FormAlert failure={failureOf('removeBaseline')} />
        {draft.baseline.length > 0 ? (
          <BaselineTable
            figures={draft.baseline}
            captionId="diagnostic-baseline"
            action={(figure) => (
              <RemoveButton intent="removeBaseline" item={figure.id} label={t('needs.diagnostics.edit.removeBaseline')} />
            )}
          />
        ) : (
          <p className="diagnostic__empty">{t('needs.diagnostics.baseline.empty')}</p>
        )}
        <h3 id="add-baseline">{t('needs.diagnostics.edit.baseline.add')}</h3>
        <Form method="post" className="form" aria-labelledby="add-baseline" key={failureOf('addBaseline') ? 'failed' : 'fresh'}>
          <input type="hidden" name="intent" value="addBaseline" />
          <input type="hidden" name="diagnostic" value={draft.id} />
          <FormAlert failure={failureOf('addBaseline')} />
          <Field
            id="baseline-indicator"
            label={t('needs.diagnostics.field.indicatorCode')}
            error={baselineFailure?.fieldErrors.indicatorCode}
          >
            {(props) => (
              <select {...props} name="indicatorCode" required defaultValue={v(baselineFailure, 'indicatorCode') ?? ''}>
                <option value="">{t('needs.diagnostics.edit.choose')}</option>
                {BASELINE_INDICATORS.map((code) => (
                  <option key={code} value={code}>
                    {t(`needs.diagnostics.indicator.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="baseline-value" label={t('needs.diagnostics.field.value')} error={baselineFailure?.fieldErrors.value}>
            {(props) => <input {...props} name="value" inputMode="decimal" required dir="ltr" defaultValue={v(baselineFailure, 'value')} />}
          </Field>
          <Field id="baseline-unit" label={t('needs.diagnostics.field.unit')} error={baselineFailure?.fieldErrors.unit}>
            {(props) => (
              <select {...props} name="unit" required defaultValue={v(baselineFailure, 'unit') ?? 'count'}>
                {UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {unit === 'count' || unit === 'percent' ? t(`needs.diagnostics.unit.${unit}`) : unit}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="baseline-year" label={t('needs.diagnostics.field.year')} error={baselineFailure?.fieldErrors.year}>
            {(props) => (
              <input
                {...props}
                name="year"
                type="number"
                min={1990}
                max={2100}
                required
                dir="ltr"
                defaultValue={v(baselineFailure, 'year') ?? draft.diagnosedOn.slice(0, 4)}
              />
            )}
          </Field>
          <Field id="baseline-source" label={t('needs.diagnostics.field.sourceInput')} error={baselineFailure?.fieldErrors.source}>
            {(props) => <input {...props} name="source" maxLength={300} dir="auto" defaultValue={v(baselineFailure, 'source')} />}
          </Field>
          <SubmitButton>{t('needs.diagnostics.edit.baseline.submit')}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="diagnostic-endorse">
        <h2 id="diagnostic-endorse">{t('needs.diagnostics.edit.endorse.title')}</h2>
        <p>{t('needs.diagnostics.edit.endorse.hint')}</p>
        <Form method="post" className="form" key={endorseFailure ? 'failed' : 'fresh'}>
          <input type="hidden" name="intent" value="endorse" />
          <input type="hidden" name="diagnostic" value={draft.id} />
          <FormAlert failure={endorseFailure} />
          <Field id="endorse-name" label={t('needs.diagnostics.field.endorserName')} error={endorseFailure?.fieldErrors.name}>
            {(props) => (
              <input
                {...props}
                name="name"
                required
                maxLength={120}
                dir="auto"
                autoComplete="off"
                defaultValue={v(endorseFailure, 'name')}
              />
            )}
          </Field>
          <Field id="endorse-role" label={t('needs.diagnostics.field.endorserRole')} error={endorseFailure?.fieldErrors.role}>
            {(props) => (
              <input
                {...props}
                name="role"
                required
                maxLength={120}
                dir="auto"
                autoComplete="off"
                defaultValue={v(endorseFailure, 'role')}
              />
            )}
          </Field>
          <SubmitButton>{t('needs.diagnostics.edit.endorse.submit')}</SubmitButton>
        </Form>
      </section>
    </>
  );
}

/** The failure's summary, focused when it appears (so a screen reader hears it after the post). */
function FormAlert({ failure }: { failure: Failure | undefined }) {
  const t = useT();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (failure) ref.current?.focus();
  }, [failure]);
  if (!failure) return null;
  return (
    <p className="form-error" role="alert" tabIndex={-1} ref={ref}>
      {t(failure.formError)}
    </p>
  );
}

interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  children: (props: ControlProps) => ReactNode;
}) {
  const t = useT();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {t(error)}
        </p>
      )}
    </div>
  );
}

function ChoiceGroup({ id, legend, error, children }: { id: string; legend: string; error: string | undefined; children: ReactNode }) {
  const t = useT();
  return (
    <fieldset className="field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="diagnostic__choices">{children}</div>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {t(error)}
        </p>
      )}
    </fieldset>
  );
}

function LanguageField({ id, value }: { id: string; value: string | undefined }) {
  const t = useT();
  const locale = useLocale();
  const chosen = value ?? locale;
  return (
    <Field id={id} label={t('needs.diagnostics.field.language')} error={undefined}>
      {(props) => (
        <select {...props} name="language" defaultValue={chosen}>
          {LOCALES.map((language: Locale) => (
            <option key={language} value={language} lang={language}>
              {t(`shell.language.${language}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function RemoveButton({ intent, item, label }: { intent: Intent; item: string; label: string }) {
  const navigation = useNavigation();
  return (
    <Form method="post" className="diagnostic__remove">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="item" value={item} />
      <button type="submit" className="button button--danger" disabled={navigation.state === 'submitting'}>
        {label}
      </button>
    </Form>
  );
}

function SubmitButton({ children }: { children: ReactNode }) {
  const navigation = useNavigation();
  return (
    <p>
      <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
        {children}
      </button>
    </p>
  );
}

/** What a challenge's edit form starts with: its values, its texts in their source language. */
function valuesOf(challenge: Diagnostic['challenges'][number]): Record<string, string | string[]> {
  const language = challenge.sourceLocale;
  const inSource = (value: Partial<Record<Locale, string>> | null) => (value ? (value[language] ?? Object.values(value)[0] ?? '') : '');
  return {
    themeCode: challenge.themeCode,
    language,
    description: inSource(challenge.description),
    severity: String(challenge.severity),
    affectedGroups: challenge.affectedGroups,
    genderDimension: challenge.genderDimension,
    genderNote: inSource(challenge.genderNote),
    evidence: inSource(challenge.evidence),
    evidenceUrl: challenge.evidenceUrl ?? '',
  };
}

/** A challenge's fields, empty (adding) or filled in (editing one); texts in the language chosen beside them. */
function ChallengeForm({
  prefix,
  intent,
  target,
  values,
  failure,
  themes,
  labelledBy,
  submitLabel,
}: {
  prefix: string;
  intent: 'addChallenge' | 'updateChallenge';
  /** The round (adding) or the challenge (editing). */
  target: { name: 'diagnostic' | 'item'; value: string };
  values: Record<string, string | string[]>;
  failure: Failure | undefined;
  themes: ThemeNames;
  labelledBy?: string;
  submitLabel: string;
}) {
  const t = useT();
  const locale = useLocale();
  const v = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const groups = Array.isArray(values.affectedGroups) ? values.affectedGroups : [];
  return (
    <Form method="post" className="form" aria-labelledby={labelledBy} key={failure ? 'failed' : 'fresh'}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={target.name} value={target.value} />
      <FormAlert failure={failure} />
      <Field id={`${prefix}-theme`} label={t('needs.diagnostics.field.themeCode')} error={failure?.fieldErrors.themeCode}>
        {(props) => (
          <select {...props} name="themeCode" required defaultValue={v('themeCode') ?? ''}>
            <option value="">{t('needs.diagnostics.edit.choose')}</option>
            {themes.map((theme) => (
              <option key={theme.code} value={theme.code}>
                {textIn(theme.name, locale, null, theme.code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LanguageField id={`${prefix}-language`} value={v('language')} />
      <Field id={`${prefix}-description`} label={t('needs.diagnostics.field.description')} error={failure?.fieldErrors.description}>
        {(props) => (
          <textarea {...props} name="description" rows={3} required maxLength={2000} dir="auto" defaultValue={v('description')} />
        )}
      </Field>
      <ChoiceGroup legend={t('needs.diagnostics.field.severity')} error={failure?.fieldErrors.severity} id={`${prefix}-severity`}>
        {SEVERITIES.map((severity) => (
          <label key={severity} className="choice">
            <input type="radio" name="severity" value={severity} required defaultChecked={v('severity') === String(severity)} />
            {t(`needs.diagnostics.severity.${['low', 'moderate', 'high', 'critical'][severity - 1]}`)}
          </label>
        ))}
      </ChoiceGroup>
      <ChoiceGroup legend={t('needs.diagnostics.field.affectedGroups')} error={failure?.fieldErrors.affectedGroups} id={`${prefix}-groups`}>
        {AFFECTED_GROUPS.map((group) => (
          <label key={group} className="choice">
            <input type="checkbox" name="affectedGroups" value={group} defaultChecked={groups.includes(group)} />
            {t(`needs.diagnostics.group.${group}`)}
          </label>
        ))}
      </ChoiceGroup>
      <ChoiceGroup
        legend={t('needs.diagnostics.field.genderDimension')}
        error={failure?.fieldErrors.genderDimension}
        id={`${prefix}-gender`}
      >
        {GENDER_DIMENSIONS.map((dimension) => (
          <label key={dimension} className="choice">
            <input type="radio" name="genderDimension" value={dimension} defaultChecked={(v('genderDimension') ?? 'none') === dimension} />
            {t(`needs.diagnostics.gender.${dimension}`)}
          </label>
        ))}
      </ChoiceGroup>
      <Field id={`${prefix}-gender-note`} label={t('needs.diagnostics.field.genderNote')} error={failure?.fieldErrors.genderNote}>
        {(props) => <textarea {...props} name="genderNote" rows={2} maxLength={1000} dir="auto" defaultValue={v('genderNote')} />}
      </Field>
      <Field
        id={`${prefix}-evidence`}
        label={t('needs.diagnostics.field.evidenceInput')}
        hint={t('needs.diagnostics.edit.evidenceHint')}
        error={failure?.fieldErrors.evidence}
      >
        {(props) => <textarea {...props} name="evidence" rows={2} maxLength={1000} dir="auto" defaultValue={v('evidence')} />}
      </Field>
      <Field id={`${prefix}-evidence-url`} label={t('needs.diagnostics.field.evidenceUrl')} error={failure?.fieldErrors.evidenceUrl}>
        {(props) => <input {...props} name="evidenceUrl" type="url" dir="ltr" maxLength={500} defaultValue={v('evidenceUrl')} />}
      </Field>
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}

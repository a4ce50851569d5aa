/**
 * /{locale}/forms/manage: the forms the signed-in person manages (programme staff, cluster
 * managers): title in the page's language, scope, latest version, draft or published, number of
 * responses; and a new form (code, title in ar/fr/en, a scope the person may manage). Those who
 * manage no form get 403. Works without JavaScript.
 */
import { data, Form, Link } from 'react-router';
import { listClusters, listCountries } from '#app/modules/directory/index.ts';
import {
  type CreateFormInput,
  codeFromLabel,
  createForm,
  type FormScopeType,
  formScopeChoices,
  formTextFromFields,
  listForms,
} from '#app/modules/forms/index.ts';
import { needsSurveysAmong, startNeedsSurvey } from '#app/modules/needs/index.ts';
import type { UserActor } from '#app/shared/auth/actor.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/list';
import { asErrorResponse, editFailure, requireSignedIn } from './builder.server.ts';
import { ErrorText, TextFields } from './builder-fields.tsx';
import './forms-builder.css';

export const meta = titled('forms.builder.list.title', 'forms.builder.list.lead');
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

/** The scopes the person may create a form in, as `global`, `country:TN`, `cluster:el-jem-mosaic`, with their names in every language. */
async function scopeOptions(actor: UserActor) {
  const choices = formScopeChoices(actor);
  if (!choices) throw new Response(null, { status: 403 });
  const [countries, clusters] = await Promise.all([listCountries(), listClusters(actor)]);
  const options: { value: string; type: FormScopeType; name: Record<string, string | undefined> | null }[] = [];
  if (choices.global) options.push({ value: 'global', type: 'global', name: null });
  for (const country of countries)
    if (choices.countries === 'any' || choices.countries.includes(country.iso2))
      options.push({ value: `country:${country.iso2}`, type: 'country', name: country.name });
  for (const cluster of clusters.items)
    if (choices.clusters === 'any' || choices.clusters.includes(cluster.slug))
      options.push({ value: `cluster:${cluster.slug}`, type: 'cluster', name: cluster.name });
  return options;
}

export async function loader(args: Route.LoaderArgs) {
  const { actor, locale } = requireSignedIn(args);
  const [scopes, forms] = await Promise.all([scopeOptions(actor), listForms(actor).catch(asErrorResponse)]);
  const scopeName = new Map(scopes.map((s) => [s.value, s.name]));
  const surveys = await needsSurveysAmong(
    actor,
    forms.map((f) => f.code),
  );
  return {
    basePath: `/${locale}/forms/manage`,
    scopes,
    forms: forms.map((f) => ({
      code: f.code,
      title: f.title,
      scopeType: f.scope.type,
      scopeName: scopeName.get(f.scope.type === 'global' ? 'global' : `${f.scope.type}:${f.scope.id}`) ?? null,
      scopeId: f.scope.id,
      publishedVersion: f.publishedVersion,
      draftVersion: f.draftVersion,
      responses: f.responses.draft + f.responses.submitted,
      /** A published needs survey is sent and followed up from its invitations page. */
      invitationsPath: surveys.has(f.code) && f.publishedVersion !== null ? `/${locale}/needs/surveys/${f.code}/invitations` : null,
    })),
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  const read = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const title = formTextFromFields(read, 'title');
  const code = read('code')?.trim().toLowerCase() || codeFromLabel(title, 'form');
  const [type = '', id = null] = (read('scope') ?? '').split(':');
  const scope = { type, id } as CreateFormInput['scope'];
  try {
    if (read('start') === 'needs-survey') await startNeedsSurvey(actor, { code, title, scope });
    else await createForm(actor, { code, title, scope });
  } catch (error) {
    const { status, failure } = editFailure(error, 'form.create', '');
    // The contract names the fields of the title `title` and the scope's `scope.id`.
    const fieldErrors: Record<string, string> = {};
    for (const [field, message] of Object.entries(failure.fieldErrors)) fieldErrors[field.split('.')[0] ?? field] ??= message;
    return data(
      {
        failure: { ...failure, fieldErrors },
        values: { code: read('code') ?? '', title, scope: read('scope') ?? '', start: read('start') ?? '' },
      },
      { status },
    );
  }
  return redirectWithFlash(`/${locale}/forms/manage/${code}`, { key: 'forms.builder.flash.created', kind: 'success' });
}

export default function FormsManagePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { forms, scopes, basePath } = loaderData;
  const failure = actionData?.failure;
  const values = actionData?.values;
  const errors = failure?.fieldErrors ?? {};
  const scopeLabel = (type: FormScopeType, name: Record<string, string | undefined> | null, id: string | null) =>
    type === 'global' ? t('forms.builder.scope.global') : t(`forms.builder.scope.${type}`, { name: textIn(name, locale, null, id ?? '') });

  return (
    <div className="builder-page">
      <h1>{t('forms.builder.list.title')}</h1>
      <p className="lead">{t('forms.builder.list.lead')}</p>
      <section aria-labelledby="forms-list-title">
        <h2 id="forms-list-title">{t('forms.builder.list.count', { count: forms.length })}</h2>
        {forms.length === 0 ? (
          <p>{t('forms.builder.list.empty')}</p>
        ) : (
          <ul className="builder-list">
            {forms.map((f) => (
              <li key={f.code} className="card">
                <h3>
                  <Link to={`${basePath}/${f.code}`} dir="auto">
                    {textIn(f.title, locale, null, f.code)}
                  </Link>
                </h3>
                <p className="field__hint">
                  <code dir="ltr">{f.code}</code> · {scopeLabel(f.scopeType, f.scopeName, f.scopeId)}
                </p>
                <p>
                  {f.publishedVersion === null
                    ? t('forms.builder.list.neverPublished')
                    : t('forms.builder.list.published', { version: f.publishedVersion })}
                  {f.draftVersion !== null && <> · {t('forms.builder.list.draft', { version: f.draftVersion })}</>} ·{' '}
                  {t('forms.builder.list.responses', { count: f.responses })}
                </p>
                {f.invitationsPath && (
                  <p>
                    <Link to={f.invitationsPath}>{t('forms.builder.list.invitations')}</Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="new-form-title">
        <h2 id="new-form-title">{t('forms.builder.new.title')}</h2>
        <Form method="post" className="form">
          {failure && (
            <p className="form-error" role="alert">
              {t(failure.formError)}
            </p>
          )}
          <TextFields
            id="new-form-title-text"
            name="title"
            legend={t('forms.builder.new.formTitle')}
            value={values?.title}
            error={errors.title}
            required
          />
          <div className="field">
            <label htmlFor="new-form-code">{t('forms.builder.field.code')}</label>
            <p className="field__hint" id="new-form-code-hint">
              {t('forms.builder.new.codeHint')}
            </p>
            <input
              id="new-form-code"
              name="code"
              dir="ltr"
              defaultValue={values?.code}
              pattern="[a-z0-9]+([\-_][a-z0-9]+)*"
              aria-invalid={errors.code ? true : undefined}
              aria-describedby={errors.code ? 'new-form-code-hint new-form-code-error' : 'new-form-code-hint'}
            />
            <ErrorText id="new-form-code-error" error={errors.code} />
          </div>
          <div className="field">
            <label htmlFor="new-form-scope">{t('forms.builder.new.scope')}</label>
            <select
              id="new-form-scope"
              name="scope"
              defaultValue={values?.scope}
              aria-invalid={errors.scope ? true : undefined}
              aria-describedby={errors.scope ? 'new-form-scope-error' : undefined}
            >
              {scopes.map((s) => (
                <option key={s.value} value={s.value}>
                  {scopeLabel(s.type, s.name, s.value.split(':')[1] ?? null)}
                </option>
              ))}
            </select>
            <ErrorText id="new-form-scope-error" error={errors.scope} />
          </div>
          <fieldset className="field">
            <legend>{t('forms.builder.new.start')}</legend>
            <label>
              <input type="radio" name="start" value="empty" defaultChecked={values?.start !== 'needs-survey'} />{' '}
              {t('forms.builder.new.startEmpty')}
            </label>
            <label>
              <input type="radio" name="start" value="needs-survey" defaultChecked={values?.start === 'needs-survey'} />{' '}
              {t('forms.builder.new.startNeedsSurvey')}
            </label>
            <p className="field__hint">{t('forms.builder.new.startNeedsSurveyHint')}</p>
          </fieldset>
          <p>
            <button type="submit" className="button button--primary">
              {t('forms.builder.new.submit')}
            </button>
          </p>
        </Form>
      </section>
    </div>
  );
}

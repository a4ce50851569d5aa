/**
 * /{locale}/needs/themes: the challenge taxonomy for those who manage it (`taxonomy.manage`; the
 * service refuses anyone else, 403). Every theme, archived ones included, in order: names and
 * descriptions edited in Arabic, French and English side by side, moved up or down, archived or
 * restored; a new theme is added with its code made from its English name (frozen once given).
 * Plain POST forms, one intent each; a refusal or a bad value changes nothing and says why beside
 * the field.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { data, Form, isRouteErrorResponse, useNavigation } from 'react-router';
import { requireStaffPage } from '#app/modules/identity/index.ts';
import {
  archiveChallengeTheme,
  type ChallengeTheme,
  createChallengeTheme,
  listChallengeThemes,
  moveChallengeTheme,
  restoreChallengeTheme,
  TAXONOMY_MANAGE,
  updateChallengeTheme,
} from '#app/modules/needs/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { LOCALES, type Locale } from '#app/shared/i18n/locales.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import { asErrorResponse } from '../clusters/cluster-page.server.ts';
import { localeOf, namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/themes';
import { createInputOf, type ThemeFormFailure, themeCodeFromName, themeFailureOf, updateInputOf } from './themes-form.ts';
import '#app/styles/directory.css';
import '#app/styles/needs-themes.css';

export const meta: Route.MetaFunction = ({ matches }) =>
  namedPageMeta(matches, pageMessage(matches, 'needs.themes.title'), pageMessage(matches, 'needs.themes.lead'));

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader({ params, request, context }: Route.LoaderArgs) {
  // The staff gate (sign-in, two-factor for staff roles, 403 without the permission); the service decides too.
  const actor = await requireStaffPage(context.get(requestContext).actor, TAXONOMY_MANAGE, localeOf(params), { request });
  const themes = await listChallengeThemes(actor, { includeArchived: true }).catch(asErrorResponse);
  return { themes };
}

const INTENTS = ['create', 'update', 'up', 'down', 'archive', 'restore'] as const;
type Intent = (typeof INTENTS)[number];
const isIntent = (value: string): value is Intent => (INTENTS as readonly string[]).includes(value);

const FLASH: Record<Intent, string> = {
  create: 'created',
  update: 'saved',
  up: 'moved',
  down: 'moved',
  archive: 'archived',
  restore: 'restored',
};

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = await requireStaffPage(context.get(requestContext).actor, TAXONOMY_MANAGE, locale, { request });
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (!isIntent(intent)) throw new Response(null, { status: 400 });
  const code = String(form.get('code') ?? '');
  let anchor = code;
  try {
    if (intent === 'create') anchor = (await createChallengeTheme(actor, createInputOf(form))).code;
    else if (intent === 'update') await updateChallengeTheme(actor, code, updateInputOf(form));
    else if (intent === 'up' || intent === 'down') await moveChallengeTheme(actor, code, intent);
    else if (intent === 'archive') await archiveChallengeTheme(actor, code);
    else await restoreChallengeTheme(actor, code);
  } catch (error) {
    const failure = themeFailureOf(error);
    if (!failure) asErrorResponse(error);
    const values = Object.fromEntries([...form.entries()].map(([name, value]) => [name, String(value)]));
    return data({ intent, code, ...failure, values }, { status: (error as { status: number }).status });
  }
  return redirectWithFlash(`/${locale}/needs/themes#theme-${anchor}`, { key: `needs.themes.flash.${FLASH[intent]}`, kind: 'success' });
}

interface Failure extends ThemeFormFailure {
  intent: Intent;
  code: string;
  values: Record<string, string>;
}

const LANGUAGE_ATTRIBUTES: Record<Locale, { lang: Locale; dir: 'rtl' | 'ltr' }> = {
  ar: { lang: 'ar', dir: 'rtl' },
  fr: { lang: 'fr', dir: 'ltr' },
  en: { lang: 'en', dir: 'ltr' },
};

export default function ThemesPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { themes } = loaderData;
  const failure = actionData as Failure | undefined;
  const failureFor = (intent: Intent, code = '') => (failure && failure.intent === intent && failure.code === code ? failure : undefined);
  const createFailure = failure?.intent === 'create' ? failure : undefined;

  return (
    <article className="needs-themes" aria-labelledby="needs-themes-title">
      <h1 id="needs-themes-title">{t('needs.themes.title')}</h1>
      <p>{t('needs.themes.lead')}</p>

      <section aria-labelledby="needs-themes-list">
        <h2 id="needs-themes-list">{t('needs.themes.list', { count: themes.length })}</h2>
        <ol className="needs-themes__list">
          {themes.map((theme, index) => (
            <ThemeItem
              key={theme.code}
              theme={theme}
              first={index === 0}
              last={index === themes.length - 1}
              failure={failureFor('update', theme.code)}
              actionFailure={
                failure && failure.intent !== 'update' && failure.intent !== 'create' && failure.code === theme.code ? failure : undefined
              }
            />
          ))}
        </ol>
      </section>

      <section aria-labelledby="needs-themes-add" className="needs-themes__add">
        <h2 id="needs-themes-add">{t('needs.themes.add.title')}</h2>
        <p className="field__hint" id="needs-themes-add-hint">
          {t('needs.themes.add.hint')}
        </p>
        <Form
          method="post"
          className="form"
          aria-labelledby="needs-themes-add"
          aria-describedby="needs-themes-add-hint"
          key={createFailure ? 'failed' : 'fresh'}
        >
          <input type="hidden" name="intent" value="create" />
          <FormAlert failure={createFailure} />
          <TextsFields prefix="new" field="name" failure={createFailure} values={createFailure?.values ?? {}} required />
          <TextsFields prefix="new" field="description" failure={createFailure} values={createFailure?.values ?? {}} />
          {createFailure?.values['name.en'] ? (
            <p className="field__hint">
              {t('needs.themes.add.codePreview')} <code dir="ltr">{themeCodeFromName(createFailure.values['name.en'])}</code>
            </p>
          ) : null}
          <SubmitButton>{t('needs.themes.add.submit')}</SubmitButton>
        </Form>
      </section>
    </article>
  );
}

function ThemeItem({
  theme,
  first,
  last,
  failure,
  actionFailure,
}: {
  theme: ChallengeTheme;
  first: boolean;
  last: boolean;
  failure: Failure | undefined;
  actionFailure: Failure | undefined;
}) {
  const t = useT();
  const archived = theme.archivedAt !== null;
  const titleId = `theme-${theme.code}-title`;
  const values: Record<string, string> = failure?.values ?? {
    ...Object.fromEntries(LOCALES.map((locale) => [`name.${locale}`, theme.name[locale] ?? ''])),
    ...Object.fromEntries(LOCALES.map((locale) => [`description.${locale}`, theme.description?.[locale] ?? ''])),
  };
  const name = <TranslatedText value={theme.name} sourceLocale={null} />;
  const plainName = textIn(theme.name, useLocale(), null, theme.code);
  return (
    <li id={`theme-${theme.code}`} className={archived ? 'needs-themes__item needs-themes__item--archived' : 'needs-themes__item'}>
      <h3 id={titleId}>
        {name}
        {archived ? <span className="badge"> {t('needs.themes.archived')}</span> : null}
      </h3>
      <p className="needs-themes__code">
        {t('needs.themes.code')} <code dir="ltr">{theme.code}</code>
      </p>
      {theme.description ? <TranslatedText as="p" value={theme.description} sourceLocale={null} /> : null}
      <FormAlert failure={actionFailure} />
      <details open={failure ? true : undefined}>
        <summary>
          {t('needs.themes.edit')}
          <span className="visually-hidden">: {plainName}</span>
        </summary>
        <Form method="post" className="form" aria-labelledby={titleId} key={failure ? 'failed' : 'fresh'}>
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="code" value={theme.code} />
          <FormAlert failure={failure} />
          <TextsFields prefix={theme.code} field="name" failure={failure} values={values} required />
          <TextsFields prefix={theme.code} field="description" failure={failure} values={values} />
          <SubmitButton>{t('needs.themes.save')}</SubmitButton>
        </Form>
      </details>
      <div className="needs-themes__actions">
        {first ? null : <ActionButton code={theme.code} intent="up" label={t('needs.themes.up')} themeName={plainName} />}
        {last ? null : <ActionButton code={theme.code} intent="down" label={t('needs.themes.down')} themeName={plainName} />}
        {archived ? (
          <ActionButton code={theme.code} intent="restore" label={t('needs.themes.restore')} themeName={plainName} />
        ) : (
          <ActionButton code={theme.code} intent="archive" label={t('needs.themes.archive')} themeName={plainName} />
        )}
      </div>
    </li>
  );
}

/** One small form per action; the theme's name completes the button's accessible name. */
function ActionButton({ code, intent, label, themeName }: { code: string; intent: Intent; label: string; themeName: string }) {
  const navigation = useNavigation();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="code" value={code} />
      <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
        {label}
        <span className="visually-hidden">: {themeName}</span>
      </button>
    </Form>
  );
}

/** A text in Arabic, French and English side by side, each in its own language and direction. */
function TextsFields({
  prefix,
  field,
  failure,
  values,
  required = false,
}: {
  prefix: string;
  field: 'name' | 'description';
  failure: Failure | undefined;
  values: Record<string, string>;
  required?: boolean;
}) {
  const t = useT();
  const groupError = failure?.fieldErrors[field];
  const groupId = `${prefix}-${field}`;
  return (
    <fieldset className="field needs-themes__texts" aria-describedby={groupError ? `${groupId}-error` : `${groupId}-hint`}>
      <legend>{t(`needs.themes.field.${field}`)}</legend>
      <p className="field__hint" id={`${groupId}-hint`}>
        {required ? t('needs.themes.field.oneLanguage') : t('needs.themes.field.optional')}
      </p>
      <div className="needs-themes__languages">
        {LOCALES.map((locale) => {
          const id = `${groupId}-${locale}`;
          const error = failure?.fieldErrors[`${field}.${locale}`];
          const props = {
            id,
            name: `${field}.${locale}`,
            defaultValue: values[`${field}.${locale}`] ?? '',
            'aria-invalid': error || groupError ? true : undefined,
            'aria-describedby': error ? `${id}-error` : undefined,
            ...LANGUAGE_ATTRIBUTES[locale],
          };
          return (
            <div className="field" key={locale}>
              <label htmlFor={id}>{t(`shell.language.${locale}`)}</label>
              {field === 'name' ? <input {...props} maxLength={120} /> : <textarea {...props} rows={3} maxLength={300} />}
              {error ? (
                <p className="field__error" id={`${id}-error`}>
                  {t(error)}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      {groupError ? (
        <p className="field__error" id={`${groupId}-error`}>
          {t(groupError)}
        </p>
      ) : null}
    </fieldset>
  );
}

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

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}

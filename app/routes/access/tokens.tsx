/**
 * /{locale}/account/tokens: a person's API tokens. Lists them, creates one (the plaintext is in
 * the action's response only, so it is shown once) and revokes one after a confirmation step that
 * is a plain link and a form, so the page works without JavaScript.
 */
import { useEffect, useRef, useState } from 'react';
import { FormattedDate } from 'react-intl';
import { data, Form, Link, useNavigation } from 'react-router';
import { AccountNav } from '#app/modules/identity/components/account-nav.tsx';
import {
  API_TOKEN_LIFETIMES_DAYS,
  API_TOKEN_LIST_LIMIT,
  createApiToken,
  listApiTokens,
  requireAccountPage,
  revokeApiToken,
} from '#app/modules/identity/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/tokens';
import '#app/styles/identity.css';
import '#app/styles/access.css';

export const meta = titled('access.tokens.title', 'access.tokens.lead');

/** Personal data, and right after creation a secret: never cached. */
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
}

/** A refused service call becomes the matching error page (403 for a token trying to manage tokens). */
function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status });
  throw error;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const tokens = await listApiTokens(actor).catch(asErrorResponse);
  const now = Date.now();
  return {
    tokens: tokens.map((token) => ({
      ...token,
      status: token.revokedAt ? 'revoked' : token.expiresAt && token.expiresAt.getTime() <= now ? 'expired' : 'active',
    })),
    truncated: tokens.length >= API_TOKEN_LIST_LIMIT,
    // Sent with the data so the page's client bundle never imports the (server-side) module index.
    lifetimesInDays: API_TOKEN_LIFETIMES_DAYS,
    confirmRevokeId: new URL(request.url).searchParams.get('revoke'),
  };
}

interface CreateFailure {
  /** i18n keys, per field. */
  fieldErrors: Record<string, string>;
  formError: string;
  values: { name: string; expiresInDays: string };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const form = await request.formData();
  const here = `/${locale}/account/tokens`;

  if (form.get('intent') === 'revoke') {
    try {
      await revokeApiToken(actor, String(form.get('tokenId') ?? ''));
    } catch (error) {
      if (isAppError(error) && error.code === 'IDENTITY_TOKEN_NOT_FOUND') {
        return redirectWithFlash(here, { key: 'errors.IDENTITY_TOKEN_NOT_FOUND', kind: 'error' });
      }
      asErrorResponse(error);
    }
    return redirectWithFlash(here, { key: 'access.tokens.revoked', kind: 'success' });
  }

  const values = { name: String(form.get('name') ?? ''), expiresInDays: String(form.get('expiresInDays') ?? '') };
  try {
    const created = await createApiToken(actor, { name: values.name, expiresInDays: values.expiresInDays || undefined });
    return { created: { name: created.name, token: created.token } };
  } catch (error) {
    if (!isAppError(error) || error.status >= 500 || error.status === 401 || error.status === 403) asErrorResponse(error);
    const fieldErrors = Object.fromEntries((error.details?.fields ?? []).map((f) => [f.field, `errors.field.${f.code}`]));
    const failure: CreateFailure = { fieldErrors, formError: `errors.${error.code}`, values };
    return data({ failure }, { status: error.status });
  }
}

export default function ApiTokensPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { tokens, truncated, confirmRevokeId, lifetimesInDays } = loaderData;
  const created = actionData && 'created' in actionData ? actionData.created : undefined;
  const failure = actionData && 'failure' in actionData ? actionData.failure : undefined;
  const toRevoke = tokens.find((token) => token.id === confirmRevokeId && token.status !== 'revoked');

  return (
    <div className="token-page">
      <h1>{t('access.tokens.title')}</h1>
      <AccountNav />
      <p className="lead">{t('access.tokens.lead')}</p>
      <p>
        {t('access.tokens.usage', {
          example: (
            <code key="example" dir="ltr">
              Authorization: Bearer mos_…
            </code>
          ),
        })}{' '}
        <a href="/api/docs">{t('access.tokens.docsLink')}</a>
      </p>

      {created && <CreatedToken name={created.name} token={created.token} />}
      {toRevoke && <ConfirmRevoke id={toRevoke.id} name={toRevoke.name} />}

      <section aria-labelledby="tokens-list-title">
        <h2 id="tokens-list-title">{t('access.tokens.list.title')}</h2>
        {tokens.length === 0 ? (
          <p>{t('access.tokens.list.empty')}</p>
        ) : (
          <ul className="token-list">
            {tokens.map((token) => (
              <li key={token.id} className="card">
                <h3 dir="auto">{token.name}</h3>
                <dl>
                  <dt>{t('access.tokens.list.prefix')}</dt>
                  <dd>
                    <code className="secret" translate="no">{`mos_${token.prefix}…`}</code>
                  </dd>
                  <dt>{t('access.tokens.list.status')}</dt>
                  <dd className={`token-status--${token.status}`}>{t(`access.tokens.status.${token.status}`)}</dd>
                  <dt>{t('access.tokens.list.created')}</dt>
                  <dd>
                    <FormattedDate value={token.createdAt} dateStyle="medium" />
                  </dd>
                  <dt>{t('access.tokens.list.lastUsed')}</dt>
                  <dd>
                    {token.lastUsedAt ? (
                      <FormattedDate value={token.lastUsedAt} dateStyle="medium" timeStyle="short" />
                    ) : (
                      t('access.tokens.list.neverUsed')
                    )}
                  </dd>
                  <dt>{t('access.tokens.list.expires')}</dt>
                  <dd>
                    {token.expiresAt ? <FormattedDate value={token.expiresAt} dateStyle="medium" /> : t('access.tokens.list.noExpiry')}
                  </dd>
                </dl>
                {token.status !== 'revoked' && (
                  <Link
                    to={`?revoke=${encodeURIComponent(token.id)}`}
                    className="button button--danger"
                    aria-label={t('access.tokens.list.revokeLabel', { name: token.name })}
                  >
                    {t('access.tokens.list.revoke')}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
        {truncated && <p className="field__hint">{t('access.tokens.list.limit')}</p>}
      </section>

      <CreateTokenForm failure={failure} lifetimesInDays={lifetimesInDays} />
    </div>
  );
}

function CreatedToken({ name, token }: { name: string; token: string }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    heading.current?.focus();
    setCanCopy(typeof navigator !== 'undefined' && Boolean(navigator.clipboard));
  }, []);
  return (
    <section className="card token-created" aria-labelledby="token-created-title">
      <h2 id="token-created-title" ref={heading} tabIndex={-1}>
        {t('access.tokens.created.title')}
      </h2>
      <p>{t('access.tokens.created.once')}</p>
      <div className="field">
        <label htmlFor="token-created-value">{t('access.tokens.created.label', { name: <bdi key="name">{name}</bdi> })}</label>
        {/* A read-only text area: the whole token stays visible and selectable at phone width. */}
        <textarea
          id="token-created-value"
          className="token-created__value"
          readOnly
          rows={2}
          value={token}
          dir="ltr"
          spellCheck={false}
          autoComplete="off"
          aria-describedby="token-created-hint"
          onFocus={(event) => event.currentTarget.select()}
        />
        <p id="token-created-hint" className="field__hint">
          {t('access.tokens.created.copyHint')}
        </p>
      </div>
      {canCopy && (
        <p className="token-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              void navigator.clipboard.writeText(token).then(() => setCopied(true));
            }}
          >
            {t('access.tokens.created.copy')}
          </button>
          <span role="status">{copied ? t('access.tokens.created.copied') : ''}</span>
        </p>
      )}
    </section>
  );
}

function ConfirmRevoke({ id, name }: { id: string; name: string }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card token-confirm" aria-labelledby="token-revoke-title">
      <h2 id="token-revoke-title" ref={heading} tabIndex={-1}>
        {t('access.tokens.revoke.title', { name: <bdi key="name">{name}</bdi> })}
      </h2>
      <p>{t('access.tokens.revoke.body')}</p>
      <Form method="post" className="token-actions">
        <input type="hidden" name="intent" value="revoke" />
        <input type="hidden" name="tokenId" value={id} />
        <button type="submit" className="button button--danger">
          {t('access.tokens.revoke.confirm')}
        </button>
        <Link to=".">{t('access.tokens.revoke.cancel')}</Link>
      </Form>
    </section>
  );
}

function CreateTokenForm({ failure, lifetimesInDays }: { failure: CreateFailure | undefined; lifetimesInDays: readonly number[] }) {
  const t = useT();
  const navigation = useNavigation();
  const nameError = failure?.fieldErrors.name;
  const expiryError = failure?.fieldErrors.expiresInDays;
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (failure) summary.current?.focus();
  }, [failure]);
  return (
    <section aria-labelledby="token-create-title">
      <h2 id="token-create-title">{t('access.tokens.create.title')}</h2>
      <Form method="post" className="form" key={failure ? 'failed' : 'fresh'}>
        {failure && (
          <p className="form-error" role="alert" tabIndex={-1} ref={summary}>
            {t(failure.formError)}
          </p>
        )}
        <input type="hidden" name="intent" value="create" />
        <div className="field">
          <label htmlFor="token-name">{t('access.tokens.create.name')}</label>
          <p id="token-name-hint" className="field__hint">
            {t('access.tokens.create.nameHint')}
          </p>
          <input
            id="token-name"
            name="name"
            required
            maxLength={80}
            dir="auto"
            autoComplete="off"
            defaultValue={failure?.values.name}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'token-name-hint token-name-error' : 'token-name-hint'}
          />
          {nameError && (
            <p id="token-name-error" className="field__error">
              {t(nameError)}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="token-expiry">{t('access.tokens.create.expiry')}</label>
          <select
            id="token-expiry"
            name="expiresInDays"
            defaultValue={failure?.values.expiresInDays ?? String(lifetimesInDays[1])}
            aria-invalid={expiryError ? true : undefined}
            aria-describedby={expiryError ? 'token-expiry-error' : undefined}
          >
            {lifetimesInDays.map((days) => (
              <option key={days} value={days}>
                {t('access.tokens.create.expiryDays', { days })}
              </option>
            ))}
            <option value="">{t('access.tokens.create.expiryNever')}</option>
          </select>
          {expiryError && (
            <p id="token-expiry-error" className="field__error">
              {t(expiryError)}
            </p>
          )}
        </div>
        <p>
          <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
            {t('access.tokens.create.submit')}
          </button>
        </p>
      </Form>
    </section>
  );
}

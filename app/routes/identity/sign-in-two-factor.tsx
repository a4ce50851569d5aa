/**
 * /{locale}/account/sign-in/two-factor: the second step of sign-in for accounts with two-factor.
 * One field takes the six-digit code of the authenticator app or one of the backup codes.
 */
import { Form, Link } from 'react-router';
import { ErrorSummary, type FormFailure, SubmitButton, TextField, useFieldErrors } from '#app/modules/identity/components/form-fields.tsx';
import { completeTwoFactorSignIn, redirectSignedIn, safeRedirectPath } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/sign-in-two-factor';
import { localeOf, readForm, refuse, withCookies } from './form.server.ts';
import { noStore } from './page.ts';
import '#app/styles/identity.css';

export const meta = titled('identity.twoFactorChallenge.title');
export const headers = noStore;

export function loader({ params, request, context }: Route.LoaderArgs) {
  redirectSignedIn(context.get(requestContext).actor, localeOf(params));
  const redirectTo = new URL(request.url).searchParams.get('redirectTo');
  return { redirectTo: redirectTo ? safeRedirectPath(redirectTo, '') : '' };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  redirectSignedIn(context.get(requestContext).actor, locale);
  const values = await readForm(request);
  try {
    const { cookies } = await completeTwoFactorSignIn(request.headers, values);
    const target = safeRedirectPath(values.redirectTo, `/${locale}/account`);
    return redirectWithFlash(target, { key: 'identity.flash.signedIn', kind: 'success' }, { headers: withCookies(cookies) });
  } catch (error) {
    return refuse(error, values);
  }
}

export default function TwoFactorChallengePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure: FormFailure | undefined = actionData?.failure;
  const fieldError = useFieldErrors(failure);
  const redirectTo = failure?.values.redirectTo ?? loaderData.redirectTo;
  const expired = failure?.code === 'IDENTITY_TWO_FACTOR_EXPIRED';
  return (
    <div className="account-page">
      <h1>{t('identity.twoFactorChallenge.title')}</h1>
      <p className="lead">{t('identity.twoFactorChallenge.lead')}</p>
      <ErrorSummary failure={failure} labels={{ code: t('identity.field.code') }} />
      {expired ? (
        <p>
          <Link
            className="button button--primary"
            to={`/${locale}/account/sign-in${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ''}`}
          >
            {t('identity.twoFactorChallenge.restart')}
          </Link>
        </p>
      ) : (
        <Form method="post" className="form" noValidate>
          {redirectTo && <input type="hidden" name="redirectTo" value={redirectTo} />}
          <TextField
            name="code"
            label={t('identity.field.code')}
            hint={t('identity.twoFactorChallenge.codeHint')}
            autoComplete="one-time-code"
            required
            spellCheck={false}
            autoCapitalize="none"
            dir="ltr"
            error={fieldError('code')}
          />
          <div className="field">
            <label className="choice">
              <input type="checkbox" name="trustDevice" value="on" />
              {t('identity.twoFactorChallenge.trustDevice')}
            </label>
          </div>
          <SubmitButton>{t('identity.twoFactorChallenge.submit')}</SubmitButton>
        </Form>
      )}
    </div>
  );
}

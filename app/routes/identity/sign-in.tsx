/**
 * /{locale}/account/sign-in: email and password. Accounts with two-factor continue to the code
 * challenge; an unconfirmed address is told so and offered a new confirmation link. Repeated
 * failures from one client are refused with 429 (better-auth's limiter, see auth.server.ts).
 */
import { Form, Link } from 'react-router';
import { ErrorSummary, type FormFailure, SubmitButton, TextField, useFieldErrors } from '#app/modules/identity/components/form-fields.tsx';
import { redirectSignedIn, resendVerificationEmail, safeRedirectPath, signIn } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/sign-in';
import { localeOf, readForm, refuse, withCookies } from './form.server.ts';
import { noStore } from './page.ts';
import '#app/styles/identity.css';

export const meta = titled('identity.signIn.title');
export const headers = noStore;

export function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  redirectSignedIn(context.get(requestContext).actor, locale);
  const redirectTo = new URL(request.url).searchParams.get('redirectTo');
  return { redirectTo: redirectTo ? safeRedirectPath(redirectTo, '') : '' };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  redirectSignedIn(context.get(requestContext).actor, locale);
  const values = await readForm(request);
  try {
    if (values.intent === 'resend') {
      await resendVerificationEmail(request.headers, values);
      return redirectWithFlash(`/${locale}/account/verify-email`, { key: 'identity.flash.verificationSent', kind: 'success' });
    }
    const outcome = await signIn(request.headers, values);
    const target = safeRedirectPath(values.redirectTo, `/${locale}/account`);
    if (outcome.twoFactorRequired) {
      return redirectWithFlash(
        `/${locale}/account/sign-in/two-factor?${new URLSearchParams({ redirectTo: target })}`,
        { key: 'identity.flash.codeNeeded', kind: 'info' },
        { headers: withCookies(outcome.cookies) },
      );
    }
    return redirectWithFlash(target, { key: 'identity.flash.signedIn', kind: 'success' }, { headers: withCookies(outcome.cookies) });
  } catch (error) {
    return refuse(error, values);
  }
}

export default function SignInPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure: FormFailure | undefined = actionData?.failure;
  const fieldError = useFieldErrors(failure);
  const labels = { email: t('identity.field.email'), password: t('identity.field.password') };
  const redirectTo = failure?.values.redirectTo ?? loaderData.redirectTo;
  const unverified = failure?.code === 'IDENTITY_EMAIL_NOT_VERIFIED' && failure.values.email;
  return (
    <div className="account-page">
      <h1>{t('identity.signIn.title')}</h1>
      <ErrorSummary failure={failure} labels={labels} />
      {unverified && (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="resend" />
          <input type="hidden" name="email" value={failure.values.email} />
          <button type="submit" className="button">
            {t('identity.verifyEmail.resend')}
          </button>
        </Form>
      )}
      <Form method="post" className="form" noValidate>
        {redirectTo && <input type="hidden" name="redirectTo" value={redirectTo} />}
        <TextField
          name="email"
          type="email"
          label={labels.email}
          autoComplete="username"
          required
          spellCheck={false}
          autoCapitalize="none"
          defaultValue={failure?.values.email}
          error={fieldError('email')}
        />
        <TextField
          name="password"
          type="password"
          label={labels.password}
          autoComplete="current-password"
          required
          error={fieldError('password')}
        />
        <SubmitButton>{t('identity.signIn.submit')}</SubmitButton>
      </Form>
      <ul className="account-links">
        <li>
          <Link to={`/${locale}/account/forgot-password`}>{t('identity.signIn.forgotLink')}</Link>
        </li>
        <li>
          {t('identity.signIn.noAccount')} <Link to={`/${locale}/account/sign-up`}>{t('identity.signIn.signUpLink')}</Link>
        </li>
      </ul>
    </div>
  );
}

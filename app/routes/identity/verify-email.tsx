/**
 * /{locale}/account/verify-email: opened from the confirmation mail (`?token=...`), it confirms
 * the address and sends the person to sign in. Without a token (right after sign-up) it says to
 * check the inbox; either way a new link can be requested.
 */
import { data, Form, Link } from 'react-router';
import { ErrorSummary, type FormFailure, SubmitButton, TextField, useFieldErrors } from '#app/modules/identity/components/form-fields.tsx';
import { resendVerificationEmail, verifyEmail } from '#app/modules/identity/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/verify-email';
import { localeOf, readForm, refuse, withCookies } from './form.server.ts';
import { noStore } from './page.ts';
import '#app/styles/identity.css';

export const meta = titled('identity.verifyEmail.title');
export const headers = noStore;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const token = new URL(request.url).searchParams.get('token');
  if (!token) return { linkError: null };
  try {
    const { cookies } = await verifyEmail(request.headers, { token });
    const signedIn = context.get(requestContext).actor.kind === 'user';
    return redirectWithFlash(
      signedIn ? `/${locale}/account` : `/${locale}/account/sign-in`,
      { key: 'identity.flash.emailVerified', kind: 'success' },
      { headers: withCookies(cookies) },
    );
  } catch (error) {
    if (!isAppError(error) || error.status >= 500) throw error;
    return data({ linkError: error.code }, { status: error.status });
  }
}

export async function action({ params, request }: Route.ActionArgs) {
  const locale = localeOf(params);
  const values = await readForm(request);
  try {
    await resendVerificationEmail(request.headers, values);
    return redirectWithFlash(`/${locale}/account/verify-email`, { key: 'identity.flash.verificationSent', kind: 'success' });
  } catch (error) {
    return refuse(error, values);
  }
}

export default function VerifyEmailPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure: FormFailure | undefined = actionData?.failure;
  const fieldError = useFieldErrors(failure);
  const { linkError } = loaderData;
  return (
    <div className="account-page">
      <h1>{t('identity.verifyEmail.title')}</h1>
      {linkError ? (
        <div className="form-error" role="alert">
          <p>{t(`errors.${linkError}`)}</p>
        </div>
      ) : (
        <>
          <p className="lead">{t('identity.verifyEmail.lead')}</p>
          <p>{t('identity.verifyEmail.spamHint')}</p>
        </>
      )}
      <section aria-labelledby="resend-title">
        <h2 id="resend-title">{t('identity.verifyEmail.resendTitle')}</h2>
        <ErrorSummary failure={failure} labels={{ email: t('identity.field.email') }} />
        <Form method="post" className="form" noValidate>
          <TextField
            name="email"
            type="email"
            label={t('identity.field.email')}
            autoComplete="email"
            required
            spellCheck={false}
            autoCapitalize="none"
            defaultValue={failure?.values.email}
            error={fieldError('email')}
          />
          <SubmitButton variant="plain">{t('identity.verifyEmail.resend')}</SubmitButton>
        </Form>
      </section>
      <p>
        <Link to={`/${locale}/account/sign-in`}>{t('identity.verifyEmail.signInLink')}</Link>
      </p>
    </div>
  );
}

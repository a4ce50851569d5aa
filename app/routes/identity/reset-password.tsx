/** /{locale}/account/reset-password?token=...: choose a new password from the link in the reset mail. */
import { Form, Link } from 'react-router';
import { ErrorSummary, type FormFailure, SubmitButton, TextField, useFieldErrors } from '#app/modules/identity/components/form-fields.tsx';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, resetPassword } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/reset-password';
import { localeOf, readForm, refuse } from './form.server.ts';
import { noStore } from './page.ts';
import '#app/styles/identity.css';

export const meta = titled('identity.resetPassword.title');
export const headers = noStore;

export function loader({ request }: Route.LoaderArgs) {
  return {
    token: new URL(request.url).searchParams.get('token') ?? '',
    limits: { passwordMin: PASSWORD_MIN_LENGTH, passwordMax: PASSWORD_MAX_LENGTH },
  };
}

export async function action({ params, request }: Route.ActionArgs) {
  const locale = localeOf(params);
  const values = await readForm(request);
  try {
    await resetPassword(request.headers, values);
    return redirectWithFlash(`/${locale}/account/sign-in`, { key: 'identity.flash.passwordReset', kind: 'success' });
  } catch (error) {
    return refuse(error, values);
  }
}

export default function ResetPasswordPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure: FormFailure | undefined = actionData?.failure;
  const fieldError = useFieldErrors(failure);
  const { token, limits } = loaderData;
  const linkBroken = !token || failure?.code === 'IDENTITY_RESET_LINK_INVALID';
  return (
    <div className="account-page">
      <h1>{t('identity.resetPassword.title')}</h1>
      {linkBroken ? (
        <>
          <div className="form-error" role="alert">
            <p>{t('errors.IDENTITY_RESET_LINK_INVALID')}</p>
          </div>
          <p>
            <Link className="button button--primary" to={`/${locale}/account/forgot-password`}>
              {t('identity.resetPassword.newLink')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('identity.resetPassword.lead')}</p>
          <ErrorSummary failure={failure} labels={{ password: t('identity.field.newPassword') }} />
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="token" value={token} />
            <TextField
              name="password"
              type="password"
              label={t('identity.field.newPassword')}
              autoComplete="new-password"
              required
              minLength={limits.passwordMin}
              maxLength={limits.passwordMax}
              hint={t('identity.field.newPasswordHint', { min: limits.passwordMin })}
              error={fieldError('password', { too_small: 'identity.field.passwordTooShort', too_big: 'identity.field.passwordTooLong' })}
            />
            <SubmitButton>{t('identity.resetPassword.submit')}</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}

/** /{locale}/account/forgot-password: ask for a reset link (the answer never says whether the address has an account). */
import { Form, Link } from 'react-router';
import { ErrorSummary, type FormFailure, SubmitButton, TextField, useFieldErrors } from '#app/modules/identity/components/form-fields.tsx';
import { requestPasswordReset } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/forgot-password';
import { localeOf, readForm, refuse } from './form.server.ts';
import { noStore } from './page.ts';
import '#app/styles/identity.css';

export const meta = titled('identity.forgotPassword.title');
export const headers = noStore;

export async function action({ params, request }: Route.ActionArgs) {
  const locale = localeOf(params);
  const values = await readForm(request);
  try {
    await requestPasswordReset(request.headers, values);
    return redirectWithFlash(`/${locale}/account/sign-in`, { key: 'identity.flash.resetRequested', kind: 'success' });
  } catch (error) {
    return refuse(error, values);
  }
}

export default function ForgotPasswordPage({ actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure: FormFailure | undefined = actionData?.failure;
  const fieldError = useFieldErrors(failure);
  return (
    <div className="account-page">
      <h1>{t('identity.forgotPassword.title')}</h1>
      <p className="lead">{t('identity.forgotPassword.lead')}</p>
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
        <SubmitButton>{t('identity.forgotPassword.submit')}</SubmitButton>
      </Form>
      <p>
        <Link to={`/${locale}/account/sign-in`}>{t('identity.forgotPassword.back')}</Link>
      </p>
    </div>
  );
}

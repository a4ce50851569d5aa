/** /{locale}/account/sign-up: create an account; a confirmation link goes out by mail. */
import { Form, Link } from 'react-router';
import {
  ErrorSummary,
  type FormFailure,
  LANGUAGE_OPTIONS,
  SelectField,
  SubmitButton,
  TextField,
  useFieldErrors,
} from '#app/modules/identity/components/form-fields.tsx';
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, redirectSignedIn, signUp } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/sign-up';
import { localeOf, readForm, refuse, withCookies } from './form.server.ts';
import { noStore } from './page.ts';
import '#app/styles/identity.css';

export const meta = titled('identity.signUp.title', 'identity.signUp.lead');
export const headers = noStore;

export function loader({ params, context }: Route.LoaderArgs) {
  redirectSignedIn(context.get(requestContext).actor, localeOf(params));
  return { limits: { name: NAME_MAX_LENGTH, passwordMin: PASSWORD_MIN_LENGTH, passwordMax: PASSWORD_MAX_LENGTH } };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  redirectSignedIn(context.get(requestContext).actor, locale);
  const values = await readForm(request);
  try {
    const { cookies } = await signUp(request.headers, values);
    return redirectWithFlash(
      `/${locale}/account/verify-email`,
      { key: 'identity.flash.signedUp', kind: 'success' },
      { headers: withCookies(cookies) },
    );
  } catch (error) {
    return refuse(error, values);
  }
}

export default function SignUpPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const failure: FormFailure | undefined = actionData?.failure;
  const fieldError = useFieldErrors(failure);
  const { limits } = loaderData;
  const labels = {
    name: t('identity.field.name'),
    email: t('identity.field.email'),
    password: t('identity.field.newPassword'),
    locale: t('identity.field.locale'),
  };
  return (
    <div className="account-page">
      <h1>{t('identity.signUp.title')}</h1>
      <p className="lead">{t('identity.signUp.lead')}</p>
      <ErrorSummary failure={failure} labels={labels} />
      <Form method="post" className="form" noValidate>
        <TextField
          name="name"
          label={labels.name}
          autoComplete="name"
          required
          maxLength={limits.name}
          defaultValue={failure?.values.name}
          error={fieldError('name')}
        />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          autoComplete="email"
          required
          spellCheck={false}
          autoCapitalize="none"
          hint={t('identity.field.emailHint')}
          defaultValue={failure?.values.email}
          error={fieldError('email')}
        />
        <TextField
          name="password"
          type="password"
          label={labels.password}
          autoComplete="new-password"
          required
          minLength={limits.passwordMin}
          maxLength={limits.passwordMax}
          hint={t('identity.field.newPasswordHint', { min: limits.passwordMin })}
          error={fieldError('password', {
            too_small: 'identity.field.passwordTooShort',
            too_big: 'identity.field.passwordTooLong',
          })}
        />
        <SelectField
          name="locale"
          label={labels.locale}
          hint={t('identity.field.localeHint')}
          options={LANGUAGE_OPTIONS}
          defaultValue={failure?.values.locale ?? locale}
          error={fieldError('locale')}
        />
        <SubmitButton>{t('identity.signUp.submit')}</SubmitButton>
      </Form>
      <p>
        {t('identity.signUp.haveAccount')} <Link to={`/${locale}/account/sign-in`}>{t('identity.signUp.signInLink')}</Link>
      </p>
    </div>
  );
}

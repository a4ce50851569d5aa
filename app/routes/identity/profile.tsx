/**
 * /{locale}/account: the signed-in person's profile: name, preferred language (UI and mail) and an
 * optional, self-declared gender used only for statistics disaggregated by gender.
 */
import { Form } from 'react-router';
import { AccountNav } from '#app/modules/identity/components/account-nav.tsx';
import {
  ErrorSummary,
  type FormFailure,
  LANGUAGE_OPTIONS,
  SelectField,
  SubmitButton,
  TextField,
  useFieldErrors,
} from '#app/modules/identity/components/form-fields.tsx';
import { GENDERS, getProfile, NAME_MAX_LENGTH, requireAccountPage, updateProfile } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import type { Route } from './+types/profile';
import { localeOf, readForm, refuse } from './form.server.ts';
import { noStore } from './page.ts';
import '#app/styles/identity.css';

export const meta = titled('identity.profile.title');
export const headers = noStore;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = requireAccountPage(context.get(requestContext).actor, localeOf(params), request);
  const profile = await getProfile(actor);
  return { profile, genders: [...GENDERS], nameMax: NAME_MAX_LENGTH };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = requireAccountPage(context.get(requestContext).actor, localeOf(params), request);
  const values = await readForm(request);
  try {
    const saved = await updateProfile(actor, values);
    // The page follows the language just chosen.
    return redirectWithFlash(`/${saved.locale}/account`, { key: 'identity.flash.profileSaved', kind: 'success' });
  } catch (error) {
    return refuse(error, values);
  }
}

export default function ProfilePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure: FormFailure | undefined = actionData?.failure;
  const fieldError = useFieldErrors(failure);
  const { profile, genders, nameMax } = loaderData;
  const labels = { name: t('identity.field.name'), locale: t('identity.field.locale'), gender: t('identity.field.gender') };
  const gender = failure ? (failure.values.gender ?? '') : (profile.gender ?? '');
  const genderError = fieldError('gender');
  return (
    <div className="account-page">
      <h1>{t('identity.profile.title')}</h1>
      <AccountNav />
      <p>
        {t('identity.profile.email')} <span dir="ltr">{profile.email}</span>
      </p>
      <ErrorSummary failure={failure} labels={labels} />
      <Form method="post" className="form" noValidate>
        <TextField
          name="name"
          label={labels.name}
          autoComplete="name"
          required
          maxLength={nameMax}
          defaultValue={failure?.values.name ?? profile.name}
          error={fieldError('name')}
        />
        <SelectField
          name="locale"
          label={labels.locale}
          hint={t('identity.field.localeHint')}
          options={LANGUAGE_OPTIONS}
          defaultValue={failure?.values.locale ?? profile.locale}
          error={fieldError('locale')}
        />
        <fieldset
          className="field"
          id="field-gender"
          aria-describedby={['field-gender-hint', genderError ? 'field-gender-error' : null].filter(Boolean).join(' ')}
        >
          <legend>{labels.gender}</legend>
          <p id="field-gender-hint" className="field__hint">
            {t('identity.field.genderHint')}
          </p>
          {genderError && (
            <p id="field-gender-error" className="field__error">
              {genderError}
            </p>
          )}
          {genders.map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="gender" value={value} defaultChecked={gender === value} />
              {t(`identity.gender.${value}`)}
            </label>
          ))}
          <label className="choice">
            <input type="radio" name="gender" value="" defaultChecked={gender === ''} />
            {t('identity.gender.unset')}
          </label>
        </fieldset>
        <SubmitButton>{t('identity.profile.submit')}</SubmitButton>
      </Form>
    </div>
  );
}

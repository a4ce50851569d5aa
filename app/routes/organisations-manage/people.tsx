/**
 * /{locale}/organisations/:slug/people: the people of an organisation, for those who manage it:
 * add, change, remove, and link to (or unlink from) their account by its e-mail. Gender is
 * optional and self-declared; a person is listed on the public profile (name and job title only)
 * only with their consent. Removal and linking open through plain links (`?remove=`, `?link=`)
 * and forms, so the page works without JavaScript.
 */
import { data, Form, Link } from 'react-router';
import {
  FailureSummary,
  FieldError,
  FlagField,
  fieldDomId,
  InputField,
  type ManageFailure,
  stringValue,
  TranslatableField,
} from '#app/modules/directory/components/manage-fields.tsx';
import { ManageNav } from '#app/modules/directory/components/manage-nav.tsx';
import {
  addPerson,
  FORM_LOCALES,
  type FormState,
  formStateFromForm,
  getOrganisation,
  linkPersonAccount,
  listPeople,
  type ManagedPerson,
  PERSON_NAME_MAX_LENGTH,
  removePerson,
  unlinkPersonAccount,
  updatePerson,
} from '#app/modules/directory/index.ts';
import { GENDERS } from '#app/modules/identity/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { Route } from './+types/people';
import { asErrorResponse, noStore, refuse, requireSignedIn } from './manage.server.ts';
import '#app/styles/organisations-manage.css';

export const meta = titled('directory.manage.people.title', 'directory.manage.people.lead');
export const headers = noStore;

export async function loader(args: Route.LoaderArgs) {
  const { actor } = requireSignedIn(args);
  const slug = args.params.slug;
  const [organisation, list] = await Promise.all([
    getOrganisation(actor, slug).catch(asErrorResponse),
    listPeople(actor, slug).catch(asErrorResponse),
  ]);
  // This is the managers' page; the public profile lists the consenting people.
  if (!list.managed) throw new Response(null, { status: 403 });
  const search = new URL(args.request.url).searchParams;
  return {
    slug,
    name: organisation.name,
    sourceLocale: organisation.sourceLocale,
    people: list.people,
    genders: [...GENDERS],
    nameMax: PERSON_NAME_MAX_LENGTH,
    editId: search.get('edit'),
    removeId: search.get('remove'),
    linkId: search.get('link'),
  };
}

/** A refused link the form can show (no such account, one already linked, a malformed e-mail); anything else is the error page. */
function refuseLink(error: unknown, personId: string, accountEmail: string) {
  if (!isAppError(error) || error.status === 401 || error.status === 403 || error.status === 404 || error.status >= 500) {
    asErrorResponse(error);
  }
  const field = error.details?.fields?.find((issue) => issue.field === 'email')?.code;
  return data({ linkFailure: { personId, accountEmail, code: error.code, field } }, { status: error.status });
}

function personInput(values: FormState) {
  const jobTitle = Object.fromEntries(FORM_LOCALES.map((l) => [l, stringValue(values, `jobTitle.${l}`).trim()]).filter(([, v]) => v));
  return {
    fullName: stringValue(values, 'fullName'),
    jobTitle: Object.keys(jobTitle).length > 0 ? jobTitle : null,
    gender: stringValue(values, 'gender') || null,
    email: stringValue(values, 'email').trim() || null,
    phone: stringValue(values, 'phone').trim() || null,
    listedConsent: stringValue(values, 'listedConsent') !== '',
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, locale } = requireSignedIn(args);
  const slug = args.params.slug;
  const here = `/${locale}/organisations/${slug}/people`;
  const values = formStateFromForm(await args.request.formData());
  const intent = stringValue(values, 'intent');
  const personId = stringValue(values, 'personId');
  if (intent === 'remove') {
    await removePerson(actor, slug, personId).catch(asErrorResponse);
    return redirectWithFlash(here, { key: 'directory.manage.flash.personRemoved', kind: 'success' });
  }
  if (intent === 'link') {
    const accountEmail = stringValue(values, 'accountEmail');
    try {
      await linkPersonAccount(actor, slug, personId, { email: accountEmail });
    } catch (error) {
      return refuseLink(error, personId, accountEmail);
    }
    return redirectWithFlash(here, { key: 'directory.manage.flash.accountLinked', kind: 'success' });
  }
  if (intent === 'unlink') {
    await unlinkPersonAccount(actor, slug, personId).catch(asErrorResponse);
    return redirectWithFlash(here, { key: 'directory.manage.flash.accountUnlinked', kind: 'success' });
  }
  const input = personInput(values);
  try {
    if (intent === 'update') await updatePerson(actor, slug, personId, input);
    else await addPerson(actor, slug, input);
  } catch (error) {
    return refuse(error, values, input);
  }
  return redirectWithFlash(here, { key: 'directory.manage.flash.personSaved', kind: 'success' });
}

function stateOf(person: ManagedPerson | undefined): FormState {
  if (!person) return {};
  const state: FormState = {
    fullName: person.fullName,
    gender: person.gender ?? '',
    email: person.email ?? '',
    phone: person.phone ?? '',
    listedConsent: person.listedConsent ? 'on' : '',
  };
  for (const locale of ['ar', 'fr', 'en'] as const) state[`jobTitle.${locale}`] = person.jobTitle?.[locale] ?? '';
  return state;
}

export default function PeoplePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { slug, name, sourceLocale, people, genders, nameMax, editId, removeId, linkId } = loaderData;
  const failure: ManageFailure | undefined = actionData && 'failure' in actionData ? actionData.failure : undefined;
  const linkFailure = actionData && 'linkFailure' in actionData ? actionData.linkFailure : undefined;
  const linking = people.find((p) => p.id === (linkFailure ? linkFailure.personId : linkId) && !p.hasAccount);
  const editing = people.find((p) => p.id === (failure ? stringValue(failure.values, 'personId') : editId));
  const removing = people.find((p) => p.id === removeId);
  return (
    <div className="manage-page">
      <p className="manage-page__context">
        <TranslatedText value={name} sourceLocale={sourceLocale} />
      </p>
      <h1>{t('directory.manage.people.title')}</h1>
      <ManageNav slug={slug} current="people" />
      <p className="lead">{t('directory.manage.people.lead')}</p>

      {removing && (
        <section className="card manage-confirm" aria-labelledby="remove-title">
          <h2 id="remove-title">{t('directory.manage.people.removeTitle', { name: <bdi key="name">{removing.fullName}</bdi> })}</h2>
          <Form method="post" className="manage-actions">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="personId" value={removing.id} />
            <button type="submit" className="button button--danger">
              {t('directory.manage.people.removeConfirm')}
            </button>
            <Link to=".">{t('directory.manage.form.cancel')}</Link>
          </Form>
        </section>
      )}

      {linking && <AccountLinkForm key={linking.id} person={linking} failure={linkFailure} />}

      <section aria-labelledby="people-list-title">
        <h2 id="people-list-title">{t('directory.manage.people.listTitle', { count: people.length })}</h2>
        {people.length === 0 ? (
          <p>{t('directory.manage.people.empty')}</p>
        ) : (
          <ul className="manage-people">
            {people.map((person) => (
              <li key={person.id} className="card">
                <h3 dir="auto">{person.fullName}</h3>
                <dl className="manage-people__details">
                  <dt>{t('directory.manage.people.jobTitle')}</dt>
                  <dd>
                    <TranslatedText value={person.jobTitle} empty={t('directory.manage.form.notGiven')} />
                  </dd>
                  <dt>{t('directory.manage.people.gender')}</dt>
                  <dd>{t(`identity.gender.${person.gender ?? 'unset'}`)}</dd>
                  <dt>{t('directory.manage.field.email')}</dt>
                  <dd dir="ltr">{person.email ?? t('directory.manage.form.notGiven')}</dd>
                  <dt>{t('directory.manage.field.phone')}</dt>
                  <dd dir="ltr">{person.phone ?? t('directory.manage.form.notGiven')}</dd>
                  <dt>{t('directory.manage.people.listed')}</dt>
                  <dd>{t(person.listedConsent ? 'directory.manage.people.listedYes' : 'directory.manage.people.listedNo')}</dd>
                  <dt>{t('directory.manage.people.account')}</dt>
                  <dd>{t(person.hasAccount ? 'directory.manage.people.accountLinked' : 'directory.manage.people.accountNone')}</dd>
                </dl>
                <p className="manage-actions">
                  <Link to={`?edit=${encodeURIComponent(person.id)}#person-form`} className="button">
                    {t('directory.manage.people.edit', { name: person.fullName })}
                  </Link>
                  <Link to={`?remove=${encodeURIComponent(person.id)}`} className="button button--danger">
                    {t('directory.manage.people.remove', { name: person.fullName })}
                  </Link>
                </p>
                {person.hasAccount ? (
                  <Form method="post" className="manage-actions">
                    <input type="hidden" name="intent" value="unlink" />
                    <input type="hidden" name="personId" value={person.id} />
                    <button type="submit" className="button">
                      {t('directory.manage.people.unlinkAccount', { name: person.fullName })}
                    </button>
                  </Form>
                ) : (
                  <p className="manage-actions">
                    <Link to={`?link=${encodeURIComponent(person.id)}#account-form`} className="button">
                      {t('directory.manage.people.linkAccount', { name: person.fullName })}
                    </Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <PersonForm key={editing?.id ?? 'new'} person={editing} failure={failure} genders={genders} nameMax={nameMax} />
    </div>
  );
}

function PersonForm({
  person,
  failure,
  genders,
  nameMax,
}: {
  person: ManagedPerson | undefined;
  failure: ManageFailure | undefined;
  genders: string[];
  nameMax: number;
}) {
  const t = useT();
  const values = failure?.values ?? stateOf(person);
  const error = (name: string) => failure?.fields[name];
  const labels = {
    fullName: t('directory.manage.people.fullName'),
    jobTitle: t('directory.manage.people.jobTitle'),
    gender: t('directory.manage.people.gender'),
    email: t('directory.manage.field.email'),
    phone: t('directory.manage.field.phone'),
  };
  const genderId = fieldDomId('gender');
  const gender = stringValue(values, 'gender');
  return (
    <section id="person-form" aria-labelledby="person-form-title">
      <h2 id="person-form-title">
        {person
          ? t('directory.manage.people.editTitle', { name: <bdi key="name">{person.fullName}</bdi> })
          : t('directory.manage.people.addTitle')}
      </h2>
      <Form method="post" className="form" noValidate>
        <FailureSummary failure={failure} labels={labels} />
        <input type="hidden" name="intent" value={person ? 'update' : 'add'} />
        {person && <input type="hidden" name="personId" value={person.id} />}
        <InputField
          name="fullName"
          label={labels.fullName}
          values={values}
          required
          maxLength={nameMax}
          autoComplete="off"
          error={error('fullName')}
        />
        <TranslatableField name="jobTitle" legend={labels.jobTitle} values={values} error={error('jobTitle')} />
        <fieldset
          className="field"
          id={genderId}
          aria-describedby={[`${genderId}-hint`, error('gender') ? `${genderId}-error` : null].filter(Boolean).join(' ')}
        >
          <legend>{labels.gender}</legend>
          <p id={`${genderId}-hint`} className="field__hint">
            {t('directory.manage.people.genderHint')}
          </p>
          <FieldError id={genderId} code={error('gender')} />
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
        <InputField name="email" label={labels.email} type="email" values={values} autoComplete="off" error={error('email')} />
        <InputField name="phone" label={labels.phone} type="tel" values={values} autoComplete="off" error={error('phone')} />
        <FlagField
          name="listedConsent"
          label={t('directory.manage.people.listedConsent')}
          hint={t('directory.manage.people.listedConsentHint')}
          values={values}
        />
        <p className="manage-actions">
          <button type="submit" className="button button--primary">
            {person ? t('directory.manage.people.saveSubmit') : t('directory.manage.people.addSubmit')}
          </button>
          {person && <Link to=".">{t('directory.manage.form.cancel')}</Link>}
        </p>
      </Form>
    </section>
  );
}

/** Linking one person to an existing account by its e-mail; a refusal says why beside the field, keeping what was typed. */
function AccountLinkForm({
  person,
  failure,
}: {
  person: ManagedPerson;
  failure: { accountEmail: string; code: string; field?: string } | undefined;
}) {
  const t = useT();
  return (
    <section id="account-form" className="card" aria-labelledby="account-form-title">
      <h2 id="account-form-title">{t('directory.manage.people.linkTitle', { name: <bdi key="name">{person.fullName}</bdi> })}</h2>
      <Form method="post" className="form" noValidate>
        {failure && (
          <p className="form-error" role="alert">
            {t(`errors.${failure.code}`)}
          </p>
        )}
        <input type="hidden" name="intent" value="link" />
        <input type="hidden" name="personId" value={person.id} />
        <InputField
          name="accountEmail"
          label={t('directory.manage.people.accountEmail')}
          hint={t('directory.manage.people.accountEmailHint')}
          type="email"
          values={{ accountEmail: failure?.accountEmail ?? person.email ?? '' }}
          autoComplete="off"
          required
          error={failure ? (failure.field ?? 'invalid') : undefined}
        />
        <p className="manage-actions">
          <button type="submit" className="button button--primary">
            {t('directory.manage.people.linkSubmit')}
          </button>
          <Link to=".">{t('directory.manage.form.cancel')}</Link>
        </p>
      </Form>
    </section>
  );
}

/**
 * /{locale}/events/{slug}/register: a signed-in member registers for themselves (name and address
 * from the account, one of their organisations), or anyone through an invitation link
 * (`?invitation=TOKEN`, which also opens invitation-only events). Gender is optional and
 * self-declared; the consent choices are made here and kept. One plain POST, no JavaScript needed.
 */
import { Form, isRouteErrorResponse, Link, redirect } from 'react-router';
import { getRegisterPage, REGISTRATION_GENDERS, registerForEvent } from '#app/modules/events/index.ts';
import type { FieldProblem } from '#app/modules/forms/components/answer-fields.ts';
import { ErrorSummary, FormPageFields } from '#app/modules/forms/components/form-page-fields.tsx';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { Route } from './+types/register';
import { eventWhenText } from './event-when.ts';
import { asErrorResponse, eventHeading, localeOf, noStore, type RegistrationFailure, refusal } from './registration.server.ts';
import '#app/styles/events-registration.css';

export const meta = titled('events.registration.register.title');
export const headers = noStore;

function invitationOf(request: Request): string | undefined {
  return new URL(request.url).searchParams.get('invitation') || undefined;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = context.get(requestContext).actor;
  const invitation = invitationOf(request);
  if (!invitation) requireAccountPage(actor, locale, request);
  const page = await getRegisterPage(actor, params.slug, invitation).catch(asErrorResponse);
  if (page.active) throw redirect(`/${locale}/events/${page.event.slug}/registration`);
  const { event, counts } = page;
  return {
    ...eventHeading(event),
    capacity: counts.capacity,
    seatsLeft: counts.capacity === null ? null : Math.max(0, counts.capacity - counts.confirmed),
    waiting: counts.waiting,
    waitlistEnabled: event.waitlistEnabled,
    approvalRequired: event.approvalRequired,
    window: page.window,
    invitationRequired: page.invitationRequired,
    invitationToken: invitation ?? null,
    invitation: page.invitation,
    signedIn: actor.kind === 'user' ? { name: actor.name, email: actor.email } : null,
    organisations: page.organisations.map((o) => ({ id: o.id, name: textIn(o.name, locale, o.sourceLocale) })),
    defaultOrganisation: page.invitation?.organisationId ?? page.organisations[0]?.id ?? '',
    gender: page.gender ?? '',
    genders: [...REGISTRATION_GENDERS],
    form: page.form,
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = context.get(requestContext).actor;
  const invitation = invitationOf(request);
  if (!invitation) requireAccountPage(actor, locale, request);
  const form = await request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const own = new Set(['organisationId', 'gender', 'consentListed', 'consentPhotographed', 'name', 'email']);
  const entries = [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !own.has(entry[0]));
  const formFields: Record<string, string[]> = {};
  for (const [name, value] of entries) formFields[name] = [...(formFields[name] ?? []), value];
  let status: string;
  try {
    const registration = await registerForEvent(actor, params.slug, {
      organisationId: text('organisationId'),
      gender: text('gender') as never,
      consentListed: form.get('consentListed') === 'on',
      consentPhotographed: form.get('consentPhotographed') === 'on',
      locale,
      invitation,
      name: actor.kind === 'user' ? undefined : text('name'),
      email: actor.kind === 'user' ? undefined : text('email'),
      formFields,
    });
    status = registration.status;
  } catch (error) {
    return refusal(error, entries);
  }
  const to = actor.kind === 'user' ? `/${locale}/events/${params.slug}/registration` : `/${locale}/events/${params.slug}`;
  return redirectWithFlash(to, { key: `events.registration.flash.${status}`, kind: 'success' });
}

function FieldError({ id, code }: { id: string; code: string | undefined }) {
  const t = useT();
  if (!code) return null;
  return (
    <p id={`${id}-error`} className="field__error">
      {t(`errors.${code}`)}
    </p>
  );
}

/** The name or address of someone registering through an invitation link without an account. */
function TextField({
  name,
  label,
  error,
  value,
}: {
  name: 'name' | 'email';
  label: string;
  error: string | undefined;
  value: string | null | undefined;
}) {
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldError id={id} code={error} />
      <input
        id={id}
        name={name}
        type={name === 'email' ? 'email' : 'text'}
        dir={name === 'email' ? 'ltr' : 'auto'}
        autoComplete={name}
        defaultValue={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
}

export default function RegisterPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const d = loaderData;
  const failure: RegistrationFailure | undefined = actionData?.failure;
  const problems: FieldProblem[] = failure?.problems ?? [];
  const formSections = d.form ? d.form.pages.flatMap((p) => p.sections) : [];
  const title = <TranslatedText key="event" value={d.title} sourceLocale={d.sourceLocale} />;
  const closed = d.window !== 'open';
  const full = d.seatsLeft === 0 || d.waiting > 0;
  return (
    <div className="registration-page">
      <h1>{t('events.registration.register.heading', { event: <bdi key="event">{title}</bdi> })}</h1>
      <p className="registration-when">{eventWhenText(locale, d.startsAt, d.endsAt, d.timeZone)}</p>
      <p className="registration-seats">
        {d.seatsLeft === null
          ? t('events.registration.seats.unlimited')
          : full
            ? d.waitlistEnabled
              ? t('events.registration.seats.fullWaitlist', { waiting: d.waiting })
              : t('events.registration.seats.fullNoList')
            : t('events.registration.seats.left', { count: d.seatsLeft })}
      </p>
      {d.approvalRequired ? <p>{t('events.registration.seats.approval')}</p> : null}
      {closed ? (
        <p className="notice">{t(`events.registration.window.${d.window}`)}</p>
      ) : d.invitationRequired ? (
        <p className="notice">{t('errors.EVENTS_INVITATION_REQUIRED')}</p>
      ) : (
        <Form method="post" className="form" noValidate>
          {failure ? (
            <div className="form-error" role="alert" tabIndex={-1}>
              {t(`errors.${failure.code}`)}
            </div>
          ) : null}
          {d.signedIn ? (
            <p>
              {t('events.registration.form.you', {
                name: <bdi key="name">{d.signedIn.name}</bdi>,
                email: <bdi key="email">{d.signedIn.email}</bdi>,
              })}
            </p>
          ) : (
            <>
              <TextField name="name" label={t('events.registration.form.name')} error={failure?.fields.name} value={d.invitation?.name} />
              <TextField
                name="email"
                label={t('events.registration.form.email')}
                error={failure?.fields.email}
                value={d.invitation?.email}
              />
            </>
          )}
          {d.form && formSections.length > 0 ? (
            <section className="registration-questions" aria-labelledby="registration-questions">
              <h2 id="registration-questions">{t('events.registration.form.questions')}</h2>
              <ErrorSummary sections={formSections} problems={problems} />
              <FormPageFields sections={formSections} values={failure?.values ?? {}} problems={problems} />
            </section>
          ) : null}
          {d.organisations.length > 0 ? (
            <div className="field">
              <label htmlFor="field-organisation">{t('events.registration.form.organisation')}</label>
              <FieldError id="field-organisation" code={failure?.fields.organisationId} />
              <select id="field-organisation" name="organisationId" defaultValue={d.defaultOrganisation}>
                {d.organisations.map((o) => (
                  <option key={o.id} value={o.id} dir="auto">
                    {o.name}
                  </option>
                ))}
                <option value="">{t('events.registration.form.noOrganisation')}</option>
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="field-gender">{t('events.registration.form.gender')}</label>
            <p id="field-gender-hint" className="field__hint">
              {t('events.registration.form.genderHint')}
            </p>
            <select id="field-gender" name="gender" defaultValue={d.gender} aria-describedby="field-gender-hint">
              <option value="">{t('events.registration.form.genderNone')}</option>
              {d.genders.map((g) => (
                <option key={g} value={g}>
                  {t(`events.registration.gender.${g}`)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field registration-consent">
            <legend>{t('events.registration.form.consent')}</legend>
            <label className="choice">
              <input type="checkbox" name="consentListed" />
              {t('events.registration.form.consentListed')}
            </label>
            <label className="choice">
              <input type="checkbox" name="consentPhotographed" />
              {t('events.registration.form.consentPhotographed')}
            </label>
          </fieldset>
          <div>
            <button type="submit" className="button button--primary">
              {t('events.registration.form.submit')}
            </button>
          </div>
        </Form>
      )}
      <p>
        <Link to={`/${locale}/events/${d.slug}`}>{t('events.registration.backToEvent')}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}

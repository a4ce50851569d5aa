/**
 * /{locale}/events/{slug}/registrations: the event's registrations for its managers: counts of
 * seats, the list in arrival order filtered by status (a GET form), each waiting person's place,
 * and approve / decline / cancel as plain POSTs (a cancelled seat goes to the first in line).
 */
import { Form, isRouteErrorResponse, Link } from 'react-router';
import { EventTabs } from '#app/modules/events/components/event-tabs.tsx';
import {
  approveRegistration,
  cancelRegistration,
  declineRegistration,
  getRegistrationFormSetting,
  listRegistrations,
  REGISTRATION_STATUSES,
  setRegistrationForm,
} from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import type { Route } from './+types/registrations';
import { asErrorResponse, localeOf, noStore, refusal } from './registration.server.ts';
import '#app/styles/events-registration.css';

export const meta = titled('events.registration.staff.title');
export const headers = noStore;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const url = new URL(request.url);
  const status = url.searchParams.get('status') ?? '';
  const page = url.searchParams.get('page') ?? '1';
  const list = await listRegistrations(actor, params.slug, { status: status as never, page: /^\d+$/.test(page) ? page : '1' }).catch(
    asErrorResponse,
  );
  // Members reach their own registration at /registration; this page is the managers'.
  if (list.counts === null) throw new Response(null, { status: 403 });
  const formSetting = await getRegistrationFormSetting(actor, params.slug).catch(asErrorResponse);
  return {
    formSetting: {
      current: formSetting.current,
      choices: formSetting.choices.map((c) => ({ code: c.code, title: textIn(c.title, locale) })),
    },
    slug: params.slug,
    status,
    statuses: [...REGISTRATION_STATUSES],
    counts: list.counts,
    page: list.page,
    hasNext: list.hasNext,
    items: list.items.map((r) => ({
      id: r.id,
      seq: r.seq,
      name: r.name,
      email: r.email,
      organisationName: r.organisationName,
      status: r.status,
      waitingPlace: r.waitingPlace,
      consentListed: r.consentListed,
      consentPhotographed: r.consentPhotographed,
    })),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const form = await request.formData();
  const id = form.get('registration');
  const intent = form.get('intent');
  if (intent === 'form') {
    const code = form.get('form');
    try {
      await setRegistrationForm(actor, params.slug, { form: typeof code === 'string' && code !== '' ? code : null });
    } catch (error) {
      return refusal(error);
    }
    return redirectWithFlash(`/${locale}/events/${params.slug}/registrations`, {
      key: 'events.registration.flash.staff.form',
      kind: 'success',
    });
  }
  if (typeof id !== 'string' || id === '' || (intent !== 'approve' && intent !== 'decline' && intent !== 'cancel'))
    throw new Response(null, { status: 400 });
  try {
    if (intent === 'cancel') await cancelRegistration(actor, id, params.slug);
    else if (intent === 'approve') await approveRegistration(actor, id, params.slug);
    else await declineRegistration(actor, id, params.slug);
  } catch (error) {
    return refusal(error);
  }
  const back = new URL(request.url);
  return redirectWithFlash(`/${locale}/events/${params.slug}/registrations${back.search}`, {
    key: `events.registration.flash.staff.${intent}`,
    kind: 'success',
  });
}

export default function RegistrationsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const d = loaderData;
  const c = d.counts;
  const base = `/${locale}/events/${d.slug}/registrations`;
  const query = (page: number) => `${base}?${new URLSearchParams({ ...(d.status ? { status: d.status } : {}), page: String(page) })}`;
  return (
    <div className="registration-page registration-page--wide">
      <EventTabs slug={d.slug} current="registrations" access={{ manage: true, checkIn: true }} />
      <h1>{t('events.registration.staff.title')}</h1>
      {actionData?.failure ? (
        <p className="form-error" role="alert">
          {t(`errors.${actionData.failure.code}`)}
        </p>
      ) : null}
      <dl className="registration-counts">
        <div>
          <dt>{t('events.registration.staff.capacity')}</dt>
          <dd>{c.capacity === null ? t('events.registration.staff.noLimit') : c.capacity}</dd>
        </div>
        {d.statuses.map((s) => (
          <div key={s}>
            <dt>{t(`events.registration.status.${s}`)}</dt>
            <dd>{c[s]}</dd>
          </div>
        ))}
      </dl>
      <Form method="post" className="registration-filter">
        <div className="field">
          <label htmlFor="registration-form">{t('events.registration.staff.form.label')}</label>
          <p id="registration-form-hint" className="field__hint">
            {t('events.registration.staff.form.hint')}
          </p>
          <select id="registration-form" name="form" defaultValue={d.formSetting.current ?? ''} aria-describedby="registration-form-hint">
            <option value="">{t('events.registration.staff.form.none')}</option>
            {d.formSetting.choices.map((c) => (
              <option key={c.code} value={c.code} dir="auto">
                {c.title || c.code}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" name="intent" value="form" className="button">
          {t('events.registration.staff.form.save')}
        </button>
      </Form>
      <Form method="get" className="registration-filter">
        <div className="field">
          <label htmlFor="filter-status">{t('events.registration.staff.filter')}</label>
          <select id="filter-status" name="status" defaultValue={d.status}>
            <option value="">{t('events.registration.staff.all')}</option>
            {d.statuses.map((s) => (
              <option key={s} value={s}>
                {t(`events.registration.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('events.registration.staff.show')}
        </button>
      </Form>
      {d.items.length === 0 ? (
        <p>{t('events.registration.staff.empty')}</p>
      ) : (
        <ScrollTable id="registrations" caption={t('events.registration.staff.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('events.registration.table.name')}</th>
              <th scope="col">{t('events.registration.table.organisation')}</th>
              <th scope="col">{t('events.registration.table.status')}</th>
              <th scope="col">{t('events.registration.table.consent')}</th>
              <th scope="col">{t('events.registration.table.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((r) => (
              <tr key={r.id}>
                <td>
                  <bdi>{r.name}</bdi>
                  <br />
                  <span dir="ltr" className="registration-email">
                    {r.email}
                  </span>
                </td>
                <td dir="auto">{r.organisationName ?? ''}</td>
                <td>
                  {t(`events.registration.status.${r.status}`)}
                  {r.waitingPlace !== null ? ` (${t('events.registration.staff.place', { place: r.waitingPlace })})` : ''}
                </td>
                <td>
                  {[
                    r.consentListed ? t('events.registration.staff.listed') : null,
                    r.consentPhotographed ? t('events.registration.staff.photo') : null,
                  ]
                    .filter(Boolean)
                    .join(', ') || t('events.registration.staff.noConsent')}
                </td>
                <td>
                  <Form method="post" className="registration-actions">
                    <input type="hidden" name="registration" value={r.id} />
                    {r.status === 'pending' ? (
                      <>
                        <button type="submit" name="intent" value="approve" className="button">
                          {t('events.registration.staff.approve', { name: r.name })}
                        </button>
                        <button type="submit" name="intent" value="decline" className="button">
                          {t('events.registration.staff.decline', { name: r.name })}
                        </button>
                      </>
                    ) : null}
                    {r.status === 'pending' || r.status === 'confirmed' || r.status === 'waiting' ? (
                      <button type="submit" name="intent" value="cancel" className="button button--danger">
                        {t('events.registration.staff.cancel', { name: r.name })}
                      </button>
                    ) : null}
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <nav className="registration-pages" aria-label={t('events.registration.staff.pages')}>
        {d.page > 1 ? <Link to={query(d.page - 1)}>{t('events.registration.staff.previous')}</Link> : null}
        {d.hasNext ? <Link to={query(d.page + 1)}>{t('events.registration.staff.next')}</Link> : null}
      </nav>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}

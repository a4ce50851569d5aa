/**
 * /{locale}/events/{slug}/registration: the signed-in person's registration: its status, their
 * place on the waiting list, the check-in QR code while it holds a seat, the calendar entry to
 * download, and cancelling (a plain POST; the freed seat goes to the first in line).
 */
import { Form, isRouteErrorResponse, Link } from 'react-router';
import { cancelRegistration, getMyRegistrationPage } from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { translate } from '#app/shared/i18n/catalog.server.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { Route } from './+types/registration';
import { eventWhenText } from './event-when.ts';
import { asErrorResponse, eventHeading, localeOf, noStore, refusal } from './registration.server.ts';
import '#app/styles/events-registration.css';

export const meta = titled('events.registration.mine.title');
export const headers = noStore;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const page = await getMyRegistrationPage(actor, params.slug, locale, translate(locale, 'events.registration.mine.qrTitle')).catch(
    asErrorResponse,
  );
  const { event, registration } = page;
  return {
    ...eventHeading(event),
    registration: registration
      ? {
          id: registration.id,
          status: registration.status,
          waitingPlace: registration.waitingPlace,
          checkInCode: registration.checkInCode,
          consentListed: registration.consentListed,
          consentPhotographed: registration.consentPhotographed,
        }
      : null,
    qrSvg: page.qrSvg,
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const form = await request.formData();
  const id = form.get('registration');
  if (typeof id !== 'string' || id === '') throw new Response(null, { status: 400 });
  try {
    await cancelRegistration(actor, id, params.slug);
  } catch (error) {
    return refusal(error);
  }
  return redirectWithFlash(`/${locale}/events/${params.slug}/registration`, {
    key: 'events.registration.flash.cancelled',
    kind: 'success',
  });
}

export default function MyRegistrationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const d = loaderData;
  const r = d.registration;
  const title = <TranslatedText key="event" value={d.title} sourceLocale={d.sourceLocale} />;
  const active = r && (r.status === 'confirmed' || r.status === 'waiting' || r.status === 'pending');
  return (
    <div className="registration-page">
      <h1>{t('events.registration.mine.heading', { event: <bdi key="event">{title}</bdi> })}</h1>
      <p className="registration-when">{eventWhenText(locale, d.startsAt, d.endsAt, d.timeZone)}</p>
      {actionData?.failure ? (
        <p className="form-error" role="alert">
          {t(`errors.${actionData.failure.code}`)}
        </p>
      ) : null}
      {!r ? (
        <p>
          {t('events.registration.mine.none')}{' '}
          <Link to={`/${locale}/events/${d.slug}/register`}>{t('events.registration.mine.register')}</Link>
        </p>
      ) : (
        <>
          <p className={`registration-status registration-status--${r.status}`}>{t(`events.registration.status.${r.status}`)}</p>
          {r.status === 'waiting' && r.waitingPlace !== null ? (
            <p>{t('events.registration.mine.place', { place: r.waitingPlace })}</p>
          ) : null}
          {d.qrSvg ? (
            <section className="registration-qr" aria-labelledby="qr-heading">
              <h2 id="qr-heading">{t('events.registration.mine.qr')}</h2>
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the QR code's SVG is drawn on the server from the code alone (no user text). */}
              <div className="registration-qr__code" dangerouslySetInnerHTML={{ __html: d.qrSvg }} />
              <p>
                {t('events.registration.mine.code')} <code dir="ltr">{r.checkInCode}</code>
              </p>
            </section>
          ) : null}
          <ul className="registration-consents">
            <li>{t(r.consentListed ? 'events.registration.mine.listedYes' : 'events.registration.mine.listedNo')}</li>
            <li>{t(r.consentPhotographed ? 'events.registration.mine.photoYes' : 'events.registration.mine.photoNo')}</li>
          </ul>
          {r.status === 'confirmed' ? (
            <p>
              <a href={`/${locale}/events/${d.slug}/registration.ics`} download>
                {t('events.registration.mine.ics')}
              </a>
            </p>
          ) : null}
          {r.status === 'confirmed' ? (
            <p>
              <a href={`/${locale}/events/${d.slug}/registration/badge.pdf`} download>
                {t('events.registration.mine.badge')}
              </a>
            </p>
          ) : null}
          {active ? (
            <Form method="post" className="registration-cancel">
              <input type="hidden" name="registration" value={r.id} />
              <button type="submit" className="button button--danger">
                {t('events.registration.mine.cancel')}
              </button>
            </Form>
          ) : (
            <p>
              <Link to={`/${locale}/events/${d.slug}/register`}>{t('events.registration.mine.registerAgain')}</Link>
            </p>
          )}
        </>
      )}
      <p>
        <Link to={`/${locale}/events/${d.slug}`}>{t('events.registration.backToEvent')}</Link> ·{' '}
        <Link to={`/${locale}/events/mine`}>{t('events.registration.myEvents.title')}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}

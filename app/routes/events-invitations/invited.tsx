/**
 * /{locale}/events/{slug}/invited/{token}: a personal invitation link, without signing in. The
 * first visit marks the invitation opened. It shows the event and whom the invitation is for,
 * and offers "Register" (registration's page with the token) and "Decline" (posted here). An
 * unknown link is a 404 page, a withdrawn one or one for an event over or cancelled a 410 page.
 */
import { useIntl } from 'react-intl';
import { Form, isRouteErrorResponse, Link, useNavigation } from 'react-router';
import { declineInvitationLink, openInvitationLink, registerPath } from '#app/modules/events/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/invited';
import '#app/styles/events-invitations.css';

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  namedPageMeta(matches, loaderData?.title ?? pageMessage(matches, 'events.invitations.link.title'));

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });

function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : 'en';
}

function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status === 409 ? 400 : error.status });
  throw error;
}

export async function loader({ params }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const view = await openInvitationLink({ event: params.slug, token: params.token }).catch(asErrorResponse);
  const { event } = view;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: event.timeZone });
  return {
    title: textIn(event.title, locale, event.sourceLocale),
    description: event.description ? textIn(event.description, locale, event.sourceLocale) : '',
    city: event.city ? textIn(event.city, locale, event.sourceLocale) : '',
    starts: when.format(event.startsAt),
    ends: when.format(event.endsAt),
    name: view.name,
    state: view.state,
    register: registerPath(locale, event.slug, params.token),
    registration: `/${locale}/events/${event.slug}/registration`,
  };
}

export async function action({ params, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  await declineInvitationLink(context.get(requestContext).actor, { event: params.slug, token: params.token }).catch(asErrorResponse);
  return redirectWithFlash(`/${locale}/events/${params.slug}/invited/${params.token}`, {
    key: 'events.invitations.flash.declined',
    kind: 'success',
  });
}

export default function InvitedPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const intl = useIntl();
  const navigation = useNavigation();
  const { title, description, city, starts, ends, name, state, register, registration } = loaderData;
  return (
    <article className="invited-page" aria-labelledby="invited-title">
      <p className="invited-page__kicker">{t('events.invitations.link.kicker')}</p>
      <h1 id="invited-title" dir="auto">
        {title}
      </h1>
      {name && <p>{intl.formatMessage({ id: 'events.invitations.link.for' }, { name: <bdi key="name">{name}</bdi> })}</p>}
      <dl className="invited-page__facts">
        <div>
          <dt>{t('events.invitations.link.starts')}</dt>
          <dd>{starts}</dd>
        </div>
        <div>
          <dt>{t('events.invitations.link.ends')}</dt>
          <dd>{ends}</dd>
        </div>
        {city && (
          <div>
            <dt>{t('events.invitations.link.city')}</dt>
            <dd dir="auto">{city}</dd>
          </div>
        )}
      </dl>
      {description && (
        <p dir="auto" className="invited-page__description">
          {description}
        </p>
      )}
      {state === 'registered' ? (
        <p role="status">
          {t('events.invitations.link.registered')} <Link to={registration}>{t('events.invitations.link.seeRegistration')}</Link>
        </p>
      ) : (
        <>
          {state === 'declined' && <p role="status">{t('events.invitations.link.declined')}</p>}
          <p className="invited-page__actions">
            <Link to={register} className="button button--primary">
              {t('events.invitations.link.register')}
            </Link>
          </p>
          {state !== 'declined' && (
            <Form method="post" className="invited-page__decline">
              <p>{t('events.invitations.link.declineLead')}</p>
              <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
                {t('events.invitations.link.decline')}
              </button>
            </Form>
          )}
        </>
      )}
    </article>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  if (status !== 404 && status !== 410) return <ErrorPage status={status} />;
  const kind = status === 410 ? 'gone' : 'notFound';
  return (
    <div className="error-page">
      <p className="error-page__status">{status}</p>
      <h1>{t(`events.invitations.link.${kind}.title`)}</h1>
      <p>{t(`events.invitations.link.${kind}.body`)}</p>
    </div>
  );
}

/** /{locale}/events/mine: "My events", the signed-in person's registrations with their events, the latest event first. */
import { isRouteErrorResponse, Link } from 'react-router';
import { listMyEvents } from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import { TranslatedText } from '#app/shared/ui/translated-text.tsx';
import type { Route } from './+types/mine';
import { eventWhenText } from './event-when.ts';
import { asErrorResponse, eventHeading, localeOf, noStore } from './registration.server.ts';
import '#app/styles/events-registration.css';

export const meta = titled('events.registration.myEvents.title', 'events.registration.myEvents.lead');
export const headers = noStore;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const rows = await listMyEvents(actor).catch(asErrorResponse);
  return {
    items: rows.map(({ event, registration }) => ({
      ...eventHeading(event),
      eventStatus: event.status,
      status: registration.status,
    })),
  };
}

export default function MyEventsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="registration-page">
      <h1>{t('events.registration.myEvents.title')}</h1>
      <p className="lead">{t('events.registration.myEvents.lead')}</p>
      {loaderData.items.length === 0 ? (
        <p>
          {t('events.registration.myEvents.empty')} <Link to={`/${locale}/events`}>{t('events.registration.myEvents.calendar')}</Link>
        </p>
      ) : (
        <ScrollTable id="my-events" caption={t('events.registration.myEvents.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('events.registration.table.event')}</th>
              <th scope="col">{t('events.registration.table.when')}</th>
              <th scope="col">{t('events.registration.table.status')}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.items.map((item) => (
              <tr key={item.slug}>
                <td>
                  <Link to={`/${locale}/events/${item.slug}/registration`}>
                    <TranslatedText value={item.title} sourceLocale={item.sourceLocale} />
                  </Link>
                </td>
                <td>{eventWhenText(locale, item.startsAt, item.endsAt, item.timeZone)}</td>
                <td>
                  {t(`events.registration.status.${item.status}`)}
                  {item.eventStatus === 'cancelled' ? ` (${t('events.registration.myEvents.eventCancelled')})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}

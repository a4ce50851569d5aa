/** /{locale}/events/actions: open and in-progress follow-up actions across the events the reader manages, overdue ones marked in words. */
import { isRouteErrorResponse, Link } from 'react-router';
import { listOpenActions } from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { titled } from '#app/shared/ui/meta.ts';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import type { Route } from './+types/actions';
import { ActionStatusText, useFormatDate } from './action-status.tsx';
import { asErrorResponse, localeOf } from './followup.server.ts';
import '#app/styles/events-followup.css';

export const meta = titled('events.followup.open.title');
export const headers = () => ({ 'Cache-Control': 'private, no-store' });

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const open = await listOpenActions(actor).catch(asErrorResponse);
  return {
    truncated: open.truncated,
    items: open.items.map((a) => ({
      ...a,
      eventTitle: textIn(a.event.title, locale, a.event.sourceLocale, a.event.slug),
      eventSlug: a.event.slug,
    })),
  };
}

export default function OpenActionsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const date = useFormatDate(locale);
  return (
    <div className="followup-page">
      <h1>{t('events.followup.open.title')}</h1>
      <p>{t('events.followup.open.lead')}</p>
      {d.items.length === 0 ? (
        <p>{t('events.followup.open.none')}</p>
      ) : (
        <ScrollTable id="open-actions" caption={t('events.followup.actions.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('events.followup.actions.title')}</th>
              <th scope="col">{t('events.followup.actions.event')}</th>
              <th scope="col">{t('events.followup.actions.owner')}</th>
              <th scope="col">{t('events.followup.actions.due')}</th>
              <th scope="col">{t('events.followup.actions.status')}</th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((a) => (
              <tr key={a.id} className={a.overdue ? 'followup-row--overdue' : undefined}>
                <td dir="auto">{a.title}</td>
                <td>
                  <Link to={`/${locale}/events/${a.eventSlug}/follow-up`} dir="auto">
                    {a.eventTitle}
                  </Link>
                </td>
                <td>
                  <bdi>{a.ownerName}</bdi>
                </td>
                <td>{date(a.dueOn) ?? t('events.followup.actions.noDue')}</td>
                <td>
                  <ActionStatusText status={a.status} overdue={a.overdue} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {d.truncated ? <p role="status">{t('events.followup.open.truncated')}</p> : null}
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}

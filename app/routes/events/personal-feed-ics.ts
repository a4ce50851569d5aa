/**
 * /{locale}/events/feeds/{token}.ics: a person's own calendar feed (the events they are
 * registered for), at a secret address a calendar app polls without cookies. Unknown or renewed
 * tokens are a 404.
 */
import { personalCalendarFeed } from '#app/modules/events/index.ts';
import { getIntl } from '#app/shared/i18n/catalog.server.ts';
import { localeOf } from '../clusters/meta.ts';
import type { Route } from './+types/personal-feed-ics';
import { asErrorResponse } from './event-page.server.ts';

export async function loader({ params }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const token = params.token.endsWith('.ics') ? params.token.slice(0, -4) : '';
  const name = getIntl(locale).formatMessage({ id: 'events.calendar.personalFeedName' });
  const ics = await personalCalendarFeed(token, locale, name).catch(asErrorResponse);
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="my-events.ics"',
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}

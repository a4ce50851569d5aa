/** /{locale}/events/feed.ics: the public calendar feed (published public events), to subscribe to in a calendar app. */
import { publicCalendarFeed } from '#app/modules/events/index.ts';
import { getIntl } from '#app/shared/i18n/catalog.server.ts';
import { localeOf } from '../clusters/meta.ts';
import type { Route } from './+types/feed-ics';

export async function loader({ params }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const name = getIntl(locale).formatMessage({ id: 'events.calendar.feedName' });
  return new Response(await publicCalendarFeed(locale, name), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="events.ics"',
      'Cache-Control': 'public, max-age=900',
    },
  });
}

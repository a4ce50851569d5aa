/** /{locale}/events/{slug}/calendar.ics: the event and its sessions as an iCalendar file, titles in the page's language. */
import { eventCalendarFile } from '#app/modules/events/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { localeOf } from '../clusters/meta.ts';
import type { Route } from './+types/event-ics';
import { asErrorResponse } from './event-page.server.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const actor = context.get(requestContext).actor;
  const { slug, ics } = await eventCalendarFile(actor, params.slug, localeOf(params)).catch(asErrorResponse);
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${slug}.ics"`,
      'Cache-Control': 'no-store',
    },
  });
}

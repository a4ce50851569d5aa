/** /{locale}/events/{slug}/registration.ics: the event as a calendar entry for its registrant (as attached to the confirmation). */
import { getRegistrationCalendar } from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import type { Route } from './+types/registration-ics';
import { asErrorResponse, localeOf } from './registration.server.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const { slug, ics } = await getRegistrationCalendar(actor, params.slug, locale).catch(asErrorResponse);
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${slug}.ics"`,
      'Cache-Control': 'no-store',
    },
  });
}

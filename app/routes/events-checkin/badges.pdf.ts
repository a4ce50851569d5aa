/** /{locale}/events/{slug}/badges.pdf: every confirmed participant's badge, for those who may check people in. */
import { eventBadges } from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { localeOf } from '../clusters/meta.ts';
import type { Route } from './+types/badges.pdf';
import { pdfResponse } from './pdf-response.server.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  return pdfResponse(() => eventBadges(actor, params.slug, locale));
}

/** /{locale}/events/{slug}/registration/badge.pdf: the signed-in participant's own badge, while their registration is confirmed. */
import { myBadge } from '#app/modules/events/index.ts';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { localeOf } from '../clusters/meta.ts';
import type { Route } from './+types/my-badge.pdf';
import { pdfResponse } from './pdf-response.server.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = requireAccountPage(context.get(requestContext).actor, localeOf(params), request);
  return pdfResponse(() => myBadge(actor, params.slug));
}

/**
 * /{locale}/events/{slug}/invitations/preview?source=...: what adding a candidate set would do to
 * the list's balance, as JSON, for the invitation page's live preview (the page shows the same
 * preview without JavaScript after a GET). Staff only, nothing is stored.
 */
import { addInvitations } from '#app/modules/events/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { isLocale } from '#app/shared/i18n/locales.ts';
import type { Route } from './+types/preview';
import { addInputOf } from './invitations-form.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = isLocale(params.lang) ? params.lang : 'en';
  const search = new URL(request.url).searchParams;
  try {
    const result = await addInvitations(context.get(requestContext).actor, addInputOf(params.slug, search, locale, true));
    return Response.json({ ok: true, result }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (isAppError(error) && error.status < 500)
      return Response.json(
        { ok: false, code: error.code, status: error.status },
        { status: error.status, headers: { 'Cache-Control': 'no-store' } },
      );
    throw error;
  }
}

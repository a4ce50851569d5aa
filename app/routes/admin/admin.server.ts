/** What every admin page's loader and action share: the staff gate, the locale, refused calls. */
import type { RouterContextProvider } from 'react-router';
import { requireStaffPage } from '#app/modules/identity/index.ts';
import type { UserActor } from '#app/shared/auth/actor.ts';
import { isAppError } from '#app/shared/errors.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '#app/shared/i18n/locales.ts';

interface RouteArgs {
  params: { lang?: string };
  request: Request;
  context: Readonly<RouterContextProvider>;
}

/**
 * First line of every admin loader and action: anonymous visitors go to sign-in, staff without
 * two-factor to its setup, people without `permission` get a 403. The services check again.
 */
export async function requireAdminPage(
  { params, request, context }: RouteArgs,
  permission: string,
): Promise<{ actor: UserActor; locale: Locale }> {
  const locale = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
  const actor = await requireStaffPage(context.get(requestContext).actor, permission, locale, { request });
  return { actor, locale };
}

/** A refused service call (bad filter, not found, forbidden) becomes the matching error page. */
export function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status });
  throw error;
}

export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/** Shared by the responses pages: the signed-in manager and the page's language, refusals as error pages. */
import { requireAccountPage } from '#app/modules/identity/index.ts';
import type { UserActor } from '#app/shared/auth/actor.ts';
import { isAppError } from '#app/shared/errors.ts';
import { type RequestContext, requestContext } from '#app/shared/http/request-context.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '#app/shared/i18n/locales.ts';

interface Args {
  params: { lang?: string };
  request: Request;
  context: { get(key: typeof requestContext): RequestContext };
}

/** The signed-in person (anonymous visitors are sent to sign in) and the page's language. */
export function managerPage({ params, request, context }: Args): { actor: UserActor; locale: Locale } {
  const locale = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
  return { actor: requireAccountPage(context.get(requestContext).actor, locale, request), locale };
}

/** A refused or missing thing becomes the matching error page (400, 403, 404); anything else is rethrown. */
export function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status === 409 ? 400 : error.status });
  throw error;
}

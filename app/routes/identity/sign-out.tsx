/** /{locale}/account/sign-out: POST only (the header's sign-out button); ends the session. */
import { redirect } from 'react-router';
import { signOut } from '#app/modules/identity/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import type { Route } from './+types/sign-out';
import { localeOf, withCookies } from './form.server.ts';

/** Signing out changes state, so a link or a prefetch (GET) must not do it. */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/${localeOf(params)}/account`);
}

export async function action({ params, request }: Route.ActionArgs) {
  const locale = localeOf(params);
  const outcome = await signOut(request.headers).catch((error: unknown) => {
    // No session (already signed out, or it expired): the visitor gets what they asked for.
    if (isAppError(error) && error.status < 500) return { cookies: [] };
    throw error;
  });
  return redirectWithFlash(`/${locale}/`, { key: 'identity.flash.signedOut', kind: 'success' }, { headers: withCookies(outcome.cookies) });
}

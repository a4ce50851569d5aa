/**
 * Turns a request's credentials into the `Actor` every service takes, the same way for pages and
 * the API: a Bearer API token, else the better-auth session cookie, else anonymous. Also the gate
 * that staff page loaders call first.
 */
import { redirect } from 'react-router';
import { type Actor, anonymous, type RoleGrant, type UserActor } from '#app/shared/auth/actor.ts';
import { can, needsTwoFactorSetup, type Subject } from '#app/shared/auth/can.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { AppError, isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { getAuth } from './auth.server.ts';
import { findActorUser, loadGrants } from './roles.repository.server.ts';
import { readBearerCredentials } from './tokens.format.ts';
import { authenticateApiToken } from './tokens.service.server.ts';

interface ActorUser {
  id: string;
  email: string;
  name: string;
  locale?: string | null;
  emailVerified: boolean;
  twoFactorEnabled?: boolean | null;
}

function userActor(
  user: ActorUser,
  grants: readonly RoleGrant[],
  via: UserActor['via'],
  ids: Pick<UserActor, 'sessionId' | 'tokenId'> = {},
): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    name: user.name,
    locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE,
    emailVerified: user.emailVerified,
    twoFactorEnabled: user.twoFactorEnabled === true,
    grants,
    via,
    ...ids,
  };
}

/**
 * The actor behind a request. A request naming the Bearer scheme is judged by its token alone: an
 * unknown, malformed, revoked or expired token throws `IDENTITY_TOKEN_INVALID` (401) rather than
 * falling back to the cookie or to anonymous.
 */
export async function resolveRequestActor(headers: Headers): Promise<Actor> {
  return (await resolveRequestCredentials(headers)).actor;
}

/**
 * Like `resolveRequestActor`, with the `Set-Cookie` headers better-auth produced while reading the
 * session (it extends an active session's expiry): the page handler passes them on, or an active
 * reader would be signed out when the first cookie expires.
 */
export async function resolveRequestCredentials(headers: Headers): Promise<{ actor: Actor; setCookies: string[] }> {
  const bearer = readBearerCredentials(headers.get('authorization'));
  if (bearer !== null) {
    const owner = await authenticateApiToken(bearer);
    return { actor: userActor({ ...owner, id: owner.userId }, owner.grants, 'token', { tokenId: owner.tokenId }), setCookies: [] };
  }
  // Without any cookie there is no session to look up: spare the public pages a round trip.
  if (!headers.has('cookie')) return { actor: anonymous, setCookies: [] };
  const { headers: sessionHeaders, response: found } = await (await getAuth()).api.getSession({ headers, returnHeaders: true });
  const setCookies = sessionHeaders.getSetCookie();
  if (!found) return { actor: anonymous, setCookies };
  const grants = await loadGrants(getDb(), found.user.id);
  return { actor: userActor(found.user, grants, 'session', { sessionId: found.session.id }), setCookies };
}

/** The actor of a known user, for the CLI (`via: 'cli'`) and for tests. */
export async function actorForUser(userId: string, via: UserActor['via'] = 'cli'): Promise<UserActor> {
  const db = getDb();
  const user = await findActorUser(db, userId);
  if (!user) throw new AppError('IDENTITY_ROLE_USER_NOT_FOUND', 404);
  return userActor(user, await loadGrants(db, userId), via);
}

/** `/{locale}/account/sign-in?redirectTo=<this page>`; the sign-in page validates the target is local. */
export function signInPath(locale: Locale, request?: Request): string {
  if (!request) return `/${locale}/account/sign-in`;
  const url = new URL(request.url);
  return `/${locale}/account/sign-in?redirectTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`;
}

export const TWO_FACTOR_REQUIRED_FLASH = 'access.staff.twoFactorRequired';

/**
 * First line of every staff page loader. Throws a redirect to sign-in for anonymous visitors, to
 * two-factor setup (with a flash saying why) for holders of a staff role who have not enabled it
 * yet, and a 403 response when the actor lacks the permission. Returns the signed-in actor.
 * Pass `options.request` so sign-in brings the visitor back to this page.
 */
export async function requireStaffPage(
  actor: Actor,
  permission: string,
  locale: Locale,
  options: { request?: Request; subject?: Subject } = {},
): Promise<UserActor> {
  if (actor.kind !== 'user') throw redirect(signInPath(locale, options.request));
  if (needsTwoFactorSetup(actor)) {
    throw await redirectWithFlash(`/${locale}/account/two-factor?required=1`, { key: TWO_FACTOR_REQUIRED_FLASH, kind: 'info' });
  }
  if (!can(actor, permission, options.subject)) throw new Response(null, { status: 403 });
  return actor;
}

/**
 * For adapters that are not the API (the page handler): a refused bearer token becomes a bare 401
 * with the RFC 6750 challenge instead of a server error; anything else is rethrown.
 */
export function invalidTokenResponse(error: unknown): Response {
  if (isAppError(error) && error.code === 'IDENTITY_TOKEN_INVALID') {
    return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
  }
  throw error;
}

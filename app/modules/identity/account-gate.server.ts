/** First lines of account page loaders: who may see the page, and where everyone else goes. */
import { redirect } from 'react-router';
import type { Actor, UserActor } from '#app/shared/auth/actor.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { signInPath } from './actor.server.ts';

/** Pages of one's own account: visitors go to sign-in, and come back here afterwards. */
export function requireAccountPage(actor: Actor, locale: Locale, request: Request): UserActor {
  if (actor.kind !== 'user') throw redirect(signInPath(locale, request));
  return actor;
}

/** Sign-in, sign-up and their kin have nothing to offer someone already signed in. */
export function redirectSignedIn(actor: Actor, locale: Locale): void {
  if (actor.kind === 'user') throw redirect(`/${locale}/account`);
}

/**
 * Who may manage an account: its holder, signed in themselves. Staff acting on behalf of someone
 * (assisted entry) enter data for them but do not change their profile, sessions or security.
 */
import type { Actor, UserActor } from '#app/shared/auth/actor.ts';
import { CommonErrors } from '#app/shared/errors.ts';

export function canManageOwnAccount(actor: Actor): actor is UserActor {
  return actor.kind === 'user' && !actor.actingAsId;
}

/** Throws 401 for visitors and 403 for assisted sessions; returns the account holder otherwise. */
export function requireAccountHolder(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw CommonErrors.unauthenticated();
  if (!canManageOwnAccount(actor)) throw CommonErrors.forbidden();
  return actor;
}

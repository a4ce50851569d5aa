/**
 * Who may manage API tokens: a signed-in person managing their own. A token cannot mint or revoke
 * tokens, so a leaked token cannot make itself permanent or lock its owner out.
 */
import type { Actor, UserActor } from '#app/shared/auth/actor.ts';

export function canManageApiTokens(actor: Actor): actor is UserActor {
  return actor.kind === 'user' && actor.via !== 'token';
}

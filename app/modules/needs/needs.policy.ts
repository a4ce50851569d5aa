/**
 * Who may do what with the challenge taxonomy. Anyone reads the active themes (they label public
 * figures); editing, archiving and seeing archived themes is taxonomy work, like the CCI taxonomy.
 */
import type { Actor } from '#app/shared/auth/actor.ts';
import { can } from '#app/shared/auth/can.ts';

export const TAXONOMY_MANAGE = 'taxonomy.manage';

export function canManageChallengeThemes(actor: Actor): boolean {
  return can(actor, TAXONOMY_MANAGE);
}

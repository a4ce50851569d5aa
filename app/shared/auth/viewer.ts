/** What the browser may know about the signed-in person: enough for the header and navigation. */
import type { Actor } from './actor.ts';
import { can, needsTwoFactorSetup } from './can.ts';

export interface Viewer {
  name: string;
  /** Links shown only when the viewer may use them; the services enforce the same rules. */
  canSeeAdmin: boolean;
  needsTwoFactor: boolean;
}

export function presentViewer(actor: Actor): Viewer | null {
  if (actor.kind !== 'user') return null;
  return {
    name: actor.name,
    canSeeAdmin: actor.grants.some((g) => g.requiresTwoFactor) || can(actor, 'admin.access'),
    needsTwoFactor: needsTwoFactorSetup(actor),
  };
}

/**
 * The one policy entry point. Deny by default: an action is allowed when the actor holds a grant
 * with that permission whose scope covers the subject. Pure; services enforce, UIs hide.
 *
 * Permissions are strings `module.action` (`audit.read`, `mail.outbox.read`); a grant may hold
 * `*` (platform admin). A global grant covers every subject; a country grant covers subjects in
 * that country; cluster, organisation and event grants cover subjects carrying that id.
 * Grants whose role requires two-factor count only once the actor has enabled it.
 */
import type { Actor, RoleGrant } from './actor.ts';

export interface Subject {
  country?: string | null;
  cluster?: string | null;
  organisation?: string | null;
  event?: string | null;
}

export function grantCovers(grant: RoleGrant, subject: Subject | undefined): boolean {
  if (grant.scopeType === 'global') return true;
  if (!subject) return false;
  return subject[grant.scopeType] != null && subject[grant.scopeType] === grant.scopeId;
}

export function grantAllows(grant: RoleGrant, permission: string): boolean {
  return grant.permissions.includes('*') || grant.permissions.includes(permission);
}

export function can(actor: Actor, permission: string, subject?: Subject): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  return actor.grants.some(
    (grant) => (!grant.requiresTwoFactor || actor.twoFactorEnabled) && grantAllows(grant, permission) && grantCovers(grant, subject),
  );
}

/**
 * Whether the actor holds the permission in some scope (any cluster, country, event...): who may
 * open a list across subjects, each item of which is then checked with `can`.
 */
export function canAnywhere(actor: Actor, permission: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  return actor.grants.some((grant) => (!grant.requiresTwoFactor || actor.twoFactorEnabled) && grantAllows(grant, permission));
}

/** True when the actor holds a role that needs two-factor but has not enabled it yet. */
export function needsTwoFactorSetup(actor: Actor): boolean {
  return actor.kind === 'user' && !actor.twoFactorEnabled && actor.grants.some((g) => g.requiresTwoFactor);
}

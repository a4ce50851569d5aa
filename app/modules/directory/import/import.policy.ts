/**
 * Who may import: programme staff holding the kind's manage permission at global or country
 * scope (cluster managers and organisation admins manage one record, not the directory). A
 * country-scoped grant covers only rows of its country; other rows are rejected. Pure.
 */
import type { Actor } from '#app/shared/auth/actor.ts';
import { can, grantAllows } from '#app/shared/auth/can.ts';
import type { ImportKind } from './import.vocabulary.ts';

export function importPermission(kind: ImportKind): string {
  return kind === 'organisations' ? 'directory.organisations.manage' : 'directory.clusters.manage';
}

/** May start an import of this kind (any country). */
export function canImport(actor: Actor, kind: ImportKind): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  return actor.grants.some(
    (grant) =>
      (!grant.requiresTwoFactor || actor.twoFactorEnabled) &&
      (grant.scopeType === 'global' || grant.scopeType === 'country') &&
      grantAllows(grant, importPermission(kind)),
  );
}

/** May see imports and their reports: anyone who may start one of either kind. */
export function canSeeImports(actor: Actor): boolean {
  return canImport(actor, 'organisations') || canImport(actor, 'clusters');
}

/** May write a row of this country. */
export function canImportInto(actor: Actor, kind: ImportKind, countryIso2: string): boolean {
  return can(actor, importPermission(kind), { country: countryIso2 });
}

/** Roles, role assignments and the grants an actor carries. The only code touching these tables. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { RoleGrant, ScopeType } from '#app/shared/auth/actor.ts';
import type { Executor } from '#app/shared/db/client.server.ts';
import { role, roleAssignment, user } from './identity.schema.ts';

export interface RoleRow {
  key: string;
  permissions: readonly string[];
  requiresTwoFactor: boolean;
}

/** Inserts the roles or brings their permissions and two-factor flag up to date. */
export async function upsertRoles(executor: Executor, roles: readonly RoleRow[]): Promise<void> {
  if (roles.length === 0) return;
  await executor
    .insert(role)
    .values(roles.map((r) => ({ key: r.key, permissions: [...r.permissions], requiresTwoFactor: r.requiresTwoFactor })))
    .onConflictDoUpdate({
      target: role.key,
      set: { permissions: sql`excluded.permissions`, requiresTwoFactor: sql`excluded.requires_two_factor` },
    });
}

export async function findRole(executor: Executor, key: string): Promise<RoleRow | undefined> {
  const [row] = await executor
    .select({ key: role.key, permissions: role.permissions, requiresTwoFactor: role.requiresTwoFactor })
    .from(role)
    .where(eq(role.key, key));
  return row;
}

export async function userExists(executor: Executor, userId: string): Promise<boolean> {
  const [row] = await executor.select({ id: user.id }).from(user).where(eq(user.id, userId));
  return row !== undefined;
}

export interface AssignmentKey {
  userId: string;
  roleKey: string;
  scopeType: ScopeType;
  scopeId: string | null;
}

/** Returns the new assignment's id, or undefined when the same assignment already existed. */
export async function insertAssignment(executor: Executor, assignment: AssignmentKey): Promise<string | undefined> {
  const [row] = await executor.insert(roleAssignment).values(assignment).onConflictDoNothing().returning({ id: roleAssignment.id });
  return row?.id;
}

/** Returns the removed assignment's id, or undefined when there was none. */
export async function deleteAssignment(executor: Executor, assignment: AssignmentKey): Promise<string | undefined> {
  const [row] = await executor
    .delete(roleAssignment)
    .where(
      and(
        eq(roleAssignment.userId, assignment.userId),
        eq(roleAssignment.roleKey, assignment.roleKey),
        eq(roleAssignment.scopeType, assignment.scopeType),
        assignment.scopeId === null ? isNull(roleAssignment.scopeId) : eq(roleAssignment.scopeId, assignment.scopeId),
      ),
    )
    .returning({ id: roleAssignment.id });
  return row?.id;
}

/** A user's grants (assignments with their role's permissions), in one query. */
export async function loadGrants(executor: Executor, userId: string): Promise<RoleGrant[]> {
  const rows = await executor
    .select({
      role: roleAssignment.roleKey,
      scopeType: roleAssignment.scopeType,
      scopeId: roleAssignment.scopeId,
      permissions: role.permissions,
      requiresTwoFactor: role.requiresTwoFactor,
    })
    .from(roleAssignment)
    .innerJoin(role, eq(role.key, roleAssignment.roleKey))
    .where(eq(roleAssignment.userId, userId))
    .orderBy(roleAssignment.roleKey, roleAssignment.scopeType, roleAssignment.scopeId);
  return rows;
}

export interface ActorUserRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean | null;
}

export async function findActorUser(executor: Executor, userId: string): Promise<ActorUserRow | undefined> {
  const [row] = await executor
    .select({
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      emailVerified: user.emailVerified,
      twoFactorEnabled: user.twoFactorEnabled,
    })
    .from(user)
    .where(eq(user.id, userId));
  return row;
}

/** Holders of a role at one scope (e.g. the managers of a cluster), by name. */
export async function selectRoleHolders(
  executor: Executor,
  roleKey: string,
  scopeType: ScopeType,
  scopeId: string,
): Promise<{ userId: string; name: string }[]> {
  return executor
    .select({ userId: user.id, name: user.name })
    .from(roleAssignment)
    .innerJoin(user, eq(user.id, roleAssignment.userId))
    .where(and(eq(roleAssignment.roleKey, roleKey), eq(roleAssignment.scopeType, scopeType), eq(roleAssignment.scopeId, scopeId)))
    .orderBy(user.name, user.id);
}

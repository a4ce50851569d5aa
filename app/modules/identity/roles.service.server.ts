/**
 * Roles as data: the built-in roles are upserted at boot; assigning and revoking a role is a
 * `users.manage` action, checked here and written to the audit log in the same transaction.
 */

import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor, ScopeType } from '#app/shared/auth/actor.ts';
import { can } from '#app/shared/auth/can.ts';
import { type Executor, getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { parseInput } from '#app/shared/validation.ts';
import { type RoleAssignmentInput, roleAssignmentInput } from './roles.contracts.ts';
import {
  type AssignmentKey,
  deleteAssignment,
  findRole,
  insertAssignment,
  selectRoleHolders,
  upsertRoles,
  userExists,
} from './roles.repository.server.ts';
import { BUILT_IN_ROLES, findBuiltInRole, scopeProblem } from './roles.ts';

/** Idempotent: creates the built-in roles or brings their permissions up to date. */
export async function seedRoles(executor: Executor): Promise<void> {
  await upsertRoles(executor, BUILT_IN_ROLES);
}

function requireUsersManage(actor: Actor): void {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  if (!can(actor, 'users.manage')) throw CommonErrors.forbidden();
}

/** Checks the role exists and the scope fits it; returns the assignment's key. */
async function validAssignment(executor: Executor, input: RoleAssignmentInput): Promise<AssignmentKey> {
  const parsed = parseInput(roleAssignmentInput, input);
  if (!(await findRole(executor, parsed.role))) {
    throw new AppError('IDENTITY_ROLE_UNKNOWN', 400, { fields: [{ field: 'role', code: 'invalid_value' }] });
  }
  // Built-in roles restrict their scope types; roles added as data may be given at any scope.
  const problem = scopeProblem(findBuiltInRole(parsed.role) ?? { scopeTypes: [parsed.scopeType] }, parsed.scopeType, parsed.scopeId);
  if (problem) {
    const field = problem === 'scope_type_not_allowed' ? 'scopeType' : 'scopeId';
    throw new AppError('IDENTITY_ROLE_SCOPE_INVALID', 400, { fields: [{ field, code: problem }] });
  }
  if (!(await userExists(executor, parsed.userId))) throw new AppError('IDENTITY_ROLE_USER_NOT_FOUND', 404);
  return { userId: parsed.userId, roleKey: parsed.role, scopeType: parsed.scopeType, scopeId: parsed.scopeId };
}

export interface RoleChange {
  /** False when the user already had (assign) or did not have (revoke) this role at this scope. */
  changed: boolean;
}

/** One audit entry per effective change, naming the role and its scope. */
function auditRoleChange(tx: Executor, actor: Actor, action: string, assignment: AssignmentKey): Promise<void> {
  return recordAudit(tx, actor, {
    action,
    subjectType: 'user',
    subjectId: assignment.userId,
    data: { role: assignment.roleKey, scopeType: assignment.scopeType, scopeId: assignment.scopeId },
  });
}

export async function assignRole(actor: Actor, input: RoleAssignmentInput): Promise<RoleChange> {
  requireUsersManage(actor);
  return getDb().transaction(async (tx) => {
    const assignment = await validAssignment(tx, input);
    const id = await insertAssignment(tx, assignment);
    if (id) await auditRoleChange(tx, actor, 'identity.role.assign', assignment);
    return { changed: id !== undefined };
  });
}

export async function revokeRole(actor: Actor, input: RoleAssignmentInput): Promise<RoleChange> {
  requireUsersManage(actor);
  return getDb().transaction(async (tx) => {
    const parsed = parseInput(roleAssignmentInput, input);
    const assignment = { userId: parsed.userId, roleKey: parsed.role, scopeType: parsed.scopeType, scopeId: parsed.scopeId };
    const id = await deleteAssignment(tx, assignment);
    if (id) await auditRoleChange(tx, actor, 'identity.role.revoke', assignment);
    return { changed: id !== undefined };
  });
}

/**
 * Who holds a role at one scope, e.g. the managers of a cluster (`cluster_manager` at its slug),
 * shown on public pages by name only. Readers decide what to show; no permission is needed.
 */
export async function listRoleHolders(
  role: string,
  scopeType: ScopeType,
  scopeId: string,
  executor: Executor = getDb(),
): Promise<{ userId: string; name: string }[]> {
  return selectRoleHolders(executor, role, scopeType, scopeId);
}

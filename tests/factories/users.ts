/** Stored people holding a built-in role, for service tests on a real database, and the error code a call ends with. */
import { randomUUID } from 'node:crypto';
import { actorForUser, assignRole } from '#app/modules/identity/index.ts';
import { system, type UserActor } from '#app/shared/auth/actor.ts';
import type { Executor } from '#app/shared/db/client.server.ts';
import { user } from '#app/shared/db/schema.ts';
import { isAppError } from '#app/shared/errors.ts';

/** A verified user with two-factor on, holding `role` at a scope (roles must be seeded first). */
export async function insertUserWithRole(
  db: Executor,
  name: string,
  role: { key: string; scopeType: 'global' | 'country' | 'cluster'; scopeId: string | null },
): Promise<UserActor> {
  const id = randomUUID();
  await db.insert(user).values({ id, name, email: `${id.slice(0, 8)}@example.org`, emailVerified: true, twoFactorEnabled: true });
  await assignRole(system, { userId: id, role: role.key, scopeType: role.scopeType, scopeId: role.scopeId });
  return actorForUser(id, 'session');
}

/** `'resolved'`, the AppError's code, or the other error itself. */
export function outcomeCode(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => (isAppError(error) ? error.code : error),
  );
}

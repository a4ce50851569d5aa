/** Reads and writes of a person's own account rows: profile fields and sessions. */
import { and, desc, eq, gt, ne } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { type Gender, session, user } from './identity.schema.ts';

export interface ProfileRow {
  id: string;
  name: string;
  email: string;
  locale: string;
  gender: Gender | null;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
}

const profileColumns = {
  id: user.id,
  name: user.name,
  email: user.email,
  locale: user.locale,
  gender: user.gender,
  emailVerified: user.emailVerified,
  twoFactorEnabled: user.twoFactorEnabled,
};

function toProfile(row: Omit<ProfileRow, 'twoFactorEnabled'> & { twoFactorEnabled: boolean | null }): ProfileRow {
  return { ...row, twoFactorEnabled: row.twoFactorEnabled === true };
}

export async function findProfile(executor: Executor, userId: string): Promise<ProfileRow | undefined> {
  const [row] = await executor.select(profileColumns).from(user).where(eq(user.id, userId)).limit(1);
  return row ? toProfile(row) : undefined;
}

/** Locks the row so concurrent edits are applied one after the other. */
export async function findProfileForUpdate(executor: Executor, userId: string): Promise<ProfileRow | undefined> {
  const [row] = await executor.select(profileColumns).from(user).where(eq(user.id, userId)).limit(1).for('update');
  return row ? toProfile(row) : undefined;
}

export async function updateProfileFields(
  executor: Executor,
  userId: string,
  values: { name: string; locale: string; gender?: Gender | null },
): Promise<ProfileRow> {
  const [row] = await executor
    .update(user)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(user.id, userId))
    .returning(profileColumns);
  if (!row) throw new Error(`updateProfileFields: user ${userId} vanished inside its transaction`);
  return toProfile(row);
}

export interface SessionRow {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
}

export async function listActiveSessions(executor: Executor, userId: string, now: Date, limit: number): Promise<SessionRow[]> {
  return executor
    .select({
      id: session.id,
      createdAt: session.createdAt,
      updatedAt: session.updatedAt,
      expiresAt: session.expiresAt,
      ipAddress: session.ipAddress,
      userAgent: session.userAgent,
    })
    .from(session)
    .where(and(eq(session.userId, userId), gt(session.expiresAt, now)))
    .orderBy(desc(session.updatedAt), desc(session.id))
    .limit(limit);
}

/** Deletes one session of this user; returns false when the user has no such session. */
export async function deleteUserSession(executor: Executor, userId: string, sessionId: string): Promise<boolean> {
  const deleted = await executor
    .delete(session)
    .where(and(eq(session.id, sessionId), eq(session.userId, userId)))
    .returning({ id: session.id });
  return deleted.length > 0;
}

/** Deletes every session of this user except `keepSessionId`; returns how many went. */
export async function deleteOtherUserSessions(executor: Executor, userId: string, keepSessionId: string | undefined): Promise<number> {
  const deleted = await executor
    .delete(session)
    .where(keepSessionId ? and(eq(session.userId, userId), ne(session.id, keepSessionId)) : eq(session.userId, userId))
    .returning({ id: session.id });
  return deleted.length;
}

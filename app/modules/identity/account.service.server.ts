/**
 * The account holder's own profile (name, preferred language, optional self-declared gender) and
 * sessions (list, revoke one, revoke all others). Every change is audited.
 */

import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { AppError } from '#app/shared/errors.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { parseInput } from '#app/shared/validation.ts';
import { sessionIdInput, type UpdateProfileInput, updateProfileInput } from './account.contracts.ts';
import { requireAccountHolder } from './account.policy.ts';
import {
  deleteOtherUserSessions,
  deleteUserSession,
  findProfile,
  findProfileForUpdate,
  listActiveSessions,
  type ProfileRow,
  updateProfileFields,
} from './account.repository.server.ts';
import type { Gender } from './identity.schema.ts';
import { type DeviceDescription, describeUserAgent } from './user-agent.ts';

export interface Profile {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  gender: Gender | null;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
}

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastActiveAt: Date;
  expiresAt: Date;
  ipAddress: string | null;
  device: DeviceDescription;
  /** The session this request was made with. */
  current: boolean;
}

/** A person has a handful of sessions; the list is capped so it can never grow unbounded. */
export const MAX_LISTED_SESSIONS = 50;

function toProfile(row: ProfileRow): Profile {
  return { ...row, locale: isLocale(row.locale) ? row.locale : 'en' };
}

function notFound(): AppError {
  return new AppError('IDENTITY_ACCOUNT_NOT_FOUND', 404);
}

export async function getProfile(actor: Actor): Promise<Profile> {
  const holder = requireAccountHolder(actor);
  const row = await findProfile(getDb(), holder.userId);
  if (!row) throw notFound();
  return toProfile(row);
}

/** `input` is checked against `updateProfileInput` (typed callers pass an `UpdateProfileInput`). */
export async function updateProfile(actor: Actor, input: UpdateProfileInput | Record<string, unknown>): Promise<Profile> {
  const holder = requireAccountHolder(actor);
  const values = parseInput(updateProfileInput, input);
  return getDb().transaction(async (tx) => {
    const before = await findProfileForUpdate(tx, holder.userId);
    if (!before) throw notFound();
    const after = await updateProfileFields(tx, holder.userId, values);
    // Field names only: the audit log must not become a second copy of personal data.
    const changed = (['name', 'locale', 'gender'] as const).filter((field) => before[field] !== after[field]);
    if (changed.length > 0) {
      await recordAudit(tx, actor, { action: 'identity.profile.update', subjectType: 'user', subjectId: holder.userId, data: { changed } });
    }
    return toProfile(after);
  });
}

export async function listSessions(actor: Actor): Promise<SessionSummary[]> {
  const holder = requireAccountHolder(actor);
  const rows = await listActiveSessions(getDb(), holder.userId, new Date(), MAX_LISTED_SESSIONS);
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    lastActiveAt: row.updatedAt,
    expiresAt: row.expiresAt,
    ipAddress: row.ipAddress,
    device: describeUserAgent(row.userAgent),
    current: row.id === holder.sessionId,
  }));
}

/** Signs one of the holder's sessions out. Someone else's session is "not found", never revoked. */
export async function revokeSession(actor: Actor, sessionId: string): Promise<void> {
  const holder = requireAccountHolder(actor);
  const { sessionId: id } = parseInput(sessionIdInput, { sessionId });
  await getDb().transaction(async (tx) => {
    if (!(await deleteUserSession(tx, holder.userId, id))) throw new AppError('IDENTITY_SESSION_NOT_FOUND', 404);
    await recordAudit(tx, actor, { action: 'identity.session.revoke', subjectType: 'session', subjectId: id });
  });
}

/** Signs out every session of the holder except the one making the request. */
export async function revokeOtherSessions(actor: Actor): Promise<{ revoked: number }> {
  const holder = requireAccountHolder(actor);
  return getDb().transaction(async (tx) => {
    const revoked = await deleteOtherUserSessions(tx, holder.userId, holder.sessionId);
    await recordAudit(tx, actor, {
      action: 'identity.session.revokeOthers',
      subjectType: 'user',
      subjectId: holder.userId,
      data: { revoked },
    });
    return { revoked };
  });
}

/**
 * Personal API tokens: created and revoked by their owner, shown once, stored as a hash, acting
 * with the owner's permissions. Creation and revocation are audited; use only moves `lastUsedAt`.
 */

import { recordAudit } from '#app/shared/audit/audit.server.ts';
import type { Actor, UserActor } from '#app/shared/auth/actor.ts';
import { getDb } from '#app/shared/db/client.server.ts';
import { AppError, CommonErrors } from '#app/shared/errors.ts';
import { parseInput } from '#app/shared/validation.ts';
import { type ApiTokenSummary, type CreateApiTokenInput, type CreatedApiToken, createApiTokenInput } from './tokens.contracts.ts';
import { generateApiToken, hashApiToken, isWellFormedApiToken } from './tokens.format.ts';
import { canManageApiTokens } from './tokens.policy.ts';
import {
  findTokenOwnerByHash,
  insertApiToken,
  listApiTokensOf,
  revokeApiTokenOf,
  type TokenOwner,
  touchApiToken,
} from './tokens.repository.server.ts';

const DAY_MS = 86_400_000;
/** `lastUsedAt` is precise to this much, so a busy token costs one write a minute, not one per request. */
const LAST_USED_PRECISION_MS = 60_000;
/** The token page shows this many of a person's most recent tokens. */
export const API_TOKEN_LIST_LIMIT = 100;

function requireTokenOwner(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw CommonErrors.unauthenticated();
  if (!canManageApiTokens(actor)) throw CommonErrors.forbidden();
  return actor;
}

export async function createApiToken(actor: Actor, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  const owner = requireTokenOwner(actor);
  const { name, expiresInDays } = parseInput(createApiTokenInput, input);
  const { token, prefix, hash } = generateApiToken();
  const expiresAt = expiresInDays === undefined ? null : new Date(Date.now() + expiresInDays * DAY_MS);
  return getDb().transaction(async (tx) => {
    const created = await insertApiToken(tx, { userId: owner.userId, name, prefix, tokenHash: hash, expiresAt });
    await recordAudit(tx, actor, {
      action: 'identity.token.create',
      subjectType: 'api_token',
      subjectId: created.id,
      data: { name, prefix, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { ...created, token };
  });
}

export async function listApiTokens(actor: Actor): Promise<ApiTokenSummary[]> {
  const owner = requireTokenOwner(actor);
  return listApiTokensOf(getDb(), owner.userId, API_TOKEN_LIST_LIMIT);
}

/** Revokes one of the actor's own live tokens; anyone else's (or an unknown id) is "not found". */
export async function revokeApiToken(actor: Actor, tokenId: string): Promise<ApiTokenSummary> {
  const owner = requireTokenOwner(actor);
  return getDb().transaction(async (tx) => {
    const revoked = await revokeApiTokenOf(tx, owner.userId, tokenId, new Date());
    if (!revoked) throw new AppError('IDENTITY_TOKEN_NOT_FOUND', 404);
    await recordAudit(tx, actor, {
      action: 'identity.token.revoke',
      subjectType: 'api_token',
      subjectId: revoked.id,
      data: { name: revoked.name, prefix: revoked.prefix },
    });
    return revoked;
  });
}

/**
 * The owner (with grants) of a live token; an unknown, malformed, revoked or expired token is
 * `IDENTITY_TOKEN_INVALID` (401), without saying which, so tokens cannot be probed.
 */
export async function authenticateApiToken(token: string): Promise<TokenOwner> {
  if (!isWellFormedApiToken(token)) throw new AppError('IDENTITY_TOKEN_INVALID', 401);
  const db = getDb();
  const owner = await findTokenOwnerByHash(db, hashApiToken(token));
  const now = Date.now();
  if (!owner || owner.revokedAt || (owner.expiresAt && owner.expiresAt.getTime() <= now)) {
    throw new AppError('IDENTITY_TOKEN_INVALID', 401);
  }
  if (!owner.lastUsedAt || now - owner.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await touchApiToken(db, owner.tokenId, new Date(now));
  }
  return owner;
}

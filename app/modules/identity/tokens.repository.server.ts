/** API tokens and the lookup that turns a token hash into its owner with grants. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { RoleGrant } from '#app/shared/auth/actor.ts';
import type { Executor } from '#app/shared/db/client.server.ts';
import { apiToken, role, roleAssignment, user } from './identity.schema.ts';
import type { ApiTokenSummary } from './tokens.contracts.ts';

const summaryColumns = {
  id: apiToken.id,
  name: apiToken.name,
  prefix: apiToken.prefix,
  createdAt: apiToken.createdAt,
  lastUsedAt: apiToken.lastUsedAt,
  expiresAt: apiToken.expiresAt,
  revokedAt: apiToken.revokedAt,
};

export async function insertApiToken(
  executor: Executor,
  values: { userId: string; name: string; prefix: string; tokenHash: string; expiresAt: Date | null },
): Promise<ApiTokenSummary> {
  const [row] = await executor.insert(apiToken).values(values).returning(summaryColumns);
  if (!row) throw new Error('insert into api_token returned no row');
  return row;
}

/** A bounded list: the owner's most recent tokens first. */
export async function listApiTokensOf(executor: Executor, userId: string, limit: number): Promise<ApiTokenSummary[]> {
  return executor
    .select(summaryColumns)
    .from(apiToken)
    .where(eq(apiToken.userId, userId))
    .orderBy(desc(apiToken.createdAt), desc(apiToken.id))
    .limit(limit);
}

/** Marks one of the owner's live tokens revoked; undefined when it is not theirs, unknown or already revoked. */
export async function revokeApiTokenOf(
  executor: Executor,
  userId: string,
  tokenId: string,
  at: Date,
): Promise<ApiTokenSummary | undefined> {
  const [row] = await executor
    .update(apiToken)
    .set({ revokedAt: at })
    .where(and(eq(apiToken.id, tokenId), eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
    .returning(summaryColumns);
  return row;
}

export interface TokenOwner {
  tokenId: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  userId: string;
  email: string;
  name: string;
  locale: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  grants: RoleGrant[];
}

/** The token with that hash, its owner and the owner's grants, in one query (one row per grant). */
export async function findTokenOwnerByHash(executor: Executor, tokenHash: string): Promise<TokenOwner | undefined> {
  const rows = await executor
    .select({
      tokenId: apiToken.id,
      expiresAt: apiToken.expiresAt,
      revokedAt: apiToken.revokedAt,
      lastUsedAt: apiToken.lastUsedAt,
      userId: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      emailVerified: user.emailVerified,
      twoFactorEnabled: user.twoFactorEnabled,
      grantRole: roleAssignment.roleKey,
      grantScopeType: roleAssignment.scopeType,
      grantScopeId: roleAssignment.scopeId,
      grantPermissions: role.permissions,
      grantRequiresTwoFactor: role.requiresTwoFactor,
    })
    .from(apiToken)
    .innerJoin(user, eq(user.id, apiToken.userId))
    .leftJoin(roleAssignment, eq(roleAssignment.userId, user.id))
    .leftJoin(role, eq(role.key, roleAssignment.roleKey))
    .where(eq(apiToken.tokenHash, tokenHash));
  const [first] = rows;
  if (!first) return undefined;
  const grants: RoleGrant[] = [];
  for (const row of rows) {
    if (row.grantRole === null || row.grantScopeType === null || row.grantPermissions === null) continue;
    grants.push({
      role: row.grantRole,
      scopeType: row.grantScopeType,
      scopeId: row.grantScopeId,
      permissions: row.grantPermissions,
      requiresTwoFactor: row.grantRequiresTwoFactor ?? false,
    });
  }
  return {
    tokenId: first.tokenId,
    expiresAt: first.expiresAt,
    revokedAt: first.revokedAt,
    lastUsedAt: first.lastUsedAt,
    userId: first.userId,
    email: first.email,
    name: first.name,
    locale: first.locale,
    emailVerified: first.emailVerified,
    twoFactorEnabled: first.twoFactorEnabled ?? false,
    grants,
  };
}

export async function touchApiToken(executor: Executor, tokenId: string, at: Date): Promise<void> {
  await executor.update(apiToken).set({ lastUsedAt: at }).where(eq(apiToken.id, tokenId));
}

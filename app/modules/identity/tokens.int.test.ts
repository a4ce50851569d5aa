import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#app/shared/audit/audit.schema.ts';
import { anonymous, system, type UserActor } from '#app/shared/auth/actor.ts';
import { parseConfig, setConfig } from '#app/shared/config.server.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { actorForUser, resolveRequestActor } from './actor.server.ts';
import { apiToken, user } from './identity.schema.ts';
import { assignRole, seedRoles } from './roles.service.server.ts';
import { generateApiToken, hashApiToken } from './tokens.format.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.service.server.ts';

describe('tokens service', () => {
  const database = useTestDatabase();

  async function createUser(name: string): Promise<string> {
    const id = randomUUID();
    await database()
      .db.insert(user)
      .values({ id, name, email: `${name.toLowerCase()}@example.org`, emailVerified: true });
    return id;
  }

  function bearer(token: string): Headers {
    return new Headers({ authorization: `Bearer ${token}` });
  }

  async function expectInvalidToken(headers: Headers) {
    await expect(resolveRequestActor(headers)).rejects.toMatchObject({ code: 'IDENTITY_TOKEN_INVALID', status: 401 });
  }

  let alice: UserActor;
  let bob: UserActor;

  beforeAll(async () => {
    setConfig(parseConfig({ ...process.env, AUTH_SECRET: 'test-secret-for-api-tokens-0123456789' }));
    await seedRoles(database().db);
    const aliceId = await createUser('Alice');
    await assignRole(system, { userId: aliceId, role: 'national_focal_point', scopeType: 'country', scopeId: 'TN' });
    alice = await actorForUser(aliceId, 'session');
    bob = await actorForUser(await createUser('Bob'), 'session');
  });

  describe('API tokens', () => {
    it('are shown once in plaintext and stored only as a hash', async () => {
      const created = await createApiToken(alice, { name: 'CI pipeline', expiresInDays: 30 });
      expect(created.token).toMatch(/^mos_[A-Za-z0-9_-]{43}$/);
      expect(created.prefix).toBe(created.token.slice(4, 12));

      const [row] = await database().db.select().from(apiToken).where(eq(apiToken.id, created.id));
      expect(row?.tokenHash).toBe(hashApiToken(created.token));
      expect(JSON.stringify(row)).not.toContain(created.token.slice(4));
      expect(row?.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

      const listed = await listApiTokens(alice);
      const mine = listed.find((t) => t.id === created.id);
      expect(mine).toMatchObject({ name: 'CI pipeline', prefix: created.prefix, revokedAt: null });
      expect(Object.keys(mine ?? {})).not.toContain('token');
      expect(Object.keys(mine ?? {})).not.toContain('tokenHash');
      expect(JSON.stringify(listed)).not.toContain(created.token.slice(4));

      const audits = await database().db.select().from(auditLog).where(eq(auditLog.subjectId, created.id));
      expect(audits.map((a) => a.action)).toEqual(['identity.token.create']);
      expect(audits[0]?.actorId).toBe(alice.userId);
      expect(JSON.stringify(audits)).not.toContain(created.token.slice(4));
    });

    it('act as their owner, with the same grants, via token, and record their last use', async () => {
      const created = await createApiToken(alice, { name: 'script' });
      const actor = await resolveRequestActor(bearer(created.token));
      expect(actor).toMatchObject({ kind: 'user', userId: alice.userId, email: alice.email, via: 'token', tokenId: created.id });
      expect(actor.kind === 'user' && actor.grants).toEqual(alice.grants);
      const [row] = await database().db.select({ lastUsedAt: apiToken.lastUsedAt }).from(apiToken).where(eq(apiToken.id, created.id));
      expect(row?.lastUsedAt).toBeInstanceOf(Date);
    });

    it('are refused once revoked, and revocation is audited once', async () => {
      const created = await createApiToken(alice, { name: 'to revoke' });
      await expect(resolveRequestActor(bearer(created.token))).resolves.toMatchObject({ userId: alice.userId });
      const revoked = await revokeApiToken(alice, created.id);
      expect(revoked.revokedAt).toBeInstanceOf(Date);
      await expectInvalidToken(bearer(created.token));
      await expect(revokeApiToken(alice, created.id)).rejects.toMatchObject({ code: 'IDENTITY_TOKEN_NOT_FOUND', status: 404 });
      const audits = await database().db.select().from(auditLog).where(eq(auditLog.subjectId, created.id));
      expect(audits.map((a) => a.action).sort()).toEqual(['identity.token.create', 'identity.token.revoke']);
    });

    it('are refused once expired', async () => {
      const created = await createApiToken(alice, { name: 'short-lived', expiresInDays: 1 });
      await expect(resolveRequestActor(bearer(created.token))).resolves.toMatchObject({ userId: alice.userId });
      await database()
        .db.update(apiToken)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(apiToken.id, created.id));
      await expectInvalidToken(bearer(created.token));
    });

    it('refuse unknown, malformed and empty bearer credentials instead of falling back to anonymous', async () => {
      await expectInvalidToken(bearer(generateApiToken().token));
      await expectInvalidToken(bearer('mos_not-a-token'));
      await expectInvalidToken(new Headers({ authorization: 'Bearer ' }));
    });

    it('cannot be revoked by another user, and stay valid', async () => {
      const created = await createApiToken(alice, { name: 'not yours' });
      await expect(revokeApiToken(bob, created.id)).rejects.toMatchObject({ code: 'IDENTITY_TOKEN_NOT_FOUND', status: 404 });
      await expect(resolveRequestActor(bearer(created.token))).resolves.toMatchObject({ userId: alice.userId });
      expect((await listApiTokens(bob)).map((t) => t.id)).not.toContain(created.id);
      const audits = await database().db.select().from(auditLog).where(eq(auditLog.subjectId, created.id));
      expect(audits.map((a) => a.action)).toEqual(['identity.token.create']);
    });

    it('cannot create or revoke tokens themselves', async () => {
      const created = await createApiToken(alice, { name: 'automation' });
      const viaToken = await resolveRequestActor(bearer(created.token));
      await expect(createApiToken(viaToken, { name: 'child' })).rejects.toMatchObject({ code: 'COMMON_FORBIDDEN', status: 403 });
      await expect(revokeApiToken(viaToken, created.id)).rejects.toMatchObject({ code: 'COMMON_FORBIDDEN', status: 403 });
      await expect(resolveRequestActor(bearer(created.token))).resolves.toMatchObject({ userId: alice.userId });
    });

    it('reject bad input and anonymous callers without writing anything', async () => {
      const before = await database().db.$count(apiToken);
      await expect(createApiToken(alice, { name: '   ' })).rejects.toMatchObject({
        code: 'COMMON_VALIDATION_FAILED',
        details: { fields: [expect.objectContaining({ field: 'name' })] },
      });
      await expect(createApiToken(alice, { name: 'x', expiresInDays: 0 })).rejects.toMatchObject({ code: 'COMMON_VALIDATION_FAILED' });
      await expect(createApiToken(anonymous, { name: 'x' })).rejects.toMatchObject({ code: 'COMMON_UNAUTHENTICATED', status: 401 });
      await expect(listApiTokens(anonymous)).rejects.toMatchObject({ code: 'COMMON_UNAUTHENTICATED' });
      expect(await database().db.$count(apiToken)).toBe(before);
    });
  });
});

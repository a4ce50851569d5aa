import { describe, expect, it } from 'vitest';
import { isAppError } from '#app/shared/errors.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { system } from '../auth/actor.ts';
import { user } from '../db/schema.ts';
import { auditLog } from './audit.schema.ts';
import { recordAudit } from './audit.server.ts';
import { AUDIT_PAGE_SIZE, listAuditEntries } from './audit.service.server.ts';
import { actorWith } from './testing/staff-actor.ts';

describe('audit log reading', () => {
  const database = useTestDatabase();

  async function codeOf(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => 'resolved',
      (error: unknown) => (isAppError(error) ? error.code : error),
    );
  }

  describe('listAuditEntries', () => {
    it('shows who did what, as whom, to what and when, newest first, with filters and pages', async () => {
      const db = database().db;
      await db.insert(user).values([
        { id: 'staff-1', name: 'Salma Staff', email: 'salma@example.org' },
        { id: 'member-1', name: 'Youssef Member', email: 'youssef@example.org' },
      ]);
      const staff = actorWith(['audit.read'], { userId: 'staff-1', actingAsId: 'member-1' });
      await recordAudit(db, staff, {
        action: 'identity.profile.update',
        subjectType: 'user',
        subjectId: 'member-1',
        data: { changed: ['name'] },
      });
      await recordAudit(db, system, { action: 'identity.token.create', subjectType: 'api_token', subjectId: 't1' });
      await recordAudit(db, system, { action: 'identity.tokens.purge', subjectType: 'api_token' });
      const reader = actorWith(['audit.read']);

      const all = await listAuditEntries(reader, {});
      expect(all.entries.map((e) => e.action)).toEqual(['identity.tokens.purge', 'identity.token.create', 'identity.profile.update']);
      expect(all.subjectTypes).toEqual(['api_token', 'user']);
      expect(all.entries[2]).toMatchObject({
        actorId: 'staff-1',
        actorName: 'Salma Staff',
        actorEmail: 'salma@example.org',
        actingAsId: 'member-1',
        actingAsName: 'Youssef Member',
        subjectType: 'user',
        subjectId: 'member-1',
        data: { changed: ['name'] },
        via: 'session',
      });
      expect(all.entries[0]).toMatchObject({ actorId: null, actorName: null, via: 'system' });
      expect(all.entries[2]!.createdAt).toBeInstanceOf(Date);

      expect((await listAuditEntries(reader, { subjectType: 'user' })).entries.map((e) => e.action)).toEqual(['identity.profile.update']);
      // An action prefix matches whole segments only.
      expect((await listAuditEntries(reader, { action: 'identity.token' })).entries.map((e) => e.action)).toEqual([
        'identity.token.create',
      ]);
      expect((await listAuditEntries(reader, { action: 'identity.token.create' })).entries).toHaveLength(1);
      expect((await listAuditEntries(reader, { action: 'identity', subjectType: 'api_token' })).entries).toHaveLength(2);
      expect((await listAuditEntries(reader, { action: '', subjectType: '' })).filter).toEqual({
        subjectType: undefined,
        action: undefined,
      });

      await db.delete(auditLog);
      for (let i = 0; i < AUDIT_PAGE_SIZE + 3; i++) {
        await db
          .insert(auditLog)
          .values({ action: `test.step${i}`, subjectType: 'test', createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
      }
      const first = await listAuditEntries(reader, { page: 1 });
      expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
      expect(first.hasNext).toBe(true);
      const second = await listAuditEntries(reader, { page: 2 });
      expect(second.entries.map((e) => e.action)).toEqual(['test.step2', 'test.step1', 'test.step0']);
      expect(second.hasNext).toBe(false);
    });

    it('requires audit.read and sane filters', async () => {
      expect(await codeOf(listAuditEntries(actorWith(['jobs.read']), {}))).toBe('COMMON_FORBIDDEN');
      expect(await codeOf(listAuditEntries({ kind: 'anonymous' }, {}))).toBe('COMMON_UNAUTHENTICATED');
      expect(await codeOf(listAuditEntries(actorWith(['audit.read']), { action: "x' or 1=1 --" }))).toBe('COMMON_VALIDATION_FAILED');
    });
  });
});

/** Reads the audit entries about one subject (uses the `audit_subject_idx` index). */
import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.server.ts';
import { user } from '../db/schema.ts';
import { auditLog } from './audit.schema.ts';

/** Newest first, in one query, with the names of the actor and of the person acted for. */
export async function selectSubjectEntries(executor: Executor, subjectType: string, subjectId: string, limit: number, offset: number) {
  const actingAs = alias(user, 'acting_as_user');
  return executor
    .select({
      id: auditLog.id,
      action: auditLog.action,
      data: auditLog.data,
      via: auditLog.via,
      createdAt: auditLog.createdAt,
      actorName: user.name,
      actingAsName: actingAs.name,
    })
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorId))
    .leftJoin(actingAs, eq(actingAs.id, auditLog.actingAsId))
    .where(and(eq(auditLog.subjectType, subjectType), eq(auditLog.subjectId, subjectId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
}

/** Reads the audit log (the writer is `recordAudit`), with the names of the people involved. */
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.server.ts';
import { user } from '../db/schema.ts';
import { auditLog } from './audit.schema.ts';

export interface AuditFilter {
  subjectType?: string;
  action?: string;
}

function conditions(filter: AuditFilter) {
  return and(
    filter.subjectType ? eq(auditLog.subjectType, filter.subjectType) : undefined,
    filter.action ? or(eq(auditLog.action, filter.action), sql`starts_with(${auditLog.action}, ${`${filter.action}.`})`) : undefined,
  );
}

/** Newest first, in one query: the actor and the person acted for are joined for their names. */
export async function selectAuditEntries(executor: Executor, filter: AuditFilter, limit: number, offset: number) {
  const actingAs = alias(user, 'acting_as_user');
  return executor
    .select({
      id: auditLog.id,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      data: auditLog.data,
      via: auditLog.via,
      requestId: auditLog.requestId,
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorName: user.name,
      actorEmail: user.email,
      actingAsId: auditLog.actingAsId,
      actingAsName: actingAs.name,
    })
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorId))
    .leftJoin(actingAs, eq(actingAs.id, auditLog.actingAsId))
    .where(conditions(filter))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
}

/** The subject types present, for the filter's choices (bounded: services use a handful). */
export async function selectAuditSubjectTypes(executor: Executor, limit: number): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ subjectType: auditLog.subjectType })
    .from(auditLog)
    .orderBy(auditLog.subjectType)
    .limit(limit);
  return rows.map((r) => r.subjectType);
}

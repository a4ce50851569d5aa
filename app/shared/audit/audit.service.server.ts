/** The audit log as staff read it (`audit.read`): newest first, a page at a time, filterable. */
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/can.ts';
import { getDb } from '../db/client.server.ts';
import { CommonErrors } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { type AuditQuery, auditQuerySchema } from './audit.contracts.ts';
import { selectAuditEntries, selectAuditSubjectTypes } from './audit.repository.server.ts';

export const AUDIT_PAGE_SIZE = 50;

export type AuditEntryView = Awaited<ReturnType<typeof selectAuditEntries>>[number];

export interface AuditPage {
  entries: AuditEntryView[];
  /** Subject types present in the log, for the filter. */
  subjectTypes: string[];
  filter: { subjectType?: string; action?: string };
  page: number;
  pageSize: number;
  hasNext: boolean;
}

export async function listAuditEntries(actor: Actor, input: AuditQuery): Promise<AuditPage> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  if (!can(actor, 'audit.read')) throw CommonErrors.forbidden();
  const { page, subjectType, action } = parseInput(auditQuerySchema, input);
  const db = getDb();
  const filter = { subjectType, action };
  const rows = await selectAuditEntries(db, filter, AUDIT_PAGE_SIZE + 1, (page - 1) * AUDIT_PAGE_SIZE);
  const subjectTypes = await selectAuditSubjectTypes(db, 100);
  return {
    entries: rows.slice(0, AUDIT_PAGE_SIZE),
    subjectTypes,
    filter,
    page,
    pageSize: AUDIT_PAGE_SIZE,
    hasNext: rows.length > AUDIT_PAGE_SIZE,
  };
}

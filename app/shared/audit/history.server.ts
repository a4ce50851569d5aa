/**
 * The history of one subject (an organisation, a cluster...): who changed it, as whom, when, and
 * which fields. Modules decide who may read it by passing the permission and scope that let
 * someone manage the subject; holders of `audit.read` may read every history.
 */
import type { Actor } from '../auth/actor.ts';
import { can, type Subject } from '../auth/can.ts';
import { getDb } from '../db/client.server.ts';
import { CommonErrors } from '../errors.ts';
import { selectSubjectEntries } from './history.repository.server.ts';

export const HISTORY_PAGE_SIZE = 30;
/** Deep pages of one subject's history are never needed; the audit log page goes further. */
export const HISTORY_MAX_PAGE = 1000;

export interface HistorySubject {
  subjectType: string;
  subjectId: string;
  /** Readers: those holding this permission over `scope`. */
  permission: string;
  scope: Subject;
}

export interface HistoryEntry {
  id: string;
  /** `module.subject.verb`, e.g. `directory.organisation.update`. */
  action: string;
  createdAt: Date;
  /** Null when the system made the change (seed, import job). */
  actorName: string | null;
  /** Set when staff acted on behalf of this person. */
  actingAsName: string | null;
  via: string | null;
  /** Names of the fields changed, when the entry lists them. */
  changed: string[];
}

export interface HistoryPage {
  entries: HistoryEntry[];
  page: number;
  hasNext: boolean;
}

function changedFields(data: Record<string, unknown> | null): string[] {
  const changed = data?.changed;
  return Array.isArray(changed) ? changed.filter((field): field is string => typeof field === 'string') : [];
}

export function canReadHistory(actor: Actor, subject: Pick<HistorySubject, 'permission' | 'scope'>): boolean {
  return can(actor, 'audit.read') || can(actor, subject.permission, subject.scope);
}

export async function listSubjectHistory(actor: Actor, subject: HistorySubject, page = 1): Promise<HistoryPage> {
  if (actor.kind === 'anonymous') throw CommonErrors.unauthenticated();
  if (!canReadHistory(actor, subject)) throw CommonErrors.forbidden();
  const current = Number.isInteger(page) && page >= 1 && page <= HISTORY_MAX_PAGE ? page : 1;
  const rows = await selectSubjectEntries(
    getDb(),
    subject.subjectType,
    subject.subjectId,
    HISTORY_PAGE_SIZE + 1,
    (current - 1) * HISTORY_PAGE_SIZE,
  );
  return {
    entries: rows.slice(0, HISTORY_PAGE_SIZE).map(({ data, ...row }) => ({ ...row, changed: changedFields(data) })),
    page: current,
    hasNext: rows.length > HISTORY_PAGE_SIZE,
  };
}

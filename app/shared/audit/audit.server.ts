/**
 * The audit log: every change an actor makes to shared data is recorded by the service that made
 * it, inside the same transaction (who, as whom, what, to which subject, when).
 */
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/client.server.ts';
import { auditLog } from './audit.schema.ts';

export interface AuditEntry {
  /** `module.subject.verb`, e.g. `identity.token.create`. */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** What changed; never secrets, passwords or tokens. */
  data?: Record<string, unknown>;
  requestId?: string;
}

export async function recordAudit(executor: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values({
    actorId: actor.kind === 'user' ? actor.userId : null,
    actingAsId: actor.kind === 'user' ? (actor.actingAsId ?? null) : null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    data: entry.data ?? null,
    requestId: entry.requestId ?? null,
    via: actor.kind === 'user' ? actor.via : 'system',
  });
}

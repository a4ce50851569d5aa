import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.ts';

/** Who did what to which subject, as whom, and when. Written by services, never by routes. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    /** The authenticated user, or null for the system (seed, jobs). */
    actorId: text('actor_id'),
    /** Set when staff act on behalf of someone (assisted entry). */
    actingAsId: text('acting_as_id'),
    /** `module.verb`, e.g. `identity.token.create`. */
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    /** Changed fields only; never secrets. */
    data: jsonb('data').$type<Record<string, unknown>>(),
    requestId: text('request_id'),
    via: text('via').$type<'session' | 'token' | 'cli' | 'system'>(),
    createdAt: createdAt(),
  },
  (t) => [index('audit_subject_idx').on(t.subjectType, t.subjectId), index('audit_created_idx').on(t.createdAt)],
);

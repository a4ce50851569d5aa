/** The only code touching `mail_outbox`. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.server.ts';
import { mailOutbox } from './mail.schema.ts';

export type OutboxMail = typeof mailOutbox.$inferSelect;
export type NewOutboxMail = typeof mailOutbox.$inferInsert;

/** Keyed by the job's id: running a delivery job twice stores the mail once. */
export async function insertOutboxMail(executor: Executor, mail: NewOutboxMail & { id: string }): Promise<void> {
  await executor.insert(mailOutbox).values(mail).onConflictDoNothing({ target: mailOutbox.id });
}

export async function selectOutboxMail(executor: Executor, limit: number, offset: number): Promise<OutboxMail[]> {
  return executor.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id)).limit(limit).offset(offset);
}

export async function findOutboxMail(executor: Executor, id: string): Promise<OutboxMail | null> {
  const [row] = await executor.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row ?? null;
}

export async function markOutboxMailRead(executor: Executor, id: string): Promise<void> {
  await executor
    .update(mailOutbox)
    .set({ readAt: sql`now()` })
    .where(and(eq(mailOutbox.id, id), isNull(mailOutbox.readAt)));
}

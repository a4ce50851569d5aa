/** The follow-up's rows: decisions, actions, minutes versions and documents. Only this file touches drizzle for them. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { cluster, event, eventAction, eventDecision, eventDocument, eventMinutesVersion, storedFile, user } from '#app/shared/db/schema.ts';

export type DecisionRow = typeof eventDecision.$inferSelect;
export type ActionRow = typeof eventAction.$inferSelect;
export type MinutesRow = typeof eventMinutesVersion.$inferSelect;

export async function selectDecisions(executor: Executor, eventId: string) {
  return executor
    .select()
    .from(eventDecision)
    .where(eq(eventDecision.eventId, eventId))
    .orderBy(asc(eventDecision.decidedOn), asc(eventDecision.createdAt));
}

export async function selectActions(executor: Executor, eventId: string) {
  return executor
    .select()
    .from(eventAction)
    .where(eq(eventAction.eventId, eventId))
    .orderBy(sql`${eventAction.dueOn} asc nulls last`, asc(eventAction.createdAt));
}

/** The latest versions of the minutes, newest first. */
export async function selectMinutes(executor: Executor, eventId: string, limit: number) {
  return executor
    .select()
    .from(eventMinutesVersion)
    .where(eq(eventMinutesVersion.eventId, eventId))
    .orderBy(desc(eventMinutesVersion.createdAt), desc(eventMinutesVersion.id))
    .limit(limit);
}

export async function selectDocuments(executor: Executor, eventId: string) {
  return executor
    .select({
      id: eventDocument.id,
      title: eventDocument.title,
      isPublic: eventDocument.isPublic,
      createdAt: eventDocument.createdAt,
      fileId: eventDocument.fileId,
      fileName: storedFile.originalName,
      contentType: storedFile.contentType,
      size: storedFile.size,
    })
    .from(eventDocument)
    .innerJoin(storedFile, eq(storedFile.id, eventDocument.fileId))
    .where(eq(eventDocument.eventId, eventId))
    .orderBy(asc(eventDocument.createdAt));
}

export async function insertDecision(executor: Executor, values: typeof eventDecision.$inferInsert) {
  const [row] = await executor.insert(eventDecision).values(values).returning();
  return row!;
}

export async function updateDecisionRow(
  executor: Executor,
  eventId: string,
  id: string,
  values: Partial<typeof eventDecision.$inferInsert>,
) {
  const [row] = await executor
    .update(eventDecision)
    .set(values)
    .where(and(eq(eventDecision.eventId, eventId), eq(eventDecision.id, id)))
    .returning();
  return row;
}

export async function deleteDecisionRow(executor: Executor, eventId: string, id: string) {
  const [row] = await executor
    .delete(eventDecision)
    .where(and(eq(eventDecision.eventId, eventId), eq(eventDecision.id, id)))
    .returning();
  return row;
}

export async function findDecision(executor: Executor, eventId: string, id: string) {
  const [row] = await executor
    .select()
    .from(eventDecision)
    .where(and(eq(eventDecision.eventId, eventId), eq(eventDecision.id, id)));
  return row;
}

export async function findAction(executor: Executor, eventId: string, id: string) {
  const [row] = await executor
    .select()
    .from(eventAction)
    .where(and(eq(eventAction.eventId, eventId), eq(eventAction.id, id)))
    .for('update');
  return row;
}

export async function insertAction(executor: Executor, values: typeof eventAction.$inferInsert) {
  const [row] = await executor.insert(eventAction).values(values).returning();
  return row!;
}

export async function updateActionRow(executor: Executor, id: string, values: Partial<typeof eventAction.$inferInsert>) {
  const [row] = await executor.update(eventAction).set(values).where(eq(eventAction.id, id)).returning();
  return row!;
}

export async function deleteActionRow(executor: Executor, eventId: string, id: string) {
  const [row] = await executor
    .delete(eventAction)
    .where(and(eq(eventAction.eventId, eventId), eq(eventAction.id, id)))
    .returning();
  return row;
}

export async function insertMinutes(executor: Executor, values: typeof eventMinutesVersion.$inferInsert) {
  const [row] = await executor.insert(eventMinutesVersion).values(values).returning();
  return row!;
}

export async function insertDocument(executor: Executor, values: typeof eventDocument.$inferInsert) {
  const [row] = await executor.insert(eventDocument).values(values).returning();
  return row!;
}

export async function findDocument(executor: Executor, eventId: string, id: string) {
  const [row] = await executor
    .select()
    .from(eventDocument)
    .where(and(eq(eventDocument.eventId, eventId), eq(eventDocument.id, id)));
  return row;
}

export async function deleteDocumentRow(executor: Executor, id: string) {
  const [row] = await executor.delete(eventDocument).where(eq(eventDocument.id, id)).returning();
  return row;
}

/** A verified account by its address (lower-cased), for an action's owner. */
export async function findAccountByEmail(executor: Executor, email: string) {
  const [row] = await executor
    .select({ id: user.id, email: user.email, name: user.name, locale: user.locale })
    .from(user)
    .where(and(eq(sql`lower(${user.email})`, email.toLowerCase()), eq(user.emailVerified, true)));
  return row;
}

/** Open and in-progress actions of the given events, by due date (undated last), bounded. */
export async function selectOpenActions(executor: Executor, limit: number) {
  return executor
    .select({
      action: eventAction,
      event: {
        id: event.id,
        slug: event.slug,
        title: event.title,
        sourceLocale: event.sourceLocale,
        status: event.status,
        countryIso2: event.countryIso2,
        timeZone: event.timeZone,
        hostClusterSlug: cluster.slug,
      },
    })
    .from(eventAction)
    .innerJoin(event, eq(event.id, eventAction.eventId))
    .leftJoin(cluster, eq(cluster.id, event.hostClusterId))
    .where(inArray(eventAction.status, ['open', 'in-progress']))
    .orderBy(sql`${eventAction.dueOn} asc nulls last`, asc(eventAction.createdAt))
    .limit(limit);
}

/** Personal calendar feeds: the token's hash per account, and the events an account is registered for. */
import { and, asc, eq, exists, inArray } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { calendarFeed, event, eventRegistration } from '#app/shared/db/schema.ts';

/** Sets the account's token hash, replacing the previous one (whose address then stops working). */
export async function upsertFeedToken(executor: Executor, userId: string, tokenHash: string): Promise<void> {
  await executor
    .insert(calendarFeed)
    .values({ userId, tokenHash })
    .onConflictDoUpdate({ target: calendarFeed.userId, set: { tokenHash, createdAt: new Date() } });
}

export async function findFeedByUser(executor: Executor, userId: string) {
  const [row] = await executor.select().from(calendarFeed).where(eq(calendarFeed.userId, userId));
  return row;
}

export async function findFeedByHash(executor: Executor, tokenHash: string) {
  const [row] = await executor.select().from(calendarFeed).where(eq(calendarFeed.tokenHash, tokenHash));
  return row;
}

/** Published or cancelled events the account holds a seat for or waits for, soonest first. */
export async function selectRegisteredEvents(executor: Executor, userId: string) {
  const registered = executor
    .select({ id: eventRegistration.id })
    .from(eventRegistration)
    .where(
      and(
        eq(eventRegistration.eventId, event.id),
        eq(eventRegistration.userId, userId),
        inArray(eventRegistration.status, ['confirmed', 'waiting']),
      ),
    );
  return executor
    .select()
    .from(event)
    .where(and(inArray(event.status, ['published', 'cancelled']), exists(registered)))
    .orderBy(asc(event.startsAt))
    .limit(1000);
}

/** People of organisations (the only code touching the `person` table through drizzle), and the accounts they link to. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
import { auditLog, user } from '#app/shared/db/schema.ts';
import { person } from './directory.schema.ts';

export type PersonRow = typeof person.$inferSelect;
export type PersonValues = Omit<typeof person.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** An organisation has a bounded number of people; the cap keeps the page bounded all the same. */
export async function selectPeople(executor: Executor, organisationId: string, options: { listedOnly: boolean; limit: number }) {
  return executor
    .select()
    .from(person)
    .where(and(eq(person.organisationId, organisationId), options.listedOnly ? eq(person.listedConsent, true) : undefined))
    .orderBy(asc(person.fullName), asc(person.id))
    .limit(options.limit);
}

export async function findPersonOf(executor: Executor, organisationId: string, personId: string): Promise<PersonRow | undefined> {
  const [row] = await executor
    .select()
    .from(person)
    .where(and(eq(person.id, personId), eq(person.organisationId, organisationId)))
    .limit(1)
    .for('update');
  return row;
}

export async function insertPersonRow(executor: Executor, values: PersonValues): Promise<PersonRow> {
  const [row] = await executor.insert(person).values(values).returning();
  return row!;
}

export async function updatePersonRow(executor: Executor, id: string, values: Partial<PersonValues>): Promise<PersonRow> {
  const [row] = await executor.update(person).set(values).where(eq(person.id, id)).returning();
  return row!;
}

export async function deletePersonRow(executor: Executor, id: string): Promise<void> {
  await executor.delete(person).where(eq(person.id, id));
}

/** The account whose verified e-mail this is (e-mails compare without case). */
export async function findVerifiedAccountId(executor: Executor, email: string): Promise<string | undefined> {
  const [row] = await executor
    .select({ id: user.id })
    .from(user)
    .where(and(sql`lower(${user.email}) = lower(${email})`, eq(user.emailVerified, true)))
    .limit(1);
  return row?.id;
}

/** The person, of any organisation, already linked to this account. */
export async function findPersonOfAccount(executor: Executor, userId: string): Promise<PersonRow | undefined> {
  const [row] = await executor.select().from(person).where(eq(person.userId, userId)).limit(1);
  return row;
}

/**
 * The current names of the people these audit entries are about (`data.personId`), for those
 * still in the organisation: an entry about a person since removed names no one.
 */
export async function selectPersonNamesOfEntries(executor: Executor, organisationId: string, entryIds: readonly string[]) {
  return executor
    .select({ entryId: auditLog.id, fullName: person.fullName })
    .from(auditLog)
    .innerJoin(person, and(eq(person.id, sql`${auditLog.data} ->> 'personId'`), eq(person.organisationId, organisationId)))
    .where(inArray(auditLog.id, [...entryIds]));
}

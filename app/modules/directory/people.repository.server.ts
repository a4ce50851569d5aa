/** People of organisations (the only code touching the `person` table through drizzle). */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '#app/shared/db/client.server.ts';
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

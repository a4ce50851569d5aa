/** The only code touching `stored_file`. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.server.ts';
import { storedFile } from './files.schema.ts';

export type StoredFile = typeof storedFile.$inferSelect;

export async function insertStoredFile(executor: Executor, values: typeof storedFile.$inferInsert): Promise<StoredFile> {
  const [row] = await executor.insert(storedFile).values(values).returning();
  return row!;
}

export async function findStoredFile(executor: Executor, id: string): Promise<StoredFile | null> {
  const [row] = await executor.select().from(storedFile).where(eq(storedFile.id, id));
  return row ?? null;
}

export async function deleteStoredFileRow(executor: Executor, id: string): Promise<StoredFile | null> {
  const [row] = await executor.delete(storedFile).where(eq(storedFile.id, id)).returning();
  return row ?? null;
}

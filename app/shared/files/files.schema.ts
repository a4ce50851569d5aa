import { bigint, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.ts';

/** Metadata of stored files; the bytes live behind the FileStorage interface (local disk by default). */
export const storedFile = pgTable('stored_file', {
  id: id(),
  storageKey: text('storage_key').notNull().unique(),
  originalName: text('original_name').notNull(),
  contentType: text('content_type').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  ownerId: text('owner_id'),
  createdAt: createdAt(),
});

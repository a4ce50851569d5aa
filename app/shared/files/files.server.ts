/**
 * Storing files for services: the bytes go to the process-wide `FileStorage` (local disk under
 * `config.filesDir` unless another store is set), the metadata into `stored_file` through the
 * caller's executor, so it commits with the caller's change. Deciding who may store or read a
 * file is the calling service's job; so is its audit entry.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.ts';
import { getConfig } from '../config.server.ts';
import type { Executor } from '../db/client.server.ts';
import { AppError } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { MAX_FILE_BYTES, storeFileSchema } from './files.contracts.ts';
import { deleteStoredFileRow, findStoredFile, insertStoredFile, type StoredFile } from './files.repository.server.ts';
import { LocalDiskStorage } from './local-disk-storage.server.ts';
import type { FileBody, FileStorage } from './storage.ts';

let current: FileStorage | undefined;

export function getFileStorage(): FileStorage {
  current ??= new LocalDiskStorage(getConfig().filesDir);
  return current;
}

/** Tests, and a deployment with an S3-compatible store, set the store explicitly. */
export function setFileStorage(storage: FileStorage | undefined): void {
  current = storage;
}

export interface StoreFileInput {
  name: string;
  contentType: string;
  bytes: FileBody;
}

function newStorageKey(now: Date): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${now.getUTCFullYear()}/${month}/${randomUUID()}`;
}

/**
 * Stores the bytes, then records their metadata (size and SHA-256 measured while writing). If the
 * record cannot be written the bytes are removed again. A caller's transaction that rolls back
 * later leaves unreferenced bytes behind, never a record without bytes.
 */
export async function storeFile(executor: Executor, actor: Actor, input: StoreFileInput): Promise<StoredFile> {
  const { name, contentType } = parseInput(storeFileSchema, { name: input.name, contentType: input.contentType });
  const storage = getFileStorage();
  const storageKey = newStorageKey(new Date());
  const { size, sha256 } = await storage.put(storageKey, input.bytes, { contentType, maxBytes: MAX_FILE_BYTES });
  try {
    return await insertStoredFile(executor, {
      storageKey,
      originalName: name,
      contentType,
      size,
      sha256,
      ownerId: actor.kind === 'user' ? actor.userId : null,
    });
  } catch (error) {
    await storage.delete(storageKey);
    throw error;
  }
}

/** A stored file's metadata and its bytes; PLATFORM_FILE_NOT_FOUND when either is missing. */
export async function openStoredFile(executor: Executor, id: string): Promise<{ file: StoredFile; body: ReadableStream<Uint8Array> }> {
  const file = await findStoredFile(executor, id);
  if (!file) throw new AppError('PLATFORM_FILE_NOT_FOUND', 404);
  return { file, body: await getFileStorage().get(file.storageKey) };
}

/** Removes the record, then the bytes. Removing a missing file is not an error. */
export async function deleteStoredFile(executor: Executor, id: string): Promise<void> {
  const removed = await deleteStoredFileRow(executor, id);
  if (removed) await getFileStorage().delete(removed.storageKey);
}

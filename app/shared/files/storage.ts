/**
 * Where file bytes live. The local-disk store is the default; an S3-compatible store can
 * implement the same interface. Metadata (name, type, size, hash, owner) is in `stored_file`.
 */
import type { Readable } from 'node:stream';

export type FileBody = Uint8Array | ReadableStream<Uint8Array> | Readable;

export interface PutMeta {
  contentType: string;
  /** Refuse (PLATFORM_FILE_TOO_LARGE, nothing stored) once the body exceeds this many bytes. */
  maxBytes?: number;
}

export interface PutResult {
  size: number;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
}

export interface FileStorage {
  /** Stores the bytes under `key`, replacing any previous bytes atomically (readers never see half a file). */
  put(key: string, body: FileBody, meta: PutMeta): Promise<PutResult>;
  /** The bytes; throws PLATFORM_FILE_NOT_FOUND (404) when there are none. */
  get(key: string): Promise<ReadableStream<Uint8Array>>;
  /** Removes the bytes; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/**
 * File storage on the local disk under `config.filesDir`. Writes go to a temporary file in the
 * same directory tree, are flushed, then renamed into place: a crash leaves the old bytes or the
 * new ones, never a torn file. Keys are checked twice: by shape, then by the resolved path.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import { AppError } from '../errors.ts';
import type { FileBody, FileStorage, PutMeta, PutResult } from './storage.ts';
import { isSafeStorageKey } from './storage-key.ts';

/** Temporary files live here; keys cannot start with a dot, so no key can name this directory. */
const TEMP_DIR = '.tmp';

function toReadable(body: FileBody): Readable {
  if (body instanceof Uint8Array) return Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)]);
  if (body instanceof Readable) return body;
  return Readable.fromWeb(body as NodeWebReadableStream<Uint8Array>);
}

export class LocalDiskStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string): string {
    const resolved = path.resolve(this.root, ...key.split('/'));
    if (!isSafeStorageKey(key) || !resolved.startsWith(`${this.root}${path.sep}`)) {
      throw new AppError('PLATFORM_FILE_KEY_INVALID', 400, { key });
    }
    return resolved;
  }

  async put(key: string, body: FileBody, meta: PutMeta): Promise<PutResult> {
    const target = this.pathOf(key);
    const tempDir = path.join(this.root, TEMP_DIR);
    await mkdir(tempDir, { recursive: true });
    const temp = path.join(tempDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (meta.maxBytes !== undefined && size > meta.maxBytes) {
          callback(new AppError('PLATFORM_FILE_TOO_LARGE', 413, { maxBytes: meta.maxBytes }));
          return;
        }
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(toReadable(body), measure, createWriteStream(temp, { flags: 'wx', mode: 0o640 }));
      const handle = await open(temp, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await mkdir(path.dirname(target), { recursive: true });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { size, sha256: hash.digest('hex') };
  }

  async get(key: string): Promise<ReadableStream<Uint8Array>> {
    const file = this.pathOf(key);
    if (!(await this.exists(key))) throw new AppError('PLATFORM_FILE_NOT_FOUND', 404);
    return Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
}

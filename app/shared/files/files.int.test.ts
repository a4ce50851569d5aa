import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '#app/shared/errors.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { actorWith } from '../audit/testing/staff-actor.ts';
import { MAX_FILE_BYTES } from './files.contracts.ts';
import { storedFile } from './files.schema.ts';
import { deleteStoredFile, openStoredFile, setFileStorage, storeFile } from './files.server.ts';
import { LocalDiskStorage } from './local-disk-storage.server.ts';

describe('file storage', () => {
  const database = useTestDatabase();
  let root: string;
  let storage: LocalDiskStorage;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mosaic-files-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(() => {
    storage = new LocalDiskStorage(path.join(root, String(Math.random()).slice(2)));
    setFileStorage(storage);
  });
  afterEach(() => setFileStorage(undefined));

  const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

  async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
    return new Response(stream).text();
  }

  async function codeOf(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
      () => 'resolved',
      (error: unknown) => (isAppError(error) ? error.code : error),
    );
  }

  /** Everything under the store's root, temporary directory included. */
  function filesOnDisk(): string[] {
    if (!existsSync(storage.root)) return [];
    return readdirSync(storage.root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(storage.root, path.join(e.parentPath, e.name)));
  }

  describe('LocalDiskStorage', () => {
    it('stores bytes from a buffer, a web stream or a Node stream, measuring size and SHA-256', async () => {
      const arabic = 'فسيفساء الجم';
      expect(await storage.put('docs/a.txt', new TextEncoder().encode(arabic), { contentType: 'text/plain' })).toEqual({
        size: Buffer.byteLength(arabic),
        sha256: sha256(arabic),
      });
      const web = new Blob(['part one, ', 'part two']).stream();
      expect(await storage.put('docs/b.txt', web, { contentType: 'text/plain' })).toMatchObject({
        size: 18,
        sha256: sha256('part one, part two'),
      });
      expect(await storage.put('docs/c.txt', Readable.from([Buffer.from('node')]), { contentType: 'text/plain' })).toMatchObject({
        size: 4,
      });

      expect(await text(await storage.get('docs/a.txt'))).toBe(arabic);
      expect(readFileSync(path.join(storage.root, 'docs', 'b.txt'), 'utf8')).toBe('part one, part two');
      expect(await storage.exists('docs/c.txt')).toBe(true);
      expect(filesOnDisk().sort()).toEqual(['docs/a.txt', 'docs/b.txt', 'docs/c.txt']);
    });

    it('replaces a file whole and deletes idempotently', async () => {
      await storage.put('k', new TextEncoder().encode('old'), { contentType: 'text/plain' });
      await storage.put('k', new TextEncoder().encode('new bytes'), { contentType: 'text/plain' });
      expect(await text(await storage.get('k'))).toBe('new bytes');
      await storage.delete('k');
      await storage.delete('k');
      expect(await storage.exists('k')).toBe(false);
      expect(await codeOf(storage.get('k'))).toBe('PLATFORM_FILE_NOT_FOUND');
    });

    it('refuses keys that could leave its directory, touching nothing', async () => {
      for (const key of ['../escape', 'a/../../escape', '/tmp/escape', '.tmp/x', 'a\\..\\b']) {
        expect(await codeOf(storage.put(key, new Uint8Array([1]), { contentType: 'text/plain' })), key).toBe('PLATFORM_FILE_KEY_INVALID');
        expect(await codeOf(storage.get(key)), key).toBe('PLATFORM_FILE_KEY_INVALID');
        expect(await codeOf(storage.delete(key)), key).toBe('PLATFORM_FILE_KEY_INVALID');
      }
      expect(readdirSync(path.dirname(storage.root)).filter((n) => n === 'escape')).toEqual([]);
      expect(filesOnDisk()).toEqual([]);
    });

    it('stops writing past the size limit and leaves neither the file nor a temporary file', async () => {
      const body = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
      expect(await codeOf(storage.put('big.bin', body, { contentType: 'application/octet-stream', maxBytes: 1_000 }))).toBe(
        'PLATFORM_FILE_TOO_LARGE',
      );
      expect(await storage.exists('big.bin')).toBe(false);
      expect(filesOnDisk()).toEqual([]);
    });
  });

  describe('storeFile', () => {
    it('stores the bytes and records name, type, size, hash and owner', async () => {
      const owner = actorWith([], { userId: 'owner-1' });
      const bytes = new TextEncoder().encode('%PDF-1.7 diagnostic');
      const stored = await storeFile(database().db, owner, {
        name: 'C:\\Users\\amal\\Diagnostic Jem.pdf',
        contentType: 'Application/PDF',
        bytes,
      });
      expect(stored).toMatchObject({
        originalName: 'Diagnostic Jem.pdf',
        contentType: 'application/pdf',
        size: bytes.byteLength,
        sha256: sha256(bytes),
        ownerId: 'owner-1',
      });
      expect(stored.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);

      const opened = await openStoredFile(database().db, stored.id);
      expect(opened.file.id).toBe(stored.id);
      expect(await text(opened.body)).toBe('%PDF-1.7 diagnostic');

      await deleteStoredFile(database().db, stored.id);
      expect(await database().db.select().from(storedFile).where(eq(storedFile.id, stored.id))).toEqual([]);
      expect(await storage.exists(stored.storageKey)).toBe(false);
      expect(await codeOf(openStoredFile(database().db, stored.id))).toBe('PLATFORM_FILE_NOT_FOUND');
    });

    it('commits the record with the caller’s transaction', async () => {
      const before = await database().db.select().from(storedFile);
      await database()
        .db.transaction(async (tx) => {
          await storeFile(tx, actorWith([]), { name: 'a.txt', contentType: 'text/plain', bytes: new Uint8Array([65]) });
          tx.rollback();
        })
        .catch(() => {});
      expect(await database().db.select().from(storedFile)).toEqual(before);
    });

    it('refuses bad names, types and oversized files, recording nothing', async () => {
      const actor = actorWith([]);
      expect(await codeOf(storeFile(database().db, actor, { name: ' / ', contentType: 'text/plain', bytes: new Uint8Array(1) }))).toBe(
        'COMMON_VALIDATION_FAILED',
      );
      expect(await codeOf(storeFile(database().db, actor, { name: 'a.txt', contentType: 'not a type', bytes: new Uint8Array(1) }))).toBe(
        'COMMON_VALIDATION_FAILED',
      );
      const huge = Readable.from(
        (function* () {
          for (let sent = 0; sent <= MAX_FILE_BYTES; sent += 1024 * 1024) yield Buffer.alloc(1024 * 1024);
        })(),
      );
      expect(
        await codeOf(storeFile(database().db, actor, { name: 'huge.bin', contentType: 'application/octet-stream', bytes: huge })),
      ).toBe('PLATFORM_FILE_TOO_LARGE');
      expect(await database().db.select().from(storedFile)).toEqual([]);
      expect(filesOnDisk()).toEqual([]);
    });
  });
});

/**
 * The check-in page's IndexedDB (browser only): the attendee list of each event as last loaded,
 * and the queue of check-ins the server has not received yet. A few lines over the raw API.
 */
import type { CachedAttendee, QueuedCheckIn } from './checkin-queue.ts';

const DB_NAME = 'mosaic-checkin';
const LISTS = 'lists';
const QUEUE = 'queue';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(LISTS)) db.createObjectStore(LISTS, { keyPath: 'slug' });
      if (!db.objectStoreNames.contains(QUEUE)) db.createObjectStore(QUEUE, { keyPath: 'id' }).createIndex('slug', 'slug');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run<T>(store: string, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T> | undefined): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        const tx = db.transaction(store, mode);
        const request = work(tx.objectStore(store));
        tx.oncomplete = () => {
          db.close();
          resolve(request?.result);
        };
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      }),
  );
}

export interface CachedList {
  slug: string;
  items: CachedAttendee[];
  savedAt: string;
}

export async function readList(slug: string): Promise<CachedList | undefined> {
  return (await run<CachedList>(LISTS, 'readonly', (s) => s.get(slug) as IDBRequest<CachedList>)) ?? undefined;
}

export async function saveList(list: CachedList): Promise<void> {
  await run(LISTS, 'readwrite', (s) => s.put(list));
}

export async function readQueue(slug: string): Promise<QueuedCheckIn[]> {
  const items = await run<QueuedCheckIn[]>(QUEUE, 'readonly', (s) => s.index('slug').getAll(slug) as IDBRequest<QueuedCheckIn[]>);
  return (items ?? []).sort((a, b) => a.checkedInAt.localeCompare(b.checkedInAt));
}

export async function enqueue(item: QueuedCheckIn): Promise<void> {
  await run(QUEUE, 'readwrite', (s) => s.put(item));
}

export async function dequeue(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await run(QUEUE, 'readwrite', (s) => {
    for (const id of ids) s.delete(id);
    return undefined;
  });
}

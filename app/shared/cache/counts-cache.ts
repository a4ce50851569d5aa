/**
 * Counts served stale-while-revalidate (the directory's facets and totals, the needs board's
 * training catalogue): fresh for 10 s by default, then answered from the last counts while one
 * background computation replaces them, so after the first request no reader waits for counting
 * (on 100,000 organisations, counting is the one costly part of a directory page: it reads every
 * matching row). Concurrent first requests share one computation; counts older than the stale
 * limit (a minute by default) are recomputed before answering; a failed computation is not kept.
 * Counts may therefore lag a change by about the time-to-live. Bounded in size. Pure apart from
 * the clock it is given.
 */
export interface CountsCacheOptions {
  freshMs?: number;
  staleMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export interface CountsCache {
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

interface Entry {
  freshUntil: number;
  value: Promise<unknown>;
  refreshing: boolean;
}

export function createCountsCache({
  freshMs = 10_000,
  staleMs = 60_000,
  maxEntries = 500,
  now = Date.now,
}: CountsCacheOptions = {}): CountsCache {
  const entries = new Map<string, Entry>();

  function refresh<T>(key: string, stale: Entry, compute: () => Promise<T>): void {
    stale.refreshing = true;
    compute().then(
      (value) => entries.set(key, { freshUntil: now() + freshMs, value: Promise.resolve(value), refreshing: false }),
      () => {
        stale.refreshing = false;
      },
    );
  }

  function evict(at: number): void {
    for (const [key, entry] of entries) {
      if (entries.size < maxEntries && entry.freshUntil + staleMs > at) continue;
      entries.delete(key);
    }
  }

  return {
    get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const at = now();
      const hit = entries.get(key);
      if (hit && at < hit.freshUntil) return hit.value as Promise<T>;
      if (hit && at < hit.freshUntil + staleMs) {
        if (!hit.refreshing) refresh(key, hit, compute);
        return hit.value as Promise<T>;
      }
      if (entries.size >= maxEntries) evict(at);
      const value = compute();
      const entry: Entry = { freshUntil: at + freshMs, value, refreshing: false };
      entries.set(key, entry);
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
  };
}

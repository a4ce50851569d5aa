/**
 * A micro-cache of public pages as anonymous visitors see them (docs/decisions/0007). A page is
 * kept for a couple of seconds and only when nothing about the request or the response is
 * personal: a GET without cookies, credentials or query string, answered 200 with HTML, no
 * cookie and no `no-store`/`private`. Every response still gets its own CSP nonce: the cached
 * document's nonce is replaced by the new request's. Signed-in readers never touch it.
 */

export interface PublicPageCache {
  /** The cache key of a request that may be served from the cache, or null. */
  keyOf(request: Request): string | null;
  /** A fresh copy of the cached page for this key, with `nonce` in place of the cached one. */
  read(key: string, nonce: string): Response | null;
  /** Keeps the response if it may be shared; returns a response to send in its place. */
  keep(key: string, response: Response, nonce: string): Promise<Response>;
}

interface Entry {
  status: number;
  headers: [string, string][];
  body: string;
  nonce: string;
  expiresAt: number;
}

export function createPublicPageCache({ ttlMs, maxEntries = 500 }: { ttlMs: number; maxEntries?: number }): PublicPageCache {
  const entries = new Map<string, Entry>();

  return {
    keyOf(request) {
      if (ttlMs <= 0 || request.method !== 'GET') return null;
      if (request.headers.has('cookie') || request.headers.has('authorization')) return null;
      const url = new URL(request.url);
      if (url.search || url.pathname.endsWith('.data')) return null;
      return url.pathname;
    },

    read(key, nonce) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt <= Date.now()) {
        entries.delete(key);
        return null;
      }
      // Most recently used last, so eviction takes the oldest first.
      entries.delete(key);
      entries.set(key, entry);
      const headers = new Headers(entry.headers);
      headers.set('X-Mosaic-Cache', 'hit');
      return new Response(entry.body.replaceAll(entry.nonce, nonce), { status: entry.status, headers });
    },

    async keep(key, response, nonce) {
      const cacheControl = response.headers.get('cache-control') ?? '';
      const shareable =
        nonce !== '' &&
        response.status === 200 &&
        (response.headers.get('content-type') ?? '').startsWith('text/html') &&
        !response.headers.has('set-cookie') &&
        !/no-store|private/.test(cacheControl);
      if (!shareable) return response;
      const body = await response.text();
      const headers = [...response.headers.entries()];
      entries.set(key, { status: response.status, headers, body, nonce, expiresAt: Date.now() + ttlMs });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return new Response(body, { status: response.status, headers: response.headers });
    },
  };
}

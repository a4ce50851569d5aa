/**
 * A micro-cache of public pages as anonymous visitors see them (docs/decisions/0007). A page is
 * kept only when nothing about the request or the response is personal: a GET without cookies
 * or credentials, answered 200 with HTML, no cookie and no `no-store`/`private`. Every response
 * still gets its own CSP nonce: the cached document's nonce is replaced by the new request's.
 * Signed-in readers never touch it.
 *
 * A kept page is fresh for `ttlMs`; after that it may still be served for `staleMs` while one
 * request renders the new version in the background (stale-while-revalidate), and requests for
 * a page being rendered wait for that one rendering rather than each starting their own (request
 * coalescing, as nginx's `proxy_cache_lock`). Without both, every expiry of a busy page sent all
 * its concurrent readers to React and the database at once.
 *
 * Only paths without a query are cached, except the paths in `queryKeyedPaths` (the public
 * directory, map and search, whose every view is a canonical URL made of public filters): for
 * those the query string is part of the key, and their loader data (`<path>.data?…`, fetched by
 * a hydrated page on a client-side navigation) is cached as well.
 */

export interface PublicPageCache {
  /** The cache key of a request that may be served from the cache, or null. */
  keyOf(request: Request): string | null;
  /**
   * The response to `request`: from the cache when it may be, otherwise from `render` (once for
   * every concurrent request of the same page), kept when it may be shared.
   */
  serve(request: Request, nonce: string, render: () => Promise<Response>): Promise<Response>;
}

export interface PublicPageCacheOptions {
  /** How long a kept page is served as it is; 0 turns the cache off. */
  ttlMs: number;
  /** How long after that it may still be served while a new version is rendered. */
  staleMs?: number;
  maxEntries?: number;
  /** Paths whose query string is part of the page (every other request with a query is not cached). */
  queryKeyedPaths?: RegExp;
  now?: () => number;
}

interface Entry {
  status: number;
  headers: [string, string][];
  /** The document's bytes split where its nonce was: a hit joins them around the new nonce. */
  parts: Buffer<ArrayBuffer>[];
  freshUntil: number;
  staleUntil: number;
}

function splitAtNonce(body: Buffer<ArrayBuffer>, nonce: string): Buffer<ArrayBuffer>[] {
  const parts: Buffer<ArrayBuffer>[] = [];
  let from = 0;
  for (let at = body.indexOf(nonce, from, 'utf8'); at !== -1; at = body.indexOf(nonce, from, 'utf8')) {
    parts.push(body.subarray(from, at));
    from = at + Buffer.byteLength(nonce);
  }
  parts.push(body.subarray(from));
  return parts;
}

function joinAroundNonce(parts: Buffer<ArrayBuffer>[], nonce: string): Buffer<ArrayBuffer> {
  const separator = Buffer.from(nonce, 'utf8');
  const pieces: Buffer<ArrayBuffer>[] = [];
  parts.forEach((part, index) => {
    if (index > 0) pieces.push(separator);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

export function createPublicPageCache({
  ttlMs,
  staleMs = 0,
  maxEntries = 500,
  queryKeyedPaths,
  now = Date.now,
}: PublicPageCacheOptions): PublicPageCache {
  const entries = new Map<string, Entry>();
  /** Renderings under way, by key: what they kept (null when their page could not be shared). */
  const rendering = new Map<string, Promise<Entry | null>>();

  function keyOf(request: Request): string | null {
    if (ttlMs <= 0 || request.method !== 'GET') return null;
    if (request.headers.has('cookie') || request.headers.has('authorization')) return null;
    const url = new URL(request.url);
    if (url.pathname.endsWith('.data')) {
      // The loader data of a listed view, which a hydrated page fetches when a reader follows a
      // facet link: as public as the view's document. Other data requests are not cached.
      return queryKeyedPaths?.test(url.pathname.slice(0, -'.data'.length)) ? `${url.pathname}${url.search}` : null;
    }
    if (!url.search) return url.pathname;
    return queryKeyedPaths?.test(url.pathname) ? `${url.pathname}${url.search}` : null;
  }

  function responseFrom(entry: Entry, nonce: string, state: 'hit' | 'stale'): Response {
    const headers = new Headers(entry.headers);
    headers.set('X-Mosaic-Cache', state);
    const body = joinAroundNonce(entry.parts, nonce);
    headers.set('Content-Length', String(body.byteLength));
    return new Response(body, { status: entry.status, headers });
  }

  function remember(key: string, entry: Entry): void {
    // Most recently used last, so eviction takes the oldest first.
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  }

  /** The page as an entry if it may be shared, and the response to send its requester. */
  async function keep(key: string, response: Response, nonce: string): Promise<{ entry: Entry | null; response: Response }> {
    const cacheControl = response.headers.get('cache-control') ?? '';
    const contentType = response.headers.get('content-type') ?? '';
    // A document carries its nonce; React Router's data (turbo-stream, `text/x-script`) has none.
    const shareableBody = (key.split('?')[0] ?? '').endsWith('.data')
      ? contentType.startsWith('text/x-script')
      : contentType.startsWith('text/html');
    const shareable =
      nonce !== '' &&
      response.status === 200 &&
      shareableBody &&
      !response.headers.has('set-cookie') &&
      !/no-store|private/.test(cacheControl);
    if (!shareable) return { entry: null, response };
    const body = Buffer.from(await response.arrayBuffer());
    const at = now();
    const entry: Entry = {
      status: response.status,
      headers: [...response.headers.entries()],
      parts: splitAtNonce(body, nonce),
      freshUntil: at + ttlMs,
      staleUntil: at + ttlMs + staleMs,
    };
    remember(key, entry);
    return { entry, response: new Response(body, { status: response.status, headers: response.headers }) };
  }

  /** Starts the one rendering of `key`; its requester gets the response, the others the entry. */
  function renderOnce(key: string, nonce: string, render: () => Promise<Response>): Promise<Response> {
    const own = render().then((response) => keep(key, response, nonce));
    const shared = own.then(
      ({ entry }) => entry,
      () => null,
    );
    rendering.set(key, shared);
    void shared.finally(() => {
      if (rendering.get(key) === shared) rendering.delete(key);
    });
    return own.then(({ response }) => response);
  }

  return {
    keyOf,

    async serve(request, nonce, render) {
      const key = keyOf(request);
      if (key === null) return render();
      const at = now();
      const entry = entries.get(key);
      if (entry && at < entry.freshUntil) {
        remember(key, entry);
        return responseFrom(entry, nonce, 'hit');
      }
      if (entry && at < entry.staleUntil) {
        // This reader gets the page as it was; the next ones get the version rendered now.
        if (!rendering.has(key)) void renderOnce(key, nonce, render).catch(() => {});
        return responseFrom(entry, nonce, 'stale');
      }
      if (entry) entries.delete(key);
      const underway = rendering.get(key);
      if (underway) {
        const rendered = await underway;
        // A page that could not be shared (a cookie, an error) is rendered for each reader.
        return rendered ? responseFrom(rendered, nonce, 'hit') : render();
      }
      return renderOnce(key, nonce, render);
    },
  };
}

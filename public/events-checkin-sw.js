/*
 * The check-in page's service worker (registered only by that page, scoped to its path): it keeps
 * the page and the files it loaded, so the page opens and works when the venue's connection drops.
 * - the page itself: network first, the last copy when offline (any `?q=`/`?code=` variant);
 * - built files (/assets/, hashed names): cache first;
 * - the page's other same-origin GETs (translations, icons): network first, the copy when offline;
 * - the API and every non-GET request: straight to the network (check-ins queue in IndexedDB).
 * The page posts {type: 'cache', urls} with what it loaded, which is stored at once.
 */
const CACHE = 'mosaic-checkin-v1';

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key.startsWith('mosaic-checkin-') && key !== CACHE).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'cache' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((url) => typeof url === 'string' && new URL(url, self.location.href).origin === self.location.origin);
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        urls.map((url) =>
          fetch(url, { credentials: 'same-origin' })
            .then((response) => (response.ok ? cache.put(url, response) : undefined))
            .catch(() => undefined),
        ),
      ),
    ),
  );
});

async function networkFirst(request, cacheKey) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(cacheKey, response.clone());
    return response;
  } catch (error) {
    const cached = (await cache.match(cacheKey)) || (await cache.match(request, { ignoreSearch: true }));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // One copy of the page whatever its query: the search and the scanned code are done on the device.
    event.respondWith(networkFirst(request, url.origin + url.pathname));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  event.respondWith(networkFirst(request, request));
});
